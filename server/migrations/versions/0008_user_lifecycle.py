"""User lifecycle: a forced password change after a reset, tokens bound to a device, login
throttling per (user, address) and per address, last push / pull per user and device, and
an audit log of admin actions.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("must_change_password", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("device_id", sa.String(64)))
    op.create_index("ix_tokens_expires_at", "tokens", ["expires_at"])
    # Throttle rows are short-lived; the old table (keyed by user name only) is dropped.
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(200), primary_key=True),  # "" = the whole address
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.Float, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=False),
    )
    op.create_table(
        "sync_activity",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(64), primary_key=True),  # "" = not known
        sa.Column("last_push", sa.String(32)),
        sa.Column("last_pull", sa.String(32)),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("sync_activity")
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.Float, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=False),
    )
    op.drop_index("ix_tokens_expires_at", "tokens")
    with op.batch_alter_table("tokens") as batch:
        batch.drop_column("device_id")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("must_change_password")
