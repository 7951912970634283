"""«Заполнить из мероприятий»: the monthly report's event figures from the month's events."""
from __future__ import annotations

import pytest

from tests.event_samples import MARCH_SUMS, seed_events

RID = "5f2b8c1e-0d5e-4a57-9a41-3c1d2e7f6a01"
pytestmark = pytest.mark.timeout(120)


def _editor(qtbot, ctx, period="2026-03"):
    from desktop.form_editor import FormEditor
    from forms import load_form
    rec = {"id": RID, "form": "monthly_report", "form_version": 1, "org_unit": "SHY-ABAY",
           "period": period, "status": "draft", "data": {"volunteers_total": 40},
           "justification": None}
    editor = FormEditor(ctx, load_form("monthly_report"), rec)
    qtbot.addWidget(editor)
    return editor


def test_fill_from_events_gives_the_exact_sums_for_review(qtbot, core_ctx):
    seed_events(core_ctx.store)
    editor = _editor(qtbot, core_ctx)
    button = editor.fill_button
    assert button.text() == "Заполнить из мероприятий"
    button.click()
    data = editor.current_record()["data"]
    for fid, value in MARCH_SUMS.items():
        assert data.get(fid) == value, (fid, data.get(fid))
    assert data["volunteers_total"] == 40                     # other figures untouched
    assert editor.dirty and "3" in editor.message.text() and "2026-03" in editor.message.text()
    qtbot.wait(400)            # the edit's delayed validation came and wiped the message
    assert "2026-03" in editor.message.text(), editor.message.text()
    assert core_ctx.store.get_record(RID) is None        # nothing saved until the person
    saved = editor.save_draft()
    assert saved is not None, editor.message.text()
    assert saved["data"]["volunteer_hours"] == 59.5
    assert core_ctx.store.get_record(RID)["data"]["events_by_format"] == {
        "OFFLINE": 2, "ONLINE": 1, "AUTO": 1}


def test_a_month_without_events_fills_zero(qtbot, core_ctx):
    seed_events(core_ctx.store)
    editor = _editor(qtbot, core_ctx, period="2026-01")
    editor.fill_button.click()
    data = editor.current_record()["data"]
    assert data["events_total"] == 0 and data["volunteer_positions"] == 0
    assert "events_by_direction" not in data


@pytest.mark.parametrize("lang,text", [("kk", "Іс-шаралардан толтыру"),
                                       ("en", "Fill from events")])
def test_button_in_every_language(qtbot, core_ctx, lang, text):
    from desktop.i18n import install_translators
    install_translators(lang)
    core_ctx.lang = lang
    editor = _editor(qtbot, core_ctx)
    editor.retranslate()
    assert editor.fill_button.text() == text


def test_other_forms_have_no_fill_button(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from forms import load_form
    editor = FormEditor(core_ctx, load_form("event"))
    qtbot.addWidget(editor)
    assert editor.fill_button is None
