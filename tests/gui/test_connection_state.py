"""Issue 13 point 2: one connection state shown everywhere. The status bar and the Sync page
read one object (ctx.connection): never «Нет связи» on one and «В сети» on the other; the
progress bar is never full after a failed sync; a failed history row says why."""
from __future__ import annotations

import socket

import pytest

pytestmark = pytest.mark.timeout(180)


def closed_port_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


def shown(window) -> tuple[str, str]:
    return window.status.net.text(), window.pages["sync"].state.text()


def open_sync_window(qtbot, ctx, url: str):
    from test_menu_and_lists import make_window
    ctx.settings_set("server_url", url)
    ctx.settings_set("sync_mode", "manual")
    window = make_window(qtbot, ctx)
    window.show_page("sync")
    return window


def test_an_unreachable_server_is_offline_everywhere_and_the_failure_says_why(qtbot,
                                                                              core_ctx):
    url = closed_port_url()
    window = open_sync_window(qtbot, core_ctx, url)
    page = window.pages["sync"]
    window.status.probe()
    qtbot.waitUntil(lambda: core_ctx.connection.online is False, timeout=20000)
    bar_text, page_text = shown(window)
    assert bar_text == "● Нет связи: сервер не отвечает, пробуем снова"
    assert page_text == f"● Нет связи: сервер не отвечает, пробуем снова — {url}"
    assert "В сети" not in bar_text + page_text
    page.bar.setRange(0, 10)
    page.bar.setValue(7)
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=90000):
        assert page.sync_now()
    assert page.bar.value() == 0 and page.bar.value() < page.bar.maximum()  # never 100 %
    assert page.bar_text.text() == "Синхронизация не удалась: Сервер не отвечает: " \
                                   "проверьте связь."
    row = page.history.row_dict(0)
    assert row["outcome"] == "failed"
    assert row["outcome_text"] == "ошибка: Сервер не отвечает: проверьте связь."
    assert window.status.online is False and page.online is False


def test_a_server_that_wants_a_login_is_shown_the_same_everywhere(qtbot, core_ctx, tmp_path):
    from server_fixtures import run_server, seed_world
    server = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        seed_world(server.db_url)
        core_ctx.user = {"username": "d1", "role": "district", "district": "SHY-ABAY"}
        window = open_sync_window(qtbot, core_ctx, server.url)
        page = window.pages["sync"]
        window.status.probe()
        qtbot.waitUntil(lambda: core_ctx.connection.online is True, timeout=20000)
        assert shown(window) == ("● В сети", f"● В сети — {server.url}")
        with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000):
            page.sync_now()                                      # no token: 401
        window.status.probe()                                    # /healthz still answers
        qtbot.wait(500)
        bar_text, page_text = shown(window)
        assert bar_text == "● В сети, но сервер просит войти"
        assert page_text.startswith(bar_text)
        assert page.bar.value() == 0
        assert page.history.row_dict(0)["outcome_text"] == "ошибка: Не авторизованы: " \
                                                           "войдите снова."
        page.login_dialog.reject()
    finally:
        server.stop()
