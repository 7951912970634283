"""What a save costs in pages: every page a commit writes is one more page SQLCipher encrypts
and authenticates, so the local schema keeps only the indexes some query reads, a save writes
one audit row and no sqlite_sequence row. A store made before migrations m004-m006 upgrades
with every record and audit entry kept, its listings unchanged."""
from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

import pytest

from store import StoreError, open_store
from store.api import Store
from store.db import connect
from store.migrations import migrations
from store.sync_state import outbox_count

DROPPED = {"idx_records_dirty", "idx_records_form_created", "idx_records_updated",
           "idx_outbox_state"}
WAL_HEADER, FRAME_HEADER = 32, 24
MAX_PAGES_PER_SAVE = 11.5  # measured 10.6 (about 18 before m004-m006)


def _ids(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)  # random ids, as uuid4 makes them, the same in every run
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n)]


def _monthly(rid: str, k: int) -> dict:
    return {"id": rid, "form": "monthly_report", "org_unit": f"OU-{k % 40:02d}",
            "period": f"{2020 + k // 480}-{k // 40 % 12 + 1:02d}",
            "data": {"volunteers_total": k, "gender": {"F": k // 2, "M": k - k // 2}}}


def _indexes(store: Store) -> set[str]:
    return {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _wal_frames(path: Path, page_size: int) -> int:
    wal = Path(f"{path}-wal")
    size = wal.stat().st_size if wal.exists() else 0
    return max(0, size - WAL_HEADER) // (page_size + FRAME_HEADER)


def test_a_save_writes_few_pages(tmp_path):
    path = tmp_path / "esep.sqlite3"
    store = open_store(path, user="tester")
    try:
        assert not _indexes(store) & DROPPED
        store.db.execute("PRAGMA wal_autocheckpoint = 0")  # every frame stays in the WAL
        page_size = int(store.db.execute("PRAGMA page_size").fetchone()[0])
        for k, rid in enumerate(_ids(1, 200)):  # the tree's first levels
            store.save_record(_monthly(rid, k), user="tester")
        before = _wal_frames(path, page_size)
        for k, rid in enumerate(_ids(2, 200), 200):
            store.save_record(_monthly(rid, k), user="tester")
        per_save = (_wal_frames(path, page_size) - before) / 200
    finally:
        store.close()
    assert 9 < per_save <= MAX_PAGES_PER_SAVE, per_save


def _audit_per_field(db, record_id, changes, *, who, at, reason) -> None:
    """The audit writer of the Esep before m005: a row per changed field, old and new as
    JSON texts (copied here: the store's own writer now writes a row per save)."""
    db.conn.executemany(
        "INSERT INTO audit (record_id, at, who, field, old, new, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(record_id, at, who, f, None if o is None else json.dumps(o),
          None if n is None else json.dumps(n), reason) for f, o, n in changes])


def _made_before_m004(path: Path, monkeypatch) -> list[str]:
    """A store as the Esep before migrations m004 and m005 made it, with records saved."""
    import store.writes

    monkeypatch.setattr(store.writes, "write_audit", _audit_per_field)
    db = connect(path)
    migrations.apply(db, stop_before="m004_fewer_indexes_per_save")
    old = Store(db, path=path, user="tester")
    ids = _ids(3, 30)
    for k, rid in enumerate(ids):
        old.save_record(_monthly(rid, k), user="tester")
    for k in (1, 2):  # edits: the audit rows of a second save
        old.save_record(dict(_monthly(ids[k], k), data={"volunteers_total": 100 + k}),
                        user="editor", reason="recounted")
    old.delete_record(ids[0], user="tester", reason="typed twice")
    assert DROPPED <= _indexes(old)
    old.close()
    monkeypatch.undo()
    return ids


def _old_audit(path: Path) -> tuple[dict, int]:
    """Each record's audit entries as the pre-m005 table holds them (a row per field), and
    the audit's sequence."""
    db = connect(path)
    entries: dict = {}
    for rid, at, who, field, old, new, reason in db.execute(
            "SELECT record_id, at, who, field, old, new, reason FROM audit ORDER BY id"):
        entries.setdefault(rid, []).append(
            {"at": at, "who": who, "field": field, "old": None if old is None else
             json.loads(old), "new": None if new is None else json.loads(new),
             "reason": reason})
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()[0]
    db.close()
    return entries, seq


def _listings(store: Store) -> list:
    return [[r["id"] for r in store.list_records(**filters)] for filters in (
        {"form": "monthly_report"}, {"form": "monthly_report", "period": "2020-01"},
        {"org_unit": "OU-05"}, {"form": "monthly_report", "org_unit": "OU-05", "period": "2020-01"},
        {"form": "monthly_report", "order_by": "updated_at desc", "limit": 10},
        {"include_deleted": True, "order_by": "created_at"})]


def test_a_store_made_before_m004_upgrades(tmp_path, monkeypatch):
    path = tmp_path / "esep.sqlite3"
    ids = _made_before_m004(path, monkeypatch)
    db = connect(path)
    before = _listings(Store(db, path=path, user="tester"))
    db.close()
    audit, seq = _old_audit(path)
    store = open_store(path, user="tester")
    try:
        assert migrations.pending(store.db) == []
        assert not _indexes(store) & DROPPED
        assert _listings(store) == before
        assert store.count_records(include_deleted=True) == len(ids)
        assert {rid: store.audit(rid) for rid in ids} == audit
        assert [a["field"] for a in store.audit(ids[0])][-1] == "_deleted"
        assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == len(ids) + 3
        assert outbox_count(store) == len(ids) + 3  # every save and the deletion
        store.save_record(dict(_monthly(ids[3], 3), data={"volunteers_total": 7}), user="x")
        top = store.db.execute("SELECT max(id) FROM audit").fetchone()[0]
        assert top > seq  # audit ids only grow (reports/review_incremental.py reads past one)
        with pytest.raises(StoreError) as exc:  # the natural key's unique index stays
            store.save_record(_monthly(str(uuid.uuid4()), 1), user="tester")
        assert exc.value.code == "duplicate_period"
    finally:
        store.close()


@pytest.mark.parametrize("filters", [
    {"form": "monthly_report"}, {"form": "event", "period": "2024-03"},
    {"form": "event", "org_unit": "SHY-ABAY"}, {"org_unit": "SHY-ABAY"},
    {"form": "event", "org_unit": "SHY-ABAY", "period": "2024-03"}])
@pytest.mark.parametrize("order", ["period desc", "updated_at desc", "org_unit"])
def test_list_screens_read_through_an_index(tmp_path, filters, order):
    from store.query import order_clause, where_clause

    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        where, params = where_clause(**filters)
        plan = " | ".join(r[3] for r in store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM records{where}{order_clause(order)} LIMIT 100",
            params))
    finally:
        store.close()
    assert "USING INDEX" in plan and "SCAN records" not in plan, plan
