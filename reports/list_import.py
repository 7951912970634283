"""Save a district's own list of records (reports.list_read) as drafts: one record a row.

Each row's record has an id made of the form, the org unit and what tells its row apart
(reports.list_names.IDENTITY: an event's start date and title, folded), so importing the same
list again changes nothing, and a row edited since updates its record (one whose name was
edited in place too: reports.list_rows). Records are drafts
(never submitted): the fields the list lacks are the draft's findings, said in the preview. A
record already submitted is not changed by a list (a warning says which row); one deleted in
the app is not brought back. All or nothing: any error, and nothing is saved.
"""
from __future__ import annotations

import functools
import json
import uuid
from pathlib import Path

from forms import load_form, message_text
from reports import import_memory, list_rows
from reports.intake import Skipped
from reports.intake_text import at, say
from reports.list_names import RENAMED
from reports.list_read import ListRead, problem, read_records_list, row_key

NAMESPACE = uuid.UUID("3f6c1d2e-8b7a-4c59-a0e1-9d4b2f7c5e83")


def import_records_list(store, form_id: str, path, *, user: str, dry_run: bool = False,
                        lang: str = "ru", mapping: dict | None = None,
                        sheet: str | None = None, org_unit: str | None = None,
                        period: str | None = None, reason: str | None = None,
                        set_values: dict | None = None):
    from reports.io import ImportFailed, ImportResult, _commit

    path = Path(path)
    recall = None if mapping is not None else functools.partial(
        import_memory.recall, store, form_id)
    read = read_records_list(path, form_id, mapping=mapping, sheet=sheet, recall=recall,
                             set_values=set_values, lang=lang, period=period)
    if not read.rows and not any(p["severity"] == "error" for p in read.problems):
        raise ImportFailed(message_text("import_no_rows", lang, {
            "file": path.name, "row": read.header_row}), "no_rows")
    unit = org_unit or store.get_setting("org_unit")
    if not unit:
        read.problems.insert(0, problem(None, None, "import_org_unit_required", lang, {}))
    result = ImportResult(records=[], problems=read.problems, diff=[],
                          mapping=read.mapping(), header_row=read.header_row,
                          skipped=read.skipped, columns=read.described(), layout="list",
                          values={"period": read.title_period} if read.title_period else {},
                          remembered=read.recalled, sheet=read.sheet)
    rows: dict[int, str] = {}
    if unit:
        was = list_rows.remembered(store, form_id, unit, path, read.sheet)
        rows = _records(store, read, result, unit, period, lang, was)
        _checked(store, result, {f: read.headers[c] for c, f in read.columns.items()}, lang)
    if dry_run:
        return result
    _commit(store, result, user=user, update=False,
            reason=reason or f"list import: {path.name}")
    if unit:
        list_rows.remember(store, form_id, unit, path, read.sheet, rows)
    import_memory.keep(store, form_id, read.headers, mapping)
    return result


def _records(store, read: ListRead, result, unit: str, period: str | None, lang: str,
             was: dict) -> dict[int, str]:
    """The rows' records into `result`: new ones and changed drafts (a row whose name was
    edited in place, its record: reports.list_rows); a row repeated whole, an unchanged
    record, one deleted in the app are listed as skipped. Returns {row: record id}."""
    form = load_form(read.form_id)
    first: dict[str, tuple[int, dict]] = {}
    recs: list[tuple[int, dict]] = []
    for n, data in read.rows:
        rec = _record(form, unit, n, data, _period(form, n, data, period, read, result, lang),
                      _key(form.id, unit, n, data, first, result, lang))
        if rec["period"] is None:
            result.problems.append(problem(n, None, "list_no_period", lang, {"row": n}))
            continue
        if rec["id"] in first:
            result.skipped.append(Skipped(n, "same_row", _said(data), first[rec["id"]][0]))
            continue
        first[rec["id"]] = (n, data)
        recs.append((n, rec))
    claimed = {rec["id"] for _n, rec in recs}
    for n, rec in recs:
        old = list_rows.edited(store, rec, n, was, claimed)
        if old is not None:
            claimed.add(old["id"])
        _compare(store, rec, n, result, lang,
                 said=old is not None and _renamed(form.id, old, rec, n, result, lang))
    result.skipped.sort(key=lambda s: s.row)
    return {n: rec["id"] for n, rec in recs}


def _renamed(form_id: str, old: dict, rec: dict, n: int, result, lang: str) -> bool:
    """Row `n` is `old` with its name edited: it takes the record's id, said; True when
    that record is submitted (`_compare` then keeps it as stored, said already)."""
    fid = RENAMED[form_id]
    code = "list_row_edited" if old["status"] in ("draft", "returned") \
        else "list_row_edited_submitted"
    result.problems.append(problem(n, None, code, lang, {
        "row": n, "id": old["id"], "old": old["data"].get(fid) or "",
        "new": rec["data"].get(fid) or ""}, "warning"))
    rec["id"] = old["id"]
    return code == "list_row_edited_submitted"


def _period(form, n: int, data: dict, option: str | None, read: ListRead, result,
            lang: str) -> str | None:
    """The month of the row's date (how the form defines its period), else --period, else
    the title's; a date outside --period is said (the record goes under its date)."""
    month = _month(form, data)
    if month and option and month != option:
        column = next((read.headers[c] for c, f in read.columns.items()
                       if f == form.date_field), None)
        result.problems.append({"row": n, "column": column, "code": "period_date",
                                "severity": "warning", "message": at(n, column, lang) + say(
                                    "period_date", lang, date=data[form.date_field],
                                    period=option)})
    return month or option or read.title_period


def _key(form_id: str, unit: str, n: int, data: dict, first: dict, result,
         lang: str) -> list[str]:
    """The row's identity; a second row with the same identity but other values (two calls
    on one day about one topic) is its own record, numbered by its turn, and said."""
    key = row_key(form_id, data) or ["row", str(n)]
    turn, earlier = 1, None
    while (rid := _rid(form_id, unit, _turn(key, turn))) in first and first[rid][1] != data:
        earlier, turn = first[rid][0], turn + 1
    if earlier is not None:
        result.problems.append(problem(n, None, "list_same_identity", lang, {
            "row": n, "first": earlier}, "warning"))
    return _turn(key, turn)


def _turn(key: list[str], turn: int) -> list[str]:
    return [*key, str(turn)] if turn > 1 else key


def _rid(form_id: str, unit: str, key: list[str]) -> str:
    return str(uuid.uuid5(NAMESPACE, json.dumps([form_id, unit, *key], ensure_ascii=False)))


def _compare(store, rec: dict, n: int, result, lang: str, said: bool = False) -> None:
    """A new record, or a stored one changed by the file, goes into `result`; an unchanged,
    deleted or already submitted one is said and kept as stored."""
    old = store.get_record(rec["id"])
    if old is not None and (old["deleted"] or _same(old, rec)):
        kind = "deleted" if old["deleted"] else "unchanged"
        result.skipped.append(Skipped(n, kind, _said(rec["data"])))
        result.records += [] if old["deleted"] else [dict(old, _row=n)]   # as stored
        return
    if old is not None and old["status"] not in ("draft", "returned"):
        if not said:                               # its row said so already
            result.problems.append(problem(n, None, "list_record_submitted", lang, {
                "row": n, "id": old["id"]}, "warning"))
        result.records.append(dict(old, _row=n))
        return
    if old is not None:
        rec.update(status=old["status"], revision=old["revision"], version=old["version"])
    result.records.append(rec)
    result.diff.append({"field": rec["id"], "old": old["data"] if old else None,
                        "new": rec["data"], "row": n})


def _record(form, unit: str, n: int, data: dict, period: str | None, key: list[str]) -> dict:
    return {"id": _rid(form.id, unit, key), "form": form.id, "form_version": form.version, "org_unit": unit,
            "period": period, "status": "draft", "data": data, "_row": n}


def _month(form, data: dict) -> str | None:
    date = data.get(form.date_field) if form.date_field else None
    return str(date)[:7] if date else None


def _same(old: dict, rec: dict) -> bool:
    return (old["data"], old["org_unit"], old["period"]) == (rec["data"], rec["org_unit"],
                                                             rec["period"])


def _said(data: dict) -> str:
    return " | ".join(str(v) for v in data.values() if isinstance(v, (str, int, float)))[:120]


def _checked(store, result, headers: dict, lang: str) -> None:
    """The store's own checks of the records (types, lengths) as errors on their rows, in
    the column the file names."""
    if not result.records:
        return
    rows = [r.pop("_row") for r in result.records]
    _done, problems = store.check_records(result.records)
    for p in problems:
        row = rows[p["index"] - 1]
        why = message_text(p["code"], lang, p["params"], form=load_form(result.records[0][
            "form"])) if p.get("params") is not None else p["message"].split("): ", 1)[-1]
        column = headers.get(p.get("field")) or p.get("field")
        result.problems.append(problem(row, column, "survey_row_problem", lang,
                                       {"row": row, "why": why}) | {"code": p["code"]})
