"""Settings: JSON values in the `kv` table of the local database.

One reader for the open store (Store.get_setting) and for the desktop's start-up, which reads
the saved profile before the store, its migrations and sqlite-utils are loaded.

The start-up settings (START_KEYS: the profile — user name, role, unit, mode —, the language
and the server address; never a token or a password) are also kept in a small side file
beside the database, 0600, so that a window can paint before the encrypted database's key is
derived; the participants' data stays in the encrypted file."""
from __future__ import annotations

import json
import os
from pathlib import Path

START_KEYS = ("profile", "lang", "server_url")
# A data folder `esep demo` filled: its synthetic records never leave it (sync and the USB
# file refuse), and the demo is never loaded into a folder holding real work.
DEMO_KEY = "demo_data"


def start_file(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".start.json")


def save_start_setting(db: str | Path | None, key: str, value) -> None:
    """Mirror one start-up setting into the side file (atomic, 0600)."""
    if db is None or key not in START_KEYS or str(db) in ("", ":memory:"):
        return
    import uuid

    from forms.paths import PRIVATE_FILE_MODE
    values = read_start_settings(db) or {}
    values[key] = value
    path = start_file(db)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    with os.fdopen(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE),
                   "w", encoding="utf-8") as out:
        json.dump(values, out, ensure_ascii=False)
    os.replace(tmp, path)


def read_start_settings(db: str | Path) -> dict | None:
    """The side file's start-up settings, or None when there is none (an older store)."""
    try:
        values = json.loads(start_file(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return values if isinstance(values, dict) else None


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
