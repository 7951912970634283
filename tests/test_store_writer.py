"""The one record writer (store.writes.write_record): a person's save and a pulled change
write the same row columns and the same audit rows; only the dirty flag and the outbox
differ, by who writes."""
from __future__ import annotations

import uuid

import pytest

from store import StoreError, open_store
from store.sync_state import apply_pulled, pending_ops, resolve_conflict


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="tester")
    yield s
    s.close()


def server_copy(rid, version=3, total=10, period="2024-03", by="region_user"):
    return {"id": rid, "form": "monthly_report", "form_version": 1, "org_unit": "SHY-ABAY",
            "period": period, "status": "draft", "data": {"volunteers_total": total},
            "justification": None, "review_comment": None, "revision": 1, "version": version,
            "deleted": False, "updated_at": "2024-04-01T10:00:00Z", "updated_by": by}


def pull(store, rec, seq=1):
    return apply_pulled(store, [{"id": rec["id"], "form": rec["form"], "version":
                                 rec["version"], "record": rec}], seq)


def one(store, sql, *params):
    return store.db.execute(sql, list(params)).fetchone()


def test_pulled_record_is_clean_unqueued_and_starts_without_history(store):
    rid = str(uuid.uuid4())
    assert pull(store, server_copy(rid))["applied"] == 1
    assert one(store, "SELECT dirty, version, created_by, created_at FROM records") == (
        0, 3, "region_user", "2024-04-01T10:00:00Z")
    assert store.audit(rid) == [] and pending_ops(store) == []


def test_pulled_change_audits_like_a_save_but_sends_nothing(store):
    rid = str(uuid.uuid4())
    pull(store, server_copy(rid))
    pull(store, server_copy(rid, version=4, total=12), seq=2)
    rows = store.audit(rid)
    assert [(a["field"], a["old"], a["new"], a["who"], a["reason"]) for a in rows] == [
        ("volunteers_total", 10, 12, "region_user", "sync")]
    assert one(store, "SELECT dirty, version FROM records") == (0, 4)
    assert pending_ops(store) == []
    # a person's edit of the same record: the same audit shape, dirty, queued on version 4
    rec = store.get_record(rid)
    store.save_record({**rec, "data": {"volunteers_total": 13}}, user="aigerim")
    last = store.audit(rid)[-1]
    assert (last["field"], last["old"], last["new"], last["who"]) == (
        "volunteers_total", 12, 13, "aigerim")
    assert one(store, "SELECT dirty FROM records")[0] == 1
    assert [(op["op"], op["base_version"]) for op in pending_ops(store)] == [("upsert", 4)]


def test_a_save_on_a_taken_natural_key_is_a_coded_error_a_pull_a_conflict(store):
    mine = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                              "period": "2024-03", "data": {"volunteers_total": 1}}, user="a")
    with pytest.raises(StoreError) as err:
        store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                           "period": "2024-03", "data": {}}, user="a")
    assert err.value.code == "duplicate_period"
    theirs = server_copy(str(uuid.uuid4()))
    assert pull(store, theirs)["conflict"] == 1
    assert one(store, "SELECT kind FROM conflicts WHERE record_id = ?", mine["id"])[0] == (
        "natural_key")
    # keeping theirs retires our twin through the same writer: a tombstone with its audit row
    resolve_conflict(store, mine["id"], theirs, user="a")
    assert one(store, "SELECT deleted, dirty FROM records WHERE id = ?", mine["id"]) == (1, 0)
    retired = store.audit(mine["id"])[-1]
    assert (retired["field"], retired["new"], retired["who"]) == ("_deleted", True, "a")
    assert one(store, "SELECT count(*) FROM outbox WHERE record_id = ?", mine["id"])[0] == 0
