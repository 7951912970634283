"""Events fill the monthly report (issue 16): exact sums, the disagreement rule both ways, the
hotline's closing date and response time."""
from __future__ import annotations

import copy

import pytest

from forms import load_form, validate_record
from reports.event_fill import fill_from_events, sum_events
from reports.hotline import response_days, response_summary
from reports.quality_review import review
from tests.event_samples import MARCH, MARCH_SUMS, event, seed_events


def test_sum_events_counts_only_volunteering_events():
    march = [e for e in MARCH if e["org_unit"] == "SHY-ABAY" and e["period"] == "2026-03"]
    assert sum_events(march) == MARCH_SUMS
    from reports.event_fill import counted, sum_counted
    totals = {k: v for k, v in MARCH_SUMS.items() if not isinstance(v, dict)}
    assert sum_counted([e for e in march if counted(e)], breakdowns=False) == totals
    assert sum_events([]) == {"events_total": 0, "events_by_direction": {},
                              "events_by_format": {}, "volunteer_hours": 0,
                              "volunteer_positions": 0}


def test_fill_from_events_reads_the_store(tmp_path):
    from store import open_store
    with open_store(tmp_path / "s.sqlite3") as store:
        seed_events(store)
        report = {"org_unit": "SHY-ABAY", "period": "2026-03", "data": {"volunteers_total": 9}}
        assert fill_from_events(store, report) == {"volunteers_total": 9, **MARCH_SUMS}
        store.delete_record(MARCH[0]["id"], user="aigerim", reason="duplicate")
        left = fill_from_events(store, report)
        assert left["events_total"] == 2 and left["volunteer_hours"] == 19.5


def _report(status="submitted", **figures) -> dict:
    data = {"volunteers_total": 40, **{k: v for k, v in MARCH_SUMS.items()}, **figures}
    return {"id": "rep-1", "form": "monthly_report", "form_version": 1, "org_unit": "SHY-ABAY",
            "period": "2026-03", "status": status, "data": data, "deleted": False}


def _mismatch(records, lang="ru"):
    return [f for f in review(records, use_forms=False, lang=lang)
            if f["rule"] == "events-vs-report"]


def test_rule_is_silent_when_report_and_events_agree():
    assert _mismatch([*copy.deepcopy(MARCH), _report()]) == []
    # within the tolerance (10 %) and below the least difference
    assert _mismatch([*copy.deepcopy(MARCH), _report(volunteer_hours=60,
                                                     volunteer_positions=17)]) == []


def test_rule_fires_naming_both_figures():
    found = _mismatch([*copy.deepcopy(MARCH), _report(events_total=12, volunteer_hours=300)])
    by_field = {f["fields"][0]: f for f in found}
    assert set(by_field) == {"events_total", "volunteer_hours"}
    hours = by_field["volunteer_hours"]
    assert hours["severity"] == "warning" and hours["record_id"] == "rep-1"
    assert hours["params"]["reported"] == 300 and hours["params"]["events"] == 59.5
    assert "300" in hours["message"] and "59.5" in hours["message"]
    assert "Количество волонтёрских часов" in hours["message"]
    en = {f["fields"][0]: f for f in _mismatch([*copy.deepcopy(MARCH),
                                                _report(events_total=12)], "en")}
    assert en["events_total"]["message"].startswith("“Total number of events”: the report "
                                                    "says 12, the month's events add up to 3")


def test_rule_ignores_drafts_and_districts_without_events():
    assert _mismatch([*copy.deepcopy(MARCH), _report("draft", events_total=50)]) == []
    other = _report(events_total=50) | {"org_unit": "SHY-ALFARABI"}
    assert _mismatch([*copy.deepcopy(MARCH), other]) == []


def _appeal(**data):
    base = {"received_at": "2026-03-02", "channel": "PHONE", "purpose": "JOIN",
            "volunteering_related": True, "applicant_country": "KZ",
            "applicant_region": "SHY", "result_status": "RESOLVED"}
    return {"form": "hotline_appeal", "form_version": 2, "org_unit": "SHY", "period": "2026-03",
            "data": {**base, **data}}


def test_hotline_v2_has_a_closing_date_and_response_days():
    form = load_form("hotline_appeal")
    assert form.version == 2 and form.field("closed_at").type == "date"
    assert response_days(_appeal(closed=True, closed_at="2026-03-09")) == 7
    assert response_days(_appeal()) is None
    summary = response_summary([_appeal(closed=True, closed_at="2026-03-09"),
                                _appeal(closed=True, closed_at="2026-03-03"), _appeal()])
    assert summary == {"closed": 2, "mean_days": 4.0, "median_days": 4.0, "max_days": 7}


@pytest.mark.parametrize("data,code", [({"closed": True}, "closed_date_missing"),
                                       ({"closed_at": "2026-03-01"}, "closed_before_received")])
def test_hotline_closing_date_rules(data, code):
    form = load_form("hotline_appeal", 2)
    codes = {f.message_code for f in validate_record(form, _appeal(**data))}
    assert code in codes
    assert not {"closed_date_missing", "closed_before_received"} & {
        f.message_code for f in validate_record(form, _appeal(closed=True,
                                                              closed_at="2026-03-05"))}


def test_event_helper_is_valid_event():
    rec = event("SHY-ABAY", "2026-03-02", hours=1, positions=1)
    errors = [f for f in validate_record(load_form("event", 2), rec) if f.severity == "error"]
    assert errors == []
