"""Import work without widgets: tasks (desktop/tasks.py) run these on their own SQLite
connection. One engine with the command line: lists, the monthly workbook and exported
tables go through reports.io.import_file (a dry run for the preview, then the real import
in one store transaction); JSON files through the store's bulk import.

The column mapping a person corrected is remembered for the next list of the same kind with
the same header on this device, by the import itself (reports.import_memory, as for
`esep import --map`); the plan says when a file took the remembered one."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.review_models import open_worker_store

FORMATS = ("xlsx", "xls", "ods", "csv", "txt", "docx", "json")


@dataclass
class ImportSpec:
    """What to import: the file, its form, the list's org unit and period, the mapping
    (1-based column number -> field id, None to skip the column; None: as detected)."""
    db_path: str
    form_id: str
    file: str
    org_unit: str | None = None
    period: str | None = None
    mapping: dict | None = None
    sheet: str | None = None           # the workbook's sheet to read (None: the reader's)
    set_values: dict | None = None     # one value for the whole list (column id -> code)
    lang: str = "ru"
    user: str = ""
    reason: str | None = None          # why a submitted record's figures change (asked)


@dataclass
class Plan:
    """The preview the dialog shows (and, after a commit, what was imported)."""
    kind: str                                   # "list", "table" or "json"
    header_row: int | None = None
    columns: list = field(default_factory=list)     # reports.intake.Column
    add: list[dict] = field(default_factory=list)   # new rows / records
    change: list[str] = field(default_factory=list)  # "field: old → new" lines
    skipped: list = field(default_factory=list)      # reports.intake.Skipped
    problems: list[dict] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    mapping: dict | None = None     # the mapping given, or the one remembered and used
    remembered: bool = False
    committed: bool = False
    sheet: str | None = None        # the sheet read (None: every sheet of a district table)
    sheets: list[tuple[str, bool]] = field(default_factory=list)  # (name, hidden?) to choose
    every_sheet: bool = False       # the reader reads every sheet unless one is named

    @property
    def errors(self) -> list[dict]:
        return [p for p in self.problems if p.get("severity", "error") == "error"]


class ImportRefused(Exception):
    """The file cannot be imported (unreadable, no name column, invalid records); `sheets`:
    the workbook's sheets to choose another from (Plan.sheets)."""

    def __init__(self, message: str, problems: list | None = None, code: str = "",
                 sheets: list | None = None) -> None:
        super().__init__(message)
        self.problems, self.code, self.sheets = list(problems or []), code, list(sheets or [])


def kind_of_file(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".")


# -- the work -------------------------------------------------------------------------------

def read_plan(spec: ImportSpec, *, progress=None, cancelled=None) -> Plan:
    """Worker: the preview (nothing is written)."""
    return _run(spec, dry_run=True, progress=progress, cancelled=cancelled)


def commit_plan(spec: ImportSpec, *, progress=None, cancelled=None) -> Plan:
    """Worker: read the file again and import it in one transaction; a cancel while reading
    (reports.intake.ImportCancelled) leaves the store as it was. A corrected mapping is
    remembered for the next file with the same header."""
    return _run(spec, dry_run=False, progress=progress, cancelled=cancelled)


def _run(spec: ImportSpec, *, dry_run: bool, progress, cancelled) -> Plan:
    store = open_worker_store(spec.db_path)
    try:
        if kind_of_file(spec.file) == "json":
            return _json_plan(store, spec, dry_run)
        return _list_plan(store, spec, dry_run, progress, cancelled)
    finally:
        store.close()


def _list_plan(store, spec: ImportSpec, dry_run: bool, progress, cancelled) -> Plan:
    import reports.io as rio
    sheets = rio.sheet_choices(spec.form_id, spec.file)
    try:
        result = rio.import_file(
            store, spec.form_id, spec.file, user=spec.user or store.user, dry_run=dry_run,
            lang=spec.lang, mapping=spec.mapping, org_unit=spec.org_unit, period=spec.period,
            sheet=spec.sheet, set_values=spec.set_values,
            reason=spec.reason, progress=(lambda n: progress(n, 0, "")) if progress
            else None, cancelled=cancelled)
    except rio.ImportFailed as exc:  # said in the app's words (desktop/context.py)
        raise ImportRefused(str(exc), exc.problems, exc.code, sheets) from None
    remembered = result.remembered
    mapping = dict(remembered) if remembered is not None else spec.mapping
    plan = Plan("list" if result.columns else "table", header_row=result.header_row,
                columns=list(result.columns), skipped=list(result.skipped),
                problems=list(result.problems), values=dict(result.values),
                records=list(result.records), mapping=mapping,
                remembered=remembered is not None, committed=result.committed,
                sheet=result.sheet, sheets=sheets, every_sheet=result.layout == "wide")
    _split_diff(plan, _record_diffs(store, result), _Where(store, spec))
    return plan


def _record_diffs(store, result) -> list[dict]:
    """The diff by record: a monthly workbook's (reports.template_read: its one record's
    fields one by one) becomes its record's old and new figures, as a table's diff is."""
    diff = list(result.diff or [])
    ids = {r.get("id") for r in result.records or [] if isinstance(r, dict)}
    if len(ids) != 1 or not diff or any(d.get("field") in ids or "[" in str(d.get("field"))
                                         for d in diff):
        return diff
    rec = result.records[0]
    old = store.get_record(rec["id"]) if rec.get("id") else None
    return [{"field": rec["id"], "old": old and old["data"], "new": rec.get("data") or {}}]


class _Where:
    """A changed value's record and field as the preview says them: «Абайский район,
    октябрь 2023 — «Количество волонтёров»» (the unit's name, the month in words, the
    field's label in the person's language)."""

    def __init__(self, store, spec: ImportSpec) -> None:
        from forms import load_form
        self.lang, self.form = spec.lang, load_form(spec.form_id)
        self.names = {u["id"]: u.get(f"name_{spec.lang}") or u.get("name_ru") or u["id"]
                      for u in store.org_units()}

    def line(self, rec: dict | None, path: str, old, new) -> str:
        from desktop.dates_text import when_text
        from forms.messages import field_label
        said = f"«{field_label(self.form, path, self.lang)}»: {_text(old)} → {_text(new)}"
        if rec is None:
            return said
        unit = self.names.get(rec.get("org_unit"), rec.get("org_unit") or "")
        return f"{unit}, {when_text(rec.get('period') or '', self.lang)} — {said}"


def _split_diff(plan: Plan, diff: list[dict], where: _Where) -> None:
    """Rows to add (new values; a new record of a table: its org unit, period, status and
    figures by dotted path) and lines of changed values."""
    from store.codec import flat_paths
    by_id = {r.get("id"): r for r in plan.records if isinstance(r, dict)}
    for d in diff:
        new, old = d.get("new"), d.get("old")
        rec = by_id.get(d.get("field"))    # a roster's rows are named by no record id
        if old is None and isinstance(new, dict) and rec is not None:
            plan.add.append({"org_unit": rec.get("org_unit"), "period": rec.get("period"),
                             "status": rec.get("status"), **flat_paths(new)})
        elif old is None and isinstance(new, dict):
            plan.add.append(new)
        elif isinstance(new, dict) and isinstance(old, dict):
            a, b = flat_paths(old), flat_paths(new)
            plan.change += [where.line(rec, k, a.get(k), b.get(k))
                            for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        else:
            plan.change.append(where.line(None, str(d.get("field")), old, new))


def _text(value) -> str:
    return "—" if value is None else str(value)


def _json_plan(store, spec: ImportSpec, dry_run: bool) -> Plan:
    from cli.main import CliError
    from cli.records import problem_line, read_json_records
    from forms import load_form
    from forms.messages import message_text
    from store import StoreError
    try:
        records = read_json_records(spec.file, spec.form_id, lang=spec.lang)
    except CliError as exc:
        raise ImportRefused(str(exc)) from None
    done, problems = store.check_records(records)
    if problems:
        form = load_form(spec.form_id)
        raise ImportRefused("\n".join(problem_line(p, spec.lang, form) for p in problems),
                            problems)
    plan = Plan("json", records=done)
    for rec in done:
        old = store.get_record(rec["id"]) if rec.get("id") else None
        if old is None:
            plan.add.append(rec)
        elif not store.import_unchanged(rec):
            plan.change.append(f"{rec.get('org_unit')} {rec.get('period')} ({rec['id'][:8]})")
    if not dry_run:
        try:
            store.import_records(records, user=spec.user or store.user, reason=spec.reason
                                 or message_text("import_in_app_reason", spec.lang))
        except StoreError as exc:
            raise ImportRefused(str(exc)) from None
        plan.committed = True
    return plan


APP_WORDED = ("column_missing", "list_column_missing")  # a drop-down for the whole list


def app_message(p: dict, lang: str, offered: set[str]) -> str:
    """A finding's text as the preview says it: a missing column's names the preview's
    drop-down for the whole list when `offered` has its field (`<code>.pick`); any other
    is said for the desktop already (its hint, forms.messages.set_surface)."""
    params = p.get("params")
    if p.get("code") not in APP_WORDED or not isinstance(params, dict) \
            or params.get("field") not in offered:
        return str(p.get("message") or p.get("code") or "")
    from reports.intake_text import say
    return say(f"{p['code']}.pick", lang, **params)
