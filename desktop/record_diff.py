"""Record values as flat paths and per-field diffs between revisions: shared by the review
page (corrections shown to the district) and the conflicts dialog (mine / theirs)."""
from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Sequence
from typing import Any


def flatten(data: dict, prefix: tuple = ()) -> dict[tuple, Any]:
    """{("gender","F"): 3, ("participants", 1): {...row}, ("volunteers_total",): 9}.

    Counts (dicts) become one entry per code; rosters (lists of dicts) one entry per row,
    keyed by the row's `no` when present, else its position (1-based)."""
    out: dict[tuple, Any] = {}
    for key, value in (data or {}).items():
        path = prefix + (key,)
        if isinstance(value, dict) and value and not prefix:
            out.update(flatten(value, path))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for pos, row in enumerate(value, 1):
                out[path + (row.get("no") or pos,)] = row
        else:
            out[path] = value
    return out


def unflatten_into(data: dict, path: tuple, value: Any, *, present: bool = True) -> None:
    """Set (or remove when not `present`) the value at a `flatten` path inside `data`."""
    key = path[0]
    if len(path) == 1:
        if present:
            data[key] = value
        else:
            data.pop(key, None)
        return
    container = data.get(key)
    if isinstance(container, list) or (container is None and isinstance(value, dict)):
        rows = [r for r in (container or []) if (r.get("no") or 0) != path[1]]
        if present:
            rows.append(value)
        rows.sort(key=lambda r: r.get("no") or 0)
        data[key] = rows
    else:
        container = dict(container or {})
        if present:
            container[path[1]] = value
        else:
            container.pop(path[1], None)
        data[key] = container


def path_label(path: tuple, form=None, lang: str = "ru") -> str:
    """Human label of a flatten path: 'Volunteers by gender › Women', 'Dev. events › #3'."""
    head, fdef = path[0], None
    if form is not None:
        try:
            fdef = form.field(head)
        except Exception:  # noqa: BLE001 - unknown field in an older version
            fdef = None
    label = (fdef.label.get(lang) if fdef else None) or head
    if len(path) == 1:
        return label
    tail = f"#{path[1]}" if isinstance(path[1], int) else str(path[1])
    if fdef is not None and fdef.type == "counts" and fdef.choices:
        from forms.reference import get_enum
        with contextlib.suppress(Exception):  # an unknown code stays as it is
            tail = get_enum(fdef.choices).label(path[1], lang) or tail
    return f"{label} › {tail}"


def show_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{v}" for k, v in value.items() if k != "no" and v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def value_text(value: Any, path: tuple, form=None, lang: str = "ru") -> str:
    """`show_value` with choice codes as labels (roster rows, choice and multi-choice)."""
    fdef = None
    if form is not None:
        try:
            fdef = form.field(path[0])
        except Exception:  # noqa: BLE001
            fdef = None
    if fdef is None or value is None:
        return show_value(value)
    if fdef.type == "date" and isinstance(value, str):  # «12 ноября 2024», not 2024-11-12
        from desktop.dates_text import date_text
        return date_text(value, lang)
    if isinstance(value, dict) and fdef.columns:
        cols = {c.id: c for c in fdef.columns}
        return "; ".join(_label(cols.get(k), v, lang) for k, v in value.items()
                         if k != "no" and v not in (None, ""))
    if fdef.choices and fdef.type in ("choice", "multi_choice"):
        items = value if isinstance(value, list) else [value]
        return ", ".join(_label(fdef, v, lang) for v in items)
    return show_value(value)


def _label(fdef, code: Any, lang: str) -> str:
    if fdef is None or not getattr(fdef, "choices", None) or fdef.type == "counts":
        return show_value(code)
    try:
        from forms.reference import get_enum
        return get_enum(fdef.choices).label(code, lang) or str(code)
    except Exception:  # noqa: BLE001 - unknown code: as it is
        return str(code)


def revision_diffs(revisions: Sequence[dict], form=None, lang: str = "ru") -> list[dict]:
    """Per-field differences between consecutive revisions (editor, time, reason)."""
    from desktop.dates_text import moment_text
    out = []
    revs = sorted(revisions, key=lambda r: r["revision"])
    for old, new in itertools.pairwise(revs):
        a, b = flatten(_data(old)), flatten(_data(new))
        for path in sorted(set(a) | set(b), key=str):
            if a.get(path) != b.get(path):
                out.append({"revision": new["revision"], "field": path_label(path, form, lang),
                            "old": value_text(a.get(path), path, form, lang),
                            "new": value_text(b.get(path), path, form, lang),
                            "editor": new.get("editor", ""),
                            "at": moment_text(str(new.get("at", "")), lang),
                            "reason": new.get("reason") or ""})
    return out


def _data(rev: dict) -> dict:
    data = rev.get("data") or {}
    return json.loads(data) if isinstance(data, str) else data
