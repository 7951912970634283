"""File → Import… on a survey's page: the export of a Google Form, made by hand as it comes
(a timestamp column, Russian question texts with stray spaces and a line break, a column the
survey does not ask), previewed and imported through `esep survey import`'s engine in the
real dialog; imported again, it adds nothing."""
from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from import_helpers import items, opened, settled
from test_import_dialog import open_dialog

from desktop.survey_dialog import SurveyImportDialog, survey_export

pytestmark = pytest.mark.timeout(120)

HEADER = ["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?  ", " Ваш пол",
          "Ваш   возраст", "Как вы занимаетесь\nволонтёрством?",
          "Сколько часов в месяц вы в среднем уделяете волонтёрству?",
          "Есть ли у вас опыт онлайн-волонтёрства?", "Откуда вы узнали об опросе?"]
ROWS = [
    [datetime(2026, 12, 6, 10, 15, 3), "Шымкент", "Женский", "18–28",
     "В составе инициативной группы", 10, "Да", "Instagram"],
    [datetime(2026, 12, 6, 11, 2, 47), "г. Шымкент ", "Мужской", "29–35", "Самостоятельно",
     "4,5", "Нет", "от друзей"],
    [datetime(2026, 12, 6, 12, 40, 0), " Шымкент", "Женский", "36–50",
     "Самостоятельно", 2, "Нет", ""],
]
UNMATCHED = "Откуда вы узнали об опросе?"


def google_form(path, rows=ROWS) -> str:
    """Google Forms' «Ответы на форму (1)» sheet as downloaded: one response a row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ответы на форму (1)"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return str(path)


def open_survey(qtbot, ctx, path) -> SurveyImportDialog:
    assert survey_export("volunteer_survey", path)
    dialog = SurveyImportDialog(ctx, "volunteer_survey", str(path))
    return opened(qtbot, dialog)


@pytest.mark.parametrize(("lang", "add", "none"), [
    ("ru", "Добавить: 3", "Не сопоставлены"), ("kk", "Қосылады: 3", "сәйкестендірілмеген")])
def test_preview_import_and_import_again(qtbot, core_ctx, tmp_path, lang, add, none):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    path = google_form(tmp_path / "Волонтёры (ответы).xlsx")
    dialog = open_survey(qtbot, core_ctx, path)
    plan = dialog.plan
    assert plan.errors == [], plan.problems
    matched = {c.header: c.field for c in plan.columns}
    assert matched["Отметка времени"] == "answered_on"
    assert matched["Как вы занимаетесь волонтёрством?"] == "affiliation"   # a line break
    assert matched["Ваш пол"] == "gender" and matched["Ваш возраст"] == "age_band"
    assert dialog.column_combo("Ваш пол").currentData() == "gender"
    assert plan.unmatched == [UNMATCHED] and matched[UNMATCHED] is None
    assert UNMATCHED in dialog.values_label.text() and none in dialog.values_label.text()
    assert dialog.column_combo(UNMATCHED).currentData() is None
    assert dialog.tabs.tabText(0) == add
    assert dialog.add_view.model().rowCount() == 3
    assert core_ctx.store.count_records(form="volunteer_survey") == 0   # a preview only
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    saved = core_ctx.store.list_records(form="volunteer_survey")
    assert len(saved) == 3
    by_hours = {r["data"].get("hours_per_month"): r for r in saved}
    assert set(by_hours) == {10, 4.5, 2}
    assert by_hours[4.5]["data"]["gender"] == "M" and by_hours[4.5]["org_unit"] == "SHY"
    assert by_hours[10]["data"]["answered_on"] == "2026-12-06"
    assert all("Instagram" not in str(r["data"]) for r in saved)
    again = open_survey(qtbot, core_ctx, path)
    assert again.plan.add == [] and again.plan.unchanged == [2, 3, 4]
    assert not again.import_button.isEnabled()
    assert len(items(again.skipped_list)) == 3
    assert core_ctx.store.count_records(form="volunteer_survey") == 3


def test_a_corrected_row_is_updated_as_the_cli_does(qtbot, core_ctx, tmp_path):
    path = google_form(tmp_path / "ответы.xlsx")
    dialog = open_survey(qtbot, core_ctx, path)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    fixed = [list(r) for r in ROWS]
    fixed[2][5] = 3                                  # 2 hours, corrected to 3 in the sheet
    dialog = open_survey(qtbot, core_ctx, google_form(tmp_path / "ответы.xlsx", fixed))
    assert dialog.plan.add == [] and dialog.plan.change == [4]
    [line] = items(dialog.change_list)
    assert line.startswith("Строка 4") and "2 → 3" in line, line
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    hours = sorted(r["data"]["hours_per_month"]
                   for r in core_ctx.store.list_records(form="volunteer_survey"))
    assert hours == [3, 4.5, 10]


def test_a_column_matched_by_hand(qtbot, core_ctx, tmp_path):
    """The person points the unmatched column at a question: the file is read again."""
    from test_import_dialog import choose
    dialog = open_survey(qtbot, core_ctx, google_form(tmp_path / "ответы.xlsx"))
    choose(dialog.column_combo(UNMATCHED), "proposals_text")
    settled(qtbot, dialog)
    assert dialog.plan.unmatched == [] and dialog.mapping == {UNMATCHED: "proposals_text"}
    assert dialog.values_label.text() == ""


def test_file_import_on_a_survey_page_opens_the_survey_preview(qtbot, core_ctx, tmp_path):
    """The list import no longer refuses a survey's export with the command line's words;
    Esep's own JSON still goes to the list import."""
    assert not survey_export("volunteer_survey", str(tmp_path / "x.json"))
    assert not survey_export("event", google_form(tmp_path / "a.xlsx"))
    dialog = open_dialog(qtbot, core_ctx, google_form(tmp_path / "b.xlsx"), "organization")
    assert "esep" not in dialog.status.text(), dialog.status.text()


def test_open_import_on_a_survey_page(qtbot, core_ctx, tmp_path):
    """File → Import… routes by the page on screen and the file."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from desktop.import_dialog import ImportDialog, open_import
    from forms import load_form

    class Window(QWidget):
        ctx = core_ctx

        def __init__(self, form_id: str) -> None:
            super().__init__()
            self.page = SimpleNamespace(form=load_form(form_id))

        def current_page(self):
            return self.page

    path = google_form(tmp_path / "ответы.xlsx")
    survey_page, list_page = Window("volunteer_survey"), Window("focus_group")
    qtbot.addWidget(survey_page)
    qtbot.addWidget(list_page)
    dialog = open_import(survey_page, path=path)
    assert isinstance(dialog, SurveyImportDialog) and dialog.form.id == "volunteer_survey"
    settled(qtbot, dialog)
    assert len(dialog.plan.add) == 3 and "«Отметка времени»" in dialog.header_label.text()
    dialog.reject()
    other = open_import(list_page, path=path)
    assert type(other) is ImportDialog
    qtbot.waitUntil(lambda: other.task is None, timeout=20000)
    other.reject()


@pytest.mark.parametrize(("lang", "said"), [("ru", "выпадающем списке"),
                                            ("kk", "ашылмалы тізімінен")])
def test_no_question_matched_says_the_drop_down(qtbot, core_ctx, tmp_path, lang, said):
    """A sheet whose headers are no question: the app points at its drop-downs, the
    command line at --map."""
    from desktop.i18n import switch_language
    from forms.messages import message_text, set_surface
    switch_language(core_ctx, lang)
    wb = openpyxl.Workbook()
    wb.active.append(["Вопрос 1", "Вопрос 2"])
    wb.active.append(["Шымкент", "Да"])
    wb.save(tmp_path / "анкеты.xlsx")
    dialog = open_survey(qtbot, core_ctx, tmp_path / "анкеты.xlsx")
    texts = items(dialog.problem_list)
    assert texts and all(said in t and "--map" not in t for t in texts), texts
    assert not dialog.import_button.isEnabled() and dialog.column_combo("Вопрос 1")
    set_surface("cli")
    try:
        cli = message_text("survey_no_columns", lang, {"file": "a.xlsx", "form": "F"})
        refused = message_text("import_use_command", lang, {
            "file": "a.xlsx", "command": "esep registry import FILE"})
    finally:
        set_surface("desktop")
    assert "--map" in cli and "esep registry import FILE" in refused
