"""Headline figures and breakdowns of monthly reports (DOMAIN decisions 1-2).

Which field is which is data: `aggregation = "stock" | "flow"` in the form definition
(forms/definitions/monthly_report.toml). Stocks (volunteers and their breakdowns, organization
counts) take each org unit's LATEST report in the period and sum those; flows (events, hours,
positions, support occurrences, development events) are summed over every month. A region's figure is the sum of its
districts' reports plus any region-level report. Input is canonical records (CONTRACTS §3).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from forms.periods import PeriodError, months_in  # noqa: F401 - the reports' period API
from forms.periods import parse_span as parse_period

FORM = "monthly_report"


def figures_form(form=None):
    """The definition whose field semantics (forms/loader.py) drive the figures."""
    if form is not None:
        return form
    from forms import load_form
    return load_form(FORM)




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


def _by_key(roster, col) -> str:
    """The figure of a roster's flow columns per value of its `group_by` column."""
    return f"{roster.id}_by_{col}"


def empty_figures(form=None) -> dict:
    """Zero figures: a number per integer / decimal figure field, {code: n} per breakdown
    (counts, and choices counted by occurrence), per roster `group_by` {code: {column: n}}."""
    form = figures_form(form)
    fig: dict = {f.id: 0 if f.type in _SCALAR else {} for f in form.figure_fields}
    for roster, _cols in form.roster_flows:
        if roster.group_by:
            fig[_by_key(roster, roster.group_by)] = {}
    fig.update(reports=0, org_units=0)
    return fig


_SCALAR = ("integer", "decimal")


def latest_per_unit(records: Iterable[dict]) -> dict[str, dict]:
    latest: dict[str, dict] = {}
    for r in records:
        cur = latest.get(r["org_unit"])
        if cur is None or r["period"] > cur["period"]:
            latest[r["org_unit"]] = r
    return latest


def _add_field(fig: dict, f, value) -> None:
    if f.type in _SCALAR:
        fig[f.id] += _num(value)
    elif f.type == "counts":
        _add_counts(fig[f.id], value)
    else:  # a choice or multi-choice: how many records chose each code
        slot = fig[f.id]
        for code in (value if isinstance(value, list) else [value] if value else []):
            slot[code] = slot.get(code, 0) + 1


def add_stock(fig: dict, record: dict, form=None) -> None:
    data = record.get("data") or {}
    for f in figures_form(form).stock_fields:
        _add_field(fig, f, data.get(f.id))
    fig["org_units"] += 1


def add_flow(fig: dict, record: dict, form=None) -> None:
    form = figures_form(form)
    data = record.get("data") or {}
    for f in form.flow_fields:
        _add_field(fig, f, data.get(f.id))
    for roster, cols in form.roster_flows:
        for row in data.get(roster.id) or []:
            if isinstance(row, dict):
                _add_row(fig, roster, cols, row)
    fig["reports"] += 1


def _add_row(fig: dict, roster, cols, row: dict) -> None:
    values = {c.id: _num(row.get(c.id)) for c in cols}
    for cid, n in values.items():
        fig[cid] += n
    if roster.group_by:
        code = row.get(roster.group_by) or "UNSPECIFIED"
        slot = fig[_by_key(roster, roster.group_by)].setdefault(code, dict.fromkeys(values, 0))
        for cid, n in values.items():
            slot[cid] += n


def headline(records: Iterable[dict], form=None, *, flows: bool = True) -> dict:
    """Figures of an already selected set of monthly reports (see `select`): the form's stock
    fields from each org unit's latest report, its flow fields summed over all of them
    (`flows=False`: left at zero, for a caller that reads the stocks only)."""
    form = figures_form(form)
    records = list(records)
    fig = empty_figures(form)
    for r in latest_per_unit(records).values():
        add_stock(fig, r, form)
    for r in records if flows else ():
        add_flow(fig, r, form)
    for f in form.figure_fields:
        if f.type == "decimal" and isinstance(fig[f.id], float):
            fig[f.id] = round(fig[f.id], 2)
    return fig


def breakdown(records: Iterable[dict], *, by: str = "region", units: dict | None = None,
              flows: bool = True) -> dict[str, dict]:
    """Figures per region (`by="region"`) or per org unit (`by="org_unit"`); `flows` as in
    `headline`."""
    groups: dict[str, list] = defaultdict(list)
    for r in records:
        key = region_of(r["org_unit"], units) if by == "region" else r["org_unit"]
        groups[key].append(r)
    form = figures_form()
    return {k: headline(v, form, flows=flows) for k, v in sorted(groups.items())}


def trend(records: Iterable[dict]) -> dict[str, dict]:
    """Per month: the flows of that month and the stock reported in that month."""
    groups: dict[str, list] = defaultdict(list)
    for r in records:
        groups[r["period"]].append(r)
    form = figures_form()
    return {p: headline(v, form) for p, v in sorted(groups.items())}


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
