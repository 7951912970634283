"""Paper questionnaires typed by a clerk into a sheet (no submission id, time nor respondent
column), corrected in the sheet and imported again (reports/survey_rows.py): a sheet typed by
hand with openpyxl — a title row, a merged group header over the questions, answers as
Russian labels with stray spaces — real SQLite stores, the CLI as a clerk runs it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.survey_import import import_survey
from reports.survey_rows import MINORITY, changed
from store import open_store

QUESTIONS = ["№", "Дата", "В каком регионе вы занимаетесь волонтёрством?", "Ваш пол ",
             "Ваш возраст", "Ваша занятость", "Как вы занимаетесь волонтёрством?",
             "Сколько часов в месяц вы в среднем уделяете волонтёрству?"]
# the sheet's rows 4 … 9, as the clerk typed them off the paper forms
ANSWERS = [
    [dt.date(2026, 12, 3), " Туркестанская область ", "Женский ", " 18–28", "Студент  ",
     "Самостоятельно", 6],
    [dt.date(2026, 12, 3), "Туркестанская  область", " Мужской", "29–35 ", "Работающий ",
     " В составе инициативной группы", 10],
    [dt.date(2026, 12, 4), " Туркестанская область", "Женский", "36–50", " Работающий",
     "В составе зарегистрированной организации ", 4],
    [dt.date(2026, 12, 4), "Туркестанская область ", "Мужской ", " 14–17", "Школьник",
     "Самостоятельно ", 3],
    [dt.date(2026, 12, 5), " Туркестанская область", "Женский", " старше 60 ", "Пенсионер ",
     "В составе инициативной группы", 8],
    [dt.date(2026, 12, 5), "Туркестанская область", " Мужской ", "18–28", "Студент",
     "В составе зарегистрированной организации", 12]]
AGE, GENDER, OCCUPATION, HOURS = "E", "D", "F", "H"       # columns as the sheet has them


def _typed(path: Path, answers: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Анкеты"
    ws.append(["Анкеты волонтёров (бумажные), Туркестанская область, декабрь 2026"])
    ws.merge_cells("A1:H1")
    ws.append(["", "", "Ответы респондента"])
    ws.merge_cells("C2:H2")
    ws.append(QUESTIONS)
    for k, row in enumerate(answers, start=1):
        ws.append([k, *row])
    wb.save(path)
    return path


def _edit(path: Path, cells: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(path)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.sqlite3") as s:
        yield s


@pytest.fixture
def sheet(tmp_path):
    return _typed(tmp_path / "анкеты.xlsx", ANSWERS)


def _first(store, path: Path) -> dict[int, dict]:
    """Import the sheet; {row: its record}."""
    res = import_survey(store, "volunteer_survey", path, user="clerk")
    assert res.errors == [] and res.committed and res.added == [4, 5, 6, 7, 8, 9]
    by_hours = {r["data"]["hours_per_month"]: r for r in store.list_records(
        form="volunteer_survey")}
    return {n: by_hours[row[-1]] for n, row in enumerate(ANSWERS, start=4)}


def _info(res) -> list[str]:
    return [p["message"] for p in res.problems if p["severity"] == "info"]


def test_the_sheet_as_typed_is_read(store, sheet):
    rec = _first(store, sheet)[4]
    assert rec["org_unit"] == "TUR"
    assert {k: rec["data"].get(k) for k in ("answered_on", "gender", "age_band", "occupation",
                                            "affiliation", "hours_per_month")} == {
        "answered_on": "2026-12-03", "gender": "F", "age_band": "A18_28",
        "occupation": "STUDENT", "affiliation": "SELF", "hours_per_month": 6}


def test_one_cell_corrected_updates_its_record(store, sheet):
    rows = _first(store, sheet)
    assert rows[6]["status"] == "submitted"
    _edit(sheet, {f"{HOURS}6": 5})
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (again.added, again.updated, again.unchanged) == ([], [6], [4, 5, 7, 8, 9])
    assert store.count_records(form="volunteer_survey") == 6
    after = store.get_record(rows[6]["id"])
    assert after["data"]["hours_per_month"] == 5 and after["revision"] == 2
    [change] = [a for a in store.audit(rows[6]["id"]) if a["field"] == "hours_per_month"
                and a["old"] is not None]
    assert (change["old"], change["new"]) == (4, 5)
    assert change["reason"] == ("исправлено в таблице анкеты.xlsx (строка 6) и импортировано "
                                "повторно")
    assert _info(again)[0] == (
        "Строка 6: это ответ, импортированный раньше из строки 6 этого файла, исправленный "
        "в таблице (изменено: «Сколько часов в месяц вы в среднем уделяете волонтёрству?»); "
        f"обновляется та же запись (id {rows[6]['id']}), новая не добавляется")
    third = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (third.added, third.updated) == ([], [])
    assert store.get_record(rows[6]["id"])["revision"] == 2


def test_a_row_inserted_in_the_middle_and_cells_corrected(store, sheet):
    """The clerk adds a forgotten form at row 6 — answered as row 6's respondent did but for
    the hours — renumbers «№», and corrects row 4 and the pensioner's age (row 8, now 9)."""
    rows = _first(store, sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    ws.insert_rows(6)
    for col, value in zip("BCDEFGH", [*ANSWERS[2][:-1], 5]):
        ws[f"{col}6"] = value
    for n in range(4, 11):
        ws[f"A{n}"] = n - 3
    ws[f"{HOURS}4"], ws[f"{AGE}9"] = 7, "51–60"
    wb.save(sheet)
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert again.errors == [] and again.committed
    assert (again.added, again.updated, again.unchanged) == ([6], [4, 9], [5, 7, 8, 10])
    assert store.count_records(form="volunteer_survey") == 7
    assert store.get_record(rows[4]["id"])["data"]["hours_per_month"] == 7
    assert store.get_record(rows[8]["id"])["data"]["age_band"] == "A51_60"
    for n in (5, 6, 7, 9):                       # the records of the rows moved, as they were
        assert store.get_record(rows[n]["id"])["revision"] == 1
    [new] = [r for r in store.list_records(form="volunteer_survey")
             if r["id"] not in {rec["id"] for rec in rows.values()}]
    assert new["data"]["hours_per_month"] == 5 and new["data"]["age_band"] == "A36_50"
    assert [m[:62] for m in _info(again)[:2]] == [
        "Строка 4: это ответ, импортированный раньше из строки 4 этого ",
        "Строка 9: это ответ, импортированный раньше из строки 8 этого "]
    third = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (third.added, third.updated) == ([], [])
    assert store.count_records(form="volunteer_survey") == 7


def test_a_row_deleted_above_a_corrected_one(store, sheet):
    rows = _first(store, sheet)
    wb = openpyxl.load_workbook(sheet)
    wb.active.delete_rows(5)
    wb.active[f"{OCCUPATION}7"] = "Безработный"          # the pensioner, row 8 before
    wb.save(sheet)
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (again.added, again.updated, again.unchanged) == ([], [7], [4, 5, 6, 8])
    assert store.get_record(rows[8]["id"])["data"]["occupation"] == "UNEMPLOYED"
    assert store.count_records(form="volunteer_survey") == 6     # the row's record is kept


def test_a_similar_form_added_at_the_end_is_not_a_deleted_rows_record(store, sheet):
    """Row 5 deleted (typed by mistake), and at the end a form answered like it but for two
    answers: not row 5's record corrected — the unchanged rows between bound the search."""
    rows = _first(store, sheet)
    wb = openpyxl.load_workbook(sheet)
    wb.active.delete_rows(5)
    wb.active.append([7, *ANSWERS[1][:4], "Студент", ANSWERS[1][5], 11])
    wb.save(sheet)
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (again.added, again.updated, again.unchanged) == ([9], [], [4, 5, 6, 7, 8])
    assert store.get_record(rows[5]["id"])["data"]["hours_per_month"] == 10
    assert store.count_records(form="volunteer_survey") == 7


def test_a_record_deleted_in_the_app_is_not_brought_back_by_its_corrected_row(store, sheet):
    rows = _first(store, sheet)
    store.set_review(rows[5]["id"], "returned", user="boss", comment="дубль", role="central")
    store.delete_record(rows[5]["id"], user="boss", reason="бумажная анкета заполнена дважды")
    _edit(sheet, {f"{HOURS}5": 12})
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (again.added, again.updated, again.unchanged) == ([], [], [4, 5, 6, 7, 8, 9])
    assert store.get_record(rows[5]["id"])["deleted"]
    assert store.get_record(rows[5]["id"])["data"]["hours_per_month"] == 10
    assert _info(again) == []


@pytest.mark.parametrize("cells, updated", [
    ({f"{AGE}7": "18–28", f"{HOURS}7": 2}, True),                       # 2 of 7 answers
    ({f"{AGE}7": "18–28", f"{HOURS}7": 2, f"{GENDER}7": "Женский"}, False),       # 3 of 7
    ({f"{GENDER}7": "Женский", f"{AGE}7": "51–60", f"{OCCUPATION}7": "Работающий",
      "G7": "В составе зарегистрированной организации", f"{HOURS}7": 2}, False)])
def test_another_respondents_row_is_a_new_record(store, sheet, cells, updated):
    rows = _first(store, sheet)
    _edit(sheet, cells)
    again = import_survey(store, "volunteer_survey", sheet, user="clerk")
    assert (again.added, again.updated) == (([], [7]) if updated else ([7], []))
    assert store.count_records(form="volunteer_survey") == 6 if updated else 7
    kept = store.get_record(rows[7]["id"])
    assert kept["data"]["hours_per_month"] == (2 if updated else 3)


def test_the_threshold_is_a_minority_of_the_answers():
    old = {"a": 1, "b": 2, "c": 3, "d": None, "e": []}
    assert MINORITY == 3
    assert changed(old, {**old, "a": 5}) == ["a"]
    assert changed(old, {**old, "a": 5, "b": 6}) is None          # 2 of 3 answers
    assert changed(old, {**old, "d": "x"}) == ["d"]                # 1 of 4
    assert changed(old, dict(old)) is None


def test_another_file_name_is_not_known_by_row(store, sheet, tmp_path):
    _first(store, sheet)
    copy = tmp_path / "анкеты (2).xlsx"
    copy.write_bytes(sheet.read_bytes())
    _edit(copy, {f"{HOURS}6": 5})
    again = import_survey(store, "volunteer_survey", copy, user="clerk")
    assert (again.added, again.updated) == ([6], [])


def test_the_cli_says_which_rows_were_updated(data_dir, sheet, capsys):
    argv = ["--data-dir", str(data_dir), "--lang", "en", "survey", "import",
            "volunteer_survey", str(sheet)]
    assert main(argv) == 0
    assert "a response is known by its whole row, and a row corrected after the import" \
        in capsys.readouterr().out
    _edit(sheet, {f"{OCCUPATION}5": "Студент"})
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert ("Row 5: the response imported before from row 5 of this file, corrected in the "
            "sheet (changed: «Ваша занятость»); the same record is updated") in out
    assert "dry run: 1 response read (0 new, 1 changed, 5 unchanged); nothing saved" in out
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Row 5: the response imported before from row 5" in out
    assert "imported 1 response (0 new, 1 updated, 5 unchanged)" in out
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        assert s.count_records(form="volunteer_survey") == 6
        assert sorted(r["data"]["occupation"] for r in s.list_records(
            form="volunteer_survey")).count("STUDENT") == 3
