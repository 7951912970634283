"""The record lists and the period box say months and times in words («ноябрь 2024»,
«2024 ж. қараша», «5 нояб. 2024, 10:30»); sorting stays chronological and the records keep
their ISO text («2024-11», «2024-11-05T10:30:00Z»)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(120)

# saved out of order, as a district enters a late month: November first, then the others
PERIODS = ("2024-11", "2024-02", "2023-12")
SAID = {"ru": "ноябрь 2024", "kk": "2024 ж. қараша", "en": "November 2024"}
# «5 нояб. 2024, …»: the day the November record was last saved, then the local time
DAY = {"ru": "5 нояб. 2024, ", "kk": "2024 ж. 5 қар., ", "en": "5 Nov 2024, "}
STAMP = "2024-11-05T10:30:00Z"


def save_months(store) -> dict[str, dict]:
    saved = {}
    for period in PERIODS:
        saved[period] = store.save_record(
            {"form": "monthly_report", "form_version": 1, "org_unit": "SHY-ABAY",
             "period": period, "status": "draft",
             "data": {"volunteers_total": 12, "events_total": 3}}, user="aigerim")
    store.db.conn.execute("UPDATE records SET updated_at = ? WHERE id = ?",  # saved back then
                          [STAMP, saved["2024-11"]["id"]])
    store.db.conn.commit()
    return saved


def list_page(qtbot, ctx):
    from desktop.record_list_page import RecordListPage
    page = RecordListPage(ctx, "monthly_report")
    qtbot.addWidget(page)
    return page


def column(page, key: str) -> list[str]:
    from desktop.record_model import COLUMNS
    col = [k for k, _t, _s in COLUMNS].index(key)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def local_clock(stamp: str) -> str:
    """The local wall clock of a UTC stamp, as HH:MM (the machine's time zone)."""
    moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%H:%M")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_list_names_months_in_words(qtbot, core_ctx, lang):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    saved = save_months(core_ctx.store)
    page = list_page(qtbot, core_ctx)
    periods = column(page, "period")
    assert periods[0] == SAID[lang], periods                  # period desc: November first
    assert not any("-" in p for p in periods), periods
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "2024-11"
    updated = column(page, "updated_at")[0]
    assert updated.startswith(DAY[lang]), updated
    if lang != "en":  # en says 3:30 PM
        assert updated == DAY[lang] + local_clock(STAMP), updated
    assert core_ctx.store.get_record(saved["2024-11"]["id"])["period"] == "2024-11"


def test_sorting_by_period_stays_chronological(qtbot, core_ctx):
    """«ноябрь» < «февраль» < «декабрь» as text; by the month: 2023-12, 2024-02, 2024-11."""
    saved = save_months(core_ctx.store)
    page = list_page(qtbot, core_ctx)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(page, "period") == ["декабрь 2023", "февраль 2024", "ноябрь 2024"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column(page, "period") == ["ноябрь 2024", "февраль 2024", "декабрь 2023"]
    assert [page.model.record_at(r)["period"] for r in range(3)] == list(PERIODS[:1]) + [
        "2024-02", "2023-12"]
    assert {r["period"] for r in core_ctx.store.list_records(form="monthly_report")} == \
        set(PERIODS)                                          # stored as they were
    assert saved["2024-02"]["period"] == "2024-02"


def test_the_typed_month_still_filters_and_searches(qtbot, core_ctx):
    save_months(core_ctx.store)
    page = list_page(qtbot, core_ctx)
    page.period.setText("2024-02")
    page.apply_filters()
    assert column(page, "period") == ["февраль 2024"]
    page.period.clear()
    qtbot.keyClicks(page.search, "2023-12")
    qtbot.waitUntil(lambda: column(page, "period") == ["декабрь 2023"], timeout=3000)


def test_a_language_switch_rewords_the_list(qtbot, core_ctx):
    from desktop.i18n import switch_language
    save_months(core_ctx.store)
    page = list_page(qtbot, core_ctx)
    assert column(page, "period")[0] == "ноябрь 2024"
    switch_language(core_ctx, "kk")
    page.retranslate()
    assert column(page, "period")[0] == "2024 ж. қараша"
    assert column(page, "updated_at")[0].startswith(DAY["kk"])


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_period_box_says_its_month_beside_the_iso_text(qtbot, core_ctx, lang):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    page = list_page(qtbot, core_ctx)
    editor = page.show_editor(None)
    editor.period_edit.clear()
    qtbot.keyClicks(editor.period_edit, "202411")             # typed without the dash
    assert editor.period_edit.text() == "202411"
    assert editor.period_words.text() == SAID[lang]
    assert editor.current_record()["period"] == "2024-11"     # stored as ISO
    editor.period_edit.setText("2024-1")                      # half typed: no month yet
    assert editor.period_words.text() == ""
    editor._pick_month("2023-12")                             # the ▾ picker
    assert editor.period_edit.text() == "2023-12"
    assert editor.period_words.text() != "" and "2023" in editor.period_words.text()
    editor.dirty = False


def test_a_saved_record_opens_with_its_month_in_words(qtbot, core_ctx):
    saved = save_months(core_ctx.store)
    page = list_page(qtbot, core_ctx)
    editor = page.open_record(saved["2024-02"]["id"]) and page.editor
    assert editor.period_edit.text() == "2024-02"
    assert editor.period_words.text() == "февраль 2024"


def test_a_finding_row_says_its_month_and_sorts_by_it(qtbot, core_ctx):
    """The data-quality table: its Period column in words, sorted by the ISO month."""
    from desktop.quality_page import QualityPage
    from desktop.review_models import USER_ROLE
    for period in PERIODS:  # VR-03: 10 + 10 ≠ 100 volunteers, each month
        core_ctx.store.save_record(
            {"form": "monthly_report", "form_version": 1, "org_unit": "SHY-ABAY",
             "period": period, "data": {"volunteers_total": 100,
                                        "gender": {"F": 10, "M": 10}}}, user="aigerim")
    page = QualityPage(core_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None and page.model.rowCount() > 0, timeout=20000)
    col = next(c for c in range(page.proxy.columnCount())
               if page.proxy.headerData(c, Qt.Orientation.Horizontal) == "Период")
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    shown = [page.proxy.index(r, col).data() for r in range(page.proxy.rowCount())]
    months = [page.proxy.index(r, col).data(USER_ROLE)["period"]
              for r in range(page.proxy.rowCount())]
    assert months == sorted(months) and set(PERIODS) <= set(months), months
    assert "ноябрь 2024" in shown and "2024-11" not in shown, shown
    assert shown.index("декабрь 2023") < shown.index("февраль 2024") < shown.index(
        "ноябрь 2024")


@pytest.mark.parametrize(("lang", "widest"), [("ru", "сентябрь 2024"),
                                               ("kk", "2024 ж. желтоқсан")])
def test_the_period_column_holds_every_month_not_only_those_on_screen(qtbot, core_ctx, lang,
                                                                      widest):
    """A list of May records only: a September scrolled in later must not be cut."""
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    core_ctx.store.save_record({"form": "monthly_report", "form_version": 1,
                                "org_unit": "SHY-ABAY", "period": "2024-05",
                                "data": {"volunteers_total": 7}}, user="aigerim")
    page = list_page(qtbot, core_ctx)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    page.fit_columns()
    assert page.table.columnWidth(0) > page.table.fontMetrics().horizontalAdvance(widest)
