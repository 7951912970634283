"""Record lists: lazy model over store.list_records, sort, filters, search, 100,000 rows."""
from __future__ import annotations

import json
import time
import uuid

import pytest
from PySide6.QtCore import Qt

from desktop.demo_data import seed_demo
from desktop.record_model import PAGE_SIZE, RecordTableModel

pytestmark = pytest.mark.timeout(180)


def bulk_insert(store, n: int) -> None:
    """n real rows in the real records table (the store API is too slow for 100,000)."""
    now = "2025-01-01T00:00:00Z"
    rows = []
    for i in range(n):
        period = f"{2000 + i // 12 % 30:04d}-{i % 12 + 1:02d}"
        data = json.dumps({"title": f"Event {i:06d}", "participants_count": i % 97})
        rows.append((str(uuid.uuid4()), "event", 1, "SHY-ABAY", period, "draft", data, 1, 1,
                     0, now, "bulk", now, "bulk"))
    store.db.conn.executemany(
        "INSERT INTO records (id, form, form_version, org_unit, period, status, data, revision,"
        " dirty, deleted, created_at, created_by, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    store.db.conn.commit()


def test_model_passes_qtmodeltester(qtmodeltester, core_ctx):
    core_store = core_ctx.store
    seed_demo(core_store, months=5)
    model = RecordTableModel(core_store, "monthly_report")
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(0, 0).data() == "май 2024"         # period desc by default
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "2024-05"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "январь 2024"
    assert model.index(0, 2).data() == "черновик"
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_filters_and_search(qtbot, core_ctx):
    from desktop.record_list_page import RecordListPage
    seed_demo(core_ctx.store, months=14)
    rec = core_ctx.store.list_records(form="monthly_report", period="2024-07")[0]
    data = dict(rec["data"], rfo_support_text="Помогли UNICEF с формой")
    core_ctx.store.save_record(dict(rec, data=data), user="aigerim")
    page = RecordListPage(core_ctx, "monthly_report")
    qtbot.addWidget(page)
    assert page.model.total() == 14
    page.period.setText("2024-03")
    page.apply_filters()
    assert page.model.rowCount() == 1 and page.model.record_at(0)["period"] == "2024-03"
    page.period.clear()
    qtbot.keyClicks(page.search, "unicef")
    qtbot.waitUntil(lambda: page.model.record_at(0)["period"] == "2024-07", timeout=3000)
    assert page.model.total() == 1
    assert "1" in page.count_label.text()
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("submitted"))
    page.apply_filters()
    assert page.model.total() == 0


def test_100k_rows_open_lazily(qtbot, qtmodeltester, core_ctx):
    from desktop.record_list_page import RecordListPage
    bulk_insert(core_ctx.store, 100_000)
    started = time.perf_counter()
    page = RecordListPage(core_ctx, "event")
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    opened = time.perf_counter() - started
    model = page.model
    assert model.rowCount() <= 3 * PAGE_SIZE, "opening must not load all rows"
    qtbot.waitUntil(lambda: model.known_total() == 100_000, timeout=10000)  # counted in a worker
    assert "100000" in page.count_label.text()
    assert opened < 10, f"opening 100,000 rows took {opened:.1f}s"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=5000)
    assert model.rowCount() < 100_000
    qtmodeltester.check(model)


def test_a_unit_beyond_the_users_reach_is_named_not_coded(qtbot, core_ctx):
    """A district's list holding a record of a neighbouring district (a region's copy, a
    demo store) showed «SHY-ENBEKSHI» in the unit column though the store has its name."""
    from desktop.record_list_page import RecordListPage
    seed_demo(core_ctx.store, months=1)
    rec = core_ctx.store.list_records(form="monthly_report")[0]
    core_ctx.store.save_record(dict(rec, id=str(uuid.uuid4()), org_unit="SHY-ENBEKSHI"),
                               user="region1")
    page = RecordListPage(core_ctx, "monthly_report")
    qtbot.addWidget(page)
    shown = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert shown == {"Абайский район", "Енбекшинский район"}, shown
    assert page.org_filter.findData("SHY-ENBEKSHI") < 0    # still not a unit to choose


def test_a_long_unit_name_leaves_the_summary_its_room(qtbot, core_ctx):
    """The demo's «Астана қаласы (республикалық маңызы бар қала)» made the unit column
    ~340 px wide and cut the summary, the column that says what a record is, to 90 px."""
    from desktop.record_list_page import RecordListPage
    seed_demo(core_ctx.store, months=1)
    long = "Алматы қаласы (республикалық маңызы бар қала), Алмалы ауданы"
    core_ctx.store.upsert_org_units([{"id": "SHY-ABAY", "kind": "district", "region": "SHY",
                                      "name_ru": long}])
    page = RecordListPage(core_ctx, "monthly_report")
    qtbot.addWidget(page)
    page.resize(790, 600)
    page.show()
    qtbot.waitExposed(page)
    page.fit_columns()
    unit, summary = page.table.columnWidth(1), page.table.columnWidth(3)
    assert page.model.index(0, 1).data() == long
    assert summary >= 200, (unit, summary)
    assert unit < page.table.fontMetrics().horizontalAdvance(long)
    assert page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == long  # whole, cut


def test_a_full_hd_window_shows_a_units_whole_name(qtbot, core_ctx):
    """At 1920 px the unit column stayed at 200 px («Кызылординская область, ...») beside a
    summary of 1,200 px; a wide window gives the names their room, 1024 px keeps the cap."""
    from desktop.record_list_page import COLUMN_MAX_WIDTH, RecordListPage
    seed_demo(core_ctx.store, months=1)
    long = "Кызылординская область, Жалагашский район"
    core_ctx.store.upsert_org_units([{"id": "SHY-ABAY", "kind": "district", "region": "SHY",
                                      "name_ru": long}])
    page = RecordListPage(core_ctx, "monthly_report")
    qtbot.addWidget(page)
    page.resize(790, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.table.columnWidth(1) <= COLUMN_MAX_WIDTH
    page.resize(1700, 900)
    qtbot.waitUntil(lambda: page.table.columnWidth(1) > COLUMN_MAX_WIDTH, timeout=3000)
    assert page.table.columnWidth(1) >= page.table.fontMetrics().horizontalAdvance(long)
    assert page.table.columnWidth(3) >= 600                       # the summary keeps its room
