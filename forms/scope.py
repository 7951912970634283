"""Who may hold a record of which form under which org unit: the one rule the server applies
to every write (server/scope.py), the desktop offers units by (its org unit choices) and the
CLI checks before it re-files a record the server refused (store/orgunits.py). Qt-free and
database-free: a user is its role, district and region; a unit its id and region."""
from __future__ import annotations

TRAINER_FORMS = ("seminar", "focus_group", "cs_questionnaire")
# The national surveys are collected by central; a region reads its region's answers (issue 16).
SURVEY_FORMS = ("volunteer_survey", "org_survey")
# The organization registry is kept by the region and central.
REGISTRY_FORMS = ("organization",)
NOT_DISTRICT = TRAINER_FORMS + SURVEY_FORMS + REGISTRY_FORMS   # forms a district never holds
NOT_REGION = TRAINER_FORMS + SURVEY_FORMS                       # forms a region never holds


def unit_in_reach(role: str | None, district: str | None, region: str | None,
                  unit_id: str, unit_region: str | None) -> bool:
    """May a user of `role` (with its `district` / `region`) hold records under the unit at
    all: a district its own unit, a region the units of its region, a trainer and central
    any unit."""
    if role == "district":
        return unit_id == district
    if role == "region":
        return unit_region == region
    return role in ("trainer", "central")


def form_in_reach(role: str | None, form: str) -> bool:
    """May a user of `role` hold records of `form` at all."""
    if role == "district":
        return form not in NOT_DISTRICT
    if role == "region":
        return form not in NOT_REGION
    if role == "trainer":
        return form in TRAINER_FORMS
    return role == "central"


def may_hold(role: str | None, district: str | None, region: str | None, unit_id: str,
             unit_region: str | None, form: str) -> bool:
    """May the user hold a record of `form` under the unit (create it, move it there)?"""
    return (form_in_reach(role, form)
            and unit_in_reach(role, district, region, unit_id, unit_region))


def returned_to(role: str | None, unit_kind: str | None) -> bool:
    """Whether a returned record of a unit of `unit_kind` ("region" / "district"; None:
    unknown) comes back to a user of `role` to be fixed (the desktop's «returned for
    changes» notice): to the unit's own staff. A region reviews its districts' reports and
    returns them to the district, so those wait for the district, not for the region; a
    region-level report that central returned waits for the region."""
    return not (role == "region" and unit_kind == "district")
