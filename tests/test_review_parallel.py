"""The first review of a big store on both cores (reports.review_parallel): a spawned helper
process validates whole org units while this one reads and runs the scope detectors. Its
findings are exactly a full review's; a helper that dies or a cancelled run loses nothing
and leaves no process behind."""
from __future__ import annotations

import pytest

from bench import review_data
from reports import review_parallel
from reports.quality_review import group_of, review_store
from reports.review_incremental import IncrementalReview
from store import open_store
from store.sync_state import apply_pulled


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    records, units = review_data.region(800)
    for r in records[::3]:
        r["status"] = "draft"
    store = open_store(tmp_path_factory.mktemp("par") / "region.sqlite3", user="tester")
    store.upsert_org_units(units)
    apply_pulled(store, [{"id": r["id"], "form": r["form"], "version": i + 1,
                          "record": dict(r, version=i + 1)} for i, r in enumerate(records)],
                 len(records))
    yield store
    store.close()


@pytest.fixture
def parallel(monkeypatch):
    monkeypatch.setattr(review_parallel, "PARALLEL_FROM", 0)  # a helper for 800 records too


def test_helper_findings_are_a_full_reviews(region, parallel):
    reviewer = IncrementalReview()
    assert reviewer.run(region) == review_store(region)
    units = {g[1] for g in reviewer.helped}
    # the helper validated about its share of the records' groups, whole org units
    assert reviewer.helped and units < {u["id"] for u in region.org_units()}
    assert reviewer.helped == {group_of(r) for r in region.list_records()
                               if r["org_unit"] in units}
    rec = region.list_records(form="event", limit=1)[0]
    region.save_record({**rec, "data": {**rec["data"], "beneficiaries_count": 2}},
                       user="tester", reason="test: a correction")
    assert reviewer.run(region) == review_store(region)  # a later run: no helper
    assert reviewer.helped == set() and reviewer.checked == {group_of(rec)}


def test_a_dead_helper_costs_time_not_findings(region, parallel):
    helper = review_parallel.start_helper(region)
    assert helper is not None
    helper._proc.kill()
    assert helper.findings() is None and helper._proc.poll() is not None
    reviewer = IncrementalReview()
    records = reviewer._records(region, set())
    dirty = reviewer._dirty(records, set())
    helper = review_parallel.start_helper(region)
    helper._proc.kill()
    assert reviewer._review(region, records, dirty, "ru", None, helper) == review_store(region)
    assert reviewer.helped == set()


def test_a_cancelled_run_stops_its_helper(region, parallel):
    started = []
    real = review_parallel.start_helper

    def watched(store):
        started.append(real(store))
        return started[-1]

    reviewer = IncrementalReview()
    review_parallel_start = "reports.review_incremental.start_helper"
    with pytest.MonkeyPatch.context() as m:
        m.setattr(review_parallel_start, watched)
        calls = iter([False, False, True])
        assert reviewer.run(region, cancelled=lambda: next(calls, True)) is None
    assert started and started[0]._proc.poll() is not None
    assert reviewer.run(region) == review_store(region)  # the next run validates it all


def test_small_stores_and_the_share(region):
    assert review_parallel.start_helper(region) is None  # 800 records: not worth a process
    counts = {"A": 50, "B": 30, "C": 15, "D": 5}
    assert review_parallel.helper_units(counts, 0.8) == ["A", "B"]
    assert review_parallel.helper_units(counts, 0.9) == ["A", "B", "C"]
    assert review_parallel.helper_units({}, 0.9) == []
