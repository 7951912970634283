"""Contests: natural-key challengers kept so the conflict is visible on every device.

A push whose record collides with a live record's (form, org unit, period) gets a `conflict`
ack as before; the challenger is also stored here (one row per (record, challenger)) until an
upsert of the record names it in `resolves`.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("challenger_id", sa.String(64), nullable=False),
        sa.Column("challenger", sa.Text, nullable=False),  # the canonical record JSON
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32)),
        sa.UniqueConstraint("record_id", "challenger_id", name="uq_contests_record_challenger"),
    )


def downgrade() -> None:
    op.drop_table("contests")
