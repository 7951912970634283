"""The data-quality page's review is incremental and off the GUI thread: after one record's
edit only its (form, org unit) group is validated again, with the findings a full review
gives; the event loop keeps turning while a region store is reviewed."""
from __future__ import annotations

import itertools
import random
import time

import pytest
from PySide6.QtCore import QTimer

from reports.quality_review import review_store
from reports.synthetic_visits import synthetic_events
from store.sync_state import apply_pulled

pytestmark = pytest.mark.timeout(300)

UNITS = [{"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "Шымкент"}] + [
    {"id": f"SHY-D{i}", "kind": "district", "region": "SHY", "name_ru": f"Район {i}"}
    for i in range(1, 6)]
N_EVENTS = 4000  # the review must last long enough to measure a stall (the engine got faster)
MAX_STALL_MS = 100


@pytest.fixture
def region_ctx(qapp, tmp_path):
    from desktop.context import AppContext
    from desktop.tasks import TaskRunner
    from store import open_store
    store = open_store(tmp_path / "region.sqlite3")
    store.upsert_org_units(UNITS)
    records = synthetic_events(random.Random(2), UNITS[1:], 2023, N_EVENTS)
    for start in range(0, len(records), 250):  # filled as a sync fills it: pulled pages
        page = records[start:start + 250]
        apply_pulled(store, [{"id": r["id"], "form": r["form"], "version": start + i + 1,
                              "record": dict(r, version=start + i + 1, status="draft")}
                             for i, r in enumerate(page)], start + len(page))
    user = {"username": "region1", "role": "region", "region": "SHY"}
    ctx = AppContext(store=store, user=user, lang="ru", tasks=TaskRunner(),
                     settings_get=store.get_setting, settings_set=store.set_setting)
    yield ctx
    ctx.tasks.cancel_all()
    ctx.tasks.wait_all(30000)
    qapp.processEvents()
    store.close()


def shown(page) -> set:
    return {(r["record_id"], r["detail"], r["message_code"])
            for r in (page.model.row_dict(i) for i in range(page.model.rowCount()))}


def full(store) -> set:
    return {(f["record_id"], f.get("rule_detail") or f["rule"], f["message_code"])
            for f in review_store(store)}


def test_an_edit_rereviews_only_its_group(qtbot, region_ctx):
    from desktop.quality_page import QualityPage
    store = region_ctx.store
    page = QualityPage(region_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None, timeout=120000)
    assert len(page.reviewer.checked) == 5  # the first check: every (form, org unit) group
    assert shown(page) == full(store)
    unit_events = store.list_records(form="event", org_unit="SHY-D3", order_by="period asc")
    rec, twin = unit_events[0], unit_events[-1]
    assert not any(r[0] == rec["id"] and r[1] == "VR-32" for r in shown(page))
    data = {**rec["data"], **{k: twin["data"][k] for k in ("title", "date_start",
                                                           "organizer_type")}}
    store.save_record({**rec, "data": data}, user="region1")  # now a repeat of `twin`
    page.refresh()
    qtbot.waitUntil(lambda: page.task is None, timeout=120000)
    assert page.reviewer.checked == {("event", "SHY-D3")}
    assert any(r[0] == rec["id"] and r[1] == "VR-32" for r in shown(page))
    assert shown(page) == full(store)
    page.refresh()  # nothing changed: nothing validated again
    qtbot.waitUntil(lambda: page.task is None, timeout=120000)
    assert page.reviewer.checked == set() and shown(page) == full(store)


def test_the_gui_thread_keeps_turning_during_a_review(qtbot, region_ctx):
    from desktop.quality_page import QualityPage
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    page = QualityPage(region_ctx)
    qtbot.addWidget(page)
    started = time.perf_counter()
    qtbot.waitUntil(lambda: page.task is None, timeout=120000)
    timer.stop()
    took = time.perf_counter() - started
    assert len(page.reviewer.checked) == 5  # every record was validated
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert took > 0.1 and len(gaps) > 10  # the review was long enough to measure (10+ ticks)
    assert max(gaps) * 1000 <= MAX_STALL_MS, (max(gaps), took)


def test_gc_paused_nests_and_restores():
    import gc

    from desktop.tasks import gc_paused
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer worker is still inside
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_gc_paused_freezes_what_the_workers_left():
    """The findings a review leaves alive are kept out of later collections (each walked
    them all while the GUI thread waited)."""
    import gc

    from desktop.tasks import gc_paused
    before = gc.get_freeze_count()
    with gc_paused():
        kept = [{"fields": [i]} for i in range(1000)]  # tracked by the collector
    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.isenabled()
