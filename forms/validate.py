"""validate_record(): field checks, declarative rules, period checks and quality rules."""
from __future__ import annotations

import ast
import functools
import math

from forms.expr import MISSING, Skip, compile_expr, evaluate, outcome
from forms.fieldcheck import check_fields, parse_date
from forms.model import Finding, FormDef, Rule, form_plan
from forms.periods import PERIOD_RE as _PERIOD
from forms.thresholds import flat_thresholds


def record_data(record) -> dict:
    """The field values of a canonical record (or of a bare data dict)."""
    if isinstance(record, dict) and isinstance(record.get("data"), dict):
        return record["data"]
    if isinstance(record, dict) and "data" not in record and "form" not in record:
        return record
    return {}


def record_period(form: FormDef, record) -> str | None:
    """'YYYY-MM': the record's period, or the month of its date field."""
    if form.date_field:
        date = record_data(record).get(form.date_field)
        month = _month_of(date) if isinstance(date, str) else None
        if month:
            return month
    period = record.get("period") if isinstance(record, dict) else None
    if isinstance(period, str) and _PERIOD.match(period):
        return period
    return None


@functools.lru_cache(maxsize=4096)
def _month_of(date: str) -> str | None:
    """'YYYY-MM' of a date text (parse_date), None when it is not a date; the dates of a
    region's records repeat (a few thousand days)."""
    d = parse_date(date)
    return f"{d.year:04d}-{d.month:02d}" if d else None


def validate_record(form: FormDef | str, record, *, history=None, context=None,
                    skip: tuple[str, ...] = ()) -> list[Finding]:
    """All findings for `record` (never raises on malformed data).

    `form` may also be a form id: the version is then taken from record["form_version"].
    `skip`: rule families (`rule_family`, e.g. "VR-02") or single rule ids (e.g.
    "VR-03-gender") whose findings the caller drops (the scope review decides them itself for
    monthly reports): their rules are not run.
    """
    if isinstance(form, str):
        from forms.loader import load_form
        version = record.get("form_version") if isinstance(record, dict) else None
        form = load_form(form, version if isinstance(version, int) else None)
    data = record_data(record)
    findings = check_fields(form, data)
    findings += _check_period(form, record if isinstance(record, dict) else {}, data)
    findings += run_rules(form, data, skip)
    findings += _run_quality()(form, record if isinstance(record, dict) else {}, data,
                            history=history, context=context, skip=skip)
    return _with_safe_params(findings)


def rule_family(rule_id: str) -> str:
    """A finding's rule as the scope review counts it: "VR-03" for "VR-03-gender"; other
    rule ids ("type", "period", a crashed check's name) as they are."""
    return rule_id[:5] if rule_id.startswith("VR-") else rule_id


def check_record_fields(form: FormDef, record) -> list[Finding]:
    """Only the field checks (types, codes, required values): the part of validate_record
    that does not depend on other fields or on history; enough to tell whether a value is of
    the wrong type."""
    return _with_safe_params(check_fields(form, record_data(record)))


def _with_safe_params(findings: list[Finding]) -> list[Finding]:
    for f in findings:
        f.params = {str(k): _json_safe(v) for k, v in f.params.items()}
    return findings


def _json_safe(v, depth: int = 0):
    """Params travel as strict JSON: no NaN/inf, no ints beyond 2**53, no odd types."""
    cls = v.__class__  # the common cases first, as decided below
    if cls is str or (cls is int and -2**53 < v < 2**53):
        return v
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if abs(v) < 2**53 else str(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else str(v)
    if isinstance(v, (list, tuple)) and depth < 3:
        return [_json_safe(x, depth + 1) for x in v]
    if isinstance(v, dict) and depth < 3:
        return {str(k): _json_safe(x, depth + 1) for k, x in v.items()}
    return str(v)


def _check_period(form: FormDef, record: dict, data: dict) -> list[Finding]:
    declared = record.get("period")
    if isinstance(declared, str) and not declared.strip():
        declared = None  # not given yet (an empty box): one "missing" message, not a bad value
    if declared is not None and not (isinstance(declared, str) and _PERIOD.match(declared)):
        return [Finding("period", "error", ["period"], "bad_period", {"value": str(declared)})]
    if form.date_field:
        derived = record_period(form, {"data": data})
        if derived and declared and derived != declared:
            return [Finding("period", "error", ["period", form.date_field], "period_mismatch",
                            {"period": declared, "date": data.get(form.date_field)})]
        return _dates_in_month(form, data, derived)
    if form.unique_per_period and declared is None and "form" in record:
        return [Finding("period", "error", ["period"], "required", {"field": "period"})]
    return _dates_in_month(form, data, declared)


def _dates_in_month(form: FormDef, data: dict, period: str | None) -> list[Finding]:
    """VR-32: dates of the record (and its roster rows) lie inside the reporting month."""
    if not period:
        return []
    out = []
    for fid, col in _date_plan(form):
        if col is None:
            out += _date_in(period, data.get(fid), fid)
        elif isinstance(data.get(fid), list):
            for i, row in enumerate(data[fid]):
                if isinstance(row, dict):
                    out += _date_in(period, row.get(col), f"{fid}[{i}].{col}")
    return out


@form_plan
def _date_plan(form: FormDef) -> list[tuple[str, str | None]]:
    """(field id, None) for each date field VR-32 checks, (roster id, column id) for each
    date column, in form order."""
    out: list[tuple[str, str | None]] = []
    for f in form.fields:
        if f.type == "date" and f.id != form.date_field and not f.extra.get("may_span"):
            out.append((f.id, None))
        out.extend((f.id, col.id) for col in f.columns if col.type == "date")
    return out


def _date_in(period: str, value, path: str) -> list[Finding]:
    d = parse_date(value)
    if d is None or f"{d.year:04d}-{d.month:02d}" == period:
        return []
    return [Finding("VR-32", "warning", [path], "date_outside_period",
                    {"field": path, "date": value, "period": period})]


# --- declarative rules ------------------------------------------------------------------

@functools.lru_cache(maxsize=2048)
def _compiled(text: str):
    return compile_expr(text)


def run_rules(form: FormDef, data: dict, skip: tuple[str, ...] = ()) -> list[Finding]:
    th = flat_thresholds()
    out = []
    for rule, family, when, expr in _rule_plan(form):
        if skip and (family in skip or rule.id in skip):
            continue
        if rule.each:
            out += _run_each(rule, data, th)
            continue
        if expr is not None and _passes(when, expr, data, th):
            continue
        finding = run_rule(rule, data, th)
        if finding:
            out.append(finding)
    return out


@form_plan
def _rule_plan(form: FormDef) -> tuple:
    """(rule, its family, its compiled `when` or None, its compiled `expr`) of each rule;
    both None when a text does not compile (run_rule then reports it)."""
    out = []
    for rule in form.rules:
        try:
            when = _compiled(rule.when) if rule.when else None
            expr = _compiled(rule.expr)
        except Exception:  # noqa: BLE001 - run_rule turns it into rule_failed
            when = expr = None
        out.append((rule, rule_family(rule.id), when, expr))
    return tuple(out)


def _passes(when, expr, data: dict, thresholds: dict) -> bool:
    """True when `_run_rule` finds nothing (the guard false or skipping, the rule holding or
    skipping), told without it; False: let run_rule decide (a finding, or a crash)."""
    try:
        if when is not None:
            guard = outcome(when, data, thresholds)
            if guard is MISSING or not guard:
                return True
        held = outcome(expr, data, thresholds)
        return held is MISSING or bool(held)
    except Exception:  # noqa: BLE001 - run_rule reports it as rule_failed
        return False


def _run_each(rule: Rule, data: dict, thresholds: dict) -> list[Finding]:
    """A rule with `each = "roster"`: once per row, the row's columns (and `row`, 1-based,
    and `earlier`, the rows above) over the record's fields; findings point at the row."""
    rows = data.get(rule.each)
    if not isinstance(rows, list):
        return []
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        finding = run_rule(rule, {**data, **row, "row": i + 1, "earlier": rows[:i]},
                           thresholds)
        if finding:
            finding.fields = [f"{rule.each}[{i}].{c}" for c in rule.fields]
            finding.params.setdefault("row", i + 1)
            out.append(finding)
    return out


def run_rule(rule: Rule, data: dict, thresholds: dict) -> Finding | None:
    """The rule's finding, None when it holds or skips; a rule that crashes is an error
    finding `rule_failed` (a broken rule never passes silently)."""
    try:
        return _run_rule(rule, data, thresholds)
    except Exception as exc:  # noqa: BLE001 - reported as a finding, see rule_failed
        return rule_failed(rule.id, rule.fields, exc)


def rule_failed(rule_id: str, fields, exc: Exception) -> Finding:
    """The error finding of a rule that could not run."""
    return Finding(rule_id, "error", list(fields or []), "rule_failed",
                   {"rule": rule_id, "error": f"{type(exc).__name__}: {exc}"})


def _run_rule(rule: Rule, data: dict, thresholds: dict) -> Finding | None:
    if rule.when:  # a guard that is false or skips: the rule does not apply
        guard = outcome(_compiled(rule.when), data, thresholds)
        if guard is MISSING or not guard:
            return None
    expr = _compiled(rule.expr)
    held = outcome(expr, data, thresholds)
    if held is MISSING or held:  # holds, or skips (MISSING: where evaluate raises Skip)
        return None
    params = _default_params(expr, data, thresholds)
    for name, text in rule.params.items():
        try:
            params[name] = evaluate(_compiled(text), data, thresholds=thresholds)
        except Skip:
            pass
    fields = rule.fields or sorted(expr.names)
    return Finding(rule.id, rule.severity, list(fields), rule.message, params)


def _default_params(expr, data: dict, thresholds: dict) -> dict:
    """For `a OP b` rules: left/right values and their expressions."""
    body = expr.tree.body
    if not (isinstance(body, ast.Compare) and len(body.ops) == 1):
        return {}
    out = {}
    for key, node in (("left", body.left), ("right", body.comparators[0])):
        sub = _compiled(ast.unparse(node))
        out[key + "_expr"] = sub.text
        try:
            out[key] = evaluate(sub, data, thresholds=thresholds)
        except Skip:
            pass
    return out


@functools.cache
def _run_quality():
    """forms.quality.run_quality (that module imports this one: taken once, on first use)."""
    from forms.quality import run_quality
    return run_quality
