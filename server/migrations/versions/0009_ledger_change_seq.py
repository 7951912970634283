"""The ledger keeps each applied op's change_seq in a column of its own: the ledger row is
written before the change_seq counter is taken, and stamped with the records in one
statement (server/seqs.py). Older rows keep it inside their ack.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger") as batch:
        batch.add_column(sa.Column("change_seq", sa.BigInteger))


def downgrade() -> None:
    with op.batch_alter_table("ledger") as batch:
        batch.drop_column("change_seq")
