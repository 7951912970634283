"""Field semantics are data: a headline stock field added to a copy of the monthly report's
definition (a TOML edit plus its translations, no Python change) appears in the dashboard's
headline figures, the summary workbook and the rules that compare stock fields."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from forms import DefinitionError, form_from_text, load_form, reload_forms
from forms.paths import app_root
from forms.quality import run_quality

MENTORS = '''
[[sections.fields]]
id = "mentors_total"
type = "integer"
min = 0
aggregation = "stock"
headline = true
label = { ru = "Количество наставников волонтёров", kk = "Волонтерлер тәлімгерлерінің саны", en = "Number of volunteer mentors" }
short_label = { ru = "Наставники", kk = "Тәлімгерлер", en = "Mentors" }

'''
UNITS = [
    {"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "Шымкент", "reports": True},
    {"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абай", "reports": True},
]


def add_mentors(root: Path) -> None:
    """Copy the shipped definitions and reference data to `root`, with the new field in
    block B of the monthly report."""
    shutil.copytree(app_root() / "forms" / "definitions", root / "forms" / "definitions")
    shutil.copytree(app_root() / "resources", root / "resources")
    path = root / "forms" / "definitions" / "monthly_report.toml"
    text = path.read_text(encoding="utf-8")
    marker = "# --- Block C: events (flow)"
    assert marker in text
    path.write_text(text.replace(marker, MENTORS.lstrip() + marker), encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    add_mentors(tmp_path)
    monkeypatch.setenv("ESEP_APP_ROOT", str(tmp_path))
    reload_forms()
    yield tmp_path
    monkeypatch.delenv("ESEP_APP_ROOT")
    reload_forms()


def report(unit: str, period: str, mentors: int, volunteers: int, rid: str) -> dict:
    return {"id": rid, "form": "monthly_report", "form_version": 1, "org_unit": unit,
            "period": period, "status": "submitted", "updated_at": f"{period}-15T00:00:00Z",
            "data": {"volunteers_total": volunteers, "mentors_total": mentors,
                     "events_total": 2, "volunteer_hours": 10.0, "volunteer_positions": 3,
                     "rfo_support_provided": "NO"}}


RECORDS = [report("SHY-ABAY", "2024-01", 5, 100, "a1"), report("SHY-ABAY", "2024-02", 7, 110, "a2"),
           report("SHY", "2024-01", 3, 50, "r1")]


def test_the_shipped_definition_has_no_such_field():
    assert "mentors_total" not in [f.id for f in load_form("monthly_report").headline_fields]


def test_the_new_field_is_a_headline_stock_field(site):
    form = load_form("monthly_report")
    assert form.source_path.startswith(str(site))
    assert "mentors_total" in [f.id for f in form.headline_fields]
    assert "mentors_total" in [f.id for f in form.stock_fields]


def test_dashboard_figures_show_it_as_a_stock(site):
    pytest.importorskip("PySide6")
    from desktop.dashboard_page import dashboard_figures, headline_keys
    fig = dashboard_figures(RECORDS, ["2024-01", "2024-02"], units=UNITS)
    assert fig["mentors_total"] == 7 + 3          # each unit's latest report, summed
    assert fig["events_total"] == 6               # a flow: every report
    assert "mentors_total" in headline_keys()


def test_summary_workbook_has_its_row(site, tmp_path):
    from reports.summary import build_summary
    out = build_summary(RECORDS, UNITS, "2024", tmp_path / "s.xlsx", lang="ru")
    ws = openpyxl.load_workbook(out).worksheets[0]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert rows["Наставники"][0] == 10
    regions = openpyxl.load_workbook(out).worksheets[8]
    assert "Наставники" in [c.value for c in regions[2]] + [c.value for c in regions[1]]


def test_vr02_compares_the_new_stock_field(site):
    form = load_form("monthly_report")
    before = report("SHY-ABAY", "2024-01", 40, 100, "a1")
    now = report("SHY-ABAY", "2024-02", 200, 100, "a2")
    found = run_quality(form, now, now["data"], history=[before])
    jumps = [f for f in found if f.rule == "VR-02"]
    assert [f.fields for f in jumps] == [["mentors_total"]]
    assert jumps[0].params["previous"] == 40


BAD = [('aggregation = "stock"', 'aggregation = "stocks"', "aggregation must be one of"),
       ('headline = true', 'headline = "yes"', "headline must be true or false"),
       ('min = 0\naggregation', 'min = 0\nchart = "pie"\naggregation', "chart"),
       ('aggregation = "stock"', 'measure = "hours"\naggregation = "stock"', None)]


@pytest.mark.parametrize(("old", "new", "message"), BAD)
def test_bad_semantics_name_file_and_line(old, new, message):
    text = (app_root() / "forms" / "definitions" / "monthly_report.toml").read_text("utf-8")
    marker = "# --- Block C: events (flow)"
    text = text.replace(marker, MENTORS.lstrip().replace(old, new, 1) + marker)
    if message is None:   # a valid change: an integer may be a measure
        assert form_from_text(text, "m.toml").field("mentors_total").measure == "hours"
        return
    with pytest.raises(DefinitionError) as err:
        form_from_text(text, "m.toml")
    key_line = new.split("\n")[1] if "\n" in new else new   # the line of the changed key
    line = text[:text.index(key_line, text.index('id = "mentors_total"'))].count("\n") + 1
    assert message in str(err.value)
    assert err.value.line == line and str(err.value).startswith(f"m.toml:{line}: ")
