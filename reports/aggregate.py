"""Headline figures and breakdowns of monthly reports (DOMAIN decisions 1-2).

Stocks (volunteers and their breakdowns, organization counts) take each org unit's LATEST
report in the period and sum those; flows (events, hours, positions, support occurrences,
development events) are summed over every month. A region's figure is the sum of its
districts' reports plus any region-level report. Input is canonical records (CONTRACTS §3).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

STOCK_SCALARS = ("volunteers_total", "registered_orgs_count", "initiative_groups_count")
STOCK_COUNTS = ("gender", "age", "occupation")
FLOW_SCALARS = ("events_total", "volunteer_hours", "volunteer_positions")
FLOW_COUNTS = ("events_by_direction", "events_by_format")
DEV_KEYS = ("dev_events_count", "dev_participants", "dev_hours")

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:\.\.(\d{4})-(\d{2}))?$")


class PeriodError(ValueError):
    pass


def parse_period(spec: str) -> tuple[str, str]:
    """'2024' -> ('2024-01', '2024-12'); '2024-03'; '2024-01..2024-06' (inclusive)."""
    m = _PERIOD.match(str(spec).strip())
    if not m:
        raise PeriodError(f"bad period {spec!r}: use YYYY, YYYY-MM or YYYY-MM..YYYY-MM")
    year, month, y2, m2 = m.groups()
    if y2:
        start, end = f"{year}-{month or '01'}", f"{y2}-{m2}"
    elif month:
        start = end = f"{year}-{month}"
    else:
        start, end = f"{year}-01", f"{year}-12"
    for p in (start, end):
        if not 1 <= int(p[5:]) <= 12:
            raise PeriodError(f"bad month in period {spec!r}")
    if start > end:
        raise PeriodError(f"period {spec!r} ends before it starts")
    return start, end


def months_in(start: str, end: str) -> list[str]:
    y, m = int(start[:4]), int(start[5:])
    out = []
    while f"{y:04d}-{m:02d}" <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def region_of(org_unit: str, units: dict[str, dict] | None = None) -> str:
    """Region code of an org unit: from the org-unit table, else the prefix before '-'."""
    if units and org_unit in units:
        return units[org_unit].get("region") or org_unit
    return org_unit.split("-", 1)[0]


def dated_period(record: dict) -> str | None:
    """The period of a record that is dated (a visit's form): its `period`, else the month
    of its `date` field."""
    period = record.get("period")
    if isinstance(period, str) and len(period) == 7:
        return period
    date = (record.get("data") or {}).get("date")
    return date[:7] if isinstance(date, str) and len(date) >= 7 else None


def stated_region(record: dict, units: dict | None) -> str:
    """The region a visit's form names in its `region` field, else its org unit's region."""
    region = (record.get("data") or {}).get("region")
    if isinstance(region, str) and region:
        return region
    return region_of(record.get("org_unit") or "", units)


def select(records: Iterable[dict], spec: str | tuple[str, str] | None, *,
           region: str | None = None, units: dict | None = None, form: str = "monthly_report",
           statuses: Iterable[str] | None = None, period_fn=None, region_fn=None) -> list[dict]:
    """Live records of `form` in the period (None: any) and region, tombstones left out.
    period_fn(record) / region_fn(record, units) override where a form keeps them."""
    start, end = (parse_period(spec) if isinstance(spec, str) else spec) if spec else (
        "0000-00", "9999-99")
    wanted = set(statuses) if statuses else None
    out = []
    for r in records:
        if r.get("form") != form or r.get("deleted"):
            continue
        period = period_fn(r) if period_fn else r.get("period")
        if not (period and start <= period <= end):
            continue
        if wanted is not None and r.get("status") not in wanted:
            continue
        where = region_fn(r, units) if region_fn else region_of(r["org_unit"], units)
        if region and where != region:
            continue
        out.append(r)
    return out


def _num(value) -> float | int:
    if type(value) is int:
        return value
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, (int, float)):
        return value
    try:
        f = float(value)
    except (TypeError, ValueError):
        return 0
    return int(f) if f.is_integer() else f


def _add_counts(target: dict, counts) -> None:
    if isinstance(counts, dict):
        get = target.get
        for code, n in counts.items():
            target[code] = get(code, 0) + (n if type(n) is int else _num(n))


def empty_figures() -> dict:
    fig: dict = {k: 0 for k in (*STOCK_SCALARS, *FLOW_SCALARS, *DEV_KEYS)}
    for k in (*STOCK_COUNTS, *FLOW_COUNTS):
        fig[k] = {}
    fig.update(support_provided={}, support_types={}, dev_by_type={}, reports=0, org_units=0)
    return fig


def latest_per_unit(records: Iterable[dict]) -> dict[str, dict]:
    latest: dict[str, dict] = {}
    for r in records:
        cur = latest.get(r["org_unit"])
        if cur is None or r["period"] > cur["period"]:
            latest[r["org_unit"]] = r
    return latest


def add_stock(fig: dict, record: dict) -> None:
    data = record.get("data") or {}
    for k in STOCK_SCALARS:
        fig[k] += _num(data.get(k))
    for k in STOCK_COUNTS:
        _add_counts(fig[k], data.get(k))
    fig["org_units"] += 1


def add_flow(fig: dict, record: dict) -> None:
    data = record.get("data") or {}
    for k in FLOW_SCALARS:
        fig[k] += _num(data.get(k))
    for k in FLOW_COUNTS:
        _add_counts(fig[k], data.get(k))
    provided = data.get("rfo_support_provided")
    if provided:
        fig["support_provided"][provided] = fig["support_provided"].get(provided, 0) + 1
    for code in data.get("rfo_support_types") or []:
        fig["support_types"][code] = fig["support_types"].get(code, 0) + 1
    for row in data.get("dev_events") or []:
        _add_dev_row(fig, row)
    fig["reports"] += 1


def _add_dev_row(fig: dict, row: dict) -> None:
    count = _num(row.get("dev_events_count", 1))
    part, hours = _num(row.get("dev_participants")), _num(row.get("dev_hours"))
    fig["dev_events_count"] += count
    fig["dev_participants"] += part
    fig["dev_hours"] += hours
    slot = fig["dev_by_type"].setdefault(row.get("dev_event_type") or "UNSPECIFIED",
                                         {"count": 0, "participants": 0, "hours": 0})
    slot["count"] += count
    slot["participants"] += part
    slot["hours"] += hours


def headline(records: Iterable[dict]) -> dict:
    """Figures of an already selected set of monthly reports (see `select`)."""
    records = list(records)
    fig = empty_figures()
    for r in latest_per_unit(records).values():
        add_stock(fig, r)
    for r in records:
        add_flow(fig, r)
    _round_hours(fig)
    return fig


def _round_hours(fig: dict) -> None:
    for k in ("volunteer_hours", "dev_hours"):
        if isinstance(fig[k], float):
            fig[k] = round(fig[k], 2)


def breakdown(records: Iterable[dict], *, by: str = "region", units: dict | None = None
              ) -> dict[str, dict]:
    """Figures per region (`by="region"`) or per org unit (`by="org_unit"`)."""
    groups: dict[str, list] = defaultdict(list)
    for r in records:
        key = region_of(r["org_unit"], units) if by == "region" else r["org_unit"]
        groups[key].append(r)
    return {k: headline(v) for k, v in sorted(groups.items())}


def trend(records: Iterable[dict]) -> dict[str, dict]:
    """Per month: the flows of that month and the stock reported in that month."""
    groups: dict[str, list] = defaultdict(list)
    for r in records:
        groups[r["period"]].append(r)
    return {p: headline(v) for p, v in sorted(groups.items())}


def summarize(records: Iterable[dict], spec: str, *, region: str | None = None,
              units: dict | None = None) -> dict:
    """Everything a dashboard or the summary workbook needs for one period and scope."""
    chosen = select(records, spec, region=region, units=units)
    return {
        "period": parse_period(spec),
        "region": region,
        "total": headline(chosen),
        "by_region": breakdown(chosen, by="region", units=units),
        "by_org_unit": breakdown(chosen, by="org_unit", units=units),
        "by_month": trend(chosen),
    }
