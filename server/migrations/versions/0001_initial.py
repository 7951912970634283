"""Initial schema: org units, users, tokens, login throttle, records, revisions, ledger.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    counters = op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counters, [{"name": "change_seq", "value": 0}])
    op.create_table(
        "org_units",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("name_ru", sa.Text, nullable=False),
        sa.Column("name_kk", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
    )
    _users_and_tokens()
    _records()
    _revisions_and_ledger()


def _users_and_tokens() -> None:
    op.create_table(
        "users",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("region", sa.String(16)),
        sa.Column("district", sa.String(64)),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.Float, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False),
    )


def _records() -> None:
    op.create_table(
        "records",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("form", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer, nullable=False),
        sa.Column("org_unit", sa.String(64), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("justification", sa.Text),
        sa.Column("review_comment", sa.Text),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.BigInteger, unique=True),  # NULL only inside a batch
        sa.Column("natural_key", sa.String(200), unique=True),
    )
    op.create_index("ix_records_org_unit_seq", "records", ["org_unit", "change_seq"])
    op.create_index("ix_records_region_seq", "records", ["region", "change_seq"])
    op.create_index("ix_records_creator_seq", "records", ["created_by", "change_seq"])
    op.create_index("ix_records_form_unit_period", "records", ["form", "org_unit", "period"])


def _revisions_and_ledger() -> None:
    op.create_table(
        "revisions",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("comment", sa.Text),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "ledger",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("op_seq", sa.BigInteger, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("ack", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for name in ("ledger", "revisions", "records", "tokens", "login_throttle", "users",
                 "org_units", "counters"):
        op.drop_table(name)
