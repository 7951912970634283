"""Sample records shared by the forms tests (imported by the other test_forms_* modules)."""
from __future__ import annotations

import copy

from forms import load_form, validate_record


def monthly_data(**over) -> dict:
    """A clean monthly report: every sum adds up, every rule passes."""
    data = {
        "volunteers_total": 604,
        "gender": {"F": 330, "M": 274},
        "age": {"U14": 14, "A14_17": 190, "A18_28": 251, "A29_35": 61, "A36_50": 57,
                "A51_60": 21, "O60": 10},
        "occupation": {"SCHOOL": 201, "STUDENT": 233, "EMPLOYED": 97, "UNEMPLOYED": 31,
                       "PENSIONER": 9, "OTHER": 33},
        "registered_orgs_count": 12,
        "initiative_groups_count": 41,
        "events_total": 37,
        "events_by_direction": {"ECO": 11, "PUBLIC": 9, "ELDER": 17},
        "events_by_format": {"OFFLINE": 35, "ONLINE": 4},
        "typical_events_text": "Субботники в парках, помощь пожилым людям по хозяйству",
        "typical_event_tags": ["SUBBOTNIK", "ELDERLY_HOME_HELP"],
        "typical_event_directions": ["PUBLIC", "ELDER"],
        "non_volunteer_events_flagged": 2,
        "volunteer_hours": 2417.5,
        "volunteer_positions": 523,
        "rfo_support_provided": "YES",
        "rfo_support_types": ["INFO", "INVENTORY"],
        "rfo_support_text": "Информационная помощь, выдача инвентаря для субботников",
        "dev_events": [
            {"no": 1, "dev_event_type": "TRAINING", "dev_events_count": 3,
             "dev_participants": 87, "dev_hours": 9.0, "dev_organizer": "RFO_MRC",
             "occasion": "REGULAR"},
            {"no": 2, "dev_event_type": "AWARD", "dev_events_count": 1,
             "dev_participants": 40, "dev_hours": 2.5, "dev_organizer": "RFO_MRC",
             "occasion": "VOLUNTEER_DAY"},
        ],
    }
    data.update(over)
    return data


def record(form="monthly_report", data=None, *, period="2024-03", rid="r-1", **over) -> dict:
    rec = {
        "id": rid, "form": form, "form_version": 1, "org_unit": "SHY-ABAY",
        "period": period, "status": "draft", "data": data if data is not None else monthly_data(),
        "justification": None, "review_comment": None, "revision": 1, "version": None,
        "deleted": False, "updated_at": "2024-03-05T10:00:00Z", "updated_by": "aigerim",
    }
    rec.update(over)
    return rec


def event_data(**over) -> dict:
    data = {
        "title": "Уборка берега реки Бадам",
        "description": "Очистка берега реки от мусора совместно с экоклубом",
        "date_start": "2024-03-16", "primary_direction": "ECO", "formats": ["OFFLINE"],
        "is_volunteering": "YES", "organizer_type": "REG_ORG",
        "organizer_name": "ОФ «Жасыл әлем»", "volunteers_count": 25,
        "volunteer_positions": 25, "volunteer_hours": 100.0,
    }
    data.update(over)
    return data


def fg_participant(no, name, org="ОО «Lider»", cat="SYSTEMIC", **over) -> dict:
    row = {"no": no, "full_name": name, "organization": org, "role": "руководитель",
           "participant_category": cat, "district": "Абайский район", "consent": "YES"}
    row.update(over)
    return row


def focus_group_data(**over) -> dict:
    data = {
        "date": "2023-10-18", "city": "Атырау",
        "participants": [
            fg_participant(1, "Чагай Николай", "Lider.kz"),
            fg_participant(2, "Сагиева А. Б.", "New Wave", "STUDENT"),
            fg_participant(3, "Иванова Мария", "МРЦ г. Атырау", "STATE"),
        ],
        "unregistered_attendees": 4, "declared_total": 7,
    }
    data.update(over)
    return data


def seminar_data(**over) -> dict:
    data = {
        "date": "2023-10-17", "city": "Кызылорда", "participants_count": 9,
        "departments_present": ["DVD", "DCHS", "HEALTH", "EDUC", "CULTURE", "SPORT",
                                "EMPLOY_SOC", "ECOLOGY", "INTPOL"],
        "attendees": [
            {"no": 1, "full_name": "Сейтказиева Айгуль", "department": "EDUC",
             "organization": "Управление образования", "position": "главный специалист",
             "consent": "YES"},
            {"no": 2, "full_name": "Нурланов Ерлан", "department": "DVD",
             "organization": "Департамент полиции", "position": "инспектор", "consent": "YES"},
        ],
    }
    data.update(over)
    return data


def findings_for(form_id, data, *, form_version=1, **kw):
    """Validate `data` as a record of `form_id` at `form_version` (record() says 1)."""
    form = load_form(form_id, version=form_version)
    rec = record(form_id, copy.deepcopy(data), period=kw.pop("period", None)
                 if form.date_field else kw.pop("period", "2024-03"), form_version=form_version)
    return validate_record(form, rec, **kw)


def rules_of(findings, severity=None) -> set[str]:
    return {f.rule for f in findings if severity is None or f.severity == severity}


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]
