"""Data-quality rules on a record and its history (DOMAIN.md §3): VR-01, VR-02, VR-14.

Thresholds come from resources/quality.toml. Each rule is guarded: a bug in one rule becomes a
`rule_failed` error finding (it blocks submission on every layer, never passes silently), not
an exception in the caller.
"""
from __future__ import annotations

import functools
import math
import statistics
from typing import TypeGuard

from forms.history import HistoryGroup, HistoryView
from forms.model import Finding, FormDef, for_forms, form_plan
from forms.periods import periods_before, shift_period
from forms.thresholds import th
from forms.validate import record_period, rule_failed

NUMERIC = ("integer", "decimal")


def run_quality(form: FormDef, record: dict, data: dict, *, history=None, context=None,
                skip: tuple[str, ...] = ()):
    """The quality rules' findings; `skip`: rule families not to run
    (forms.validate.validate_record)."""
    ctx = QContext(form, record, data, history, context)
    out: list[Finding] = []
    for check in _form_checks(form) if not skip else _checks_but(form, skip):
        try:
            out.extend(check(ctx))
        except Exception as exc:  # noqa: BLE001 - reported as an error finding
            out.append(rule_failed(getattr(check, "__name__", "?"), [], exc))
    return out


def _checks() -> list:
    """Every quality rule, in order (the rule modules import this one, so they are
    imported on first use; a function-level import per record costs more than the rules
    that return at once)."""
    if not _CHECKS:
        from forms import quality_lists, quality_text, quality_values, quality_visits
        _CHECKS.extend([vr01_repeat, vr02_jumps, vr14_target, *quality_values.CHECKS,
                        *quality_text.CHECKS, *quality_lists.CHECKS, *quality_visits.CHECKS])
    return _CHECKS


_CHECKS: list = []


@form_plan
def _form_checks(form: FormDef) -> list:
    """The rules that may find something on `form` (forms.model.for_forms), unwrapped."""
    return [getattr(c, "__wrapped__", c) for c in _checks()
            if getattr(c, "applies", None) is None or c.applies(form)]


def _checks_but(form: FormDef, skip: tuple[str, ...]) -> list:
    """`_form_checks` without those of the families in `skip`, planned once per form."""
    plans = _skip_plans(form)
    hit = plans.get(skip)
    if hit is None:
        hit = plans[skip] = [c for c in _form_checks(form) if _family(c) not in skip]
    return hit


@form_plan
def _skip_plans(form: FormDef) -> dict:
    return {}


def _family(check) -> str | None:
    """The rule family a check reports, from its name ("vr01_repeat" -> "VR-01": every
    check is named after its rule)."""
    name = check.__name__
    return f"VR-{name[2:4]}" if name[:2] == "vr" and name[2:4].isdigit() else None


class QContext:
    """What a quality rule may look at."""

    def __init__(self, form, record, data, history, context):
        self.form, self.record, self.data = form, record, data
        self.context = context if isinstance(context, dict) else {}
        self.period = record_period(form, record) if isinstance(record, dict) else None
        self.hist = _history_view(form, record, history)
        self._history: list[dict] | None = None
        self._by_period: dict[str, dict] | None = None
        memo = self.hist.group.memo  # shared by the group's records (HistoryGroup memo)
        # id(data) -> (data, its cells); (id(data), fields) -> (data, those fields' cells)
        self._cells: dict[int | tuple, tuple[dict, dict[str, float]]] = \
            {} if memo is None else memo.setdefault(("cells", form.id, form.version), {})
        # id(history record) -> (the record, its period, its (updated_at, revision) order)
        self._marks: dict[int, tuple[dict, str | None, tuple]] = \
            {} if memo is None else memo.setdefault(("marks", form.id, form.version), {})

    @property
    def history(self) -> list[dict]:
        """The history records, oldest period first (listed once, only if a rule asks)."""
        if self._history is None:
            self._history = list(self.hist)
        return self._history

    def cells(self, data: dict, only=None) -> dict[str, float]:
        """`numeric_cells` of this record's or a history record's data, computed once per
        context, or once per history group when it keeps a memo (several rules, and the
        records of a push batch, compare the same vectors); `only`: those fields' cells.
        Callers only read the result."""
        if only is None:  # the common call: keyed by the data's id alone
            hit = self._cells.get(id(data))
            if hit is None or hit[0] is not data:
                hit = self._cells[id(data)] = (data, _all_cells(self.form, data))
            return hit[1]
        key = (id(data), tuple(only))
        hit = self._cells.get(key)
        if hit is None or hit[0] is not data:
            keep = set(only)
            hit = self._cells[key] = (data, {k: v for k, v in self.cells(data).items()
                                             if k.partition(".")[0] in keep})
        return hit[1]

    def hist_by_period(self) -> dict[str, dict]:
        """period -> data of the latest history record of that period (not this record).
        Computed once per context; callers only read it."""
        if self._by_period is None:
            self._by_period = self._latest_per_period()
        return self._by_period

    def _latest_per_period(self) -> dict[str, dict]:
        """The latest by (updated_at, revision); of equals, the later in history order."""
        order: dict[str, tuple] = {}  # period -> the order key of the data kept for it
        out: dict[str, dict] = {}
        marks, own, form = self._marks, self.period, self.form
        for r in self.history:
            hit = marks.get(id(r))
            if hit is None or hit[0] is not r:
                hit = marks[id(r)] = (r, record_period(form, r), (
                    str(r.get("updated_at") or ""), _int(r.get("revision"))))
            p = hit[1]
            if p and p != own:
                kept = order.get(p)
                if kept is None or hit[2] >= kept:
                    order[p] = hit[2]
                    out[p] = r["data"]
        return out


def _int(v) -> int:
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def _history_view(form, record, history):
    """`history` as a `forms.history.HistoryView`: given as one (the scope review's index,
    built once per form and org unit), or a list a caller chose (entry-time validation),
    cleaned of what is not history: malformed, deleted, the record itself, another org unit
    or form."""
    if isinstance(history, HistoryView):
        return history
    rec = record if isinstance(record, dict) else {}
    unit = rec.get("org_unit")
    rows = [r for r in history if isinstance(r, dict) and
            (unit is None or r.get("org_unit") in (None, unit))] \
        if isinstance(history, (list, tuple)) else []
    return HistoryGroup(form, rows).view(rec, windowed=False)


MAX_ABS = 1e15  # larger numbers are rejected by the field checks; quality rules ignore them


def is_num(v) -> TypeGuard[float]:
    """A finite int or float of sane size (not a bool)."""
    kind = type(v)  # the common cases first: this runs for every cell of every record
    if kind is int:
        return -MAX_ABS < v < MAX_ABS
    if kind is float:
        return math.isfinite(v) and -MAX_ABS < v < MAX_ABS
    if kind is bool or not isinstance(v, (int, float)):
        return False
    return is_num(float(v) if isinstance(v, float) else int(v))


def numeric_cells(form: FormDef, data: dict, only: list[str] | None = None) -> dict[str, float]:
    """Flat numeric vector: `volunteers_total`, `gender.F`, ... (rosters excluded)."""
    if only is None:
        return _all_cells(form, data)
    cells: dict[str, float] = {}
    for f in form.numeric_fields:
        if f.id not in only:
            continue
        v = data.get(f.id)
        if f.type in NUMERIC:
            if is_num(v):
                cells[f.id] = v
        elif isinstance(v, dict):
            cells.update({f"{f.id}.{k}": n for k, n in v.items() if is_num(n)})
    return cells


def _all_cells(form: FormDef, data: dict) -> dict[str, float]:
    """`numeric_cells` of every numeric field, in the same order; `is_num`'s common case (an
    int in range) tested inline: this runs for every record and every history record."""
    cells: dict[str, float] = {}
    for fid, scalar in _cell_plan(form):
        v = data.get(fid)
        if scalar:
            if (type(v) is int and -MAX_ABS < v < MAX_ABS) or is_num(v):
                cells[fid] = v
        elif isinstance(v, dict):
            for k, n in v.items():
                if (type(n) is int and -MAX_ABS < n < MAX_ABS) or is_num(n):
                    cells[f"{fid}.{k}"] = n
    return cells


@form_plan
def _cell_plan(form: FormDef) -> tuple[tuple[str, bool], ...]:
    """(field id, whether a single number) of each numeric field, in form order."""
    return tuple((f.id, f.type in NUMERIC) for f in form.numeric_fields)


def cell_value(data: dict, cell: str):
    """The value behind one `numeric_cells` key (`field` or `field.category`), or None."""
    fid, dot, sub = cell.partition(".")
    v = data.get(fid)
    if dot:
        v = v.get(sub) if isinstance(v, dict) else None
    return v if is_num(v) else None


# --- VR-01: repeated figures of an earlier period ----------------------------------------

@for_forms(lambda form: form.unique_per_period)
def vr01_repeat(q: QContext) -> list[Finding]:
    if not q.period:
        return []
    cur = q.cells(q.data)
    nonzero = {k: v for k, v in cur.items() if v != 0}
    if len(nonzero) < th("vr01", "min_nonzero_cells", 3):
        return []
    year_ago, prev = shift_period(q.period, -12), shift_period(q.period, -1)
    probe, probe_value = next(iter(nonzero.items()))
    fid, dot, sub = probe.partition(".")  # cell_value(hdata, probe), inlined below
    best: Finding | None = None
    hist = q.hist_by_period()
    for period in sorted(p for p in hist if p < q.period):
        hdata = hist[period]
        if period not in (year_ago, prev):
            v = hdata.get(fid)
            if dot:
                v = v.get(sub) if isinstance(v, dict) else None
            if not (v == probe_value and is_num(v)):
                continue  # only an exact repeat counts here, and one cell already differs
        old = q.cells(hdata)
        finding = _compare_vectors(cur, nonzero, old, period, year_ago, prev)
        if finding and (best is None or _rank(finding) > _rank(best)):
            best = finding
    return [best] if best else []


def _rank(f: Finding) -> tuple:
    return ({"error": 2, "warning": 1}.get(f.severity, 0), f.params.get("share", 0))


def _compare_vectors(cur, nonzero, old, period, year_ago, prev) -> Finding | None:
    if cur == old:
        sev = "error" if period == year_ago else "warning"
        return Finding("VR-01", sev, _fields_of(cur), "repeat_of_period",
                       {"period": period, "share": 100})
    if period not in (year_ago, prev):
        return None
    same = sum(1 for k, v in nonzero.items() if old.get(k) == v)
    share = same / len(nonzero)
    if share >= th("vr01", "near_identical_share", 0.9):
        return Finding("VR-01", "warning", _fields_of(cur), "repeat_near_period",
                       {"period": period, "share": round(share * 100)})
    return None


def _fields_of(cells: dict) -> list[str]:
    return sorted({k.split(".")[0] for k in cells})


# --- VR-02: jumps and drops ----------------------------------------------------------------

@for_forms(lambda form: form.unique_per_period)
def vr02_jumps(q: QContext) -> list[Finding]:
    """Only for one-record-per-period forms (the monthly report), where months compare."""
    if not q.period or not q.history:
        return []
    hist = q.hist_by_period()
    stock = _stock_ids(q.form)
    cur = q.cells(q.data, stock)
    out = []
    for months, key in ((-1, "mom_pct"), (-12, "yoy_pct")):
        base_period = shift_period(q.period, months)
        if base_period in hist:
            old = q.cells(hist[base_period], stock)
            out += _pct_changes(cur, old, base_period, th("vr02", key, 30))
    out += _robust_outliers(q, q.period, hist)
    return out


@form_plan
def _stock_ids(form: FormDef) -> tuple[str, ...]:
    """The fields with `aggregation = "stock"` in the definition."""
    return tuple(f.id for f in form.stock_fields)


def _pct_changes(cur, old, base_period, limit) -> list[Finding]:
    out = []
    min_base = th("vr02", "min_base", 20)
    for cell, value in cur.items():
        prev = old.get(cell)
        if prev is None or max(value, prev) < min_base or value == prev:
            continue
        pct = (value - prev) / prev * 100 if prev else float("inf")
        if abs(pct) > limit:
            code = "jump_from_zero" if prev == 0 else "jump_vs_period"
            out.append(Finding("VR-02", "warning", [cell], code, {
                "field": cell, "value": value, "previous": prev, "period": base_period,
                "pct": round(pct) if prev else None, "limit": limit}))
    return out


def _robust_outliers(q: QContext, period: str, hist: dict) -> list[Finding]:
    past = [hist[m] for m in _months_before(period, th("vr02", "history_months", 12))
            if m in hist]
    min_points = th("vr02", "mad_min_points", 6)
    if len(past) < min_points:  # no cell can have enough points
        return []
    cur = q.cells(q.data, th("vr02", "robust_fields", []))
    out = []
    past_cells = [q.cells(d) for d in past]  # a field's cell: its value when is_num
    mad_k, min_base = th("vr02", "mad_k", 3.5), th("vr02", "min_base", 20)
    for cell, value in cur.items():
        if "." in cell:  # a category's cell is no key of the data itself
            series = [v for d in past if is_num(v := d.get(cell))]
        else:
            series = [c[cell] for c in past_cells if cell in c]
        if len(series) < min_points:
            continue
        med = _median(sorted(series))
        mad = _median(sorted([abs(v - med) for v in series]))
        scale = max(1.4826 * mad, 0.05 * abs(med), 1.0)
        z = abs(value - med) / scale
        if z > mad_k and max(value, med) >= min_base:
            out.append(Finding("VR-02", "warning", [cell], "outlier_vs_history", {
                "field": cell, "value": value, "median": med, "z": round(z, 1),
                "months": len(series)}))
    return out


def _median(ordered: list):
    """statistics.median of an already sorted list (the same value, without its
    generic overhead: eight medians of a dozen points per record)."""
    n = len(ordered)
    if n == 0:
        raise statistics.StatisticsError("no median for empty data")
    if n % 2 == 1:
        return ordered[n // 2]
    i = n // 2
    return (ordered[i - 1] + ordered[i]) / 2


@functools.lru_cache(maxsize=4096)
def _months_before(period: str, n: int) -> tuple[str, ...]:
    """The n periods before `period`, the latest first."""
    return periods_before(period, n)


# --- VR-14: target matching and rounded figures ---------------------------------------------

@for_forms(lambda form: form.has_field("volunteers_total") and form.unique_per_period)
def vr14_target(q: QContext) -> list[Finding]:
    out = []
    cur = q.data.get("volunteers_total")
    if q.period and is_num(cur):
        old = q.hist_by_period().get(shift_period(q.period, -12), {}).get("volunteers_total")
        if is_num(old) and old > 0:
            pct = (cur - old) / old * 100
            if th("vr14", "yoy_low_pct", 28) <= pct <= th("vr14", "yoy_high_pct", 32):
                out.append(Finding("VR-14", "info", ["volunteers_total"], "target_matching",
                                   {"pct": round(pct, 1), "previous": old, "value": cur}))
    base = th("vr14", "round_base", 100)
    rounded = sorted(k for k, v in q.cells(q.data).items()
                     if v and v % base == 0)
    if len(rounded) >= th("vr14", "round_min_cells", 3):
        out.append(Finding("VR-14", "info", rounded, "rounded_figures",
                           {"count": len(rounded), "base": base}))
    return out
