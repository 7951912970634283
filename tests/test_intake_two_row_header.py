"""A list whose header takes two rows, as a clerk lays it out with merged cells: the lower
titles refine the upper ones, and the data start below both."""
from __future__ import annotations

import openpyxl

from reports.intake import read_list


def _book(path, top, sub, people, merges):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Список участников фокус-группы 14.09.2023"])
    ws.append(top)
    ws.append(sub)
    for cells in merges:
        ws.merge_cells(cells)
    for n, p in enumerate(people, start=1):
        ws.append([n, *p])
    wb.save(path)
    return path


def test_a_group_over_its_columns(tmp_path):
    path = _book(tmp_path / "l.xlsx",
                 ["№", "ФИО участника", "Место работы / учёбы", None, "Контакты", None, "Подпись"],
                 [None, None, "Организация", "Должность", "Телефон", "E-mail", None],
                 [("Иванова Анна Сергеевна", "ОО «Добрые руки»", "координатор", "87011234567",
                   "a@b.kz"), ("Ким Алексей", "Студсовет МКТУ", "председатель", None, None)],
                 ["A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3"])
    preview = read_list(path, "focus_group", period="2023-09")
    assert preview.header_row == 3 and preview.skipped == []
    assert [(r["full_name"], r["organization"], r.get("role")) for r in preview.rows] == [
        ("Иванова Анна Сергеевна", "ОО «Добрые руки»", "координатор"),
        ("Ким Алексей", "Студсовет МКТУ", "председатель")]
    assert preview.rows[0]["phone"] == "87011234567"
    assert preview.values["date"] == "2023-09-14"


def test_a_name_merged_over_its_parts(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["№", "ФИО", None, None, "Организация"],
                 [None, "Фамилия", "Имя", "Отчество", None],
                 [("Иванова", "Анна", "Сергеевна", "ОО «Добрые руки»")],
                 ["A2:A3", "B2:D2", "E2:E3"])
    preview = read_list(path, "focus_group", period="2023-09")
    assert [r["full_name"] for r in preview.rows] == ["Иванова Анна Сергеевна"]
    assert preview.rows[0]["organization"] == "ОО «Добрые руки»"


def test_a_first_data_row_is_not_taken_for_a_second_header_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "ФИО", "Организация", "Должность"])
    ws.append([1, "Ким Алексей", "Организация", "Должность"])  # a clerk's odd first row
    wb.save(tmp_path / "l.xlsx")
    preview = read_list(tmp_path / "l.xlsx", "focus_group", period="2023-09")
    assert preview.header_row == 1 and [r["full_name"] for r in preview.rows] == ["Ким Алексей"]
