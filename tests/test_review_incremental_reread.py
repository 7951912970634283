"""The desktop's incremental review keeps the records between runs and reads again only
what changed (reports.review_incremental): after an edit, a pulled record, a tombstone or a
move, its findings are exactly a full review's (same findings, same texts, same order), with
one record read again and only the groups concerned re-validated."""
from __future__ import annotations

import pytest

from bench import review_data
from reports.quality_review import group_of, review_store
from reports.review_incremental import IncrementalReview
from store import open_store
from store.sync_state import apply_pulled


@pytest.fixture
def region(tmp_path):
    records, units = review_data.region(600)
    for r in records[::2]:  # half of them still editable drafts
        r["status"] = "draft"
    store = open_store(tmp_path / "region.sqlite3", user="tester")
    store.upsert_org_units(units)
    apply_pulled(store, [{"id": r["id"], "form": r["form"], "version": i + 1,
                          "record": dict(r, version=i + 1)} for i, r in enumerate(records)],
                 len(records))
    yield store, units
    store.close()


def same_as_full(reviewer: IncrementalReview, store) -> None:
    assert reviewer.run(store) == review_store(store)


def an_event(store, **filters) -> dict:
    return store.list_records(form="event", order_by="period asc", limit=1, **filters)[0]


def test_an_edit_reads_one_record_and_rereviews_its_group(region):
    store, _units = region
    reviewer = IncrementalReview()
    same_as_full(reviewer, store)
    assert reviewer.reread == store.count_records()
    rec = an_event(store)
    twin = an_event(store, org_unit=rec["org_unit"], period=rec["period"])
    store.save_record({**rec, "data": {**rec["data"], "beneficiaries_count": 1,
                                       "title": twin["data"]["title"]}},
                      user="tester", reason="test: a correction")
    same_as_full(reviewer, store)
    assert reviewer.reread == 1 and reviewer.checked == {group_of(rec)}
    same_as_full(reviewer, store)  # nothing changed: nothing read or validated again
    assert reviewer.reread == 0 and reviewer.checked == set()


def test_a_pulled_record_a_tombstone_and_a_move(region):
    store, units = region
    reviewer = IncrementalReview()
    same_as_full(reviewer, store)
    rec = an_event(store)
    new = {**rec, "id": "5b0f7a34-0e4c-4f58-9d53-1f7a3c2e9b10", "version": 10 ** 6}
    apply_pulled(store, [{"id": new["id"], "form": "event", "version": 10 ** 6,
                          "record": new}], 10 ** 6)
    same_as_full(reviewer, store)
    assert reviewer.reread == 1 and reviewer.checked == {group_of(rec)}
    gone = an_event(store, status="draft")
    store.delete_record(gone["id"], user="tester", reason="test: entered twice")
    same_as_full(reviewer, store)
    assert reviewer.reread == 0 and reviewer.checked == {group_of(gone)}
    moved = store.list_records(form="event", status="draft", limit=1)[0]
    elsewhere = next(u["id"] for u in units if u["kind"] == "district"
                     and u["id"] != moved["org_unit"])
    store.save_record({**moved, "org_unit": elsewhere}, user="tester")
    same_as_full(reviewer, store)
    assert reviewer.reread == 1
    assert reviewer.checked == {group_of(moved), ("event", elsewhere)}


def test_many_changes_or_another_store_read_everything_again(region, tmp_path):
    store, _units = region
    reviewer = IncrementalReview()
    same_as_full(reviewer, store)
    events = store.list_records(form="event", status="draft")
    assert len(events) * 4 > store.count_records()  # more than a quarter of them
    for rec in events:
        store.save_record({**rec, "data": {**rec["data"], "volunteers_count": 3}},
                          user="tester")
    same_as_full(reviewer, store)
    assert reviewer.reread == store.count_records()
    other = open_store(tmp_path / "other.sqlite3", user="tester")  # fewer audit rows
    try:
        other.upsert_org_units(store.org_units())
        other.save_record({k: v for k, v in events[0].items() if k != "version"},
                          user="tester")
        same_as_full(reviewer, other)
        assert reviewer.reread == 1 == other.count_records()
    finally:
        other.close()
