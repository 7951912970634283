"""`esep login`, `esep logout`, `esep sync [--watch]`.

The server URL and user are remembered in the store's kv (`sync.server`, `sync.user`,
`sync.insecure`); the token lives in the OS keyring (sync/credentials.py). Where no keyring
backend exists, `--password-stdin` is needed on every run and nothing is saved — unless the
install opts in with `esep login --keep-token-in-file` (cli/sync_token.py): then the token, never
the password, is kept in a 0600 file of the data folder, and a no-op `esep sync` is one request.
`esep sync` prints ONE JSON line {pushed, pulled, conflicts, rejected, bytes_up, bytes_down,
requests}; exit 0 clean, 2 when conflicts or rejected ops wait for a person, 1 on failure.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading

SERVER_KEY, USER_KEY, INSECURE_KEY = "sync.server", "sync.user", "sync.insecure"
CACERT_KEY = "sync.cacert"  # a CA certificate file the server's TLS certificate is checked with


def register(sub) -> None:
    login = sub.add_parser("login", help="log in to the central server (token kept in the "
                           "OS keyring)")
    login.add_argument("--server", default=None, help="https://host[:port] (default: the "
                       "last login's, with its --cacert and --insecure)")
    login.add_argument("--user", default=None, help="default: the last login's")
    _password_args(login)
    login.add_argument("--keep-token-in-file", action="store_true",
                       help="only where this computer has no OS keyring (unattended "
                       "installs): keep the token, never the password, in the file "
                       "sync-token of the data folder, readable by this user only; "
                       "`esep logout` or the server's revoke-tokens ends it")
    login.set_defaults(func=cmd_login)
    logout = sub.add_parser("logout", help="revoke and forget the stored token")
    logout.set_defaults(func=cmd_logout)
    sync = sub.add_parser("sync", help="push local changes and pull the server's")
    sync.add_argument("--server", default=None, help="default: the one of `esep login`")
    sync.add_argument("--user", default=None, help="default: the one of `esep login`")
    _password_args(sync)
    sync.add_argument("--watch", action="store_true",
                      help="keep running: sync whenever the connection returns")
    sync.add_argument("--probe-interval", type=float, default=10.0, help=argparse.SUPPRESS)
    sync.add_argument("--max-backoff", type=float, default=600.0, help=argparse.SUPPRESS)
    sync.set_defaults(func=cmd_sync)


def _password_args(p) -> None:
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of stdin (used for this run)")
    p.add_argument("--insecure", action="store_true",
                   help="allow plain http to a non-loopback server")
    p.add_argument("--cacert", default=None, help="check the server's TLS certificate "
                   "against this CA file (a private CA or self-signed certificate); "
                   "remembered with the server")


def _fail(message: str, code: int = 1):
    from cli.main import CliError

    return CliError(message, code)


def _read_password(lang: str | None = None) -> str:
    from cli.texts import say

    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise _fail(say("cli_no_password_stdin", lang or "ru"))
    return line


def _ask_password(user: str, lang: str | None = None) -> str:
    from cli.texts import say

    if not sys.stdin.isatty():
        raise _fail(say("cli_no_terminal_password", lang or "ru"))
    import getpass

    return getpass.getpass(say("cli_password_prompt", lang or "ru", user=user))


def _client(server: str, insecure: bool, cacert: str | None = None, lang: str | None = None):
    import os

    from cli.texts import say, server_failure
    from sync.transport import SyncClient, SyncError

    if cacert and not os.path.isfile(cacert):
        raise _fail("--cacert " + say("cli_cannot_use_file", lang or "ru", file=cacert,
                                      reason=say("cli_os_missing", lang or "ru")))
    try:
        return SyncClient(server, insecure=insecure,
                          cacert=os.path.abspath(cacert) if cacert else None)
    except SyncError as exc:
        raise _fail(server_failure(exc, lang or "ru", server)) from exc


def _print(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def cmd_login(args) -> int:
    from cli.sync_token import keep_token
    from cli.texts import lang_of, say, server_failure
    from store import open_store
    from sync.engine import refresh_reference
    from sync.transport import AuthError, SyncError

    lang = lang_of(args)
    with open_store() as store:
        client, user = client_for(store, args)
        password = _read_password(lang) if args.password_stdin else _ask_password(user, lang)
        client.device_id = store.device_id
        try:
            answer = client.login(user, password)
            if answer.get("must_change_password"):
                raise _fail(say("cli_password_must_change", lang, user=user,
                                server=client.base_url))
            me = refresh_reference(store, client)
        except AuthError as exc:  # 401 at login: the name or the password, not the token
            raise _fail(say("login_refused", lang, server=client.base_url,
                            user=user)) from exc
        except SyncError as exc:
            raise _fail(server_failure(exc, lang, client.base_url)) from exc
        _remember(store, client.base_url, user, client.insecure, client.cacert)
        _device_key(store, client, user, password, lang)
        kept = keep_token(store, client.base_url, user, answer["token"],
                          want_file=args.keep_token_in_file, lang=args.lang)
    _print({"user": me.get("username", user), "role": me.get("role"),
            "server": client.base_url, **kept})
    return 0


def _device_key(store, client, user: str, password: str, lang: str) -> None:
    """The device's bundle signing key, made at the first login (sync/bundle.py)."""
    from cli.texts import bundle_failure, say
    from sync.bundle import BundleError, ensure_device_key
    from sync.transport import SyncError

    try:
        ensure_device_key(store, client, user, password)
    except (BundleError, SyncError) as exc:  # login still works; bundles do not
        reason = bundle_failure(exc, lang, client.base_url)
        print(f"esep: {say('cli_no_device_key', lang, reason=reason)}", file=sys.stderr)


def _remember(store, server: str, user: str, insecure, cacert: str | None = None) -> None:
    store.set_setting(SERVER_KEY, server)
    store.set_setting(USER_KEY, user)
    store.set_setting(INSECURE_KEY, bool(insecure))
    store.set_setting(CACERT_KEY, cacert or "")


def cmd_logout(args) -> int:
    from cli.sync_token import forget_file, stored_token
    from cli.texts import lang_of, say, server_failure
    from store import open_store
    from sync import credentials
    from sync.transport import SyncError

    lang = lang_of(args)
    with open_store() as store:
        server, user = store.get_setting(SERVER_KEY), store.get_setting(USER_KEY)
        insecure = bool(store.get_setting(INSECURE_KEY))
        cacert = store.get_setting(CACERT_KEY) or None
        if not server or not user:
            raise _fail(say("cli_not_logged_in", lang))
        token = stored_token(store, server, user)
        in_file = forget_file(store)  # the file goes even when the server cannot be reached
    revoked = False
    if token:
        client = _client(server, insecure, cacert, lang)
        client.token = token
        try:
            client.logout()
            revoked = True
        except SyncError as exc:  # offline: forget it locally anyway; it expires on its own
            print("esep: " + say("cli_logout_not_revoked", lang,
                                 reason=server_failure(exc, lang, server)), file=sys.stderr)
    deleted = credentials.delete_token(server, user) or in_file
    _print({"server": server, "user": user, "revoked": revoked, "forgotten": deleted})
    return 0


def _session(store, args):
    """(client, user, password|None) with a stored token (keyring or token file) or a fresh
    login."""
    from cli.sync_token import stored_token
    from cli.texts import lang_of, say
    from sync import credentials

    client, user = client_for(store, args)
    client.device_id = store.device_id
    password = _read_password(lang_of(args)) if args.password_stdin else None
    client.token = stored_token(store, client.base_url, user)
    if client.token is None and password is None:
        lang = lang_of(args)
        keyring = "" if credentials.keyring_available() else say("cli_sync_no_keyring", lang)
        raise _fail(say("cli_sync_not_logged_in", lang, url=client.base_url, user=user,
                        keyring=keyring))
    return client, user, password


def client_for(store, args):
    """(client, user) of the command line, else of the last login: its server's --insecure
    and --cacert stay with it (`esep login`, `sync`, `passwd`)."""
    from cli.texts import lang_of, say

    server = args.server or store.get_setting(SERVER_KEY)
    user = args.user or store.get_setting(USER_KEY)
    if not server or not user:
        raise _fail(say("cli_sync_no_server", lang_of(args)))
    remembered = (store.get_setting(SERVER_KEY) or "").rstrip("/")
    same = server.rstrip("/") == remembered
    insecure = args.insecure or (same and bool(store.get_setting(INSECURE_KEY)))
    client = _client(server, insecure,
                     args.cacert or (store.get_setting(CACERT_KEY) if same else None),
                     lang_of(args))
    return client, user


def _login_again(store, client, user: str, password: str | None) -> bool:
    from cli.sync_token import save_renewed

    if password is None:
        return False
    answer = client.login(user, password)
    save_renewed(store, client.base_url, user, answer["token"])
    return True


def _sync_with_auth(store, client, user, password, lang):
    from sync.engine import sync_once
    from sync.transport import AuthError

    if client.token is None:
        _login_again(store, client, user, password)
    try:
        return sync_once(store, client)
    except AuthError as exc:
        if not _login_again(store, client, user, password):
            raise _token_refused(store, client, exc, lang) from exc
        return sync_once(store, client)


def _token_refused(store, client, exc, lang):
    """The stored token was refused (revoked on the server, or expired): the token file goes;
    the error says to log in again."""
    from cli.sync_token import forget_file, say
    from sync.transport import AuthError

    text = "token_revoked_file" if forget_file(store) else "token_revoked"
    error = AuthError(say(text, lang, server=client.base_url), status=exc.status,
                      server_code=exc.server_code)
    error.code = "token_revoked"
    return error


def cmd_sync(args) -> int:
    from cli.texts import lang_of, server_failure
    from store import open_store
    from sync.transport import SyncError

    lang = lang_of(args)
    with open_store() as store:
        client, user, password = _session(store, args)
        if args.watch:
            return _watch(store, client, user, password, args)
        try:
            summary = _sync_with_auth(store, client, user, password, args.lang)
        except SyncError as exc:
            text = (str(exc) if exc.code == "token_revoked"  # already said in the language
                    else server_failure(exc, lang, client.base_url, user))
            _print({"error": exc.code, "message": text})
            print(f"esep: {text}", file=sys.stderr)
            return 1
        if not store.get_setting(SERVER_KEY):
            # `esep sync --server URL --user U` without a login: a plain `esep sync` next
            # time goes to the same server
            _remember(store, client.base_url, user, args.insecure, client.cacert)
    _print(summary.to_dict())
    _say_held_back(summary.forms_held, getattr(args, "lang", None) or "ru")
    return 2 if summary.needs_person else 0


def _say_held_back(held: list[dict], lang: str) -> None:
    """A published definition this program is too old for: say so plainly (stderr)."""
    if not held:
        return
    from forms.published import held_back_text

    for item in held:
        print(f"esep: {held_back_text(item, lang)}", file=sys.stderr)


def _watch(store, client, user, password, args) -> int:
    from cli.texts import lang_of, server_failure
    from sync.transport import AuthError, SyncError
    from sync.watch import watch

    stop = threading.Event()

    def report(summary, error) -> None:
        if summary is not None:
            _print(summary.to_dict())
        elif not (isinstance(error, AuthError) and password is None):  # said below
            _print({"error": error.code, "message": server_failure(error, lang_of(args),
                                                                   client.base_url, user)})

    while True:
        if client.token is None:
            try:
                _login_again(store, client, user, password)
            except SyncError as exc:  # a wrong password is not retried; offline is
                report(None, exc)
                if isinstance(exc, AuthError) or not _wait(stop, args.probe_interval):
                    return 1
                continue
        try:
            watch(store, client, probe_interval=args.probe_interval,
                  max_backoff=args.max_backoff, stop_event=stop, on_result=report)
            return 0
        except KeyboardInterrupt:
            return 0
        except AuthError as exc:
            if password is None:  # the stored token was refused: a person must log in
                refused = _token_refused(store, client, exc, args.lang)
                _print({"error": refused.code, "message": str(refused)})
                print(f"esep: {refused}", file=sys.stderr)
                return 1
            client.token = None  # log in again with the password of this run
        except SyncError:
            return 1


def _wait(stop, seconds: float) -> bool:
    try:
        stop.wait(seconds)
    except KeyboardInterrupt:
        return False
    return True
