"""A list that keeps the name in parts («Фамилия | Имя | Отчество», «Тегі | Аты | Әкесінің
аты», "Last name | First name"): the name is the parts joined in order, never one part."""
from __future__ import annotations

import openpyxl
import pytest

from reports.intake import read_list


def _list(path, header, people):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Список участников фокус-группы, 14.09.2023"])
    ws.append(header)
    for n, p in enumerate(people, start=1):
        ws.append([n, *p])
    wb.save(path)
    return path


@pytest.mark.parametrize("header,people,names", [
    (["№", "Фамилия", "Имя", "Отчество", "Организация", "Категория"],
     [("Иванова", "Анна", "Сергеевна", "ОО «Добрые руки»", "Благотворительные организации"),
      ("Жұмабаев", " Ерлан ", None, "МРЦ Абай", "МРЦ и госучреждения")],
     ["Иванова Анна Сергеевна", "Жұмабаев Ерлан"]),
    (["№", "Тегі", "Аты", "Әкесінің аты", "Ұйым", "Санаты"],
     [("Сейітқызы", "Әлия", None, "ОФ «Жастар үні»", "Жүйелі волонтерлік ұйымдар")],
     ["Сейітқызы Әлия"]),
    (["No.", "Last name", "First name", "Organization", "Category"],
     [("Smagulova", "Dana", "Student council", "Студенческие организации")],
     ["Smagulova Dana"])])
def test_the_name_is_its_parts_joined(tmp_path, header, people, names):
    preview = read_list(_list(tmp_path / "l.xlsx", header, people), "focus_group",
                        period="2023-09")
    assert [r["full_name"] for r in preview.rows] == names
    assert preview.mapping()[header[2]] == "full_name"


def test_a_whole_name_column_wins_over_parts(tmp_path):
    """«ФИО» beside «Имя» (a badge name): the whole name is taken, «Имя» is no part of it."""
    preview = read_list(_list(tmp_path / "l.xlsx", ["№", "ФИО", "Имя", "Организация"],
                              [("Иванова Анна Сергеевна", "Аня", "ОО «Добрые руки»")]),
                        "focus_group", period="2023-09")
    assert [r["full_name"] for r in preview.rows] == ["Иванова Анна Сергеевна"]


def test_a_row_without_a_surname_still_counts_its_given_name(tmp_path):
    preview = read_list(_list(tmp_path / "l.xlsx", ["№", "Фамилия", "Имя", "Организация"],
                              [(None, "Ерлан", "МРЦ Абай")]), "focus_group", period="2023-09")
    assert [r["full_name"] for r in preview.rows] == ["Ерлан"]
