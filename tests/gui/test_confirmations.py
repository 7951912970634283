"""Issue 13 point 4: submitting asks first (button and Ctrl+Enter); leaving a record or closing
the window with unsaved edits asks Save / Discard / Cancel."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_form_editor import answer_next_dialog, press
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


def ready_report(qtbot, ctx):
    """A window with a new monthly report that has no errors, not saved yet."""
    window = make_window(qtbot, ctx)
    editor = window.pages["monthly_report"].show_editor(None)
    from desktop.demo_data import monthly_data
    editor.period_edit.setText("2025-03")
    for fid, value in monthly_data(100, complete=True).items():
        editor.inputs[fid].set_value(value)
    editor._changed()
    editor.validate()
    assert editor.submit_button.isEnabled(), [f.to_dict() for f in editor.findings]
    return window, editor


def reactivate(qtbot, window) -> None:
    """Offscreen, a closed dialog does not hand activation back to its window as a real
    window manager does; shortcuts need an active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_submit_button_and_ctrl_enter_ask_before_submitting(qtbot, core_ctx):
    window, editor = ready_report(qtbot, core_ctx)
    asked = answer_next_dialog("Отмена")
    press(qtbot, editor.submit_button)
    assert asked and "Подать «Волонтёрство в цифрах» (март 2025, " in asked[0], asked
    assert core_ctx.store.get_record(editor.record["id"]) is None   # cancelled: nothing sent
    assert editor.record["status"] == "draft"
    asked = answer_next_dialog("Подать")
    reactivate(qtbot, window)
    field = editor.inputs["volunteers_total"].focus_widget()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked, "Ctrl+Enter asks too"
    assert core_ctx.store.get_record(editor.record["id"])["status"] == "submitted"


def test_close_with_unsaved_edits_cancel_discard_save(qtbot, core_ctx):
    window, editor = ready_report(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    asked = answer_next_dialog("Отмена")
    press(qtbot, editor.close_button)
    assert asked and "несохранённые изменения" in asked[0]
    assert page.editor is editor and editor.isVisible()           # Cancel: still editing
    answer_next_dialog("Отбросить")
    press(qtbot, editor.close_button)
    assert page.editor is None
    assert core_ctx.store.get_record(editor.record["id"]) is None  # Discard: nothing kept
    again = page.show_editor(None)
    again.period_edit.setText("2025-04")
    again._changed()
    answer_next_dialog("Сохранить")
    press(qtbot, again.close_button)
    assert page.editor is None
    assert core_ctx.store.get_record(again.record["id"])["period"] == "2025-04"


def test_closing_the_window_with_unsaved_edits_asks(qtbot, core_ctx):
    window, editor = ready_report(qtbot, core_ctx)
    asked = answer_next_dialog("Отмена")
    window.close()
    assert asked and window.isVisible()                            # Cancel keeps it open
    answer_next_dialog("Сохранить")
    window.close()
    assert not window.isVisible()
    assert core_ctx.store.get_record(editor.record["id"])["status"] == "draft"


def test_a_saved_record_closes_without_a_question(qtbot, core_ctx):
    window, editor = ready_report(qtbot, core_ctx)
    assert editor.save_draft() is not None
    press(qtbot, editor.close_button)                              # no dialog: nothing to lose
    assert window.pages["monthly_report"].editor is None
