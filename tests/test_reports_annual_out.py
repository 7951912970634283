"""The annual report's other outputs and edges: .xlsx with native charts, PDF through
LibreOffice, kk / en texts, one region, missing sources said in words, cancel, the CLI."""
from __future__ import annotations

import shutil

import openpyxl
import pytest
from docx import Document

from main import main
from reports.annual import Cancelled, build_annual, write_report
from reports.synthetic_visits import synthetic_national
from store import open_store

YEAR = 2023


@pytest.fixture(scope="module")
def demo():
    return synthetic_national(YEAR, events=400)


def test_xlsx_has_every_table_and_native_charts(demo, tmp_path):
    report = build_annual(*demo, YEAR, lang="en")
    path = write_report(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    # sheets named in the reader's language as the document numbers its tables; the stable
    # id is the sheet's code name (a Russian clerk saw «headline», «support_months» tabs)
    assert wb.sheetnames[0] == "Contents"
    assert wb.sheetnames[1:] == [f"Table {i}" for i in range(1, len(report.tables()) + 1)]
    by_id = {ws.sheet_properties.codeName: ws for ws in wb.worksheets[1:]}
    assert list(by_id) == [t.id for t in report.tables()]
    charted = {ws.sheet_properties.codeName: ws._charts for ws in wb.worksheets if ws._charts}
    assert set(charted) == {c.table for c in report.charts()}
    ws = by_id["headline"]
    assert [c.value for c in ws[2]] == ["Figure", "2021", "2022", "2023"]
    assert ws.cell(row=3, column=4).value == 217_391
    # a count shows its thousands, a share its decimals, in Excel's own formats
    assert ws.cell(row=3, column=4).number_format == "#,##0"
    shares = by_id["occupation"]
    assert shares.cell(row=3, column=3).number_format == "#,##0.0#"
    assert wb["Contents"]["A5"].hyperlink.location == "'Table 1'!A1"


def test_kk_text_and_one_region(demo, tmp_path):
    report = build_annual(*demo, YEAR, lang="kk", region="SHY")
    assert report.title == "Еріктілік сандармен — 2023"
    assert "Шымкент" in report.subtitle
    assert [r[0] for r in report.table("volunteers_by_region").rows] == ["Шымкент қаласы (республикалық маңызы бар қала)"]
    path = write_report(report, tmp_path / "r.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Сауалнама деректері жоқ" not in text and "Еріктілер сауалнамасы:" in text


def test_missing_sources_are_words_not_zeros():
    report = build_annual([], [], YEAR, lang="ru")
    assert [t.id for t in report.tables()] == ["headline", "findings"]
    assert all(cell == "нет данных" for row in report.table("headline").rows for cell in row[1:])
    words = [b for s in report.sections for b in s.blocks if isinstance(b, str)]
    for phrase in ("Нет данных опроса", "Нет ежемесячных отчётов за 2023 год",
                   "Нет данных горячей линии", "Нет данных фокус-групп",
                   "Нет анкет госслужащих", "Нет карточек мероприятий"):
        assert any(phrase in w for w in words), phrase
    assert not report.charts()


def test_cancel_stops_the_build(demo):
    calls = []
    with pytest.raises(Cancelled):
        build_annual(*demo, YEAR, progress=lambda d, n: calls.append(d),
                     cancelled=lambda: len(calls) >= 2)
    assert calls == [1, 2]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_pdf_through_libreoffice(demo, tmp_path):
    report = build_annual(*demo, YEAR, lang="kk")
    path = write_report(report, tmp_path / "r.pdf")
    head = path.read_bytes()[:5]
    assert head == b"%PDF-" and path.stat().st_size > 50_000


def test_cli_demo_then_annual(data_dir, tmp_path, capsys):
    assert main(["demo", "--year", "2023", "--events", "200"]) == 0
    assert "загружено демо-записей: " in capsys.readouterr().out
    s = open_store()
    assert s.count_records(form="hotline_appeal") == 2_712
    units = {u["id"]: u for u in s.org_units()}
    s.close()
    # the demo's units are named in each language, not «KAR» / «KAR район 2» (a Kazakh
    # clerk trying the demo read codes and a Russian word in every list and grid)
    assert units["KAR"]["name_kk"] == "Қарағанды облысы"
    assert units["KAR-D02"]["name_kk"] == "Қарағанды облысы, 2-аудан"
    assert units["KAR-D02"]["name_ru"] == "Карагандинская область, район 2"
    assert units["KAR-D02"]["name_en"] == "Karaganda Region, district 2"
    out = tmp_path / "a.docx"
    assert main(["report", "annual", "--year", "2023", "--lang", "en", "-o", str(out)]) == 0
    tables = Document(str(out)).tables
    assert tables[0].rows[1].cells[3].text == "217\u202f391"
    assert main(["report", "annual", "--year", "2023", "-o", str(tmp_path / "a.odt")]) == 1
    assert ".docx, .xlsx или .pdf" in capsys.readouterr().err
    assert main(["report", "annual", "--year", "2023", "--region", "XX", "-o",
                 str(out)]) == 1
    assert "Неизвестный регион" in capsys.readouterr().err


def test_cli_annual_without_matplotlib_draws_with_qt(data_dir, tmp_path, monkeypatch, capsys):
    """The desktop build carries no matplotlib: its `esep report annual` drew no chart and
    died with a traceback (ModuleNotFoundError). It now draws them with Qt, offscreen."""
    import sys

    assert main(["demo", "--year", "2023", "--events", "20"]) == 0
    monkeypatch.setitem(sys.modules, "matplotlib", None)       # import matplotlib fails
    monkeypatch.delitem(sys.modules, "reports.annual.charts", raising=False)
    out = tmp_path / "qt.docx"
    assert main(["report", "annual", "--year", "2023", "-o", str(out)]) == 0
    pictures = Document(str(out)).inline_shapes
    assert len(pictures) >= 5 and all(p.width > 0 for p in pictures)
