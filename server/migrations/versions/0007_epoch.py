"""The server's epoch (server_meta row "epoch"): a random id of the current change_seq history,
renewed by a restore or a detected rollback; pull pages and push answers carry it.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from server.epoch import make_epoch

    meta = sa.table("server_meta", sa.column("name", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"name": "epoch", "value": make_epoch()}])


def downgrade() -> None:
    op.execute("DELETE FROM server_meta WHERE name = 'epoch'")
