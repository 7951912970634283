"""Fast start: with a saved profile the real main window paints before the store is opened;
the store, the status-bar counts and the first page follow in the next event-loop turns."""
from __future__ import annotations

import json

import pytest

from desktop.demo_data import DEMO_USER

pytestmark = pytest.mark.timeout(120)


def _saved_profile(folder, lang="ru"):
    from store import open_store
    store = open_store(folder / "esep.sqlite3")
    store.set_setting("profile", {"mode": "offline", "user": dict(DEMO_USER)})
    store.set_setting("lang", lang)
    store.close()


def test_peek_settings_fresh_folder_means_first_run(qapp, tmp_path, monkeypatch):
    from desktop.app import peek_settings
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    assert peek_settings() is None
    _saved_profile(tmp_path, lang="kk")
    saved = peek_settings()
    assert saved["lang"] == "kk" and saved["profile"]["user"]["role"] == DEMO_USER["role"]


def test_the_window_needs_no_key_before_it_paints(qapp, tmp_path, monkeypatch):
    """The start-up settings are read from a 0600 side file without the encrypted database's
    key (its Argon2 derivation or keyring lookup comes after the first paint); the file holds
    the profile and the language, never a token, and no participant."""
    import os

    from desktop.app import peek_settings
    from store import keys
    from store.settings import START_KEYS, start_file
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    _saved_profile(tmp_path, lang="en")
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)
    keys.forget(tmp_path / "esep.sqlite3")
    keys.use_prompt(None)   # a key asked for now would fail the start
    saved = peek_settings()
    assert saved["lang"] == "en" and saved["profile"]["user"]["role"] == DEMO_USER["role"]
    side = start_file(tmp_path / "esep.sqlite3")
    assert os.stat(side).st_mode & 0o777 == 0o600
    assert set(json.loads(side.read_text())) <= set(START_KEYS)
    assert "token" not in side.read_text()


def test_window_first_then_store_then_first_page(qtbot, tmp_path, monkeypatch):
    from desktop.app import shutdown_gui, start_gui
    from desktop.main_window import MainWindow
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    _saved_profile(tmp_path)
    ctx, window = start_gui(smoke=False, lang=None)
    try:
        assert isinstance(window, MainWindow) and window.isVisible()
        assert ctx.store is None  # not opened before the first paint
        assert window.nav.item(0).text() == "Ежемесячные отчёты"
        window.nav.setCurrentRow(1)  # chosen while the store is still opening
        qtbot.waitUntil(lambda: ctx.store is not None and "event" in window.pages, timeout=5000)
        assert window.stack.currentWidget() is window.pages["event"]
        assert window.status.waiting.text().endswith(": 0")
        assert ctx.settings_get("lang") == "ru"  # settings now come from the store
    finally:
        shutdown_gui(ctx, window)
