"""`esep template`'s monthly workbook reads its figures as the lists and a region's table do
(reports.survey_values.put_figure): «22 человека», «1 200», «500 чел.» are numbers; «2 ч. 30
мин» of hours is 2.5 with a warning; «25+5», «около 30», «~120», «5-6», «120/130», «1,200» of
people, «-3» are refused saying why and what to type, at the row and the column the workbook
shows («Значение», a roster's own column head), and the workbook is refused whole: what is
stored stays as it was. The workbook is the one `esep template` writes, filled in by hand with
openpyxl as a district's clerk fills it (stray spaces, units, Kazakh words); ru and kk through
the real CLI."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from cli.main import main
from reports.template_read import read_template
from store import open_store
from tests.wide_kit import add_units

GOOD = {"volunteers_total": "1 200", "gender.F": " 700 чел. ", "gender.M": "500 человек",
        "events_total": 3, "registered_orgs_count": "нет", "initiative_groups_count": "2 ед.",
        "volunteer_hours": "2 ч. 30 мин", "volunteer_positions": "22 человека"}
# the development-events sheet: type, count, volunteers reached, hours
ROSTER = ["Командопостроение или тимбилдинг для группы волонтёров", 2, "12 адам",
          "1 час 15 минут"]
BAD = {"volunteers_total": "25+5", "gender.F": "5-6", "gender.M": "-3",
       "events_total": "около 30", "registered_orgs_count": "120/130",
       "initiative_groups_count": "1,200", "volunteer_positions": "~120",
       "events_by_format.ONLINE": 4, "volunteer_hours": "3 ч. 15 мин"}
RU_REFUSED = {
    "volunteers_total": ("25+5", ("«Количество волонтёров»: это сумма, а нужно одно число: "
                                 "впишите итог (30) или разнесите слагаемые по своим столбцам")),
    "gender.F": ("5-6", "это два числа, а нужно одно: впишите одно число"),
    "gender.M": ("-3", "число меньше нуля, а нужно неотрицательное"),
    "events_total": ("около 30", ("это примерное число, а нужно точное: впишите, сколько "
                                 "насчитали")),
    "registered_orgs_count": ("120/130", "это два числа, а нужно одно"),
    "initiative_groups_count": ("1,200", ("не целое число, а нужно целое (запятая или точка "
                                         "отделяет дробную часть)")),
    "volunteer_positions": ("~120", "это примерное число, а нужно точное")}


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def template(data_dir, path: Path, lang: str = "ru") -> Path:
    assert run(data_dir, "template", "monthly_report", "--org-unit", "TUR-ABAY",
               "--period", "2024-03", "-o", str(path), "--lang", lang) == 0
    return path


def fill(path: Path, cells: dict, roster: list | None = None) -> dict[str, int]:
    """Types `cells` (by the row's hidden key) into the «Значение» column and `roster` into
    the first row of the development-events sheet, as a clerk does; the rows by key."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value}
    for key, value in cells.items():
        ws.cell(rows[key], 2).value = value
    if roster:
        for col, value in enumerate(roster, start=1):
            wb.worksheets[2].cell(3, col).value = value
    wb.save(path)
    return rows


def stored(data_dir) -> dict:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return {(r["org_unit"], r["period"]): r["data"]
                for r in s.list_records(form="monthly_report")}


def test_figures_with_units_words_and_hours_typed_out(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = template(data_dir, tmp_path / "Абай март.xlsx")
    rows = fill(path, GOOD, ROSTER)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    err = capsys.readouterr().err
    data = stored(data_dir)[("TUR-ABAY", "2024-03")]
    assert {k: data[k] for k in ("volunteers_total", "gender", "events_total",
                                 "registered_orgs_count", "initiative_groups_count",
                                 "volunteer_hours", "volunteer_positions")} == {
        "volunteers_total": 1200, "gender": {"F": 700, "M": 500}, "events_total": 3,
        "registered_orgs_count": 0, "initiative_groups_count": 2, "volunteer_hours": 2.5,
        "volunteer_positions": 22}
    assert data["dev_events"] == [{"dev_event_type": "TEAMBUILDING", "dev_events_count": 2,
                                   "dev_participants": 12, "dev_hours": 1.25, "no": 1}]
    hours = next(ln for ln in err.splitlines() if "«2 ч. 30 мин»" in ln)
    assert hours.startswith(f"  [предупреждение] строка {rows['volunteer_hours']}, столбец "
                            "«Значение»: «2 ч. 30 мин» в поле «"), hours
    assert "прочитано как 2,5 ч (часы и минуты переведены в часы)" in hours
    roster = next(ln for ln in err.splitlines() if "«1 час 15 минут»" in ln)
    assert roster.startswith("  [предупреждение] строка 3, столбец «Продолжительность (часов)»")
    assert "прочитано как 1,25 ч" in roster
    assert "[ошибка]" not in err


def test_figures_that_are_no_number_refuse_the_workbook(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    first = template(data_dir, tmp_path / "март.xlsx")
    fill(first, GOOD)
    assert run(data_dir, "import", "monthly_report", str(first)) == 0
    before = stored(data_dir)
    path = template(data_dir, tmp_path / "март, исправлено.xlsx")   # pre-filled from the store
    rows = fill(path, BAD, ["Командопостроение или тимбилдинг для группы волонтёров", "25+5"])
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if "[ошибка] строка" in ln]
    for key, (value, why) in RU_REFUSED.items():
        line = next((ln for ln in errors if f"«{value}»" in ln), "")
        assert line.startswith(f"  [ошибка] строка {rows[key]}, столбец «Значение»: «{value}» "
                               "в поле «"), (value, line)
        assert why in line, (value, line)
        assert "нужно целое неотрицательное число" not in line
    roster = next(ln for ln in errors if "«25+5»" in ln and "строка 3," in ln)
    assert "столбец «Количество мероприятий»" in roster and "итог (30)" in roster
    assert len(errors) == len(RU_REFUSED) + 1
    assert f"[предупреждение] строка {rows['volunteer_hours']}, столбец «Значение»" in err
    assert "ничего не импортировано" in err
    assert stored(data_dir) == before           # the online events (4) not saved either


def test_kazakh_reasons_and_the_cells_place(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = template(data_dir, tmp_path / "Абай наурыз.xlsx", lang="kk")
    rows = fill(path, {**BAD, "volunteer_hours": "2 сағ 30 мин"})
    capsys.readouterr()
    assert run(data_dir, "--lang", "kk", "import", "monthly_report", str(path)) == 1
    err = capsys.readouterr().err
    for said in ((f"[қате] {rows['volunteers_total']}-жол, «Мәні» бағаны: «Волонтерлер саны» "
                 "өрісіндегі «25+5»: бұл қосынды, ал бір сан керек: жиынын (30) жазыңыз"),
                 "«около 30»: бұл шамамен алынған сан, ал нақты сан керек",
                 "«5-6»: бұл екі сан, ал бір сан керек",
                 "«1,200»: бүтін сан емес, ал бүтін сан керек",
                 "«-3»: нөлден кіші сан, ал теріс емес сан керек",
                 f"[ескерту] {rows['volunteer_hours']}-жол, «Мәні» бағаны: ",
                 "«2 сағ 30 мин»: 2,5 сағат деп оқылды"):
        assert said in err, said
    assert stored(data_dir) == {}


def test_the_refusals_as_the_import_gives_them(data_dir, tmp_path):
    """Each refused cell is an error of its own, its code saying why; the hours read are a
    warning, and the workbook's other figures are read."""
    add_units(run, data_dir)
    path = template(data_dir, tmp_path / "t.xlsx", lang="en")
    rows = fill(path, BAD, ROSTER)
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        res = read_template(s, path, user="t", dry_run=True, lang="en")
    cells = {(p["row"], p["column"]): (p["severity"], p["code"]) for p in res.problems
             if p["code"].startswith(("figure_", "survey_bad"))}
    codes = {"volunteers_total": "figure_sum", "gender.F": "figure_range",
             "gender.M": "figure_negative", "events_total": "figure_estimate",
             "registered_orgs_count": "figure_range",
             "initiative_groups_count": "figure_not_whole",
             "volunteer_positions": "figure_estimate"}
    want = {(rows[k], "Value"): ("error", code) for k, code in codes.items()}
    want[(rows["volunteer_hours"], "Value")] = ("warning", "figure_duration")
    want[(3, "Duration (hours)")] = ("warning", "figure_duration")
    assert cells == want
    data = res.records[0]["data"]
    assert data["volunteer_hours"] == 3.25 and data["events_by_format"] == {"ONLINE": 4}
    assert data["dev_events"][0]["dev_participants"] == 12
    assert not data.get("gender") and "volunteers_total" not in data
