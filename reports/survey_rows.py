"""Which record each row of a paper survey typed by a clerk became (reports/survey_import.py).

An export with neither a submission id nor a submission time (reports/survey_identity.py)
knows a row only by its whole content, so a row a clerk corrected in the sheet would be read
as a second response. The import therefore remembers, on this device, which record each such
row made, per file (its name and sheet) — the row memory of a district's own lists
(reports/list_rows.py), kept for all regions at once since a survey's rows go to their own.
On a re-import of the same file:

1. a row whose whole content an earlier import saved is that record, as before; a row whose
   answers equal those of a record the file made is that record (its «№» renumbered, say);
2. any other row is a remembered record corrected when it differs from that record in a
   minority of its answers (`changed`: one answer in MINORITY at most, one at least) — a
   clerk's correction of one to a few cells, not another respondent's row. The record looked
   for is the one of the row's place: the rows found in step 1 around it bound the search
   (and REACH rows either side), and the nearest above (else below) tells how far the rows
   moved (a row inserted or deleted above); the nearest record to that place wins, then the
   one with fewer changes. Each record is one row's at most.

A row that meets neither is a new response. Rows sorted anew (the unchanged ones out of their
order) leave no place to search: a corrected one among them is then new too.
"""
from __future__ import annotations

import bisect
import json
from pathlib import Path

from reports import list_rows
from reports.readers_layout import visible_sheets

MINORITY = 3          # a correction changes at most one answer in three (and at least one)
ALL_REGIONS = ""      # the org unit of the row memory: a survey's rows go to their regions
REACH = 25            # how far from its place a corrected row's record is looked for


def by_row(rec: dict) -> bool:
    """The record read is known by its whole row (no submission id nor time)."""
    return rec.get("_legacy") is None


def remembered(store, form_id: str, path, sheet: str | None) -> dict[int, dict]:
    """{row: its record as stored now} of the last import of this file (one deleted in the
    app too: its row, corrected, is still that record, not brought back)."""
    was = list_rows.remembered(store, form_id, ALL_REGIONS, Path(path), _sheet(path, sheet))
    out = {}
    for n, rid in was.items():
        rec = store.get_record(rid)
        if rec is not None and rec["form"] == form_id:
            out[int(n)] = rec
    return out


def remember(store, form_id: str, path, sheet: str | None, rows: dict[int, str]) -> None:
    list_rows.remember(store, form_id, ALL_REGIONS, Path(path), _sheet(path, sheet), rows)


def _sheet(path, sheet: str | None) -> str | None:
    return visible_sheets(Path(path), sheet)[0][0]          # the sheet read_survey reads


def changed(old: dict, new: dict) -> list[str] | None:
    """The answers (field ids) that differ when `new` is `old` corrected by a clerk (the
    module's rule); None when it is not (nothing differs, or too much: another respondent)."""
    answered = [f for f in {**old, **new} if _given(old.get(f)) or _given(new.get(f))]
    diff = [f for f in answered if old.get(f) != new.get(f)]
    return diff if diff and len(diff) * MINORITY <= len(answered) else None


def _given(value) -> bool:
    return value not in (None, "", [])


def match(store, records: list[dict], was: dict[int, dict]) -> list[tuple[dict, int, list]]:
    """Give each row read by its whole content the id of the record it is (the module's
    rule). Returns (record read, its earlier row, answers changed) for the rows that are a
    remembered record corrected."""
    rows = [r for r in records if by_row(r)]
    claimed = {r["id"] for r in rows if store.get_record(r["id"]) is not None}
    at = {old["id"]: n for n, old in was.items()}
    anchors = {r["_row"]: at[r["id"]] for r in rows if r["id"] in at}
    answers: dict[str, list[int]] = {}
    for n, old in sorted(was.items()):
        answers.setdefault(_answers(old), []).append(n)
    for rec in rows:                                   # the same answers: that record
        free = [n for n in answers.get(_answers(rec), []) if was[n]["id"] not in claimed]
        if rec["id"] not in claimed and free:
            n = min(free, key=lambda k: abs(k - rec["_row"]))
            rec["id"] = was[n]["id"]
            claimed.add(rec["id"])
            anchors[rec["_row"]] = n
    pairs = sorted(_candidates(rows, was, claimed, anchors),
                   key=lambda p: (p[0], p[1], p[2], p[4]))
    out = []
    for _far, _n_changed, _row, rec, n, fields in pairs:
        if rec["id"] not in claimed and was[n]["id"] not in claimed:
            claimed.update({rec["id"], was[n]["id"]})
            rec["id"] = was[n]["id"]
            out.append((rec, n, fields))
    return sorted(out, key=lambda item: item[0]["_row"])


def _candidates(rows: list[dict], was: dict[int, dict], claimed: set, anchors: dict):
    """(distance from the row's place, answers changed, row, record read, earlier row,
    fields) for each remembered record a row read anew may be, corrected: between the
    earlier rows of the nearest rows found unchanged, at most REACH rows from its place."""
    order = sorted(anchors)
    for rec in rows:
        if rec["id"] in claimed:
            continue
        n = rec["_row"]
        k = bisect.bisect_left(order, n)
        above, below = order[k - 1] if k else None, order[k] if k < len(order) else None
        moved = next((m - anchors[m] for m in (above, below) if m is not None), 0)
        low = max(anchors[above] if above is not None else 0, n - moved - REACH - 1)
        high = min(anchors[below] if below is not None else n - moved + REACH + 1,
                   n - moved + REACH + 1)
        for place in range(low + 1, high):
            old = was.get(place)
            fields = changed(old["data"], rec["data"]) \
                if old is not None and old["id"] not in claimed else None
            if fields is not None:
                yield abs(place - (n - moved)), len(fields), n, rec, place, fields


def _answers(rec: dict) -> str:
    return json.dumps([rec["data"], rec["org_unit"]], sort_keys=True, ensure_ascii=False,
                      default=str)
