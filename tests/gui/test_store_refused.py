"""Issue 19 item 6, desktop side: a database written by a newer Esep is refused at start with a
message box naming both schema versions (in the saved language); the app exits with 1."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.demo_data import DEMO_USER

pytestmark = pytest.mark.timeout(120)


def _newer_store_with_profile(folder, lang):
    from store import open_store
    from store.migrations import migrations
    store = open_store(folder / "esep.sqlite3")
    store.set_setting("profile", {"mode": "offline", "user": dict(DEMO_USER)})
    store.set_setting("lang", lang)
    store.db["_sqlite_migrations"].insert({"migration_set": migrations.name,
                                           "name": "m999_from_the_future",
                                           "applied_at": "2030-01-01 00:00:00+00:00"})
    store.close()


def _close_box_and_keep_text(seen: list) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, lambda: _close_box_and_keep_text(seen))
        return
    seen.append(box.text())
    box.accept()


@pytest.mark.parametrize("profile", [True, False], ids=["fast-start", "first-start"])
def test_newer_database_is_refused_with_a_message_box(qapp, tmp_path, monkeypatch, profile):
    from desktop.app import run_gui
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    _newer_store_with_profile(tmp_path, "en")
    if not profile:  # no saved profile: the store is opened before any window
        from store.cipher import open_connection
        con = open_connection(tmp_path / "esep.sqlite3")
        con.execute("DELETE FROM kv WHERE key = 'profile'")
        con.commit()
        con.close()
    seen: list[str] = []
    QTimer.singleShot(50, lambda: _close_box_and_keep_text(seen))
    assert run_gui(lang=None) == 1
    (text,) = seen
    assert text.startswith("This database was written by a newer Esep")
    assert "database schema version" in text and "knows schema version" in text
