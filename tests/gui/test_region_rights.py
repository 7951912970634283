"""What a region coordinator is told and may do (a desktop walk): the «returned for changes»
notice waits for the district whose report came back, not for the coordinator who returned
it; the editor's Save / Submit / Correct follow the lifecycle core's answer for this user and
record (forms.lifecycle.editor_actions), a refusal said in the button's tooltip."""
from __future__ import annotations

import pytest
from test_menu_and_lists import make_window

from desktop.demo_data import monthly_data
from forms.lifecycle import editor_actions

pytestmark = pytest.mark.timeout(120)

COORDINATOR = {"username": "r.akhmetova", "role": "region", "region": "SHY", "district": None}
DISTRICT = {"username": "aigerim", "role": "district", "region": "SHY", "district": "SHY-ABAY"}
CENTRAL = {"username": "central1", "role": "central", "region": None, "district": None}


def district_report(store, status: str, period: str = "2025-03") -> dict:
    """The Abay district's report, submitted by the district and then reviewed by the region
    (returned with a comment, or approved), as a sync brings it."""
    rec = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": period,
                             "data": monthly_data(580, complete=True)}, user="aigerim",
                            role="district")
    store.submit_record(rec["id"], user="aigerim", role="district",
                        justification="Данные сверены с журналом волонтёров.")
    if status != "submitted":
        store.set_review(rec["id"], status, user="r.akhmetova", role="region",
                         comment="Проверьте число часов: 900 при 40 мероприятиях")
    return store.get_record(rec["id"])


def editor_for(qtbot, ctx, user: dict, record: dict):
    from desktop.form_editor import FormEditor
    from forms import load_form
    ctx.user = dict(user)
    editor = FormEditor(ctx, load_form("monthly_report"), record)
    qtbot.addWidget(editor)
    editor._autosave_timer.stop()
    return editor


def test_the_notice_is_for_the_district_not_the_coordinator_who_returned_it(qtbot, core_ctx):
    district_report(core_ctx.store, "returned")
    core_ctx.user = dict(COORDINATOR)
    page = make_window(qtbot, core_ctx).pages["monthly_report"]
    page.refresh()
    assert page.model.rowCount() == 1                     # she sees the report in her list
    assert not page.returned_button.isVisibleTo(page)     # ... but is not told it came back


def test_the_district_is_told_its_report_came_back(qtbot, core_ctx):
    district_report(core_ctx.store, "returned")
    core_ctx.user = dict(DISTRICT)
    page = make_window(qtbot, core_ctx).pages["monthly_report"]
    page.refresh()
    assert page.returned_button.isVisibleTo(page)
    assert page.returned_button.text() == "1 отчёт возвращён на доработку — открыть"


def test_a_region_level_report_returned_by_central_comes_back_to_the_region(qtbot, core_ctx):
    store = core_ctx.store
    rec = store.save_record({"form": "monthly_report", "org_unit": "SHY", "period": "2025-03",
                             "data": monthly_data(300, complete=True)}, user="r.akhmetova",
                            role="region")
    store.submit_record(rec["id"], user="r.akhmetova", role="region",
                        justification="Данные сверены с журналом.")
    store.set_review(rec["id"], "returned", user="central1", role="central",
                     comment="Дополните отчёт")
    core_ctx.user = dict(COORDINATOR)
    page = make_window(qtbot, core_ctx).pages["monthly_report"]
    page.refresh()
    assert page.returned_button.isVisibleTo(page)


@pytest.mark.parametrize("user", [COORDINATOR, DISTRICT, CENTRAL], ids=lambda u: u["role"])
@pytest.mark.parametrize("status", ["returned", "submitted", "approved"])
def test_the_editor_buttons_follow_the_lifecycle_core(qtbot, core_ctx, user, status):
    record = district_report(core_ctx.store, status)
    editor = editor_for(qtbot, core_ctx, user, record)
    core = editor_actions(user["role"], status, "monthly_report")
    assert editor.save_button.isEnabled() == (core["save"] is None)
    assert editor.inputs["volunteers_total"].isEnabled() == (core["save"] is None)
    assert editor.correct_button.isVisibleTo(editor) == (core["correct"] is None)
    if core["submit"] is not None:
        assert not editor.submit_button.isEnabled()
        assert editor.submit_button.toolTip() == editor.refused("submit") != ""
    if core["save"] is not None:
        assert editor.save_button.toolTip() == editor.refused("save") != ""
    else:
        assert editor.save_button.toolTip() == ""


def test_what_the_core_answers_for_a_districts_report(qtbot, core_ctx):
    """The answers the parametrized test relies on, said in words (ru)."""
    returned = district_report(core_ctx.store, "returned")
    coordinator = editor_for(qtbot, core_ctx, COORDINATOR, returned)
    # the core lets an editor role (region is one: it enters region-level reports) change a
    # returned record in place; the editor follows it rather than a rule of its own
    assert coordinator.save_button.isEnabled() and coordinator.refused("submit") == ""
    central = editor_for(qtbot, core_ctx, CENTRAL, returned)
    assert not central.save_button.isEnabled() and not central.submit_button.isEnabled()
    assert central.save_button.toolTip() == "Ваша роль не заполняет и не подаёт эту форму."
    approved = editor_for(qtbot, core_ctx, COORDINATOR, district_report(core_ctx.store,
                                                                        "approved", "2025-04"))
    assert approved.submit_button.toolTip() == \
        "Отчёт принят и заблокирован: его никто не меняет."
    assert not approved.correct_button.isVisibleTo(approved)


def test_ctrl_s_past_a_disabled_save_changes_nothing(qtbot, core_ctx):
    returned = district_report(core_ctx.store, "returned")
    editor = editor_for(qtbot, core_ctx, CENTRAL, returned)
    assert editor.save_draft() is None
    assert editor.message.text() == "Ваша роль не заполняет и не подаёт эту форму."
    assert core_ctx.store.get_record(returned["id"]) == returned
