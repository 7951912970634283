"""Excel / CSV import and export of records (the store's `esep import|export` delegate here).

import_file(store, form_id, path, *, user, dry_run=False, lang="ru") -> ImportResult
    focus_group / seminar: a roster list (.xlsx or .csv, UTF-8 or cp1251) becomes one record
    (or is appended to `record_id`); monthly_report: the workbook made by `esep template`,
    or a region's own table of districts x indicators (reports.wide_read);
    event / hotline_appeal / leadership_meeting: a district's own list, one record a row
    (reports.list_import; drafts); any form: a table written by export_file. A dry run only previews: rows to add,
    problems (row + column + why) and the diff. A commit is one store transaction; any
    blocking problem -> ImportFailed and nothing is written.
export_file(records, form_id, fmt, out_path, *, lang="ru", include_personal=False)
"""
from __future__ import annotations

import datetime as dt
import itertools
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from forms.messages import message_text
from reports import import_memory
from reports.aggregate import region_of
from reports.headers import ROSTERS, HeaderError
from reports.list_names import LIST_FORMS, ListRefused
from reports.readers import (
    DEFAULT_ROW_LIMIT,
    FileProblem,
    iter_rows,
    kind_of,
    sheet_names,
    workbook_sheets,
)
from reports.readers_formulas import has_formulas
from reports.roster import Problem, cross_list_matches


class ImportFailed(Exception):
    """Nothing was imported. `code` says why; `problems` lists row-level problems. What to do
    is said for the surface shown on (forms.messages.set_surface: CLI options or the app's
    buttons)."""

    def __init__(self, message: str, code: str = "import_failed", problems=None):
        super().__init__(message)
        self.code = code
        self.problems = list(problems or [])


@dataclass
class ImportResult:
    records: list[dict]
    problems: list[dict]
    diff: list[dict]
    mapping: dict = field(default_factory=dict)
    header_row: int | None = None
    committed: bool = False
    skipped: list = field(default_factory=list)      # reports.intake.Skipped (lists only)
    values: dict = field(default_factory=dict)       # record values read from title rows
    columns: list = field(default_factory=list)      # reports.intake.Column (lists only)
    layout: str | None = None                        # "wide": a region's own monthly table
    remembered: dict | None = None    # the mapping of the last import with this header, used
    sheet: str | None = None          # the sheet read (None: a .csv, every sheet of a table)

    @property
    def errors(self) -> list[dict]:
        return [p for p in self.problems if p.get("severity", "error") == "error"]

    @property
    def warnings(self) -> list[dict]:
        return [p for p in self.problems if p.get("severity") == "warning"]

    def summary(self, limit: int = 20) -> str:
        head = (f"{len(self.diff)} change(s), {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s)")
        lines = [f"  [{p.get('severity', 'error')}] {_where(p)}{p['message']}"
                 for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  ... and {len(self.problems) - limit} more")
        return "\n".join([head, *lines])


def _where(p) -> str:
    """`row 4, column «Значение»: ` of a problem (a technical summary for logs: the CLI and
    the desktop show the problems in the person's language)."""
    if not isinstance(p, dict) or p.get("row") is None:
        return ""
    column = f", column «{p['column']}»" if p.get("column") else ""
    return f"row {p['row']}{column}: "


# Forms whose lists are read by their own command (matched by the questions' text).
LIST_COMMANDS = {form: f"esep survey import {form} FILE"
                 for form in ("volunteer_survey", "org_survey", "cs_questionnaire")}
LIST_COMMANDS["organization"] = "esep registry import FILE"


def import_file(store, form_id: str, path, *, user: str, dry_run: bool = False,
                lang: str = "ru", mapping: dict | None = None, sheet: str | None = None,
                record_id: str | None = None, org_unit: str | None = None,
                period: str | None = None, row_limit: int = DEFAULT_ROW_LIMIT,
                reason: str | None = None, set_values: dict | None = None,
                progress=None, cancelled=None) -> ImportResult:
    path = Path(path)
    opts = {"mapping": mapping, "sheet": sheet, "record_id": record_id, "org_unit": org_unit,
            "period": period, "row_limit": row_limit, "set_values": set_values,
            "progress": progress, "cancelled": cancelled}
    try:
        return _route(store, form_id, path, {"user": user, "dry_run": dry_run, "lang": lang,
                                             "reason": reason}, opts)
    except FileProblem as exc:
        raise ImportFailed(exc.text(lang), exc.code) from None
    except HeaderError as exc:
        raise ImportFailed(f"{path.name}: {exc.text(lang)}", exc.code) from None
    except ListRefused as exc:
        raise ImportFailed(str(exc), exc.code) from None
    except ValueError as exc:        # a --set value that is no allowed value
        raise ImportFailed(str(exc), "bad_value") from None


def _route(store, form_id: str, path: Path, base: dict, opts: dict) -> ImportResult:
    """The reader of this form and file: `base` (user, dry_run, lang, reason) goes to
    each, `opts` to those that take them."""
    layout = _layout(path)
    if layout == "table" or (form_id not in LIST_FORMS and form_id not in ROSTERS
                             and form_id not in LIST_COMMANDS and form_id != "monthly_report"):
        from reports.table_io import import_table

        return import_table(store, form_id, path, **base)
    if form_id == "monthly_report" and (layout == "template" or _retyped(store, path)):
        from reports.template import import_monthly_report

        return import_monthly_report(store, path, **base)
    if form_id == "monthly_report":
        from reports.wide_read import read_wide

        return read_wide(store, path, **base, **_only(opts, "mapping", "sheet", "org_unit",
                                                      "period"))
    if form_id in ROSTERS:
        return _import_roster(store, form_id, path, **base, **opts)
    if form_id in LIST_FORMS:         # a district's own list, one record a row
        from reports.list_import import import_records_list

        return import_records_list(store, form_id, path, **base, **_only(
            opts, "mapping", "sheet", "org_unit", "period", "set_values"))
    raise ImportFailed(message_text("import_use_command", base["lang"], {  # a form export
        "file": path.name, "command": LIST_COMMANDS[form_id]}), "use_command")


def form_export(form_id: str, path) -> bool:
    """The file is read by its form's own import (LIST_COMMANDS: a survey export, a list of
    organizations), not by import_file: any list or workbook but Esep's own table export,
    as _route sends it."""
    return form_id in LIST_COMMANDS and _layout(Path(path)) != "table"


def _only(opts: dict, *names: str) -> dict:
    return {n: opts[n] for n in names}


def _layout(path: Path) -> str:
    """'template' (esep template, saved again as .xls / .ods too), 'table' (export_file) or
    'list' (anything else)."""
    kind = kind_of(path)
    if kind == "docx":
        return "list"
    if kind in ("xlsx", "xls", "ods"):
        names = sheet_names(path) if kind == "xlsx" else workbook_sheets(path)
        return "template" if "_meta" in names else (
            "table" if "records" in names and kind == "xlsx" else "list")
    first = next(iter_rows(path), ()) or ()
    return "table" if {"id", "org_unit", "period"} <= set(first) else "list"


def sheet_choices(form_id: str, path) -> list[tuple[str, bool]]:
    """The sheets `sheet` may name, as (name, hidden?) in the workbook's order: a workbook of
    more than one sheet read as a list or a district table; [] for a .csv or .docx, the
    monthly template, an exported table, a workbook of one sheet (nothing to choose)."""
    from reports.readers_layout import hidden_sheets

    path = Path(path)
    if form_id not in (*ROSTERS, *LIST_FORMS, "monthly_report") or _layout(path) != "list":
        return []
    names = [n for n in workbook_sheets(path) if n is not None]
    if len(names) < 2:
        return []
    hidden = hidden_sheets(path)
    return [(n, n in hidden) for n in names]


def _retyped(store, path: Path) -> bool:
    """A monthly-report workbook copied into a new file without its hidden _meta sheet: its
    title row still names the district and the month (reports.template_read)."""
    from reports.template_read import title_meta

    return title_meta(list(itertools.islice(iter_rows(path), 2)), store) is not None


def export_file(records, form_id: str, fmt: str, out_path, *, lang: str = "ru",
                include_personal: bool = False) -> Path:
    from reports.table_io import export_table

    return export_table(list(records), form_id, fmt, Path(out_path), lang=lang,
                        include_personal=include_personal)


def strip_personal(form, record: dict) -> dict:
    """The record without fields (and roster columns) its form marks personal."""
    data = {}
    for k, v in (record.get("data") or {}).items():
        try:
            fd = form.field(k)
        except KeyError:
            data[k] = v
            continue
        if fd.personal:
            continue
        if fd.type == "roster" and isinstance(v, list):
            hidden = {c.id for c in fd.columns if c.personal}
            v = [{ck: cv for ck, cv in row.items() if ck not in hidden} for row in v]
        data[k] = v
    return dict(record, data=data)


# --- rosters ---------------------------------------------------------------------------------

def _maybe_formulas(path: Path, lang: str) -> None:
    if has_formulas(path):
        raise ImportFailed(message_text("import_formulas_without_values", lang,
                                        {"file": path.name}), "formulas_without_values")


def _roster_record(store, form_id, *, record_id, org_unit, period, lang="ru"):
    if record_id:
        rec = store.get_record(record_id)
        if rec is None or rec.get("deleted"):
            raise ImportFailed(message_text("cli_no_record", lang, {"id": record_id}),
                               "not_found")
        if rec["form"] != form_id:
            raise ImportFailed(message_text("import_wrong_form", lang, {
                "id": record_id, "form": rec["form"], "wanted": form_id}), "wrong_form")
        return dict(rec, data=dict(rec["data"]))
    unit = org_unit or store.get_setting("org_unit")
    return {"id": str(uuid.uuid4()), "form": form_id, "org_unit": unit,
            "period": period or dt.datetime.now(dt.UTC).strftime("%Y-%m"), "status": "draft",
            "data": {}}


def _other_rosters(store, form_id: str, exclude: str | None) -> list[dict]:
    out = []
    for fid, (roster, _) in ROSTERS.items():
        for rec in store.list_records(form=fid):
            if rec["id"] == exclude:
                continue
            region = region_of(rec["org_unit"])
            for row in rec["data"].get(roster) or []:
                if row.get("full_name"):
                    out.append({"name": row["full_name"], "region": region,
                                "org": row.get("organization") or "",
                                "record": rec["id"][:8], "no": row.get("no")})
    return out


def _import_roster(store, form_id, path, *, user, dry_run, mapping, sheet, record_id,
                   org_unit, period, row_limit, reason, lang="ru", set_values=None,
                   progress=None, cancelled=None) -> ImportResult:
    roster_field = ROSTERS[form_id][0]
    kind_of(path)
    rec = _roster_record(store, form_id, record_id=record_id, org_unit=org_unit, period=period,
                         lang=lang)
    existing = list(rec["data"].get(roster_field) or [])
    seen: dict = {}

    def recall(header):  # the list's header row, found as the list is read (one reading)
        seen["header"] = header
        seen["recalled"] = (import_memory.recall(store, form_id, header)
                            if mapping is None else None)
        return seen["recalled"]
    preview = _read_roster(path, form_id, lang, mapping=mapping, sheet=sheet, recall=recall,
                           period=rec["period"], set_values=set_values, existing=existing,
                           row_limit=row_limit, progress=progress, cancelled=cancelled)
    header, recalled = seen.get("header"), seen.get("recalled")
    problems = list(preview.problems)
    if not rec.get("org_unit"):
        problems.append(Problem(None, None, "org_unit", "org_unit_required",
                                message_text("import_org_unit_required", lang)))
    problems += cross_list_matches(preview.rows, preview.source_rows,
                                   _other_rosters(store, form_id, rec["id"]), lang)
    problems += _apply_values(rec, preview.values, period, lang)
    rec["data"][roster_field] = existing + preview.rows
    result = ImportResult(
        records=[rec], problems=[p.to_dict() for p in problems],
        diff=[{"field": f"{roster_field}[{r['no']}]", "old": None, "new": r}
              for r in preview.rows],
        mapping=preview.mapping(), header_row=preview.header_row, skipped=preview.skipped,
        values=dict(preview.values), columns=list(preview.columns), remembered=recalled,
        sheet=preview.sheet)
    if dry_run:
        return result
    _commit(store, result, user=user, update=bool(record_id), reason=reason or "roster import")
    import_memory.keep(store, form_id, header, mapping)
    return result


def _read_roster(path: Path, form_id: str, lang: str, **options):
    """The attendance list read (reports.intake.read_list); a file of formulas without their
    values, or with no rows, is refused saying so."""
    from reports.intake import read_list

    try:
        preview = read_list(path, form_id, lang=lang, **options)
    except (HeaderError, FileProblem) as exc:
        if getattr(exc, "code", None) in ("no_header", "file_empty"):
            _maybe_formulas(path, lang)
        raise
    if not preview.rows:
        _maybe_formulas(path, lang)
        raise ImportFailed(message_text("import_no_rows", lang, {
            "file": path.name, "row": preview.header_row}), "no_rows")
    return preview


def _apply_values(rec: dict, values: dict, period: str | None, lang: str) -> list[Problem]:
    """Record-level values (title rows, --set) into the record; the date sets the period
    when none was given. A value the form has no field for is said, never dropped silently."""
    from reports._ref import load_form_or_none
    from reports.intake_text import say

    form = load_form_or_none(rec["form"])
    out = []
    for key, value in values.items():
        if form is None or not form.has_field(key):
            out.append(Problem(None, None, key, "no_field",
                               say("no_field", lang, text=value, what=key), "warning"))
            continue
        if key == "unregistered_attendees" or form.field(key).type == "integer":
            value = int(value)
        rec["data"].setdefault(key, value)
    date = rec["data"].get("date")
    if date and not period and not rec.get("version"):
        rec["period"] = str(date)[:7]
    elif date and rec.get("period") and not str(date).startswith(rec["period"]):
        out.append(Problem(None, None, "date", "period_date", say(
            "period_date", lang, date=date, period=rec["period"]), "warning"))
    return out


def _commit(store, result: ImportResult, *, user: str, update: bool, reason: str,
            corrections: frozenset | set = frozenset()) -> None:
    """One store transaction. `update`: each record saved (store.save_record: a submitted
    one as a correction with `reason`); else imported as they are (store.import_records),
    but for the ids of `corrections`, saved as corrections with `reason`."""
    if result.errors:
        raise ImportFailed(f"{len(result.errors)} problem(s), nothing imported:\n"
                           + result.summary(), "import_invalid", result.problems)
    from store import StoreError

    try:
        if update:
            result.records = [store.save_record(r, user=user, reason=reason)
                              for r in result.records]
        else:
            with store.transaction():
                store.import_records([r for r in result.records if r["id"] not in corrections],
                                     user=user, reason=reason)
                for r in result.records:
                    if r["id"] in corrections:
                        store.save_record(r, user=user, reason=reason)
            result.records = [store.get_record(r["id"]) or r for r in result.records]
    except StoreError as exc:
        raise ImportFailed(f"nothing imported: {exc}", getattr(exc, "code", "store_error"),
                           result.problems) from None
    result.committed = True
