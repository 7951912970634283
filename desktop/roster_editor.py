"""RosterEditor: the grid for roster fields (participants, attendees, development events)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.field_widgets import FieldInput
from desktop.roster_model import RosterTableModel


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of an enumeration's labels; stores the code."""

    def __init__(self, model: RosterTableModel, column, parent=None) -> None:
        super().__init__(parent)
        self._model, self._column = model, column

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("—", None)
        for item in self._model._enums.get(self._column.id, []):
            combo.addItem(item.label(self._model.lang), item.code)
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
        self._build()

    def _fit_columns(self, columns) -> None:
        """Every column on screen without a horizontal scrollbar: № fits its numbers, the
        others share the width; long headers wrap (up to three lines)."""
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(3 * header.fontMetrics().height() + 8)
        header.setMinimumSectionSize(36)
        for n, col in enumerate(columns):
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.ResizeToContents
                                        if col.id == "no" else QHeaderView.ResizeMode.Stretch)

    def eventFilter(self, obj, event) -> bool:
        """Ctrl+V in the grid pastes the clipboard block; Delete removes selected rows."""
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_clipboard()
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
        bar = QHBoxLayout()
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
        self.model.remove_rows(rows)

    def paste_clipboard(self) -> int:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            return 0
        current = self.table.currentIndex()
        at = current.row() if current.isValid() and len(text.splitlines()) == 1 else None
        return self.model.paste_text(text, at_row=at)

    def set_cell_findings(self, marks: dict) -> None:
        self.model.set_marks(marks)

    def value(self) -> Any:
        return self.model.rows()

    def set_value(self, value: Any) -> None:
        self.model.set_rows(value or [])
        self._fit_rows()
        self._update_count()

    def focus_widget(self):
        return self.table
