"""Rules on one report (VR-03 sums and event breakdowns, VR-05 positions without events,
VR-07/08 support) and on how a unit's reports were typed in (VR-19: many months created at
once, long after they ended)."""
from __future__ import annotations

import datetime as dt

from forms.periods import shift_period
from reports.review.series import Series, make, num, settings

BREAKDOWNS = ("gender", "age", "occupation")
EVENT_BREAKDOWNS = {"events_by_direction": "VR-03-direction-present",
                    "events_by_format": "VR-03-format-present"}


def record_findings(s: Series, units=None) -> list[dict]:
    out = []
    for p in s.periods:
        rec, d = s.rec[p], s.data(p)
        total = num(d, "volunteers_total")
        for fid in BREAKDOWNS:
            counts = d.get(fid)
            if total is None or not isinstance(counts, dict) or not counts:
                continue
            got = sum([v for v in counts.values() if isinstance(v, (int, float))])
            if got != total:
                out.append(make(rec, "VR-03", "error", "review_breakdown_sum",
                                [fid, "volunteers_total"],
                                {"field": fid, "sum": got, "total": total}, units))
        out += _support(rec, d, units)
        out += _positions_without_events(rec, d, units)
    out += _event_breakdowns(s, units)
    return out


def _given(d: dict, fid: str) -> bool:
    counts = d.get(fid)
    return isinstance(counts, dict) and any(
        isinstance(v, (int, float)) and v > 0 for v in counts.values())


def _event_breakdowns(s: Series, units) -> list[dict]:
    """A month with events but without a breakdown of them, where the unit usually gives it:
    a district whose clerk never fills the breakdown is not told so every month."""
    cfg = settings("breakdowns")
    active = [p for p in s.periods if (num(s.data(p), "events_total") or 0) > 0]
    out = []
    for fid, rule in EVENT_BREAKDOWNS.items():
        filled = {p for p in active if _given(s.data(p), fid)}
        for p in active:
            others = len(active) - 1
            usual = len(filled - {p})
            if p in filled or others < cfg["min_months"] or usual < cfg["usual_share"] * others:
                continue
            out.append(make(s.rec[p], rule, "error", "review_events_breakdown_missing",
                            [fid, "events_total"],
                            {"field": fid, "total": num(s.data(p), "events_total"),
                             "usual": usual, "months": others}, units))
    return out


def _positions_without_events(rec: dict, d: dict, units) -> list[dict]:
    """VR-05: positions or hours in a month without any event (a position is one volunteer at
    one event)."""
    positions, hours = num(d, "volunteer_positions") or 0, num(d, "volunteer_hours") or 0
    if num(d, "events_total") != 0 or not (positions > 0 or hours > 0):
        return []
    return [make(rec, "VR-05-no-events", "warning", "review_positions_without_events",
                 ["volunteer_positions", "volunteer_hours", "events_total"],
                 {"positions": positions, "hours": f"{hours:g}"}, units)]


def _support(rec: dict, d: dict, units) -> list[dict]:
    provided = d.get("rfo_support_provided")
    text = str(d.get("rfo_support_text") or "").lower()
    if provided in (None, ""):
        return [make(rec, "VR-08", "error", "review_support_unanswered",
                     ["rfo_support_provided"], {"field": "rfo_support_provided"}, units)]
    if provided == "YES" and (not d.get("rfo_support_types") or "всесторонн" in text):
        return [make(rec, "VR-07", "error", "review_support_without_type",
                     ["rfo_support_types"], {"field": "rfo_support_types"}, units)]
    return []


def _when(value) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def entered(rec: dict) -> dt.datetime | None:
    """When the report was typed in: the earliest of created_at and updated_at (a store that
    imported or pulled history keeps the original updated_at but stamps created_at now)."""
    times = [t for k in ("created_at", "updated_at") if (t := _when(rec.get(k)))]
    return min(times) if times else None


def _period_end(period: str) -> dt.datetime:
    y, m = int(period[:4]), int(period[5:])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return dt.datetime(y, m, 1, tzinfo=dt.UTC)


def bulk_entry(s: Series, units=None) -> list[dict]:
    """VR-19: months created within `window_hours` of each other, at least `min_periods` of
    them more than `late_days` after their month ended. A batch typed in together (a region's
    table of a whole year, imported on one day) gives each of its months one finding naming
    all of them."""
    cfg = settings("bulk")
    typed = {p: t for p in s.periods if (t := entered(s.rec[p]))}
    late_days = dt.timedelta(days=cfg["late_days"])
    late = {p for p, t in typed.items() if t - _period_end(p) > late_days}
    if len(late) < cfg["min_periods"]:
        return []                       # not enough late months for any batch
    window = dt.timedelta(hours=cfg["window_hours"])
    hit = _at_once(sorted((t, p) for p, t in typed.items()), late, window,
                   cfg["min_periods"])
    return [f for batch in _batches(hit, window) for f in _batch_findings(s, batch, units)]


def _at_once(stamped: list[tuple], late: set, window: dt.timedelta, least: int) -> list:
    """(time, period) of each month in some `window` that holds at least `least` late
    months, in the order they were entered."""
    hit: set[tuple] = set()
    start = 0
    for end in range(len(stamped)):
        while stamped[end][0] - stamped[start][0] > window:
            start += 1
        group = stamped[start:end + 1]
        if len({p for _t, p in group if p in late}) >= least:
            hit.update(group)
    return sorted(hit)


def _batches(hit: list[tuple], window: dt.timedelta) -> list[list[tuple]]:
    """The months entered together: a new batch after a pause longer than `window`."""
    out: list[list[tuple]] = []
    for t, p in hit:
        if out and t - out[-1][-1][0] <= window:
            out[-1].append((t, p))
        else:
            out.append([(t, p)])
    return out


def _batch_findings(s: Series, batch: list[tuple], units) -> list[dict]:
    """The batch's finding on each of its months (a month reviewed alone still says it),
    one text naming them all: a list shows it once (quality_review.distinct_lines)."""
    periods = sorted(p for _t, p in batch)
    first, last = batch[0][0].date().isoformat(), batch[-1][0].date().isoformat()
    params = {"count": len(periods), "months": month_runs(periods),
              "date": first if first == last else f"{first} – {last}"}
    return [make(s.rec[p], "VR-19", "info", "review_months_at_once", [], dict(params), units)
            for p in periods]


def month_runs(periods: list[str]) -> str:
    """Sorted periods as runs of consecutive months: «2023-01 – 2023-12, 2024-02»."""
    runs: list[list[str]] = []
    for p in periods:
        if runs and shift_period(runs[-1][-1], 1) == p:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]} – {r[-1]}" for r in runs)
