"""Coverage of sources (VR-29): reports.coverage on canonical records from a real store, and
`esep report coverage` through cli.main.main."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from reports.aggregate import PeriodError
from reports.coverage import coverage
from store import open_store
from tests.test_forms_samples import event_data

UNITS = [{"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абай"},
         {"id": "ALA-MED", "kind": "district", "region": "ALA", "name_ru": "Медеу"},
         {"id": "ASTANA", "kind": "region", "region": "AST", "name_ru": "Астана"}]


def _event(store, n: int, *, unit="SHY-ABAY", date="2024-03-16", version=2, **data) -> dict:
    rec = {"form": "event", "form_version": version, "org_unit": unit,
           "data": event_data(title=f"Уборка берега, участок {n}", date_start=date, **data)}
    return store.save_record(rec, user="district")


@pytest.fixture
def filled(data_dir):
    """Five live events (2 of version 1), one deleted, one monthly report (not an event)."""
    s = open_store(Path(data_dir) / "esep.sqlite3", user="district")
    s.upsert_org_units(UNITS)
    _event(s, 1, version=1, volunteers_count=10, volunteer_positions=10, volunteer_hours=40.0)
    _event(s, 2, version=1, data_source="CPGI_GRANT", volunteers_count=4,
           volunteer_positions=4, volunteer_hours=None)
    _event(s, 3, data_source="RFO", known_to_rfo="YES", volunteers_count=20,
           volunteer_positions=20, volunteer_hours=60.5)
    _event(s, 4, unit="ALA-MED", date="2024-05-02", data_source="CPGI_GRANT",
           known_to_rfo="NO", volunteers_count=30, volunteer_positions=30, volunteer_hours=90.0)
    _event(s, 5, unit="ASTANA", date="2023-12-30", data_source="SURVEY", known_to_rfo="YES",
           volunteers_count=6, volunteer_positions=6, volunteer_hours=9.5)
    gone = _event(s, 6, data_source="RFO", known_to_rfo="YES", volunteers_count=1000,
                  volunteer_positions=1000, volunteer_hours=1000.0)
    s.delete_record(gone["id"], user="district", reason="entered twice")
    s.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-03",
                   "data": {"volunteers_total": 500}}, user="district")
    s.close()
    return data_dir


def _records(data_dir, **filters) -> list[dict]:
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        return s.list_records(include_deleted=True, **filters)
    finally:
        s.close()


def test_counts_by_source_and_known(filled):
    records = _records(filled)
    assert sum(r["deleted"] for r in records) == 1          # the tombstone is in the input
    res = coverage(records)
    assert res["total"] == {"events": 5, "volunteers": 70, "hours": 200}
    assert res["by_form_version"] == {"1": 2, "2": 3}
    assert res["by_known"] == {
        "YES": {"events": 2, "volunteers": 26, "hours": 70},
        "NO": {"events": 1, "volunteers": 30, "hours": 90},
        "UNKNOWN": {"events": 2, "volunteers": 14, "hours": 40}}      # both version 1 events
    assert [(r["data_source"], r["known_to_rfo"], r["events"]) for r in res["rows"]] == [
        ("CPGI_GRANT", "NO", 1), ("CPGI_GRANT", "UNKNOWN", 1), ("RFO", "YES", 1),
        ("SURVEY", "YES", 1), ("UNSPECIFIED", "UNKNOWN", 1)]
    grant = res["by_source"]["CPGI_GRANT"]
    assert grant["total"] == {"events": 2, "volunteers": 34, "hours": 90}
    assert grant["known_share"] == {"events": 0.0, "volunteers": 0.0, "hours": 0.0}
    assert res["by_source"]["RFO"]["known_share"]["events"] == 1.0
    assert res["known_share"] == {"events": 0.4, "volunteers": round(26 / 70, 4),
                                  "hours": 0.35}
    assert json.loads(json.dumps(res)) == res                          # plain JSON


def test_period_and_region_filters(filled):
    records = _records(filled)
    units = {u["id"]: u for u in UNITS}
    march = coverage(records, period_spec="2024-03")
    assert march["total"]["events"] == 3 and march["period"] == "2024-03"
    year = coverage(records, period_spec="2024")
    assert year["total"] == {"events": 4, "volunteers": 64, "hours": 190.5}
    assert year["known_share"]["events"] == 0.25
    ala = coverage(records, region="ALA", units=units)
    assert [(r["data_source"], r["known_to_rfo"]) for r in ala["rows"]] == [("CPGI_GRANT", "NO")]
    ast = coverage(records, region="AST", units=units)              # region-level unit
    assert ast["total"]["events"] == 1
    assert coverage(records, region="AST")["total"]["events"] == 0  # no table: code prefix
    empty = coverage(records, period_spec="2020")
    assert empty["total"]["events"] == 0 and empty["rows"] == []
    assert empty["known_share"] == {"events": None, "volunteers": None, "hours": None}
    with pytest.raises(PeriodError, match="bad month"):
        coverage(records, period_spec="2024-13")


def test_cli_report_coverage(filled, capsys):
    assert main(["report", "coverage", "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["total"]["events"] == 5 and res["by_known"]["UNKNOWN"]["events"] == 2
    assert main(["report", "coverage", "--period", "2024-01..2024-06", "--region", "SHY",
                 "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["total"] == {"events": 3, "volunteers": 34, "hours": 100.5}
    assert res["region"] == "SHY" and res["period"] == "2024-01..2024-06"
    assert main(["report", "coverage", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Civil Initiatives Support Centre grant project" in text
    assert "known to RFO" in text and "40.0%" in text
    assert main(["report", "coverage", "--period", "2024-13"]) == 1
    assert "такого месяца нет" in capsys.readouterr().err  # ru by default
    assert main(["report", "coverage", "--region", "XXX"]) == 1
    assert "Неизвестный регион" in capsys.readouterr().err
