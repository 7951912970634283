"""`esep server admin ...` for the user lifecycle, sync status, audit log and export (the
parsers are added to `esep server admin` by cli/server_cmd.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def register(cmds, db_arg) -> None:
    iu = cmds.add_parser("import-users", help="create users from a CSV file (columns "
                         "username,role,region,district; all or nothing); their one-time "
                         "passwords go to a new file only you can read")
    db_arg(iu)
    iu.add_argument("file")
    iu.add_argument("--passwords", default=None, help="the file for the one-time passwords "
                    "(default: FILE's name + .passwords.csv; never overwritten)")
    iu.set_defaults(func=_import_users)
    sp = cmds.add_parser("set-password", help="set a user's password (read from stdin)")
    _user(sp, db_arg)
    sp.add_argument("--password-stdin", action="store_true", required=True)
    sp.add_argument("--must-change", action="store_true",
                    help="the user must change it at the next login")
    sp.set_defaults(func=_set_password)
    for name, help_text in (
            ("reset-password", "a one-time password (printed) that must be changed at login"),
            ("disable", "refuse the user's logins and revoke its tokens"),
            ("enable", "allow a disabled user again"),
            ("unlock", "clear the user's login lockouts"),
            ("revoke-tokens", "log the user out everywhere")):
        p = cmds.add_parser(name, help=help_text)
        _user(p, db_arg)
        p.set_defaults(func=_lifecycle, action=name)
    _register_views(cmds, db_arg)


def _register_views(cmds, db_arg) -> None:
    st = cmds.add_parser("status", help="districts that have not synced for N days")
    db_arg(st)
    st.add_argument("--silent-days", type=_days, default=7,
                    help="days without a push or pull (0 to 3650; default 7)")
    st.add_argument("--region", default=None, help="only this region's districts")
    st.add_argument("--all", action="store_true", help="every district, silent or not")
    st.set_defaults(func=_status)
    au = cmds.add_parser("audit", help="the log of admin actions, newest first (JSON lines)")
    db_arg(au)
    au.add_argument("--limit", type=int, default=100)
    au.add_argument("--user", default=None, help="only actions on this user")
    au.set_defaults(func=_audit)
    ex = cmds.add_parser("export", help="the records of one form as CSV, XLSX or JSON "
                         "(the centre's view, personal fields included unless --region)")
    db_arg(ex)
    ex.add_argument("--form", required=True)
    ex.add_argument("--format", choices=("csv", "xlsx", "json"), default="csv")
    ex.add_argument("--region", default=None, help="a region's view: its records, without "
                    "personal fields")
    ex.add_argument("-o", "--output", required=True)
    ex.set_defaults(func=_export)


def _user(p, db_arg) -> None:
    db_arg(p)
    p.add_argument("--user", required=True)


def _call(args, fn, *call_args, **kwargs):
    from cli.server_cmd import _admin_call

    return _admin_call(args, lambda engine: fn(engine, *call_args, **kwargs))


def _import_users(args) -> int:
    from cli.main import CliError
    from server import audit, user_import

    data = Path(args.file).read_bytes()
    out = Path(args.passwords or f"{args.file}.passwords.csv")
    try:
        fh = user_import.open_private(out)
    except FileExistsError:
        raise CliError(f"{out} exists: move it away or give --passwords") from None
    try:
        created = _call(args, user_import.import_users, data, actor=audit.cli_actor())
    except BaseException:
        fh.close()
        out.unlink()
        raise
    with fh:
        user_import.write_passwords(fh, created)
    print(json.dumps({"imported": len(created), "passwords": str(out)}))
    return 0


def _set_password(args) -> int:
    from cli.main import CliError
    from server import audit, lifecycle

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError("no password on stdin")
    print(json.dumps(_call(args, lifecycle.set_password, args.user, password,
                           actor=audit.cli_actor(), must_change=args.must_change)))
    return 0


def _lifecycle(args) -> int:
    from server import audit, lifecycle

    fn = {"reset-password": lifecycle.reset_password, "unlock": lifecycle.unlock,
          "revoke-tokens": lifecycle.revoke_tokens,
          "disable": lambda e, u, actor: lifecycle.set_active(e, u, False, actor=actor),
          "enable": lambda e, u, actor: lifecycle.set_active(e, u, True, actor=actor),
          }[args.action]
    print(json.dumps(_call(args, fn, args.user, actor=audit.cli_actor())))
    return 0


def _days(text: str) -> int:
    import argparse

    from server.activity import MAX_SILENT_DAYS

    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_SILENT_DAYS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 0 to "
                                         f"{MAX_SILENT_DAYS}")
    return days


def _viewer(region: str | None):
    """The CLI runs on the server with the database: the centre's view, or a region's."""
    from cli.main import CliError
    from server.admin import region_codes
    from server.auth import User

    if region:
        if region not in region_codes():
            raise CliError(f"--region: {region!r} is not a known region code (allowed: "
                           f"{', '.join(sorted(region_codes()))})")
        return User("cli", "region", region, None)
    return User("cli", "central", None, None)


def _status(args) -> int:
    from server import activity

    answer = _call(args, activity.status, _viewer(args.region), args.silent_days)
    units = [u for u in answer["units"] if args.all or u["silent"]]
    for unit in units:
        print(json.dumps(unit, ensure_ascii=False))
    print(f"{sum(u['silent'] for u in answer['units'])} of {len(answer['units'])} districts "
          f"silent for {args.silent_days} days", file=sys.stderr)
    return 0


def _audit(args) -> int:
    from server import audit

    for entry in _call(args, audit.entries, args.limit, args.user):
        print(json.dumps(entry, ensure_ascii=False))
    return 0


def _export(args) -> int:
    from cli.main import CliError
    from server import export

    def run(engine):
        try:
            chunks = export.stream(engine, _viewer(args.region), args.form, args.format)
        except export.ExportError as exc:
            raise CliError(str(exc)) from None
        size = 0
        with open(args.output, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
                size += len(chunk)
        return size

    size = _call(args, run)
    print(json.dumps({"output": args.output, "bytes": size}))
    return 0
