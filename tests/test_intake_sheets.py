"""A workbook whose list is not on its first sheet (a cover or an instruction sheet in
front): the sheet with the list is found and the preview says which; --sheet still rules."""
from __future__ import annotations

import openpyxl
import pytest

from reports.headers import HeaderError
from reports.intake import read_list


def _book(path, *, cover: bool = True):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Инструкция"
    first.append(["Заполните лист «Участники». Не меняйте заголовки."] if cover else [])
    ws = wb.create_sheet("Участники")
    ws.append(["Список участников фокус-группы, 14.09.2023"])
    ws.append(["№", "ФИО", "Организация", "Категория"])
    ws.append([1, "Иванова Анна Сергеевна", "ОО «Добрые руки»", "Благотворительные организации"])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang,text", [
    ("ru", "список взят с листа «Участники»: на первом листе («Инструкция») таблицы нет"),
    ("en", "the list was taken from the sheet «Участники»")])
def test_the_list_behind_a_cover_sheet_is_found(tmp_path, lang, text):
    preview = read_list(_book(tmp_path / "l.xlsx"), "focus_group", period="2023-09", lang=lang)
    assert [r["full_name"] for r in preview.rows] == ["Иванова Анна Сергеевна"]
    assert any(p.code == "list_on_sheet" and text in p.message for p in preview.problems)


def test_a_sheet_asked_for_is_the_one_read(tmp_path):
    with pytest.raises(HeaderError):
        read_list(_book(tmp_path / "l.xlsx"), "focus_group", period="2023-09",
                  sheet="Инструкция")
