"""Tables (SQLAlchemy Core), engines for SQLite and PostgreSQL, migrations at startup."""
from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import ARRAY

from forms.paths import private_db_file
from server.config import normalize_db_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

metadata = sa.MetaData()

counters = sa.Table(
    "counters", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)
org_units = sa.Table(
    "org_units", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("region", sa.String(16), nullable=False),
    sa.Column("name_ru", sa.Text, nullable=False),
    sa.Column("name_kk", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
)
users = sa.Table(
    "users", metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("region", sa.String(16)),
    sa.Column("district", sa.String(64)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("must_change_password", sa.Boolean, nullable=False,  # migration 0008
              server_default=sa.false()),
)
login_throttle = sa.Table(  # migration 0008: per (user, address); username "" = the address
    "login_throttle", metadata,
    sa.Column("username", sa.String(200), primary_key=True),
    sa.Column("address", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("window_start", sa.Float, nullable=False),
    sa.Column("locked_until", sa.Float, nullable=False),
)
tokens = sa.Table(
    "tokens", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
    sa.Column("revoked", sa.Boolean, nullable=False),
    sa.Column("device_id", sa.String(64)),  # migration 0008: a re-login replaces its token
)
records = sa.Table(
    "records", metadata,
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
revisions = sa.Table(
    "revisions", metadata,
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
ledger = sa.Table(
    "ledger", metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("op_seq", sa.BigInteger, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("ack", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("change_seq", sa.BigInteger),  # migration 0009; older rows: inside `ack`
)
contests = sa.Table(  # migration 0002
    "contests", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("challenger_id", sa.String(64), nullable=False),
    sa.Column("challenger", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("resolved_at", sa.String(32)),
    sa.UniqueConstraint("record_id", "challenger_id", name="uq_contests_record_challenger"),
)

hourly_rates = sa.Table(  # migration 0003; version: counters row "rates_version"
    "hourly_rates", metadata,
    sa.Column("region", sa.String(16), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("rate", sa.Float, nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

server_meta = sa.Table(  # migration 0004: name -> value ("server_id")
    "server_meta", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def one_of(conn, column, values) -> sa.ColumnElement:
    """`column IN values`. PostgreSQL: `column = ANY(array)`, one parameter: SQLAlchemy
    renders an expanding IN list again at every execution (a push's hot path)."""
    values = list(values)
    if conn.dialect.name == "postgresql":
        return column == sa.any_(sa.bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def server_id(conn) -> str:
    """This database's id (made by migration 0004): pull pages carry it."""
    return conn.execute(sa.select(server_meta.c.value)
                        .where(server_meta.c.name == "server_id")).scalar_one()


def make_engine(db_url: str | None) -> sa.Engine:
    """One engine per app. SQLite: WAL, FKs, busy timeout, BEGIN IMMEDIATE (writers queue)."""
    url = normalize_db_url(db_url)
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        _sqlite_hooks(engine)
        return engine
    # psycopg prepares a query after its 5th run on a connection and discards them all at a
    # ROLLBACK, which ends a read-only request's transaction; a push commits and the token
    # lookup runs outside a transaction (server.deps), so the push's statements stay
    # prepared: PostgreSQL's CPU per pushed record -12 %, +5 % records/s (paired ingest
    # rounds; when the lookup still rolled back, preparing cost ~7 % of the server's CPU).
    engine = sa.create_engine(url, pool_size=10, max_overflow=60)
    _ping_after_idle(engine)
    return engine


def unreachable(exc: BaseException, db_url: str) -> str | None:
    """A database that refused the connection itself (not a statement), said for the
    operator: which database (no password), the driver's reason, what to check. None for
    anything else."""
    if not isinstance(exc, sa.exc.OperationalError) or exc.statement is not None:
        return None
    from server.config import safe_url

    reason = " ".join(str(exc.orig or exc).split()).rstrip(".")
    url = normalize_db_url(db_url)
    check = ("that its folder exists and this account may write there" if
             url.startswith("sqlite") else "that the database server runs there and lets "
             "this user in, and that the database exists (createdb)")
    return (f"the database {safe_url(url)} cannot be used ({reason}). Check the URL (--db, "
            f"ESEP_SERVER_DB or db in the config file) and {check}; nothing was changed")


PING_AFTER_IDLE_S = 5.0


@contextlib.contextmanager
def driver_errors():
    """Statements sent on the raw psycopg connection (pipelines) fail as SQLAlchemy's would:
    a unique-key race as IntegrityError, a value PostgreSQL refuses (e.g. a NUL) as
    DataError, which the callers and the app's handlers know."""
    import psycopg  # PostgreSQL's driver, there when the database is

    try:
        yield
    except (psycopg.IntegrityError, psycopg.DataError) as exc:
        kind = sa.exc.IntegrityError if isinstance(exc, psycopg.IntegrityError) \
            else sa.exc.DataError
        raise kind(str(exc), None, exc) from exc


def _ping_after_idle(engine: sa.Engine) -> None:
    """pool_pre_ping, but only for a connection that sat in the pool PING_AFTER_IDLE_S or
    longer: under load a connection goes straight back out, and a ping per checkout was a
    round trip per request (three per push). One that broke since (a PostgreSQL restart)
    fails the ping and the pool connects anew; one that breaks in use is invalidated by
    SQLAlchemy's disconnect handling as before."""
    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn, record):
        if record is not None:
            record.info["esep_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, _proxy):
        since = record.info.get("esep_idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:  # the pool connects anew
            raise sa.exc.DisconnectionError(str(exc)) from exc


def _private_sqlite_file(url: str) -> None:
    """The server's SQLite file (and so its -wal/-shm) 0600, made before SQLite makes it."""
    database = sa.engine.make_url(url).database
    if database and Path(database).parent.is_dir():
        private_db_file(database)


def _sqlite_hooks(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (savepoints work)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


MIGRATION_LOCK = 0x65736570  # "esep": PostgreSQL advisory lock key of a migration


class SchemaOutdated(RuntimeError):
    """Serving refuses a database whose schema is not the code's (auto_migrate off)."""


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def setup_lock(conn) -> None:
    """Serialise set-up work (migrations, seed rows) of processes starting at once, until the
    transaction ends (SQLite: BEGIN IMMEDIATE did it already)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})


def run_migrations(engine: sa.Engine, target: str = "head") -> list[str]:
    """Alembic upgrade (to head), programmatically; the same chain for SQLite and PostgreSQL.
    Never two at once: PostgreSQL takes an advisory lock for the transaction, SQLite's
    BEGIN IMMEDIATE (the engine's begin hook) holds the write lock; the second migrator then
    reads the version the first one committed and has nothing left to do. Returns the
    revisions this call applied."""
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        setup_lock(conn)
        todo = _pending(conn, target)
        if todo:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    return todo


def _pending(conn, target: str = "head") -> list[str]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    current = MigrationContext.configure(conn).get_current_heads()
    wanted = set(script.get_heads()) if target == "head" else {target}
    if set(current) == wanted:
        return []
    revs = script.iterate_revisions(tuple(wanted), tuple(current) or "base")
    return [rev.revision for rev in reversed(list(revs))]


def pending_migrations(engine: sa.Engine) -> list[str]:
    """The revisions between the database's version and head, oldest first ([] = current)."""
    with engine.connect() as conn:
        return _pending(conn)


def check_schema(engine: sa.Engine) -> None:
    pending = pending_migrations(engine)
    if pending:
        raise SchemaOutdated(
            f"the database schema is not current (missing migrations {', '.join(pending)}): "
            "run `esep server migrate` first, then start the server again")


def open_db(db_url: str | None, migrate: bool = True) -> sa.Engine:
    """An engine on a current schema: migrated (under the lock) or checked (SchemaOutdated)."""
    engine = make_engine(db_url)
    try:
        run_migrations(engine) if migrate else check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine

device_keys = sa.Table(  # migration 0005: each device's public signing key (sync bundles)
    "device_keys", metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

published_definitions = sa.Table(  # migration 0006; version: counters row "forms_version"
    "published_definitions", metadata,
    sa.Column("kind", sa.String(8), primary_key=True),  # form | enum
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("requires_engine", sa.Integer, nullable=False),
    sa.Column("definition", sa.Text, nullable=False),  # complete TOML (`extends` resolved)
    sa.Column("published_by", sa.String(64), nullable=False),
    sa.Column("published_at", sa.String(32), nullable=False),
)

sync_activity = sa.Table(  # migration 0008: last push / pull per user and device
    "sync_activity", metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(64), primary_key=True),  # "" = not known
    sa.Column("last_push", sa.String(32)),
    sa.Column("last_pull", sa.String(32)),
)
audit_log = sa.Table(  # migration 0008: admin actions
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("target", sa.String(200), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
)


def to_json(value) -> str:
    """JSON text of rows or an ack for the database (parsed there or read back by json.loads;
    not a canonical form): orjson, ~10 x faster, unless it refuses the value (a lone
    surrogate, an integer beyond 64 bits), which json writes as ASCII escapes and the
    database then refuses or keeps as before."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)
