"""The roster grid as trainers use it (issue 13 point 5, issue 11 point 5): a pasted block is
cleaned as an imported list (titles, totals, walk-in notes, NBSPs, labels), the same block
pasted twice asks first, Ctrl+A Delete is undone with Ctrl+Z, the grid uses the window's
height with whole words in its titles and narrow drop-downs, and a duplicate name is a
warning that needs a look, not an error that blocks the submission."""
from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop.roster_editor import POPUP_WIDTH, RosterEditor

pytestmark = pytest.mark.timeout(120)
NBSP = "\u00a0"
BLOCK = ("№\tФ.И.О.\tОрганизация\tДолжность\tКатегория участника\n"
         f"1\tКим{NBSP}{NBSP}Алексей Викторович\tСтуденческий совет\tпредседатель\tстуденческие  организации\n"
         "2\tЖұмабаева Айгүл\tОФ «Мейірім»\tдиректор\tМРЦ и госучреждения\n"
         "\tИтого: 2\t\t\t\n"
         "+3 без регистрации\n")


def participants_field():
    from forms import load_form
    return load_form("focus_group").field("participants")


def editor_in(qtbot) -> RosterEditor:
    editor = RosterEditor(participants_field(), "ru")
    qtbot.addWidget(editor)
    editor.show()
    return editor


def answer(button_text: str, seen: list) -> None:
    """Click `button_text` in the question box once it is shown."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(50, click)


def test_paste_is_cleaned_as_an_import(qtbot):
    editor = editor_in(qtbot)
    QGuiApplication.clipboard().setText(BLOCK)
    assert editor.paste_clipboard() == 2
    rows = editor.value()
    assert [r["full_name"] for r in rows] == ["Ким Алексей Викторович", "Жұмабаева Айгүл"]
    assert [r["participant_category"] for r in rows] == ["STUDENT", "STATE"]
    assert [r["no"] for r in rows] == [1, 2]
    assert editor.model.last_skipped == [(1, "header_repeat"), (4, "total"), (5, "walk_ins")]
    assert "1, 4, 5" in editor.count_label.text()


def test_a_name_pasted_in_parts_is_joined(qtbot):
    """«Фамилия | Имя | Отчество» as three columns: the name is all three, in order (the
    given name alone was kept before)."""
    editor = editor_in(qtbot)
    QGuiApplication.clipboard().setText(
        "Фамилия\tИмя\tОтчество\tОрганизация\n"
        "Иванова\tАнна\tСергеевна\tОО «Добрые руки»\n"
        "Жұмабаев\tЕрлан\t\tМРЦ Абай\n")
    assert editor.paste_clipboard() == 2
    rows = editor.value()
    assert [r["full_name"] for r in rows] == ["Иванова Анна Сергеевна", "Жұмабаев Ерлан"]
    assert [r["organization"] for r in rows] == ["ОО «Добрые руки»", "МРЦ Абай"]


def test_pasting_the_same_block_twice_asks(qtbot, core_ctx):  # core_ctx: ru installed
    editor = editor_in(qtbot)
    QGuiApplication.clipboard().setText(BLOCK)
    editor.paste_clipboard()
    seen: list[str] = []
    answer("Не добавлять", seen)
    assert editor.paste_clipboard() == 0
    assert seen and "2" in seen[0] and len(editor.value()) == 2      # asked, not doubled
    answer("Добавить ещё раз", seen)
    assert editor.paste_clipboard() == 2
    assert len(seen) == 2 and len(editor.value()) == 4


def test_select_all_delete_and_undo(qtbot):
    editor = editor_in(qtbot)
    QGuiApplication.clipboard().setText(BLOCK)
    editor.paste_clipboard()
    before = editor.value()
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.value() == []
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == before and "2" in editor.count_label.text()
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == []                                      # the paste undone too
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert editor.value() == before                                  # and redone


def test_grid_uses_the_height_whole_words_and_narrow_dropdowns(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = RosterEditor(participants_field(), "ru")
    window.setCentralWidget(editor)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    QGuiApplication.clipboard().setText(BLOCK)
    editor.paste_clipboard()
    row_height = editor.table.verticalHeader().defaultSectionSize()
    assert editor.table.viewport().height() // row_height >= 12      # not 5 rows
    header = editor.table.horizontalHeader()
    metrics = header.fontMetrics()
    for n in range(editor.model.columnCount()):
        title = editor.model.headerData(n, Qt.Orientation.Horizontal)
        longest = max(metrics.horizontalAdvance(w) for w in title.split())
        assert header.sectionSize(n) >= longest + 8, title            # no «рганизаци»
    col = [c.id for c in editor.model.columns].index("participant_category")
    combo = editor.table.itemDelegateForColumn(col).createEditor(
        editor.table.viewport(), None, editor.model.index(0, col))
    assert combo.view().maximumWidth() <= POPUP_WIDTH
    assert max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
               for i in range(combo.count())) < POPUP_WIDTH


def test_duplicate_name_is_a_warning_and_does_not_block_submit(core_store):
    from desktop.demo_data import DEMO_UNITS
    from forms import load_form
    from forms.validate import validate_record
    core_store.upsert_org_units(DEMO_UNITS)
    people = [{"no": n, "full_name": name, "organization": "ОФ «Мейірім»", "role": "волонтёр",
               "participant_category": "STATE", "consent": "YES"}
              for n, name in enumerate(["Ким Алексей", "Ким Алексей", "Асель Нурова"], 1)]
    rec = core_store.save_record({
        "id": str(uuid.uuid4()), "form": "focus_group", "org_unit": "SHY-ABAY",
        "period": "2024-05", "status": "draft",
        "data": {"date": "2024-05-14", "city": "Шымкент", "participants": people,
                 "declared_total": 3}}, user="aigerim")
    found = validate_record(load_form("focus_group"), rec)
    dup = [f for f in found if f.message_code == "roster_duplicate_person"]
    assert [(f.severity, f.fields) for f in dup] == [("warning",
                                                      ["participants[1].full_name"])]
    assert not [f for f in found if f.severity == "error"], found
    done, _findings = core_store.submit_record(
        rec["id"], user="aigerim", justification="Два участника — однофамильцы, сверено.")
    assert done["status"] == "submitted"


def test_roster_in_the_form_uses_the_window_height(qtbot, core_ctx):
    """Issue 13: the grid showed 5 rows at 1600×1000 inside the focus-group form."""
    from desktop.main_window import MainWindow
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
    editor = window.show_page("focus_group").show_editor(None)
    roster = editor.inputs["participants"]
    qtbot.waitUntil(lambda: roster.isVisible(), timeout=5000)
    rows = roster.table.minimumHeight() // roster.table.verticalHeader().defaultSectionSize()
    assert rows >= 15
