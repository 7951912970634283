"""Exports (xlsx / csv / json, personal fields left out unless asked), re-import of an
exported table, and the summary workbook (sheets, native charts, LibreOffice PDF)."""
from __future__ import annotations

import json
import shutil
import subprocess

import openpyxl
import pytest

from reports.io import export_file, import_file
from reports.summary import build_summary
from reports.synthetic import synthetic_year
from store import open_store
from tests.test_reports_template import DATA

FG = {"date": "2023-09-14", "city": "Тараз", "participants": [
    {"no": 1, "full_name": "Чагай Николай", "organization": "Lider.kz",
     "participant_category": "STUDENT", "phone": "+77010000000", "consent": "YES"},
    {"no": 2, "full_name": "Саги А.", "organization": "New Wave",
     "participant_category": "STATE", "consent": "NOT_ASKED"}]}


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "a.sqlite3", user="aigerim")
    for p, n in (("2023-05", 604), ("2023-06", 610)):
        s.save_record({"form": "monthly_report", "org_unit": "SHY", "period": p,
                       "data": dict(DATA, volunteers_total=n, volunteer_hours=1500.5)},
                      user="aigerim")
    s.save_record({"form": "focus_group", "org_unit": "ZHA", "period": "2023-09", "data": FG},
                  user="aigerim")
    yield s
    s.close()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_and_reimport_identical(store, tmp_path, fmt):
    for form in ("monthly_report", "focus_group"):
        recs = store.list_records(form=form, order_by="period")
        out = export_file(recs, form, fmt, tmp_path / f"{form}.{fmt}", include_personal=True)
        other = open_store(tmp_path / f"b-{form}-{fmt}.sqlite3", user="x")
        try:
            dry = import_file(other, form, out, user="x", dry_run=True)
            assert not dry.errors, dry.problems
            assert other.count_records() == 0
            import_file(other, form, out, user="x")
            back = other.list_records(form=form, order_by="period")
            assert [r["data"] for r in back] == [r["data"] for r in recs]
            assert [r["id"] for r in back] == [r["id"] for r in recs]
        finally:
            other.close()


def test_personal_fields_left_out_unless_asked(store, tmp_path):
    recs = store.list_records(form="focus_group")
    out = export_file(recs, "focus_group", "xlsx", tmp_path / "fg.xlsx")
    wb = openpyxl.load_workbook(out)
    text = json.dumps([[c for c in r] for ws in wb for r in ws.iter_rows(values_only=True)],
                      ensure_ascii=False, default=str)
    assert "Чагай" not in text and "+7701" not in text and "Lider.kz" in text
    assert wb["participants"]["A1"].value == "record_id"
    out = export_file(recs, "focus_group", "json", tmp_path / "fg.json")
    assert "Чагай" not in out.read_text(encoding="utf-8")
    out = export_file(recs, "focus_group", "json", tmp_path / "fg2.json", include_personal=True)
    assert json.loads(out.read_text(encoding="utf-8"))["records"][0]["data"] == FG
    out = export_file(recs, "focus_group", "csv", tmp_path / "fg.csv", lang="en")
    assert "Чагай" not in (tmp_path / "fg.participants.csv").read_text(encoding="utf-8-sig")


def test_bad_cell_in_table_names_row_and_column(store, tmp_path):
    recs = store.list_records(form="monthly_report", order_by="period")
    out = export_file(recs, "monthly_report", "csv", tmp_path / "m.csv")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    keys = lines[0].split(",")
    cells = lines[2].split(",")
    cells[keys.index("volunteers_total")] = "abc"
    lines[2] = ",".join(cells)
    out.write_text("\n".join(lines), encoding="utf-8")
    other = open_store(tmp_path / "c.sqlite3", user="x")
    try:
        res = import_file(other, "monthly_report", out, user="x", dry_run=True)
        assert any(p["row"] == 3 and p["column"] == "volunteers_total" for p in res.errors)
    finally:
        other.close()


@pytest.fixture(scope="module")
def summary_file(tmp_path_factory):
    recs, units = synthetic_year(2023)
    out = tmp_path_factory.mktemp("sum") / "summary.xlsx"
    fg = {"id": "f", "form": "focus_group", "org_unit": "ZHA", "period": "2023-09",
          "data": FG}
    return build_summary(recs, units, "2023", out, rosters=[fg]), recs, units, fg


def test_summary_workbook_sheets_charts_values(summary_file):
    out, *_ = summary_file
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["Итоги", "Волонтёры", "Организации"]
    assert "Полнота" in wb.sheetnames and "Экономический вклад" in wb.sheetnames
    values = {r[0]: r[1] for r in wb["Итоги"].iter_rows(values_only=True) if r and r[0]}
    assert values["Волонтёров"] == 217_391 and values["Волонтёрских часов"] == 1_161_613
    assert values["Инициативных групп"] == 1_882
    charts = sum(len(ws._charts) for ws in wb.worksheets)
    assert charts >= 10
    assert "Списки участников" not in wb.sheetnames          # personal data only if asked
    text = " ".join(str(c) for ws in wb for r in ws.iter_rows(values_only=True) for c in r)
    assert "Чагай" not in text
    eco = [r for r in wb["Экономический вклад"].iter_rows(values_only=True) if r and r[0]]
    assert any(r[2] == 3_456_000_000 for r in eco if len(r) > 2)


def test_summary_personal_and_region_and_language(summary_file, tmp_path):
    _, recs, units, fg = summary_file
    out = build_summary(recs, units, "2023", tmp_path / "p.xlsx", rosters=[fg],
                        include_personal=True, region="ZHA", lang="kk")
    wb = openpyxl.load_workbook(out)
    assert "Қатысушылар тізімі" in wb.sheetnames and wb.sheetnames[0] == "Қорытынды"
    names = [r[4] for r in wb["Қатысушылар тізімі"].iter_rows(values_only=True)]
    assert "Чагай Николай" in names
    regions = [r[0] for r in wb["Өңірлер бойынша"].iter_rows(min_row=3, values_only=True)]
    assert len(regions) == 1


@pytest.mark.skipif(not shutil.which("libreoffice") or not shutil.which("pdftoppm"),
                    reason="libreoffice / poppler not installed")
def test_summary_converts_to_pdf_with_charts(summary_file, tmp_path):
    out, *_ = summary_file
    res = subprocess.run(["libreoffice", "--headless", "-env:UserInstallation=file://"
                          + str(tmp_path / "lo"), "--convert-to", "pdf", "--outdir",
                          str(tmp_path), str(out)], capture_output=True, text=True, timeout=180,
                         check=False)
    pdf = tmp_path / "summary.pdf"
    assert res.returncode == 0 and pdf.exists(), res.stderr
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "2", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    png = next(tmp_path.glob("page*.png"))
    data = png.read_bytes()
    assert len(data) > 3000          # a chart page, not a blank one


def test_workbook_labels_have_three_languages_and_fit_sheet_names():
    from reports.labels import labels, t

    for key, entry in labels().items():
        assert all(entry.get(lang) for lang in ("ru", "kk", "en")), key
    for key in ("summary", "volunteers", "organizations", "events", "hours", "completeness",
                "economics", "regions", "districts", "people"):
        assert all(len(t(key, lang)) <= 31 for lang in ("ru", "kk", "en")), key
    assert t("no_such_label", "kk") == "no_such_label"
