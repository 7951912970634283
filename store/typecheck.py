"""Type checks run when a draft is saved: values must have the field's type and choice codes
must exist. Rule findings (sums, bounds, comparisons) are the forms engine's job and never
block a draft. Each problem is a dict {field, code, params, message}: `code` and `params`
are the forms engine's message codes (resources/messages.toml, so `forms.message_text`
translates them) and `field` is a path as the engine writes it: `gender.X`,
`rfo_support_types[1]`, `participants[0].full_name` (roster rows from 0)."""
from __future__ import annotations

import datetime as _dt
import math


def _codes(fdef) -> set[str] | None:
    if not fdef.choices:
        return None
    from forms.reference import get_enum

    return set(get_enum(fdef.choices).codes)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return _is_int(v) or (isinstance(v, float) and math.isfinite(v))


def _is_date(v) -> bool:
    if not isinstance(v, str):
        return False
    try:
        _dt.date.fromisoformat(v)
    except ValueError:
        return False
    return len(v) == 10


def _is_blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (
        isinstance(v, (list, dict)) and not v)


def _problem(path: str, code: str, message: str, **params) -> dict:
    return {"field": path, "code": code, "params": {"field": path, **params},
            "message": f"field {path!r}: {message}"}


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_choice(fdef, value, path) -> list[dict]:
    codes = _codes(fdef)
    if not isinstance(value, str) or (codes is not None and value not in codes):
        return [_problem(path, "unknown_code",
                         f"unknown code {value!r} for enumeration {fdef.choices!r}",
                         value=_short(value), enum=fdef.choices)]
    return []


def _check_multi(fdef, value, path) -> list[dict]:
    if not isinstance(value, list):
        return [_problem(path, "not_list", f"expected a list of codes, got {value!r}",
                         value=_short(value))]
    out = []
    for i, item in enumerate(value):
        out.extend(_check_choice(fdef, item, f"{path}[{i}]"))
    return out


def _check_counts(fdef, value, path) -> list[dict]:
    if not isinstance(value, dict):
        return [_problem(path, "not_counts", f"expected {{code: integer}}, got {value!r}",
                         value=_short(value))]
    codes = _codes(fdef)
    out = []
    for code, n in value.items():
        if codes is not None and code not in codes:
            out.append(_problem(f"{path}.{code}", "unknown_code",
                                f"unknown code {code!r} for enumeration {fdef.choices!r}",
                                value=_short(code), enum=fdef.choices))
        elif n is not None and not _is_int(n):
            out.append(_problem(f"{path}.{code}", "not_integer",
                                f"expected an integer, got {n!r}", value=_short(n)))
    return out


def _check_roster(fdef, value, path) -> list[dict]:
    if not isinstance(value, list):
        return [_problem(path, "not_list", f"expected a list of rows, got {value!r}",
                         value=_short(value))]
    columns = {c.id: c for c in fdef.columns}
    out = []
    for i, row in enumerate(value):
        rpath = f"{path}[{i}]"
        if not isinstance(row, dict):
            out.append(_problem(rpath, "not_row", f"row {i + 1}: expected an object, got "
                                f"{row!r}", value=_short(row), row=i + 1))
            continue
        for cid, cval in row.items():
            col = columns.get(cid)
            found = ([_problem(f"{rpath}.{cid}", "field_not_in_form", "no such column")]
                     if col is None else check_value(col, cval, f"{rpath}.{cid}"))
            for p in found:
                p["params"].setdefault("row", i + 1)
            out.extend(found)
    return out


_SIMPLE = {
    "integer": (_is_int, "not_integer", "expected an integer"),
    "decimal": (_is_number, "not_number", "expected a number"),
    "text": (lambda v: isinstance(v, str), "not_text", "expected text"),
    "date": (_is_date, "not_date", "expected a date YYYY-MM-DD"),
    "boolean": (lambda v: isinstance(v, bool), "not_boolean", "expected true or false"),
}
_COMPOUND = {"choice": _check_choice, "multi_choice": _check_multi,
             "counts": _check_counts, "roster": _check_roster}


def check_value(fdef, value, path: str | None = None) -> list[dict]:
    """Problems with one value of one field (None = empty, always allowed here)."""
    path = path or fdef.id
    if _is_blank(value):  # an empty cell: `required` is a rule finding, not a type error
        return []
    if fdef.type in _SIMPLE:
        ok, code, text = _SIMPLE[fdef.type]
        return [] if ok(value) else [_problem(path, code, f"{text}, got {value!r}",
                                              value=_short(value))]
    if fdef.type in _COMPOUND:
        return _COMPOUND[fdef.type](fdef, value, path)
    return [_problem(path, "unknown_type", f"unsupported field type {fdef.type!r}")]


def check_data(form, data) -> list[dict]:
    """Type problems of a record's `data` object against its form definition."""
    if not isinstance(data, dict):
        return [_problem("data", "not_object", f"expected an object, got {data!r}")]
    fields = {f.id: f for f in form.fields}
    out = []
    for fid, value in data.items():
        fdef = fields.get(fid)
        if fdef is None:
            out.append(_problem(fid, "field_not_in_form", f"form {form.id!r} has no such field"))
        else:
            out.extend(check_value(fdef, value, fid))
    return out
