"""Issue 19 item 4: the client's data folder is 0700 and every database file (client store,
its -wal/-shm, backups, the server's SQLite) is 0600, whatever the umask."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop.backup import backup_to
from forms.paths import data_dir
from server.db import open_db
from store.api import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022])
def open_umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_client_folder_and_store_files_are_private(tmp_path, monkeypatch, open_umask):
    folder = tmp_path / "esep-data"
    monkeypatch.setenv("ESEP_DATA_DIR", str(folder))
    assert mode(data_dir()) == 0o700
    path = folder / "esep.sqlite3"
    store = open_store(path, user="tester")
    try:
        store.set_setting("probe", "x")  # a write: the -wal and -shm exist now
        for name in ("esep.sqlite3", "esep.sqlite3-wal", "esep.sqlite3-shm"):
            assert (folder / name).exists(), name
            assert mode(folder / name) == 0o600, name
        backup = backup_to(store, tmp_path / "backups" / "b.sqlite3")
        assert mode(backup) == 0o600
        assert mode(backup.parent) == 0o700
    finally:
        store.db.close()


def test_platform_folder_left_open_by_an_older_esep_is_narrowed(tmp_path, monkeypatch,
                                                                  open_umask):
    monkeypatch.delenv("ESEP_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    (tmp_path / "esep").mkdir(mode=0o755)
    os.chmod(tmp_path / "esep", 0o755)
    assert mode(data_dir()) == 0o700


def test_an_existing_world_readable_store_is_narrowed(tmp_path, open_umask):
    path = tmp_path / "esep.sqlite3"
    open_store(path, user="tester").db.close()
    os.chmod(path, 0o644)
    store = open_store(path, user="tester")
    store.db.close()
    assert mode(path) == 0o600


def test_server_sqlite_and_side_files_are_private(tmp_path, open_umask):
    path = tmp_path / "esep-server.sqlite3"
    engine = open_db(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT 1"))
            for name in ("esep-server.sqlite3", "esep-server.sqlite3-wal",
                         "esep-server.sqlite3-shm"):
                assert (tmp_path / name).exists(), name
                assert mode(tmp_path / name) == 0o600, name
    finally:
        engine.dispose()
