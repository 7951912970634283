"""Plausibility rules on one record's values: VR-06, VR-07 (vague text), VR-16, VR-17
(registry cross-check), VR-30. The fields compared are found by their meaning in the form
definition (`measure = "hours"`, ..., a counts field's `choices`), not by their names."""
from __future__ import annotations

from forms.model import Finding, for_forms, form_plan
from forms.quality import is_num as _num
from forms.reference import get_enum
from forms.thresholds import th


def _measured(q, measure: str) -> str | None:
    """The id of the form's field counting `measure` (`measure = ...` in the definition)."""
    f = q.form.measure_field(measure)
    return f.id if f else None


@for_forms(lambda form: form.measure_field("hours") is not None)
def vr06_hours(q) -> list[Finding]:
    hours_f, vol_f, pos_f = _hours_plan(q.form)
    if not hours_f:
        return []
    hours, out = q.data.get(hours_f), []
    if not _num(hours):
        return []
    vols = q.data.get(vol_f) if vol_f else None
    if vol_f and _num(vols) and vols > 0:
        per = hours / vols
        lo, hi = th("vr06", "hours_per_volunteer_min", 0), th("vr06", "hours_per_volunteer_max")
        if not lo <= per <= hi:
            out.append(Finding("VR-06", "warning", [hours_f, vol_f], "hours_per_volunteer",
                               {"hours": hours, "volunteers": vols, "per": round(per, 2),
                                "min": lo, "max": hi}))
    positions = q.data.get(pos_f) if pos_f else None
    if pos_f and _num(positions) and positions > 0:
        lo, hi = th("vr06", "hours_per_position_min"), th("vr06", "hours_per_position_max")
        if not positions * lo <= hours <= positions * hi:
            out.append(Finding("VR-06", "warning", [hours_f, pos_f],
                               "hours_per_position",
                               {"hours": hours, "positions": positions,
                                "per": round(hours / positions, 2), "min": lo, "max": hi}))
    return out


@form_plan
def _hours_plan(form) -> tuple[str | None, str | None, str | None]:
    """The ids of the form's fields measuring hours, volunteers and positions (or None)."""
    hours, vols, positions = (form.measure_field(m) for m in ("hours", "volunteers",
                                                              "positions"))
    return (hours.id if hours else None, vols.id if vols else None,
            positions.id if positions else None)


def vr07_vague(q) -> list[Finding]:
    text = q.data.get("rfo_support_text")
    if not isinstance(text, str):
        return []
    low = " ".join(text.casefold().split())
    for phrase in th("vr07", "vague_phrases", []):
        if phrase.casefold() in low:
            return [Finding("VR-07", "error", ["rfo_support_text"], "support_text_vague",
                            {"phrase": phrase})]
    return []


@for_forms(lambda form: form.events_roster is not None)
def vr16_dev_rows(q) -> list[Finding]:
    found = q.form.events_roster
    rows = q.data.get(found[0].id) if found else None
    if not isinstance(rows, list):
        return []
    roster, cols = found[0].id, found[1]
    out = []
    lo, hi = th("vr16", "hours_per_event_min", 0.5), th("vr16", "hours_per_event_max", 72)
    pmax = th("vr16", "participants_per_event_max", 1000)
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not _num(row.get(cols["events"])):
            continue
        n = row[cols["events"]]
        if n <= 0:
            continue
        hours, people = row.get(cols.get("hours")), row.get(cols.get("volunteers"))
        if _num(hours) and not lo <= hours / n <= hi:
            out.append(Finding("VR-16", "warning", [f"{roster}[{i}].{cols['hours']}"],
                               "dev_hours_per_event",
                               {"row": i + 1, "per": round(hours / n, 2), "min": lo, "max": hi}))
        if _num(people) and people / n > pmax:
            out.append(Finding("VR-16", "warning", [f"{roster}[{i}].{cols['volunteers']}"],
                               "dev_participants_per_event",
                               {"row": i + 1, "per": round(people / n, 1), "max": pmax}))
    return out


def _breakdown(q, enum: str) -> str | None:
    """The counts field broken down by enumeration `enum` (its `choices`), or None."""
    return _breakdown_of(q.form, enum)


def _breakdown_of(form, enum: str) -> str | None:
    return _breakdowns(form).get(enum)


@form_plan
def _breakdowns(form) -> dict:
    """{enumeration: the first counts field broken down by it}, in form order."""
    out: dict = {}
    for f in form.fields:
        if f.type == "counts":
            out.setdefault(f.choices, f.id)
    return out


@for_forms(lambda form: _breakdown_of(form, "age_bands") is not None)
def vr30_youth_bias(q) -> list[Finding]:
    vol_f, age_f = _measured(q, "volunteers"), _breakdown(q, "age_bands")
    total = q.data.get(vol_f) if vol_f else None
    if not age_f or not _num(total) or total <= 0:
        return []
    out = []
    age = q.data.get(age_f)
    if isinstance(age, dict) and age:
        min_age = th("vr30", "mature_min_age", 36)
        mature = _mature_bands(min_age)
        if mature and sum(age.get(c) or 0 for c in mature if _num(age.get(c) or 0)) == 0:
            out.append(Finding("VR-30", "info", [age_f], "youth_only_ages",
                               {"min_age": min_age}))
    occ_f = _breakdown(q, "occupations")
    occ = q.data.get(occ_f) if occ_f else None
    adults = th("vr30", "adult_occupations", [])
    if occ_f and isinstance(occ, dict) and occ and adults and \
            sum(occ.get(c) or 0 for c in adults if _num(occ.get(c) or 0)) == 0:
        out.append(Finding("VR-30", "info", [occ_f], "no_adult_occupations",
                           {"occupations": adults}))
    return out


def _mature_bands(min_age) -> list[str]:
    """The age bands from `min_age` up, in their order; listed once per enumeration object
    (a republished one is a new object) and threshold, not once per record."""
    enum = get_enum("age_bands")
    if type(min_age) not in (int, float):  # an odd threshold: listed each time, as it was
        return _bands_from(enum, min_age)
    hit = _MATURE.get(min_age)
    if hit is None or hit[0] is not enum:
        hit = _MATURE[min_age] = (enum, _bands_from(enum, min_age))
    return hit[1]


def _bands_from(enum, min_age) -> list[str]:
    return [i.code for i in enum.items
            if _num(i.extra.get("min_age")) and i.extra["min_age"] >= min_age]


_MATURE: dict = {}  # min_age -> (the age_bands enumeration, its mature codes)


@for_forms(lambda form: form.measure_field("registered_orgs") is not None)
def vr17_registry(q) -> list[Finding]:
    """Registered organizations against the registry count: context['registry']."""
    reg, orgs_f = q.context.get("registry"), _measured(q, "registered_orgs")
    count = q.data.get(orgs_f) if orgs_f else None
    if not orgs_f or not isinstance(reg, dict) or not _num(count):
        return []
    known = reg.get(orgs_f)
    if not _num(known) or known <= 0:
        return []
    share = th("vr17", "registry_share_min", 0.8)
    if count >= known * share:
        return []
    return [Finding("VR-17", "info", [orgs_f], "orgs_below_registry",
                    {"value": count, "registry": known, "pct": round(share * 100)})]


CHECKS = [vr06_hours, vr07_vague, vr16_dev_rows, vr17_registry, vr30_youth_bias]
