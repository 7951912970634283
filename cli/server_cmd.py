"""`esep server`: run the central API, and admin commands that work without HTTP."""
from __future__ import annotations

import json
import sys

from cli import server_ops_cmd
from sync.protocol import ROLES


def register(sub) -> None:
    p = sub.add_parser("server", help="run the central API server (SQLite by default)")
    _db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=_workers, default=1,
                   help="worker processes, one per core is usual (Linux: forked from one "
                        "built app, sharing its memory)")
    p.set_defaults(func=_serve)
    server_sub = p.add_subparsers(dest="server_command")
    admin = server_sub.add_parser(
        "admin", help="manage users and org units directly in the database")
    cmds = admin.add_subparsers(dest="admin_command", required=True)
    server_ops_cmd.register(server_sub, cmds, _db)
    cu = cmds.add_parser("create-user", help="create a user (password read from stdin)")
    _db(cu)
    cu.add_argument("--user", required=True)
    cu.add_argument("--role", required=True, choices=ROLES)
    cu.add_argument("--region", default=None, help="region code (role region)")
    cu.add_argument("--district", default=None, help="district org unit id (role district)")
    cu.add_argument("--password-stdin", action="store_true", required=True,
                    help="read the password from the first line of stdin")
    cu.set_defaults(func=_create_user)
    io = cmds.add_parser("import-orgunits", help="import districts from a CSV file "
                         "(columns id,region,name_ru,name_kk,name_en)")
    _db(io)
    io.add_argument("file")
    io.set_defaults(func=_import_orgunits)
    lu = cmds.add_parser("list-users", help="list users as JSON lines")
    _db(lu)
    lu.set_defaults(func=_list_users)
    sr = cmds.add_parser("set-rates", help="set the centre's hourly rates from a CSV file "
                         "(columns region,year,rate_kzt[,source], as `esep report rates "
                         "--export` writes); clients get them on their next sync")
    _db(sr)
    sr.add_argument("file")
    sr.add_argument("--replace", action="store_true",
                    help="the file is the whole table: clear every row not in it")
    sr.set_defaults(func=_set_rates)
    ib = cmds.add_parser("import-bundle", help="apply a sync bundle carried to the server "
                         "machine and write the signed reply file")
    _db(ib)
    ib.add_argument("file")
    ib.add_argument("-o", "--output", required=True, help="the reply file to write")
    ib.set_defaults(func=_import_bundle)
    for kind, what in (("form", "a form definition (a new version, may `extends` an earlier)"),
                       ("enum", "an enumeration (resources/enums format with a `version`)")):
        pf = cmds.add_parser(f"publish-{kind}", help=f"publish {what}: clients get it on their "
                             "next sync; an invalid file is refused with file:line (exit 2)")
        _db(pf)
        pf.add_argument("file", help="the TOML file")
        pf.add_argument("--by", default="admin-cli", help="who publishes (kept with it)")
        pf.set_defaults(func=_publish, kind=kind)
    from cli import server_admin_cmd

    server_admin_cmd.register(cmds, _db)


def _db(p) -> None:
    p.add_argument("--db", default=None, help="database URL without a password (default: "
                   "ESEP_SERVER_DB, the config file, else the data folder's SQLite; "
                   "postgresql://user@host/db for PostgreSQL)")
    p.add_argument("--config", default=None, help="settings file (TOML; default: "
                   "ESEP_SERVER_CONFIG); see docs/deploy.md")


def _engine(args):
    from server.db import open_db

    settings = server_ops_cmd.settings_of(args)
    return open_db(settings.db_url, migrate=settings.auto_migrate)


def db_refusal(exc: BaseException, args) -> str | None:
    """The database of this `esep server` command did not let us in (what to check: the
    command's URL, without its password) or has an outdated schema while auto_migrate is off;
    None for any other failure."""
    from server.db import SchemaOutdated, unreachable

    if isinstance(exc, SchemaOutdated):
        return str(exc)
    return unreachable(exc, server_ops_cmd.settings_of(args).db_url)


def _serve(args) -> int:
    """Migrate once (under the lock), then serve. Several workers on POSIX: this process
    builds the app and gunicorn forks the workers from it (server.prefork: they share its
    memory). Otherwise uvicorn imports the app factory by name in every worker, which only
    checks the schema (server.asgi reads the same settings); with several workers there (no
    fork: Windows) the supervisor never imports the app and migrates in a child process."""
    import os

    from server.asgi import DB_ENV
    from server.config import CONFIG_ENV, env_name, safe_url

    settings = server_ops_cmd.settings_of(args)
    _check_port(args.host, args.port)
    forked = args.workers > 1 and os.name == "posix"
    _prepare_db(settings.db_url, settings.auto_migrate,
                in_child=args.workers > 1 and not forked)
    print(f"esep server: {safe_url(settings.db_url)} on http://{args.host}:{args.port}",
          file=sys.stderr)
    os.environ[DB_ENV] = settings.db_url
    os.environ[env_name("auto_migrate")] = "false"  # done above, once for every worker
    if args.config:
        os.environ[CONFIG_ENV] = os.path.abspath(args.config)
    _metrics_dir(args.workers)
    (_serve_forked if forked else _serve_spawned)(args, settings.trusted_proxies)
    return 0


def _serve_forked(args, trusted_proxies: list[str]) -> None:
    from server import prefork
    from server.app import warm_forms_engine
    from server.asgi import create

    app = create()
    warm_forms_engine()  # parsed once, shared by every worker
    prefork.serve(app, args.host, args.port, args.workers, trusted_proxies)


def _serve_spawned(args, trusted_proxies: list[str]) -> None:
    import uvicorn

    uvicorn.run("server.asgi:create", factory=True, host=args.host, port=args.port,
                workers=args.workers, access_log=False, proxy_headers=bool(trusted_proxies),
                forwarded_allow_ips=",".join(trusted_proxies) or None)


def _workers(text: str) -> int:
    """--workers: a whole number from 1."""
    import argparse

    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: a whole number of 1 or more")
    return n


def _prepare_db(url: str, migrate: bool, in_child: bool) -> None:
    """Apply the pending migrations (or, auto_migrate off, check there are none), here or in
    a child process (then this process stays as small as uvicorn's supervisor: about 50 MB
    less resident memory)."""
    if not in_child:
        server_ops_cmd.prepare_now(url, migrate)
        return
    import multiprocessing

    from cli.main import CliError

    child = multiprocessing.get_context("spawn").Process(
        target=_prepare_child, args=(url, migrate), name="esep-migrate")
    child.start()
    child.join()
    if child.exitcode != 0:
        raise CliError(f"the database check or migration failed (exit code {child.exitcode})")


def _check_port(host: str, port: int) -> None:
    """Refuse, before anything is done, an address uvicorn could not listen on."""
    import errno
    import socket

    from cli.main import CliError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise CliError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind(address)
        except OSError as exc:
            why = {errno.EADDRINUSE: "is already in use (another esep server, or another "
                   "program, listens there): stop it or choose another --port",
                   errno.EACCES: "may not be used by this account (ports below 1024 need "
                   "root): choose a --port of 1024 or more behind nginx",
                   errno.EADDRNOTAVAIL: "is not an address of this machine: check --host"}
            raise CliError(f"{host}:{port} {why.get(exc.errno or 0, exc.strerror)}") from None


def _prepare_child(url: str, migrate: bool) -> None:
    """The child's migration: a database that cannot be reached or is outdated is said, not
    a traceback."""
    from server.db import SchemaOutdated, unreachable

    try:
        server_ops_cmd.prepare_now(url, migrate)
    except Exception as exc:  # said when known, else propagates as a bug
        text = str(exc) if isinstance(exc, SchemaOutdated) else unreachable(exc, url)
        if not text:
            raise
        print(f"esep: {text}", file=sys.stderr)
        sys.exit(1)


def _metrics_dir(workers: int) -> None:
    """Several workers: prometheus_client's multiprocess mode needs a folder of its own."""
    import os
    import tempfile

    from server.config import MULTIPROC_ENV

    if workers > 1 and not os.environ.get(MULTIPROC_ENV):
        os.environ[MULTIPROC_ENV] = tempfile.mkdtemp(prefix="esep-metrics-")


def _admin_call(args, fn, *call_args):
    from cli.main import CliError
    from server.admin import AdminError

    engine = _engine(args)
    try:
        return fn(engine, *call_args)
    except AdminError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()


def _create_user(args) -> int:
    from cli.main import CliError
    from server.admin import create_user

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError("no password on stdin")
    from server.audit import cli_actor

    user = _admin_call(args, lambda e: create_user(e, args.user, password, args.role,
                                                   args.region, args.district,
                                                   actor=cli_actor()))
    print(json.dumps(user, ensure_ascii=False))
    return 0


def _import_orgunits(args) -> int:
    from server.admin import import_orgunits, read_orgunits_csv

    rows, places, names = _admin_call(args, lambda _e: read_orgunits_csv(args.file))
    n = _admin_call(args, lambda e: import_orgunits(e, rows, places=places, names=names))
    print(f"imported {n} org units from {args.file}")
    return 0


def _list_users(args) -> int:
    from server.admin import list_users

    for user in _admin_call(args, list_users):
        print(json.dumps(user, ensure_ascii=False))
    return 0


def _set_rates(args) -> int:
    from cli.main import CliError
    from reports.economics import RateError, RateTable
    from server.admin import set_rates

    try:
        table = RateTable.from_csv(args.file)
    except (OSError, RateError, ValueError) as exc:
        raise CliError(f"{args.file}: {exc}") from None
    rows = [{"region": r, "year": y, "rate": v} for (r, y), v in table.rates.items()]
    answer = _admin_call(args, lambda engine: set_rates(engine, rows, replace=args.replace))
    print(f"rates version {answer['version']}: {len(answer['rates'])} rows "
          f"(from {args.file})")
    return 0


def _import_bundle(args) -> int:
    from cli.main import CliError
    from server.bundles import import_bundle
    from sync.keys import BundleError

    with open(args.file, "rb") as fh:
        data = fh.read()
    try:
        reply = _admin_call(args, import_bundle, data)
    except BundleError as exc:
        print(json.dumps({"error": exc.code, "message": str(exc)}))
        raise CliError(f"refused: {exc}") from None
    with open(args.output, "wb") as fh:
        fh.write(reply)
    print(json.dumps({"reply": args.output, "bytes": len(reply)}))
    return 0


def _publish(args) -> int:
    """publish-form / publish-enum: exit 2 with the file:line errors when refused."""
    from pathlib import Path

    from cli.main import CliError
    from server import published

    fn = published.publish_form if args.kind == "form" else published.publish_enum
    text = Path(args.file).read_text(encoding="utf-8")
    try:
        answer = _admin_call(args, lambda engine: fn(engine, text, file_name=args.file,
                                                     by=args.by))
    except published.PublishError as exc:
        raise CliError("refused:\n  " + "\n  ".join(exc.errors), code=2) from None
    print(json.dumps(answer, ensure_ascii=False))
    return 0
