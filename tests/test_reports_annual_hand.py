"""The annual report of a SMALL hand-made year, read as its readers read it: Shymkent with
three districts (the third sends nothing), Akmola reporting as a region, three months, surveys
only in Shymkent. Every headline figure below is computed by hand in the comments."""
from __future__ import annotations

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from reports.annual import build_annual, write_report
from reports.annual.charts import MAX_HEIGHT, _barh_height
from reports.annual.docx_out import PAGE_CM, _compact, _needs
from reports.annual.model import UPRIGHT_MAX, Chart

YEAR = 2023
UNITS = [{"id": "SHY", "kind": "region", "region": "SHY"},
         {"id": "AKM", "kind": "region", "region": "AKM"}] + [
    {"id": f"SHY-D0{i}", "kind": "district", "region": "SHY"} for i in (1, 2, 3)]
# unit, month, volunteers, hours, events, support
ROWS = [("SHY-D01", 1, 100, 1000, 10, "YES"), ("SHY-D01", 2, 120, 2000, 5, "NO"),
        ("SHY-D01", 3, 1234, 500000, 7, "NOT_NEEDED"),
        ("SHY-D02", 1, 50, 300, 3, "NO"), ("SHY-D02", 2, 60, 400, 4, "NO"),
        ("AKM", 1, 1000000, 1234567, 20, "NO"), ("AKM", 3, 2000, 10, 1, "NO")]


def _monthly(unit, month, vol, hours, events, support) -> dict:
    data = {"volunteers_total": vol, "registered_orgs_count": 2, "initiative_groups_count": 3,
            "gender": {"F": round(vol * 0.6), "M": vol - round(vol * 0.6)},
            "age": {"A18_28": vol}, "occupation": {"STUDENT": vol},
            "volunteer_hours": hours, "volunteer_positions": 2 * events, "events_total": events,
            "events_by_direction": {"ECO": events}, "events_by_format": {"OFFLINE": events},
            "rfo_support_provided": support,
            "rfo_support_types": ["INFO"] if support == "YES" else [], "dev_events": []}
    return {"id": f"m-{unit}-{month}", "form": "monthly_report", "org_unit": unit,
            "period": f"{YEAR}-{month:02d}", "status": "submitted", "data": data,
            "deleted": False, "updated_at": f"{YEAR}-{month + 1:02d}-05T10:00:00Z"}


def _event(i: int, source: str | None) -> dict:
    data = {"title": f"Акция {i}", "date_start": f"{YEAR}-02-1{i}", "primary_direction": "ECO",
            "formats": ["OFFLINE"], "content_tags": ["MONUMENT_CLEANUP"],
            "is_volunteering": "YES", "known_to_rfo": "YES", "volunteers_count": 10,
            "volunteer_positions": 10, "volunteer_hours": 30.0, "beneficiaries_count": 5}
    if source:
        data["data_source"] = source
    return {"id": f"e{i}", "form": "event", "org_unit": "SHY-D01", "period": f"{YEAR}-02",
            "status": "submitted", "data": data, "deleted": False}


RECORDS = [_monthly(*r) for r in ROWS] + [_event(1, "RFO"), _event(2, None)]


@pytest.fixture(scope="module")
def report():
    return build_annual(RECORDS, UNITS, YEAR, lang="ru")


def test_headline_figures_by_hand(report):
    head = {r[0]: r[3] for r in report.table("headline").rows}
    # stocks: each unit's latest month: D01 March 1234 + D02 February 60 + AKM March 2000
    assert head["Волонтёров (на конец года)"] == 3_294
    assert head["Зарегистрированных организаций"] == 6 and head["Инициативных групп"] == 9
    # flows: events 10+5+7+3+4+20+1, hours 1000+2000+500000+300+400+1234567+10
    assert head["Мероприятий"] == 50 and head["Волонтёрских часов"] == 1_738_277
    assert head["Волонтёрских позиций"] == 100
    econ = {r[0]: r[1:] for r in report.table("economics_regions").rows}
    assert econ["Итого"] == [1_738_277, None, 1_738_277 * 1_728]          # 3 003 742 656 ₸
    done = {r[0]: r[1:] for r in report.table("completeness").rows}
    # Shymkent: 3 districts x 12 months expected, 5 received (the third district sent none)
    assert done["г. Шымкент (город республиканского значения)"][:2] == [36, 5]
    assert done["Акмолинская область"][:2] == [12, 2]


def test_support_months_say_what_is_missing(report):
    table = report.table("support_months")
    rows = {r[0]: r[1:] for r in table.rows}
    assert rows["Акмолинская область"][:4] == ["нет", "—", "нет", "—"]
    assert rows["г. Шымкент (город республиканского значения)"][:4] == ["да", "нет", "нет", "—"]
    assert "нет данных" not in {c for r in table.rows for c in r}   # a word that wrapped by letter
    assert table.note == "«—» — за месяц нет отчёта."
    every_month = [_monthly("AKM", m, 10, 10, 1, "NO") for m in range(1, 13)]
    full = build_annual(every_month, UNITS, YEAR, lang="ru").table("support_months")
    assert full.note == "" and "—" not in full.rows[0]       # no mark, no note explaining it
    words = [b for s in report.sections for b in s.blocks if isinstance(b, str)]
    # no region was supported every month: that sentence is left out, not «…: —.»
    assert "Поддержки не было ни разу за год: Акмолинская область." in words
    assert not any("каждый месяц" in w for w in words)
    assert not any(": —." in w or "— %" in w for w in words)


def test_no_development_events_is_a_sentence_not_an_empty_table(report):
    assert "dev_events" not in [t.id for t in report.tables()]
    words = [b for s in report.sections for b in s.blocks if isinstance(b, str)]
    assert "Мероприятий по развитию волонтёрства в отчётах за 2023 год нет." in words


def test_event_without_source_is_named_in_words(report):
    sources = [r[0] for r in report.table("coverage").rows]
    assert "Источник не указан" in sources and "UNSPECIFIED" not in sources


def test_charts_stay_readable():
    many = Chart("c", "t", "x", "bar", [f"Регион {i}" for i in range(20)],
                 {"2021": [1] * 20, "2022": [2] * 20, "2023": [3] * 20})
    few = Chart("c", "t", "x", "bar", [f"Регион {i}" for i in range(UPRIGHT_MAX)], {"n": [1] * 8})
    assert many.drawn_kind == "barh" and few.drawn_kind == "bar"
    assert _barh_height(many) == MAX_HEIGHT                   # 60 bars still fit one page
    pie = Chart("c", "t", "x", "pie", [f"k{i}" for i in range(20)], {"n": [1] * 20})
    assert pie.drawn_kind == "pie"


def test_docx_long_text_table_is_compact_and_rows_do_not_split(tmp_path):
    from reports.annual.model import Table
    text = "Сбор и распространение социальной и продуктовой помощи (17); " * 3
    table = Table("typical_events", "t", ["Регион", "Мероприятий", "Волонтёрство",
                                          "Сомнительно", "Не волонтёрство", "Типичное содержание"],
                  [["Акмолинская область", 150, 133, 12, 5, text]])
    assert sum(_needs(table, 1.0)[0]) > PAGE_CM and _compact(table)
    report = build_annual(RECORDS, UNITS, YEAR, lang="ru")
    path = write_report(report, tmp_path / "r.docx")
    grids = {g._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")): g
             for g in Document(str(path)).tables}
    for grid in grids.values():
        for row in grid.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    # a short table moves whole: not its header and «до 14» at a page's foot (seen in Akmola's)
    age = grids["age"].rows
    assert all(p.paragraph_format.keep_with_next for r in age[:-1] for c in r.cells
               for p in c.paragraphs)
    assert not age[-1].cells[0].paragraphs[0].paragraph_format.keep_with_next


def test_xlsx_sheets_named_in_the_readers_language(tmp_path):
    report = build_annual(RECORDS, UNITS, YEAR, lang="kk")
    wb = openpyxl.load_workbook(write_report(report, tmp_path / "r.xlsx"))
    assert wb.sheetnames[0] == "Мазмұны"
    assert wb.sheetnames[1:] == [f"Кесте {i}" for i in range(1, len(report.tables()) + 1)]
    ws = next(w for w in wb.worksheets if w.sheet_properties.codeName == "economics_regions")
    total = next(r for r in ws.iter_rows(min_row=3) if r[0].value == "Барлығы")
    assert total[3].value == 3_003_742_656 and total[3].number_format == "#,##0"


def test_every_rule_the_checks_raise_has_a_title_in_each_language():
    import re
    from pathlib import Path

    from reports.annual.text import LANGS, catalogue, rule_name
    root = Path(__file__).resolve().parents[1]
    raised = {m for folder in ("forms", "reports") for f in (root / folder).rglob("*.py")
              for m in re.findall(r'"(VR-\d\d)"', f.read_text(encoding="utf-8"))}
    assert raised and all(set(catalogue()[f"rule_{r}"]) >= set(LANGS) for r in raised)
    assert rule_name("VR-06", "kk") == "VR-06 · Күмәнді сағаттар"


def test_decimals_written_as_each_language_writes_them(tmp_path):
    from reports.annual.text import num
    assert num(1234567.25, "ru") == "1\u202f234\u202f567,25" and num(30.2, "kk") == "30,2"
    assert num(30.2, "en") == "30.2" and num(3294, "ru") == "3\u202f294"
    # positions per volunteer: 100 / 3 294 = 0.03, in the text and in the tables
    for lang, share in (("ru", "0,03"), ("en", "0.03")):
        report = build_annual(RECORDS, UNITS, YEAR, lang=lang)
        path = write_report(report, tmp_path / f"r_{lang}.docx")
        doc = Document(str(path))
        assert any(f"100 ({share} " in p.text for p in doc.paragraphs), lang
        cells = {c.text for g in doc.tables for r in g.rows for c in r.cells}
        assert ("16,7" in cells) == (lang == "ru") and ("16.7" in cells) == (lang == "en")
    assert all(c.lang == "en" for c in report.charts()) and report.charts()


def test_one_region_is_not_compared_with_itself(report):
    assert "occupation_extremes" in [t.id for t in report.tables()]       # two regions
    alone = build_annual(RECORDS, UNITS, YEAR, lang="ru", region="AKM")
    assert "occupation_extremes" not in [t.id for t in alone.tables()]
    assert [r[0] for r in alone.table("occupation_regions").rows] == ["Акмолинская область"]
