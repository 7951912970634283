"""Operations of the central server: `esep server migrate [--check]`, `esep server admin
backup` and `esep server admin restore` (docs/deploy.md), and the settings every `esep
server` command reads (server/config.py: --config, environment, --db without a password)."""
from __future__ import annotations

import json
import sys


def register(server_sub, admin_cmds, add_db) -> None:
    mg = server_sub.add_parser("migrate", help="bring the database schema up to date (run it "
                               "before starting a new version; `--check` only reports)")
    add_db(mg)
    mg.add_argument("--check", action="store_true",
                    help="change nothing; exit 1 when migrations are pending")
    mg.set_defaults(func=_migrate)
    bk = admin_cmds.add_parser("backup", help="write a backup of the database (pg_dump or the "
                               "SQLite backup API), encrypted when a passphrase is given")
    add_db(bk)
    bk.add_argument("-o", "--output", required=True, help="the backup file to write")
    bk.add_argument("--passphrase-stdin", action="store_true",
                    help="encrypt with the passphrase on the first line of stdin")
    bk.set_defaults(func=_backup)
    rs = admin_cmds.add_parser("restore", help="replace the database by a backup (stop the "
                               "server first); clients then re-send what the backup lacks")
    add_db(rs)
    rs.add_argument("file")
    rs.add_argument("--passphrase-stdin", action="store_true",
                    help="the passphrase of an encrypted backup, on the first line of stdin")
    rs.set_defaults(func=_restore)


def settings_of(args):
    """The settings of this command: file < environment < --db (refused with a password)."""
    from cli.main import CliError
    from server.config import ConfigError, check_no_password, load_settings

    try:
        check_no_password(getattr(args, "db", None))
        settings = load_settings(getattr(args, "config", None), db=getattr(args, "db", None))
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    if settings.db is None and not getattr(args, "db_said", False):
        args.db_said = True  # once per command
        from server.config import safe_url

        print(f"esep: no --db, ESEP_SERVER_DB or config file db: using the SQLite file "
              f"{safe_url(settings.db_url)} (on the central server, read its settings first: "
              "set -a; . /etc/esep/server.env)", file=sys.stderr)
    return settings


def migrate_now(url: str) -> list[str]:
    """Apply the pending migrations under the migration lock; returns what was applied."""
    from server.db import make_engine, run_migrations

    engine = make_engine(url)
    try:
        return run_migrations(engine)
    finally:
        engine.dispose()


def prepare_now(url: str, migrate: bool) -> None:
    """Before serving: migrate (auto_migrate) or refuse an outdated schema (SchemaOutdated)."""
    from server.db import check_schema, make_engine

    if migrate:
        migrate_now(url)
        return
    engine = make_engine(url)
    try:
        check_schema(engine)
    finally:
        engine.dispose()


def _migrate(args) -> int:
    from server.config import safe_url
    from server.db import make_engine, pending_migrations

    url = settings_of(args).db_url
    if not args.check:
        done = migrate_now(url)
        print(f"{safe_url(url)}: " + (f"applied {', '.join(done)}" if done else
                                      "already up to date"))
        return 0
    engine = make_engine(url)
    try:
        todo = pending_migrations(engine)
    finally:
        engine.dispose()
    if todo:
        print(f"{safe_url(url)}: migrations pending: {', '.join(todo)} (run `esep server "
              "migrate`)")
        return 1
    print(f"{safe_url(url)}: up to date")
    return 0


def _passphrase(args) -> str | None:
    from cli.main import CliError

    if not args.passphrase_stdin:
        return None
    text = sys.stdin.readline().rstrip("\r\n")
    if not text:
        raise CliError("no passphrase on stdin")
    return text


def _backup(args) -> int:
    from cli.main import CliError
    from server.backup import BackupError, backup

    url = settings_of(args).db_url
    try:
        size = backup(url, args.output, _passphrase(args))
    except BackupError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps({"backup": args.output, "bytes": size,
                      "encrypted": bool(args.passphrase_stdin)}))
    return 0


def _restore(args) -> int:
    from cli.main import CliError
    from server.backup import BackupError, restore
    from server.sealed import SealError

    url = settings_of(args).db_url
    try:
        epoch = restore(url, args.file, _passphrase(args))
    except (BackupError, SealError) as exc:
        raise CliError(f"{args.file}: {exc}") from None
    print(json.dumps({"restored": args.file, "epoch": epoch}))
    return 0
