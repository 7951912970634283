"""THE field checker: type, required, bounds, enumeration codes, roster rows, unknown fields.

Every layer (the forms engine, the store on save and import, the server on push, the CLI)
uses this one. A field or roster column the form does not have is an error
(`field_not_in_form`) everywhere. `HARD_CODES` are the findings that refuse a record of ANY
status, a draft too (forms.lifecycle.verdict): a value of the wrong type (`TYPE_CODES`), one
out of its bounds (a text beyond its max_length, a number beyond the form's min / max or
MAX_ABS, a non-finite number) and a shape beyond the input limits below (keys of an object,
items of a list). Required values and duplicate codes block only a submission.

The input limits (MAX_KEYS, MAX_ITEMS, MAX_ABS) live here, the lowest layer that
needs them; sync.protocol re-exports them for the server's request parsing."""
from __future__ import annotations

import datetime as dt
import math
import reprlib
from collections.abc import Callable

from forms.model import FieldDef, Finding, FormDef, form_plan
from forms.reference import enum_code_set


def is_blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (
        isinstance(v, (list, dict)) and not v)


def parse_date(v) -> dt.date | None:
    if not isinstance(v, str) or len(v) != 10:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


def enum_codes(name: str) -> frozenset[str]:
    """The codes of an enumeration (empty when unknown)."""
    return enum_code_set(name)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    return isinstance(v, int) or math.isfinite(v)  # a huge int is caught by the bounds


def _err(path: str, code: str, f: FieldDef, rule: str = "type", **params) -> Finding:
    return Finding(rule, "error", [path], code, {"field": path, **params})


TYPE_CODES = frozenset({"not_integer", "not_number", "not_text", "not_date", "not_boolean",
                        "unknown_code", "not_list", "not_counts", "not_row",
                        "field_not_in_form"})
BOUND_CODES = frozenset({"too_long", "above_max", "below_min", "too_many_rows",
                         "too_many_keys", "too_many_items"})
HARD_CODES = TYPE_CODES | BOUND_CODES  # refuse a record of any status (a draft too)

MAX_ABS = 10**15  # no count or amount in this domain comes near; bigger is a typo or junk
MAX_KEYS = 1000  # keys of one object: a record's data, a counts field, a roster row
MAX_ITEMS = 100_000  # items of one list: roster rows (a list file's rows too), choices


def check_fields(form: FormDef, data: dict) -> list[Finding]:
    if len(data) > MAX_KEYS:  # one finding, not one per junk key
        return [_too_many_keys("data", len(data))]
    if _all_fine(form, data):  # the common case, told from the record's own values
        return []
    out: list[Finding] = []
    get = data.get
    for fid, f, required, fine in _field_plan(form):
        v = get(fid)
        if v is None:
            if required:  # an absent optional value: nothing to check
                out.extend(check_value(f, v, fid))
        elif fine is None or not fine(v):  # `fine`: surely no finding (the common case)
            out.extend(check_value(f, v, fid))
    if not form.has_fields(data.keys()):
        out.extend(_not_in_form(str(key)) for key in data if not form.has_field(key))
    return out


@form_plan
def _field_plan(form: FormDef) -> tuple[tuple[str, FieldDef, bool, Callable | None], ...]:
    """(id, field, required, fine) of each field of the form, in form order: `fine(v)` true
    means `check_value` finds nothing in the present value `v` (false: ask it)."""
    return tuple((f.id, f, bool(f.required), _fine(f)) for f in form.fields)


def _all_fine(form: FormDef, data: dict) -> bool:
    """True when `check_fields` finds nothing, told in one pass over the record's values
    (not over all the form's fields): each key a field of the form, each present value
    `fine`, each required field there. False: it may find something (ask it)."""
    index, required_count = _field_index(form)
    if index is None:
        return False
    have = 0
    for fid, v in data.items():
        entry = index.get(fid)
        if entry is None:
            return False
        if v is not None:
            fine, required = entry
            if fine is None or not fine(v):
                return False
            have += required
    return have == required_count


@form_plan
def _field_index(form: FormDef) -> tuple[dict | None, int]:
    """({field id: (fine, required)}, how many fields are required) for `_all_fine`; None
    for a form whose field ids repeat (its findings come from the full check)."""
    plan = _field_plan(form)
    index = {fid: (fine, required) for fid, _f, required, fine in plan}
    return (index if len(index) == len(plan) else None), sum(r for _i, _f, r, _x in plan)


def _fine(f: FieldDef) -> Callable | None:
    """A quick test that a present value of `f` is of its type, inside its bounds and known
    codes, not blank: it only lets `check_value` be skipped, so it may say no to a value
    that is fine (an unusual one) but never yes to one with a finding."""
    kind = f.type
    if kind == "integer":
        return lambda v: v.__class__ is int and _inside(f, v)
    if kind == "decimal":
        return lambda v: (v.__class__ is int or v.__class__ is float and math.isfinite(v)) \
            and _inside(f, v)
    if kind == "boolean":
        return lambda v: v.__class__ is bool
    if kind == "choice":
        return lambda v: v.__class__ is str and v in enum_code_set(f.choices) and v.strip() != ""
    if kind == "date":
        return lambda v: v.__class__ is str and parse_date(v) is not None
    if kind == "text" and f.extra.get("check") is None:
        return lambda v: v.__class__ is str and v.strip() != "" and not (
            f.max_length and len(v) > f.max_length)
    if kind == "multi_choice":
        return lambda v: v.__class__ is list and _known_distinct(f, v)
    if kind == "counts":
        return lambda v: v.__class__ is dict and _known_counts(f, v)
    return None


def _inside(f: FieldDef, v) -> bool:
    return -MAX_ABS < v < MAX_ABS and (f.min is None or v >= f.min) and (
        f.max is None or v <= f.max)


def _known_distinct(f: FieldDef, v: list) -> bool:
    """A non-empty list of distinct known codes, within MAX_ITEMS."""
    n = len(v)
    if n == 1:  # the usual choice of one
        return v[0].__class__ is str and v[0] in enum_code_set(f.choices)
    if not n or n > MAX_ITEMS:
        return False
    for x in v:
        if x.__class__ is not str:
            return False
    return len(set(v)) == n and enum_code_set(f.choices).issuperset(v)


def _known_counts(f: FieldDef, v: dict) -> bool:
    """A non-empty object of known codes, each an int count inside the bounds (as the
    common case of `_c_counts`)."""
    if not v or len(v) > MAX_KEYS:
        return False
    codes, low, high = enum_code_set(f.choices), f.min, f.max
    for code, n in v.items():
        if not (n.__class__ is int and code in codes and 0 <= n < MAX_ABS
                and (low is None or n >= low) and (high is None or n <= high)):
            return False
    return True


def _not_in_form(path: str, **params) -> Finding:
    return Finding("type", "error", [path], "field_not_in_form",
                   {"field": path, "id": path, **params})  # `field` may show as a label


def check_value(f: FieldDef, v, path: str) -> list[Finding]:
    kind = v.__class__
    if kind is int:  # the common cases first: a count inside its bounds, a known code
        if f.type == "integer" and -MAX_ABS < v < MAX_ABS and (f.min is None or v >= f.min) \
                and (f.max is None or v <= f.max):
            return []
    elif kind is str and f.type == "choice" and v in enum_code_set(f.choices) and v.strip():
        return []
    elif kind is not float and kind is not bool and is_blank(v):  # a number is never blank
        if f.required:
            return [Finding(f.required_rule or "required", "error", [path], "required",
                            {"field": path})]
        return []
    checker = _CHECKERS.get(f.type)
    return checker(f, v, path) if checker else []


def _too_many_keys(path: str, n: int) -> Finding:
    return Finding("bounds", "error", [path], "too_many_keys",
                   {"field": path, "keys": n, "max": MAX_KEYS})


def _bounds(f: FieldDef, v, path: str) -> list[Finding]:
    if abs(v) >= MAX_ABS:
        return [Finding("bounds", "error", [path], "above_max",
                        {"field": path, "value": _short(v), "max": MAX_ABS})]
    if f.min is not None and v < f.min:
        return [Finding("bounds", "error", [path], "below_min",
                        {"field": path, "value": v, "min": f.min})]
    if f.max is not None and v > f.max:
        return [Finding("bounds", "error", [path], "above_max",
                        {"field": path, "value": v, "max": f.max})]
    return []


def _c_integer(f, v, path):
    if not _is_int(v):
        return [_err(path, "not_integer", f, value=_short(v))]
    return _bounds(f, v, path)


def _c_decimal(f, v, path):
    if not _is_number(v):
        return [_err(path, "not_number", f, value=_short(v))]
    return _bounds(f, v, path)


def _c_text(f, v, path):
    if not isinstance(v, str):
        return [_err(path, "not_text", f, value=_short(v))]
    if f.max_length and len(v) > f.max_length:
        return [_err(path, "too_long", f, "bounds", length=len(v), max=f.max_length)]
    return _c_format(f, v, path)


TEXT_CHECKS = ("bin",)  # the `check` values a text field may carry (forms/checks.py)


def _c_format(f, v, path):
    """A text field's `check`: "bin" = a БИН/ИИН with a valid control digit."""
    if f.extra.get("check") != "bin" or not v.strip():
        return []
    from forms.identifiers import bin_problem
    problem = bin_problem(v)
    if problem is None:
        return []
    code, params = problem
    return [Finding("bin", "error", [path], code, {"field": path, **params})]


def _c_date(f, v, path):
    if parse_date(v) is None:
        return [_err(path, "not_date", f, value=_short(v))]
    return []


def _c_boolean(f, v, path):
    return [] if isinstance(v, bool) else [_err(path, "not_boolean", f, value=_short(v))]


def _c_choice(f, v, path):
    codes = enum_codes(f.choices)
    if not isinstance(v, str) or v not in codes:
        return [_err(path, "unknown_code", f, "choice", value=_short(v), enum=f.choices)]
    return []


def _c_multi(f, v, path):
    if not isinstance(v, list):
        return [_err(path, "not_list", f, value=_short(v))]
    if len(v) > MAX_ITEMS:
        return [_err(path, "too_many_items", f, "bounds", items=len(v), max=MAX_ITEMS)]
    codes, out, seen = enum_codes(f.choices), [], set()
    for i, item in enumerate(v):
        if not isinstance(item, str) or item not in codes:
            out.append(_err(f"{path}[{i}]", "unknown_code", f, "choice", value=_short(item),
                            enum=f.choices))
        elif item in seen:
            out.append(_err(f"{path}[{i}]", "duplicate_code", f, "choice", value=item))
        if isinstance(item, str):
            seen.add(item)
    return out


def _c_counts(f, v, path):
    if not isinstance(v, dict):
        return [_err(path, "not_counts", f, value=_short(v))]
    if len(v) > MAX_KEYS:
        return [_too_many_keys(path, len(v))]
    codes, out = enum_codes(f.choices), []
    low, high = f.min, f.max
    for code, n in v.items():
        if n.__class__ is int and code in codes and 0 <= n < MAX_ABS \
                and (low is None or n >= low) and (high is None or n <= high):
            continue  # the common case: a known code, a count inside its bounds
        cell = f"{path}.{code}"
        if code not in codes:
            out.append(_err(cell, "unknown_code", f, "choice", value=_short(code),
                            enum=f.choices))
        elif n is None:
            continue
        elif not _is_int(n):
            out.append(_err(cell, "not_integer", f, value=_short(n)))
        elif n < 0:
            out.append(_err(cell, "below_min", f, "bounds", value=n, min=0))
        else:
            out.extend(_bounds(f, n, cell))
    return out


def _c_roster(f, v, path):
    if not isinstance(v, list):
        return [_err(path, "not_list", f, value=_short(v))]
    if len(v) > MAX_ITEMS:  # absurd: the rows are not checked one by one, one finding
        return [_err(path, "too_many_rows", f, "bounds", rows=len(v), max=MAX_ITEMS)]
    out = []
    if f.max is not None and len(v) > f.max:
        out.append(_err(path, "too_many_rows", f, "bounds", rows=len(v), max=f.max))
    if f.min is not None and len(v) < f.min:
        out.append(_err(path, "too_few_rows", f, "bounds", rows=len(v), min=f.min))
    known = {c.id for c in f.columns}
    for i, row in enumerate(v):
        rpath = f"{path}[{i}]"
        if not isinstance(row, dict):
            out.append(_err(rpath, "not_row", f, value=_short(row), row=i + 1))
            continue
        if len(row) > MAX_KEYS:
            out.append(_too_many_keys(rpath, len(row)))
            continue
        for col in f.columns:
            for finding in check_value(col, row.get(col.id), f"{rpath}.{col.id}"):
                finding.params.setdefault("row", i + 1)
                out.append(finding)
        out.extend(_not_in_form(f"{rpath}.{c}", row=i + 1) for c in row if c not in known)
    return out


_REPR = reprlib.Repr()  # Python 3.11: no keyword arguments yet
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlong = 3, 60, 60, 40


def _short(v) -> str:
    """A value for a message: bounded however long or deep the value is."""
    s = _REPR.repr(v)
    return s if len(s) <= 60 else s[:57] + "..."


_CHECKERS = {
    "integer": _c_integer, "decimal": _c_decimal, "text": _c_text, "date": _c_date,
    "boolean": _c_boolean, "choice": _c_choice, "multi_choice": _c_multi,
    "counts": _c_counts, "roster": _c_roster,
}
