"""End to end, through the real GUI and a real server on 127.0.0.1: connect on first run,
fill a monthly report by keyboard, see a finding, fix it, submit, sync, see the status
change after the region approves it on the server."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def server(tmp_path):
    from server_fixtures import run_server, seed_world
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    seed_world(srv.db_url)
    yield srv
    srv.stop()


def connect_first_run(qtbot, ctx, url: str) -> None:
    from server_fixtures import PASSWORD

    from desktop.app import apply_profile
    from desktop.first_run import PAGE_CONNECT, FirstRunDialog
    dialog = FirstRunDialog(ctx.store, ctx.tasks, "ru")
    qtbot.addWidget(dialog)
    dialog.lang_next.click()
    dialog.connect_button.click()
    assert dialog.stack.currentIndex() == PAGE_CONNECT
    dialog.url_edit.setText(url)
    dialog.user_edit.setText("d1")
    dialog.password_edit.setText("wrong password")
    dialog.start_login()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=20000)
    assert "Неверный" in dialog.connect_status.text()
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.start_login()
    assert dialog.profile["user"]["district"] == "SHY-ABAY"
    assert dialog.password_edit.text() == ""
    apply_profile(ctx, dialog.profile, dialog.token)
    assert ctx.store.get_setting("profile")["user"]["username"] == "d1"
    assert "token" not in str(ctx.store.get_setting("profile"))
    assert any(u["id"] == "SHY-ABAY" for u in ctx.store.org_units())


def enter_and_submit(qtbot, window) -> str:
    """Keyboard only: type the report, see the gender error, fix it, submit."""
    from test_form_editor import answer_next_dialog, enter, focused, press, type_form_by_keyboard
    page = window.show_page("monthly_report")
    editor = page.show_editor(None)
    assert focused() is editor.period_edit
    enter(qtbot, "2024-03")
    type_form_by_keyboard(qtbot, editor)
    qtbot.waitUntil(lambda: editor.has_errors(), timeout=3000)
    assert not editor.submit_button.isEnabled()
    editor.focus_field("gender")
    enter(qtbot)                                          # F -> M
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "40")
    qtbot.waitUntil(lambda: editor.submit_button.isEnabled(), timeout=3000)
    asked = answer_next_dialog("Подать")
    press(qtbot, editor.submit_button)
    assert asked, "submitting asks first"
    return editor.record["id"]


def sync(qtbot, window):
    page = window.show_page("sync")
    with qtbot.waitSignal(window.ctx.signals.sig_sync_finished, timeout=60000) as blocker:
        assert page.sync_now()
    return blocker.args[0]


def test_keyboard_report_submit_sync_and_approval(qtbot, core_ctx, server):
    from server_fixtures import api_session
    from test_form_editor import _WINDOW

    from desktop.main_window import MainWindow
    connect_first_run(qtbot, core_ctx, server.url)
    core_ctx.settings_set("sync_mode", "manual")   # this test presses "Sync now" itself
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.show()
    _WINDOW.append(window)
    window.status.probe()
    qtbot.waitUntil(lambda: window.status.online is True, timeout=10000)
    assert window.status.net.text().endswith("В сети")
    rid = enter_and_submit(qtbot, window)
    assert core_ctx.store.get_record(rid)["status"] == "submitted"
    assert "Ожидают отправки: 0" not in window.status.waiting.text()
    summary = sync(qtbot, window)
    assert summary["pushed"] >= 1 and summary["rejected"] == 0, summary
    assert window.status.waiting.text() == "Ожидают отправки: 0"
    assert "не было" not in window.status.last.text()
    assert core_ctx.store.get_record(rid)["version"] is not None
    # the region approves it on the server; the next sync brings the new status
    reviewer = api_session(server.url, "r1")
    answer = reviewer.post(f"{server.url}/api/v1/records/{rid}/review",
                           json={"action": "approve", "comment": "Спасибо"}, timeout=30)
    assert answer.status_code == 200, answer.text
    second = sync(qtbot, window)
    assert core_ctx.store.get_record(rid)["status"] == "approved", (second, answer.json())
    page = window.show_page("monthly_report")
    row = next(r for r in range(page.model.rowCount()) if page.model.record_at(r)["id"] == rid)
    assert page.model.index(row, 2).data() == "принят"
