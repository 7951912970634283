"""Workflow sub-commands on the local store: `esep list`, `esep show`, `esep submit`,
`esep review`. Changes go to the outbox like any edit and reach the server on `esep sync`."""
from __future__ import annotations

import json

from cli.conflicts_cmd import CONFLICT, PARKED, record_marks
from cli.main import CliError
from cli.records import _open_store as _store
from cli.records import add_lang, lang_of
from cli.texts import say, status_text

COLUMNS = ("id", "form", "org_unit", "period", "status", "version", "review_comment")


def register(sub) -> None:
    lst = sub.add_parser("list", help="list local records (one line each)")
    lst.add_argument("form", nargs="?", default=None)
    lst.add_argument("--status", default=None)
    lst.add_argument("--period", default=None)
    lst.add_argument("--org-unit", default=None)
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.set_defaults(func=cmd_list)

    show = sub.add_parser("show", help="one record with its revisions and audit trail")
    show.add_argument("id")
    add_lang(show)
    show.set_defaults(func=cmd_show)

    sub_p = sub.add_parser("submit", help="submit a draft or returned record")
    sub_p.add_argument("id")
    sub_p.add_argument("--justification", default=None,
                       help="comment that explains the warnings (required when there are any)")
    add_lang(sub_p)
    sub_p.set_defaults(func=cmd_submit)

    rev = sub.add_parser("review", help="approve or return a submitted record (region role)")
    rev.add_argument("id")
    action = rev.add_mutually_exclusive_group(required=True)
    action.add_argument("--approve", action="store_const", const="approved", dest="action")
    action.add_argument("--return", action="store_const", const="returned", dest="action")
    rev.add_argument("--comment", default=None, help="required when returning")
    add_lang(rev)
    rev.set_defaults(func=cmd_review)


def _run(action, lang, store=None):
    """Run a store action; a StoreError becomes a translated, specific CLI error (with
    `store`, a blocked submission names the fields by their labels in `lang`)."""
    from store import StoreError, SubmitBlocked, error_text

    try:
        return action()
    except SubmitBlocked as exc:
        from forms import message_text

        form = _form_of(store, exc.record_id)
        lines = [error_text(exc, lang)] + [
            f"  {say('cli_severity_' + f.severity, lang):8} {f.rule:10} [{', '.join(f.fields)}] "
            f"{message_text(f.message_code, lang, f.params, form=form)}" for f in exc.findings]
        raise CliError("\n".join(lines)) from None
    except StoreError as exc:
        raise CliError(error_text(exc, lang)) from None


def _form_of(store, record_id):
    """The form definition of a stored record, or None (then field ids are shown)."""
    from store.workflow import load_form_for

    record = store.get_record(record_id) if store is not None and record_id else None
    return load_form_for(record["form"], record.get("form_version"), record_id) \
        if record else None


def cmd_list(args) -> int:
    from cli.records import _form
    from cli.texts import check_period
    from forms.lifecycle import STATUSES

    lang = lang_of(args)
    if args.form:
        _form(args.form, lang)
    if args.status and args.status not in STATUSES:
        raise CliError(say("cli_unknown_status", lang, value=args.status,
                           allowed=", ".join(STATUSES)))
    check_period(args.period, lang)
    filters = {k: v for k, v in (("form", args.form), ("status", args.status),
                                 ("period", args.period), ("org_unit", args.org_unit)) if v}
    store = _store()
    records, marks = store.list_records(**filters), record_marks(store)
    if args.json:
        print(json.dumps([{**{c: r.get(c) for c in COLUMNS}, "sync_state": marks.get(r["id"])}
                          for r in records], ensure_ascii=False))
        return 0
    for r in records:
        comment = f"  «{r['review_comment']}»" if r.get("review_comment") else ""
        mark = f"  [{say('cli_mark_' + marks[r['id']], lang)}]" if r["id"] in marks else ""
        print(f"{r['id']}  {r['form']:18} {r['org_unit']:12} {r['period']}  "
              f"{status_text(r['status'], lang):9} v{r.get('version') or '-'}{mark}{comment}")
    print(say("cli_records_total", lang, n=len(records)) + _marks_hint(marks, lang))
    return 0


def _marks_hint(marks: dict[str, str], lang: str) -> str:
    conflicts = sum(1 for m in marks.values() if m == CONFLICT)
    parked = len(marks) - conflicts
    hints = ([say("cli_hint_conflicts", lang, n=conflicts)] if conflicts else []) + \
        ([say("cli_hint_parked", lang, n=parked)] if parked else [])
    return f"; {', '.join(hints)}" if hints else ""


def full_id(store, text: str, lang: str) -> str:
    """A record id as typed: whole, or its first characters as `esep report quality` and
    the review print them (8), when they start exactly one record."""
    if len(text) < 6 or store.get_record(text) is not None:
        return text
    ids = [r["id"] for r in store.list_records() if r["id"].startswith(text.lower())]
    if len(ids) > 1:
        raise CliError(say("cli_id_ambiguous", lang, text=text, ids=", ".join(ids[:5])))
    return ids[0] if ids else text


def cmd_show(args) -> int:
    store = _store()
    args.id = full_id(store, args.id, lang_of(args))
    record = _run(lambda: store.get_record(args.id), lang_of(args))
    if record is None:
        raise CliError(say("cli_no_record", lang_of(args), id=args.id))
    from store import sync_state

    out = {"record": record, "sync_state": record_marks(store).get(args.id)}
    if out["sync_state"] == CONFLICT:
        out["conflict"] = next(c for c in sync_state.conflicts(store)
                               if c["record_id"] == args.id)
    elif out["sync_state"] == PARKED:
        out["rejected"] = [{"op": p["op"], "errors": p["errors"]}
                           for p in sync_state.parked(store) if p["record_id"] == args.id]
    out.update(revisions=store.revisions(args.id), audit=store.audit(args.id))
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_submit(args) -> int:
    store = _store()
    lang = lang_of(args)
    args.id = full_id(store, args.id, lang)
    record, findings = _run(lambda: store.submit_record(
        args.id, user=store.user, justification=args.justification), lang, store)
    print(say("cli_submitted", lang, id=record["id"], status=status_text(record["status"], lang),
              revision=record["revision"], findings=len(findings)))
    return 0


def _role(store) -> str | None:
    """The role the server gave at `esep login` (None before any login: a folder that never
    synced decides nothing here; the server checks anyway)."""
    from sync.engine import ME_KEY

    try:
        return (json.loads(store.get_setting(ME_KEY) or "{}") or {}).get("role")
    except (ValueError, AttributeError):
        return None


def cmd_review(args) -> int:
    store, lang = _store(), lang_of(args)
    args.id = full_id(store, args.id, lang)
    record = _run(lambda: store.set_review(args.id, args.action, user=store.user,
                                           comment=args.comment, role=_role(store)),
                  lang, store)
    print(say("cli_reviewed", lang, id=record["id"], status=status_text(record["status"], lang)))
    return 0
