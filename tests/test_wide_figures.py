"""A region's table reads its figures as the lists do (reports.survey_values.put_figure):
«22 человека», «12 адам», «1 200», «500 чел.» are numbers; «2 ч. 30 мин» in the hours column
is 2.5 hours with a warning; «25+5», «около 30», «5-6», «~120», «120/130», «1,200» of people,
«-3» are refused saying why and what to type, at the row, the column and the sheet as the file
names them, and the file is refused whole: what is stored stays as it was. In ru and kk,
through the real CLI. The workbooks are typed here with openpyxl as a front office keeps its
table: a title row, merged group headers, districts down, indicators across, a total row."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.figure_words import refused
from reports.wide_read import read_wide
from store import open_store
from tests.wide_kit import add_units

MARCH = [[1, "Абайский район", "22 человека", "12 адам", 10, 3, "2 ч. 30 мин"],
         [2, "  Сарыағаш ауданы ", "1 200", 700, "500 чел.", 4, "12,5"],
         [3, "г. Туркестан", 40, 25, 15, 2, "1 час 15 минут"],
         [None, "Итого", 1262, 737, 525, 9, 16.25]]
APRIL = [[1, "Абайский район", "25+5", 12, 10, "около 30", "2 ч. 30 мин"],
         [2, "Сарыағаш ауданы", "5-6", "1,200", 500, "~120", "3 дня"],
         [3, "г. Туркестан", "120/130", "-3", 15, 2, 4]]
VOLUNTEERS, EVENTS, HOURS = ("Количество волонтёров", "Общее количество мероприятий",
                             "Волонтёрские часы")


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def _sheet(ws, month: str, rows: list[list]) -> None:
    ws.append([f"Волонтёрство в цифрах за {month} 2024 г., Туркестанская область"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["№", "Район", VOLUNTEERS, "Пол волонтёров", None, f" {EVENTS} ", HOURS])
    ws.append([None, None, None, "Женщины", "Мужчины"])
    for col in "ABCFG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:E3")
    for row in rows:
        ws.append(row)


def march_table(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Март"
    _sheet(wb.active, "март", MARCH)
    wb.save(path)
    return path


def two_months(path: Path) -> Path:
    """March retyped (Abay's volunteers now 23) and April with figures that are no number."""
    wb = openpyxl.Workbook()
    wb.active.title = "Март 2024"
    _sheet(wb.active, "март", [[1, "Абайский район", 23, 12, 11, 3, 2.5], *MARCH[1:]])
    _sheet(wb.create_sheet("Апрель 2024"), "апрель", APRIL)
    wb.save(path)
    return path


def stored(data_dir) -> dict:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return {(r["org_unit"], r["period"]): r["data"]
                for r in s.list_records(form="monthly_report")}


def test_figures_with_words_and_hours_typed_out(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = march_table(tmp_path / "март.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    err = capsys.readouterr().err
    assert stored(data_dir) == {
        ("TUR-ABAY", "2024-03"): {"volunteers_total": 22, "gender": {"F": 12, "M": 10},
                                  "events_total": 3, "volunteer_hours": 2.5},
        ("TUR-SAR", "2024-03"): {"volunteers_total": 1200, "gender": {"F": 700, "M": 500},
                                 "events_total": 4, "volunteer_hours": 12.5},
        ("TUR-TURK", "2024-03"): {"volunteers_total": 40, "gender": {"F": 25, "M": 15},
                                  "events_total": 2, "volunteer_hours": 1.25}}
    for row, value, hours in ((5, "2 ч. 30 мин", "2,5"), (7, "1 час 15 минут", "1,25")):
        line = next(ln for ln in err.splitlines() if f"«{value}»" in ln)
        assert line.startswith(f"  [предупреждение] строка {row}, столбец «{HOURS}»: "
                               f"«{value}» в поле"), line
        assert f"прочитано как {hours} ч (часы и минуты переведены в часы)" in line
    assert "[ошибка]" not in err


def test_kazakh_hours_note(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = march_table(tmp_path / "наурыз.xlsx")
    assert run(data_dir, "--lang", "kk", "import", "monthly_report", str(path),
               "--dry-run") == 0
    err = capsys.readouterr().err
    assert f"[ескерту] 5-жол, «{HOURS}» бағаны: " in err
    assert "«2 ч. 30 мин»: 2,5 сағат деп оқылды (сағат пен минут сағатқа айналдырылды)" in err
    assert stored(data_dir) == {}


RU_REFUSED = [
    (5, VOLUNTEERS, "25+5", ("это сумма, а нужно одно число: впишите итог (30) или "
                             "разнесите слагаемые по своим столбцам")),
    (5, EVENTS, "около 30", "это примерное число, а нужно точное: впишите, сколько насчитали"),
    (6, VOLUNTEERS, "5-6", "это два числа, а нужно одно: впишите одно число"),
    (6, "Пол волонтёров / Женщины", "1,200", ("не целое число, а нужно целое (запятая или "
     "точка отделяет дробную часть): впишите, например, 12, а тысячи — 1200 или 1 200")),
    (6, EVENTS, "~120", "это примерное число, а нужно точное"),
    (6, HOURS, "3 дня", "не число; ожидается число (например, 12 или 7,5)"),
    (7, VOLUNTEERS, "120/130", "это два числа, а нужно одно"),
    (7, "Пол волонтёров / Женщины", "-3", "число меньше нуля, а нужно неотрицательное")]


def test_figures_that_are_no_number_refuse_the_file(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    assert run(data_dir, "import", "monthly_report", str(march_table(tmp_path / "м.xlsx"))) == 0
    before = stored(data_dir)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(two_months(tmp_path / "2.xlsx"))) == 1
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if "[ошибка] строка" in ln]
    for row, column, value, why in RU_REFUSED:
        line = next((ln for ln in errors if f"«{value}»" in ln), "")
        assert f"[ошибка] строка {row}, столбец «{column}»: лист «Апрель 2024»: «{value}» " \
               "в поле «" in line, (value, line)
        assert why in line, (value, line)
    assert len(errors) == len(RU_REFUSED)
    assert "[предупреждение] строка 5, столбец «Волонтёрские часы»: лист «Апрель 2024»" in err
    assert "ничего не импортировано" in err
    assert stored(data_dir) == before                 # March's retyped 23 not saved either


def test_kazakh_reasons_and_the_cells_place(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = two_months(tmp_path / "екі ай.xlsx")
    assert run(data_dir, "--lang", "kk", "import", "monthly_report", str(path)) == 1
    err = capsys.readouterr().err
    for said in (f"[қате] 5-жол, «{VOLUNTEERS}» бағаны: «Апрель 2024» парағы: ",
                 "«25+5»: бұл қосынды, ал бір сан керек: жиынын (30) жазыңыз",
                 "«около 30»: бұл шамамен алынған сан, ал нақты сан керек",
                 "«5-6»: бұл екі сан, ал бір сан керек",
                 "«1,200»: бүтін сан емес, ал бүтін сан керек",
                 "«-3»: нөлден кіші сан, ал теріс емес сан керек"):
        assert said in err, said
    assert stored(data_dir) == {}


def test_the_refusals_as_the_import_gives_them(data_dir, tmp_path):
    """Each refused cell is an error of its own with its row, column and sheet; the hours read
    are a warning, and the rows' other figures are read."""
    add_units(run, data_dir)
    path = two_months(tmp_path / "2.xlsx")
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        res = read_wide(s, path, user="t", dry_run=True, lang="en")
    cells = {(p["sheet"], p["row"], p["column"]): (p["severity"], p["code"])
             for p in res.problems if p["code"].startswith(("figure_", "survey_bad"))}
    want = {("Апрель 2024", row, col): ("error", code) for (row, col, _v, _w), code in zip(
        RU_REFUSED, ["figure_sum", "figure_estimate", "figure_range", "figure_not_whole",
                     "figure_estimate", "survey_bad_number", "figure_range",
                     "figure_negative"])}
    want[("Апрель 2024", 5, HOURS)] = ("warning", "figure_duration")   # «2 ч. 30 мин»
    want[("Март 2024", 7, HOURS)] = ("warning", "figure_duration")     # «1 час 15 минут»
    assert cells == want
    lacking = {p["field"] for p in res.problems if p["code"] == "required"}
    assert lacking and not lacking & {"volunteers_total", "events_total", "volunteer_hours"}
    april = {r["org_unit"]: r["data"] for r in res.records if r["period"] == "2024-04"}
    assert april["TUR-ABAY"] == {"gender": {"F": 12, "M": 10}, "volunteer_hours": 2.5}
    assert april["TUR-TURK"] == {"gender": {"M": 15}, "events_total": 2, "volunteer_hours": 4}


@pytest.mark.parametrize(("cell", "whole", "code"), [
    ("12,5", True, "figure_not_whole"), ("1,200", True, "figure_not_whole"),
    ("-3", True, "figure_negative"), ("-3", False, "figure_negative"),
    ("много", True, "figure_bad_whole"), ("много", False, "survey_bad_number"),
    ("25+5", True, "figure_sum"), ("5-6", True, "figure_range")])
def test_why_a_figure_is_refused_where_a_whole_number_is_asked(cell, whole, code):
    """The lists and a region's table alike (reports.figure_words.refused)."""
    assert refused(cell, whole=whole)[0] == code
