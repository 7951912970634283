"""A submitted monthly report against the month's event records of its district (issue 16).

The events' sums come from `reports.event_fill` (the one place that sums them). A figure of
the report (events, hours, positions; resources/quality.toml [events_match]) that differs from
the events' sum by more than the tolerance gets a warning naming both figures; a district that
keeps no event records is not judged (nothing to compare with).
"""
from __future__ import annotations

from collections import defaultdict

from forms.lifecycle import LOCKED
from forms.thresholds import th
from reports.event_fill import REPORT_FORM, counted, sum_counted

RULE = "events-vs-report"


def disagrees(reported: float, summed: float) -> bool:
    """Further apart than the tolerance (a share of the larger) and the least difference."""
    diff = abs(reported - summed)
    share = th("events_match", "tolerance_pct", 10) / 100
    return diff >= th("events_match", "min_difference", 2) and diff > share * max(
        abs(reported), abs(summed))


def event_mismatch_findings(records: list[dict], units=None) -> list[dict]:
    """Warnings on submitted or approved monthly reports whose figures the events contradict."""
    from reports.quality_review import finding

    events: defaultdict[tuple, list] = defaultdict(list)
    reports = []
    for r in records:
        if counted(r):
            events[(r["org_unit"], r["period"])].append(r)
        elif r.get("form") == REPORT_FORM and r.get("status") in LOCKED:
            reports.append(r)
    out = []
    forms: dict = {}  # the forms' lookups, once for all the months
    figures = th("events_match", "figures", [])
    for rep in reports:
        month = events.get((rep.get("org_unit"), rep.get("period")))
        if not month:
            continue
        sums, data = sum_counted(month, forms, breakdowns=False), rep.get("data") or {}
        for fid in figures:
            value = data.get(fid)
            if isinstance(value, (int, float)) and disagrees(value, sums.get(fid, 0)):
                out.append(finding(rep, RULE, "warning", "events_disagree", [fid],
                                   {"field": fid, "reported": value, "events": sums[fid],
                                    "count": len(month)}, units))
    return out
