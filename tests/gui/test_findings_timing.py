"""Issue 13 point 3: no wall of red on a new form (a field's findings appear once the user
leaves it, all of them on Submit); the period proposes the month now due; a visible focus
mark; the confirmation names the form."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from test_confirmations import reactivate
from test_menu_and_lists import make_window

from forms.periods import current_period, shift_period

pytestmark = pytest.mark.timeout(120)


def test_new_form_shows_findings_only_after_leaving_a_field_or_submit(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    editor = window.pages["monthly_report"].show_editor(None)
    assert editor.has_errors()                                   # the rules did run ...
    assert editor.panel.list.count() == 0                        # ... but nothing is shown
    total = editor.inputs["volunteers_total"]
    assert "border" not in total.focus_widget().styleSheet()
    total.focus_widget().setFocus()
    qtbot.keyClick(total.focus_widget(), Qt.Key.Key_Tab)          # leave it empty
    qtbot.waitUntil(lambda: "border" in total.focus_widget().styleSheet(), timeout=2000)
    shown = editor.shown_findings()
    assert shown and all("volunteers_total" in str(f.fields) for f in shown), shown
    assert "border" not in editor.inputs["events_total"].focus_widget().styleSheet()
    reactivate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)          # Ctrl+Enter: Submit
    assert editor.panel.list.count() == len(editor.findings) > len(shown)
    assert "border" in editor.inputs["events_total"].focus_widget().styleSheet()


def test_period_proposes_the_month_now_due_and_typing_replaces_it(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    editor = page.show_editor(None)
    due = shift_period(current_period(), -1)
    assert editor.period_edit.text() == due
    assert QApplication.focusWidget() is editor.period_edit
    qtbot.keyClicks(editor.period_edit, "2024-03")
    assert editor.period_edit.text() == "2024-03"
    assert editor.save_draft()["period"] == "2024-03"


def test_the_focused_input_has_a_visible_mark(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    editor = window.pages["monthly_report"].show_editor(None)
    edit = editor.inputs["events_total"].focus_widget()
    before = edit.grab().toImage()
    edit.setFocus()
    qtbot.waitUntil(lambda: edit.hasFocus(), timeout=2000)
    after = edit.grab().toImage()
    mark = QColor("#1565c0")
    edge = [after.pixelColor(x, after.height() // 2) for x in range(3)]
    assert mark in edge, [c.name() for c in edge]
    assert mark not in [before.pixelColor(x, before.height() // 2) for x in range(3)]


def test_submitted_message_names_the_form(qtbot, core_ctx):
    from desktop.demo_data import monthly_data
    window = make_window(qtbot, core_ctx)
    editor = window.pages["monthly_report"].show_editor(None)
    for fid, value in monthly_data(100, complete=True).items():
        editor.inputs[fid].set_value(value)
    editor.validate()
    assert editor.submit() is not None
    assert editor.message.text() == "Подано: «Волонтёрство в цифрах»."
    assert "Отчёт" not in editor.message.text()


def test_month_picker_date_picker_and_district_choice_on_an_event(qtbot, core_ctx):
    from PySide6.QtCore import QDate

    from desktop.field_widgets import DistrictInput
    window = make_window(qtbot, core_ctx)
    report = window.pages["monthly_report"].show_editor(None)
    from desktop.dates_text import period_text
    months = [a.text() for a in report.period_button.menu().actions()]
    due = shift_period(current_period(), -1)
    assert months[0] == period_text(due, "ru") and len(months) == 13   # «ноябрь 2026»
    assert not any(ch.isdigit() for ch in months[0].split()[0])
    report.period_button.menu().actions()[2].trigger()
    picked = shift_period(due, -2)
    assert report.period_edit.text() == picked and report.current_record()["period"] == picked
    report.dirty = False
    event = window.show_page("event").show_editor(None)
    district = event.inputs["district"]
    assert isinstance(district, DistrictInput)
    names = [district.combo.itemText(i) for i in range(district.combo.count())]
    units = core_ctx.store.org_units(kind="district", region=core_ctx.user["region"])
    assert len(names) == len(units) > 1
    assert district.value() == names[0] == next(
        u["name_ru"] for u in units if u["id"] == core_ctx.user["district"])
    date = event.inputs[event.form.date_field]
    assert date.value() is None                                   # empty is allowed
    date.calendar_button.calendar.clicked.emit(QDate(2025, 3, 14))
    assert date.value() == "2025-03-14"
    assert event.current_record()["period"] == "2025-03"
    event.dirty = False


def test_an_empty_period_is_one_message(qtbot, core_ctx):
    """A period box left empty says so once (not also «period  is invalid»)."""
    from desktop.form_editor import FormEditor
    from forms import load_form

    editor = FormEditor(core_ctx, load_form("monthly_report"))
    qtbot.addWidget(editor)
    editor.period_edit.setText("")
    from desktop.findings_panel import finding_text

    found = [f for f in editor.validate() if "period" in (f.fields or [])]
    assert len(found) == 1
    assert finding_text(found[0], "ru") == "Укажите период в виде ГГГГ-ММ."
