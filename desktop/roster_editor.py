"""RosterEditor: the grid for roster fields (participants, attendees, development events).

Pasting cleans the block as the list import does (reports.intake_rows.paste_rows); a block
whose people are all listed already is pasted again only when the user says so; deleting and
pasting can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z / Ctrl+Y) through a QUndoStack. The
grid takes most of the window's height, and each column is at least as wide as the longest
word of its title and as its content (up to a cap); the drop-downs show short labels."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.field_widgets import FieldInput
from desktop.roster_model import RosterTableModel

MAX_COLUMN = 320          # px: a column sized to its content stops here (the tooltip shows all)
POPUP_WIDTH = 420         # px: the widest drop-down list of a choice column
HEIGHT_SHARE = 0.6        # of the window's height for the grid


class RowsCommand(QUndoCommand):
    """One change of the rows (a paste, a deletion): undo puts the rows back as they were."""

    def __init__(self, editor, before: list[dict], text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, editor.model.rows()
        self._done = True              # pushed after the change was made

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.editor.restore_rows(self.after)

    def undo(self) -> None:
        self.editor.restore_rows(self.before)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of an enumeration's labels; stores the code."""

    def __init__(self, model: RosterTableModel, column, parent=None) -> None:
        super().__init__(parent)
        self._model, self._column = model, column

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("—", None)
        lang = self._model.lang
        for item in self._model._enums.get(self._column.id, []):
            combo.addItem(item.short_label(lang), item.code)
            combo.setItemData(combo.count() - 1, item.label(lang), Qt.ItemDataRole.ToolTipRole)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        combo.view().setMaximumWidth(POPUP_WIDTH)
        return combo

    def setEditorData(self, editor, index):
        idx = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(idx, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RosterEditor(FieldInput):
    """Add / delete rows, paste a tab-separated block (Ctrl+V), automatic №, duplicates, count."""

    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.model = RosterTableModel(field.columns, lang, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._fit_columns(field.columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumWidth(280)
        self.table.setMinimumHeight(200)
        self._delegates = []
        for n, col in enumerate(field.columns):
            if col.choices:
                delegate = ChoiceDelegate(self.model, col, self.table)
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(n, delegate)
        self.model.sig_rows_changed.connect(self._rows_changed)
        self.table.installEventFilter(self)
        self.undo_stack = QUndoStack(self)
        self._build()

    def _fit_columns(self, columns) -> None:
        """Long titles wrap (up to three lines) but never inside a word; widths are set by
        size_columns() (the user may still drag them)."""
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(3 * header.fontMetrics().height() + 8)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def size_columns(self) -> None:
        """Each column as wide as the longest word of its title and as its content (capped);
        the room left goes to the text columns."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        need = []
        for n in range(self.model.columnCount()):
            title = str(self.model.headerData(n, Qt.Orientation.Horizontal) or "")
            word = max((metrics.horizontalAdvance(w) for w in title.split()), default=0) + 18
            content = self.table.sizeHintForColumn(n) if self.model.rowCount() else 0
            need.append(max(word, min(content, MAX_COLUMN), 36))
        grow = [n for n, c in enumerate(self.model.columns) if c.id != "no" and not c.choices]
        extra = max(self.table.viewport().width() - sum(need), 0) // max(len(grow), 1)
        for n, width in enumerate(need):
            header.resizeSection(n, width + (extra if n in grow else 0))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_height()
        self.size_columns()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.size_columns()

    def fit_height(self) -> None:
        """The grid takes most of the window's height (a list of 30 is seen at once)."""
        window = self.window()
        if window is not None and window is not self:
            self.table.setMinimumHeight(max(200, int(window.height() * HEIGHT_SHARE)))

    def eventFilter(self, obj, event) -> bool:
        """Ctrl+V in the grid pastes the clipboard block; Delete removes selected rows;
        Ctrl+Z / Ctrl+Shift+Z undo and redo them."""
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_clipboard()
                return True
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.undo_stack.redo()
                return True
            if event.key() == Qt.Key.Key_Delete and \
                    self.table.selectionModel().selectedRows():
                self.delete_selected()
                return True
        return super().eventFilter(obj, event)

    def _build(self) -> None:
        self.add_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.paste_button = QPushButton(self)
        self.count_label = QLabel(self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.bar = bar = QHBoxLayout()
        for w in (self.add_button, self.delete_button, self.paste_button):
            bar.addWidget(w)
        bar.addStretch(1)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.table)
        box.addWidget(self.count_label)
        self._layout.addLayout(box)
        self.retranslate(self.lang)

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self.model.lang = lang
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          max(self.model.columnCount() - 1, 0))
        self.add_button.setText(self.tr("Add row"))
        self.delete_button.setText(self.tr("Delete row"))
        self.paste_button.setText(self.tr("Paste from Excel"))
        self._update_count()

    def _update_count(self) -> None:
        dups = len(self.model.duplicate_rows())
        text = self.tr("Rows: %1").replace("%1", str(self.model.rowCount()))
        if dups:
            text += " · " + self.tr("duplicates: %1").replace("%1", str(dups))
        if self.model.last_skipped:
            text += " · " + self.tr("left out of the paste (titles, totals, notes): %1") \
                .replace("%1", ", ".join(str(n) for n, _kind in self.model.last_skipped))
        self.count_label.setText(text)

    def _fit_rows(self) -> None:
        """Rosters with a long text column (focus-group answers): rows grow to show up to
        four wrapped lines of it; the tooltip shows the rest. Other rosters keep one line."""
        if not any(c.type == "text" and (c.max_length or 0) >= 1000 for c in self.model.columns):
            return
        cap = 4 * self.table.fontMetrics().height() + 8
        self.table.setMinimumHeight(max(self.table.minimumHeight(), 4 * cap))
        for row in range(self.model.rowCount()):
            self.table.resizeRowToContents(row)
            self.table.setRowHeight(row, min(self.table.rowHeight(row), cap))

    def _rows_changed(self) -> None:
        self._fit_rows()
        self._update_count()
        self.size_columns()
        self.sig_changed.emit()

    def add_row(self) -> None:
        row = self.model.add_row()
        editable = next((n for n, c in enumerate(self.model.columns) if c.id != "no"), 0)
        index = self.model.index(row, editable)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete_selected(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if not rows:
            return
        before = self.model.rows()
        self.model.remove_rows(rows)
        self.undo_stack.push(RowsCommand(self, before, self.tr("Delete rows")))

    def restore_rows(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self._rows_changed()

    def paste_clipboard(self) -> int:
        """Paste the clipboard's block (cleaned as an import); a block already in the list
        is pasted again only when the user says so. Returns the rows pasted."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():  # the button did nothing, and the clerk did not know why
            QMessageBox.information(self, self.tr("Paste from Excel"), self.tr(
                "Nothing to paste: select the rows in Excel, copy them (Ctrl+C), then press "
                "«Paste from Excel» again."))
            return 0
        rows, skipped = self.model.pasted_rows(text)
        current = self.table.currentIndex()
        at = current.row() if current.isValid() and len(text.splitlines()) == 1 else None
        if rows and at is None and self.model.already_listed(rows) == len(rows) \
                and not self._ask_paste_again(len(rows)):
            return 0
        before = self.model.rows()
        self.model.last_skipped = skipped
        done = self.model.put_rows(rows, at_row=at)
        self.undo_stack.push(RowsCommand(self, before, self.tr("Paste")))
        self._update_count()
        return done

    def _ask_paste_again(self, n: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Paste again?"),
                          self.tr("All %1 pasted rows are already in the list. Add them once "
                                  "more?").replace("%1", str(n)),
                          QMessageBox.StandardButton.NoButton, self)
        again = box.addButton(self.tr("Add again"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Do not add"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setObjectName("paste_again")
        box.exec()
        return box.clickedButton() is again

    def set_cell_findings(self, marks: dict) -> None:
        self.model.set_marks(marks)

    def value(self) -> Any:
        return self.model.rows()

    def set_value(self, value: Any) -> None:
        self.model.set_rows(value or [])
        self.undo_stack.clear()          # another record: nothing of the last one to undo
        self._fit_rows()
        self._update_count()
        self.size_columns()

    def focus_widget(self):
        return self.table
