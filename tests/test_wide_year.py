"""A year of a region's own monthly tables (tests/fixtures/wide/, made by make_wide.py as
front offices keep them) through the real CLI: every layout reads the same figures, the
problems planted in 2024 are reported at their district and month and nowhere else, the
missing month is listed, and a bad table is refused naming its row and column in the
person's language."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store import open_store
from tests.fixtures.wide.wide_year_kit import MISSING, PLANTED, UNITS, figures, year_of, zeroed

HERE = Path(__file__).resolve().parent / "fixtures" / "wide"
SHAPE = ("volunteers_total", "gender", "age", "occupation", "events_total",
         "volunteer_hours", "volunteer_positions")
# what a planted problem also makes the review say at the same district and month
ALSO = {("SHY-ENB", "2024-10"): {"VR-02"},                  # the hours jump with the hours
        ("SHY-ALF", "2024-11"): {"VR-02", "VR-30"}}          # 2000 / 1000: a jump, no adults
IGNORED = {"required", "VR-19"}   # fields the tables lack; a year typed in on one day


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def add_units(data_dir) -> None:
    for uid, ru, kk, en, _base in UNITS:
        assert run(data_dir, "orgunits", "add", uid, "--region", "SHY", "--name-ru", ru,
                   "--name-kk", kk, "--name-en", en) == 0


def stored(data_dir, fields=SHAPE) -> dict[tuple[str, str], dict]:
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        return {(r["org_unit"], r["period"]): {k: r["data"][k] for k in fields
                                               if k in r["data"]}
                for r in s.list_records(form="monthly_report")}
    finally:
        s.close()


def shaped(data: dict, fields=SHAPE) -> dict:
    return {k: data[k] for k in fields}


def family(rule: str) -> str:
    return rule if rule in IGNORED else rule[:5]


def test_a_year_with_its_planted_problems(data_dir, capsys):
    add_units(data_dir)
    assert run(data_dir, "import", "monthly_report", str(HERE / "shy_2023_month_column.xls"),
               "--dry-run") == 0
    assert stored(data_dir) == {}                                       # a dry run saves nothing
    assert run(data_dir, "import", "monthly_report",
               str(HERE / "shy_2023_month_column.xls")) == 0
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(HERE / "shy_2024_sheets.xlsx")) == 0
    out = capsys.readouterr().out
    assert out.count("(номера столбцов)") == 12 and out.count("Итого по городу") == 12
    want = {k: shaped(v) for k, v in {**year_of(2023), **year_of(2024)}.items()}
    assert stored(data_dir) == want

    assert run(data_dir, "report", "quality", "--period", "2024", "--region", "SHY") == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " VR-19 " in line]
    assert sorted(line.split()[2] for line in lines) == sorted(u[0] for u in UNITS)  # 1 each
    assert run(data_dir, "report", "quality", "--period", "2024", "--region", "SHY",
               "--json") == 0
    found: dict[tuple[str, str], set[str]] = {}
    review = json.loads(capsys.readouterr().out)
    # both years typed in today: every month of a district names the same batch of months
    at_once = sorted({(f["org_unit"], f["params"]["months"]) for f in review
                      if f["rule"] == "VR-19"})
    assert at_once == [(uid, "2023-01 – 2024-11") if uid == MISSING[0] else
                       (uid, "2023-01 – 2024-12") for uid, *_ in UNITS]
    for f in review:
        if family(f["rule"]) not in IGNORED:
            found.setdefault((f["org_unit"], f["period"]), set()).add(family(f["rule"]))
    expected = {where: {rule} | ALSO.get(where, set()) for where, (rule, _) in PLANTED.items()}
    assert found == expected                           # each problem where it is, none else

    assert run(data_dir, "report", "completeness", "--period", "2024", "--region",
               "SHY") == 0
    comp = json.loads(capsys.readouterr().out)
    assert comp["missing"] == [{"org_unit": MISSING[0], "period": MISSING[1]}]

    assert run(data_dir, "--lang", "kk", "report", "quality", "--period", "2024-03",
               "--region", "SHY", "--rule", "VR-01") == 0
    assert "2023-03 есебін толық қайталайды" in capsys.readouterr().out


def _q1(fields=SHAPE, months=(1, 2, 3), make=lambda u, m: figures(u, 2024, m)):
    return {(u[0], f"2024-{m:02d}"): shaped(make(i, m), fields)
            for i, u in enumerate(UNITS) for m in months}


@pytest.mark.parametrize("name, want, skipped", [
    ("shy_2024_kk_sheets.ods", _q1(), 3),                        # «Қаңтар», Kazakh, «—»
    ("shy_2024_three_rows.xls", _q1(months=(1, 2)), 4),           # 3 header rows, «AБАЙ »
    ("shy_2024_short_names.xlsx", _q1(make=zeroed), 3),           # «янв 24», «нет», «-»
    ("shy_2024_q1_cp1251.csv", _q1(fields=SHAPE[:2] + SHAPE[4:6]), 0),  # «2024-02»
    ("shy_2024_merged_months.ods", _q1(make=zeroed), 3),         # «Месяц» merged down
    ("Шымкент_волонтерство_2024.xlsx", _q1(SHAPE[:2] + SHAPE[4:6], (1, 2)), 0),  # «Январь»
    ("shy_2024_02_total_in_group.xlsx", _q1(months=(2,)), 0),     # «всего | женщин», «60+»
    ("shy_2024_kk_month_words.xlsx", _q1(SHAPE[:2] + SHAPE[4:6], (1, 2)), 0),  # «Қаңтар»
])
def test_every_layout_reads_the_same_figures(data_dir, capsys, name, want, skipped):
    add_units(data_dir)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(HERE / name)) == 0
    captured = capsys.readouterr()
    assert captured.out.count(" пропущена (") == skipped
    if "short_names" in name:
        assert "лист «Свод»: лист без месяца среди листов по месяцам" in captured.err
    assert stored(data_dir) == want


@pytest.mark.parametrize("lang, lines", [
    ("ru", ["строка 3, столбец «Аудан»: «Шардара ауданы» — неизвестный район",
            "строка 4, столбец «Әйелдер»: «көп» в поле «Пол волонтёров: Женщины»",
            "строка 1, столбец «Басқа көрсеткіш»: столбец с числами не сопоставлен",
            "строка 1, столбец «F»: столбец с числами", '--map "6=volunteers_total"',
            "Деректер: не найден отчётный месяц"]),
    ("kk", ["3-жол, «Аудан» бағаны: «Шардара ауданы» — белгісіз аудан",
            "4-жол, «Әйелдер» бағаны: «Волонтерлердің жынысы: Әйелдер» өрісіндегі «көп»",
            "1-жол, «Басқа көрсеткіш» бағаны: сандары бар баған",
            "1-жол, «F» бағаны", "Деректер: есепті ай табылмады"]),
])
def test_a_bad_table_is_refused_naming_row_and_column(data_dir, capsys, lang, lines):
    add_units(data_dir)
    capsys.readouterr()
    assert run(data_dir, "--lang", lang, "import", "monthly_report",
               str(HERE / "shy_bad_kk.xlsx")) == 1
    err = capsys.readouterr().err
    for line in lines:
        assert line in err
    assert stored(data_dir) == {}


def test_a_district_that_always_estimates_is_said_once(data_dir, capsys):
    """Rows are months of the district the sheet is named by; every figure is round."""
    add_units(data_dir)
    assert run(data_dir, "import", "monthly_report",
               str(HERE / "shy_kar_2024_estimates.xlsx")) == 0
    capsys.readouterr()
    assert run(data_dir, "report", "quality", "--period", "2024", "--rule", "VR-14",
               "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["org_unit"], f["period"], f["message_code"]) for f in found] == [
        ("SHY-KAR", "2024-12", "review_round_always")]
    assert run(data_dir, "--lang", "kk", "report", "quality", "--period", "2024", "--rule",
               "VR-14") == 0
    assert "12 айдың 12 айында бұл ауданның көрсеткіштері 100-ге еселік" in \
        capsys.readouterr().out


def test_districts_and_months_as_offices_write_them(tmp_path):
    from reports.wide_where import UnitMatcher, period_in

    store = open_store(tmp_path / "esep.sqlite3")
    store.upsert_org_units([{"id": uid, "kind": "district", "region": "SHY", "name_ru": ru,
                             "name_kk": kk, "name_en": en} for uid, ru, kk, en, _ in UNITS])
    units = UnitMatcher(store)
    store.close()
    for text, want in (("г. Шымкент, Абайский р-н", "SHY-ABAY"), ("Абайский район*", "SHY-ABAY"),
                       ("Абай ауданы (Шымкент қ.)", "SHY-ABAY"), ("АБАЙСКИЙ РАЙОН ", "SHY-ABAY"),
                       ("Aль-Фарабийский район", "SHY-ALF"), ("Әл-Фараби ауд.", "SHY-ALF"),
                       ("Енбекшинский р-н г.Шымкента", "SHY-ENB"), ("Туран¹", "SHY-TUR"),
                       ("г. Шымкент", "SHY"), ("Шымкент қаласы", "SHY"),
                       ("Түркістан облысы", "TUR"), ("Шардара ауданы", None)):
        assert units.match(text) == want, text
    for text, want in (("янв 24", (2024, 1)), ("Янв-24", (2024, 1)), ("01.24", (2024, 1)),
                       ("сент.2023", (2023, 9)), ("дек 23", (2023, 12)),
                       ("Январь, 15 районов", (None, 1)), ("март 12,5", (None, 3))):
        assert period_in(text) == want, text
