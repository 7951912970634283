"""Issue 19, desktop side of the encrypted store: where there is no keyring the passphrase is
asked in a dialog at start (in ru/kk/en); a wrong one is asked again with nothing changed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.demo_data import DEMO_USER
from desktop.passphrase_dialog import PassphraseDialog
from store import keys

pytestmark = pytest.mark.timeout(120)
RIGHT = "лето в Шымкенте 2024"


@pytest.fixture
def no_prompt():
    yield
    keys.use_prompt(None)
    from desktop.i18n import remove_translators
    remove_translators()


def test_a_new_passphrase_is_long_enough_and_typed_twice(qtbot, tmp_path, no_prompt):
    dialog = PassphraseDialog(tmp_path / "esep.sqlite3", new=True, lang="en")
    qtbot.addWidget(dialog)
    dialog.edit.setText("short")
    dialog.again.setText("short")
    dialog.try_accept()
    assert "too short: 5 characters, at least 8" in dialog.error.text()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    dialog.edit.setText(RIGHT)
    dialog.again.setText(RIGHT + "!")
    dialog.try_accept()
    assert "differ" in dialog.error.text() and not dialog.passphrase
    dialog.lang_combo.setCurrentIndex(1)  # Қазақша
    assert "кілттер қоймасы жоқ" in dialog.intro.text()
    dialog.again.setText(RIGHT)
    dialog.try_accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase == RIGHT and dialog.error.text() == ""


def _answer(typed: list[str], seen: list[tuple[bool, str]]) -> None:
    """Type the next passphrase into the dialog when it shows; note retry and error text."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, PassphraseDialog):
        QTimer.singleShot(50, lambda: _answer(typed, seen))
        return
    seen.append((box.retry, box.error.text()))
    box.edit.setText(typed.pop(0))
    box.try_accept()
    if typed:
        QTimer.singleShot(50, lambda: _answer(typed, seen))


def test_start_asks_the_passphrase_again_after_a_wrong_one(qtbot, tmp_path, monkeypatch,
                                                           no_prompt):
    from desktop.app import shutdown_gui, start_gui
    from store import open_store
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, RIGHT)
    store = open_store(tmp_path / "esep.sqlite3")
    store.set_setting("profile", {"mode": "offline", "user": dict(DEMO_USER)})
    store.close()
    before = (tmp_path / "esep.sqlite3").read_bytes()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    keys.forget(tmp_path / "esep.sqlite3")  # a new run: nothing in memory
    seen: list[tuple[bool, str]] = []
    QTimer.singleShot(50, lambda: _answer(["wrong passphrase", RIGHT], seen))
    ctx, window = start_gui(smoke=False, lang="ru")   # the window paints, then it asks
    try:
        qtbot.waitUntil(lambda: ctx.store is not None, timeout=10000)
        assert [retry for retry, _text in seen] == [False, True]
        assert seen[1][1].startswith("Этот пароль не открывает данные")
        assert (tmp_path / "esep.sqlite3").read_bytes() == before  # nothing changed by it
        assert ctx.user["username"] == DEMO_USER["username"]
    finally:
        shutdown_gui(ctx, window)


def _cancel_then_read_box(seen: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox
    box = QApplication.activeModalWidget()
    if isinstance(box, PassphraseDialog):
        seen.append("asked")
        box.reject()
    elif isinstance(box, QMessageBox):
        seen.append(box.text())
        box.accept()
        return
    QTimer.singleShot(50, lambda: _cancel_then_read_box(seen))


def test_cancelled_passphrase_refuses_start_with_a_message(qapp, tmp_path, monkeypatch,
                                                           no_prompt):
    from desktop.app import run_gui
    from store import open_store
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, RIGHT)
    open_store(tmp_path / "esep.sqlite3").close()
    before = (tmp_path / "esep.sqlite3").read_bytes()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    keys.forget(tmp_path / "esep.sqlite3")
    seen: list[str] = []
    QTimer.singleShot(50, lambda: _cancel_then_read_box(seen))
    assert run_gui(lang=None) == 1
    assert seen[0] == "asked" and len(seen) == 2  # asked once, not again for the message
    assert seen[1].startswith("Локальная база данных зашифрована паролем")
    assert (tmp_path / "esep.sqlite3").read_bytes() == before
