"""`esep conflicts [list | show ID | resolve ID --take mine|theirs|FIELD=VALUE ...]`.

A thin layer over the store's own conflict functions (store.sync_state.conflicts /
resolve_conflict, as the desktop's conflicts dialog uses them): the chosen record is queued as
a normal change based on the server's version and reaches the server on the next `esep sync`.
`record_marks` is the one place `esep list` / `esep show` learn which records wait in a
conflict or carry a parked (server-rejected) change.
"""
from __future__ import annotations

import copy
import json

from cli.main import CliError
from cli.texts import lang_of as _lang
from cli.texts import say
from store.codec import flat_paths

CONFLICT, PARKED = "conflict", "parked"
TOP_FIELDS = ("justification", "review_comment", "status", "deleted")


def register(sub) -> None:
    p = sub.add_parser("conflicts", help="list, show or settle sync conflicts")
    verbs = p.add_subparsers(dest="verb")
    lst = verbs.add_parser("list", help="records waiting in a conflict (the default)")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    show = verbs.add_parser("show", help="my copy, the server's copy and their differences")
    show.add_argument("id")
    res = verbs.add_parser("resolve", help="keep mine, theirs, or either with fields set")
    res.add_argument("id")
    res.add_argument("--take", nargs="+", required=True, metavar="mine|theirs|FIELD=VALUE",
                     help="keep my copy or the server's, optionally followed by FIELD=VALUE "
                          "settings (dotted path into data, e.g. gender.F=3; VALUE is JSON "
                          "when it parses, else text); FIELD=VALUE alone starts from mine")
    p.set_defaults(func=cmd_conflicts, verb="list")


def record_marks(store) -> dict[str, str]:
    """Record id -> 'conflict' or 'parked' for every record that waits on the person."""
    from store import sync_state

    marks = {op["record_id"]: PARKED for op in sync_state.parked(store)}
    marks.update({c["record_id"]: CONFLICT for c in sync_state.conflicts(store)})
    return marks


def find(store, record_id: str, lang: str = "ru") -> dict:
    from store import sync_state

    for c in sync_state.conflicts(store):
        if c["record_id"] == record_id:
            return c
    raise CliError(say("cli_no_conflict", lang, id=record_id))


def differences(mine: dict, theirs: dict) -> list[dict]:
    """Each differing top-level value or data path (dotted), mine against theirs."""
    out = [{"field": k, "mine": mine.get(k), "theirs": theirs.get(k)}
           for k in TOP_FIELDS if mine.get(k) != theirs.get(k)]
    a, b = flat_paths(mine.get("data") or {}), flat_paths(theirs.get("data") or {})
    out += [{"field": f"data.{k}", "mine": a.get(k), "theirs": b.get(k)}
            for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    return out



def parse_assignment(text: str, lang: str = "ru") -> tuple[list[str], object]:
    field, sep, raw = text.partition("=")
    if not sep or not field.strip():
        raise CliError(say("cli_assignment_form", lang, text=repr(text)))
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    path = field.strip().split(".")
    return (path[1:] if path[0] == "data" and len(path) > 1 else path), value


def chosen_record(conflict: dict, side: str, assignments: list[str], lang: str = "ru") -> dict:
    """The kept copy ('mine' or 'theirs') with every FIELD=VALUE applied."""
    record = copy.deepcopy(conflict[side])
    record.setdefault("data", {})
    for text in assignments:
        path, value = parse_assignment(text, lang)
        if len(path) == 1 and path[0] in TOP_FIELDS:
            record[path[0]] = value
            continue
        node = record["data"]
        for key in path[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise CliError(say("cli_assignment_no_fields", lang, text=repr(text), key=key))
        node[path[-1]] = value
    return record


def cmd_conflicts(args) -> int:
    from cli.workflow_cmd import _store

    store = _store()
    if args.verb == "show":
        c = find(store, args.id, _lang(args))
        print(json.dumps({**c, "differences": differences(c["mine"], c["theirs"])},
                         ensure_ascii=False, indent=2))
        return 0
    if args.verb == "resolve":
        return _resolve(store, args)
    from store import sync_state

    items = sync_state.conflicts(store)
    if getattr(args, "json", False):
        print(json.dumps([{"record_id": c["record_id"], "kind": c["kind"],
                           "created_at": c["created_at"],
                           "fields": [d["field"] for d in differences(c["mine"], c["theirs"])]}
                          for c in items], ensure_ascii=False))
        return 0
    for c in items:
        mine = c["mine"]
        fields = ", ".join(d["field"] for d in differences(mine, c["theirs"])) or "-"
        print(f"{c['record_id']}  {c['kind']:11} {mine.get('form', ''):18} "
              f"{mine.get('org_unit', ''):12} {mine.get('period', '')}  {fields}")
    print(say("cli_conflicts_total", _lang(args), n=len(items)))
    return 0


def _resolve(store, args) -> int:
    from cli.sync_cmd import USER_KEY
    from store import sync_state

    side = args.take[0] if args.take[0] in ("mine", "theirs") else "mine"
    assignments = args.take[1:] if args.take[0] in ("mine", "theirs") else args.take
    lang = _lang(args)
    record = chosen_record(find(store, args.id, lang), side, assignments, lang)
    _refuse_bad_values(record, args.id, lang)
    try:
        saved = sync_state.resolve_conflict(store, args.id, record, user=store.get_setting(USER_KEY) or store.user)
    except (LookupError, ValueError) as exc:
        raise CliError(str(exc)) from None
    print(say("cli_conflict_resolved", lang, id=saved["id"]))
    return 0


def _refuse_bad_values(record: dict, record_id: str, lang: str) -> None:
    """A FIELD=VALUE the form does not take (an unknown field, a word for a number, a count
    below zero) is refused here, not parked by the server after the next sync."""
    from forms import load_form, message_text
    from forms.fieldcheck import HARD_CODES
    from forms.validate import check_record_fields

    form = load_form(record["form"], version=record.get("form_version"))
    bad = [f for f in check_record_fields(form, record) if f.message_code in HARD_CODES]
    if bad:
        lines = [say("cli_resolve_refused", lang, id=record_id)] + [
            f"  {say('cli_severity_error', lang):8} {', '.join(f.fields)}: "
            f"{message_text(f.message_code, lang, f.params, form=form)}" for f in bad]
        raise CliError("\n".join(lines))
