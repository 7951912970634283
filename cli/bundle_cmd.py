"""`esep bundle export | deliver | import`: sync without any line (a signed file on a USB stick).

export   the pending ops of this data folder, signed by the device key, into one file
deliver  (any connected, logged-in user) hands a bundle to the server, writes the signed reply
import   applies a reply in one transaction
Each prints ONE JSON line; exit 0 done, 1 refused or failed (nothing applied).
"""
from __future__ import annotations

import sys

from cli.sync_cmd import _fail, _login_again, _password_args, _print, _read_password, _session
from cli.texts import lang_of, say


def register(sub) -> None:
    p = sub.add_parser("bundle", help="sync without a line: signed bundle files")
    cmds = p.add_subparsers(dest="bundle_command", required=True)
    ex = cmds.add_parser("export", help="write the pending changes to a signed bundle file")
    ex.add_argument("-o", "--output", required=True, help="the bundle file to write")
    ex.add_argument("--password-stdin", action="store_true",
                    help="read the user's password from stdin (where no OS keyring holds "
                    "the device key)")
    ex.set_defaults(func=cmd_export)
    de = cmds.add_parser("deliver", help="hand a bundle to the server (as any logged-in "
                         "user) and write the reply file")
    de.add_argument("file")
    de.add_argument("-o", "--output", default=None, help="reply file (default: FILE.reply)")
    de.add_argument("--server", default=None, help="default: the one of `esep login`")
    de.add_argument("--user", default=None, help="default: the one of `esep login`")
    _password_args(de)
    de.set_defaults(func=cmd_deliver)
    im = cmds.add_parser("import", help="apply a reply bundle from the server")
    im.add_argument("file")
    im.set_defaults(func=cmd_import)


def _refused(exc, args, server: str = "", lead: str = "bundle_refused") -> Exception:
    from cli.texts import bundle_failure

    text = bundle_failure(exc, lang_of(args), server, lead=lead)
    _print({"error": getattr(exc, "code", "failed"), "message": text})
    return _fail(text)


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _passphrase(store, args) -> str | None:
    from sync.bundle import needs_passphrase

    if not needs_passphrase(store):
        return None
    if args.password_stdin:
        return _read_password(lang_of(args))
    if not sys.stdin.isatty():
        raise _fail(say("bundle_passphrase_needed", lang_of(args)))
    import getpass

    return getpass.getpass(say("cli_password_key_owner", lang_of(args)))


def cmd_export(args) -> int:
    from store import open_store
    from sync.bundle import BundleError, export_bundle

    with open_store() as store:
        try:
            result = export_bundle(store, args.output, passphrase=_passphrase(store, args))
        except BundleError as exc:
            raise _refused(exc, args, lead="bundle_not_written") from None
    _print(result)
    return 0


def cmd_deliver(args) -> int:
    from store import open_store
    from sync.bundle import BundleError, deliver
    from sync.transport import AuthError, SyncError

    data = _read(args.file)
    with open_store() as store:  # the carrier's login; its data folder is not touched
        client, user, password = _session(store, args)
    try:
        if client.token is None:
            _login_again(None, client, user, password)
        try:
            reply = deliver(client, data)
        except AuthError:
            if not _login_again(None, client, user, password):
                raise
            reply = deliver(client, data)
    except (BundleError, SyncError) as exc:
        raise _refused(exc, args, client.base_url) from None
    finally:
        client.close()
    out = args.output or args.file + ".reply"
    with open(out, "wb") as fh:
        fh.write(reply)
    _print({"reply": out, "bytes": len(reply), "carrier": user})
    return 0


def cmd_import(args) -> int:
    from store import open_store
    from sync.bundle import BundleError, import_reply

    data = _read(args.file)
    with open_store() as store:
        try:
            counts = import_reply(store, data)
        except BundleError as exc:
            raise _refused(exc, args) from None
    _print(counts)
    return 2 if counts["conflict"] or counts["rejected"] or counts["pulled_conflicts"] else 0
