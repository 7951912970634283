"""The scope review of monthly reports (issue 12): every rule sees each org unit's whole
series, before and after the period asked for, so reviewing a month finds exactly what
reviewing the year finds for that month.

Order matters: copies first (a copied month never enters a baseline), then the baselines'
rules in chronological order (each flags what it reports); the record rules last.
"""
from __future__ import annotations

from collections import defaultdict

from reports.review.copies import copy_findings, identical_units
from reports.review.corrections import correction_findings
from reports.review.jumps import (
    event_jumps,
    hours_jumps,
    hours_limits,
    round_figures,
    stock_jumps,
    target_growth,
)
from reports.review.records import bulk_entry, record_findings
from reports.review.series import build_series, num

# Rule families (and single rules) this review decides for monthly reports; the forms engine's
# versions of them (written for one record at entry time) are not repeated in the scope review.
# Of VR-03 it re-decides the volunteer breakdowns and whether the event breakdowns are given
# (judged against the unit's own habit); the event sums stay the forms engine's rules.
OWNED_RULES = ("VR-01", "VR-02", "VR-03-gender", "VR-03-age", "VR-03-occupation",
               "VR-03-direction-present", "VR-03-format-present", "VR-06", "VR-07", "VR-08",
               "VR-14")


def seasonal_factors(series) -> dict[int, float]:
    """Calendar month -> events per report in that month over the mean of all months."""
    total: defaultdict[int, float] = defaultdict(float)
    count: defaultdict[int, int] = defaultdict(int)
    for s in series.values():
        for p in s.periods:
            v = num(s.data(p), "events_total")
            if v is not None:
                total[int(p[5:])] += v
                count[int(p[5:])] += 1
    per = {m: total[m] / count[m] for m in count if total[m] > 0}
    mean = sum(per.values()) / len(per) if per else 1.0
    return {m: per.get(m, mean) / mean if mean else 1.0 for m in range(1, 13)}


def monthly_review(reports: list[dict], units=None) -> list[dict]:
    """Every finding on these monthly reports, each unit judged against its whole series."""
    series = build_series(reports)
    season = seasonal_factors(series)
    out = identical_units(series, units)
    for s in series.values():
        out += copy_findings(s, units)
        out += stock_jumps(s, units)
        out += hours_jumps(s, units)
        out += event_jumps(s, season, units)
        out += hours_limits(s, units)
        out += target_growth(s, units)
        out += round_figures(s, units)
        out += record_findings(s, units)
        out += correction_findings(s, units)
        out += bulk_entry(s, units)
    return out
