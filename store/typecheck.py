"""Type checks run when a draft is saved: values must have the field's type and choice codes
must exist. Rule findings (sums, bounds, comparisons) are the forms engine's job and never
block a draft. Each problem is a dict {field, code, message}; `field` is a path such as
`gender.X` or `participants[2].full_name`."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation


def _codes(fdef) -> set[str] | None:
    if not fdef.choices:
        return None
    from forms.reference import get_enum

    return set(get_enum(fdef.choices).codes)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    if _is_int(v) or isinstance(v, float):
        return v == v and v not in (float("inf"), float("-inf"))
    if isinstance(v, str):  # decimals may travel as strings ("12.5")
        try:
            return Decimal(v).is_finite()
        except InvalidOperation:
            return False
    return False


def _is_date(v) -> bool:
    if not isinstance(v, str):
        return False
    try:
        _dt.date.fromisoformat(v)
    except ValueError:
        return False
    return len(v) == 10


def _problem(path: str, code: str, message: str) -> dict:
    return {"field": path, "code": code, "message": f"field {path!r}: {message}"}


def _check_choice(fdef, value, path) -> list[dict]:
    codes = _codes(fdef)
    if not isinstance(value, str):
        return [_problem(path, "not_a_code", f"expected a choice code, got {value!r}")]
    if codes is not None and value not in codes:
        return [_problem(path, "unknown_code",
                         f"unknown code {value!r} for enumeration {fdef.choices!r}")]
    return []


def _check_multi(fdef, value, path) -> list[dict]:
    if not isinstance(value, list):
        return [_problem(path, "not_a_list", f"expected a list of codes, got {value!r}")]
    out = []
    for item in value:
        out.extend(_check_choice(fdef, item, path))
    return out


def _check_counts(fdef, value, path) -> list[dict]:
    if not isinstance(value, dict):
        return [_problem(path, "not_counts", f"expected {{code: integer}}, got {value!r}")]
    codes = _codes(fdef)
    out = []
    for code, n in value.items():
        if codes is not None and code not in codes:
            out.append(_problem(f"{path}.{code}", "unknown_code",
                                f"unknown code {code!r} for enumeration {fdef.choices!r}"))
        elif n is not None and not _is_int(n):
            out.append(_problem(f"{path}.{code}", "not_integer",
                                f"expected an integer, got {n!r}"))
    return out


def _check_roster(fdef, value, path) -> list[dict]:
    if not isinstance(value, list):
        return [_problem(path, "not_a_list", f"expected a list of rows, got {value!r}")]
    columns = {c.id: c for c in fdef.columns}
    out = []
    for i, row in enumerate(value, start=1):
        rpath = f"{path}[{i}]"
        if not isinstance(row, dict):
            out.append(_problem(rpath, "not_a_row", f"expected a row object, got {row!r}"))
            continue
        for cid, cval in row.items():
            col = columns.get(cid)
            if col is None:
                out.append(_problem(f"{rpath}.{cid}", "unknown_field", "no such column"))
            else:
                out.extend(check_value(col, cval, f"{rpath}.{cid}"))
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
    if value is None:
        return []
    if fdef.type in _SIMPLE:
        ok, code, text = _SIMPLE[fdef.type]
        return [] if ok(value) else [_problem(path, code, f"{text}, got {value!r}")]
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
            out.append(_problem(fid, "unknown_field", f"form {form.id!r} has no such field"))
        else:
            out.extend(check_value(fdef, value, fid))
    return out
