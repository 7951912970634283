"""The one connection factory of the local database: SQLCipher (the `sqlcipher3` package).

Every connection to a local database file, for the store, a read-only peek, a background count
or a backup, is made by `open_connection`, keyed with the key of store/keys.py. A plain
(unencrypted) database left by an earlier Esep is encrypted on its first opening for writing:
copied with sqlcipher_export into a new encrypted file beside it, which then atomically takes
its place (the plain file and its -wal/-shm are gone). Errors are `dbapi`'s classes: code that
catches database errors catches `dbapi.IntegrityError` and the like, not sqlite3's.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlcipher3 import dbapi2 as dbapi

from forms.paths import private_db_file, private_dir
from store import keys
from store.errors import StoreError

PLAIN_HEADER = b"SQLite format 3\x00"
PROMPT_ATTEMPTS = 3
BUSY_TIMEOUT_MS = 10_000
_quiet = False

__all__ = ["dbapi", "file_state", "open_connection", "plain_connection"]


def file_state(path: Path) -> str:
    """'new' (absent or empty), 'plain' (an unencrypted SQLite file) or 'encrypted'."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "new"
    if not head:
        return "new"
    return "plain" if head == PLAIN_HEADER else "encrypted"


def plain_connection(path: str | Path, *, readonly: bool = False, **kwargs) -> dbapi.Connection:
    """A connection without a key (an unencrypted file, or a new one to be keyed)."""
    global _quiet
    path = Path(path)
    if readonly:
        conn = dbapi.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, **kwargs)
    else:
        conn = dbapi.connect(str(path), **kwargs)
    if not _quiet:  # SQLCipher would print every failed decryption to stderr
        conn.execute("PRAGMA cipher_log_level = NONE")
        _quiet = True
    return conn


def _apply_key(conn: dbapi.Connection, key: bytes, hmac: str | None = None,
               schema: str = "") -> None:
    """Key the connection (or, with ``schema``, an attached database keyed at ATTACH) and set
    the page HMAC its key description records, before the first page is read."""
    if not schema:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if hmac:
        conn.execute(f"PRAGMA {schema + '.' if schema else ''}cipher_hmac_algorithm = {hmac}")


def open_connection(path: str | Path, *, readonly: bool = False,
                    **kwargs) -> dbapi.Connection:
    """A keyed connection to the local database at ``path`` (created when absent, encrypted
    first when plain). Read-only connections leave a plain file as it is. A key that does not
    open it is refused with StoreError `store_key_wrong`; nothing in the file is changed."""
    path = Path(path)
    state = file_state(path)
    if state == "plain" and readonly:
        return plain_connection(path, readonly=True, **kwargs)
    if state == "new" and readonly:
        raise StoreError(f"{path}: no database yet", code="store_unreadable")
    if state == "plain":
        encrypt_plain(path)
    elif state == "encrypted" and keys.read_side(path) is None:
        raise StoreError(f"cannot open the local database {path}: not an SQLite database, "
                         f"or encrypted without its key description "
                         f"{keys.side_file(path).name}", code="store_unreadable")
    key, origin = keys.key_for(path, create=state != "encrypted")
    for attempt in range(PROMPT_ATTEMPTS):
        conn = plain_connection(path, readonly=readonly, **kwargs)
        _apply_key(conn, key, keys.page_hmac(path))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except dbapi.DatabaseError:
            conn.close()
            keys.forget(path)
        if origin != "prompt" or attempt == PROMPT_ATTEMPTS - 1:
            break
        key, origin = keys.key_for(path, create=False, retry=True)
    raise StoreError(f"{path}: the {_what(origin)} does not open the local database "
                     "(nothing was changed)", code="store_key_wrong")


def _what(origin: str) -> str:
    return {"keyring": "key in this computer's keyring",
            "environment": f"passphrase in {keys.PASSPHRASE_ENV}"}.get(origin, "passphrase")


def export_plain(source: Path, target: Path, key: bytes, hmac: str | None) -> None:
    """Copy the plain database ``source`` into a new encrypted file ``target`` (0600) with
    the page HMAC ``hmac`` (the one the key description that will open it records)."""
    target.unlink(missing_ok=True)
    private_db_file(target)
    conn = plain_connection(source, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", [str(target), f"x'{key.hex()}'"])
        _apply_key(conn, key, hmac, schema="encrypted")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    _fsync(target)


def encrypt_plain(path: Path) -> None:
    """Replace the plain database at ``path`` by an encrypted copy holding every row: the
    plain one is first folded into one file (its WAL checkpointed; refused while another
    program holds it open), copied, and the copy renamed over it (atomic: a crash leaves
    either the whole plain file or the whole encrypted one)."""
    key, _origin = keys.key_for(path, create=True)
    conn = plain_connection(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except dbapi.DatabaseError as exc:
        raise StoreError(f"cannot encrypt the local database {path}: {exc}",
                         code="store_unreadable") from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise StoreError(f"cannot encrypt the local database {path}: another program has it "
                         "open; close it and start again", code="store_unreadable")
    tmp = path.with_name(path.name + ".encrypting")
    try:
        export_plain(path, tmp, key, keys.page_hmac(path))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        _fsync(folder)


def ensure_folder(path: Path) -> None:
    """The database's folder (0700 when made here) and the file itself (0600)."""
    private_dir(path.parent)
    private_db_file(path)
