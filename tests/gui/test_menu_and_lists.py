"""Issue 13 point 10: menu bar with standard shortcuts, no Cyrillic access keys, empty-state
hints, a «Кратко» column with labelled figures."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, ctx):
    from desktop.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
    window.activateWindow()
    return window


def shortcut(qtbot, window, key: QKeySequence.StandardKey) -> None:
    """Press a standard key the way the user does: a key event to the focused widget."""
    combo = QKeySequence(key)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def test_menu_bar_has_four_menus_with_standard_shortcuts(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["Файл", "Правка", "Вид", "Справка"]
    menu = window.main_menu
    assert menu.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert menu.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert menu.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert menu.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert menu.view_menu.actions()[0].text() == "Ежемесячные отчёты"


def test_ctrl_n_ctrl_s_ctrl_f_and_f1_act_on_the_page_on_screen(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    page.table.setFocus() if page.table.isVisible() else page.search.setFocus()
    shortcut(qtbot, window, QKeySequence.StandardKey.New)           # Ctrl+N: a new report
    assert page.editor is not None
    editor = page.editor
    editor.period_edit.setText("2025-03")
    editor.inputs["volunteers_total"].focus_widget().setFocus()
    qtbot.keyClicks(editor.inputs["volunteers_total"].focus_widget(), "120")
    shortcut(qtbot, window, QKeySequence.StandardKey.Save)          # Ctrl+S: the draft saved
    saved = core_ctx.store.get_record(editor.record["id"])
    assert saved is not None and saved["data"]["volunteers_total"] == 120
    shortcut(qtbot, window, QKeySequence.StandardKey.Find)          # Ctrl+F: list's search
    assert page.editor is None
    assert QApplication.focusWidget() is page.search
    shortcut(qtbot, window, QKeySequence.StandardKey.HelpContents)  # F1: the keys explained
    assert window.main_menu.help_box.isVisible()
    assert "Ctrl+N" in window.main_menu.help_box.text()
    assert "новая запись" in window.main_menu.help_box.text()


def test_no_cyrillic_access_keys_in_any_catalog():
    """An access key on a Cyrillic letter works only in the Russian layout."""
    for path in (ROOT / "resources" / "translations" / "catalog").glob("*.toml"):
        for source, langs in tomllib.loads(path.read_text(encoding="utf-8")).items():
            for lang in ("ru", "kk"):
                text = str((langs or {}).get(lang, "")).replace("&&", "")
                assert not re.search(r"&[^\x00-\x7f]", text), (path.name, source, text)


def test_empty_list_says_what_to_do_and_filters_say_why(qtbot, core_ctx):
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    assert page.empty_hint.isVisible() and not page.table.isVisible()
    assert "Записей пока нет" in page.empty_hint.text()
    assert "Ctrl+N" in page.empty_hint.text() and "«Новый»" in page.empty_hint.text()
    from desktop.demo_data import seed_demo
    seed_demo(core_ctx.store, months=2)
    page.refresh()
    assert page.table.isVisible() and not page.empty_hint.isVisible()
    page.search.setText("нет-такого-текста")
    page.apply_filters()
    assert page.empty_hint.isVisible() and "фильтр" in page.empty_hint.text()


def test_summary_column_shows_labelled_figures(qtbot, core_ctx):
    from desktop.demo_data import seed_demo
    seed_demo(core_ctx.store, months=1)
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    page.refresh()
    record = page.model.record_at(0)
    text = page.model.index(0, 3).data(Qt.ItemDataRole.DisplayRole)
    total = record["data"]["volunteers_total"]
    assert f"Волонтёры: {total}" in text, text
    assert text.count(":") == text.count("·") + 1      # every figure has its name
    tip = page.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == f"Волонтёры: {total}"  # the whole summary, one per line


def test_an_events_summary_says_its_title_without_the_titles_label(qtbot, core_ctx):
    """The events list's «Қысқаша» column: the title as it is, not «Іс-шараның атауы: …» on
    every row; the figures and dates after it keep their names."""
    from desktop.i18n import switch_language
    from desktop.record_list_page import RecordListPage
    from tests.event_samples import event
    switch_language(core_ctx, "kk")
    rec = event("SHY-ABAY", "2024-11-09")
    rec["data"]["title"] = "Саябақты тазалау сенбілігі"
    core_ctx.store.save_record(rec, user="aigerim")
    page = RecordListPage(core_ctx, "event")
    qtbot.addWidget(page)
    page.refresh()
    text = page.model.index(0, 3).data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("Саябақты тазалау сенбілігі · "), text
    assert "Іс-шараның атауы" not in text and "Басталған күні: 2024 ж. 9 қараша" in text, text
