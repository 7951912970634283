"""An org unit's whole series of monthly reports: the history every rule compares with.

Reviewing a month or a year builds the same series from the same records, so a month's
findings do not depend on the period asked for (issue 12).
"""
from __future__ import annotations

from collections import defaultdict

from forms.periods import shift_period
from forms.thresholds import thresholds
from reports.aggregate import region_of

FLOW_FIELDS = ("events_total", "events_by_direction", "events_by_format", "volunteer_hours",
               "volunteer_positions")


def settings(section: str) -> dict:
    """One [review.<section>] table of resources/quality.toml."""
    return thresholds()["review"][section]


def cells(data: dict, paths: dict | None = None) -> dict[str, float]:
    """Flat numeric vector of a report: `volunteers_total`, `gender.F`, ... (bools skipped).
    `paths` (field -> cell -> "field.cell"): one text per path for many reports (a region's
    series held ~40 new texts per report)."""
    paths = {} if paths is None else paths
    out = {}
    for k, v in data.items():
        kind = type(v)  # an exact int or float first: most cells, quicker than isinstance
        if kind is int or kind is float or (isinstance(v, (int, float)) and kind is not bool):
            out[k] = v
        elif isinstance(v, dict):
            texts = paths.get(k)
            if texts is None:
                texts = paths[k] = {}
            for c, n in v.items():
                kind = type(n)
                if kind is int or kind is float or (isinstance(n, (int, float))
                                                    and kind is not bool):
                    path = texts.get(c)
                    if path is None:
                        path = texts[c] = f"{k}.{c}"
                    out[path] = n
    return out


def num(data: dict, field: str):
    v = data.get(field)
    kind = type(v)
    return v if kind is int or kind is float or (isinstance(v, (int, float))
                                                 and kind is not bool) else None


class Series:
    """One org unit's reports by period (the latest revision of each period)."""

    def __init__(self, unit: str, records: list[dict], paths: dict | None = None):
        self.unit = unit
        by_period: dict[str, dict] = {}
        for r in sorted(records, key=lambda r: (str(r.get("updated_at") or ""),
                                                r.get("revision") or 0)):
            by_period[r["period"]] = r
        self.periods = sorted(by_period)
        self.rec = by_period
        self.vec = {p: cells(r["data"], paths) for p, r in by_period.items()}
        self.flagged: set[str] = set()
        self._values: dict[str, dict[str, float]] = {}

    def values(self, field: str) -> dict[str, float]:
        """period -> `num` of `field` in that period's report (periods without one left
        out), made once per field: a rule compares each month with all the others."""
        got = self._values.get(field)
        if got is None:
            got = self._values[field] = {p: v for p, r in self.rec.items()
                                         if (v := num(r["data"], field)) is not None}
        return got

    def data(self, period: str) -> dict:
        """The data of one of the series' periods."""
        return self.rec[period]["data"]

    def at(self, period: str, months: int) -> str | None:
        other = shift_period(period, months)
        return other if other in self.rec else None

    def usable(self, exclude: str) -> list[str]:
        """Periods a baseline may use: not the one judged, never a flagged one."""
        return [p for p in self.periods if p != exclude and p not in self.flagged]


def build_series(reports: list[dict]) -> dict[str, Series]:
    groups = defaultdict(list)
    for r in reports:
        groups[r["org_unit"]].append(r)
    paths: dict = {}  # one text per cell path for all the series (`cells`)
    return {u: Series(u, recs, paths) for u, recs in groups.items()}


def make(rec: dict, detail: str, severity: str, code: str, fields: list, params: dict,
         units=None) -> dict:
    """A finding of the scope review: `rule` is the DOMAIN rule family (VR-01 ...),
    `rule_detail` the problem kind's own rule."""
    return {"rule": detail[:5], "rule_detail": detail, "severity": severity,
            "record_id": rec["id"], "form": rec["form"], "org_unit": rec["org_unit"],
            "region": region_of(rec["org_unit"], units), "period": rec["period"],
            "fields": fields, "message_code": code, "params": params, "source": "scope"}
