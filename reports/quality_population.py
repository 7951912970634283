"""VR-04 (DOMAIN §3): implausibly low or high regional cells.

The compared fields are the monthly report's `per_capita` stock fields (forms/definitions).
For every month present, each region's stock figures are its org units' latest monthly reports
of the 12 months up to that month, summed (`reports.aggregate`, as the headline does). A cell
(`volunteers_total`, `gender.F`, `age.A18_28`, `occupation.STUDENT`, ...) is then compared

* with the other regions per 1,000 residents (`resources/population.toml`): below the 5th
  percentile of its peers and at most a third of their median -> `review_percapita_low`,
  above the 95th and at least 3x the median -> `review_percapita_high` (INFO). Needs enough
  regions with data and a population that month; a region without one is not compared;
* with the region's own previous 12 months: below a third of their median ->
  `review_own_history_low` (WARN).

When `volunteers_total` itself is flagged, breakdown cells flagged the same way that month are
left out (one finding says the whole region is off).
"""
from __future__ import annotations

import functools
import statistics
import tomllib
from collections import defaultdict
from pathlib import Path

from forms.paths import resources_dir
from forms.periods import shift_period
from forms.quality import numeric_cells
from reports.aggregate import breakdown, figures_form, latest_per_unit, region_of
from reports.quality_review import finding

RULE = "VR-04"


def cell_fields(form=None) -> list[str]:
    """The fields compared per 1,000 residents: `per_capita = true` in the form definition."""
    return [f.id for f in (form or figures_form()).stock_fields if f.per_capita]


@functools.cache
def load_population(path: Path) -> dict[str, int]:
    """Region code -> resident population from a table like resources/population.toml;
    {} when the file is absent (then no region gets a per-capita comparison)."""
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        table = tomllib.load(fh).get("population") or {}
    return {code: int(n) for code, n in table.items()
            if isinstance(n, (int, float)) and not isinstance(n, bool) and n > 0}


def population() -> dict[str, int]:
    return load_population(resources_dir() / "population.toml")


def _cells(fig: dict, form) -> dict[str, float]:
    return numeric_cells(form, fig, only=cell_fields(form))


def _anchor(recs: list[dict], region: str) -> dict:
    """The record a region's finding links to: its region-level report, else the first."""
    return min(recs, key=lambda r: (r["org_unit"] != region, r["org_unit"]))


def region_cells(reports: list[dict], units=None) -> dict[str, dict[str, tuple]]:
    """period -> region -> (cells, anchor record), for the regions reporting that period."""
    form = figures_form()
    by_period = defaultdict(list)
    for r in reports:
        by_period[r["period"]].append(r)
    out = {}
    periods = [r["period"] for r in reports]
    for period in sorted(by_period):
        start = shift_period(period, -11)
        window = [r for r, p in zip(reports, periods) if start <= p <= period]
        figs = breakdown(latest_per_unit(window).values(), by="region", units=units,
                         flows=False)               # the cells are stock fields
        current = defaultdict(list)
        for r in by_period[period]:
            current[region_of(r["org_unit"], units)].append(r)
        out[period] = {reg: (_cells(figs[reg], form), _anchor(recs, reg))
                       for reg, recs in current.items()}
    return out


def _limits(peers: list[float], t) -> tuple[float, float, float]:
    """(low percentile, median, high percentile) of the peers' rates."""
    q = statistics.quantiles(peers, n=100, method="inclusive")
    return q[t.percapita_pct - 1], statistics.median(peers), q[99 - t.percapita_pct]


def _peer_verdict(rate: float, peers: list[float], t) -> tuple[str | None, float]:
    low, median, high = _limits(peers, t)
    if median <= 0:
        return None, median
    if rate < low and rate * t.percapita_ratio <= median:
        return "review_percapita_low", median
    if rate > high and rate >= t.percapita_ratio * median:
        return "review_percapita_high", median
    return None, median


def _peer_findings(month: dict, pop: dict, t, units) -> list[dict]:
    rated = {reg: v for reg, v in month.items() if reg in pop}
    out = []
    for cell in sorted({c for cells, _ in rated.values() for c in cells}):
        rates = {reg: 1000 * cells[cell] / pop[reg]
                 for reg, (cells, _) in rated.items() if cell in cells}
        if len(rates) < max(t.percapita_min_regions, 3):
            continue
        for reg, rate in sorted(rates.items()):
            peers = [v for r, v in rates.items() if r != reg]
            code, median = _peer_verdict(rate, peers, t)
            if code:
                cells, rec = rated[reg]
                params = {"region": reg, "cell": cell, "value": cells[cell],
                          "rate": round(rate, 3), "median": round(median, 3),
                          "population": pop[reg]}
                out.append(finding(rec, RULE, "info", code, [cell], params, units))
    return out


def _history_findings(period: str, series: dict, t, units) -> list[dict]:
    out = []
    earlier = [series[p] for p in (shift_period(period, -k) for k in range(1, 13)) if p in series]
    for reg, (cells, rec) in sorted(series[period].items()):
        for cell, value in sorted(cells.items()):
            past = [m[reg][0][cell] for m in earlier if reg in m and cell in m[reg][0]]
            if len(past) < t.history_min_months:
                continue
            base = statistics.median(past)
            if base >= t.history_min_base and value * t.history_ratio < base:
                params = {"region": reg, "cell": cell, "value": value, "median": base,
                          "months": len(past)}
                out.append(finding(rec, RULE, "warning", "review_own_history_low", [cell],
                                   params, units))
    return out


def _collapse(found: list[dict]) -> list[dict]:
    """A breakdown cell flagged like its region's `volunteers_total` that period adds nothing
    (the whole region is off, not the cell): keep the total's finding only."""
    total = {(f["region"], f["period"], f["message_code"]) for f in found
             if f["params"]["cell"] == "volunteers_total"}
    return [f for f in found if f["params"]["cell"] == "volunteers_total"
            or (f["region"], f["period"], f["message_code"]) not in total]


def population_findings(reports: list[dict], t, units=None, *,
                        pop: dict[str, int] | None = None) -> list[dict]:
    """VR-04 over the monthly reports of every period present (`pop`: region -> residents,
    default `population()`)."""
    pop = population() if pop is None else pop
    series = region_cells(reports, units)
    out = []
    for period, month in series.items():
        out += _peer_findings(month, pop, t, units)
        out += _history_findings(period, series, t, units)
    return _collapse(out)
