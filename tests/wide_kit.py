"""Fixtures of tests/test_wide_import.py: monthly tables as a regional front office types them
(a title row, merged group headers, a total row, numbers as text, a district in Kazakh)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

UNITS = [  # id, name_ru, name_kk, name_en
    ("TUR-ABAY", "Абайский район", "Абай ауданы", "Abay district"),
    ("TUR-SAR", "Сарыагашский район", "Сарыағаш ауданы", "Saryagash district"),
    ("TUR-TURK", "г. Туркестан", "Түркістан қаласы", "Turkistan city"),
]
AGES = ["до 14", "14–17", "18–28", "29–35", "36–50", "51–60", "старше 60"]
AGE_CODES = ["U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"]
MONTHS = [("Октябрь", "октябрь", "2023-10"), ("Ноябрь", "ноябрь", "2023-11"),
          ("Декабрь", "декабрь", "2023-12")]


def add_units(run, data_dir) -> None:
    for uid, ru, kk, en in UNITS:
        assert run(data_dir, "orgunits", "add", uid, "--region", "TUR", "--name-ru", ru,
                   "--name-kk", kk, "--name-en", en) == 0


def figures(unit: int, month: int) -> dict:
    """The stored data a row of the per-month workbook gives (unit 0..2, month 0..2)."""
    women = 300 + 100 * unit + 10 * month
    men = 200 + 50 * unit
    total = women + men
    ages = [0, 50, total - 150, 60, 30, 10, 0]
    return {"volunteers_total": total, "gender": {"F": women, "M": men},
            "age": {c: n for c, n in zip(AGE_CODES, ages)},
            "events_total": 10 + unit + month, "volunteer_hours": 12.5 + unit,
            "volunteer_positions": 40 + month}


def _text_number(n) -> str:
    """«1 200», «12,5»: as people type them."""
    text = f"{n:,}".replace(",", " ") if isinstance(n, int) else str(n).replace(".", ",")
    return text


def per_month_workbook(path: Path) -> Path:
    """(1) one sheet per month, a title, merged group headers in Russian, a total row."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for m, (sheet, word, _period) in enumerate(MONTHS):
        ws = wb.create_sheet(sheet)
        ws.append([f"Волонтёрство в цифрах за {word} 2023 г., Туркестанская область"])
        ws.merge_cells("A1:O1")
        ws.append([])
        ws.append(["№", "Район", "Количество волонтёров", "Пол волонтёров", None,
                   "Возрастной состав", None, None, None, None, None, None,
                   "Общее количество мероприятий", " Волонтёрские  часы ",
                   "Количество волонтёрских позиций"])
        ws.append([None, None, None, "Женщины", "Мужчины", *AGES])
        for col in "ABCMNO":
            ws.merge_cells(f"{col}3:{col}4")
        ws.merge_cells("D3:E3")
        ws.merge_cells("F3:L3")
        sums = [0] * 13
        names = ["Абайский район", "  Сарыағаш ауданы ", "г. Туркестан"]
        for u, name in enumerate(names):
            f = figures(u, m)
            cells = [f["volunteers_total"], f["gender"]["F"], f["gender"]["M"],
                     *f["age"].values(), f["events_total"], f["volunteer_hours"],
                     f["volunteer_positions"]]
            sums = [a + b for a, b in zip(sums, cells)]
            shown = [_text_number(cells[0]), *cells[1:11], _text_number(cells[11]), cells[12]]
            ws.append([u + 1, name, *shown])
        ws.append([None, "Итого", *sums])
    wb.save(path)
    return path


def kazakh_sheet(path: Path) -> Path:
    """(2) one sheet with a month column («Ай») and Kazakh headers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Деректер"
    ws.append(["Сандардағы волонтерлік, Түркістан облысы"])
    ws.append(["Аудан", "Ай", "Волонтерлер саны", "Әйелдер", "Ерлер",
               "Іс-шаралардың жалпы саны", "Волонтерлік сағаттар"])
    ws.append(["Абай ауданы", "Қазан 2023", 150, 90, 60, 4, "20,5"])
    ws.append(["Абай ауданы", "қараша 2023", 160, 95, 65, 5, 21])
    ws.append(["Сарыағаш ауданы", "10.2023", "1 050", 600, 450, 7, 30])
    ws.append(["Барлығы", None, 1360, 785, 575, 16, 71.5])
    wb.save(path)
    return path


def bad_sheet(path: Path) -> Path:
    """(4) an unknown district, «много», no month anywhere, a column nobody can match."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Волонтёрство в цифрах, Туркестанская область"])
    ws.append(["Район", "Количество волонтёров", "Женщины", "Мужчины", "Охват прочий"])
    ws.append(["Абайский район", 100, 60, 40, 7])
    ws.append(["Кентауский район", 80, "много", 30, 2])
    wb.save(path)
    return path


def soffice_convert(src: Path, fmt: str, out_dir: Path) -> Path | None:
    """The workbook saved again by LibreOffice as .xls or .ods (None without soffice)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(out_dir), str(src)],
                       check=True, capture_output=True, timeout=180)
    return out_dir / f"{src.stem}.{fmt}"


def kazakh_groups_workbook(path: Path) -> Path:
    """A Kazakh sheet named by its month, group headers, a section title, a district left
    blank, a notes column and the region's own total row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Қазан 2023"
    ws.append(["Сандардағы волонтерлік, Түркістан облысы"])
    ws.append(["Р/с", "Аудан / қала", "Волонтерлер саны", "Жынысы", None, "Жас құрамы", None,
               "Іс-шаралар бағыттары бойынша", None, "Ескертпе"])
    ws.append([None, None, None, "Әйелдер", "Ерлер", "14 жасқа дейін", "14–17 жас",
               "Медицина", "Экология", None])
    ws.append([1, "Абай ауданы", 120, 70, 50, 20, 100, 3, 2, "мектептермен бірге"])
    ws.append([None, "Қалалар", None, None, None, None, None, None, None, None])
    ws.append([2, "Түркістан қ.", 200, 120, 80, 50, 150, 4, 1, None])
    ws.append([3, "Сарыағаш ауданы"])
    ws.append([None, "Түркістан облысы", 320, 190, 130, 70, 250, 7, 3, None])
    for col in "ABCJ":
        ws.merge_cells(f"{col}2:{col}3")
    for cells in ("D2:E2", "F2:G2", "H2:I2"):
        ws.merge_cells(cells)
    wb.save(path)
    return path


# a complete report of Abay for October 2023, as a district submits it
FULL = {"volunteers_total": 357, "gender": {"F": 204, "M": 153},
        "age": {"A14_17": 119, "A18_28": 238}, "occupation": {"SCHOOL": 178, "STUDENT": 179},
        "registered_orgs_count": 2, "initiative_groups_count": 6, "events_total": 8,
        "events_by_direction": {"HUM": 3, "ECO": 3, "SPORT": 2},
        "events_by_format": {"OFFLINE": 7, "ONLINE": 1}, "volunteer_hours": 237.7,
        "volunteer_positions": 85, "rfo_support_provided": "YES",
        "rfo_support_types": ["INFO", "MEDIA"]}


def october_table(path: Path, abay: tuple, other: str = "Сарыағаш ауданы") -> Path:
    """The region's October sheet as the front office types it: a title, merged headers,
    a district with stray spaces, another (`other`) in Kazakh; Abay's row is `abay`
    (volunteers, women, men, RFO support, note)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Волонтёрство в цифрах за октябрь 2023 г., Туркестанская область"])
    ws.append([])
    ws.append(["Район", "Количество волонтёров", "Пол волонтёров", None,
               "Помощь РФО оказывалась", "Примечание о полноте данных"])
    ws.append([None, None, "Женщины", "Мужчины"])
    for col in "ABEF":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("C3:D3")
    ws.append(["  Абайский район ", *abay])
    ws.append([other, 80, 50, 30, "нет", None])
    wb.save(path)
    return path
