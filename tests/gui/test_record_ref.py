"""A questionnaire filled in at a seminar names that seminar: the clerk picks it by its date
and city («12 ноября 2024 · Актобе») instead of typing the seminar record's id, which she
cannot know; the record keeps the id."""
from __future__ import annotations

import uuid

import pytest
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


def seminar(store, date: str, city: str) -> str:
    rid = str(uuid.uuid4())
    store.save_record({"id": rid, "form": "seminar", "form_version": 1, "org_unit": "SHY-ABAY",
                       "period": date[:7], "status": "draft",
                       "data": {"date": date, "city": city}}, user="aigerim")
    return rid


def test_a_questionnaire_picks_its_seminar_by_date_and_city(qtbot, core_ctx):
    from desktop.i18n import switch_language
    first = seminar(core_ctx.store, "2024-11-12", "Актобе")
    second = seminar(core_ctx.store, "2024-12-03", "Шымкент")
    window = make_window(qtbot, core_ctx)
    editor = window.show_page("cs_questionnaire").show_editor(None)
    pick = editor.inputs["seminar_id"]
    combo = pick.focus_widget()
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["—", "3 декабря 2024 · Шымкент", "12 ноября 2024 · Актобе"], names
    combo.setCurrentIndex(2)
    assert editor.current_record()["data"]["seminar_id"] == first
    switch_language(core_ctx, "kk")
    assert combo.currentText() == "2024 ж. 12 қараша · Актобе"   # the choice stays
    assert pick.value() == first and second != first
    editor.dirty = False


def test_an_id_of_a_seminar_not_on_this_computer_stays(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    editor = window.show_page("cs_questionnaire").show_editor(None)
    pick = editor.inputs["seminar_id"]
    pick.set_value("a1b2c3d4-0000")
    assert pick.value() == "a1b2c3d4-0000"
    assert pick.focus_widget().currentText() == "a1b2c3d4-0000"
    editor.dirty = False
