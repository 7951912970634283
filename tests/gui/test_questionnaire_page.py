"""The civil-servant questionnaire in the desktop app: its navigation entry opens the generic
record list, whose editor shows the VR-27 errors (blank answer, «нет ответа» combined with
another answer) and submits a questionnaire answered with «нет ответа» / NOT_STATED."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(120)

QUESTIONS = ("department", "q1_interaction", "q2_known_orgs_status", "q3_difficulties",
             "q4_effects", "q5_problem_areas", "q6_proposals")


def _trainer(ctx):
    ctx.user = dict(ctx.user, role="trainer", username="trainer_user")
    return ctx


def _page(qtbot, ctx):
    from desktop.main_window import MainWindow
    window = MainWindow(_trainer(ctx))
    qtbot.addWidget(window)
    keys = window.page_keys()
    assert keys.index("cs_questionnaire") == keys.index("focus_group") + 1
    row = keys.index("cs_questionnaire")
    assert window.nav.item(row).text() == "Анкеты госслужащих"
    page = window.show_page("cs_questionnaire")
    assert type(page).__name__ == "RecordListPage" and page.form.id == "cs_questionnaire"
    return page


def _errors(editor) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in editor.validate():
        if f.severity == "error":
            for path in f.fields:
                out.setdefault(path, []).append(f.rule)
    return out


def test_blank_questionnaire_names_every_question(qtbot, core_ctx):
    page = _page(qtbot, core_ctx)
    page.new_record()
    editor = page.editor
    editor._autosave_timer.stop()
    editor.reveal_findings()                       # what Submit shows
    errors = _errors(editor)
    for fid in QUESTIONS:
        assert errors.get(fid) == ["VR-27"], (fid, errors)
        assert "border" in editor.inputs[fid].focus_widget().styleSheet(), fid
    texts = [editor.panel.list.item(i).text() for i in range(editor.panel.list.count())]
    assert any("1. Какое взаимодействие с волонтерскими организациями" in t and
               "обязательно" in t for t in texts), texts
    assert not editor.submit_button.isEnabled()


def test_no_answer_is_accepted_and_combined_no_answer_is_blocked(qtbot, core_ctx):
    page = _page(qtbot, core_ctx)
    page.new_record()
    editor = page.editor
    editor._autosave_timer.stop()
    editor.reveal_findings()                       # what Submit shows
    editor.inputs["date"].edit.setText("2023-10-12")
    values = {"department": "NOT_STATED", "q1_interaction": "NO_ANSWER",
              "q2_known_orgs_status": "NO_ANSWER", "q3_difficulties": ["NO_ANSWER", "ADMIN_FIN"],
              "q4_effects": "NO_ANSWER", "q5_problem_areas": ["NO_ANSWER"],
              "q6_proposals": ["NO_ANSWER"]}
    for fid, value in values.items():
        editor.inputs[fid].set_value(value)
    assert _errors(editor) == {"q3_difficulties": ["VR-27-q3"]}
    texts = [editor.panel.list.item(i).text() for i in range(editor.panel.list.count())]
    assert any("нельзя отмечать вместе" in t for t in texts), texts
    assert not editor.submit_button.isEnabled()
    editor.inputs["q3_difficulties"].set_value(["NO_ANSWER"])
    assert _errors(editor) == {}
    saved = editor.submit()
    assert saved is not None and saved["status"] == "submitted"
    stored = core_ctx.store.get_record(saved["id"])
    assert stored["form"] == "cs_questionnaire" and stored["period"] == "2023-10"
    assert stored["data"]["department"] == "NOT_STATED"
    assert stored["data"]["q3_difficulties"] == ["NO_ANSWER"]
