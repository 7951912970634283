"""VR-01: figures repeated from another period (previous month, same month last year, nearly
identical) or from another district of the same region in the same month.

How unlikely identical figures are is learnt from the unit's own series: a cell that changes
every month makes a repeat surprising, one that rarely changes (a small district's stock)
does not. The surprise is the sum of -log2(chance of that cell repeating). For a whole
month repeated, before the series says anything, a cell's chance of repeating is that of a
count of its size drawn twice (1 / (2·sqrt(pi·v)), at most one half): 690 hours typed again
is rarer than 4 organizations — a region's table of six indicators copied from last month is
found after a few months too.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from reports.review.records import entered
from reports.review.series import Series, make, settings


class RepeatOdds:
    """Per cell, how often the unit's consecutive months repeat a non-zero value."""

    def __init__(self, s: Series):
        self.pairs: set[tuple[str, str]] = set()
        self.same: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.near: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for prev, cur in zip(s.periods, s.periods[1:]):
            if s.at(cur, -1) != prev:
                continue
            pair = (prev, cur)
            self.pairs.add(pair)
            self.near[prev].append(pair)
            self.near[cur].append(pair)
            a, b = s.vec[prev], s.vec[cur]
            for k in [k for k, v in b.items() if v and a.get(k) == v]:
                self.same[k].add(pair)

    def surprise(self, cells: dict[str, float], judged: str, sized: bool) -> float:
        """Surprise of `cells` (cell -> its value) repeating (the sum of each one's bits),
        learnt without the pairs that touch `judged`, from a prior of PRIOR_PAIRS pairs at
        one half, or (`sized`: a whole month repeated) at the chance of a count of that size
        repeating. A near copy keeps the flat prior: in a small district most small cells
        of two honest months coincide (2 under-14s, 1 pensioner) and say little."""
        mine = self.near.get(judged, ())
        n = len(self.pairs) - len(mine)
        none: set = set()
        bits = []
        for cell, value in cells.items():
            same = self.same.get(cell, none)
            eq = len(same) - sum(1 for pair in mine if pair in same)
            prior = min(0.5, PRIOR_SCALE / math.sqrt(abs(value))) if sized else 0.5
            bits.append(-math.log2((eq + PRIOR_PAIRS * prior) / (n + PRIOR_PAIRS)))
        return sum(bits)


PRIOR_PAIRS = 2  # the prior weighs as much as two months seen (Laplace's rule at one half)
PRIOR_SCALE = 1 / (2 * math.sqrt(math.pi))  # two draws of a count v alike: ~0.28 / sqrt(v)


def _compare(cur: dict, old: dict) -> tuple[bool, float, list[str]]:
    """(all cells identical, share of non-zero cells identical, the identical ones)."""
    nonzero = [k for k, v in cur.items() if v]
    if not nonzero:
        return False, 0.0, []
    same = [k for k in nonzero if old.get(k) == cur[k]]
    exact = len(same) == len(nonzero) and all(
        cur.get(k, 0) == v for k, v in old.items())
    return exact, len(same) / len(nonzero), same


def _kind(cfg: dict, detail: str, cur: dict, old: dict, odds: RepeatOdds,
          judged: str) -> tuple[str, float] | None:
    """(`detail` for an exact repeat, "VR-01-near" for a near one; the share) when the
    repeat is surprising enough; the surprise is weighed only for a repeat close enough."""
    exact, share, same = _compare(cur, old)
    if not exact and share < cfg["near_share"]:
        return None
    bits = odds.surprise({k: cur[k] for k in same}, judged, sized=exact)
    if exact and bits >= cfg["surprise_bits"]:
        return detail, share
    if not exact and bits >= cfg["near_surprise_bits"]:
        return "VR-01-near", share
    return None


def copy_findings(s: Series, units=None) -> list[dict]:
    cfg, out = settings("copy"), []
    odds = RepeatOdds(s)
    for p in s.periods:
        best = None
        for months, detail in ((-12, "VR-01-year"), (-1, "VR-01-prev")):
            other = s.at(p, months)
            if other is None:
                continue
            found = _kind(cfg, detail, s.vec[p], s.vec[other], odds, p)
            if found is None:
                continue
            kind, share = found
            if best is None or (kind != "VR-01-near" and best[0] == "VR-01-near"):
                best = (kind, other, share)
        if best is None:
            best = _stock_copy(cfg, s, p, odds)
        if best:
            out.append(_copy_finding(s, p, *best, units=units))
    return out


def _stock_fields() -> frozenset[str]:
    from reports.aggregate import figures_form

    return frozenset(f.id for f in figures_form().stock_fields)


def _stock_copy(cfg: dict, s: Series, p: str, odds: RepeatOdds) -> tuple | None:
    """("VR-01-stock-year", the month a year before, share) when every stock cell (the
    volunteers and their breakdowns, the organizations) repeats that month's exactly while
    the events are new: a block copied from last year's report. Judged like a whole month
    repeated, on the unit's own odds: a district whose stock stays the same month after month
    is not suspected."""
    other = s.at(p, -12)
    if other is None:
        return None
    stock = _stock_fields()
    cur, old = ({k: v for k, v in s.vec[q].items() if k.partition(".")[0] in stock}
                for q in (p, other))
    exact, _share, same = _compare(cur, old)
    if not exact or len(same) < cfg["units_min_cells"]:
        return None
    if odds.surprise({k: cur[k] for k in same}, p, sized=True) < cfg["surprise_bits"]:
        return None
    return "VR-01-stock-year", other, _compare(s.vec[p], s.vec[other])[1]


def _copy_finding(s: Series, p: str, kind: str, other: str, share: float, units) -> dict:
    codes = {"VR-01-year": "review_copy_year", "VR-01-prev": "review_copy_prev",
             "VR-01-near": "review_near_copy", "VR-01-stock-year": "review_copy_year_stock"}
    severity = "error" if kind == "VR-01-year" else "warning"
    s.flagged.add(p)
    data = s.data(p)
    params = {"other": other, "share": round(100 * share), "field": "volunteers_total",
              "value": data.get("volunteers_total"), "hours": data.get("volunteer_hours"),
              "other_record": s.rec[other]["id"]}
    return make(s.rec[p], kind, severity, codes[kind], [], params, units)


def _info(vec: dict) -> float:
    return sum([math.log2(1 + abs(v)) for v in vec.values() if v])


def identical_units(series: dict[str, Series], units=None) -> list[dict]:
    """Districts of one region whose month is identical, cell for cell, to another's."""
    from reports.aggregate import region_of

    cfg = settings("copy")
    regions = {s.unit: region_of(s.unit, units) for s in series.values()}

    def alike(s: Series, p: str) -> tuple:
        """What identical months share for sure (region, period, total): a cheap sieve."""
        return regions[s.unit], p, s.vec[p].get("volunteers_total") or None

    sieve = Counter(alike(s, p) for s in series.values() for p in s.periods)
    groups = defaultdict(list)
    for s in series.values():
        region = regions[s.unit]
        for p in s.periods:
            if sieve[alike(s, p)] < 2:
                continue                # no other district's month has its total
            vec = {k: v for k, v in s.vec[p].items() if v}
            if len(vec) >= cfg["units_min_cells"] and _info(vec) >= cfg["units_min_bits"]:
                groups[(region, p, tuple(sorted(vec.items())))].append(s)
    out = []
    for (_, p, _), same in groups.items():
        if len(same) < 2:
            continue
        same.sort(key=lambda s: _typed_in(s.rec[p]))
        first = same[0]
        for s in same[1:]:
            s.flagged.add(p)
            out.append(make(s.rec[p], "VR-01-units", "warning", "review_identical_units", [],
                            {"other_unit": first.unit, "other_record": first.rec[p]["id"],
                             "cells": len(s.vec[p])}, units))
    return out


def _typed_in(rec: dict) -> tuple:
    """The order districts typed a month in: when it was entered (records.entered: an
    imported or pulled record keeps its original updated_at while its created_at is the day
    of the import), then its created_at text and its id."""
    t = entered(rec)
    return t is None, t.isoformat() if t else "", str(rec.get("created_at") or ""), rec["id"]
