"""Settings → Change password: a real dialog against a real server (SQLite and PostgreSQL).
Wrong input is refused before anything is sent; a wrong current password changes nothing;
a reset (one-time) password is replaced and the new token works."""
from __future__ import annotations

import pytest

from server.db import open_db
from server.lifecycle import reset_password
from tests.ops_helpers import API, call, login
from tests.server_fixtures import live_server_any, seed_world  # noqa: F401

pytestmark = pytest.mark.timeout(180)


def _dialog(qtbot, core_ctx, srv):
    from desktop.settings_page import SettingsPage

    core_ctx.settings_set("server_url", srv.url)
    core_ctx.settings_set("sync.user", "d1")
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    page.password_button.click()
    dialog = page.password_dialog
    assert dialog.isVisible()
    return page, dialog


def _fill(dialog, current: str, new: str, repeat: str | None = None) -> None:
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.repeat.setText(new if repeat is None else repeat)
    dialog.buttons.accepted.emit()


def test_change_a_reset_password_from_the_settings_page(qtbot, core_ctx, live_server_any):
    srv = live_server_any
    seed_world(srv.db_url)
    engine = open_db(srv.db_url)
    one_time = reset_password(engine, "d1", actor="test")["password"]
    engine.dispose()
    page, dialog = _dialog(qtbot, core_ctx, srv)
    assert dialog.windowTitle() == "Смена пароля"

    _fill(dialog, one_time, "new-password-1", "new-password-2")
    assert dialog.message.text() == "Новые пароли не совпадают." and dialog.handle is None
    _fill(dialog, one_time, "short")
    assert dialog.message.text() == "Новый пароль должен содержать не менее 8 символов."

    _fill(dialog, "not-the-password", "new-password-1")
    qtbot.waitUntil(lambda: dialog.handle.is_done() and dialog.buttons.isEnabled(),
                    timeout=30000)
    assert dialog.message.text() == "Текущий пароль неверен. Ничего не изменено."
    assert login(srv.url, "d1", one_time)[1]["must_change_password"] is True

    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        _fill(dialog, one_time, "new-password-1")
    assert page.message.text() == "Пароль изменён."
    status, answer = login(srv.url, "d1", "new-password-1")
    assert status == 200 and answer["must_change_password"] is False
    assert call(srv.url, "GET", API + "/me", token=core_ctx.user["token"])[0] == 200


@pytest.mark.parametrize(("lang", "title", "button", "empty"), [
    ("kk", "Құпиясөзді өзгерту", "Құпиясөзді өзгерту…", "Қазіргі құпиясөзді енгізіңіз."),
    ("en", "Change password", "Change password…", "Enter your current password.")])
def test_the_dialog_speaks_the_users_language(qtbot, core_ctx, lang, title, button, empty):
    from desktop.i18n import install_translators
    from desktop.password_dialog import PasswordDialog
    from desktop.settings_page import SettingsPage

    install_translators(lang)
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    page.retranslate()
    assert page.password_button.text().replace("&", "") == button
    dialog = PasswordDialog(core_ctx, page)
    assert dialog.windowTitle() == title
    dialog.buttons.accepted.emit()
    assert dialog.message.text() == empty


def test_first_run_with_a_reset_password_asks_for_a_new_one(qtbot, core_ctx, tmp_path):
    from desktop.first_run import PAGE_CONNECT, FirstRunDialog
    from tests.server_fixtures import run_server

    srv = run_server(f"sqlite:///{tmp_path / 'fr.sqlite3'}")
    try:
        seed_world(srv.db_url)
        engine = open_db(srv.db_url)
        one_time = reset_password(engine, "d2", actor="test")["password"]
        engine.dispose()
        dialog = FirstRunDialog(core_ctx.store, core_ctx.tasks, "ru")
        qtbot.addWidget(dialog)
        dialog.lang_next.click()
        dialog.connect_button.click()
        assert dialog.stack.currentIndex() == PAGE_CONNECT
        dialog.url_edit.setText(srv.url)
        dialog.user_edit.setText("d2")
        dialog.password_edit.setText(one_time)
        dialog.start_login()
        qtbot.waitUntil(lambda: getattr(dialog, "password_dialog", None) is not None
                        and dialog.password_dialog.isVisible(), timeout=30000)
        assert dialog.connect_status.text() == "Ваш пароль был сброшен: задайте новый."
        change = dialog.password_dialog
        assert change.current.text() == one_time
        with qtbot.waitSignal(dialog.accepted, timeout=60000):
            change.new.setText("district-2-new")
            change.repeat.setText("district-2-new")
            change.buttons.accepted.emit()
        assert dialog.profile["user"]["district"] == "SHY-ENB"
        assert login(srv.url, "d2", "district-2-new")[1]["must_change_password"] is False
    finally:
        srv.stop()


def test_a_long_answer_grows_the_dialog_not_squeezes_its_fields(qtbot, core_ctx):
    """Kazakh at 1024x700: «No server is set…» took two lines in a dialog that did not
    grow: the three password fields were squeezed to make room."""
    from desktop.i18n import install_translators
    from desktop.password_dialog import PasswordDialog

    install_translators("kk")
    dialog = PasswordDialog(core_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.current.setText("ескі құпиясөз")
    for edit in (dialog.new, dialog.repeat):
        edit.setText("жаңа құпиясөз 2026")
    dialog.buttons.accepted.emit()
    qtbot.wait(10)
    assert "Сервер" in dialog.message.text()
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())
    for edit in (dialog.current, dialog.new, dialog.repeat):
        assert edit.height() >= edit.sizeHint().height()
