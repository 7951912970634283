"""Backup and restore of the central database (`esep server admin backup / restore`).

SQLite: the SQLite online backup API (a consistent copy while the server runs). PostgreSQL:
`pg_dump --format=custom` (its major version must be at least the server's), restored by
`pg_restore` piped into ONE `psql --single-transaction` that first empties the schema: a
failed restore leaves the database as it was. A passphrase seals the file (server/sealed.py).
A restore migrates the restored database to the code's schema and gives it a new epoch
(server/epoch.py), so that every client re-sends what the backup lacks.
The password of a PostgreSQL URL reaches the tools through PGPASSWORD, never their arguments.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import sqlalchemy as sa

from server.config import normalize_db_url
from server.sealed import is_sealed, seal, unseal

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; nothing was changed."""


def _kind(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def _pg_env_and_uri(url: str) -> tuple[dict, str]:
    """libpq's URI without the password, which goes in the environment instead."""
    u = sa.engine.make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    bare = u.set(drivername="postgresql", password=None)
    return env, bare.render_as_string(hide_password=False)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed: install the PostgreSQL client tools "
                          "(Debian: apt install postgresql-client)")
    return path


def _major(text: str) -> int:
    found = re.search(r"(\d+)\.\d+", text)  # "pg_dump (PostgreSQL) 15.20 (Debian ...)"
    return int(found.group(1)) if found else 0


def check_pg_dump(url: str) -> None:
    """pg_dump refuses a newer server: say so before starting."""
    out = subprocess.run([_tool("pg_dump"), "--version"], capture_output=True, text=True,
                         check=True).stdout
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            server = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000
    finally:
        engine.dispose()
    tool = _major(out)
    if tool < server:
        raise BackupError(f"pg_dump {tool} cannot dump a PostgreSQL {server} server: install "
                          f"the PostgreSQL {server} client tools")


@contextlib.contextmanager
def _private_temp(near: Path):
    fd, name = tempfile.mkstemp(prefix=".esep-backup-", dir=near)
    os.close(fd)
    try:
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def backup(db_url: str | None, out: str | os.PathLike, passphrase: str | None = None) -> int:
    """Write a backup of the database to `out` (0600); returns its size in bytes."""
    url, out = normalize_db_url(db_url), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _private_temp(out.parent) as plain:
        if _kind(url) == "sqlite":
            _sqlite_copy(sa.engine.make_url(url).database or "", plain)
        else:
            check_pg_dump(url)
            env, uri = _pg_env_and_uri(url)
            done = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner",
                                   "--file", str(plain), "--dbname", uri],
                                  env=env, capture_output=True, text=True, check=False)
            if done.returncode:
                raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
        if passphrase:
            with _private_temp(out.parent) as sealed:
                with open(plain, "rb") as src, open(sealed, "wb") as dst:
                    seal(src, dst, passphrase)
                os.replace(sealed, out)
        else:
            os.replace(plain, out)
    os.chmod(out, 0o600)
    return out.stat().st_size


def _sqlite_copy(src_path: str, dst_path: Path) -> None:
    if not src_path or not Path(src_path).is_file():
        raise BackupError(f"no SQLite database at {src_path or '(memory)'}")
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    dst = sqlite3.connect(dst_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def restore(db_url: str | None, file: str | os.PathLike, passphrase: str | None = None) -> str:
    """Replace the database's content with the backup `file`, migrate it and give it a new
    epoch; returns that epoch. Stop the server first."""
    url, file = normalize_db_url(db_url), Path(file)
    if not file.is_file():
        raise BackupError(f"no backup file {file}")
    sealed = is_sealed(file)
    if sealed and not passphrase:
        raise BackupError(f"{file} is encrypted: give its passphrase (--passphrase-stdin)")
    near = Path(tempfile.gettempdir()) if _kind(url) != "sqlite" else \
        Path(sa.engine.make_url(url).database or ".").resolve().parent
    near.mkdir(parents=True, exist_ok=True)
    with _private_temp(near) as plain:
        if sealed:
            with open(file, "rb") as src, open(plain, "wb") as dst:
                unseal(src, dst, passphrase or "")
        else:
            shutil.copyfile(file, plain)
        _check_format(plain, _kind(url), file)
        if _kind(url) == "sqlite":
            _sqlite_restore(plain, sa.engine.make_url(url).database or "")
        else:
            _pg_restore(plain, url)
    return _after_restore(url)


def _check_format(plain: Path, kind: str, file: Path) -> None:
    with open(plain, "rb") as fh:
        head = fh.read(16)
    if head.startswith(SQLITE_MAGIC):
        found = "sqlite"
    elif head.startswith(PGDUMP_MAGIC):
        found = "postgresql"
    else:
        raise BackupError(f"{file} is not an Esep backup (neither SQLite nor pg_dump)")
    if found != kind:
        raise BackupError(f"{file} is a {found} backup; the database is {kind}")


def _sqlite_restore(plain: Path, target: str) -> None:
    if not target:
        raise BackupError("restore needs a SQLite file, not an in-memory database")
    from server.db import make_engine

    make_engine(f"sqlite:///{target}").dispose()  # the file made 0600 first
    src, dst = sqlite3.connect(plain), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _pg_restore(plain: Path, url: str) -> None:
    env, uri = _pg_env_and_uri(url)
    psql = subprocess.Popen([_tool("psql"), "-X", "-q", "--single-transaction",
                             "-v", "ON_ERROR_STOP=1", "--dbname", uri],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    assert psql.stdin is not None
    psql.stdin.write(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
    psql.stdin.flush()
    dump = subprocess.run([_tool("pg_restore"), "--no-owner", "--no-privileges", "-f", "-",
                           str(plain)], stdout=psql.stdin, stderr=subprocess.PIPE, env=env,
                          check=False)
    psql.stdin.close()
    err = psql.stderr.read().decode(errors="replace") if psql.stderr else ""
    if psql.wait() or dump.returncode:
        raise BackupError("restore failed, the database is unchanged: "
                          f"{(dump.stderr.decode(errors='replace') + err).strip()}")


def _after_restore(url: str) -> str:
    from server.db import make_engine, run_migrations
    from server.epoch import renew_epoch

    engine = make_engine(url)
    try:
        run_migrations(engine)
        with engine.begin() as conn:
            return renew_epoch(conn)
    finally:
        engine.dispose()
