"""Hourly rates: the centre's table of the value of a volunteer hour per region and year
(DOMAIN decision 7). Every change bumps the `rates_version` counter in the same transaction;
pull pages carry that version so clients fetch the table only when it changed.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hourly_rates",
        sa.Column("region", sa.String(16), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("rate", sa.Float, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))
    op.bulk_insert(counters, [{"name": "rates_version", "value": 0}])


def downgrade() -> None:
    op.drop_table("hourly_rates")
    op.execute("DELETE FROM counters WHERE name = 'rates_version'")
