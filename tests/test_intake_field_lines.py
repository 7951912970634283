"""The line rules the regional lists of the corpus (make_corpus_field.py) asked for, each on
its own: who did not come, text that is no name, head counts, Latin twins in Cyrillic words,
dates in quotes or as Excel day numbers, cells merged down a column."""
from __future__ import annotations

import openpyxl
import pytest

from reports.intake import read_list
from reports.intake_rows import is_absent, is_total, looks_like_name, title_values
from reports.intake_text import say
from reports.readers_layout import fill_down, join_continuations
from reports.text import clean_text


@pytest.mark.parametrize("text", ["не явился", "Не явилась", "отсутствовала", "неявка",
                                  "болел", "в командировке", "келмеді", "қатыспады",
                                  "absent", "did not come"])
def test_marks_of_people_who_did_not_come(text):
    assert is_absent(text)


@pytest.mark.parametrize("text", ["опоздал на 20 мин.", "подпись", "Ане", "был", "", None, 5])
def test_other_notes_are_no_absence(text):
    assert not is_absent(text)


def test_head_counts_are_totals_and_names_are_not():
    assert is_total((None, "Количество участников – 23 человека"))
    assert is_total((None, "Қатысқандар саны: 25"))
    assert not is_total((None, "Количество участников"))     # no count: not a total line
    assert not is_total((1, "Есімов Қайрат", "ОФ"))


@pytest.mark.parametrize("text,name", [("Иванова А.С.", True), ("Ким А. В.", True),
                                       ("Әлия Сейітқызы Бекова", True), ("М.П.", False),
                                       ("Ответственный: ____ Сидоров П.А.", False),
                                       ("Иванова А. (гр. 21-5)", True)])
def test_what_looks_like_a_name(text, name):
    assert looks_like_name(text) is name


@pytest.mark.parametrize("typed,stored", [
    ("Жұмабаева Айгүл Серiкқызы", "Жұмабаева Айгүл Серікқызы"),     # Latin i for і
    ("Өтегенов Дəурен", "Өтегенов Дәурен"),                         # Latin schwa
    ("Kим Алексей", "Ким Алексей"),
    ("ТОО «Arman Group»", "ТОО «Arman Group»"),                     # Latin words stay
    ("Birgemiz Shymkent", "Birgemiz Shymkent")])
def test_latin_twins_in_cyrillic_words(typed, stored):
    assert clean_text(typed)[0] == stored


def test_a_real_mix_is_left_and_reported():
    text, issues = clean_text("Сейіtқызы")          # «t» has no Cyrillic twin
    assert text == "Сейіtқызы" and [i.code for i in issues] == ["text_mixed_script"]


def test_dates_in_quotes_and_as_day_numbers():
    assert title_values(("«23» сентября 2023 г.",), 2023) == {"date": "2023-09-23"}
    assert title_values(("Дата:", 45192), 2023) == {"date": "2023-09-23"}
    assert title_values(("Участников:", 45192), 2023) == {}         # a number, not a date
    for text in ("23-09-2023", "2023-09-23", "2023 жылғы «23» қыркүйек"):
        assert title_values((text,), 2023) == {"date": "2023-09-23"}, text


def test_fill_down_keeps_the_rows_outside_a_merge():
    rows = [("a", 1), (None, None), (None, 2), ("b", None)]
    assert list(fill_down(rows, [(10, 0, 12)], 10)) == [("a", 1), ("a", None), ("a", 2),
                                                         ("b", None)]
    assert list(fill_down(rows, [], 0)) == rows


def test_a_category_merged_down_belongs_to_each_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Ф.И.О.", "Категория"])
    ws.append([1, "Иванова Анна Сергеевна", "Студенческие организации"])
    ws.append([2, "Ким Алексей Викторович", None])
    ws.append([3, "Петров Сергей Иванович", "МРЦ и госучреждения"])
    ws.merge_cells("C2:C3")
    wb.save(tmp_path / "l.xlsx")
    preview = read_list(tmp_path / "l.xlsx", "focus_group", period="2023-09")
    assert [r.get("participant_category") for r in preview.rows] == ["STUDENT", "STUDENT",
                                                                     "STATE"]
    assert preview.skipped == [] and not [p for p in preview.problems if p.code == "required"]


def test_a_person_over_two_rows_is_one_person():
    rows = [(1, "Иванова Анна", "ОО «Добрые", "STATE"), (None, None, "руки»", "STATE"),
            (2, "Ли Марина", "КГУ", "STATE")]
    merges = [(5, 0, 6), (5, 1, 6)]               # «№» and the name over rows 6-7 (1-based)
    assert list(join_continuations(rows, merges, [1], 0, 5)) == [
        (1, "Иванова Анна", "ОО «Добрые руки»", "STATE"), (), (2, "Ли Марина", "КГУ", "STATE")]
    assert list(join_continuations(rows, [], [1], 0, 5)) == rows


def test_an_attendance_column_says_who_did_not_come(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Ф.И.О.", "Категория", "Моб. тел.", "Отметка о присутствии"])
    for i, mark in enumerate(["+", "н", "Н/Я", "-", "присутствовал", None], start=1):
        ws.append([i, f"Участник {chr(1040 + i)}ов", "STATE", "87010000000", mark])
    wb.save(tmp_path / "l.xlsx")
    preview = read_list(tmp_path / "l.xlsx", "focus_group", period="2023-09")
    assert [s.row for s in preview.skipped if s.kind == "absent"] == [3, 4, 5]
    assert len(preview.rows) == 3 and preview.rows[0]["phone"] == "87010000000"


@pytest.mark.parametrize("head", ["Примечания", "Прим.", "Ескертпе", "Комментарий", "Note"])
def test_note_columns_are_read_for_absence(tmp_path, head):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Ф.И.О.", "Категория", head])
    ws.append([1, "Иванова Анна Сергеевна", "STATE", "не явилась"])
    ws.append([2, "Ким Алексей Викторович", "STATE", None])
    wb.save(tmp_path / "l.xlsx")
    preview = read_list(tmp_path / "l.xlsx", "focus_group", period="2023-09")
    assert [s.kind for s in preview.skipped] == ["absent"] and len(preview.rows) == 1
    assert not [p for p in preview.problems if p.code == "column_unsure"]


def test_a_second_days_sheet_is_named_not_lost(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "14.09"
    ws.append(["№", "ФИО", "Ведомство"])
    ws.append([1, "Ахметов Ерлан Маратович", "ДВД"])
    day2 = wb.create_sheet("15.09")
    day2.append(["№", "ФИО", "Ведомство"])
    day2.append([1, "Сидоров Павел Андреевич", "ДЧС"])
    wb.save(tmp_path / "l.xlsx")
    preview = read_list(tmp_path / "l.xlsx", "seminar", period="2023-09", lang="kk")
    assert [r["full_name"] for r in preview.rows] == ["Ахметов Ерлан Маратович"]
    more = [p.message for p in preview.problems if p.code == "more_lists"]
    assert more == [say("more_lists", "kk", sheet="14.09", others="«15.09»")]
    other = read_list(tmp_path / "l.xlsx", "seminar", period="2023-09", sheet="15.09")
    assert [r["full_name"] for r in other.rows] == ["Сидоров Павел Андреевич"]


@pytest.mark.parametrize("typed,code", [("Студенттик уйымдар", "STUDENT"),
                                        ("ЖРО жане мемлекеттик мекемелер", "STATE"),
                                        ("Студенттiк ұйымдар", "STUDENT")])
def test_kazakh_typed_without_its_letters(typed, code):
    from reports.headers import recognise
    from reports.roster import resolve_choice

    assert resolve_choice("participant_category", clean_text(typed)[0]) == code
    assert recognise("Уйым", "focus_group") == ("organization", True)
    assert recognise("Аты-жони", "focus_group") == ("full_name", True)


@pytest.mark.parametrize("text,whole", [("8.7012345678E10", "87012345678"),
                                        ("8,7012345678E+10", "87012345678"),
                                        ("8,70123E+10", None), ("87011234567", None)])
def test_numbers_with_an_exponent(text, whole):
    from reports.roster import whole_number

    assert whole_number(text) == whole
