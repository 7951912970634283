"""`esep template`, `esep report summary|figures|quality|completeness|rates` through main()."""
from __future__ import annotations

import json

import openpyxl
import pytest

from main import main
from reports.synthetic import synthetic_year
from store import open_store


@pytest.fixture
def filled(data_dir):
    recs, units = synthetic_year(2023)
    s = open_store()
    s.upsert_org_units([{k: u[k] for k in ("id", "kind", "region", "name_ru")} for u in units])
    s.import_records(recs, user="demo")
    s.close()
    return data_dir


def test_report_figures_and_summary(filled, tmp_path, capsys):
    assert main(["report", "figures", "--period", "2023"]) == 0
    fig = json.loads(capsys.readouterr().out)
    assert fig["volunteers_total"] == 217_391 and fig["volunteer_positions"] == 64_799
    out = tmp_path / "s.xlsx"
    assert main(["report", "summary", "--period", "2023", "--region", "ALA", "-o", str(out),
                 "--lang", "en"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Summary" and "Completeness" in wb.sheetnames


def test_report_errors_are_clear(filled, tmp_path, capsys):
    assert main(["report", "summary", "--period", "2023-13", "-o", str(tmp_path / "x")]) == 1
    assert "такого месяца нет" in capsys.readouterr().err  # ru by default
    assert main(["report", "figures", "--period", "2023", "--region", "XXX"]) == 1
    assert "Неизвестный регион" in capsys.readouterr().err
    assert main(["template", "monthly_report", "--org-unit", "NOPE", "--period", "2023-05",
                 "-o", str(tmp_path / "t.xlsx")]) == 1
    assert "неизвестная организационная единица «NOPE»" in capsys.readouterr().err


def test_quality_completeness_rates(filled, tmp_path, capsys):
    assert main(["report", "quality", "--period", "2023", "--json", "--severity", "error"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert all(f["severity"] == "error" for f in found)
    assert main(["report", "completeness", "--period", "2023", "--due-day", "10"]) == 0
    comp = json.loads(capsys.readouterr().out)
    assert comp["total"]["received"] == 620 and comp["total"]["missing"] > 0
    assert main(["report", "rates", "--set", "ALA", "2023", "2000"]) == 0
    assert "ALA    2023 2000" in capsys.readouterr().out
    assert main(["report", "rates", "--set", "ALA", "2023", "-1"]) == 1
    assert "не изменена" in capsys.readouterr().err
    csv_path = tmp_path / "r.csv"
    assert main(["report", "rates", "--export", str(csv_path)]) == 0
    assert "ALA,2023,2000" in csv_path.read_text()


def test_template_command_round_trip(filled, tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["template", "monthly_report", "--org-unit", "AST", "--period", "2023-05",
                 "-o", str(out), "--lang", "kk"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.worksheets[0].protection.sheet and wb["_meta"]["B3"].value == "AST"
    ws = wb.worksheets[0]
    rows = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value}
    old = ws.cell(rows["volunteers_total"], 2).value
    ws.cell(rows["volunteers_total"], 2).value = old + 1
    wb.save(out)
    assert main(["import", "monthly_report", str(out)]) == 1      # sums no longer add up
    assert "VR-03" in capsys.readouterr().err
    for key in ("gender.F", "age.A18_28", "occupation.STUDENT"):
        ws.cell(rows[key], 2).value += 1
    wb.save(out)
    assert main(["import", "monthly_report", str(out), "--dry-run"]) == 0
    assert "4 изменения" in capsys.readouterr().out
    assert main(["import", "monthly_report", str(out)]) == 1      # submitted: a reason first
    assert "уже подан, а книга меняет 4 показателя" in capsys.readouterr().err
    assert main(["import", "monthly_report", str(out), "--reason", "акимат уточнил"]) == 0
    s = open_store()
    try:
        rec = s.list_records(form="monthly_report", org_unit="AST", period="2023-05")[0]
        assert rec["data"]["volunteers_total"] == old + 1 and rec["revision"] == 2
        assert s.revisions(rec["id"])[-1]["reason"] == "акимат уточнил"
    finally:
        s.close()


def test_roster_import_preview_mapping_commit(data_dir, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text("№;Ф.И.О.;Организацыя;Категория\n1;Иванов Иван;Фонд;STATE\n",
                    encoding="cp1251")
    args = ["import", "focus_group", str(path), "--org-unit", "ALA", "--period", "2023-09"]
    assert main([*args, "--dry-run"]) == 0                     # unsure column: said, used
    assert "Организацыя" in capsys.readouterr().err
    assert main([*args, "--dry-run", "--map", "Организацыя=organization"]) == 0
    out = capsys.readouterr().out
    assert "Иванов Иван" in out and "пробный запуск: 1 изменение" in out and "ничего не сохранено" in out
    assert main([*args, "--map", "C=organization"]) == 0
    s = open_store()
    try:
        rec = s.list_records(form="focus_group")[0]
        assert rec["data"]["participants"][0]["organization"] == "Фонд"
    finally:
        s.close()
    assert main([*args, "--map", "bad"]) == 1
