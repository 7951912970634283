"""Record sub-commands: `esep forms list`, `esep validate`, `esep import`, `esep export`.

JSON files hold canonical records (CONTRACTS §3): `{"form": ..., "records": [...]}`, a bare
list, or (validate only) one record object. .xlsx/.csv go through `reports.io`.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from cli.records_tabular import add_arguments as add_tabular_arguments
from cli.records_tabular import check_json_args, import_tabular
from cli.texts import lang_of, say


def register(sub) -> None:
    forms_p = sub.add_parser("forms", help="form definitions")
    forms_sub = forms_p.add_subparsers(dest="forms_command", required=True)
    lst = forms_sub.add_parser("list", help="list the forms (latest version of each)")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    add_lang(lst)
    lst.set_defaults(func=cmd_forms_list)

    val = sub.add_parser("validate", help="check records in a JSON file against a form")
    val.add_argument("form")
    val.add_argument("file")
    val.add_argument("--json", action="store_true", help="machine-readable output")
    add_lang(val)
    val.set_defaults(func=cmd_validate)

    imp = sub.add_parser("import", help="import records (JSON, XLSX or CSV); all or nothing")
    imp.add_argument("form")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="check and report, save nothing")
    add_tabular_arguments(imp)
    add_lang(imp)
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help="export records of a form")
    exp.add_argument("form")
    exp.add_argument("--format", choices=("json", "xlsx", "csv"), default="json")
    exp.add_argument("-o", "--output", required=True)
    exp.add_argument("--include-personal", action="store_true",
                     help="keep personal fields (names, phones); left out by default")
    exp.add_argument("--period", default=None, help="only this period (YYYY-MM)")
    exp.add_argument("--org-unit", default=None, help="only this org unit")
    add_lang(exp)
    exp.set_defaults(func=cmd_export)


def add_lang(parser) -> None:
    parser.add_argument("--lang", dest="sub_lang", choices=("ru", "kk", "en"), default=None,
                        help="language of messages (default ru)")


def _error(message: str):
    from cli.main import CliError

    return CliError(message)


def _form(form_id: str, lang: str = "ru"):
    from forms import list_forms, load_form

    try:
        return load_form(form_id)
    except KeyError:
        known = ", ".join(f.id for f in list_forms())
        raise _error(say("cli_unknown_form", lang, form=form_id, known=known)) from None
    except ValueError as exc:  # forms.DefinitionError names the file and line
        raise _error(f"form definitions cannot be loaded: {exc}") from None


def _open_store():
    """The data folder's store; a refusal to open it (StoreError) reaches cli.main, which
    says it in the user's language."""
    from store import open_store

    return open_store()


# -- forms list --------------------------------------------------------------------------
def cmd_forms_list(args) -> int:
    from forms import list_forms

    lang = lang_of(args)
    forms = list_forms()
    if args.json:
        out = [{"id": f.id, "version": f.version, "title": f.title.get(lang) or f.title.get("ru"),
                "fields": len(f.fields)} for f in forms]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for f in forms:
        print(f"{f.id:22} v{f.version:<3} {f.title.get(lang) or f.title.get('ru')}")
    return 0


# -- reading files -----------------------------------------------------------------------
def read_json_records(path: str, form_id: str, *, allow_single: bool = False,
                      lang: str = "ru") -> list:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
        if not text.strip():
            raise _error(say("file_empty", lang, file=path))
        doc = json.loads(text)
    except FileNotFoundError:
        raise _error(say("file_missing", lang, file=path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if p.suffix.lower() != ".json":  # a workbook, a list, a PDF given to `validate`
            raise _error(say("cli_not_json_records", lang, file=path)) from None
        if isinstance(exc, UnicodeDecodeError):
            raise _error(say("cli_json_not_utf8", lang, file=path, byte=exc.start)) from None
        raise _error(say("cli_json_invalid", lang, file=path, line=exc.lineno,
                         column=exc.colno)) from None
    except (RecursionError, ValueError):  # nested too deeply; an integer of too many digits
        raise _error(say("cli_json_invalid", lang, file=path, line="?", column="?")) from None
    if isinstance(doc, dict) and isinstance(doc.get("records"), list):
        if doc.get("form") not in (None, form_id):
            raise _error(say("cli_json_other_form", lang, file=path, form=form_id,
                             other=doc["form"]))
        records = doc["records"]
    elif isinstance(doc, list):
        records = doc
    elif allow_single and isinstance(doc, dict):
        records = [doc]
    else:
        raise _error(say("cli_json_shape", lang, file=path))
    return [_with_form(r, form_id) for r in records]


def _with_form(rec, form_id):
    if isinstance(rec, dict) and "form" not in rec:
        return dict(rec, form=form_id)
    return rec


# -- validate ----------------------------------------------------------------------------
def cmd_validate(args) -> int:
    """Every finding of every record; exit 1 when a record has errors. A record whose
    warnings lack a justification is marked: it passes validation but blocks submission
    (forms.lifecycle.blocking, the rule the store and the server apply)."""
    from forms import blocking, history_of, validate_record

    form = _form(args.form, lang_of(args))
    records = read_json_records(args.file, form.id, allow_single=True, lang=lang_of(args))
    results = []
    for i, rec in enumerate(records, start=1):
        findings = _header_findings(rec, form.id)
        justification = None
        if isinstance(rec, dict):
            rform = _form_of(rec, form)
            others = [r for r in records if r is not rec]  # as Store.history_for, in the file
            findings += validate_record(rform, rec, history=history_of(rform, rec, others))
            justification = rec.get("justification")
        results.append({"index": i, "id": rec.get("id") if isinstance(rec, dict) else None,
                        "findings": findings,
                        "blocking": blocking(findings, justification)})
    _print_validation(results, lang_of(args), as_json=args.json, form=form)
    return 1 if any(_has_errors(r) for r in results) else 0


def _has_errors(result: dict) -> bool:
    """Errors block whatever the justification: the part of `blocking` a file can fix."""
    return any(f.severity == "error" for f in result["blocking"])


def _form_of(rec: dict, default):
    from forms import load_form

    version = rec.get("form_version")
    if rec.get("form") == default.id and version not in (None, default.version):
        try:
            return load_form(default.id, version=version)
        except (KeyError, ValueError):
            return default
    return default


def _header_findings(rec, form_id: str) -> list:
    """Findings for the record's header (the forms engine checks data and period)."""
    from forms import Finding
    from store.codec import shape_problems

    out = []
    for e in shape_problems(rec):
        if e.field == "period":
            continue
        if e.field in ("form", "org_unit"):
            out.append(Finding("required", "error", [e.field], "required", {"field": e.field}))
        else:
            out.append(Finding("record", "error", [e.field or "record"], e.code,
                               e.params or {"field": e.field}))
    if isinstance(rec, dict) and rec.get("form") not in (None, form_id):
        out.append(Finding("record", "error", ["form"], "cli_other_form_line",
                           {"got": repr(rec["form"]), "want": repr(form_id)}))
    return out


def _message(f, lang: str, form=None) -> str:
    """The finding's text, with field ids replaced by the form's labels in `lang`."""
    from forms import message_text

    return message_text(f.message_code, lang, f.params, form=form)


def _print_validation(results: list, lang: str, *, as_json: bool, form=None) -> None:
    if as_json:
        out = [{"index": r["index"], "id": r["id"], "blocks_submission": bool(r["blocking"]),
                "findings": [dict(f.to_dict(), message=_message(f, lang, form))
                             for f in r["findings"]]}
               for r in results]
        valid = not any(_has_errors(r) for r in results)
        print(json.dumps({"valid": valid, "records": out}, ensure_ascii=False, indent=2))
        return
    n_err = 0
    for r in results:
        shown = [f for f in r["findings"] if f.severity in ("error", "warning")]
        errors = sum(f.severity == "error" for f in shown)
        n_err += bool(errors)
        status = (say("cli_validate_ok", lang) if not shown else
                  say("cli_validate_counts", lang, errors=errors, warnings=len(shown) - errors))
        if r["blocking"] and not errors:
            status += "; " + say("cli_validate_justify", lang)
        print(f"{say('import_record_where', lang, index=r['index'], id=r['id'])}: {status}")
        for f in shown:
            print(f"  {say('cli_severity_' + f.severity, lang):8} {f.rule:10} "
                  f"[{', '.join(f.fields)}] {_message(f, lang, form)}")
    print(say("cli_validate_total", lang, n=len(results), errors=n_err))


# -- import ------------------------------------------------------------------------------
def cmd_import(args) -> int:
    form = _form(args.form, lang_of(args))
    if Path(args.file).suffix.lower() != ".json":
        return import_tabular(args, form, store_opener=_open_store, lang=lang_of(args),
                              unsupported=_unsupported)
    check_json_args(args, lang_of(args))
    records = read_json_records(args.file, form.id, lang=lang_of(args))
    lang = lang_of(args)
    other = [say("import_record_where", lang, index=i, id=r.get("id")) + ": "
             + say("cli_other_form_line", lang, got=repr(r.get("form")), want=repr(form.id))
             for i, r in enumerate(records, start=1)
             if isinstance(r, dict) and r.get("form") != form.id]
    if other:
        raise _error(say("cli_other_form", lang, n=len(other)) + ":\n  " + "\n  ".join(other))
    store = _open_store()
    try:
        _check_units(store, records, lang)
        return _import_json(store, records, dry_run=args.dry_run, reason=args.reason,
                            lang=lang_of(args), form=form, file=Path(args.file).name)
    finally:
        store.close()


def _check_units(store, records: list, lang: str) -> None:
    """Once the folder knows org units, a record filed under one it does not know is refused
    here (as `esep template --org-unit` is), not parked by the server after the next sync;
    records already stored under their unit pass."""
    if not store.org_units():
        return
    from cli.orgunits_cmd import check_org_unit

    stored = {r["org_unit"] for r in store.list_records()}
    for unit in sorted({r.get("org_unit") for r in records if isinstance(r, dict)
                        and isinstance(r.get("org_unit"), str)} - stored):
        check_org_unit(store, unit, lang=lang)


def problem_line(p: dict, lang: str, form) -> str:
    """«record #1 (id …): Field “label”: why» in the user's language (a field check by its
    code and params; the store's other refusals in its own words)."""
    from forms import message_text

    where = message_text("import_record_where", lang, {"index": p["index"], "id": p["id"]})
    if "params" in p:
        return f"{where}: {message_text(p['code'], lang, p['params'], form=form)}"
    return f"{where}: {p['message'].split(': ', 1)[-1]}"


def _import_json(store, records: list, *, dry_run: bool, reason: str | None, lang: str = "ru",
                 form=None, file: str = "") -> int:
    from forms import message_text
    from store import StoreError

    done, problems = store.check_records(records)
    if problems:
        lines = [problem_line(p, lang, form) for p in problems]
        raise _error(message_text("import_refused", lang, {"n": len(problems), "file": file})
                     + ":\n  " + "\n  ".join(lines))
    if dry_run:
        new = sum(1 for r in done if not r["id"] or store.get_record(r["id"]) is None)
        same = sum(1 for r in done if store.import_unchanged(r))
        print(say("cli_json_dry_run", lang, n=len(done), new=new, same=same,
                  changed=len(done) - new - same))
        return 0
    try:
        changed = store.import_records(records, user=store.user, reason=reason or "import")
    except StoreError as exc:
        raise _error(say("cli_nothing_imported", lang, detail=exc)) from None
    print(say("cli_json_done", lang, n=changed, same=len(done) - changed))
    return 0


def _unsupported(exc: ModuleNotFoundError):
    """The reports room's reader/writer for this format is not installed (yet)."""
    if (exc.name or "").split(".")[0] == "reports":
        raise _error("format not supported yet") from None
    raise exc


# -- export ------------------------------------------------------------------------------
def cmd_export(args) -> int:
    from cli.texts import check_period

    form = _form(args.form, lang_of(args))
    check_period(args.period, lang_of(args))
    store = _open_store()
    try:
        records = store.list_records(form=form.id, period=args.period, org_unit=args.org_unit,
                                     order_by="period, org_unit")
    finally:
        store.close()
    if args.format == "json":
        if not args.include_personal:
            records = [strip_personal(r) for r in records]
        payload = json.dumps({"form": form.id, "records": records}, ensure_ascii=False,
                             indent=2)
        _write_atomic(Path(args.output), payload)
    else:
        try:
            from reports.io import export_file

            export_file(records, form.id, args.format, args.output, lang=lang_of(args),
                        include_personal=args.include_personal)
        except ModuleNotFoundError as exc:
            _unsupported(exc)
    print(say("cli_exported", lang_of(args), n=len(records), file=args.output))
    return 0


def strip_personal(record: dict) -> dict:
    """The record without the fields its form marks `personal` (roster columns too)."""
    from forms import load_form

    form = load_form(record["form"], version=record.get("form_version"))
    data = dict(record["data"])
    for path in form.personal_fields():
        fid, _, col = path.partition(".")
        if not col:
            data.pop(fid, None)
        elif isinstance(data.get(fid), list):
            data[fid] = [{k: v for k, v in row.items() if k != col} if isinstance(row, dict)
                         else row for row in data[fid]]
    return dict(record, data=data)


def _write_atomic(path: Path, text: str) -> None:
    # an OSError here reaches cli.main, which says which file and why in the user's language
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError as exc:  # named by the file asked for, not by the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
