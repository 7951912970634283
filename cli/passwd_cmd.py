"""`esep passwd`: change one's own password on the central server (also a reset one).

With --password-stdin the first line of stdin is the current password and the second the
new one; otherwise both are asked on the terminal (the new one twice). The new token is kept
in the OS keyring like `esep login`'s."""
from __future__ import annotations

import json
import sys

from cli.texts import lang_of, say, server_failure


def register(sub) -> None:
    p = sub.add_parser("passwd", help="change your password on the central server")
    p.add_argument("--server", default=None, help="default: the one of `esep login`")
    p.add_argument("--user", default=None, help="default: the one of `esep login`")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the current password, then the new one, from stdin")
    p.add_argument("--insecure", action="store_true",
                   help="allow plain http to a non-loopback server")
    p.add_argument("--cacert", default=None, help="the server's CA file (default: the one "
                   "of `esep login` for that server)")
    p.set_defaults(func=cmd_passwd)


def _passwords(args, user: str) -> tuple[str, str]:
    from cli.main import CliError

    lang = lang_of(args)
    if args.password_stdin:
        old, new = (sys.stdin.readline().rstrip("\r\n") for _ in range(2))
        if not old or not new:
            raise CliError(say("cli_passwd_two_lines", lang))
        return old, new
    if not sys.stdin.isatty():
        raise CliError(say("cli_no_terminal_password", lang))
    import getpass

    old = getpass.getpass(say("cli_password_current", lang, user=user))
    new = getpass.getpass(say("cli_password_new", lang))
    if getpass.getpass(say("cli_password_again", lang)) != new:
        raise CliError(say("cli_passwd_differ", lang))
    return old, new


def _where(args):
    """(client, user): the command line's server and user, else the last login's (with its
    --insecure and --cacert)."""
    from cli.sync_cmd import client_for
    from store import open_store

    with open_store() as store:
        client, user = client_for(store, args)
        client.device_id = store.device_id
    return client, user


def cmd_passwd(args) -> int:
    from cli.main import CliError
    from sync.transport import AuthError, SyncError

    client, user = _where(args)
    server = client.base_url
    old, new = _passwords(args, user)
    try:
        client.login(user, old)
        client.change_password(old, new)
    except AuthError as exc:  # the current password (or the user) is refused
        raise CliError(say("cli_passwd_not_changed", lang_of(args), reason=say(
            "login_refused", lang_of(args), server=server, user=user))) from exc
    except SyncError as exc:
        raise CliError(say("cli_passwd_not_changed", lang_of(args),
                           reason=server_failure(exc, lang_of(args), server))) from exc
    saved = _keep(client.base_url, user, client.token or "")
    print(json.dumps({"user": user, "server": client.base_url, "changed": True,
                      "token_saved": saved}))
    return 0


def _keep(server: str, user: str, token: str) -> bool:
    """The new token (the server revoked the others) kept where this install keeps its own."""
    from cli.sync_token import save_renewed
    from store import open_store

    with open_store() as store:
        return save_renewed(store, server, user, token)
