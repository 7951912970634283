"""Columns hidden in a workbook (reports.readers_layout.hidden_columns): a column a clerk hid
(a phone, a grouped and collapsed pair) is read like any other, and each import that reads it
into its records says so once, naming the column by its header and its letter; a hidden
column read into no field is not said. Files typed with openpyxl as clerks type them (a
merged title, stray spaces, a margin column left empty), saved again by LibreOffice as .ods
and .xls."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.intake import read_list
from reports.list_read import read_records_list
from reports.readers_layout import hidden_columns
from reports.survey_import import read_survey
from store import open_store
from tests.wide_kit import add_units, soffice_convert

needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                   reason="LibreOffice is not installed")
PEOPLE = [("Иванова Анна Сергеевна", "ОО «Жастар»", "+7 701 123 45 67", "студент"),
          ("Сағындықова Гүлнар", "МРЦ", "87017654321", "МРЦ и госучреждения"),
          ("Абдрахманов Бауыржан", " Жас Отан ", "8 (702) 111-22-33", "студент")]
# «Телефон» (D) hidden alone, «Категория» and «Примечание» (E:F) a collapsed group, «Служ.
# отметка» (H) hidden too: read into no field, it is not said.
SAID = [("Телефон", "D"), ("Категория", "E")]


def attendance(path: Path, *, hide: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Список"
    ws.append(["Список участников фокус-группы"])
    ws.merge_cells("A1:H1")
    ws.append(["№", " ФИО ", "Организация", "Телефон", "Категория", "Примечание", "Подпись",
               "Служ. отметка"])
    for i, (name, org, phone, category) in enumerate(PEOPLE, start=1):
        ws.append([i, name, org, phone, category, None, None, "проверено"])
    if hide:
        ws.column_dimensions["D"].hidden = True
        ws.column_dimensions.group("E", "F", hidden=True)
        ws.column_dimensions["H"].hidden = True
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def lists(tmp_path_factory) -> dict[str, Path]:
    """The typed .xlsx and LibreOffice's .ods and .xls of it."""
    out = tmp_path_factory.mktemp("hidden")
    src = attendance(out / "list.xlsx")
    files = {"xlsx": src}
    if shutil.which("soffice") or shutil.which("libreoffice"):
        for fmt in ("ods", "xls"):
            files[fmt] = soffice_convert(src, fmt, out)
    return files


def _said(problems) -> list[tuple[str, str]]:
    return [(p.column, p.message) for p in problems if p.code == "column_hidden"]


def test_the_typed_workbook_hides_what_the_clerk_hid(lists):
    ws = openpyxl.load_workbook(lists["xlsx"]).active
    assert ws.column_dimensions["D"].hidden and ws.column_dimensions["E"].hidden
    assert (ws.column_dimensions["E"].min, ws.column_dimensions["E"].max) == (5, 6)
    assert hidden_columns(lists["xlsx"], None) == {3, 4, 5, 7}
    assert hidden_columns(lists["xlsx"], "Список") == {3, 4, 5, 7}
    assert hidden_columns(lists["xlsx"], "Лист2") == set()          # no such sheet


@needs_soffice
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_libreoffice_keeps_the_columns_hidden(lists, fmt):
    assert hidden_columns(lists[fmt], None) == {3, 4, 5, 7}
    assert hidden_columns(lists[fmt], "Список") == {3, 4, 5, 7}


@pytest.mark.parametrize("fmt", ["xlsx", pytest.param("ods", marks=needs_soffice),
                                 pytest.param("xls", marks=needs_soffice)])
def test_an_attendance_list_says_each_hidden_column_it_read(lists, fmt):
    preview = read_list(lists[fmt], "focus_group", period="2023-09")
    assert [(r["full_name"], r["phone"], r["participant_category"]) for r in preview.rows] == [
        ("Иванова Анна Сергеевна", "+7 701 123 45 67", "STUDENT"),
        ("Сағындықова Гүлнар", "87017654321", "STATE"),
        ("Абдрахманов Бауыржан", "8 (702) 111-22-33", "STUDENT")]
    assert _said(preview.problems) == [
        (header, (f"столбец «{header}» ({letter}) скрыт в файле, но прочитан: проверьте, "
                  "что так и задумано")) for header, letter in SAID]
    assert all(p.severity == "warning" and p.row is None for p in preview.problems
               if p.code == "column_hidden")


def test_the_warning_in_kazakh_and_english(lists):
    kk = _said(read_list(lists["xlsx"], "focus_group", period="2023-09", lang="kk").problems)
    en = _said(read_list(lists["xlsx"], "focus_group", period="2023-09", lang="en").problems)
    assert kk[0][1] == "«Телефон» бағаны (D) файлда жасырылған, бірақ оқылды: солай " \
                       "көзделгенін тексеріңіз"
    assert en[1][1] == "column «Категория» (E) is hidden in the file but was read: check " \
                       "this is intended"


def test_nothing_hidden_nothing_said(tmp_path):
    preview = read_list(attendance(tmp_path / "open.xlsx", hide=False), "focus_group",
                        period="2023-09")
    assert len(preview.rows) == 3 and _said(preview.problems) == []


def test_a_list_typed_from_column_b_names_the_sheets_letter(tmp_path):
    """A margin column A left empty: the letters are the sheet's, not counted from the
    first column used."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B1"] = "Список участников"
    ws.append([None, "№", "ФИО", "Телефон", "Организация"])
    ws.append([None, 1, "Иванова Анна Сергеевна", "87011234567", "МРЦ"])
    ws.column_dimensions["D"].hidden = True
    wb.save(tmp_path / "margin.xlsx")
    preview = read_list(tmp_path / "margin.xlsx", "focus_group", period="2023-09")
    assert preview.rows[0]["phone"] == "87011234567"
    assert [c for c, _m in _said(preview.problems)] == ["Телефон"]
    assert "«Телефон» (D)" in _said(preview.problems)[0][1]


def events(path: Path) -> Path:
    """A district's events list, «Кол-во волонтёров» hidden, and a hidden notes column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["План-отчёт мероприятий МРЦ Абайского района за март 2024 года"])
    ws.merge_cells("A1:F1")
    ws.append(["№", "Дата", "Наименование мероприятия ", "Кол-во волонтёров", "Кол-во часов",
               "Служ. отметка"])
    ws.append([1, dt.datetime(2024, 3, 2), "Субботник в парке", 25, 75, "сверено"])
    ws.append([2, "08.03.2024", "Поздравление ветеранов", "12 чел.", "24", None])
    ws.column_dimensions["D"].hidden = True
    ws.column_dimensions["F"].hidden = True
    wb.save(path)
    return path


def test_a_districts_list_says_its_hidden_column_and_keeps_the_rows(data_dir, tmp_path,
                                                                     capsys):
    path = events(tmp_path / "events.xlsx")
    found = read_records_list(path, "event")
    said = [p for p in found.problems if p["code"] == "column_hidden"]
    assert [(p["column"], p["field"]) for p in said] == [("Кол-во волонтёров",
                                                          "volunteers_count")]
    assert main(["--data-dir", str(data_dir), "import", "event", str(path),
                 "--org-unit", "ABA"]) == 0
    out, err = capsys.readouterr()
    assert "столбец «Кол-во волонтёров» (D) скрыт в файле, но прочитан" in out + err
    assert "Служ. отметка» (F)" not in out + err
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        counts = sorted(r["data"]["volunteers_count"] for r in s.list_records(form="event"))
    assert counts == [12, 25]


def test_a_survey_export_says_a_hidden_question_not_a_hidden_extra(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?", "Ваш пол",
               "Адрес электронной почты"])
    ws.append([dt.datetime(2024, 3, 15, 10, 22), "Шымкент", "Женский", "a@example.kz"])
    ws.append([dt.datetime(2024, 3, 16, 9, 5), "г. Астана", "Мужской", None])
    ws.column_dimensions["C"].hidden = True
    ws.column_dimensions["D"].hidden = True            # matched to no question
    wb.save(tmp_path / "export.xlsx")
    res = read_survey(tmp_path / "export.xlsx", "volunteer_survey", required=set())
    assert [r["data"]["gender"] for r in res.records] == ["F", "M"]
    assert [(p["column"], p["severity"], p["message"]) for p in res.problems
            if p["code"] == "column_hidden"] == [
        ("Ваш пол", "warning", ("столбец «Ваш пол» (C) скрыт в файле, но прочитан: "
                                "проверьте, что так и задумано"))]


def test_a_regions_wide_table_says_its_hidden_column(data_dir, tmp_path, capsys):
    add_units(lambda d, *argv: main(["--data-dir", str(d), *argv]), data_dir)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Октябрь 2023"
    ws.append(["Волонтёрство в цифрах, Туркестанская область"])
    ws.append(["Район", "Количество волонтёров", "Женщины", "Мужчины", "Служ. отметка"])
    ws.append(["Абайский район", 100, 60, 40, "сверено"])
    ws.append(["г. Туркестан", 80, 50, 30, None])
    ws.column_dimensions["C"].hidden = True
    ws.column_dimensions["E"].hidden = True
    wb.save(tmp_path / "wide.xlsx")
    assert main(["--data-dir", str(data_dir), "import", "monthly_report",
                 str(tmp_path / "wide.xlsx")]) == 0
    out, err = capsys.readouterr()
    assert (out + err).count("скрыт в файле, но прочитан") == 1
    assert "столбец «Женщины» (C) скрыт в файле, но прочитан" in out + err
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        genders = {r["org_unit"]: r["data"]["gender"]
                   for r in s.list_records(form="monthly_report")}
    assert genders == {"TUR-ABAY": {"F": 60, "M": 40}, "TUR-TURK": {"F": 50, "M": 30}}


def test_a_list_under_an_empty_first_row_keeps_the_sheets_row_numbers(tmp_path):
    """The title typed in row 2 (row 1 left empty): the rows keep the sheet's numbers, so
    the person the clerk hid on row 5 is the one said, on row 5."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A2"] = "Список участников"
    ws.append(["№", "ФИО", "Организация", "Телефон"])
    for i, (name, org, phone, _category) in enumerate(PEOPLE, start=1):
        ws.append([i, name, org, phone])
    ws.row_dimensions[5].hidden = True
    ws.column_dimensions["D"].hidden = True
    wb.save(tmp_path / "row_two.xlsx")
    preview = read_list(tmp_path / "row_two.xlsx", "focus_group", period="2023-09")
    assert preview.header_row == 3 and preview.source_rows == [4, 5, 6]
    hidden = [(p.row, p.message) for p in preview.problems if p.code == "row_hidden"]
    assert hidden == [(5, ("строка 5, столбец «ФИО»: «Сағындықова Гүлнар»: строка скрыта в "
                           "файле, но импортирована; проверьте, был ли участник, и удалите "
                           "строку в таблице, если нет"))]
    assert [c for c, _m in _said(preview.problems)] == ["Телефон"]
