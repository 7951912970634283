"""Sync bundles: the public signing key of each device (registered at login), and the
server's own signing key (made once per database, like server_id: it signs reply bundles and
clients pin its public half at first contact).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sync.keys import b64, new_private_key

    op.create_table(
        "device_keys",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    meta = sa.table("server_meta", sa.column("name", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"name": "bundle_signing_key", "value": b64(new_private_key())}])


def downgrade() -> None:
    op.drop_table("device_keys")
    op.execute("DELETE FROM server_meta WHERE name = 'bundle_signing_key'")
