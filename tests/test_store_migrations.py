"""Schema upgrades: a database made by migration 1 only opens with the current code, every
row survives, the new indexes exist and the upgraded store is usable."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from store import open_store
from store.cipher import open_connection
from store.migrations import migrations

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
V1_TABLES = ("records", "revisions", "audit", "outbox", "conflicts", "org_units", "kv",
             "sync_log")
DROPPED_INDEXES = {"idx_records_dirty", "idx_records_form_created", "idx_records_updated",
                   "idx_outbox_state"}


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = open_connection(path, readonly=True)  # plain before the upgrade, encrypted after
    try:
        out = {}
        for table in V1_TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            out[table] = (cols, sorted(conn.execute(f"SELECT * FROM {table}").fetchall(),
                                       key=repr))
        return out
    finally:
        conn.close()


def _audit_entries(snapshot) -> list[tuple]:
    """(record, at, who, field, old, new, reason) per audited field, in id order, from
    either shape of the audit table: a row per field (m001) or a row per save (m005)."""
    cols, rows = snapshot
    out = []
    for row in sorted(rows, key=lambda r: r[cols.index("id")]):
        r = dict(zip(cols, row))
        if "changes" in r:
            out += [(r["record_id"], r["at"], r["who"], f, o, n, r["reason"])
                    for f, o, n in json.loads(r["changes"])]
        else:
            out.append((r["record_id"], r["at"], r["who"], r["field"], _json(r["old"]),
                        _json(r["new"]), r["reason"]))
    return out


def _json(text):
    return None if text is None else json.loads(text)


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    dst = tmp_path / "esep.sqlite3"
    shutil.copy(FIXTURE, dst)
    return dst


def test_fixture_is_schema_v1_with_data():
    conn = sqlite3.connect(FIXTURE)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in V1_TABLES}
    conn.close()
    assert applied == ["m001_initial"]
    assert counts["records"] == 5 and counts["audit"] > 10 and counts["outbox"] >= 3
    assert all(counts[t] > 0 for t in V1_TABLES)


def test_upgrade_keeps_every_row(v1_copy):
    before = _snapshot(v1_copy)
    store = open_store(v1_copy)
    try:
        applied = [m.name for m in migrations.applied(store.db)]
        assert applied == [m.name for m in migrations._migrations]
        assert len(applied) >= 2
        indexes = {r[0] for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"idx_records_form", "idx_records_org_period", "uq_monthly_report",
                "idx_audit_record", "idx_outbox_record"} <= indexes
        assert not indexes & DROPPED_INDEXES  # m002 made them, m004 dropped them
    finally:
        store.close()
    after = _snapshot(v1_copy)
    assert _audit_entries(after["audit"]) == _audit_entries(before["audit"])
    for table in V1_TABLES:
        if table == "audit":  # one row per save since m005: compared entry by entry above
            continue
        cols_before, rows_before = before[table]
        cols_after, rows_after = after[table]
        keep = [cols_after.index(c) for c in cols_before]  # later migrations may add columns
        assert [tuple(r[i] for i in keep) for r in rows_after] == rows_before, table


def test_upgraded_store_reads_and_writes(v1_copy):
    store = open_store(v1_copy)
    try:
        rec = store.get_record("00000000-0000-4000-8000-000000000001")
        assert rec["status"] == "approved" and rec["revision"] == 2 and rec["version"] == 7
        assert rec["data"]["gender"] == {"F": 330, "M": 274}
        assert store.get_record("00000000-0000-4000-8000-000000000003")["deleted"] is True
        assert store.count_records(form="monthly_report") == 2
        assert [r["revision"] for r in store.revisions(rec["id"])] == [1, 2]
        assert store.device_id == "11111111-2222-4333-8444-555555555555"
        assert store.get_setting("cursor") == 42
        assert {u["id"] for u in store.org_units(region="SHY")} == {"SHY", "SHY-ABAY"}
        names = [a["field"] for a in store.audit("00000000-0000-4000-8000-000000000004")]
        assert "title" in names
    finally:
        store.close()


def test_reopen_is_idempotent(v1_copy):
    open_store(v1_copy).close()
    store = open_store(v1_copy)
    try:
        assert migrations.pending(store.db) == []
        mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    finally:
        store.close()
