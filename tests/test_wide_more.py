"""Region tables and monthly workbooks as people deliver them, beyond tests/test_wide_year.py
(tests/fixtures/wide/make_wide_more.py): a table turned on its side, a quarter's months side
by side or one block under the other, numbered indicators with units and footnotes, last year's hidden sheet, estimates
instead of figures, and `esep template`'s workbook saved again as .ods with a row inserted or
copied into a new file without its hidden parts — through the real CLI, in ru and kk."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from store import open_store
from tests.fixtures.wide.make_wide_more import (
    FILLED,
    inserted_row,
    quarter_blocks,
    retyped,
    titled_like_the_workbook,
)
from tests.fixtures.wide.wide_year_kit import UNITS, figures

HERE = Path(__file__).resolve().parent / "fixtures" / "wide"


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


@pytest.fixture
def units(data_dir):
    for uid, ru, kk, en, _base in UNITS:
        assert run(data_dir, "orgunits", "add", uid, "--region", "SHY", "--name-ru", ru,
                   "--name-kk", kk, "--name-en", en) == 0
    return data_dir


def printed(capsys) -> str:
    """What the command printed (the summary on stdout, problems on stderr)."""
    cap = capsys.readouterr()
    return cap.out + cap.err


def stored(data_dir) -> dict[tuple[str, str], dict]:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return {(r["org_unit"], r["period"]): r["data"]
                for r in s.list_records(form="monthly_report")}


@pytest.mark.parametrize("lang, said", [
    ("ru", "показатели отчёта записаны в строках, а районы — в столбцах (таблица повёрнута)"),
    ("kk", "есеп көрсеткіштері жолдарда, ал аудандар бағандарда жазылған (кесте бұрылған)")])
def test_a_turned_table_is_refused_saying_so(units, capsys, lang, said):
    path = HERE / "shy_2024_03_transposed.xlsx"
    assert run(units, "--lang", lang, "import", "monthly_report", str(path)) == 1
    err = printed(capsys)
    assert f"{path.name}: {said}" in err and "Транспон" in err
    assert stored(units) == {}


def test_months_side_by_side_are_each_their_month(units, capsys):
    """«Январь», «Февраль», «Март» merged over their columns: each block is its month (the
    year from the sheet's name «I квартал 2024»)."""
    assert run(units, "import", "monthly_report", str(HERE / "shy_2024_q1_blocks.xlsx")) == 0
    assert "Февраль / Волонтёрские часы -> volunteer_hours" in printed(capsys)
    got = stored(units)
    assert len(got) == 15
    for u, unit in enumerate(UNITS):
        for m in (1, 2, 3):
            want, have = figures(u, 2024, m), got[(unit[0], f"2024-{m:02d}")]
            assert [have[k] for k in ("volunteers_total", "events_total", "volunteer_hours")] \
                == [want[k] for k in ("volunteers_total", "events_total", "volunteer_hours")]


def test_months_side_by_side_with_no_year_are_refused_saying_so(units, tmp_path, capsys):
    path = tmp_path / "квартал.xlsx"
    quarter_blocks(path, sheet="Квартал")
    assert run(units, "--lang", "kk", "import", "monthly_report", str(path)) == 1
    out = printed(capsys)
    assert ("[қате] 1-жол: бағандардың үстінде айлар тұр (Январь, Февраль, Март), бірақ жыл "
            "парақ атауында да") in out
    assert "сол көрсеткішпен" not in out and stored(units) == {}
    assert run(units, "import", "monthly_report", str(path), "--period", "2024-01") == 0
    assert sorted({p for _u, p in stored(units)}) == ["2024-01", "2024-02", "2024-03"]


def test_a_quarters_bad_cell_and_unknown_district_are_said_once(units, tmp_path, capsys):
    path = tmp_path / "q1_2024.xlsx"
    quarter_blocks(path, bad=True)
    assert run(units, "import", "monthly_report", str(path)) == 1
    out = printed(capsys)
    assert out.count("«Шардаринский район» — неизвестный район") == 1
    assert out.count("строка 4, столбец «Февраль / Количество мероприятий»: «много»") == 1
    assert out.count("строка 9 пропущена (строка итога)") == 1 and stored(units) == {}


def test_months_one_block_under_the_other(units, capsys):
    """«Февраль 2024» alone in its row gives its month to the rows under it."""
    assert run(units, "import", "monthly_report", str(HERE / "shy_2024_q1_stacked.xlsx")) == 0
    out = printed(capsys)
    assert "строка 9 пропущена (месяц строк ниже): Февраль 2024" in out
    assert "строка 18 пропущена (повтор заголовка)" in out
    got = stored(units)
    assert len(got) == 15
    for u, unit in enumerate(UNITS):
        for m in (1, 2, 3):
            want = figures(u, 2024, m)
            have = got[(unit[0], f"2024-{m:02d}")]
            assert (have["volunteers_total"], have["gender"], have["events_total"]) == (
                want["volunteers_total"], want["gender"], want["events_total"])


def test_numbered_indicators_with_units_and_footnotes(units, capsys):
    assert run(units, "import", "monthly_report", str(HERE / "shy_2024_04_numbered.xlsx")) == 0
    out = printed(capsys)
    assert "1. Количество волонтёров (чел.)* -> volunteers_total" in out
    assert "1.1 Женщины (чел.) -> gender.F" in out
    assert "3. Волонтёрские часы (час.)** -> volunteer_hours" in out
    assert "строка 9 пропущена (нет показателей): * — по данным районных МРЦ" in out
    got = stored(units)
    for u, unit in enumerate(UNITS):
        want, have = figures(u, 2024, 4), got[(unit[0], "2024-04")]
        for k in ("volunteers_total", "gender", "events_total", "volunteer_hours",
                  "volunteer_positions"):
            assert have[k] == want[k]


def test_last_years_hidden_sheet_is_skipped_and_named(units, capsys):
    path = str(HERE / "shy_2024_05_hidden_2023.ods")
    assert run(units, "--lang", "kk", "import", "monthly_report", path) == 0
    out = printed(capsys)
    assert ("«Май 2023» парағы: файлда жасырылған (өткен жыл ма? жоба ма?) және өткізілді; "
            "оны жүктеу үшін парақты көрсетіңіз: --sheet \"Май 2023\"") in out
    assert {p for _u, p in stored(units)} == {"2024-05"}
    assert run(units, "import", "monthly_report", path, "--sheet", "Май 2023") == 0
    got = stored(units)
    assert got[(UNITS[1][0], "2023-05")]["volunteers_total"] == figures(1, 2023, 5)[
        "volunteers_total"]


def test_estimates_are_refused_cell_by_cell(units, capsys):
    assert run(units, "import", "monthly_report", str(HERE / "shy_2024_06_approx.xlsx")) == 1
    out = printed(capsys)
    estimate, two = "это примерное число, а нужно точное", "это два числа, а нужно одно"
    lines = [ln for ln in out.splitlines() if "[ошибка] строка" in ln]
    for cell, why in (("строка 2, столбец «Количество волонтёров»: «~120»", estimate),
                      ("строка 2, столбец «Количество мероприятий»: «12+»", estimate),
                      ("строка 3, столбец «Количество волонтёров»: «около 50»", estimate),
                      ("строка 4, столбец «Количество волонтёров»: «120/130»", two),
                      ("строка 5, столбец «Количество волонтёров»: «+»",
                       "не число; ожидается целое число"),
                      ("строка 6, столбец «Количество волонтёров»: «≈80»", estimate),
                      ("строка 6, столбец «Количество мероприятий»: «5-6»", two)):
        line = next((ln for ln in lines if f"[ошибка] {cell} в поле" in ln), "")
        assert why in line, cell
    assert len(lines) == 7 and stored(units) == {}


def _filled(data: dict) -> dict:
    out: dict = {}
    for key, value in FILLED.items():
        fid, _, code = key.partition(".")
        if fid == "rfo_support_types":
            out.setdefault(fid, []).append(code)
        elif fid == "rfo_support_provided":
            out[fid] = "YES"
        elif code:
            out.setdefault(fid, {})[code] = value
        else:
            out[fid] = value
    return {k: data.get(k) for k in out} == out


def _template(data_dir, tmp_path, lang: str) -> Path:
    out = tmp_path / f"template_{lang}.xlsx"
    assert run(data_dir, "template", "monthly_report", "--org-unit", UNITS[0][0], "--period",
               "2024-03", "-o", str(out), "--lang", lang) == 0
    return out


def test_a_workbook_saved_as_ods_with_a_row_inserted(units, capsys):
    """LibreOffice kept the hidden key column and _meta sheet: read as the workbook; the
    inserted row's figure is said, not dropped unseen."""
    path = str(HERE / "abay_2024_03_saved_as.ods")
    assert run(units, "import", "monthly_report", path) == 0
    out = printed(capsys)
    assert ("[предупреждение] строка 5, столбец «Значение»: строка «в т.ч. из других "
            "районов» со значением «15» — не показатель книги") in out
    assert "VR-30" in out                   # the form's findings are still said
    assert _filled(stored(units)[(UNITS[0][0], "2024-03")])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_workbook_copied_without_its_hidden_parts(units, tmp_path, capsys, lang):
    """Labels and figures copied into a new file: no key column, no _meta sheet; the title
    row gives the district and the month, the labels the indicators."""
    path = tmp_path / f"retyped_{lang}.xlsx"
    retyped(_template(units, tmp_path, lang), path)
    capsys.readouterr()
    assert run(units, "--lang", lang, "import", "monthly_report", str(path), "--dry-run") == 0
    assert stored(units) == {}
    assert run(units, "--lang", lang, "import", "monthly_report", str(path)) == 0
    out = printed(capsys)
    assert "не показатель книги" not in out and "кітаптың көрсеткіші емес" not in out
    assert _filled(stored(units)[(UNITS[0][0], "2024-03")])


def test_a_region_table_titled_like_the_workbook_stays_a_region_table(units, tmp_path):
    path = tmp_path / "march.xlsx"
    titled_like_the_workbook(path)
    assert run(units, "import", "monthly_report", str(path)) == 0
    got = stored(units)
    assert sorted(got) == [(u[0], "2024-03") for u in UNITS]
    assert got[(UNITS[2][0], "2024-03")]["gender"] == figures(2, 2024, 3)["gender"]


def test_a_row_inserted_in_the_workbook_is_said_in_kazakh(units, tmp_path, capsys):
    path = tmp_path / "inserted.xlsx"
    inserted_row(_template(units, tmp_path, "kk"), path)
    assert run(units, "--lang", "kk", "import", "monthly_report", str(path)) == 0
    assert ("5-жол, «Мәні» бағаны: «в т.ч. из других районов» жолы «15» мәнімен кітаптың "
            "көрсеткіші емес") in printed(capsys)
    assert _filled(stored(units)[(UNITS[0][0], "2024-03")])
