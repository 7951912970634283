"""Opening the local SQLite database and the transaction helper used by every write."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from forms.paths import private_db_file
from forms.periods import utc_now  # noqa: F401 - re-exported for the store's writers
from store.cipher import BUSY_TIMEOUT_MS, ensure_folder, open_connection


def connect(path: str | Path) -> Database:
    """A sqlite-utils Database over an encrypted connection (store/cipher.py) with the pragmas
    every Esep connection uses. The file and its -wal/-shm are private (0600, made before
    SQLite makes them) in a 0700 folder when new."""
    path = Path(path)
    ensure_folder(path)
    db = database(open_connection(path))
    private_db_file(path)  # side files an older Esep left readable
    return db


def database(conn) -> Database:
    """sqlite-utils over an open connection, with the pragmas every Esep connection uses."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # sqlcipher3's connection has sqlite3's API; Esep uses no sqlite-utils plugins
    return Database(cast(Any, conn), execute_plugins=False)


def migrate(db: Database) -> list[str]:
    """Apply every pending migration (each in its own transaction); returns their names.
    A database written by a newer Esep (migrations this program does not know) is refused with
    a StoreError (code `store_newer`) naming both schema versions, and is left untouched."""
    from store.migrations import migrations, schema_versions

    theirs, ours = schema_versions(db)
    if theirs > ours:
        from forms import __version__
        from store.errors import StoreError

        raise StoreError(f"{db.conn.execute('PRAGMA database_list').fetchone()[2]}: written by "
                         f"a newer Esep (database schema version {theirs}); this Esep "
                         f"{__version__} knows schema version {ours} at most",
                         code="store_newer")
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        migrations.apply(db)
    return pending


@contextmanager
def transaction(db: Database):
    """One write transaction. Outermost: BEGIN IMMEDIATE (takes the write lock up front, so
    busy_timeout applies instead of a lock-upgrade failure). Nested: a savepoint."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
