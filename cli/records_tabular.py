"""`esep import FORM FILE.xlsx|csv`: delegated to the reports room (`reports.io.import_file`).

The file is read once as a preview (problems with row + column + why, the per-field diff),
and only then, unless `--dry-run`, imported for real in one store transaction. Rosters
(focus_group, seminar) need `--org-unit` (and usually `--period`) or `--record ID` to append
to an existing list; the monthly-report workbook carries its org unit and period itself.
"""
from __future__ import annotations

import json
import sys

from cli.texts import check_period, say

MAX_DIFF_LINES = 100
TABULAR_ONLY = ("org_unit", "period", "record", "map", "sheet", "set")


def add_arguments(parser) -> None:
    """The `esep import` options that only .xlsx / .csv files use (and --reason)."""
    parser.add_argument("--org-unit", default=None,
                        help="org unit of an imported list (focus_group, seminar)")
    parser.add_argument("--period", default=None, help="YYYY-MM of an imported list "
                        "(default: this month)")
    parser.add_argument("--record", default=None,
                        help="append the list to this existing record (id)")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="column (header text, letter or number) -> field; repeatable; "
                             "an empty FIELD skips the column")
    parser.add_argument("--sheet", default=None, help="sheet of the workbook to read")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="one value for the whole list (a roster column such as "
                             "participant_category=STUDENT, or a field such as date); "
                             "repeatable")
    parser.add_argument("--reason", default=None,
                        help="reason written to the audit log (required to correct a "
                             "submitted report)")


def _error(message: str):
    from cli.main import CliError

    return CliError(message)


def check_json_args(args, lang: str = "ru") -> None:
    """A JSON file holds whole records: the list options make no sense with it."""
    given = [f"--{o.replace('_', '-')}" for o in TABULAR_ONLY if getattr(args, o, None)]
    if given:
        raise _error(say("cli_json_list_options", lang, options=", ".join(given)))


def parse_mapping(items: list[str], lang: str = "ru") -> dict | None:
    out = {}
    for item in items or []:
        col, sep, field = item.partition("=")
        if not sep or not col.strip():
            raise _error(say("cli_bad_map", lang, item=repr(item)))
        col = col.strip()
        out[int(col) if col.isdigit() else col] = field.strip() or None
    return out or None


def parse_set(items: list[str], lang: str = "ru") -> dict | None:
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise _error(say("cli_bad_set", lang, item=repr(item)))
        out[key.strip()] = value.strip()
    return out or None


def _options(args, lang: str = "ru") -> dict:
    check_period(args.period, lang)
    return {"mapping": parse_mapping(args.map, lang), "sheet": args.sheet,
            "record_id": args.record, "org_unit": args.org_unit, "period": args.period,
            "reason": args.reason, "set_values": parse_set(getattr(args, "set", None), lang)}


def import_tabular(args, form, *, store_opener, lang: str, unsupported) -> int:
    try:
        import reports.io as rio
    except ModuleNotFoundError as exc:
        unsupported(exc)
    options = _options(args, lang)
    store = store_opener()
    try:
        if options["org_unit"] and form.id != "monthly_report":
            from cli.orgunits_cmd import check_org_unit

            check_org_unit(store, options["org_unit"], lang=lang)
        return _run(rio, store, form, args, options, lang=lang)
    except ModuleNotFoundError as exc:
        unsupported(exc)
    finally:
        store.close()


def _run(rio, store, form, args, options: dict, *, lang: str) -> int:
    def call(dry_run: bool):
        try:
            return rio.import_file(store, form.id, args.file, user=store.user,
                                   dry_run=dry_run, lang=lang, **options)
        except rio.ImportFailed as exc:  # its message lists the problems
            raise _error(str(exc)) from None

    preview = call(True)
    _check_template_target(form, preview, options, lang)
    _check_template_unit(store, form, preview, lang)
    _print_preview(preview, lang)
    errors = _errors(preview.problems)
    if errors:
        raise _error(say("import_refused", lang, n=len(errors), file=args.file))
    target = _target(preview, lang)
    if args.dry_run:
        print(say("import_dry_run", lang, n=len(preview.diff or []), target=target))
        return 0
    if not preview.diff:
        print(say("import_no_changes", lang, target=target))
        return 0
    result = call(False)
    print(say("import_done", lang, n=len(result.diff or []), target=_target(result, lang)))
    return 0


def _errors(problems) -> list:
    return [p for p in problems or [] if not isinstance(p, dict)
            or p.get("severity", "error") == "error"]


def _target(result, lang: str = "ru") -> str:
    if not result.records:
        return say("import_no_record", lang)
    if len(result.records) > 1:
        return say("import_records_target", lang, n=len(result.records),
                   form=result.records[0].get("form"))
    return record_label(result.records[0], lang)


def record_label(rec: dict, lang: str = "ru") -> str:
    """form, org unit, period and id; a record not saved yet (a preview: no revision) says
    so instead of an id it will not keep."""
    ident = f"id {rec['id']}" if rec.get("id") and rec.get("revision") else \
        say("import_new_record", lang)
    return f"{rec.get('form')} {rec.get('org_unit')} {rec.get('period')} ({ident})"


def _record_change(rec: dict, old: dict | None, values: bool = False,
                   lang: str = "ru") -> list[str]:
    """A record of a table import: `+ label` when new (with its values when `values`: a
    region's own table), else `label:` and each changed value."""
    from store.codec import flat_paths

    if old is None:
        data = flat_paths(rec.get("data") or {}) if values else {}
        return [f"+ {record_label(rec, lang)}"] + [f"    {k}: {_value(v)}"
                                             for k, v in sorted(data.items())]
    a, b = flat_paths(old), flat_paths(rec.get("data") or {})
    return [f"{record_label(rec, lang)}:"] + [
        f"    {k}: {_value(a.get(k))} → {_value(b.get(k))}"
        for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]



def _check_template_target(form, result, options: dict, lang: str) -> None:
    """The monthly workbook names its own org unit and period: a differing option is an
    error, not something to silently ignore."""
    if form.id != "monthly_report" or not result.records or result.layout == "wide":
        return                          # a region's own table: the options were applied
    rec = result.records[0]
    for key in ("org_unit", "period"):
        wanted = options.get(key)
        if wanted and wanted != rec.get(key):
            raise _error(say("import_other_target", lang, option=key.replace("_", "-"),
                             wanted=wanted, unit=rec.get("org_unit"),
                             period=rec.get("period")))


def _check_template_unit(store, form, result, lang: str) -> None:
    """The org unit a monthly workbook names (its _meta sheet, typed over by hand or made
    in another folder) is checked like `esep template --org-unit`: once the folder knows
    units, an unknown one is refused here, not parked by the server after the next sync."""
    if form.id != "monthly_report" or not result.records or result.layout == "wide" \
            or not store.org_units():
        return
    from cli.orgunits_cmd import check_org_unit

    check_org_unit(store, str(result.records[0].get("org_unit")), lang=lang)


def problem_line(p, lang: str = "ru") -> str:
    """`[ошибка] строка 7, столбец «ФИО»: why` (row and column as the reports room gives
    them; a message that already names its place is not prefixed twice)."""
    if not isinstance(p, dict):
        return f"[{say('import_severity_error', lang)}] {p}"
    message = str(p.get("message") or p.get("code") or p)
    where = []
    if p.get("row") is not None:
        where.append(say("import_row", lang, row=p["row"]))
    if p.get("column"):
        where.append(say("import_column", lang, column=p["column"]))
    if where and not message.startswith(where[0]):
        message = f"{', '.join(where)}: {message}"
    severity = p.get("severity", "error")
    label = say(f"import_severity_{severity}", lang) if severity in ("error", "warning") \
        else severity
    return f"[{label}] {message}"


def _print_problems(problems, lang: str = "ru") -> None:
    for p in problems or []:
        print(f"  {problem_line(p, lang)}", file=sys.stderr)


def _value(v) -> str:
    return "—" if v is None else json.dumps(v, ensure_ascii=False)


def _print_preview(result, lang: str = "ru") -> None:
    diff = list(result.diff or [])
    if getattr(result, "header_row", None):
        print(say("import_header_row", lang, row=result.header_row, columns=", ".join(
            f"{k} -> {v}" for k, v in (result.mapping or {}).items())))
    if getattr(result, "remembered", None):
        print(say("import_mapping_remembered", lang, columns=", ".join(
            f"{k} -> {v or '—'}" for k, v in result.remembered.items())))
    for key, value in (getattr(result, "values", None) or {}).items():
        print(f"  {key} = {_value(value)}")
    unread = [c.header for c in getattr(result, "columns", None) or []
              if c.field is None and result.layout == "list"]
    if unread:
        print("  " + say("import_unmatched", lang, columns=", ".join(f"«{c}»" for c in unread)))
    for skipped in getattr(result, "skipped", None) or []:
        print(f"  - {skipped.line(lang)}")
    print(say("import_changes", lang, target=_target(result, lang), n=len(diff)))
    whole = {id(r["data"]): r for r in result.records or [] if isinstance(r.get("data"), dict)}
    for d in diff[:MAX_DIFF_LINES]:
        rec = whole.get(id(d.get("new")))
        if rec is not None:  # a table import: one change is one whole record
            for line in _record_change(rec, d.get("old"), lang=lang,
                                       values=getattr(result, "layout", None) in
                                       ("wide", "list")):
                print(f"  {line}")
        elif d.get("old") is None:
            print(f"  + {d['field']}: {_value(d.get('new'))}")
        else:
            print(f"  {d['field']}: {_value(d.get('old'))} → {_value(d.get('new'))}")
    if len(diff) > MAX_DIFF_LINES:
        print("  " + say("import_more", lang, n=len(diff) - MAX_DIFF_LINES))
    _print_problems(result.problems, lang)
