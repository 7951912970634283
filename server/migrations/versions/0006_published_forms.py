"""Published forms and enumerations: definitions the centre publishes without a new build
(`esep server admin publish-form`, PUT /api/v1/forms/{id}, PUT /api/v1/enums/{name}). Every
publication bumps the `forms_version` counter in the same transaction; pull pages carry it so
clients fetch the definitions only after a change.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "published_definitions",
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("requires_engine", sa.Integer, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("published_by", sa.String(64), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
    )
    counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))
    op.bulk_insert(counters, [{"name": "forms_version", "value": 0}])


def downgrade() -> None:
    op.drop_table("published_definitions")
    op.execute("DELETE FROM counters WHERE name = 'forms_version'")
