"""`esep survey import` and `esep registry import|merge|suggest|list` (issue 16).

Survey exports (.xlsx / .csv, one response per row) are matched to the questions by their
text; `--map "COLUMN=field"` corrects a column (an empty field skips it), as `esep import`
does for lists. With any error nothing is saved and every problem is printed (row, column as
the file names it, why, what is allowed).
"""
from __future__ import annotations

from cli.records import _error, _open_store, lang_of
from cli.records_tabular import parse_mapping
from cli.texts import say

SURVEYS = ("volunteer_survey", "org_survey", "cs_questionnaire")


def register(sub) -> None:
    sur = sub.add_parser("survey", help="national surveys of volunteers and organizations")
    ssub = sur.add_subparsers(dest="survey_command", required=True)
    imp = ssub.add_parser("import", help="import an online-form export (.xlsx / .csv)")
    imp.add_argument("form", choices=SURVEYS)
    _file_options(imp)
    imp.set_defaults(func=cmd_survey_import)
    reg = sub.add_parser("registry", help="the registry of volunteer organizations")
    rsub = reg.add_subparsers(dest="registry_command", required=True)
    rimp = rsub.add_parser("import", help="import a list of organizations (.xlsx / .csv)")
    _file_options(rimp)
    rimp.set_defaults(func=cmd_registry_import)
    merge = rsub.add_parser("merge", help="merge entry B into entry A (B's spellings kept)")
    merge.add_argument("keep", metavar="A")
    merge.add_argument("drop", metavar="B")
    merge.set_defaults(func=cmd_registry_merge)
    sug = rsub.add_parser("suggest", help="registry entries a written name may mean")
    sug.add_argument("name")
    sug.add_argument("--region", default=None, help="the region's entries first")
    sug.set_defaults(func=cmd_registry_suggest)
    lst = rsub.add_parser("list", help="the registry entries")
    lst.add_argument("--region", default=None)
    lst.set_defaults(func=cmd_registry_list)


def _file_options(p) -> None:
    p.add_argument("file")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="column (header text or number) -> field id; repeatable; an empty "
                        "FIELD skips the column")
    p.add_argument("--sheet", default=None, help="sheet of the workbook to read")
    p.add_argument("--dry-run", action="store_true", help="read and check only")


def _report(result, what: str, dry_run: bool, lang: str) -> int:
    """`what`: "survey" or "registry" (the messages cli_<what>_dry_run / cli_<what>_done)."""
    print(say("cli_columns", lang))
    for header, fid in result.mapping().items():
        print(f"  {header} -> {fid}")
    for header in result.unmatched():
        print(f"  {header} -> {say('cli_column_skipped', lang)}")
    if result.identity is not None:
        known_by = "; ".join(f"«{h}»" for h in result.identity)
        print(say("cli_survey_known_by" if known_by else "cli_survey_known_by_row", lang,
                  columns=known_by))
    for p in result.problems:
        print(f"[{say('cli_severity_' + p['severity'], lang)}] {p['message']}")
    if result.errors:
        raise _error(say("cli_errors_nothing_imported", lang, n=len(result.errors)))
    n = len(result.records)
    if what == "survey":
        n = len(result.added) + len(result.updated)
    print(say(f"cli_{what}_dry_run" if dry_run else f"cli_{what}_done", lang, n=n,
              added=len(result.added), updated=len(result.updated),
              same=len(result.unchanged)))
    return 0


def cmd_survey_import(args) -> int:
    from reports.readers import FileProblem
    from reports.survey_import import import_survey

    with _open_store() as store:
        try:
            result = import_survey(store, args.form, args.file, user=store.user,
                                   mapping=parse_mapping(args.map, lang_of(args)), sheet=args.sheet,
                                   lang=lang_of(args), dry_run=args.dry_run)
        except FileProblem as exc:
            raise _error(exc.text(lang_of(args))) from None
        return _report(result, "survey", args.dry_run, lang_of(args))


def cmd_registry_import(args) -> int:
    from reports.readers import FileProblem
    from reports.registry_import import import_registry

    with _open_store() as store:
        try:
            result, new, updates = import_registry(
                store, args.file, user=store.user, mapping=parse_mapping(args.map, lang_of(args)),
                sheet=args.sheet, lang=lang_of(args), dry_run=args.dry_run)
        except FileProblem as exc:
            raise _error(exc.text(lang_of(args))) from None
        _report(result, "registry", args.dry_run, lang_of(args))
        if not result.errors:
            print(say("cli_registry_entries", lang_of(args), new=len(new), updated=len(updates),
                      same=len(result.unchanged)))
        return 0


def cmd_registry_merge(args) -> int:
    from reports.registry import RegistryError, merge
    from store import StoreError

    with _open_store() as store:
        try:
            kept = merge(store, args.keep, args.drop, user=store.user)
        except (RegistryError, StoreError) as exc:
            raise _error(say("cli_not_merged", lang_of(args), detail=exc)) from None
        aliases = (kept["data"].get("aliases") or "").replace("\n", "; ")
        print(say("cli_registry_merged", lang_of(args), drop=args.drop, keep=args.keep,
                  name=kept["data"].get("name_ru"), aliases=aliases or "—"))
        return 0


def cmd_registry_suggest(args) -> int:
    from reports.registry import entries, suggest

    with _open_store() as store:
        pool = entries(store.list_records(form="organization"))
        for entry, score in suggest(args.name, pool, region=args.region):
            print(f"{score:3d}  {entry.id}  {entry.region}  {entry.name}")
        return 0


def cmd_registry_list(args) -> int:
    from reports.registry import entries

    with _open_store() as store:
        for e in sorted(entries(store.list_records(form="organization")),
                        key=lambda e: (e.region, e.name)):
            if args.region is None or e.region == args.region:
                print(f"{e.id}  {e.region}  {e.bin or '-':12}  {e.name}")
        return 0
