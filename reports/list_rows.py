"""Which record each row of a district's own list became (reports.list_import), kept on this
device per file: a re-import of the same file finds a row whose name was edited in place.

The rule (`edited`): the row has the same number on the same sheet of a file of the same
name, imported before into the same org unit; its identity (reports.list_names.IDENTITY)
differs from that record's only in the field RENAMED names (an event's title, a meeting's
official, a call's topic), the date among the rest; no other row of the file is that record;
and no record holds the row's new identity already. Such a row is that record edited: a draft
(or one returned for rework) is updated under its id; a submitted one is left as it is, said.
The memory (`remembered`, `remember`) also serves paper surveys (reports/survey_rows.py).
"""
from __future__ import annotations

import json
from pathlib import Path

from reports.list_names import IDENTITY, RENAMED
from reports.text import fold

KEY = "list_rows"


def _key(form_id: str, unit: str, path: Path, sheet: str | None) -> str:
    return json.dumps([KEY, form_id, unit, path.name, sheet or ""], ensure_ascii=False)


def remembered(store, form_id: str, unit: str, path: Path, sheet: str | None) -> dict:
    """{row number as text: record id} of the last import of this file into `unit`."""
    got = store.get_setting(_key(form_id, unit, path, sheet))
    return got if isinstance(got, dict) else {}


def remember(store, form_id: str, unit: str, path: Path, sheet: str | None,
             rows: dict[int, str]) -> None:
    store.set_setting(_key(form_id, unit, path, sheet), {str(n): i for n, i in rows.items()})


def edited(store, rec: dict, n: int, was: dict, claimed: set[str]) -> dict | None:
    """The stored record row `n` held at the last import when `rec` is it with its name
    edited (the module's rule), else None."""
    old_id = was.get(str(n))
    if not old_id or old_id in claimed or store.get_record(rec["id"]) is not None:
        return None
    old = store.get_record(old_id)
    if old is None or old["deleted"] or old["org_unit"] != rec["org_unit"] \
            or old["form"] != rec["form"]:
        return None
    same = [f for f in IDENTITY[rec["form"]] if f != RENAMED[rec["form"]]]
    if not any(rec["data"].get(f) for f in same) or any(fold(str(old["data"].get(f) or "")) != fold(str(rec["data"].get(f) or ""))
           for f in same):
        return None
    return old
