"""Data-quality rules (DOMAIN.md §3) with thresholds from resources/quality.toml."""
from __future__ import annotations

import copy

from test_forms_samples import (
    by_rule,
    event_data,
    fg_participant,
    findings_for,
    focus_group_data,
    monthly_data,
    record,
    rules_of,
    seminar_data,
)

from forms import load_form, validate_record
from forms.periods import shift_period
from forms.quality_text import clean_text, text_problems

MR = "monthly_report"


def _hist(period, data, rid=None):
    return record(MR, copy.deepcopy(data), period=period, rid=rid or f"h-{period}")


def _scaled(data, k):
    """Same shape, every stock/flow number multiplied by k (sums stay consistent)."""
    out = copy.deepcopy(data)
    for key in ("volunteers_total", "registered_orgs_count", "initiative_groups_count",
                "events_total", "volunteer_positions", "non_volunteer_events_flagged"):
        out[key] = round(out[key] * k)
    out["volunteer_hours"] = out["volunteer_hours"] * k
    for key in ("gender", "age", "occupation", "events_by_direction", "events_by_format"):
        out[key] = {c: round(v * k) for c, v in out[key].items()}
    return out


def test_shift_period():
    assert shift_period("2024-01", -1) == "2023-12"
    assert shift_period("2024-03", -12) == "2023-03"
    assert shift_period("2023-12", 1) == "2024-01"


def test_acceptance_identical_to_previous_report_warns():
    data = monthly_data()
    found = findings_for(MR, data, history=[_hist("2024-02", data)])
    vr01 = by_rule(found, "VR-01")
    assert len(vr01) == 1
    assert vr01[0].severity == "warning"
    assert vr01[0].message_code == "repeat_of_period"
    assert vr01[0].params["period"] == "2024-02"
    assert "volunteers_total" in vr01[0].fields


def test_identical_to_twelve_months_earlier_is_error():
    data = monthly_data()
    found = findings_for(MR, data, history=[_hist("2023-03", data), _hist("2024-02", _scaled(data, 0.95))])
    vr01 = by_rule(found, "VR-01")
    assert [(f.severity, f.params["period"]) for f in vr01] == [("error", "2023-03")]


def test_near_identical_previous_month_warns():
    data = monthly_data()
    old = copy.deepcopy(data)
    old["volunteer_hours"] = 2000.0  # 1 of ~30 non-zero cells differs
    found = findings_for(MR, data, history=[_hist("2024-02", old)])
    vr01 = by_rule(found, "VR-01")
    assert vr01 and vr01[0].message_code == "repeat_near_period"
    assert vr01[0].params["share"] >= 90


def test_no_vr01_for_different_or_later_or_deleted_reports():
    data = monthly_data()
    assert not by_rule(findings_for(MR, data, history=[_hist("2024-02", _scaled(data, 1.1))]),
                       "VR-01")
    assert not by_rule(findings_for(MR, data, history=[_hist("2024-05", data)]), "VR-01")
    deleted = _hist("2024-02", data)
    deleted["deleted"] = True
    assert not by_rule(findings_for(MR, data, history=[deleted]), "VR-01")
    same_id = _hist("2024-02", data, rid="r-1")  # the record itself, an older revision
    assert not by_rule(findings_for(MR, data, history=[same_id]), "VR-01")
    other_unit = _hist("2024-02", data)
    other_unit["org_unit"] = "SHY-ENBEK"
    assert not by_rule(findings_for(MR, data, history=[other_unit]), "VR-01")


def test_vr02_month_on_month_jump():
    data = monthly_data()
    found = findings_for(MR, data, history=[_hist("2024-02", _scaled(data, 1.6))])
    cells = {f.fields[0] for f in by_rule(found, "VR-02")}
    assert "volunteers_total" in cells and "gender.F" in cells
    f = next(f for f in by_rule(found, "VR-02") if f.fields == ["volunteers_total"])
    assert f.severity == "warning" and f.params["previous"] == round(604 * 1.6)
    # a 20% change is within ±30% m/m
    found = findings_for(MR, data, history=[_hist("2024-02", _scaled(data, 1.2))])
    assert not [f for f in by_rule(found, "VR-02") if f.fields == ["volunteers_total"]]


def test_vr02_year_on_year_uses_40_percent():
    data = monthly_data()
    found = findings_for(MR, data, history=[_hist("2023-03", _scaled(data, 1.35))])
    assert not [f for f in by_rule(found, "VR-02") if f.fields == ["volunteers_total"]]
    found = findings_for(MR, data, history=[_hist("2023-03", _scaled(data, 1.8))])
    assert [f for f in by_rule(found, "VR-02") if f.fields == ["volunteers_total"]]


def test_vr02_robust_outlier_over_twelve_months():
    data = monthly_data()
    hist = [_hist(shift_period("2024-03", -i), _scaled(data, 0.5 + 0.01 * i))
            for i in range(2, 13)]  # no previous month: only the robust test can fire
    found = findings_for(MR, data, history=hist)
    robust = [f for f in by_rule(found, "VR-02") if f.message_code == "outlier_vs_history"]
    assert {f.fields[0] for f in robust} >= {"volunteers_total", "events_total"}
    steady = [_hist(shift_period("2024-03", -i), _scaled(data, 0.97 + 0.01 * (i % 3)))
              for i in range(2, 13)]
    found = findings_for(MR, data, history=steady)
    assert not [f for f in by_rule(found, "VR-02") if f.message_code == "outlier_vs_history"]


def test_vr06_hours_plausibility():
    found = findings_for(MR, monthly_data(volunteer_hours=200000.0))
    assert {f.message_code for f in by_rule(found, "VR-06")} == {"hours_per_volunteer",
                                                                 "hours_per_position"}
    found = findings_for(MR, monthly_data(volunteer_hours=100.0))
    assert {f.message_code for f in by_rule(found, "VR-06")} == {"hours_per_volunteer",
                                                                 "hours_per_position"}


def test_vr14_target_matching_and_rounded():
    data = monthly_data()
    old = _scaled(data, 1 / 1.30)
    found = findings_for(MR, data, history=[_hist("2023-03", old)])
    assert [f.message_code for f in by_rule(found, "VR-14")] == ["target_matching"]
    rounded = monthly_data(volunteers_total=1000, gender={"F": 500, "M": 500},
                           age={"A18_28": 700, "A36_50": 300},
                           occupation={"STUDENT": 700, "EMPLOYED": 300})
    found = findings_for(MR, rounded)
    f = by_rule(found, "VR-14")[0]
    assert f.severity == "info" and f.message_code == "rounded_figures" and f.params["count"] >= 3


def test_vr16_development_rows():
    rows = [{"no": 1, "dev_event_type": "AWARD", "dev_events_count": 1, "dev_participants": 1500,
             "dev_hours": 100.0}]
    found = findings_for(MR, monthly_data(dev_events=rows, volunteers_total=604))
    codes = {(f.message_code, f.fields[0]) for f in found if f.rule.startswith("VR-16")}
    assert ("dev_hours_per_event", "dev_events[0].dev_hours") in codes
    assert ("dev_participants_per_event", "dev_events[0].dev_participants") in codes
    assert ("dev_participants_exceed_volunteers", "dev_events") in codes


def test_vr30_youth_only_bias():
    data = monthly_data(age={"A14_17": 300, "A18_28": 304},
                        occupation={"SCHOOL": 300, "STUDENT": 304})
    found = findings_for(MR, data)
    assert {f.message_code for f in by_rule(found, "VR-30")} == {"youth_only_ages",
                                                                 "no_adult_occupations"}
    assert all(f.severity == "info" for f in by_rule(found, "VR-30"))


def test_vr34_typical_events_must_be_tagged():
    found = findings_for(MR, monthly_data(typical_event_tags=[]))
    assert rules_of(found) == {"VR-34-tags"}


def test_vr09_keyword_screen():
    found = findings_for("event", event_data(title="Концерт ко Дню города"))
    f = by_rule(found, "VR-09")[0]
    assert f.severity == "warning" and f.params["keyword"] == "концерт"
    assert not by_rule(findings_for("event", event_data(title="Концерт ко Дню города",
                                                        is_volunteering="DOUBTFUL")), "VR-09")
    assert not by_rule(findings_for("event", event_data(title="Благотворительный концерт")),
                       "VR-09")
    found = findings_for("event", event_data(description="Флэшмоб на площади"))
    assert by_rule(found, "VR-09")


def test_vr09_typical_events_in_monthly_report():
    text = "Кинопоказы и творческие вечера для молодёжи, субботники"
    found = findings_for(MR, monthly_data(typical_events_text=text,
                                          non_volunteer_events_flagged=0))
    assert [f.params["keyword"] for f in by_rule(found, "VR-09")] == ["кинопоказ"]
    found = findings_for(MR, monthly_data(typical_events_text=text))  # 2 flagged «*»
    assert not by_rule(found, "VR-09")


def test_vr10_subbotnik_is_public_spaces():
    found = findings_for("event", event_data(title="Городской субботник в парке"))
    f = by_rule(found, "VR-10")[0]
    assert f.params["suggested"] == "PUBLIC"
    assert not by_rule(findings_for("event", event_data(title="Городской субботник",
                                                        primary_direction="PUBLIC")), "VR-10")


def test_vr11_charity_by_state_body():
    found = findings_for("event", event_data(organizer_type="STATE_BODY",
                                             participation_voluntary=True,
                                             title="Закупка подарков и продуктовые корзины"))
    assert by_rule(found, "VR-11")


def test_vr12_and_vr33_event_rules():
    found = findings_for("event", event_data(organizer_type="MRC"))
    assert rules_of(found) == {"VR-12"}
    big = event_data(initiated_by_higher_authority=True, volunteers_count=250,
                     volunteer_positions=250, volunteer_hours=1000.0)
    assert rules_of(findings_for("event", big)) == {"VR-33"}
    big["evidence_attached"] = True
    assert findings_for("event", big) == []


def test_vr02_does_not_compare_individual_events():
    hist = [record("event", event_data(date_start=f"2024-{m:02d}-10", volunteer_hours=1.0,
                                       title=f"Событие {m}"), period=None, rid=f"e{m}")
            for m in range(1, 3)] + [
        record("event", event_data(date_start=f"2023-{m:02d}-10", volunteer_hours=1.0,
                                   title=f"Событие {m}"), period=None, rid=f"d{m}")
        for m in range(3, 13)]
    found = findings_for("event", event_data(volunteer_hours=100.0), history=hist)
    assert not by_rule(found, "VR-02")


def test_vr32_repeated_event_in_history():
    data = event_data()
    other = record("event", copy.deepcopy(data), period=None, rid="other")
    found = findings_for("event", data, history=[other])
    assert by_rule(found, "VR-32")[0].params["record"] == "other"


def test_vr20_numbering_duplicates_and_other_lists():
    data = focus_group_data()
    data["participants"][2]["no"] = 4
    found = findings_for("focus_group", data)
    f = by_rule(found, "VR-20")[0]
    assert f.severity == "error" and f.fields == ["participants[2].no"]
    data = focus_group_data()
    data["participants"].append(fg_participant(4, "чагай  николай", "Lider.kz"))
    data["declared_total"] = 8
    dup = by_rule(findings_for("focus_group", data), "VR-20")
    assert [(d.severity, d.params["first_row"], d.params["row"]) for d in dup] == [("warning", 1, 4)]
    ctx = {"other_rosters": [{"record_id": "zh-1", "org_unit": "ZHA",
                              "rows": [{"full_name": "Чагай Николай"}]}]}
    found = findings_for("focus_group", focus_group_data(), context=ctx)
    w = by_rule(found, "VR-20")
    assert [(x.severity, x.fields[0], x.params["org_unit"]) for x in w] == [
        ("warning", "participants[0].full_name", "ZHA")]


def test_vr21_state_list_posing_as_focus_group():
    orgs = ["ДП СКО", "Обл.маслихат", "ОВП", "УЗ", "ДЧС Акимата города Аксу"]
    rows = [fg_participant(i + 1, f"Участник {i + 1}", org, "STATE") for i, org in enumerate(orgs)]
    found = findings_for("focus_group", focus_group_data(participants=rows, declared_total=9))
    assert {f.message_code for f in by_rule(found, "VR-21")} == {"focus_group_looks_like_seminar"}
    rows[0]["organization"] = rows[1]["organization"] = "ОО «Lider.kz»"
    found = findings_for("focus_group", focus_group_data(participants=rows, declared_total=9))
    assert not by_rule(found, "VR-21")


def test_vr17_registry_cross_check():
    ctx = {"registry": {"registered_orgs_count": 20}}
    found = findings_for(MR, monthly_data(registered_orgs_count=12), context=ctx)
    assert [(f.severity, f.message_code) for f in by_rule(found, "VR-17")] == [
        ("info", "orgs_below_registry")]
    assert not by_rule(findings_for(MR, monthly_data(registered_orgs_count=17), context=ctx),
                       "VR-17")


def test_vr24_seminar_count_required_and_absent_key_departments():
    data = seminar_data(participants_count=None, departments_present=["DVD", "INTPOL"])
    found = findings_for("seminar", data)
    assert by_rule(found, "VR-24")[0].severity == "error"
    info = next(f for f in by_rule(found, "VR-24") if f.severity == "info")
    assert "EDUC" in info.params["departments"] and "DVD" not in info.params["departments"]


def test_vr35_seminar_attendees():
    data = seminar_data()
    data["attendees"][1]["department"] = None
    data["attendees"].append({"no": 3, "full_name": "Ахметова Дана", "department": "YOUTH",
                              "organization": "ОФ «Добрые сердца»", "consent": "YES"})
    found = findings_for("seminar", data)
    assert {(f.severity, f.fields[0]) for f in by_rule(found, "VR-35")} == {
        ("error", "attendees[1].department"), ("warning", "attendees[2].organization")}


def test_vr25_replaced_meeting_needs_actual_official():
    data = {"region": "KZY", "planned_date": "2023-10-02", "status": "HELD_REPLACED",
            "actual_date": "2023-10-02"}
    found = findings_for("leadership_meeting", data)
    assert {f.rule for f in found} == {"VR-25-replacement-name", "VR-25-replacement-position"}
    data.update(replacement_official_name="Серикбаев А. К.",
                replacement_official_position="руководитель управления")
    assert findings_for("leadership_meeting", data) == []
    found = findings_for("leadership_meeting", {"region": "KZY", "planned_date": "2023-10-02"})
    assert by_rule(found, "VR-25")[0].fields == ["status"]


def test_vr26_hotline():
    ok = {"received_at": "2023-05-04", "channel": "WHATSAPP", "purpose": "JOIN",
          "volunteering_related": True, "applicant_country": "KZ", "applicant_region": "SHY",
          "result_status": "RESOLVED"}
    assert findings_for("hotline_appeal", ok) == []
    found = findings_for("hotline_appeal", dict(ok, applicant_region=None))
    assert rules_of(found) == {"VR-26-region"}
    found = findings_for("hotline_appeal", dict(ok, channel=None, applicant_country="UZ"))
    assert rules_of(found) == {"VR-26", "VR-26-region-foreign"}
    found = findings_for("hotline_appeal", dict(ok, closed=True, result_status="IN_PROGRESS"))
    assert rules_of(found) == {"VR-26-closed"}


def test_vr31_text_hygiene():
    assert text_problems("ОО «Фонд «Открой свое сердце»") == [("text_unbalanced_quotes", {})]
    assert text_problems("Аudi club")[0] == ("text_mixed_script", {"token": "Аudi"})
    assert ("text_whitespace", {}) in text_problems("Алматы\u00a0 город")
    assert text_problems("Саги А", is_name=True) == [("text_initials", {"token": "А"})]
    assert text_problems("Саги А.", is_name=True) == []
    assert ("text_hyphenation", {}) in text_problems("Алма-/ты")
    assert text_problems("Cafe\u0301") == [("text_not_nfc", {})]
    assert clean_text("  Алматы\u00a0\u00a0город  ") == "Алматы город"
    data = focus_group_data()
    data["participants"][0]["organization"] = "OO «Life time M»"
    data["participants"][1]["full_name"] = "Саги А"
    found = by_rule(findings_for("focus_group", data), "VR-31")
    assert {(f.message_code, f.fields[0]) for f in found} == {
        ("text_initials", "participants[1].full_name")}
    data["participants"][0]["organization"] = "ОO «Life time M»"  # Cyrillic О + Latin O
    found = by_rule(findings_for("focus_group", data), "VR-31")
    assert ("text_mixed_script", "participants[0].organization") in {
        (f.message_code, f.fields[0]) for f in found}
    assert all(f.severity == "warning" for f in found)


def test_no_check_failed_on_clean_samples():
    for form_id, data in ((MR, monthly_data()), ("event", event_data()),
                          ("focus_group", focus_group_data()), ("seminar", seminar_data())):
        form = load_form(form_id)
        rec = record(form_id, data, period="2024-03" if form_id == MR else None)
        found = validate_record(form, rec, history=[rec, {"junk": 1}, None], context={"x": 1})
        assert not [f for f in found if f.message_code == "rule_failed"], found


def test_vr22_visit_dates():
    found = findings_for("seminar", seminar_data(date="2023-09-17"))  # a Sunday
    assert [(f.severity, f.message_code) for f in by_rule(found, "VR-22")] == [
        ("info", "visit_on_weekend")]
    ctx = {"visit_dates": ["2023-10-16", "2023-10-18", "2023-09-24"]}
    found = findings_for("seminar", seminar_data(date="2023-10-17"), context=ctx)
    w = by_rule(found, "VR-22")
    assert [(f.severity, f.params["others"]) for f in w] == [("warning", ["2023-09-24"])]


def test_vr23_official_in_two_regions():
    data = {"region": "AKM", "planned_date": "2023-10-03", "status": "HELD",
            "actual_date": "2023-10-03", "official_name": "Курманов Рустем Жомартович"}
    ctx = {"officials": [{"name": "курманов рустем жомартович", "region": "SKO",
                          "record_id": "m-sko"}]}
    found = findings_for("leadership_meeting", data, context=ctx)
    assert [(f.fields, f.params["region"]) for f in by_rule(found, "VR-23")] == [
        (["official_name"], "SKO")]
    ctx["officials"][0]["region"] = "AKM"
    assert not by_rule(findings_for("leadership_meeting", data, context=ctx), "VR-23")
