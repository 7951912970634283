"""Backup to a file and restore from one, with SQLite's online backup API."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from forms.paths import private_db_file, private_dir

REQUIRED_TABLES = {"records", "kv", "outbox", "org_units"}


class BackupError(Exception):
    """A backup file cannot be used; the message says which file and why."""


def backup_to(store, target: str | Path) -> Path:
    """Copy the live database into ``target`` (overwritten) with the backup API; the copy is
    readable by its owner only (0600), like the live database."""
    target = Path(target)
    private_dir(target.parent)
    private_db_file(target)
    dst = sqlite3.connect(str(target))
    try:
        store.db.conn.backup(dst)
    finally:
        dst.close()
    return target


def check_backup(source: str | Path) -> None:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    try:
        con = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'table'")}
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{source}: the database is damaged (integrity check failed)")
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source}: not an Esep backup ({exc})") from exc
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError(f"{source}: not an Esep backup (missing tables: "
                          f"{', '.join(sorted(missing))})")


def restore_from(store, source: str | Path, safety_dir: str | Path) -> Path:
    """Replace the live database with ``source``; the current one is first saved into
    ``safety_dir`` so nothing already saved is lost. Returns the safety copy's path."""
    check_backup(source)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    safety = backup_to(store, Path(safety_dir) / f"before-restore-{stamp}.sqlite3")
    src = sqlite3.connect(str(source))
    try:
        src.backup(store.db.conn)
    finally:
        src.close()
    return safety
