"""`esep import monthly_report TABLE` of a region's own spreadsheet (reports/wide_read.py):
one sheet per month or a month column, one row per district, through the real CLI."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.wide_where import UnitMatcher, period_in, sheet_period
from store import open_store
from tests.wide_kit import (
    MONTHS,
    UNITS,
    add_units,
    bad_sheet,
    figures,
    kazakh_groups_workbook,
    kazakh_sheet,
    per_month_workbook,
    soffice_convert,
)

SEEDED = {"volunteers_total": 5, "gender": {"F": 3, "M": 2}, "registered_orgs_count": 3,
          "rfo_support_provided": "NOT_NEEDED", "coverage_note": "без грантовых проектов"}


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def stored(data_dir) -> dict[tuple[str, str], dict]:
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        return {(r["org_unit"], r["period"]): r
                for r in s.list_records(form="monthly_report", include_deleted=True)}
    finally:
        s.close()


def seed(data_dir, tmp_path, status: str = "draft") -> dict:
    """Two stored reports: one the file updates (2023-10), one it does not name (2023-09)."""
    add_units(run, data_dir)
    recs = [{"id": f"00000000-0000-4000-8000-00000000000{n}", "form": "monthly_report",
             "org_unit": "TUR-ABAY", "period": period, "data": SEEDED, "status": status}
            for n, period in ((1, "2023-10"), (2, "2023-09"))]
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    return stored(data_dir)


def expected_per_month() -> dict[tuple[str, str], dict]:
    out = {}
    for m, (_sheet, _word, period) in enumerate(MONTHS):
        for u, (uid, *_names) in enumerate(UNITS):
            out[(uid, period)] = figures(u, m)
    out[("TUR-ABAY", "2023-10")] = {**SEEDED, **figures(0, 0)}   # other data kept
    return out


def test_one_sheet_per_month_with_group_headers(data_dir, tmp_path, capsys):
    before = seed(data_dir, tmp_path)
    path = per_month_workbook(tmp_path / "Туркестан_2023.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "строка заголовка 4" in out and "Пол волонтёров / Женщины -> gender.F" in out
    assert "Возрастной состав / до 14 -> age.U14" in out and "№ -> no" in out
    assert out.count("(строка итога): ") == 3 and "строка 8 пропущена" in out
    assert "+ monthly_report TUR-SAR 2023-11" in out and "volunteers_total: 5 → 500" in out
    assert "пробный запуск: 9 изменений в 9 записей" in out
    assert stored(data_dir) == before                                   # dry run: nothing

    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    after = stored(data_dir)
    want = expected_per_month()
    assert {k: r["data"] for k, r in after.items() if k in want} == want
    assert after[("TUR-ABAY", "2023-09")] == before[("TUR-ABAY", "2023-09")]
    assert after[("TUR-ABAY", "2023-10")]["id"] == before[("TUR-ABAY", "2023-10")]["id"]
    assert {r["status"] for r in after.values()} == {"draft"}

    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 0    # the same file again
    assert "изменений нет" in capsys.readouterr().out
    assert stored(data_dir) == after


def test_one_sheet_with_a_month_column_in_kazakh(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = kazakh_sheet(tmp_path / "деректер.xlsx")
    capsys.readouterr()
    assert run(data_dir, "--lang", "kk", "import", "monthly_report", str(path)) == 0
    out = capsys.readouterr().out
    assert "Ай -> period" in out and "Әйелдер -> gender.F" in out and "Барлығы" in out
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-ABAY", "2023-10"): {"volunteers_total": 150, "gender": {"F": 90, "M": 60},
                                  "events_total": 4, "volunteer_hours": 20.5},
        ("TUR-ABAY", "2023-11"): {"volunteers_total": 160, "gender": {"F": 95, "M": 65},
                                  "events_total": 5, "volunteer_hours": 21},
        ("TUR-SAR", "2023-10"): {"volunteers_total": 1050, "gender": {"F": 600, "M": 450},
                                 "events_total": 7, "volunteer_hours": 30}}
    first = stored(data_dir)
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    assert stored(data_dir) == first


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_workbook_saved_by_libreoffice(data_dir, tmp_path, fmt):
    add_units(run, data_dir)
    src = per_month_workbook(tmp_path / "months.xlsx")
    made = soffice_convert(src, fmt, tmp_path / "lo")
    if made is None:
        pytest.skip("soffice (LibreOffice) is not installed")
    assert run(data_dir, "import", "monthly_report", str(made)) == 0
    want = {k: v for k, v in expected_per_month().items()}
    want[("TUR-ABAY", "2023-10")] = figures(0, 0)
    assert {k: r["data"] for k, r in stored(data_dir).items()} == want


def test_bad_input_names_row_and_column_and_saves_nothing(data_dir, tmp_path, capsys):
    before = seed(data_dir, tmp_path)
    path = bad_sheet(tmp_path / "плохой.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    err = capsys.readouterr().err
    assert "не найден отчётный месяц" in err and "--period ГГГГ-ММ" in err
    line = next(ln for ln in err.splitlines() if "Кентауский" in ln)
    assert "строка 4, столбец «Район»" in line and "неизвестный район" in line
    assert "Туркестанская область" in line and "Абайский район (TUR-ABAY)" in line
    line = next(ln for ln in err.splitlines() if "много" in ln)
    assert ("строка 4, столбец «Женщины»: «много» в поле «Пол волонтёров: Женщины»: не число; "
            "ожидается целое число (например, 12)") in line
    line = next(ln for ln in err.splitlines() if "Охват прочий" in ln)
    assert "[ошибка] строка 2" in line and '--map "Охват прочий=' in line
    assert "ничего не импортировано" in err
    assert stored(data_dir) == before

    # --period and --map answer two of the problems; the district and «много» remain
    assert run(data_dir, "--lang", "en", "import", "monthly_report", str(path),
               "--period", "2023-10", "--map", "Охват прочий=") == 1
    err = capsys.readouterr().err
    assert "no reporting month" not in err and "Охват прочий" not in err
    assert "2 problems" in err
    assert "row 4, column «Район»: «Кентауский район» is not a known district" in err
    assert "row 4, column «Женщины»: «много» in «Volunteers by gender: Female»" in err
    assert stored(data_dir) == before


def test_fixed_file_with_period_and_map(data_dir, tmp_path, capsys):
    before = seed(data_dir, tmp_path)
    path = bad_sheet(tmp_path / "исправленный.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["A4"], wb.active["C4"] = "Сарыагашский р-н", 50
    wb.save(path)
    assert run(data_dir, "import", "monthly_report", str(path), "--period", "2023-10",
               "--map", "5=initiative_groups_count") == 0
    after = stored(data_dir)
    assert after[("TUR-ABAY", "2023-10")]["data"] == {
        **SEEDED, "volunteers_total": 100, "gender": {"F": 60, "M": 40},
        "initiative_groups_count": 7}
    assert after[("TUR-SAR", "2023-10")]["data"] == {
        "volunteers_total": 80, "gender": {"F": 50, "M": 30}, "initiative_groups_count": 2}
    assert after[("TUR-ABAY", "2023-09")] == before[("TUR-ABAY", "2023-09")]


def test_rows_are_months_of_one_org_unit(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Месяц", "Количество волонтёров", "Общее количество мероприятий"])
    ws.append(["Январь 2024", 40, 2])
    ws.append(["2024-02", 45, 3])
    path = tmp_path / "months.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    assert "нет столбца района" in capsys.readouterr().err
    assert run(data_dir, "import", "monthly_report", str(path),
               "--org-unit", "Сарыағаш ауданы") == 0
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-SAR", "2024-01"): {"volunteers_total": 40, "events_total": 2},
        ("TUR-SAR", "2024-02"): {"volunteers_total": 45, "events_total": 3}}


def test_periods_and_district_names():
    assert period_in("Октябрь") == (None, 10)
    assert period_in("Волонтёрство в цифрах за октябрь 2023 г., Туркестанская область") \
        == (2023, 10)
    assert period_in("Қазан 2023") == (2023, 10) and period_in("желтоқсан") == (None, 12)
    assert period_in("10.2023") == (2023, 10) and period_in("2023-10") == (2023, 10)
    assert period_in("01.05.2024") == (2024, 5) and period_in("мая 2024") == (2024, 5)
    assert period_in("Лист1") == (None, None) and period_in("март, апрель") == (None, None)
    assert sheet_period("Ноябрь", ["за ноябрь 2023 г."], None) == ("2023-11", None)
    assert sheet_period("Ноябрь", ["Туркестанская область"], "2022-01") == ("2022-11", None)
    assert sheet_period("Лист1", ["2023 год"], None) == (None, 2023)


def test_district_names_in_three_languages(tmp_path):
    store = open_store(tmp_path / "esep.sqlite3")
    store.upsert_org_units([{"id": uid, "kind": "district", "region": "TUR", "name_ru": ru,
                             "name_kk": kk, "name_en": en} for uid, ru, kk, en in UNITS])
    units = UnitMatcher(store)
    store.close()
    for text in ("Абайский район", "Абай ауданы", "Abay district", "  абайский р-н ",
                 "TUR-ABAY"):
        assert units.match(text) == "TUR-ABAY", text
    for text in ("г. Туркестан", "Түркістан қ.", "Туркестан", "Turkistan city"):
        assert units.match(text) == "TUR-TURK", text
    assert units.match("Сарыағаш ауданы") == "TUR-SAR"
    assert units.match("Кентауский район") is None and units.match("") is None


def test_a_cp1251_csv_with_the_month_in_its_title(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = tmp_path / "сентябрь.csv"
    lines = ["Волонтёрство в цифрах за сентябрь 2023 г., Туркестанская область;;;;",
             "Район;Кол-во волонтёров;Пол волонтёров;;",
             ";;Женщины;Мужчины;Всего",
             "Абайский район;100;60;40;100",
             "г. Туркестан;50;20;30;50",
             "Всего по области;150;80;70;150"]
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    captured = capsys.readouterr()
    assert "Кол-во волонтёров -> volunteers_total" in captured.out
    assert "строка 6 пропущена (строка итога)" in captured.out
    assert "столбец «Пол волонтёров / Всего»: итог группы не сохраняется" in captured.err
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-ABAY", "2023-09"): {"volunteers_total": 100, "gender": {"F": 60, "M": 40}},
        ("TUR-TURK", "2023-09"): {"volunteers_total": 50, "gender": {"F": 20, "M": 30}}}


def test_kazakh_groups_section_rows_and_the_regions_total(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = kazakh_groups_workbook(tmp_path / "қазан.xlsx")
    capsys.readouterr()
    assert run(data_dir, "--lang", "kk", "import", "monthly_report", str(path)) == 0
    captured = capsys.readouterr()
    assert "Іс-шаралар бағыттары бойынша / Медицина -> events_by_direction.MED" in captured.out
    for line in ("5-жол өткізілді (көрсеткіштер жоқ): Қалалар",
                 "7-жол өткізілді (көрсеткіштер жоқ): 3 | Сарыағаш ауданы",
                 "8-жол өткізілді (қорытынды жол): Түркістан облысы | 320"):
        assert line in captured.out
    assert "«Ескертпе» бағаны: баған ешбір көрсеткішпен" in captured.err
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-ABAY", "2023-10"): {"volunteers_total": 120, "gender": {"F": 70, "M": 50},
                                  "age": {"U14": 20, "A14_17": 100},
                                  "events_by_direction": {"MED": 3, "ECO": 2}},
        ("TUR-TURK", "2023-10"): {"volunteers_total": 200, "gender": {"F": 120, "M": 80},
                                  "age": {"U14": 50, "A14_17": 150},
                                  "events_by_direction": {"MED": 4, "ECO": 1}}}


def test_an_unheaded_district_column_and_sheets_named_by_district(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Октябрь 2023"
    ws.append([None, "Количество волонтёров", "Общее количество мероприятий"])
    ws.append(["Абайский", 70, 3])
    ws.append(["Итого", 70, 3])
    for name in ("Сарыағаш ауданы", "Turkistan city"):
        ws = wb.create_sheet(name)
        ws.append(["Ай", "Волонтерлер саны", "Іс-шаралардың жалпы саны"])
        ws.append(["қыркүйек 2023", 10, 1])
    path = tmp_path / "аралас.xlsx"
    wb.save(path)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    assert "A -> org_unit" in capsys.readouterr().out
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-ABAY", "2023-10"): {"volunteers_total": 70, "events_total": 3},
        ("TUR-SAR", "2023-09"): {"volunteers_total": 10, "events_total": 1},
        ("TUR-TURK", "2023-09"): {"volunteers_total": 10, "events_total": 1}}


def test_map_and_org_unit_options_that_name_nothing(data_dir, tmp_path, capsys):
    before = seed(data_dir, tmp_path)
    path = bad_sheet(tmp_path / "плохой.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path), "--period", "2023-10",
               "--map", "Охват прочий=охват", "--map", "Нет такого=volunteers_total") == 1
    err = capsys.readouterr().err
    assert "--map «Охват прочий=охват»: в ежемесячном отчёте нет такого показателя" in err
    assert "--map «Нет такого»: в таблице нет такого столбца" in err
    months = tmp_path / "months.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Месяц", "Количество волонтёров", "Общее количество мероприятий"])
    wb.active.append(["Январь 2024", 40, 2])
    wb.save(months)
    assert run(data_dir, "import", "monthly_report", str(months), "--org-unit", "Нету") == 1
    assert "«Нету» — неизвестный район" in capsys.readouterr().err
    assert stored(data_dir) == before


def test_a_district_and_month_twice(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    path = kazakh_sheet(tmp_path / "екі рет.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.append(["Абайский район", "октябрь 2023", 1, 1, 0, 1, 1])
    wb.save(path)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    assert ("строка 7: TUR-ABAY, 2023-10: этот район и месяц уже были в строке 3"
            in capsys.readouterr().err)
    assert stored(data_dir) == {}


def test_two_columns_of_one_indicator(data_dir, tmp_path, capsys):
    add_units(run, data_dir)
    wb = openpyxl.Workbook()
    wb.active.append(["Район", "Месяц", "Количество волонтёров", "Волонтёры", "Женщины"])
    wb.active.append(["Абайский район", "10.2023", 10, 12, 5])
    path = tmp_path / "дважды.xlsx"
    wb.save(path)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    assert ("строка 1, столбец «Волонтёры»: столбец сопоставлен с тем же показателем "
            "«Количество волонтёров», что и столбец «Количество волонтёров»"
            in capsys.readouterr().err)
    assert run(data_dir, "import", "monthly_report", str(path), "--map", "Волонтёры=") == 0
    assert {k: r["data"] for k, r in stored(data_dir).items()} == {
        ("TUR-ABAY", "2023-10"): {"volunteers_total": 10, "gender": {"F": 5}}}


def test_an_empty_cell_keeps_the_stored_figure_a_dash_is_zero(data_dir, tmp_path, capsys):
    """An empty «Количество волонтёров» cell is no figure: the district's stored 5 stays
    (it was overwritten with 0 once blanks read as zeros); «—» is the front office's zero;
    an empty category beside filled ones of the same breakdown is 0; a breakdown left
    empty in the whole row is not written."""
    seed(data_dir, tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Октябрь 2023"
    ws.append(["Волонтёрство в цифрах, Туркестанская область"])
    ws.append(["Район", "Количество волонтёров", "Женщины", "Мужчины", "Количество мероприятий",
               "до 14", "14-17"])
    ws.append(["Абайский район", None, 4, None, "—", None, None])
    ws.append(["Сарыагашский район", 40, " ", 15, 3, None, 12])
    wb.save(tmp_path / "октябрь.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(tmp_path / "октябрь.xlsx")) == 0
    got = stored(data_dir)
    abay = got[("TUR-ABAY", "2023-10")]["data"]
    assert abay["volunteers_total"] == 5 and abay["gender"] == {"F": 4, "M": 0}
    assert abay["events_total"] == 0 and "age" not in abay
    sar = got[("TUR-SAR", "2023-10")]["data"]
    assert sar["gender"] == {"F": 0, "M": 15} and sar["age"] == {"U14": 0, "A14_17": 12}


def test_kazakh_headers_of_the_front_office_columns():
    """«ӨФО көмегі» (the Kazakh РФО, к → г) was matched to nothing: every row then lacked
    «Помощь РФО оказывалась» (VR-08)."""
    from reports.wide_columns import column_key

    for text in ("ӨФО көмегі", "ӨФО көмек көрсетті ме", "Помощь РФО", "Помощь РФО оказывалась"):
        assert column_key(text, "", "monthly_report") == "rfo_support_provided", text


def test_an_unknown_district_is_said_once_per_name(data_dir, tmp_path, capsys):
    """Three monthly sheets naming three districts a fresh data folder does not know: one
    error per district naming its rows on every sheet, and the folder's emptiness said."""
    path = per_month_workbook(tmp_path / "свод.xlsx")
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "район неизвестен" in ln]
    assert len(lines) == 3, lines
    assert "«Абайский район»" in lines[0] and "ещё нет ни одного района" in lines[0]
    assert "Тот же район в строках: Октябрь–Декабрь:" in lines[0]
    assert stored(data_dir) == {}
    add_units(run, data_dir)
    wb = openpyxl.load_workbook(path)
    wb["Ноябрь"].cell(6, 2).value = "Кентауский район"   # one unknown name on one sheet
    wb.save(path)
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "неизвестный район" in ln]
    assert len(lines) == 1 and "Тот же район" not in lines[0], lines
