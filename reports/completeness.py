"""Completeness and timeliness: expected reports (org units × months) vs received.

A report is *received* when it is no longer a draft; it is *on time* when it was submitted
by `due_day` of the following month (configurable; store kv `reports.due_day`, default 10).
The submission time is the record's `submitted_at` if present, else its `updated_at`.
Expected org units: every district, plus a region that has no districts or that reports at
region level in the period (DOMAIN decision 1).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reports.aggregate import months_in, parse_period, region_of

DEFAULT_DUE_DAY = 10
KV_DUE_DAY = "reports.due_day"
CELL_STATES = ("on_time", "late", "draft", "missing")


def due_day(store=None) -> int:
    if store is None:
        return DEFAULT_DUE_DAY
    raw = store.get_setting(KV_DUE_DAY)
    try:
        day = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_DUE_DAY
    return day if 1 <= day <= 28 else DEFAULT_DUE_DAY


def deadline(period: str, day: int) -> str:
    y, m = int(period[:4]), int(period[5:])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{y:04d}-{m:02d}-{day:02d}T23:59:59Z"


def expected_units(units: list[dict], records: Iterable[dict]) -> list[str]:
    with_districts = {u["region"] for u in units if u.get("kind") == "district"}
    region_level = {r["org_unit"] for r in records}
    out = []
    for u in units:
        if not u.get("active", True):
            continue
        if u.get("kind") == "district" or u["id"] not in with_districts or u["id"] in region_level:
            out.append(u["id"])
    return out


def cell_state(record: dict | None, day: int) -> str:
    if record is None or record.get("deleted"):
        return "missing"
    if record.get("status") == "draft":
        return "draft"
    at = record.get("submitted_at") or record.get("updated_at") or ""
    return "on_time" if at and at <= deadline(record["period"], day) else "late"


def completeness(records: Iterable[dict], units: list[dict], spec: str, *,
                 day: int = DEFAULT_DUE_DAY, region: str | None = None) -> dict:
    """Grid of cell states plus totals per region and per org unit."""
    start, end = parse_period(spec)
    months = months_in(start, end)
    umap = {u["id"]: u for u in units}
    reports = [r for r in records if r.get("form") == "monthly_report" and not r.get("deleted")
               and start <= r["period"] <= end]
    if region:
        units = [u for u in units if u["region"] == region]
        reports = [r for r in reports if region_of(r["org_unit"], umap) == region]
    by_cell = {(r["org_unit"], r["period"]): r for r in reports}
    grid = {}
    for unit in expected_units(units, reports):
        for p in months:
            grid[(unit, p)] = cell_state(by_cell.get((unit, p)), day)
    return {"months": months, "grid": grid,
            "by_region": _totals(grid, lambda u: region_of(u, umap)),
            "by_org_unit": _totals(grid, lambda u: u), "total": _totals(grid, lambda u: "")[""]
            if grid else _blank()}


def _blank() -> dict:
    return {"expected": 0, "received": 0, "on_time": 0, "late": 0, "draft": 0, "missing": 0,
            "received_pct": 0.0, "on_time_pct": 0.0}


def _totals(grid: dict, key) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(_blank)
    for (unit, _), state in grid.items():
        t = out[key(unit)]
        t["expected"] += 1
        t[state] += 1
        if state in ("on_time", "late"):
            t["received"] += 1
    for t in out.values():
        t["received_pct"] = round(100.0 * t["received"] / t["expected"], 1)
        t["on_time_pct"] = round(100.0 * t["on_time"] / t["expected"], 1)
    return dict(sorted(out.items()))
