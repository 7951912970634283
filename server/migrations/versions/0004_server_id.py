"""Server identity: a random id made once per database, sent with every pull page, so a
client's data folder never mixes the data of two servers (its cursor means nothing on another
server: changes below it would be skipped without a word).

Revision ID: 0004
Revises: 0003
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "server_meta",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(meta, [{"name": "server_id", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("server_meta")
