"""VR-02 jumps and drops against the unit's own unflagged months, VR-06 implausible hours,
VR-14 growth on the target and inflated round figures.

Baselines fit the data: a stock against its neighbouring months (before, else after: a late
starter) unless the same month a year before had its level (a season), count-aware (beyond k·√base, so 10 -> 13 volunteers is noise); hours against the
unit's own hours per position (a one-off large event raises hours and positions together);
events against a seasonal level with a Poisson tail. A flagged month never enters a baseline,
and a month that continues a flagged month's level is the same anomaly, reported once.
"""
from __future__ import annotations

import math
import statistics

from forms.thresholds import thresholds
from reports.review.series import Series, make, num, settings


def _base(s: Series, p: str, field: str, n: int) -> float | None:
    values = s.values(field)
    usable = [q for q in s.usable(p) if q in values]
    before = [q for q in usable if q < p][-n:]
    around = before or [q for q in usable if q > p][:n]
    if not around:
        return None
    return statistics.median(values[q] for q in around)


def _off(v: float, base: float, ratio: float, sigma: float, slack: float) -> bool:
    r = (v + 1) / (base + 1)
    return (r > ratio or r < 1 / ratio) and abs(v - base) > sigma * math.sqrt(base) + slack


def stock_jumps(s: Series, units=None) -> list[dict]:
    cfg, out = settings("jump"), []
    field = "volunteers_total"
    for p in s.periods:
        v = num(s.data(p), field)
        if v is None or p in s.flagged:
            continue
        base = _base(s, p, field, cfg["neighbours"])
        if base is None or not _off(v, base, cfg["stock_ratio"], cfg["stock_sigma"],
                                    cfg["stock_slack"]) or _seasonal(s, p, field, v, cfg):
            continue
        s.flagged.add(p)
        prev = s.at(p, -1)
        pv = num(s.data(prev), field) if prev in s.flagged else None
        if pv is not None and not _off(v, pv, cfg["stock_ratio"], cfg["stock_sigma"],
                                       cfg["stock_slack"]):
            continue                                    # the flagged level goes on: once
        out.append(_jump(s, p, field, v, base, units))
    return out


def _seasonal(s: Series, p: str, field: str, v: float, cfg: dict) -> bool:
    """The same month a year before had this level: a season (a summer or a December of
    many volunteers every year), not a jump. That month counts even when it was flagged
    itself (a first year's summer has no summer before it to tell a season from a jump)."""
    year_ago = s.at(p, -12)
    old = None if year_ago is None else s.values(field).get(year_ago)
    return old is not None and not _off(v, old, cfg["stock_ratio"], cfg["stock_sigma"],
                                        cfg["stock_slack"])


def _jump(s: Series, p: str, field: str, v, base, units, basis: str = "months") -> dict:
    up = v > base
    detail = "VR-02-jump" if up else "VR-02-drop"
    code = {("months", True): "review_jump_up", ("months", False): "review_jump_down",
            ("per_position", True): "review_hours_jump_up",
            ("per_position", False): "review_hours_jump_down"}[(basis, up)]
    return make(s.rec[p], detail, "warning", code, [field],
                {"field": field, "value": v, "base": round(base, 1),
                 "times": round(max(v, 1e-9) / max(base, 1e-9), 1)
                 if up else round(max(base, 1e-9) / max(v, 1e-9), 1)}, units)


def _hpp(data: dict, min_positions: int) -> float | None:
    h, n = num(data, "volunteer_hours"), num(data, "volunteer_positions")
    if h is None or not n or n < min_positions or h <= 0:
        return None
    return h / n


def hours_jumps(s: Series, units=None) -> list[dict]:
    cfg, out = settings("jump"), []
    per = {p: x for p in s.periods  # each month's hours per position, once
           if (x := _hpp(s.data(p), cfg["hours_min_positions"])) is not None}
    for p in s.periods:
        cur = per.get(p)
        if cur is None or p in s.flagged:
            continue
        hist = [per[q] for q in s.usable(p) if q in per]
        if len(hist) < cfg["hours_min_months"]:
            continue
        base = statistics.median(hist)
        if not 1 / cfg["hours_ratio"] <= cur / base <= cfg["hours_ratio"]:
            s.flagged.add(p)
            out.append(_jump(s, p, "volunteer_hours", round(cur, 1), base, units,
                             basis="per_position"))
    return out


def _poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), summed upwards from k (no cancellation)."""
    if k <= 0:
        return 1.0
    term = math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))
    total, i = 0.0, k
    while term > 1e-300 and (total == 0 or term > total * 1e-12):
        total += term
        i += 1
        term *= lam / i
    return min(1.0, total)


def event_jumps(s: Series, season: dict[int, float], units=None) -> list[dict]:
    cfg, out, values = settings("jump"), [], s.values("events_total")
    factor = {q: season[int(q[5:])] for q in values}  # each month's seasonal factor, once
    for p in s.periods:
        k = values.get(p)
        if k is None or p in s.flagged:
            continue
        level = [values[q] / factor[q] for q in s.usable(p) if q in values]
        if len(level) < 3:
            continue
        lam = max(statistics.median(level) * factor[p], 0.5)
        if k >= cfg["events_ratio"] * lam and _poisson_tail(int(k), lam) < cfg["events_p"]:
            s.flagged.add(p)
            out.append(_jump(s, p, "events_total", k, lam, units))
    return out


def hours_limits(s: Series, units=None) -> list[dict]:
    """VR-06: hours per position outside physical limits, or per volunteer beyond the max."""
    cfg, out = {**thresholds()["vr06"], **settings("hours")}, []
    for p in s.periods:
        d = s.data(p)
        h, n, v = (num(d, "volunteer_hours"), num(d, "volunteer_positions"),
                   num(d, "volunteers_total"))
        if h is None:
            continue
        if n and n >= cfg["min_positions"] and not (
                cfg["hours_per_position_min"] <= h / n <= cfg["hours_per_position_max"]):
            out.append(make(s.rec[p], "VR-06-position", "warning", "review_hours_per_position",
                            ["volunteer_hours", "volunteer_positions"],
                            {"hours": h, "positions": n, "per": round(h / n, 1),
                             "min": cfg["hours_per_position_min"],
                             "max": cfg["hours_per_position_max"]},
                            units))
        elif v and h / v > cfg["hours_per_volunteer_max"]:
            out.append(make(s.rec[p], "VR-06-volunteer", "warning",
                            "review_hours_per_volunteer", ["volunteer_hours", "volunteers_total"],
                            {"hours": h, "volunteers": v, "per": round(h / v, 1),
                             "max": cfg["hours_per_volunteer_max"]}, units))
    return out


def target_growth(s: Series, units=None) -> list[dict]:
    cfg, out = settings("target"), []
    for p in s.periods:
        old_p = s.at(p, -12)
        if old_p is None or old_p in s.flagged:
            continue
        v, old = num(s.data(p), "volunteers_total"), num(s.data(old_p), "volunteers_total")
        if v is None or not old or old < cfg["min_base"]:
            continue
        growth = 100 * (v - old) / old
        if abs(growth - cfg["growth_pct"]) <= cfg["tolerance_pct"]:
            out.append(make(s.rec[p], "VR-14-target", "info", "review_growth_on_target",
                            ["volunteers_total"],
                            {"field": "volunteers_total", "value": v, "base": old,
                             "other": old_p, "growth": round(growth, 1),
                             "target": cfg["growth_pct"]}, units))
    return out


ROUND_FIELDS = ("volunteers_total", "volunteer_hours", "volunteer_positions", "events_total",
                "registered_orgs_count", "initiative_groups_count")


def _round_cells(data: dict, base: int) -> list[str]:
    return [f for f in ROUND_FIELDS
            if (v := num(data, f)) is not None and v >= base and v % base == 0]


def round_figures(s: Series, units=None) -> list[dict]:
    """A month of round figures where the unit usually has exact ones; a unit whose months
    are round all along («1 000», «2 000» every month: estimates, not counts) is said once,
    on its latest such month."""
    cfg, out = settings("round"), []
    counts = {p: _round_cells(s.data(p), cfg["base"]) for p in s.periods}
    always = []
    for p, cells in counts.items():
        if len(cells) < cfg["min_cells"]:
            continue
        others = [len(counts[q]) for q in s.periods if q != p]
        if others and statistics.mean(others) > cfg["usual_max"]:
            always.append(p)                            # this unit always reports estimates
            continue
        out.append(make(s.rec[p], "VR-14-round", "info", "review_round_figures", cells,
                        {"count": len(cells), "base": cfg["base"],
                         "value": num(s.data(p), cells[0]), "field": cells[0]}, units))
    if always:
        p, cells = always[-1], counts[always[-1]]
        out.append(make(s.rec[p], "VR-14-round", "info", "review_round_always", cells,
                        {"months": len(always), "of": len(s.periods), "base": cfg["base"],
                         "value": num(s.data(p), cells[0]), "field": cells[0]}, units))
    return out
