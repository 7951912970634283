"""Coverage of sources (DOMAIN.md VR-29): events counted by `data_source` x `known_to_rfo`.

RFO reports miss grant projects, groups the RFO has no contact with and organizations that
do not report; every event record names its `data_source` and (from event version 2) whether
the RFO knew of it (`known_to_rfo`: YES / NO / UNKNOWN). This summary counts events, their
volunteers and volunteer hours per cell and the share of them known to the RFO.

Version 1 events carry no `known_to_rfo`: they count as UNKNOWN. An event without a
`data_source` (optional in version 1) counts under UNSPECIFIED. Deleted records are left out.
The volunteers and hours are read from the fields the record's own form version has
(`volunteers_count`, `volunteer_hours`); a form version without them adds nothing.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from reports.aggregate import select

FORM = "event"
KNOWN_VALUES = ("YES", "NO", "UNKNOWN")
UNKNOWN = "UNKNOWN"
UNSPECIFIED = "UNSPECIFIED"
MEASURES = {"volunteers": "volunteers_count", "hours": "volunteer_hours"}


def _measure_fields(form_id: str, version) -> dict[str, str]:
    """{measure: field id} for the fields this form version has (all of them if unknown)."""
    from forms import load_form

    try:
        form = load_form(form_id, version=version)
    except (KeyError, ValueError):  # an unknown version or a broken file: read what is there
        return dict(MEASURES)
    return {m: fid for m, fid in MEASURES.items() if form.has_field(fid)}


def _number(value) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0
    return value if math.isfinite(value) else 0


def _cell() -> dict:
    return {"events": 0, "volunteers": 0, "hours": 0}


def _add(cell: dict, values: dict) -> None:
    cell["events"] += 1
    for m, v in values.items():
        cell[m] += v


def _known(data: dict) -> str:
    value = data.get("known_to_rfo")
    if value in KNOWN_VALUES:
        return value
    if value is True:  # tolerate a boolean answer (a possible later form version)
        return "YES"
    if value is False:
        return "NO"
    return UNKNOWN


def select_events(records: Iterable[dict], *, region: str | None = None,
                  period_spec: str | None = None, units: dict | None = None) -> list[dict]:
    """Live event records (any form version) of the period and region."""
    return select(records, period_spec, region=region, units=units, form=FORM)


def coverage(records: Iterable[dict], *, region: str | None = None,
             period_spec: str | None = None, units: dict | None = None) -> dict:
    """Events by data_source x known_to_rfo, with volunteers, hours and known shares.

    `units` (org-unit id -> row) resolves regions; without it the code prefix is used.
    Raises reports.aggregate.PeriodError for a bad `period_spec`.
    """
    events = select_events(records, region=region, period_spec=period_spec, units=units)
    fields_cache: dict[tuple, dict[str, str]] = {}
    cells: dict[tuple[str, str], dict] = {}
    by_version: dict[str, int] = {}
    for r in events:
        version = r.get("form_version")
        key = (r.get("form"), version)
        if key not in fields_cache:
            fields_cache[key] = _measure_fields(FORM, version)
        data = r.get("data") or {}
        values = {m: _number(data.get(fid)) for m, fid in fields_cache[key].items()}
        source = data.get("data_source") or UNSPECIFIED
        _add(cells.setdefault((str(source), _known(data)), _cell()), values)
        by_version[str(version)] = by_version.get(str(version), 0) + 1
    return _summary(cells, by_version, region=region, period_spec=period_spec)


def _summary(cells: dict, by_version: dict, *, region, period_spec) -> dict:
    total, by_known = _cell(), {k: _cell() for k in KNOWN_VALUES}
    by_source: dict[str, dict] = {}
    for (source, known), cell in sorted(cells.items()):
        src = by_source.setdefault(source, {"total": _cell(), "by_known": {}})
        src["by_known"][known] = _rounded(cell)
        for target in (total, by_known[known], src["total"]):
            for m in cell:
                target[m] += cell[m]
    for src in by_source.values():
        src["total"] = _rounded(src["total"])
        src["known_share"] = _shares(src["by_known"].get("YES"), src["total"])
    rows = [{"data_source": s, "known_to_rfo": k, **_rounded(c)}
            for (s, k), c in sorted(cells.items())]
    return {
        "region": region, "period": period_spec, "total": _rounded(total),
        "by_known": {k: _rounded(c) for k, c in by_known.items()},
        "by_source": by_source, "rows": rows,
        "known_share": _shares(by_known["YES"], total),
        "by_form_version": dict(sorted(by_version.items())),
    }


def _rounded(cell: dict) -> dict:
    hours = round(cell["hours"], 2)
    return {"events": cell["events"], "volunteers": cell["volunteers"],
            "hours": int(hours) if float(hours).is_integer() else hours}


def _shares(part: dict | None, whole: dict) -> dict:
    """Share of events / volunteers / hours known to the RFO; None where the whole is 0."""
    part = part or _cell()
    return {m: (round(part[m] / whole[m], 4) if whole[m] else None)
            for m in ("events", "volunteers", "hours")}


def format_text(result: dict, lang: str = "ru") -> str:
    """A plain table for the CLI: one line per data source x known_to_rfo, then totals."""
    from reports._ref import label

    names = [r["data_source"] if r["data_source"] == UNSPECIFIED
             else label("data_sources", r["data_source"], lang) for r in result["rows"]]
    w = max([len("data_source"), *map(len, names)])
    head = f"{'data_source':{w}} {'known_to_rfo':12}"
    lines = [f"{head} {'events':>7} {'volunteers':>10} {'hours':>10}"]
    for name, row in zip(names, result["rows"]):
        lines.append(f"{name:{w}} {row['known_to_rfo']:12} {row['events']:>7} "
                     f"{row['volunteers']:>10} {row['hours']:>10}")
    t, share = result["total"], result["known_share"]
    lines.append(f"{'total':{len(head)}} {t['events']:>7} {t['volunteers']:>10} {t['hours']:>10}")
    pct = {m: "—" if v is None else f"{v * 100:.1f}%" for m, v in share.items()}
    lines.append(f"{'known to RFO':{len(head)}} {pct['events']:>7} {pct['volunteers']:>10} "
                 f"{pct['hours']:>10}")
    return "\n".join(lines)
