"""A new monthly report: the findings panel shows no errors until a field is left, yet Submit
was disabled with «Fix the errors to submit.» and nothing to fix in sight. The hint says how
many are not shown yet and that F8 reaches them; F8 does."""
from __future__ import annotations

import pytest
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


def test_a_new_form_says_its_errors_are_not_shown_yet(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    editor = window.pages["monthly_report"].show_editor(None)
    editor.validate()
    errors = sum(1 for f in editor.findings if f.severity == "error")
    assert errors and not editor.panel.list.count()        # errors exist, none on screen
    assert not editor.submit_button.isEnabled()
    hint = editor.message.text()
    assert hint == ("Исправьте ошибки, чтобы подать отчёт. Ещё не показано: "
                    f"{errors}; F8 — к следующей."), hint
    assert editor.next_finding() in editor.inputs               # F8 goes to one of them
    editor.reveal_findings()                                   # Ctrl+Enter does this
    assert editor.message.text() == "Исправьте ошибки, чтобы подать отчёт."
    editor.dirty = False
