"""The first review of a big store on both cores (reports.review_parallel): a spawned helper
process validates whole org units while this one reads and runs the scope detectors. Its
findings are exactly a full review's; a helper that dies or a cancelled run loses nothing
and leaves no process behind."""
from __future__ import annotations

import pytest

from bench import review_data
from reports import review_parallel
from reports.quality_review import group_of, record_findings, review_store
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
    # whatever the helper did were whole org units (this process took the others back)
    assert reviewer.helped == {group_of(r) for r in region.list_records()
                               if r["org_unit"] in units}
    rec = region.list_records(form="event", limit=1)[0]
    region.save_record({**rec, "data": {**rec["data"], "beneficiaries_count": 2}},
                       user="tester", reason="test: a correction")
    assert reviewer.run(region) == review_store(region)  # a later run: no helper
    assert reviewer.helped == set() and reviewer.checked == {group_of(rec)}


def test_the_helper_validates_every_unit_as_this_process_would(region, parallel):
    helper = review_parallel.start_helper(region)
    assert helper is not None and helper._proc.wait(timeout=60) == 0  # it did them all

    def never(unit):
        raise AssertionError(f"{unit}: validated here, though the helper had answered")

    found = helper.findings(never)
    assert helper.helped == set(helper.order) and helper.cpu_s > 0
    live = region.list_records(order_by="period asc", extra=("created_at",))
    units = {u["id"]: u for u in region.org_units()}
    assert found == {unit: record_findings([r for r in live if r["org_unit"] == unit], units)
                     for unit in helper.order}
    assert sum(map(len, found.values())) > 0


def test_a_dead_helper_costs_time_not_findings(region, parallel):
    helper = review_parallel.start_helper(region)
    assert helper is not None
    helper._proc.kill()
    assert helper.findings(lambda unit: [unit]) == {u: [u] for u in helper.order}
    assert helper.helped == set() and helper._proc.poll() is not None
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


def test_small_stores_and_the_order(region):
    assert review_parallel.start_helper(region) is None  # 800 records: not worth a process
    counts = {"A": 50, "B": 30, "C": 15, "D": 5, "E": 30}
    assert review_parallel.helper_units(counts) == ["A", "B", "E", "C", "D"]
    assert review_parallel.helper_units({}) == []
