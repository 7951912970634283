"""A database created at revision 0001 and holding data upgrades to head (0002 adds
`contests`) keeping every row, and the server then serves it (pull shows the old record,
a natural-key clash with it becomes a contest). SQLite and PostgreSQL."""
from __future__ import annotations

import contextlib
import json

import pytest
import sqlalchemy as sa

from server.db import make_engine, pending_migrations, run_migrations
from tests.server_fixtures import (
    DISTRICTS,
    api_session,
    create_user,
    make_op,
    make_pg_database,
    monthly_report,
    pull_all,
    push,
    run_server,
)

OLD_ID = "0f0f0f0f-0001-4000-8000-000000000001"


@contextlib.contextmanager
def _database(kind: str, request, tmp_path):
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    with make_pg_database(request.getfixturevalue("pg_url")) as url:
        yield url


def _fill_at_0001(conn) -> None:
    """Rows as the 0001 server wrote them (plain SQL: the 0001 schema, not today's tables)."""
    rec = monthly_report("SHY-ABAY", "2024-03", rid=OLD_ID)
    conn.execute(sa.text(
        "INSERT INTO records (id, form, form_version, org_unit, region, period, status, data, "
        "revision, version, deleted, updated_at, updated_by, created_by, change_seq, "
        "natural_key) VALUES (:id, 'monthly_report', 1, 'SHY-ABAY', 'SHY', '2024-03', "
        "'submitted', :data, 1, 1, false, '2024-03-05T10:00:00Z', 'd1', 'd1', 1, "
        "'monthly_report|SHY-ABAY|2024-03')"),
        {"id": OLD_ID, "data": json.dumps(rec["data"])})
    conn.execute(sa.text(
        "INSERT INTO revisions (record_id, version, revision, status, data, editor, at) "
        "VALUES (:id, 1, 1, 'submitted', '{}', 'd1', '2024-03-05T10:00:00Z')"), {"id": OLD_ID})
    conn.execute(sa.text("INSERT INTO ledger (device_id, op_seq, username, ack, at) VALUES "
                         "('dev-old', 1, 'd1', '{}', '2024-03-05T10:00:00Z')"))
    conn.execute(sa.text("UPDATE counters SET value = 1 WHERE name = 'change_seq'"))


def _counts(conn) -> dict:
    return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("org_units", "users", "records", "revisions", "ledger")}


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_from_0001_with_data_keeps_rows(kind, request, tmp_path):
    with _database(kind, request, tmp_path) as url:
        engine = make_engine(url)
        run_migrations(engine, "0001")
        with engine.connect() as conn:
            assert not sa.inspect(conn).has_table("contests")
        _users_and_units_at_0001(engine)
        with engine.begin() as conn:
            _fill_at_0001(conn)
            before = _counts(conn)
        run_migrations(engine)  # -> head
        assert pending_migrations(engine) == []  # at head
        with engine.connect() as conn:
            assert _counts(conn) == before
            assert sa.inspect(conn).has_table("device_keys")
            assert sa.inspect(conn).has_table("contests")
            assert sa.inspect(conn).has_table("hourly_rates")
            assert conn.execute(sa.text("SELECT value FROM counters WHERE name = "
                                        "'rates_version'")).scalar_one() == 0
            assert len(conn.execute(sa.text("SELECT value FROM server_meta WHERE name = "
                                            "'server_id'")).scalar_one()) == 32
        engine.dispose()
        create_user(url, "d1", "correct-horse-battery", "district", None, "SHY-ABAY")
        srv = run_server(url)
        try:
            s = api_session(srv.url, "d1")
            changes, _, _ = pull_all(s, srv.url)
            assert [c["id"] for c in changes] == [OLD_ID]
            clash = monthly_report("SHY-ABAY", "2024-03")
            ack = push(s, srv.url, "dev-new", [make_op(1, clash)]).json()["acks"][0]
            assert ack["status"] == "conflict" and ack["server"]["id"] == OLD_ID
            (old,) = [c for c in pull_all(s, srv.url)[0] if c["id"] == OLD_ID]
            assert old["change_seq"] == 2 and old["contested_by"][0]["id"] == clash["id"]
        finally:
            srv.stop()


def _users_and_units_at_0001(engine) -> None:
    """Org units through the admin function (0001 tables only) and a user as 0001 stored it
    (create_user writes the audit log of 0008)."""
    from server import admin
    from server.auth import hash_password

    admin.import_orgunits(engine, DISTRICTS)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO users (username, password_hash, role, region, district, active, "
            "created_at) VALUES ('r1', :h, 'region', 'SHY', NULL, true, "
            "'2024-03-01T00:00:00Z')"), {"h": hash_password("correct-horse-battery")})

