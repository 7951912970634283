"""The records a region's own monthly table makes (reports.wide_read): each row's figures
over the stored report of its district and month (a breakdown category by category, other
data kept), or a new draft; a per-record diff and the forms engine's findings as warnings."""
from __future__ import annotations

import uuid

from reports._ref import enum_codes
from reports.template_read import _findings

FORM_ID = "monthly_report"


def _record(old: dict | None, unit: str, period: str, data: dict) -> dict:
    """The stored record with its new data (its time stamps left to the store), or a draft."""
    if old is None:
        return {"id": str(uuid.uuid4()), "form": FORM_ID, "org_unit": unit, "period": period,
                "status": "draft", "data": data}
    rec = {k: v for k, v in old.items() if k not in ("updated_at", "updated_by")}
    rec["data"] = data
    return rec


def _merged(form, old: dict, new: dict) -> dict:
    """The stored data with the file's fields over it (a breakdown category by category)."""
    data = dict(old)
    for fid, value in new.items():
        if isinstance(value, dict):
            both = {**(old.get(fid) or {}), **value}
            order = enum_codes(form.field(fid).choices)
            value = {c: both[c] for c in order if c in both} | {
                c: v for c, v in both.items() if c not in order}
        data[fid] = value
    return data


def build_records(store, reader, reason: str | None = None) -> tuple[list, list, list, list]:
    """(records, diff, findings, corrections) of the rows a reports.wide_read.WideReader has
    read. A submitted report the file would change is a correction (`corrections`: those
    records' ids, saved with `reason`); one the lifecycle locks is the reader's error."""
    records, diff, problems, corrections = [], [], [], []
    refused = {(p["sheet"], p["row"], p["field"].partition(".")[0]) for p in reader.problems
               if p["severity"] == "error" and p.get("field")}   # a cell said as not read
    for r in reader.rows:
        stored = store.list_records(form=FORM_ID, org_unit=r.unit, period=r.period)
        old = stored[0] if stored else None
        data = _merged(reader.form, (old or {}).get("data") or {}, r.data)
        rec = _record(old, r.unit, r.period, data)
        reader.sheet = r.sheet
        corrects = old is not None and old["data"] != data and _corrects(reader, r, old, reason)
        if corrects:
            corrections.append(rec["id"])
        for f in _findings(store, reader.form, rec, reader.lang):
            if f["code"] == "required" and (r.sheet, r.row, f["field"]) in refused:
                continue                      # its cell's refusal says it, as a list's does
            if corrects and f.get("rule_severity") == "error":
                f = dict(f, severity="error")  # a correction is checked as a submission is
            problems.append(dict(f, row=r.row, sheet=r.sheet, unit=f"{r.unit} {r.period}"))
        records.append(rec)
        if old is None or old["data"] != data:
            diff.append({"field": rec["id"], "old": old and old["data"], "new": rec["data"]})
    return records, diff, grouped(problems, reader.lang), corrections


def _corrects(reader, r, old: dict, reason: str | None) -> bool:
    """Whether the row changes a report that only a correction changes (forms.lifecycle
    decides: a submitted one with a reason, said as a warning; the reason is asked when
    missing). A report no one corrects (approved) is the row's error; False then too."""
    from forms.lifecycle import EDITABLE, LifecycleError, transition

    status = old["status"]
    if status in EDITABLE:
        return False
    try:
        transition(None, status, status, data_changed=True, reason=reason)
    except LifecycleError as exc:
        if exc.code != "reason_required":
            reader.problem(r.row, None, "wide_locked", unit=r.unit, period=r.period,
                           status=status)
            return False
    reader.problem(r.row, None, "wide_correction", "warning", unit=r.unit, period=r.period,
                   status=status)
    return True


def needs_reason(reader, records: list[dict], ids: list[str]) -> str:
    """The refusal of a table that would correct submitted reports without a reason: which
    districts and months (the same words as a workbook's, reports.template_read)."""
    reports = [f"{reader.units.name(r['org_unit'], reader.lang)}, {r['period']}"
               for r in records if r["id"] in ids]
    return reader.say("wide_submitted_needs_reason", file=reader.path.name, n=len(reports),
                      reports="; ".join(reports))


def grouped(findings: list[dict], lang: str) -> list[dict]:
    """One line per finding text: a field the table lacks is said once for all the records
    that lack it (with their rows), not once per record."""
    from forms import message_text

    by_text: dict[tuple[str, str], list[dict]] = {}
    for f in findings:
        by_text.setdefault((f["message"], f["severity"]), []).append(f)
    out = []
    for (text, _severity), same in by_text.items():
        if len(same) == 1:
            out.append(dict(same[0], message=f"{same[0]['unit']}: {text}"))
            continue
        out.append(dict(same[0], row=None, message=message_text(
            "wide_same_finding", lang, {"text": text, "n": len(same), "rows": rows_said(same)})))
    return [{k: v for k, v in f.items() if k != "unit"} for f in out]


def rows_said(same: list[dict]) -> str:
    """The rows of the findings, by sheet when they come from several («Январь: 5–9;
    Февраль: 5–8»; consecutive sheets with the same rows joined: «Март–Май: 5»): row 5 of
    every month's sheet is not one row 5."""
    by_sheet: dict = {}
    for f in same:
        if isinstance(f.get("row"), int):
            by_sheet.setdefault(f.get("sheet"), set()).add(f["row"])
    if len(by_sheet) <= 1:
        return _runs(sorted(next(iter(by_sheet.values()), set())))
    spans: list[list] = []  # [first sheet, last sheet, rows]: sheets in a row alike joined
    for sheet, rows in by_sheet.items():
        if spans and spans[-1][2] == rows:
            spans[-1][1] = sheet
        else:
            spans.append([sheet, sheet, rows])
    return "; ".join(f"{a}{'' if a == b else '–' + str(b)}: {_runs(sorted(rows))}"
                     for a, b, rows in spans)


def _runs(rows: list[int]) -> str:
    """3, 4, 5, 9 -> «3–5, 9»."""
    parts: list[list[int]] = []
    for n in rows:
        if parts and n == parts[-1][-1] + 1:
            parts[-1].append(n)
        else:
            parts.append([n])
    return ", ".join(f"{p[0]}–{p[-1]}" if len(p) > 2 else ", ".join(map(str, p))
                     for p in parts)
