"""Semantic checks of a parsed form definition (types, enumerations, ids, rules)."""
from __future__ import annotations

from forms.expr import ExprError, compile_expr
from forms.fieldcheck import TEXT_CHECKS
from forms.model import FIELD_TYPES, SEVERITIES, FieldDef, FormDef

_ENUM_TYPES = ("choice", "multi_choice", "counts")
_NUMERIC = ("integer", "decimal")


def check_form(form: FormDef, fail) -> None:
    """Raise (through `fail(message, *needles)`) on the first problem found."""
    seen: set[str] = set()
    for f in form.fields:
        if f.id in seen:
            fail(f"form {form.id}: duplicate field id {f.id!r}", f.id, nth=2)
        seen.add(f.id)
        _check_field(f, fail, roster=None)
        col_ids: set[str] = set()
        for col in f.columns:
            if col.id in col_ids:
                fail(f"roster {f.id!r}: duplicate column id {col.id!r}", col.id, nth=2)
            col_ids.add(col.id)
            _check_field(col, fail, roster=f.id)
    _check_date_field(form, fail)
    rule_ids: set[str] = set()
    for rule in form.rules:
        if rule.id in rule_ids:
            fail(f"form {form.id}: duplicate rule id {rule.id!r}", rule.id, nth=2)
        rule_ids.add(rule.id)
        _check_rule(form, rule, fail)


def _check_field(f: FieldDef, fail, *, roster: str | None) -> None:
    where = f"column {roster}.{f.id}" if roster else f"field {f.id!r}"
    if f.type not in FIELD_TYPES:
        fail(f"{where}: unknown type {f.type!r} (known: {', '.join(FIELD_TYPES)})", f.id,
             key="type")
    if roster and f.type in ("roster", "counts"):
        fail(f"{where}: type {f.type!r} is not allowed inside a roster", f.id, key="type")
    if f.type == "roster" and not f.columns:
        fail(f"{where}: a roster needs [[...columns]]", f.id)
    if f.type != "roster" and f.columns:
        fail(f"{where}: only a roster may have columns", f.id)
    if f.type in _ENUM_TYPES:
        _check_enum(f, where, fail)
    elif f.choices is not None:
        fail(f"{where}: type {f.type!r} takes no choices", f.id, key="choices")
    for bound in ("min", "max"):
        v = getattr(f, bound)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            fail(f"{where}: {bound} must be a number, got {v!r}", f.id, key=bound)
        if v is not None and f.type not in (*_NUMERIC, "counts", "roster", "text"):
            fail(f"{where}: {bound} does not apply to type {f.type!r}", f.id, key=bound)
    if f.min is not None and f.max is not None and f.min > f.max:
        fail(f"{where}: min {f.min} is greater than max {f.max}", f.id, key="max")
    check = f.extra.get("check")
    if check is not None and (f.type != "text" or check not in TEXT_CHECKS):
        fail(f"{where}: check {check!r} is for text fields, one of {', '.join(TEXT_CHECKS)}",
             f.id, key="check")
    if "hours" in f.id and f.type in _NUMERIC and not f.unit:
        fail(f"{where}: an hours field must state its unit and period (VR-28)", f.id)


def _check_enum(f: FieldDef, where: str, fail) -> None:
    from forms.reference import UnknownEnumeration, get_enum
    if not isinstance(f.choices, str) or not f.choices:
        fail(f"{where}: type {f.type!r} needs choices = \"<enumeration name>\"", f.id,
             key="type")
    try:
        get_enum(f.choices)
    except UnknownEnumeration:
        fail(f"{where}: unknown enumeration {f.choices!r}", f.id, key="choices")


def _check_date_field(form: FormDef, fail) -> None:
    if form.date_field is None:
        return
    if not form.has_field(form.date_field) or form.field(form.date_field).type != "date":
        fail(f"form {form.id}: date_field {form.date_field!r} is not a date field",
             "date_field")


def _check_rule(form: FormDef, rule, fail) -> None:
    from forms.messages import has_message
    rid = rule.id
    if rule.severity not in SEVERITIES:
        fail(f"rule {rid!r}: severity must be one of {SEVERITIES}, got {rule.severity!r}",
             rid, key="severity")
    if not isinstance(rule.message, str) or not has_message(rule.message):
        fail(f"rule {rid!r}: message code {rule.message!r} has no text in "
             "resources/messages.toml", rid, key="message")
    if rule.each is not None and not _each_columns(form, rule):
        fail(f"rule {rid!r}: each = {rule.each!r} is not a roster of the form", rid, key="each")
    texts = [("expr", rule.expr), ("when", rule.when)] + [
        (f"params.{k}", v) for k, v in rule.params.items()]
    for what, text in texts:
        if what == "when" and text is None:
            continue
        key = what.split(".")[0]
        try:
            expr = compile_expr(text)
        except ExprError as exc:
            fail(f"rule {rid!r}: bad {what}: {exc}", rid, key=key)
        _check_names(form, rule, expr, lambda msg, k=key: fail(msg, rid, key=k))
    if rule.each is not None:
        return _check_each_fields(form, rule, fail)
    for ref in rule.fields:
        base = ref.split("[")[0].split(".")[0]
        if not form.has_field(base):
            fail(f"rule {rid!r}: fields lists unknown field {base!r}", rid, key="fields")


def _each_columns(form: FormDef, rule) -> list[str]:
    """The columns of the roster a per-row rule runs over ([] when `each` is no roster)."""
    if not isinstance(rule.each, str) or not form.has_field(rule.each):
        return []
    roster = form.field(rule.each)
    return [c.id for c in roster.columns] if roster.type == "roster" else []


def _check_each_fields(form: FormDef, rule, fail) -> None:
    columns = _each_columns(form, rule)
    if not rule.fields:
        fail(f"rule {rule.id!r}: a per-row rule needs fields (its columns)", rule.id,
             key="fields")
    for ref in rule.fields:
        if ref not in columns:
            fail(f"rule {rule.id!r}: roster {rule.each!r} has no column {ref!r}", rule.id,
                 key="fields")


def _check_names(form: FormDef, rule, expr, fail) -> None:
    row_names = set(_each_columns(form, rule)) | {"row", "earlier"} if rule.each else set()
    for name in sorted(expr.names):
        if name not in row_names and not form.has_field(name):
            fail(f"rule {rule.id!r}: unknown field {name!r} in {expr.text!r}")
    for base, attr in sorted(expr.attrs):
        roster = rule.each if rule.each and base == "earlier" else base
        if not form.has_field(roster) or form.field(roster).type != "roster":
            fail(f"rule {rule.id!r}: {base!r} is not a roster in {expr.text!r}")
        if attr not in [c.id for c in form.field(roster).columns]:
            fail(f"rule {rule.id!r}: roster {roster!r} has no column {attr!r}")
