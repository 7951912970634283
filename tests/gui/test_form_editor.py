"""The form screen: keyboard-only monthly report (enter, finding, fix, draft, reopen, submit),
history hints, autosave after a crash, warnings need a comment."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)

GOOD = {
    "volunteers_total": "100", "registered_orgs_count": "5", "initiative_groups_count": "15",
    "events_total": "10", "volunteer_hours": "500", "volunteer_positions": "30",
    "gender": {"F": "60", "M": "30"},           # wrong on purpose: 90 != 100
    "age": {"A14_17": "20", "A18_28": "50", "A29_35": "20", "A36_50": "5", "A51_60": "3",
            "O60": "2"},
    "occupation": {"SCHOOL": "20", "STUDENT": "50", "EMPLOYED": "30"},
    "events_by_direction": {"MED": "5", "ECO": "5"}, "events_by_format": {"OFFLINE": "10"},
}


_WINDOW = []


def focused():
    """The focus widget of the window under test (offscreen windows are never 'active')."""
    return QApplication.focusWidget() or _WINDOW[-1].focusWidget()


def enter(qtbot, text: str = "") -> None:
    widget = focused()
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_form_by_keyboard(qtbot, editor) -> None:
    """Walk the monthly report with the keyboard only: type, Enter (or Tab) to move on."""
    for field in editor.form.fields:
        widget = editor.inputs[field.id]
        if field.type in ("integer", "decimal"):
            assert focused() is widget.focus_widget(), f"focus should be on {field.id}"
            enter(qtbot, GOOD.get(field.id, ""))
        elif field.type == "counts":
            for code in widget.edits:
                assert focused() is widget.edits[code], f"focus should be on {field.id}.{code}"
                enter(qtbot, GOOD.get(field.id, {}).get(code, ""))
        elif field.type == "choice":
            assert focused() is widget.focus_widget()
            for _ in range(2):                     # "—" -> first -> second item
                qtbot.keyClick(focused(), Qt.Key.Key_Down)
            enter(qtbot)
        elif field.type == "roster":
            return                                 # the rest is optional
        else:
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def open_new(qtbot, ctx):
    from desktop.record_list_page import RecordListPage
    page = RecordListPage(ctx, "monthly_report")
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()                          # focus-out events need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    _WINDOW.append(page)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    if page.editor is None:  # mnemonics need an active window; some offscreen runs lack it
        page.new_button.setFocus()
        qtbot.keyClick(page.new_button, Qt.Key.Key_Space)
    assert page.editor is not None
    return page


def answer_next_dialog(button_text: str, tries: int = 250) -> list[str]:
    """Answer the next modal question by clicking its button named `button_text`, as the
    user does; returns [the question's text] once answered."""
    seen: list[str] = []

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            for button in box.buttons():
                if button.text().replace("&", "") == button_text:
                    button.click()
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(tries))
    return seen


def press(qtbot, button) -> None:
    """Keyboard 'press' of a button: focus it with the keyboard mnemonic target and Space."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_keyboard_only_monthly_report(qtbot, core_ctx):
    page = open_new(qtbot, core_ctx)
    editor = page.editor
    assert focused() is editor.period_edit
    enter(qtbot, "2025-03")
    type_form_by_keyboard(qtbot, editor)
    qtbot.waitUntil(lambda: any(f.fields and f.fields[0].startswith("gender")
                                and f.severity == "error" for f in editor.findings), timeout=3000)
    assert not editor.submit_button.isEnabled()
    assert "border" in editor.inputs["gender"].edits["M"].styleSheet()
    # F8 jumps to the field of the finding; fix M = 40
    for _ in range(len(editor.findings)):
        qtbot.keyClick(focused(), Qt.Key.Key_F8)
        if editor.inputs["gender"].isAncestorOf(focused()):
            break
    assert editor.inputs["gender"].isAncestorOf(focused()), [f.to_dict() for f in editor.findings]
    if focused() is editor.inputs["gender"].edits["F"]:
        enter(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "40")
    qtbot.waitUntil(lambda: not editor.has_errors(), timeout=3000)
    assert editor.submit_button.isEnabled(), [f.to_dict() for f in editor.findings]
    press(qtbot, editor.save_button)
    rid = editor.record["id"]
    saved = core_ctx.store.get_record(rid)
    assert saved["status"] == "draft" and saved["data"]["gender"] == {"F": 60, "M": 40}
    assert saved["period"] == "2025-03" and saved["org_unit"] == "SHY-ABAY"
    press(qtbot, editor.close_button)
    assert page.editor is None and page.model.total() == 1
    # reopen from the list with the keyboard: focus the table, Enter
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor is not None and page.editor.record["id"] == rid
    assert page.editor.inputs["volunteers_total"].value() == 100
    asked = answer_next_dialog("Подать")
    press(qtbot, page.editor.submit_button)
    assert asked and "«Волонтёрство в цифрах» (март 2025, " in asked[0], asked
    assert core_ctx.store.get_record(rid)["status"] == "submitted"
    assert not page.editor.save_button.isEnabled(), "a submitted report is read-only"


def test_history_hints_show_last_month_and_last_year(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from forms import load_form
    records = seed_demo(core_ctx.store, months=14)      # 2024-01 .. 2025-02
    editor = FormEditor(core_ctx, load_form("monthly_report"))
    qtbot.addWidget(editor)
    editor.period_edit.setText("2025-02")
    editor._header_changed()
    hint = editor.history._labels["volunteers_total"].text()
    prev = records[12]["data"]["volunteers_total"]      # 2025-01
    year = records[1]["data"]["volunteers_total"]       # 2024-02
    assert str(prev) in hint and str(year) in hint and "прошлый месяц" in hint


def test_a_breakdowns_hints_show_each_categorys_own_last_month(qtbot, core_ctx):
    """Beside «Женщины» its own 204 of January, not the 357 volunteers of the whole
    breakdown; a category with no figure before says nothing."""
    from desktop.form_editor import FormEditor
    from forms import load_form
    store = core_ctx.store
    for period, data in (("2025-01", {"volunteers_total": 357,
                                      "gender": {"F": 204, "M": 153}}),
                         ("2024-02", {"volunteers_total": 300, "gender": {"F": 190}})):
        store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                           "period": period, "data": data}, user="abay")
    editor = FormEditor(core_ctx, load_form("monthly_report"))
    qtbot.addWidget(editor)
    editor.show()
    editor.period_edit.setText("2025-02")
    editor._header_changed()
    gender = editor.inputs["gender"].hints
    assert "204" in gender["F"].text() and "190" in gender["F"].text(), gender["F"].text()
    assert "153" in gender["M"].text() and "прошлый месяц" in gender["M"].text()
    assert not any("357" in h.text() for h in gender.values())
    age = editor.inputs["age"].hints
    assert age and all(h.text() == "" and not h.isVisible() for h in age.values())
    assert gender["F"].isVisible()


def test_autosave_offered_back_after_crash(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from desktop.record_list_page import RecordListPage
    from forms import load_form
    form = load_form("monthly_report")
    editor = FormEditor(core_ctx, form)
    qtbot.addWidget(editor)
    editor.period_edit.setText("2025-04")
    editor.inputs["volunteers_total"].edit.setText("777")
    editor._changed()
    assert editor.autosave_now()
    rid = editor.record["id"]
    editor._autosave_timer.stop()
    editor.deleteLater()                 # "crash": nothing saved to records
    assert core_ctx.store.get_record(rid) is None
    page = RecordListPage(core_ctx, "monthly_report")
    qtbot.addWidget(page)
    assert page.recover_button.isVisibleTo(page)
    page._recover()
    assert page.editor.record["id"] == rid
    assert page.editor.inputs["volunteers_total"].value() == 777
    assert page.editor.save_draft() is not None
    assert core_ctx.store.get_record(rid)["data"]["volunteers_total"] == 777
    page.refresh()
    assert not page.recover_button.isVisibleTo(page)


def test_autosave_of_existing_record_restored_by_banner(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from forms import load_form
    form = load_form("monthly_report")
    rec = seed_demo(core_ctx.store, months=1)[0]
    editor = FormEditor(core_ctx, form, rec)
    qtbot.addWidget(editor)
    editor.inputs["volunteers_total"].edit.setText("999")
    editor._changed()
    editor.autosave_now()
    again = FormEditor(core_ctx, form, core_ctx.store.get_record(rec["id"]))
    qtbot.addWidget(again)
    assert again.banner.isVisibleTo(again)
    assert again.inputs["volunteers_total"].value() == rec["data"]["volunteers_total"]
    again.banner.restore_button.click()
    assert again.inputs["volunteers_total"].value() == 999 and again.dirty


def test_warning_needs_comment(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from forms import Finding, load_form
    editor = FormEditor(core_ctx, load_form("monthly_report"))
    qtbot.addWidget(editor)
    editor.findings = [Finding("VR-X", "warning", ["volunteers_total"], "x", {})]
    editor._update_buttons()
    assert not editor.submit_button.isEnabled()
    editor.comment.setPlainText("Рост из-за акции «Бірге»")
    editor._update_buttons()
    assert editor.submit_button.isEnabled()


def test_a_record_beyond_reach_shows_its_units_name(qtbot, core_ctx):
    """A neighbouring district's report opened read-only (a region's copy, the demo) showed
    «SHY-ENBEKSHI» in the unit drop-down though the store has its name."""
    import uuid

    from desktop.form_editor import FormEditor
    from forms import load_form
    rec = seed_demo(core_ctx.store, months=1)[0]
    other = core_ctx.store.save_record(dict(rec, id=str(uuid.uuid4()), org_unit="SHY-ENBEKSHI"),
                                       user="region1")
    editor = FormEditor(core_ctx, load_form("monthly_report"))
    qtbot.addWidget(editor)
    editor.load(other)
    assert editor.org_combo.currentData() == "SHY-ENBEKSHI"
    assert editor.org_combo.currentText() == "Енбекшинский район"
