"""Lists whose text went through the wrong code page before they became a workbook
(reports.mojibake): repaired once per file and said so; text that is right is never touched."""
from __future__ import annotations

from pathlib import Path

import pytest

from reports.intake import read_list
from reports.mojibake import detect, repairer

CORPUS = Path(__file__).parent / "fixtures" / "intake"
RIGHT = [("Список участников", "Ф.И.О.", "Организация"),
         ("Иванова Анна", "ОО «Добрые руки»", None),
         ("Әбенова Гүлнұр Серікқызы", "Жастар ресурстық орталығы", 3),
         ("Áıgúl Sársenbaeva", "Qazaqstan jastary", "Ásem Nurlanqyzy"),
         ("José Müller", "Société Générale", "Łukasz Wójcik")]


@pytest.mark.parametrize("wrong,right", [("cp1251", "utf-8"), ("latin-1", "cp1251"),
                                         ("latin-1", "utf-8")])
def test_the_accident_is_found_and_undone(wrong, right):
    typed = [("Список участников", "ФИО"), ("Иванова Анна Сергеевна", "ОО «Добрые руки»")]
    if right == "utf-8":
        typed.append(("Әбенова Гүлнұр", "Білім бөлімі"))
    mangled = [tuple(v.encode(right).decode(wrong, errors="replace") for v in row)
               for row in typed]
    assert mangled != typed
    found = detect(mangled)
    assert found is not None
    repair = repairer(*found)
    assert [repair(row) for row in mangled] == typed


def test_text_that_is_right_is_left_alone():
    """Russian, Kazakh in Cyrillic and in the Latin alphabet, foreign names with accents."""
    assert detect(RIGHT) is None
    for wrong, right in (("cp1251", "utf-8"), ("latin-1", "cp1251"), ("latin-1", "utf-8")):
        assert [repairer(wrong, right)(row) for row in RIGHT[:3]] == RIGHT[:3]


def test_one_odd_cell_is_not_an_accident():
    rows = [*RIGHT, ("Ñèãíàë", None)]  # one cell alone does not decide for the file
    assert detect(rows) is None


def test_a_name_typed_right_after_the_accident_stays_as_typed():
    mangled = [tuple(v.encode("utf-8").decode("cp1251", errors="replace") for v in row)
               for row in [("Список участников", "ФИО"), ("Иванова Анна", "Акимат"),
                           ("Тлеуов Нурлан", "Отдел образования"), ("Ким Олег", "Маслихат")]]
    rows = [*mangled, ("Смагулова Дана", "Акимат")]  # typed over in the broken workbook
    repair = repairer(*detect(rows))
    assert repair(rows[-1]) == ("Смагулова Дана", "Акимат")
    assert repair(rows[1]) == ("Иванова Анна", "Акимат")


@pytest.mark.parametrize("lang,text", [("ru", "неверной кодировке (utf-8, прочитанный как cp1251"),
                                       ("kk", "қате кодтаумен сақталған"),
                                       ("en", "saved in the wrong encoding (utf-8 read as cp1251")])
def test_the_preview_says_the_letters_were_restored(lang, text):
    preview = read_list(CORPUS / "sem_37_utf8_opened_as_cp1251.xlsx", "seminar",
                        period="2023-09", lang=lang)
    notes = [p for p in preview.problems if p.code == "text_encoding_repaired"]
    assert len(notes) == 1 and text in notes[0].message and notes[0].severity == "warning"
    assert preview.rows[0]["full_name"] == "Ахметов Ерлан Маратович"


def test_a_list_without_the_accident_has_no_such_note():
    preview = read_list(CORPUS / "fg_39_calc.ods", "focus_group", period="2023-09")
    assert not [p for p in preview.problems if p.code == "text_encoding_repaired"]
