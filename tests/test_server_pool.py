"""The PostgreSQL engine's pool: a connection is pinged only after it sat idle in the pool
(server.db.PING_AFTER_IDLE_S); a broken idle connection is replaced, a busy one is reused
without a round trip."""
from __future__ import annotations

import sqlalchemy as sa

from server import db
from server.config import normalize_db_url


def _engine(pg_url: str) -> sa.Engine:
    return db.make_engine(normalize_db_url(pg_url))


def _pings(engine: sa.Engine) -> list:
    seen: list = []
    real = engine.dialect.do_ping

    def counting(dbapi_conn):
        seen.append(dbapi_conn)
        return real(dbapi_conn)
    engine.dialect.do_ping = counting
    return seen


def test_a_connection_back_at_once_is_not_pinged(pg_url):
    engine = _engine(pg_url)
    try:
        pings = _pings(engine)
        for _ in range(5):
            with engine.connect() as conn:
                assert conn.execute(sa.text("SELECT 1")).scalar_one() == 1
        assert pings == []
    finally:
        engine.dispose()


def test_an_idle_connection_killed_by_the_server_is_replaced(pg_url, monkeypatch):
    engine = _engine(pg_url)
    try:
        with engine.connect() as conn:
            pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        with _engine(pg_url).connect() as other:  # e.g. a PostgreSQL restart
            other.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)
        pings = _pings(engine)
        with engine.connect() as conn:  # the ping fails: a new connection, no error
            assert conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one() != pid
        assert len(pings) == 1
    finally:
        engine.dispose()


def test_a_pushs_prepared_statements_outlive_the_token_lookup(pg_url):
    """psycopg prepares a query after its 5th run on a connection and drops them all at a
    ROLLBACK; a push commits and the token lookup before each request runs outside a
    transaction (server.deps), so the push's statements stay prepared (server.db)."""
    from server.deps import _lookup

    engine = db.open_db(pg_url)
    try:
        with engine.begin() as conn:  # a push's statements, run as often as a few pushes do
            pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
            for _ in range(6):
                conn.execute(sa.text("SELECT count(*) FROM records WHERE form = :f"),
                             {"f": "monthly_report"}).scalar_one()
        for _ in range(3):  # the next requests' token lookups, on the same connection
            assert _lookup(engine, "no-such-token")[0] is None
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one() == pid
            assert conn.execute(sa.text(
                "SELECT count(*) FROM pg_prepared_statements")).scalar_one() >= 1
    finally:
        engine.dispose()
