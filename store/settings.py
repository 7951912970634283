"""Settings: JSON values in the `kv` table of the local database.

One reader for the open store (Store.get_setting) and for the desktop's start-up, which reads
the saved profile before the store, its migrations and sqlite-utils are loaded."""
from __future__ import annotations

import json
from pathlib import Path


def decode(text: str | None, default=None):
    """A stored value: JSON, or the raw text when someone else wrote it unencoded."""
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return text


def get_setting(conn, key: str, default=None):
    """One setting through an open connection (sqlite3 or sqlite-utils)."""
    row = conn.execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
    return default if row is None else decode(row[0], default)


def read_settings(path: str | Path, keys) -> dict | None:
    """The saved values of `keys` in the database file at `path`, read-only (no migration, no
    write, no sqlite-utils). Keys never saved are left out. None when the file does not exist
    yet or cannot be read as an Esep database; a key that does not open it (or none given)
    raises the StoreError of store/cipher.py."""
    from store.cipher import dbapi, open_connection
    from store.errors import StoreError

    path = Path(path)
    if not path.exists():
        return None
    keys = list(keys)
    try:
        conn = open_connection(path, readonly=True)
    except StoreError as exc:
        if exc.code == "store_unreadable":
            return None
        raise
    try:
        try:
            rows = conn.execute(f"SELECT key, value FROM kv WHERE key IN "
                                f"({','.join('?' * len(keys))})", keys).fetchall()
        finally:
            conn.close()
    except dbapi.Error:
        return None
    return {key: decode(value) for key, value in rows if value is not None}
