"""`esep refile ID --org-unit UNIT`: a record whose change the server refused (marked
«refused» by `esep list`, `esep sync` exits 2 while it waits) is filed under another org unit
and queued again; the next `esep sync` sends it.

A thin layer over store.orgunits.refile_refused, which decides (with forms.scope.may_hold, the
server's own rule) whether the user may hold the record there. Any refusal — an unknown id, a
unit the server did not send, one outside the user's reach, a record with nothing refused —
is said in the user's language with exit code 2, and nothing is changed.
"""
from __future__ import annotations

import json

from cli.main import CliError
from cli.records import add_lang
from cli.texts import lang_of, say

BAD_INPUT = 2  # the exit code of every refusal here


def register(sub) -> None:
    p = sub.add_parser("refile", help="move a record the server refused to another org unit")
    p.add_argument("id", help="the record's id (or its first 8 characters)")
    p.add_argument("--org-unit", required=True,
                   help="the org unit to file it under (see `esep orgunits list`)")
    add_lang(p)
    p.set_defaults(func=cmd_refile)


def _me(store) -> dict:
    """The user as the server described it at the last sync (role, district, region)."""
    from sync.engine import ME_KEY

    try:
        me = json.loads(store.get_setting(ME_KEY) or "{}")
    except (TypeError, ValueError):
        me = {}
    return me if isinstance(me, dict) else {}


def _allowed(store, form: str, me: dict) -> str:
    """The units the user may file a record of `form` under (store.orgunits.refile_units)."""
    from store.orgunits import refile_units

    ids = [u["id"] for u in refile_units(store, form, me)]
    return ", ".join(ids[:12]) + (", …" if len(ids) > 12 else "")


def _refusal_text(store, exc, lang: str) -> str:
    """A refile_* refusal in `lang`, with what the user may type instead."""
    from cli.orgunits_cmd import nearest_units
    from cli.texts import status_text
    from store.orgunits import server_units

    params = dict(exc.params or {})
    if "status" in params:
        params["status"] = status_text(params["status"], lang)
    lines = [say(exc.code, lang, **params)]
    record = store.get_record(params["record"]) or {}
    allowed = _allowed(store, record.get("form", ""), _me(store))
    if exc.code == "refile_unit_not_server":
        names = nearest_units({k: u["name_ru"] for k, u in server_units(store).items()},
                              params["unit"])
        lines += [say("cli_unit_nearest", lang, names=names)] if names else []
    if exc.code in ("refile_unit_not_server", "refile_outside_scope", "refile_same_unit") \
            and allowed:
        lines.append(say("cli_refile_allowed", lang, units=allowed))
    return "\n  ".join(lines)


def _refile(store, rid: str, unit: str, lang: str) -> dict:
    from cli.sync_cmd import USER_KEY
    from store import StoreError
    from store.orgunits import refile_refused

    try:
        return refile_refused(store, rid, unit, user=store.get_setting(USER_KEY) or store.user,
                              me=_me(store))
    except StoreError as exc:
        if not exc.code.startswith("refile_"):
            raise  # the store's other refusals (a value, a duplicate month): said by _run
        raise CliError(_refusal_text(store, exc, lang)) from None


def cmd_refile(args) -> int:
    from cli.workflow_cmd import _run, _store, full_id

    store, lang = _store(), lang_of(args)
    try:
        rid = full_id(store, args.id, lang)
        if store.get_record(rid) is None:
            raise CliError(say("cli_no_record", lang, id=args.id))
        saved = _run(lambda: _refile(store, rid, args.org_unit, lang), lang, store)
    except CliError as exc:
        exc.code = BAD_INPUT
        raise
    finally:
        store.close()
    print(say("cli_refiled", lang, id=saved["id"], unit=saved["org_unit"]))
    return 0
