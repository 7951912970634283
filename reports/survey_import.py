"""Import of online-survey exports (issue 16): one response per row, .xlsx or .csv, as Google
Forms and Yandex Forms write them, into `volunteer_survey` / `org_survey` records.

Columns are matched to the form's questions by their text in Russian, Kazakh (Latin letters
too: reports.text.latin_spelling) or English (the form's field labels, folded as
reports.text.fold does; a close spelling passes the rapidfuzz threshold); the timestamp column gives the date. The person may correct the matching
(`mapping`: column header text or 1-based number -> field id, an empty field skipping the
column). Cells are read by reports.survey_values; a cell that cannot be read is an error
naming the row, the column as the file names it, why and what is allowed: nothing is saved.
"""
from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from forms import load_form, message_text
from reports import survey_rows
from reports.readers import iter_rows
from reports.readers_layout import hidden_read_columns, visible_sheets
from reports.roster import cell_text
from reports.survey_columns import NOTE as _NOTE
from reports.survey_columns import column_key as _key
from reports.survey_columns import column_names as _names
from reports.survey_columns import match_columns
from reports.survey_identity import (
    NAMESPACE,
    Response,
    identity_of,
    response_of,
    settle,
)
from reports.survey_options import joined, option_columns
from reports.survey_values import cell_notes, put_cell
from store.errors import StoreError

SURVEY_FORMS = ("volunteer_survey", "org_survey", "cs_questionnaire")
HEADER_SCAN_ROWS = 10                            # where the questions' row is looked for


@dataclass
class SurveyImport:
    form_id: str
    columns: dict[int, str] = field(default_factory=dict)    # 0-based column -> field id
    headers: list[str] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    committed: bool = False
    # rows (as the sheet numbers them) of the responses saved anew, updated, and left as saved
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    identity: list[str] | None = None        # the headers that tell the responses apart
    options: dict[int, tuple[str, str]] = field(default_factory=dict)  # column -> field, option

    @property
    def errors(self) -> list[dict]:
        return [p for p in self.problems if p["severity"] == "error"]

    def mapping(self) -> dict[str, str]:
        """Column header -> field id, as matched (shown to the person to check)."""
        return {self.headers[c]: f for c, f in sorted(self.columns.items())}

    def unmatched(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if i not in self.columns and h]


def _apply_mapping(columns: dict, headers: list[str], mapping: dict, form, lang) -> list[dict]:
    problems = []
    for key, fid in (mapping or {}).items():
        col = _column_of(key, headers)
        why = None
        if col is None:
            why = message_text("survey_no_such_column", lang,
                               {"columns": "; ".join(h for h in headers if h)})
        elif fid and not form.has_field(fid):
            why = message_text("survey_no_such_field", lang,
                               {"fields": ", ".join(f.id for f in form.fields)})
        if why:
            problems.append(_problem(None, str(key), "survey_bad_mapping", lang,
                                     {"item": f"{key}={fid or ''}", "why": why}))
            continue
        for c, f in list(columns.items()):
            if fid and f == fid:
                del columns[c]                   # the person's choice replaces a guess
        columns.pop(col, None)
        if fid:
            columns[col] = fid
    return problems


def _column_of(key, headers: list[str]) -> int | None:
    if isinstance(key, int) or str(key).isdigit():
        n = int(key) - 1
        return n if 0 <= n < len(headers) else None
    wanted = _key(key)
    return next((i for i, h in enumerate(headers) if _key(h) == wanted), None)


def _problem(row, column, code, lang, params, severity="error") -> dict:
    return {"row": row, "column": column, "code": code, "severity": severity,
            "message": message_text(code, lang, params)}


def read_survey(path, form_id: str, *, mapping: dict | None = None, sheet: str | None = None,
                lang: str = "ru", required: set[str] | None = None) -> SurveyImport:
    """Read an export into records (nothing saved); problems name rows and columns. The
    columns `required` (default: the form's required fields) must be found."""
    form = load_form(form_id)
    path = Path(path)
    names, hidden = visible_sheets(path, sheet, lang)    # last year's export, hidden: said
    sheet = names[0]
    rows = iter_rows(path, sheet=sheet)
    head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    at = _header_at(head, form)
    result = SurveyImport(form_id, headers=_texts(head[at] if head else ()), problems=hidden)
    rows = itertools.chain(head[at + 1:], rows)
    result.columns = match_columns(result.headers, form)
    result.problems += _apply_mapping(result.columns, result.headers, mapping or {}, form, lang)
    params = {"file": path.name, "form": form.title.get(lang) or form.id}
    if not result.columns:
        result.problems.append(_problem(None, None, "survey_no_columns", lang, params))
        return result
    for f in form.fields:
        need = f.required if required is None else f.id in required
        if need and f.id not in result.columns.values():
            result.problems.append(_problem(None, None, "survey_missing_column", lang, {
                **params, "field": f.label.get(lang) or f.id, "id": f.id}))
    if result.errors:
        return result
    result.options = {c: fc for c, fc in option_columns(
        result.headers, form, _names(form), _key).items() if result.columns.get(c) == fc[0]}
    ident = identity_of([_key(_NOTE.sub("", h)) for h in result.headers], form,
                        result.columns) if form_id in SURVEY_FORMS else None
    if ident:
        result.identity = [result.headers[c] for c in ident.columns()]
    items = []
    for n, row in enumerate(rows, start=at + 2):
        if any(v not in (None, "") and str(v).strip() for v in row):
            rec = _record(form, result, row, n, lang)
            items.append((rec, response_of(ident, row, rec["data"], n) if ident
                          else Response(n)))
    result.records, notes = settle(form.id, items)
    result.problems += hidden_read_columns(path, sheet, {
        c: (result.headers[c], f) for c, f in result.columns.items()}, lang) if items else []
    result.problems += [_problem(row, None, code, lang, params, severity="warning")
                        for code, row, params in notes]
    return result


def _texts(row: tuple) -> list[str]:
    """Header texts, a line break or a run of spaces inside one read as a space."""
    return [" ".join(str(h).split()) if h is not None else "" for h in row]


def _header_at(head: list[tuple], form) -> int:
    """The row of the questions (0-based): the first of the top rows that matches the most
    questions; a title a person typed above the export («Результаты опроса…») and empty rows
    are passed over. Row 1 when no row matches (then the error says so)."""
    counts = [len(match_columns(_texts(row), form)) for row in head]
    best = max(counts, default=0)
    return counts.index(best) if best else 0


def _record(form, result: SurveyImport, row: tuple, n: int, lang: str) -> dict:
    data: dict = {}
    row, marks = joined(form, result.options, row, lang)
    for col, _fid, value, note in [*marks, *cell_notes(form, result.columns, row, put_cell,
                                                       data, lang)]:
        why = message_text(note.code, lang, note.params)
        result.problems.append(_problem(n, result.headers[col], "survey_cell", lang, {
            "row": n, "column": result.headers[col], "value": str(cell_text(value)).strip(),
            "why": why}, note.severity) | {"code": note.code})
    key = json.dumps([form.id, [str(v) for v in row]], ensure_ascii=False)
    region = data.get("region")
    return {"id": str(uuid.uuid5(NAMESPACE, key)), "form": form.id,
            "form_version": form.version, "org_unit": region or "", "status": "draft",
            "period": (data.get(form.date_field) or "")[:7], "data": data,
            "justification": None, "_row": n}


def import_survey(store, form_id: str, path, *, user: str, mapping: dict | None = None,
                  sheet: str | None = None, lang: str = "ru",
                  dry_run: bool = False) -> SurveyImport:
    """Read and, when every cell was read and the regions are known org units, save the
    responses in one transaction: a new response is added (submitted when its checks hold;
    a draft otherwise), a response saved before whose answers were corrected in the sheet is
    saved again under its id through the store's save (a submitted one becomes a correction,
    the file and row its reason), an unchanged one is not saved again. A row known only by
    its whole content is the record a clerk corrected in it when reports.survey_rows says so."""
    result = read_survey(path, form_id, mapping=mapping, sheet=sheet, lang=lang)
    rows = _known_rows(store, result, path, sheet, lang)
    _sort_saved(store, result, lang)
    if not result.errors and check_before_saving(store, result, result.records, lang) \
            and not dry_run:
        with store.transaction():
            for rec in result.records:
                if rec.get("_old") is None:
                    store.save_record(_clean(rec), user=user)
                    _submit(store, rec, result, user, lang)
                else:
                    _update(store, rec, result, user, lang, Path(path).name)
        result.committed = True
        _say_rows(result, "survey_updated", result.updated, lang, "info")
        if rows:
            survey_rows.remember(store, form_id, path, sheet, rows)
    return result


def _known_rows(store, result: SurveyImport, path, sheet: str | None,
                lang: str) -> dict[int, str]:
    """The rows known only by their whole content ({row: record id}), each a record a
    clerk corrected since this file's last import on this device taking that record's id
    (reports.survey_rows), said with the columns changed."""
    if result.errors or not any(survey_rows.by_row(r) for r in result.records):
        return {}
    was = survey_rows.remembered(store, result.form_id, path, sheet)
    header = {f: result.headers[c] for c, f in result.columns.items()}
    for rec, n, fields in survey_rows.match(store, result.records, was):
        if was[n]["deleted"]:
            continue                         # not brought back: listed as imported before
        result.problems.append(_problem(rec["_row"], None, "survey_row_corrected", lang, {
            "row": rec["_row"], "was": n, "id": rec["id"],
            "columns": ", ".join(f"«{header.get(f, f)}»" for f in fields)}, "info"))
    return {r["_row"]: r["id"] for r in result.records if survey_rows.by_row(r)}


def _sort_saved(store, result: SurveyImport, lang: str) -> None:
    """Each response read is new, changed since an import saved it (under its identity's id,
    or the whole-row id an earlier version gave it), or unchanged (then not saved again)."""
    fresh = []
    for rec in result.records:
        old = store.get_record(rec["id"])
        if old is None and rec.get("_legacy"):
            old = store.get_record(rec["_legacy"])
        if old is None:
            result.added.append(rec["_row"])
        elif old["deleted"] or (old["data"], old["org_unit"]) == (rec["data"], rec["org_unit"]):
            result.unchanged.append(rec["_row"])
            continue
        else:
            rec.update(id=old["id"], _old=old)
            result.updated.append(rec["_row"])
        fresh.append(rec)
    result.records = fresh
    _say_rows(result, "survey_already_imported", result.unchanged, lang)


def _say_rows(result: SurveyImport, code: str, rows: list[int], lang: str,
              severity: str = "warning") -> None:
    if rows:                                 # read again: not saved twice, and said so
        result.problems.append(_problem(None, None, code, lang, {
            "n": len(rows), "rows": _rows_text(rows)}, severity=severity))


def _update(store, rec: dict, result: SurveyImport, user: str, lang: str, file: str) -> None:
    """Save a response corrected in the sheet as a new version of its record; one the store
    refuses (an approved record is locked) is left as it was, the row and why said."""
    from store import error_text

    old, row = rec["_old"], rec["_row"]
    editable = old["status"] in ("draft", "returned")
    if not editable and old["org_unit"] != rec["org_unit"]:
        _not_updated(result, row, message_text("survey_region_changed", lang, {
            "old": old["org_unit"], "new": rec["org_unit"], "id": old["id"]}), lang)
        return
    reason = message_text("survey_reimport_reason", lang, {"file": file, "row": row})
    try:
        with store.transaction():
            store.save_record(_clean(rec), user=user, reason=reason)
    except StoreError as exc:
        _not_updated(result, row, error_text(exc, lang), lang)
        return
    if editable:
        _submit(store, rec, result, user, lang)


def _not_updated(result: SurveyImport, row: int, why: str, lang: str) -> None:
    result.updated.remove(row)
    result.problems.append(_problem(row, None, "survey_not_updated", lang, {
        "row": row, "why": why}, severity="warning"))


def _columns_of(result: SurveyImport, form, fields, lang: str) -> str:
    """«Column as the file names it»: before a finding, when a header is not the question's
    own text (the finding names the question)."""
    header = {f: result.headers[c] for c, f in result.columns.items()}
    named = [header[f] for f in fields if f in header and form.has_field(f)
             and _key(header[f]) != _key(form.field(f).label.get(lang) or "")]
    return "".join(f"«{h}»: " for h in named)


def _rows_text(rows: list[int], limit: int = 10) -> str:
    more = f" … (+{len(rows) - limit})" if len(rows) > limit else ""
    return ", ".join(map(str, rows[:limit])) + more


def _submit(store, rec: dict, result: SurveyImport, user: str, lang: str) -> None:
    """Submit a saved response; one its checks hold back stays a draft, the row and the
    columns named with why."""
    from store import SubmitBlocked

    try:
        store.submit_record(rec["id"], user=user)
    except SubmitBlocked as exc:
        form = load_form(rec["form"])
        why = "; ".join(_columns_of(result, form, f.fields, lang)
                        + message_text(f.message_code, lang, f.params, form=form)
                        for f in exc.findings)
        result.problems.append(_problem(rec["_row"], None, "survey_left_draft", lang, {
            "row": rec["_row"], "why": why}, severity="warning"))
    except StoreError as exc:
        from store import error_text
        result.problems.append(_problem(rec["_row"], None, "survey_left_draft", lang, {
            "row": rec["_row"], "why": error_text(exc, lang)}, severity="warning"))


def _clean(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if not k.startswith("_")}


def check_before_saving(store, result: SurveyImport, records: list[dict], lang: str) -> bool:
    """Each record has its region as a known org unit and passes the store's checks; the
    problems are added to `result` (False: do not save)."""
    units = {u["id"] for u in store.org_units()}
    for rec in records:
        unit, row = rec["org_unit"], rec["_row"]
        if not unit:
            result.problems.append(_problem(row, None, "survey_region_missing", lang,
                                            {"row": row}))
        elif units and unit not in units:
            result.problems.append(_problem(row, None, "survey_unknown_region_unit", lang,
                                            {"row": row, "region": unit}))
    if result.errors:
        return False
    _done, problems = store.check_records([_clean(r) for r in records])
    for p in problems:
        row = records[p["index"] - 1]["_row"]
        why = p["message"].split("): ", 1)[-1]
        result.problems.append(_problem(row, p.get("field"), "survey_row_problem", lang,
                                        {"row": row, "why": why}) | {"code": p["code"]})
    return not result.errors
