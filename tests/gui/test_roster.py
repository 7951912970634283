"""Roster grid: qtmodeltester, paste of 30 rows from Excel, auto №, delegates, duplicates."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox

from desktop.roster_editor import RosterEditor
from desktop.roster_model import RosterTableModel

pytestmark = pytest.mark.timeout(120)
CATEGORY_RU = ["Представители студенческих организаций", "Представители государственных органов"]


def participants_field():
    from forms import load_form
    return load_form("focus_group").field("participants")


def excel_block(n: int) -> str:
    """What Excel puts on the clipboard: tab-separated cells, CRLF line ends."""
    field = participants_field()
    from forms.reference import get_enum
    cats = [i.label("ru") for i in get_enum("fg_categories").items]
    lines = []
    for i in range(n):
        cells = []
        for col in field.columns:
            if col.id == "no":
                continue
            value = {"full_name": f"Участник Номер{i:02d}", "organization": "ОО «Жастар»",
                     "role": "волонтёр", "participant_category": cats[i % len(cats)],
                     "district": "Абай", "phone": f"+7 701 000 {i:04d}",
                     "consent": "YES"}.get(col.id, "")
            cells.append(value)
        lines.append("\t".join(cells))
    return "\r\n".join(lines) + "\r\n"


def test_roster_model_qtmodeltester(qtmodeltester):
    field = participants_field()
    model = RosterTableModel(field.columns, "ru", [{"full_name": "А Б"}, {"full_name": "В Г"}])
    qtmodeltester.check(model)
    assert [r["no"] for r in model.rows()] == [1, 2]


def test_paste_30_rows_from_clipboard(qtbot):
    field = participants_field()
    editor = RosterEditor(field, "ru")
    qtbot.addWidget(editor)
    editor.show()
    QGuiApplication.clipboard().setText(excel_block(30))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = editor.value()
    assert len(rows) == 30
    assert [r["no"] for r in rows] == list(range(1, 31))
    assert rows[0]["full_name"] == "Участник Номер00"
    codes = {c.code for c in __import__("forms.reference", fromlist=["x"]).get_enum(
        "fg_categories").items}
    assert all(r["participant_category"] in codes for r in rows), "labels resolve to codes"
    assert "30" in editor.count_label.text()
    assert editor.model.duplicate_rows() == set()


def test_duplicates_highlighted_and_delete_renumbers(qtbot):
    editor = RosterEditor(participants_field(), "ru")
    qtbot.addWidget(editor)
    editor.model.paste_text("Иван Петров\tМРЦ\nАсель Нурова\tМРЦ\nиван  петров\tДругая\n")
    assert editor.model.duplicate_rows() == {0, 2}
    name_col = [c.id for c in editor.model.columns].index("full_name")
    assert editor.model.index(2, name_col).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "2" in editor.count_label.text().split("·")[-1]
    editor.table.selectRow(2)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.model.duplicate_rows() == set()
    assert [r["no"] for r in editor.value()] == [1, 2]


def test_category_delegate_stores_code(qtbot):
    editor = RosterEditor(participants_field(), "ru")
    qtbot.addWidget(editor)
    editor.show()
    editor.add_row()
    col = [c.id for c in editor.model.columns].index("participant_category")
    index = editor.model.index(0, col)
    delegate = editor.table.itemDelegateForColumn(col)
    combo = delegate.createEditor(editor.table.viewport(), None, index)
    assert isinstance(combo, QComboBox) and combo.count() > 2
    combo.setCurrentIndex(2)
    delegate.setModelData(combo, editor.model, index)
    code = editor.value()[0]["participant_category"]
    assert code == combo.itemData(2)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == combo.itemData(
        2, Qt.ItemDataRole.ToolTipRole)                          # the full label
    assert index.data() == combo.itemText(2)                     # the short one, as the cell
    from forms.reference import get_enum
    assert index.data() == get_enum("fg_categories").item(code).extra["short"]["ru"]


def test_unknown_pasted_category_is_marked(qtbot):
    editor = RosterEditor(participants_field(), "ru")
    qtbot.addWidget(editor)
    cols = [c.id for c in editor.model.columns if c.id != "no"]
    cells = ["Иван Петров"] + [""] * (len(cols) - 1)
    cells[cols.index("participant_category")] = "Неизвестная категория"
    editor.model.paste_text("\t".join(cells))
    col = [c.id for c in editor.model.columns].index("participant_category")
    assert editor.value()[0]["participant_category"] == "Неизвестная категория"
    assert editor.model.index(0, col).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_pasted_roster_is_saved_with_the_focus_group(qtbot, core_ctx):
    from desktop.form_editor import FormEditor
    from forms import load_form
    editor = FormEditor(core_ctx, load_form("focus_group"))
    qtbot.addWidget(editor)
    editor.inputs["date"].edit.setText("2024-05-14")
    editor.inputs["city"].edit.setText("Шымкент")
    roster = editor.inputs["participants"]
    QGuiApplication.clipboard().setText(excel_block(30))
    assert roster.paste_clipboard() == 30
    saved = editor.save_draft()
    assert saved is not None, editor.message.text()
    stored = core_ctx.store.get_record(saved["id"])
    assert stored["period"] == "2024-05"
    assert len(stored["data"]["participants"]) == 30
    assert stored["data"]["participants"][29]["no"] == 30


def test_answers_roster_short_labels_tooltips_and_row_heights(qtbot):
    """Focus-group answers (form v2): a question shows its short label, the tooltip the whole
    question; a long answer wraps over up to four lines; a participant roster stays one line."""
    from forms import load_form
    from forms.reference import get_enum

    field = load_form("focus_group", 2).field("answers")
    editor = RosterEditor(field, "ru")
    qtbot.addWidget(editor)
    editor.resize(900, 500)
    editor.show()
    long_text = "Помещения, транспорт и обучение координаторов. " * 20
    editor.set_value([{"question": "Q2", "answer_text": long_text}, {"question": "Q5",
                                                                     "answer_text": "Да"}])
    model, q2 = editor.model, get_enum("fg_questions").item("Q2")
    col = [c.id for c in model.columns].index("question")
    assert model.data(model.index(0, col)) == q2.extra["short"]["ru"]
    assert model.data(model.index(0, col), Qt.ItemDataRole.ToolTipRole) == q2.label("ru")
    line = editor.table.fontMetrics().height()
    assert 2 * line < editor.table.rowHeight(0) <= 4 * line + 8   # wrapped, capped
    assert editor.table.rowHeight(1) < 2 * line + 8               # one short line
    people = RosterEditor(participants_field(), "ru")
    qtbot.addWidget(people)
    people.set_value([{"full_name": long_text}])
    assert people.table.rowHeight(0) < 2 * line + 8


def test_a_row_finding_marks_its_cell(qtbot, core_ctx):
    """A finding on `answers[1].rfo_rating` colours that cell (not its row, not the table's
    other cells) and its tooltip says why; fixing it clears the mark."""
    from desktop.form_editor import FormEditor
    from desktop.roster_model import FINDING_COLOURS
    from forms import load_form

    editor = FormEditor(core_ctx, load_form("focus_group", 2))
    qtbot.addWidget(editor)
    roster = editor.inputs["answers"]
    roster.set_value([{"question": "Q1", "answer_text": "Экология"},
                      {"question": "Q2", "answer_text": "Помещения", "rfo_rating": "MINIMAL"}])
    editor.validate()
    editor.reveal_findings()                       # what Submit shows
    model, cols = roster.model, [c.id for c in roster.model.columns]

    def colour(row, col):
        brush = model.index(row, cols.index(col)).data(Qt.ItemDataRole.BackgroundRole)
        return brush.color().name() if brush is not None else None

    assert colour(1, "rfo_rating") == FINDING_COLOURS["error"]
    assert colour(1, "question") is None and colour(0, "rfo_rating") is None
    tip = model.index(1, cols.index("rfo_rating")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Строка 2" in tip and "вопрос 4" in tip
    rows = roster.value()
    del rows[1]["rfo_rating"]
    roster.set_value(rows)
    editor.validate()
    assert colour(1, "rfo_rating") is None


def test_paste_with_nothing_copied_says_what_to_do(qtbot, core_ctx, monkeypatch):
    """«Paste from Excel» with an empty clipboard did nothing at all: no row, no word."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.form_editor import FormEditor
    from desktop.i18n import install_translators
    from forms import load_form
    install_translators("kk")
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    editor = FormEditor(core_ctx, load_form("focus_group"))
    qtbot.addWidget(editor)
    roster = editor.inputs["participants"]
    QGuiApplication.clipboard().setText("  \n")
    roster.paste_button.click()
    assert roster.model.rowCount() == 0
    [text] = said
    assert text.startswith("Қоятын ештеңе жоқ") and "Ctrl+C" in text
