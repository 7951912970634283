"""`esep resend ID` and `esep drop ID --yes`: a record whose change the server refused (marked
«refused» by `esep list`; `esep sync` exits 2 while it waits) is sent again unchanged — after
its cause was fixed on the server (a unit added, a scope widened) — or its change is dropped:
a record the server never had is removed here, one it holds takes back the server's copy.

Thin layers over store.refused (the desktop's Sync → Rejected list calls the same). Any
refusal — an unknown id, a record with nothing refused, `esep drop` without --yes — is said in
the user's language with exit code 2, and nothing is changed.
"""
from __future__ import annotations

from cli.main import CliError
from cli.records import add_lang
from cli.texts import lang_of, say

BAD_INPUT = 2  # the exit code of every refusal here


def register(sub) -> None:
    p = sub.add_parser("resend", help="send a change the server refused again, unchanged")
    p.add_argument("id", help="the record's id (or its first 8 characters)")
    add_lang(p)
    p.set_defaults(func=cmd_resend)
    d = sub.add_parser("drop", help="drop a change the server refused (a record it never had "
                                    "is removed here; one it holds takes back its copy)")
    d.add_argument("id", help="the record's id (or its first 8 characters)")
    d.add_argument("--yes", action="store_true", help="drop it (without: say what would happen)")
    add_lang(d)
    d.set_defaults(func=cmd_drop)


def _settle(args, action) -> tuple[dict, str]:
    """Run `action(store, rid, lang)` on the record named by args.id; every refusal exits 2
    with nothing changed. Returns (its result, lang)."""
    from cli.workflow_cmd import _run, _store, full_id
    from store import StoreError

    store, lang = _store(), lang_of(args)
    try:
        rid = full_id(store, args.id, lang)
        if store.get_record(rid) is None:
            raise CliError(say("cli_no_record", lang, id=args.id))

        def run():
            try:
                return action(store, rid, lang)
            except StoreError as exc:
                if exc.code not in _OWN_CODES:
                    raise  # the store's other refusals: said by _run
                raise CliError(say(exc.code, lang, **(exc.params or {}))) from None
        return _run(run, lang, store), lang
    except CliError as exc:
        exc.code = BAD_INPUT
        raise
    finally:
        store.close()


_OWN_CODES = ("refused_none", "drop_in_conflict", "drop_no_server_copy", "drop_twin")


def cmd_resend(args) -> int:
    from store.refused import resend_refused

    saved, lang = _settle(args, lambda store, rid, _lang: resend_refused(store, rid))
    print(say("cli_resent", lang, id=saved["id"]))
    return 0


def _drop(store, rid: str, lang: str, confirmed: bool) -> dict:
    from cli.sync_cmd import USER_KEY
    from store.refused import DROPPED_NEW, drop_outcome, drop_refused

    if not confirmed:
        what = drop_outcome(store, rid)
        key = "cli_drop_would_remove" if what["outcome"] == DROPPED_NEW \
            else "cli_drop_would_revert"
        raise CliError(say(key, lang, id=rid, version=what["version"]))
    return drop_refused(store, rid, user=store.get_setting(USER_KEY) or store.user)


def cmd_drop(args) -> int:
    from store.refused import DROPPED_NEW

    done, lang = _settle(args, lambda store, rid, lang: _drop(store, rid, lang, args.yes))
    record = done["record"]
    key = "cli_dropped_removed" if done["outcome"] == DROPPED_NEW else "cli_dropped_server"
    print(say(key, lang, id=record["id"], version=record.get("version")))
    return 0
