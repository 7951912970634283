"""Autosaved drafts in the store's kv table (never in files), offered back after a crash.

Key ``autosave:<form>:<record id>`` holds JSON ``{"saved_at", "record"}``; the key
``autosave:index`` lists the keys present so they can be found without scanning the table.
"""
from __future__ import annotations

import json
from typing import Any

from forms.periods import utc_now

INDEX_KEY = "autosave:index"


def _key(form: str, record_id: str) -> str:
    return f"autosave:{form}:{record_id}"


def _load(store: Any, key: str, default: Any) -> Any:
    raw = store.get_setting(key, None)
    if raw in (None, ""):
        return default
    if isinstance(raw, (dict, list)):
        return raw
    try:
        return json.loads(raw)
    except (TypeError, ValueError):
        return default


def _index(store: Any) -> list[str]:
    return list(_load(store, INDEX_KEY, []))


def write_autosave(store: Any, record: dict) -> None:
    key = _key(record["form"], record["id"])
    store.set_setting(key, {"saved_at": utc_now(), "record": record})
    index = _index(store)
    if key not in index:
        store.set_setting(INDEX_KEY, index + [key])


def read_autosave(store: Any, form: str, record_id: str) -> dict | None:
    entry = _load(store, _key(form, record_id), None)
    return entry if isinstance(entry, dict) and "record" in entry else None


def clear_autosave(store: Any, form: str, record_id: str) -> None:
    key = _key(form, record_id)
    if store.get_setting(key, None) is not None:
        store.set_setting(key, None)
    index = _index(store)
    if key in index:
        index.remove(key)
        store.set_setting(INDEX_KEY, index)


def pending_autosaves(store: Any, form: str) -> list[dict]:
    """Autosaves of ``form`` that are newer than the stored record (or have no record)."""
    out = []
    for key in _index(store):
        if not key.startswith(f"autosave:{form}:"):
            continue
        entry = _load(store, key, None)
        if not isinstance(entry, dict) or "record" not in entry:
            continue
        stored = store.get_record(entry["record"]["id"])
        if stored is None or (stored.get("updated_at") or "") < entry["saved_at"]:
            out.append(entry)
    return out
