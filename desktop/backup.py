"""Backup to a file and restore from one, with SQLite's online backup API.

A backup is encrypted like the live database (store/cipher.py): the same key, and the key
description beside it (``<backup>.cipher.json``, not secret) so it can be opened again. A plain
backup written by an earlier Esep can still be restored: it is encrypted on the way in."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from forms.paths import private_db_file, private_dir
from store import StoreError
from store import keys as store_keys
from store.cipher import (
    dbapi,
    export_plain,
    file_state,
    open_connection,
    plain_connection,
)

REQUIRED_TABLES = {"records", "kv", "outbox", "org_units"}


class BackupError(Exception):
    """A backup file cannot be used; the message says which file and why."""


def backup_to(store, target: str | Path) -> Path:
    """Copy the live database into ``target`` (overwritten) with the backup API, encrypted with
    the live database's key; the copy is readable by its owner only (0600), like the live one."""
    target = Path(target)
    private_dir(target.parent)
    for old in (target, store_keys.side_file(target)):
        old.unlink(missing_ok=True)
    private_db_file(target)
    store_keys.copy_side(Path(store.path), target)
    dst = open_connection(target)
    try:
        store.db.conn.backup(dst)
    finally:
        dst.close()
    return target


def _open_backup(source: Path):
    """A read-only connection to a backup: its own key for an encrypted one (BackupError when
    it cannot be had), none for a plain one."""
    if file_state(source) != "encrypted":
        return plain_connection(source, readonly=True)
    try:
        return open_connection(source, readonly=True)
    except StoreError as exc:
        raise BackupError(f"{source}: cannot be opened ({exc})") from exc


def check_backup(source: str | Path) -> None:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    try:
        con = _open_backup(source)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'table'")}
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{source}: the database is damaged (integrity check failed)")
        finally:
            con.close()
    except dbapi.DatabaseError as exc:
        raise BackupError(f"{source}: not an Esep backup ({exc})") from exc
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError(f"{source}: not an Esep backup (missing tables: "
                          f"{', '.join(sorted(missing))})")


def restore_from(store, source: str | Path, safety_dir: str | Path) -> Path:
    """Replace the live database with ``source``; the current one is first saved into
    ``safety_dir`` so nothing already saved is lost. Returns the safety copy's path."""
    source = Path(source)
    check_backup(source)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    safety = backup_to(store, Path(safety_dir) / f"before-restore-{stamp}.sqlite3")
    if file_state(source) == "encrypted":
        _copy_into(open_connection(source, readonly=True), store)
        return safety
    staged = safety.with_name(f"restoring-{stamp}.sqlite3")  # a plain backup, encrypted here
    try:
        store_keys.copy_side(Path(store.path), staged)
        key, _origin = store_keys.key_for(Path(store.path), create=False)
        export_plain(source, staged, key, store_keys.page_hmac(staged))
        _copy_into(open_connection(staged, readonly=True), store)
    finally:
        for leftover in (staged, store_keys.side_file(staged)):
            leftover.unlink(missing_ok=True)
    return safety


def _copy_into(src, store) -> None:
    try:
        src.backup(store.db.conn)
    finally:
        src.close()
