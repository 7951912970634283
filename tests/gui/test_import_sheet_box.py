"""File → Import of a workbook with a list on each of two sheets: the preview's «Sheet:» box
lists them as the file names them (last year's, hidden, marked so), set to the sheet read;
choosing the other reads the preview from it (as `esep import --sheet`); the finding about
the hidden sheet names the box, not a file to save (ru, kk)."""
from __future__ import annotations

import openpyxl
import pytest
from test_desktop_hints import CLI_WORDS, shown
from test_import_dialog import open_dialog

pytestmark = pytest.mark.timeout(120)
HEADER = ["№", "Ф.И.О. ", "Организация", "Категория участника"]
THIS_YEAR = [("Ким Алексей Викторович", "Студенческий совет МКТУ", "Студенческие организации"),
             ("Жұмабаева Айгүл Серікқызы", "ОФ «Мейірім»", "Системные волонтёрские организации")]
LAST_YEAR = [("Оспанов  Ержан", "ОО «Жастар»", "студенческие организации"),
             ("Садыкова Динара", "МРЦ Абай", "МРЦ и госучреждения"),
             ("Нұрланов Бауыржан", "ОФ «Мейірім»", "Системные волонтёрские организации")]


def two_years(path) -> str:
    """This year's list, and last year's on a sheet «2022» hidden, as a clerk keeps them:
    a title row above each header, stray spaces."""
    wb = openpyxl.Workbook()
    for ws, when, people in ((wb.active, "14 сентября 2023 г.", THIS_YEAR),
                             (wb.create_sheet("2022"), "3 октября 2022 г.", LAST_YEAR)):
        ws.append([f"Список участников фокус-группы, г. Шымкент, {when}"])
        ws.append(HEADER)
        for n, person in enumerate(people, start=1):
            ws.append([n, *person])
    wb.active.title = "2023 "
    wb["2022"].sheet_state = "hidden"
    wb.save(path)
    return str(path)


def names(dialog) -> list[str]:
    return [" ".join(r["full_name"].split()) for r in dialog.plan.add]


def items(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


@pytest.mark.parametrize(("lang", "label", "hidden", "save"), [
    ("ru", "«Лист:»", "(скрыт)", "сохран"), ("kk", "«Парақ:»", "(жасырын)", "сақта")])
def test_the_sheet_box_reads_the_sheet_chosen(qtbot, core_ctx, tmp_path, lang, label, hidden,
                                              save):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    dialog = open_dialog(qtbot, core_ctx, two_years(tmp_path / "участники.xlsx"))
    box = dialog.sheet_box
    assert box.isVisible() and dialog.sheet_box.label.text() == label.strip("«»")
    assert items(box) == ["2023 ", f"2022 {hidden}"] and box.currentIndex() == 0
    assert dialog.plan.sheet == "2023 "
    assert names(dialog) == [p[0] for p in THIS_YEAR]
    said = [t for t in shown(dialog) if "2022" in t]
    assert said and all(label in t and save not in t and not CLI_WORDS.search(t)
                        for t in said), said
    box.setCurrentIndex(1)                                   # as a person chooses it
    box.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.plan.sheet == "2022" and box.currentIndex() == 1
    assert names(dialog) == ["Оспанов Ержан", "Садыкова Динара", "Нұрланов Бауыржан"]
    assert not [t for t in shown(dialog) if "2022" in t and label in t]   # read, not passed


def test_one_sheet_no_box(qtbot, core_ctx, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Список участников семинара"])
    ws.append(HEADER)
    ws.append([1, *THIS_YEAR[0]])
    wb.save(tmp_path / "один.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "один.xlsx")
    assert dialog.plan.add and not dialog.sheet_box.isVisible()
    assert not dialog.sheet_box.label.isVisible()


def test_a_list_only_on_a_hidden_sheet_is_read_when_chosen(qtbot, core_ctx, tmp_path):
    """The file is refused as it stands (its one shown sheet is a cover), but the box offers
    the hidden sheet, and choosing it reads the list."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Мазмұны"
    cover.append(["Фокус-топ қатысушыларының тізімі"])
    cover.append(["Дайындаған: Ахметова А."])
    ws = wb.create_sheet("2022")
    ws.append(["Список участников фокус-группы, 3 октября 2022 г."])
    ws.append(HEADER)
    for n, person in enumerate(LAST_YEAR, start=1):
        ws.append([n, *person])
    ws.sheet_state = "hidden"
    wb.save(tmp_path / "тізім.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "тізім.xlsx")
    box = dialog.sheet_box
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    assert box.isVisible() and items(box) == ["Мазмұны", "2022 (скрыт)"]
    assert box.currentIndex() == 0
    box.setCurrentIndex(1)
    box.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.plan.sheet == "2022" and len(names(dialog)) == 3
    assert dialog.import_button.isEnabled()
