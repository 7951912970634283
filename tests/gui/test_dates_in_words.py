"""A person reads dates and months in words: the findings of a form («Дата окончания 5 ноября
2024 раньше даты начала 10 ноября 2024»), the question before leaving a record, the months
of the Reports page; the records keep ISO text."""
from __future__ import annotations

import pytest
from test_form_editor import answer_next_dialog, press
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


def wrong_dates_event(qtbot, ctx):
    window = make_window(qtbot, ctx)
    event = window.show_page("event").show_editor(None)
    event.inputs["title"].set_value("Сенбілік")
    event.inputs["date_start"].set_value("2024-11-10")
    event.inputs["date_end"].set_value("2024-11-05")
    event.touched.update({"date_start", "date_end"})
    event._changed()
    event.validate()
    return window, event


def shown_findings(editor) -> list[str]:
    panel = editor.panel
    return [panel.list.item(i).text() for i in range(panel.list.count())]


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", "Дата окончания 5 ноября 2024 раньше даты начала 10 ноября 2024"),
    ("kk", "Аяқталу күні 2024 ж. 5 қараша басталу күнінен 2024 ж. 10 қараша ерте"),
    ("en", "End date 5 November 2024 is before the start date 10 November 2024")])
def test_a_finding_says_its_dates_in_words(qtbot, core_ctx, lang, said):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    _window, event = wrong_dates_event(qtbot, core_ctx)
    texts = shown_findings(event)
    assert any(said in t for t in texts), texts
    assert not any("2024-11" in t for t in texts), texts
    assert event.current_record()["data"]["date_end"] == "2024-11-05"   # kept as ISO
    event.dirty = False


def test_leaving_a_record_names_its_month_in_words(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    report = window.pages["monthly_report"].show_editor(None)
    report.period_edit.setText("2024-03")
    report.inputs["volunteers_total"].set_value(5)
    report._changed()
    asked = answer_next_dialog("Отмена")
    press(qtbot, report.close_button)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "(март 2024, " in asked[0] and "2024-03" not in asked[0], asked
    report.dirty = False


def test_reports_page_names_the_months(qtbot, core_ctx):
    from desktop.i18n import switch_language
    window = make_window(qtbot, core_ctx)
    page = window.show_page("reports")
    combo = page.month_from
    assert [combo.itemText(i) for i in (0, 2, 11)] == ["Январь", "Март", "Декабрь"]
    page.month_from.setCurrentIndex(2)
    page.month_to.setCurrentIndex(4)
    assert [m[-2:] for m in page.months()] == ["03", "04", "05"]   # the months asked for
    switch_language(core_ctx, "kk")
    assert combo.itemText(2) == "Наурыз" and page.month_to.itemText(11) == "Желтоқсан"
    assert combo.currentIndex() == 2                      # a new language keeps the choice


def test_the_trend_chart_names_its_months(qtbot, core_ctx):
    """The trend's x axis read «01 02 … 12»; it names the months in the language."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtCore import Qt

    from desktop.demo_data import seed_demo
    seed_demo(core_ctx.store, submitted=12)
    window = make_window(qtbot, core_ctx)
    page = window.show_page("reports")
    page.year.setValue(2024)

    def trend_axis() -> list[str]:
        for view in page.charts_box.findChildren(QChartView):
            if view.chart().title() == "Динамика по месяцам":
                return view.chart().axes(Qt.Orientation.Horizontal)[0].categories()
        return []
    qtbot.waitUntil(lambda: bool(trend_axis()), timeout=10000)
    axis = trend_axis()
    assert axis[:3] == ["янв.", "февр.", "март"], axis
    assert not any(label.isdigit() for label in axis), axis


def test_an_events_summary_in_the_list_says_its_date_in_words(qtbot, core_ctx):
    import uuid

    from desktop.record_list_page import RecordListPage
    core_ctx.store.save_record({
        "id": str(uuid.uuid4()), "form": "event", "form_version": 1, "org_unit": "SHY-ABAY",
        "period": "2023-12", "status": "draft",
        "data": {"title": "Акция 477", "date_start": "2023-12-06"}}, user="aigerim")
    page = RecordListPage(core_ctx, "event")
    qtbot.addWidget(page)
    summary = page.model.index(0, 3).data()
    assert "6 декабря 2023" in summary and "2023-12-06" not in summary, summary


def test_the_import_preview_says_the_lists_date_in_words(qtbot, core_ctx, tmp_path):
    """A seminar's list whose title says its date: the preview said «Дата проведения:
    2024-11-12»."""
    import openpyxl
    from test_import_dialog import open_dialog
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Список участников семинара, 12 ноября 2024 г."
    ws.merge_cells("A1:D1")
    ws.append(["№", "Ф.И.О. ", "Ведомство", "Должность"])
    ws.append([1, " Сарсенова Айгуль", "Отдел образования", "специалист"])
    ws.append([2, "Ахметов  Ерлан", "ДВД", "инспектор"])
    wb.save(tmp_path / "семинар.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "семинар.xlsx", "seminar")
    text = dialog.values_label.text()
    assert "12 ноября 2024" in text and "2024-11-12" not in text, text


def test_the_review_grid_names_its_months(qtbot, core_ctx):
    """The coordinator's grid headed its columns «01 … 12» and its tips said «2024-03»."""
    from PySide6.QtCore import Qt

    from desktop.demo_data import seed_demo
    from desktop.review_page import ReviewPage
    seed_demo(core_ctx.store, submitted=3)
    core_ctx.user.update(role="region", region="SHY", district=None)
    page = ReviewPage(core_ctx)
    qtbot.addWidget(page)
    page.year.setValue(2024)
    model = page.grid_model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[:3] == ["янв.", "февр.", "март"] and len(heads) == 12, heads
    tip = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert " · март 2024 · " in tip, tip
