"""Settings: live language switch keeps unsaved input; backup / restore; log out."""
from __future__ import annotations

import pytest

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)


def test_language_switch_keeps_unsaved_input(qtbot, core_ctx):
    from desktop.main_window import MainWindow
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    page = window.show_page("monthly_report")
    editor = page.show_editor(None)
    editor.inputs["volunteers_total"].edit.setText("321")
    editor.inputs["gender"].set_value({"F": 1})
    editor._changed()
    ru_label = editor.labels["volunteers_total"].text()
    settings = window.show_page("settings")
    settings.set_language("kk")
    assert core_ctx.lang == "kk" and core_ctx.store.get_setting("lang") == "kk"
    assert window.nav.item(0).text() == "Ай сайынғы есептер"
    assert editor.labels["volunteers_total"].text() != ru_label
    assert editor.save_button.text().replace("&", "") == "Жобаны сақтау"
    assert editor.inputs["volunteers_total"].value() == 321
    assert editor.inputs["gender"].value() == {"F": 1}
    settings.set_language("en")
    assert window.nav.item(0).text() == "Monthly reports"
    assert editor.labels["volunteers_total"].text().startswith("Number of volunteers") or \
        editor.labels["volunteers_total"].text() != ru_label
    assert editor.dirty and editor.inputs["volunteers_total"].value() == 321


def test_backup_and_restore_round_trip(qtbot, core_ctx, tmp_path):
    from desktop.settings_page import SettingsPage
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    seed_demo(core_ctx.store, months=3)
    backup = page.backup(str(tmp_path / "copy.sqlite3"))
    assert backup.exists()
    seed_demo(core_ctx.store, months=0)
    extra = core_ctx.store.list_records(form="monthly_report")[0]
    core_ctx.store.delete_record(extra["id"], user="aigerim", reason="test")
    assert core_ctx.store.count_records(form="monthly_report") == 2
    safety = page.restore(str(backup))
    assert safety is not None and safety.exists()
    assert core_ctx.store.count_records(form="monthly_report") == 3
    assert "Восстановлено" in page.message.text()


def test_restore_rejects_a_wrong_file_and_keeps_data(qtbot, core_ctx, tmp_path):
    from desktop.settings_page import SettingsPage
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    seed_demo(core_ctx.store, months=2)
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("this is not a database", encoding="utf-8")
    assert page.restore(str(bad)) is None
    assert "notes.sqlite3" in page.message.text()
    assert core_ctx.store.count_records(form="monthly_report") == 2


def test_log_out_forgets_profile(qtbot, core_ctx):
    from desktop.app import apply_profile
    from desktop.settings_page import SettingsPage
    apply_profile(core_ctx, {"mode": "offline", "user": dict(core_ctx.user), "lang": "ru",
                             "server_url": ""})
    assert core_ctx.store.get_setting("profile")
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    page.log_out()
    assert not core_ctx.store.get_setting("profile")


def test_the_sync_mode_is_one_choice_in_settings_and_on_the_sync_page(qtbot, core_ctx):
    """Settings said «Manual» (kk «Қолмен») while the Sync page went on syncing
    «automatically when the server answers»: the page read the setting only once, and each
    place had its own words for the same choice."""
    from desktop.i18n import install_translators
    from desktop.settings_page import SettingsPage
    from desktop.sync_page import SyncPage

    install_translators("kk")
    core_ctx.lang = "kk"
    core_ctx.settings_set("sync_mode", "automatic")
    settings, sync = SettingsPage(core_ctx), SyncPage(core_ctx)
    for page in (settings, sync):
        qtbot.addWidget(page)
        page.retranslate()
    texts = [[c.itemText(i) for i in range(c.count())] for c in (settings.sync_mode, sync.mode)]
    assert texts[0] == texts[1] and texts[0][0] == "сервер жауап бергенде автоматты түрде"
    settings.sync_mode.setCurrentIndex(settings.sync_mode.findData("manual"))
    settings.sync_mode.activated.emit(settings.sync_mode.currentIndex())
    assert core_ctx.settings_get("sync_mode") == "manual"
    assert sync.mode.currentData() == "manual" and sync.watch_task is None
    sync.mode.setCurrentIndex(sync.mode.findData("automatic"))
    assert settings.sync_mode.currentData() == "automatic"
    assert core_ctx.settings_get("sync_mode") == "automatic"
