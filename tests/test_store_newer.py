"""Issue 19 item 6: a database written by a newer Esep (a migration this program does not
know) is refused with a message naming both schema versions, and is left untouched."""
from __future__ import annotations

import pytest
from sqlite_utils import Database

from cli.main import main
from store import StoreError, error_text, open_store
from store.migrations import migrations, schema_versions


def newer_database(path):
    """A store as a newer Esep leaves it: one more migration recorded than this program has."""
    store = open_store(path, user="tester")
    store.set_setting("probe", "kept")
    store.db["_sqlite_migrations"].insert({"migration_set": migrations.name,
                                           "name": "m999_from_the_future",
                                           "applied_at": "2030-01-01 00:00:00+00:00"})
    store.close()
    return path


def test_newer_database_is_refused_naming_both_versions(tmp_path):
    path = newer_database(tmp_path / "esep.sqlite3")
    ours = len(migrations.pending(Database(memory=True, execute_plugins=False)))  # every migration this Esep knows
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.code == "store_newer"
    text = str(err.value)
    assert f"schema version {ours + 1}" in text and f"schema version {ours} at most" in text
    assert error_text(err.value, "en").startswith("This database was written by a newer Esep")
    assert error_text(err.value, "kk").startswith("Бұл дерекқорды Esep-тің жаңа нұсқасы")
    assert "более новой версией Esep" in error_text(err.value, "ru")


def test_current_and_older_databases_still_open(tmp_path):
    store = open_store(tmp_path / "esep.sqlite3")
    theirs, ours = schema_versions(store.db)
    assert theirs == ours >= 3
    store.close()
    open_store(tmp_path / "esep.sqlite3").close()


def test_cli_refuses_a_newer_database_with_the_message(tmp_path, capsys):
    newer_database(tmp_path / "esep.sqlite3")
    assert main(["--data-dir", str(tmp_path), "list"]) == 1
    err = capsys.readouterr().err
    assert "written by a newer Esep (database schema version" in err
    from store.cipher import open_connection  # nothing was written: the newer data is kept
    con = open_connection(tmp_path / "esep.sqlite3")
    assert con.execute("SELECT value FROM kv WHERE key = 'probe'").fetchone() == ('"kept"',)
    con.close()
