"""Issue 13 point 1: a login dialog whenever the server wants credentials (a 401 during a
sync; the sync continues after it), and "Connect to a server" in Settings for an install that
started offline (login → the server's org units → the local district mapped onto the server's
with confirmation → sync). Against a real server on 127.0.0.1."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def server(tmp_path):
    from server_fixtures import run_server, seed_world
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    seed_world(srv.db_url)
    yield srv
    srv.stop()


def draft_report(ctx, unit: str, period: str = "2025-02") -> str:
    from desktop.demo_data import monthly_data
    rec = ctx.store.save_record({"form": "monthly_report", "org_unit": unit, "period": period,
                                 "data": monthly_data(100, complete=True)},
                                user=ctx.username, role="district")
    return rec["id"]


def server_record(server, rid: str) -> dict | None:
    from server_fixtures import api_session
    answer = api_session(server.url, "r1").get(f"{server.url}/api/v1/records/{rid}", timeout=30)
    return answer.json() if answer.status_code == 200 else None


def no_secret_on_disk(ctx, secret: str) -> None:
    ctx.store.db.commit()
    data = ctx.store.path.read_bytes()
    assert secret.encode() not in data


def test_connect_an_offline_install_maps_its_district_and_syncs(qtbot, core_ctx, server):
    from server_fixtures import PASSWORD
    from test_menu_and_lists import make_window

    from store.orgunits import add_local_units, local_ids
    add_local_units(core_ctx.store, [{"id": "SHY-LABAY1", "region": "SHY",
                                      "name_ru": "Абай (мой)"}])
    core_ctx.user = {"username": "aigerim", "role": "district", "region": "SHY",
                     "district": "SHY-LABAY1"}
    core_ctx.settings_set("profile", {"mode": "offline", "user": core_ctx.user})
    rid = draft_report(core_ctx, "SHY-LABAY1")
    sent = draft_report(core_ctx, "SHY-LABAY1", "2025-01")     # submitted while offline
    core_ctx.store.submit_record(sent, user="aigerim", justification="сверено", role="district")
    window = make_window(qtbot, core_ctx)
    editor = window.pages["monthly_report"].show_editor(core_ctx.store.get_record(rid))
    page = window.show_page("settings")
    assert page.connect_button.text() == "Подключиться к серверу…"
    dialog = page.connect_to_server()
    assert dialog.url_edit.isVisible() and dialog.windowTitle() == "Вход на сервер"
    dialog.url_edit.setText(server.url)
    dialog.user_edit.setText("d1")
    dialog.password_edit.setText("wrong")
    dialog.start_login()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=20000)
    assert dialog.status.text() == "Неверный пользователь или пароль."
    dialog.password_edit.setText(PASSWORD)
    dialog.start_login()
    qtbot.waitUntil(lambda: dialog.map_box.isVisible(), timeout=20000)   # asks first
    assert dialog.password_edit.text() == ""
    assert "Абай (мой)" in dialog.map_text.text() and "2" in dialog.map_text.text()
    assert dialog.target.currentData() == "SHY-ABAY"      # the server's district of d1
    assert core_ctx.store.get_record(rid)["org_unit"] == "SHY-LABAY1"  # nothing moved yet
    sync_page = window.pages["sync"]
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000) as done:
        assert dialog.confirm_mapping()
    assert done.args[0].get("pushed", 0) >= 1, done.args[0]
    assert core_ctx.store.get_record(rid)["org_unit"] == "SHY-ABAY"
    assert editor.record["org_unit"] == "SHY-ABAY"          # the open editor is not stale
    assert editor.org_combo.currentData() == "SHY-ABAY"
    unit_column = window.pages["monthly_report"].model.index(0, 1).data()
    assert unit_column == "Абайский район"                 # the server's name, not its id
    assert "SHY-LABAY1" not in local_ids(core_ctx.store)
    assert server_record(server, rid)["org_unit"] == "SHY-ABAY"
    # the report submitted offline reached the server too, in the server's district
    assert (server_record(server, sent)["org_unit"], server_record(server, sent)["status"]) == \
        ("SHY-ABAY", "submitted")
    assert core_ctx.settings_get("server_url") == server.url
    assert "token" not in str(core_ctx.settings_get("profile"))
    no_secret_on_disk(core_ctx, PASSWORD)
    assert sync_page.online is True and window.status.online is True
    assert "Подключено" in page.message.text()


def test_a_401_during_sync_asks_for_the_password_and_the_sync_continues(qtbot, core_ctx,
                                                                         server):
    from server_fixtures import PASSWORD
    from test_menu_and_lists import make_window

    core_ctx.user = {"username": "d1", "role": "district", "region": "SHY",
                     "district": "SHY-ABAY"}         # a restart without a keyring: no token
    core_ctx.settings_set("server_url", server.url)
    core_ctx.settings_set("sync_mode", "manual")
    rid = draft_report(core_ctx, "SHY-ABAY")
    window = make_window(qtbot, core_ctx)
    page = window.show_page("sync")
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000) as failed:
        assert page.sync_now()
    assert failed.args[0]["code"] in ("not_authenticated", "invalid_token", "auth_failed")
    assert "Не авторизованы: войдите снова." in page.bar_text.text()
    assert "not authorised" not in page.bar_text.text()
    assert page.bar.value() == 0                                    # never 100 % on failure
    dialog = page.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert server.url in dialog.info.text() and dialog.user_edit.text() == "d1"
    assert not dialog.url_edit.isVisible()
    assert "войти" in dialog.info.text().lower()
    dialog.start_login()                                 # no password: said, every line shown
    for label in (dialog.info, dialog.status):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000) as done:
        assert dialog.start_login()
    assert "error" not in done.args[0] and done.args[0]["pushed"] >= 1, done.args[0]
    assert server_record(server, rid) is not None
    assert page.login_dialog is None and page.bar.value() == 1
    assert core_ctx.connection.state == "online"
    no_secret_on_disk(core_ctx, PASSWORD)


def test_a_401_in_the_automatic_sync_asks_too_and_the_watch_goes_on(qtbot, core_ctx, server):
    from server_fixtures import PASSWORD
    from test_menu_and_lists import make_window

    core_ctx.user = {"username": "d1", "role": "district", "region": "SHY",
                     "district": "SHY-ABAY"}
    core_ctx.settings_set("server_url", server.url)
    core_ctx.settings_set("sync_mode", "automatic")
    rid = draft_report(core_ctx, "SHY-ABAY")
    window = make_window(qtbot, core_ctx)          # the Sync page's watch starts with it
    qtbot.waitUntil(lambda: "sync" in window.pages, timeout=10000)
    page = window.pages["sync"]
    qtbot.waitUntil(lambda: page.login_dialog is not None, timeout=30000)
    assert window.status.net.text() == "● В сети, но сервер просит войти"
    assert "Не авторизованы: войдите снова." in page.bar_text.text()
    page.login_dialog.password_edit.setText(PASSWORD)
    page.login_dialog.start_login()
    qtbot.waitUntil(lambda: server_record(server, rid) is not None, timeout=60000)
    qtbot.waitUntil(lambda: page.watch_task is not None, timeout=10000)  # watching again
    assert window.status.net.text() == "● В сети"


def test_the_list_names_org_units_as_the_server_sent_them(qtbot, core_ctx):
    """After a login the server's org units are stored; the lists name them at once."""
    from test_menu_and_lists import make_window
    draft_report(core_ctx, "SHY-ABAY")
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    assert page.model.index(0, 1).data() == "Абайский район"
    core_ctx.store.upsert_org_units([{"id": "SHY-ABAY", "kind": "district", "region": "SHY",
                                      "name_ru": "Абайский район г. Шымкент",
                                      "name_kk": "Абай ауданы", "name_en": "Abay district"}])
    core_ctx.signals.sig_records_changed.emit("")       # what keep_login's caller emits
    assert page.model.index(0, 1).data() == "Абайский район г. Шымкент"
