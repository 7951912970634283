"""Text lists as programs save them: Excel's «Unicode text» (UTF-16 with its BOM, tabs,
CRLF), a tab-separated .txt or .csv with a title line above the header (the sniffer alone
gave up on the tabs), cp1251 with semicolons."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reports.intake import read_list
from reports.readers import iter_rows

LINES = ["Список участников фокус-группы, 14.09.2023",
         "№\tФИО\tОрганизация\tКатегория",
         "1\tИванова Анна Сергеевна\tОО «Добрые руки»\tБлаготворительные организации",
         "2\tЖұмабаев Ерлан\tМРЦ Абай\tМРЦ и госучреждения"]


@pytest.mark.parametrize("name,encoding,newline", [
    ("unicode.txt", "utf-16", "\r\n"),          # Excel: Save as «Unicode text»
    ("unicode_no_bom.txt", "utf-16-le", "\r\n"),
    ("tabs.csv", "utf-8", "\n"),
    ("tabs.txt", "utf-8-sig", "\r\n")])
def test_a_tab_separated_list(tmp_path, name, encoding, newline):
    path = tmp_path / name
    path.write_bytes(newline.join(LINES).encode(encoding) + newline.encode(encoding))
    preview = read_list(path, "focus_group", period="2023-09")
    assert [r["full_name"] for r in preview.rows] == ["Иванова Анна Сергеевна", "Жұмабаев Ерлан"]
    assert [r["participant_category"] for r in preview.rows] == ["SYSTEMIC.CHARITY", "STATE"]
    assert preview.values["date"] == "2023-09-14"


def test_kazakh_letters_survive_utf16_that_cp1251_would_lose(tmp_path):
    path = tmp_path / "kk.txt"
    path.write_bytes("\r\n".join(LINES).encode("utf-16"))
    preview = read_list(path, "focus_group", period="2023-09")
    assert preview.rows[1]["full_name"] == "Жұмабаев Ерлан"
    assert not [p for p in preview.problems if "?" in p.message]


def test_a_semicolon_file_leaves_the_next_comma_file_as_it_is(tmp_path):
    """A «;» file whose cells hold commas (Excel in Russian) was once read by changing
    Python's own csv.excel: every later file the sniffer gave up on was split by «;»."""
    semi = tmp_path / "semi.csv"
    semi.write_bytes("Отметка времени;Регион, в котором работает организация;Источники "
                     "финансирования\r\n2024/05/20 14:01:00;Шымкент;Гранты, Другое: акимат\r\n"
                     .encode("cp1251"))
    assert list(iter_rows(semi))[1][2] == "Гранты, Другое: акимат"
    assert csv.excel.delimiter == ","
    comma = Path(__file__).parent / "fixtures" / "survey" / "gf_bilingual.csv"
    assert [len(r) for r in iter_rows(comma)] == [5, 5, 5]
