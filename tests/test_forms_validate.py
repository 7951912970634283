"""validate_record: field types, required, bounds, codes, roster rows, rules, period."""
from __future__ import annotations

from test_forms_samples import (
    by_rule,
    event_data,
    findings_for,
    focus_group_data,
    monthly_data,
    record,
    rules_of,
)

from forms import (
    Finding,
    blocking,
    has_errors,
    load_form,
    message_text,
    record_period,
    validate_record,
)


def test_clean_monthly_report_has_no_findings():
    assert findings_for("monthly_report", monthly_data()) == []


def test_acceptance_gender_split_not_adding_up():
    data = monthly_data(gender={"F": 330, "M": 270})
    found = findings_for("monthly_report", data)
    gender = by_rule(found, "VR-03-gender")
    assert len(gender) == 1
    f = gender[0]
    assert f.severity == "error"
    assert f.fields == ["gender", "volunteers_total"]
    assert f.message_code == "sum_mismatch"
    assert f.params["sum"] == 600 and f.params["total"] == 604
    assert "600" in message_text(f.message_code, "ru", f.params)
    assert "604" in message_text(f.message_code, "kk", f.params)
    assert has_errors(found)
    assert rules_of(found, "error") == {"VR-03-gender"}


def test_breakdowns_direction_and_format_sums():
    found = findings_for("monthly_report", monthly_data(events_by_direction={"ECO": 36}))
    assert rules_of(found) == {"VR-03-direction"}
    found = findings_for("monthly_report", monthly_data(events_by_format={"ONLINE": 3}))
    assert rules_of(found) == {"VR-03-format"}
    found = findings_for("monthly_report", monthly_data(events_by_direction=None))
    assert rules_of(found) == {"VR-03-direction-present"}
    found = findings_for("monthly_report", monthly_data(events_by_format={}))
    assert rules_of(found) == {"VR-03-format-present"}
    zero = monthly_data(events_total=0, events_by_direction={}, events_by_format={},
                        non_volunteer_events_flagged=0)
    assert findings_for("monthly_report", zero) == []


def test_types_bounds_and_codes_name_the_field():
    data = monthly_data(volunteers_total="604", registered_orgs_count=-1,
                        gender={"F": 330, "X": 274}, rfo_support_types=["INFO", "MAGIC"],
                        volunteer_hours=float("nan"))
    found = {(f.message_code, tuple(f.fields)) for f in findings_for("monthly_report", data)}
    assert ("not_integer", ("volunteers_total",)) in found
    assert ("below_min", ("registered_orgs_count",)) in found
    assert ("unknown_code", ("gender.X",)) in found
    assert ("unknown_code", ("rfo_support_types[1]",)) in found
    assert ("not_number", ("volunteer_hours",)) in found


def test_required_and_vr08_tri_state():
    data = monthly_data()
    del data["rfo_support_provided"]
    found = findings_for("monthly_report", data)
    vr08 = by_rule(found, "VR-08")
    assert vr08 and vr08[0].severity == "error" and vr08[0].fields == ["rfo_support_provided"]
    data["rfo_support_provided"] = "MAYBE"
    assert any(f.message_code == "unknown_code" for f in findings_for("monthly_report", data))


def test_vr07_support_without_type_and_vague_text():
    found = findings_for("monthly_report", monthly_data(rfo_support_types=[]))
    assert rules_of(found, "error") == {"VR-07"}
    found = findings_for("monthly_report", monthly_data(rfo_support_text="Всесторонняя  помощь"))
    vague = by_rule(found, "VR-07")
    assert vague and vague[0].message_code == "support_text_vague"
    found = findings_for("monthly_report", monthly_data(rfo_support_provided="NOT_NEEDED",
                                                        rfo_support_types=[]))
    assert not has_errors(found)


def test_roster_rows_are_named():
    rows = monthly_data()["dev_events"]
    rows[1]["dev_event_type"] = None
    rows[1]["dev_events_count"] = "two"
    found = findings_for("monthly_report", monthly_data(dev_events=rows))
    paths = {(f.rule, f.fields[0]) for f in found}
    assert ("VR-15", "dev_events[1].dev_event_type") in paths
    assert ("type", "dev_events[1].dev_events_count") in paths
    f = next(f for f in found if f.rule == "VR-15")
    text = message_text(f.message_code, "ru", f.params, form=load_form("monthly_report"))
    assert "строка 2" in text and "Вид мероприятия" in text


def test_focus_group_participant_rows():
    data = focus_group_data()
    data["participants"][2]["participant_category"] = ""
    data["participants"][1]["full_name"] = None
    found = findings_for("focus_group", data)
    assert {(f.rule, f.fields[0]) for f in found if f.severity == "error"} == {
        ("VR-21", "participants[2].participant_category"),
        ("required", "participants[1].full_name")}
    f = by_rule(found, "VR-21")[0]
    assert f.params["row"] == 3


def test_period_derivation_and_mismatch():
    ev = load_form("event", version=1)
    rec = record("event", event_data(), period=None)
    assert record_period(ev, rec) == "2024-03"
    assert record_period(load_form("monthly_report"), record()) == "2024-03"
    rec["period"] = "2024-04"
    found = validate_record(ev, rec)
    assert [f.message_code for f in found] == ["period_mismatch"]
    bad = record(period="2024-13")
    assert [f.message_code for f in validate_record(load_form("monthly_report"), bad)] == [
        "bad_period"]


def test_dates_inside_reporting_month():
    data = event_data(date_end="2024-04-02")  # may span into the next month
    assert findings_for("event", data) == []
    data = event_data(date_end="2024-03-01")
    assert rules_of(findings_for("event", data)) == {"dates-order"}
    from forms import load_form as lf
    mr = lf("leadership_meeting")
    rec = record("leadership_meeting", {"region": "AKT", "planned_date": "2023-09-29",
                                        "status": "HELD", "actual_date": "2023-09-29"},
                 period=None)
    assert validate_record(mr, rec) == []


def test_bare_data_dict_is_accepted():
    form = load_form("monthly_report")
    assert validate_record(form, monthly_data()) == []
    assert validate_record("monthly_report", record(data=monthly_data(gender={}))) != []


def test_finding_roundtrip_and_blocking():
    f = Finding("VR-01", "warning", ["volunteers_total"], "repeat_of_period", {"period": "x"})
    assert Finding.from_dict(f.to_dict()) == f
    e = Finding("VR-03", "error", [], "sum_mismatch", {})
    i = Finding("VR-30", "info", [], "youth_only_ages", {})
    assert blocking([f, e, i]) == [f, e]
    assert blocking([f, e, i], justification="ok, checked") == [e]
    assert blocking([f, e, i], justification="   ") == [f, e]
    assert not has_errors([f, i])


def test_huge_numbers_are_rejected_not_crashing():
    big = 10**400
    data = monthly_data(volunteers_total=big, gender={"F": big, "M": 0}, volunteer_hours=1e308)
    hist = record(data=monthly_data(volunteers_total=big), period="2024-02", rid="old")
    found = validate_record(load_form("monthly_report"), record(data=data), history=[hist])
    assert not [f for f in found if f.message_code == "rule_failed"]
    assert {f.fields[0] for f in found if f.message_code == "above_max"} == {
        "volunteers_total", "gender.F", "volunteer_hours"}


def test_unknown_fields_are_errors():
    """One policy on every layer: a field the form does not have refuses the record."""
    found = findings_for("monthly_report", monthly_data(surprise=1))
    assert [(f.severity, f.fields, f.message_code) for f in found] == [
        ("error", ["surprise"], "field_not_in_form")]


def test_declarative_rules_other_forms():
    found = findings_for("focus_group", focus_group_data(declared_total=14))
    f = by_rule(found, "VR-20-total")[0]
    assert f.severity == "warning" and f.params == {
        "left_expr": "declared_total", "left": 14, "right_expr": f.params["right_expr"],
        "right": 7, "declared": 14, "listed": 3, "walkins": 4}
    rows = [dict(r, participant_category="STATE") for r in focus_group_data()["participants"]]
    found = findings_for("focus_group", focus_group_data(participants=rows))
    share = by_rule(found, "VR-21-state-share")[0]
    assert share.params["share"] == 100 and share.params["max"] == 50
