"""Expert-visit rules: VR-22 (dates of one visit hang together; weekend dates) and VR-23
(the same official recorded for two regions).

Cross-record facts come from `context` (built by the caller from its store or database):
    context["visit_dates"] = ["2023-10-16", ...]   dates of the other events of the same visit
    context["officials"]   = [{"name": ..., "region": ..., "record_id": ...}, ...]
"""
from __future__ import annotations

from forms.fieldcheck import parse_date
from forms.model import Finding, for_forms
from forms.quality_lists import norm_name
from forms.thresholds import th

VISIT_FORMS = ("seminar", "focus_group", "leadership_meeting")


def _visit_date(q):
    if q.form.id not in VISIT_FORMS or not q.form.date_field:
        return None, None
    fid = q.form.date_field
    if q.form.id == "leadership_meeting" and parse_date(q.data.get("actual_date")):
        fid = "actual_date"
    return fid, parse_date(q.data.get(fid))


def _visit_form(form) -> bool:
    """for_forms: `_visit_date` finds a date only on these."""
    return form.id in VISIT_FORMS and bool(form.date_field)


@for_forms(_visit_form)
def vr22_weekend(q) -> list[Finding]:
    fid, d = _visit_date(q)
    if d is None or d.weekday() not in th("vr22", "weekend_days", [5, 6]):
        return []
    return [Finding("VR-22", "info", [fid], "visit_on_weekend",
                    {"field": fid, "date": d.isoformat()})]


@for_forms(_visit_form)
def vr22_spread(q) -> list[Finding]:
    fid, d = _visit_date(q)
    others = q.context.get("visit_dates")
    if d is None or not isinstance(others, list):
        return []
    limit = th("vr22", "max_days_apart", 3)
    far = sorted({o.isoformat() for o in map(parse_date, others)
                  if o is not None and abs((o - d).days) > limit})
    if not far:
        return []
    return [Finding("VR-22", "warning", [fid], "visit_dates_apart",
                    {"field": fid, "date": d.isoformat(), "others": far, "days": limit})]


@for_forms(lambda form: form.id == "leadership_meeting")
def vr23_official_two_regions(q) -> list[Finding]:
    officials = q.context.get("officials")
    if not isinstance(officials, list):
        return []
    region = q.data.get("region")
    out = []
    for fid in ("official_name", "replacement_official_name"):
        name = norm_name(q.data.get(fid))
        if not name:
            continue
        for o in officials:
            if not isinstance(o, dict) or o.get("record_id") == q.record.get("id"):
                continue
            if norm_name(o.get("name")) == name and o.get("region") not in (None, region):
                out.append(Finding("VR-23", "warning", [fid], "official_in_two_regions",
                                   {"field": fid, "name": q.data.get(fid),
                                    "region": str(o.get("region"))}))
                break
    return out


CHECKS = [vr22_weekend, vr22_spread, vr23_official_two_regions]
