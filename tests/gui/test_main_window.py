"""Main window wiring, status bar, first-run dialog (offline path), `--smoke` start."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


def test_navigation_and_status_bar(qtbot, core_ctx):
    from desktop.main_window import MainWindow
    seed_demo(core_ctx.store, months=3)
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    keys = window.page_keys()
    assert keys[:7] == ["monthly_report", "event", "seminar", "focus_group",
                        "cs_questionnaire", "leadership_meeting", "hotline_appeal"]
    assert "settings" in keys and "review" not in keys          # district role
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[0] == "Ежемесячные отчёты" and "Настройки" in texts
    assert "Ожидают отправки: 3" in window.status.waiting.text()
    assert "сервер не настроен" in window.status.net.text()
    for key in keys:
        page = window.show_page(key)
        assert hasattr(page, "retranslate") and hasattr(page, "refresh")
    assert window.stack.currentWidget() is window.pages[keys[-1]]


def test_first_page_and_sync_watch_start_after_first_paint(qtbot, core_ctx):
    from desktop.main_window import MainWindow
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    assert window.pages == {}                      # nothing heavy before the first paint
    window.show()
    qtbot.waitUntil(lambda: "monthly_report" in window.pages and "sync" in window.pages,
                    timeout=5000)
    assert window.nav.currentRow() == 0            # the sync page runs its watch unseen


def test_status_bar_reminds_after_seven_days(qtbot, core_ctx):
    """Issue 13 point 9: a fresh install is not late; data waiting 9 days is."""
    from datetime import datetime, timedelta

    from desktop.status_bar import StatusBarWidget
    from desktop.sync_jobs import days_since_sync, sync_overdue
    core_ctx.settings_set("server_url", "http://127.0.0.1:9")
    bar = StatusBarWidget(core_ctx)
    qtbot.addWidget(bar)
    assert "синхронизируйтесь" not in bar.last.text() and "c62828" not in bar.last.styleSheet()
    seed_demo(core_ctx.store, months=1)                # saved minutes ago, never synced
    bar.refresh()
    assert not sync_overdue(core_ctx.store) and "синхронизируйтесь" not in bar.last.text()
    nine_days_ago = (datetime.now(UTC) - timedelta(days=9)).isoformat()
    core_ctx.store.db.execute("UPDATE outbox SET created_at = ?", [nine_days_ago])
    bar.refresh()
    assert days_since_sync(core_ctx.store) == 9 and sync_overdue(core_ctx.store)
    assert "синхронизируйтесь" in bar.last.text() and "c62828" in bar.last.styleSheet()


def test_waiting_counts_records_not_operations(qtbot, core_ctx):
    from desktop.status_bar import StatusBarWidget
    record = seed_demo(core_ctx.store, months=1)[0]
    for total in (101, 102):                           # the same report saved twice more
        record = core_ctx.store.save_record(dict(record, data=dict(record["data"],
                                                                   volunteers_total=total)),
                                            user="aigerim", role="district")
    ops = core_ctx.store.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert ops >= 2, "the store queues one operation per save"
    bar = StatusBarWidget(core_ctx)
    qtbot.addWidget(bar)
    assert bar.waiting.text() == "Ожидают отправки: 1"


def test_open_record_signal_switches_page(qtbot, core_ctx):
    from desktop.main_window import MainWindow
    rec = seed_demo(core_ctx.store, months=1)[0]
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.show_page("settings")
    core_ctx.signals.sig_open_record.emit(rec["id"])
    page = window.pages["monthly_report"]
    assert window.stack.currentWidget() is page and page.editor.record["id"] == rec["id"]


def test_region_role_sees_review(qtbot, core_ctx):
    from desktop.main_window import MainWindow
    core_ctx.user["role"] = "region"
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    assert "review" in window.page_keys()


def test_first_run_offline_with_typed_district(qtbot, core_store):
    from desktop.first_run import PAGE_MODE, PAGE_OFFLINE, FirstRunDialog
    from desktop.tasks import TaskRunner
    dialog = FirstRunDialog(core_store, TaskRunner(), "ru")
    qtbot.addWidget(dialog)
    dialog.lang_buttons["kk"].setChecked(True)
    assert dialog.offline_button.text().replace("&", "") == "Офлайн жұмыс істеу"
    dialog.lang_next.click()
    assert dialog.stack.currentIndex() == PAGE_MODE
    dialog.offline_button.click()
    assert dialog.stack.currentIndex() == PAGE_OFFLINE
    assert not dialog.finish_offline()                     # nothing chosen yet
    assert dialog.offline_error.text()
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("AKM"))
    assert dialog.district_combo.count() == 0              # none known: the field says type
    assert dialog.district_combo.lineEdit().placeholderText() == "Аудан атауын жазыңыз"
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("SHY"))
    assert dialog.district_combo.count() == 3              # the demo districts of SHY
    assert dialog.district_combo.lineEdit().placeholderText() == \
        "Ауданды таңдаңыз немесе атауын жазыңыз"
    dialog.district_combo.setEditText("Новый район")
    assert dialog.finish_offline()
    profile = dialog.profile
    assert profile["lang"] == "kk" and profile["user"]["region"] == "SHY"
    district = profile["user"]["district"]
    assert any(u["id"] == district and u["name_ru"] == "Новый район"
               for u in core_store.org_units(region="SHY"))


def test_first_run_offline_picks_existing_district(qtbot, core_store):
    from desktop.first_run import FirstRunDialog
    from desktop.tasks import TaskRunner
    dialog = FirstRunDialog(core_store, TaskRunner(), "ru")
    qtbot.addWidget(dialog)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("SHY"))
    dialog.district_combo.setCurrentIndex(dialog.district_combo.findData("SHY-ENBEKSHI"))
    assert dialog.finish_offline()
    assert dialog.profile["user"]["district"] == "SHY-ENBEKSHI"


def test_first_run_offers_the_login_the_command_line_made(qtbot, core_store):
    """`esep login` in this data folder remembered the server and the user: the app's first
    run offers them to connect with (the password is asked, never kept)."""
    from desktop.first_run import PAGE_CONNECT, FirstRunDialog
    from desktop.tasks import TaskRunner
    core_store.set_setting("sync.server", "https://esep.shymkent.kz")
    core_store.set_setting("sync.user", "aigerim")
    dialog = FirstRunDialog(core_store, TaskRunner(), "ru")
    qtbot.addWidget(dialog)
    dialog.lang_next.click()
    dialog.connect_button.click()
    assert dialog.stack.currentIndex() == PAGE_CONNECT
    assert (dialog.url_edit.text(), dialog.user_edit.text()) == ("https://esep.shymkent.kz",
                                                                 "aigerim")
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit


def test_smoke_start_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ESEP_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "main.py", "--smoke"], cwd=ROOT, env=env,
                         check=False, capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr[-2000:]
    assert (tmp_path / "esep.sqlite3").exists()


def test_fresh_start_first_run_offline_reaches_monthly_form(qtbot, tmp_path, monkeypatch):
    """A fresh data folder: first-run dialog -> offline -> main window in Russian -> a usable
    monthly report form."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import shutdown_gui, start_gui
    from desktop.first_run import FirstRunDialog
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))

    def drive_dialog():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, FirstRunDialog) and w.isVisible()), None)
        if dialog is None:
            return QTimer.singleShot(50, drive_dialog)
        dialog.lang_next.click()
        dialog.offline_button.click()
        dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("SHY"))
        dialog.district_combo.setEditText("Абайский район")
        dialog.finish_offline()

    QTimer.singleShot(0, drive_dialog)
    ctx, window = start_gui(smoke=False, lang=None)
    try:
        qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
        editor = window.pages["monthly_report"].show_editor(None)
        assert window.nav.item(0).text() == "Ежемесячные отчёты"
        assert editor.labels["volunteers_total"].text().startswith("Количество волонтёров")
        assert editor.org_combo.currentText() == "Абайский район"
        assert ctx.store.get_setting("profile")["mode"] == "offline"
    finally:
        shutdown_gui(ctx, window)


def _each_page_at_1024(qtbot, ctx, lang):
    """The main window in `lang` resized to 1024 × 700 on each of its pages: (key, window)."""
    from desktop.i18n import install_translators
    from desktop.main_window import MainWindow

    install_translators(lang)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for key in window.page_keys():
        window.show_page(key)
        window.resize(1024, 700)
        qtbot.wait(10)
        yield key, window


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_page_fits_a_1024_px_window(qtbot, core_ctx, lang):
    for key, window in _each_page_at_1024(qtbot, core_ctx, lang):
        assert window.width() <= 1024, (lang, key, window.width())


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_region_coordinators_pages_fit_a_1024_px_window(qtbot, core_ctx, lang):
    """A coordinator has more pages (review, data quality, registry); in Kazakh the review
    page's top row (year, due day, the status legend) was ~1300 px: the navigation list was
    squeezed to 70 px of cut names and the grid's December and the Approve button were off
    the screen."""
    core_ctx.user.update(role="region", region="SHY", district=None)
    for key, window in _each_page_at_1024(qtbot, core_ctx, lang):
        page = window.stack.currentWidget()
        assert window.width() <= 1024, (lang, key, window.width())
        assert window.nav.width() >= window.nav.maximumWidth() - 30, (lang, key)
        assert page.minimumSizeHint().width() <= 1024 - window.nav.maximumWidth(), (lang, key)


def test_a_refused_login_puts_the_keyboard_back_in_the_password(qtbot, core_store, core_ctx):
    """The login button is disabled while connecting; after «wrong user or password» (or no
    answer) the focus sat on «Back», and Enter went back instead of trying again."""
    from desktop.first_run import PAGE_CONNECT, FirstRunDialog
    from desktop.login_dialog import LoginDialog
    from desktop.tasks import TaskRunner
    first = FirstRunDialog(core_store, TaskRunner(), "kk")
    login = LoginDialog(core_ctx, ask_server=True)
    first.stack.setCurrentIndex(PAGE_CONNECT)
    for dialog, status in ((first, first.connect_status), (login, login.status)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.url_edit.setText("http://127.0.0.1:9")             # nothing listens there
        dialog.user_edit.setText("aigul")
        dialog.password_edit.setText("мой пароль")
        dialog.login_button.setFocus()                           # as a mouse click leaves it
        dialog.login_button.click()
        qtbot.waitUntil(lambda d=dialog: d.login_button.isEnabled(), timeout=20000)
        assert status.text()
        assert dialog.focusWidget() is dialog.password_edit, dialog.focusWidget()
        assert dialog.password_edit.selectedText() == "мой пароль"


def test_a_wrapped_kazakh_page_name_reads_as_one_entry(qtbot, core_ctx):
    """«Мемлекеттік қызметшілер сауалнамалары» takes two lines at 210 px; with no gap between
    entries its second line looked like a page of its own."""
    from desktop.i18n import switch_language
    from desktop.main_window import NAV_GAP, MainWindow
    switch_language(core_ctx, "kk")
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    nav = window.nav
    row = next(i for i in range(nav.count()) if "сауалнамалары" in nav.item(i).text())
    rects = [nav.visualItemRect(nav.item(i)) for i in (row - 1, row, row + 1)]
    line = nav.fontMetrics().lineSpacing()
    assert rects[1].height() >= 2 * line                     # one entry of two lines
    assert rects[1].top() - rects[0].bottom() > NAV_GAP       # a gap on each side of it
    assert rects[2].top() - rects[1].bottom() > NAV_GAP


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", "Последняя синхронизация: 5 нояб. 2024, "), ("kk", "2024 ж. 5 қар., "),
    ("en", "Last sync: 5 Nov 2024, ")])
def test_last_sync_is_said_in_words_on_the_computers_clock(qtbot, core_ctx, lang, said):
    """The sync log keeps UTC; the status bar says the day in words and the local time."""
    from datetime import datetime

    from desktop.i18n import switch_language
    from desktop.status_bar import StatusBarWidget
    switch_language(core_ctx, lang)
    core_ctx.store.db.execute("INSERT INTO sync_log(started_at, finished_at, outcome) "
                              "VALUES (?, ?, 'ok')", ["2024-11-05T10:29:00Z", "2024-11-05T10:30:00Z"])
    bar = StatusBarWidget(core_ctx)
    qtbot.addWidget(bar)
    local = datetime.fromisoformat("2024-11-05T10:30:00+00:00").astimezone()
    text = bar.last.text()
    assert said in text and f"{local.minute:02d}" in text, text
    assert "2024-11-05" not in text and "T10" not in text, text
