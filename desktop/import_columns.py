"""ColumnMap: the import preview's columns of the file, each by its header as the file names
it, with a drop-down of what it may fill (the labels in the person's language, «— not
imported —» first), set to what the reader read; a choice calls back so the dialog reads the
file again with the corrected mapping. Under the table, the required fields no column gives.

One widget for both kinds of list: an attendance list (its roster's columns) and a district's
own records list (the form's fields, reports.list_read)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.screen_fit import narrow_combo


@dataclass(frozen=True)
class Choice:
    """A field a column may fill: its id, its label as the person reads it, required?"""
    field: str
    label: str
    required: bool = False


def choices_of(fields, lang: str) -> list[Choice]:
    """The drop-down's items for a roster's columns or a form's fields (a roster field itself,
    read by its own import, is none)."""
    return [Choice(f.id, f.label.get(lang) or f.label.get("ru") or f.id, bool(f.required))
            for f in fields if f.type != "roster"]


def map_key(column, columns: list) -> str | int:
    """The key `esep import --map KEY=FIELD` names `column` by: its header as the file names
    it, or its 1-based number when another column has the same header."""
    from reports.text import fold
    same = [c for c in columns if fold(c.header) == fold(column.header)]
    return column.header if len(same) == 1 else column.index + 1


def names_column(key, column) -> bool:
    """The mapping's key (a header text or a 1-based number) names the file's `column`: a
    choice made again replaces the one remembered under another spelling of its header."""
    from reports.survey_columns import column_key
    if isinstance(key, int):
        return key == column.index + 1
    return column_key(key) == column_key(column.header)


class ColumnMap(QWidget):
    """`show_columns(columns, choices, given)`; a choice calls `on_change(column, field)`."""

    def __init__(self, on_change: Callable[[object, str | None], None], parent=None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._columns: list = []
        self.table = QTableWidget(0, 2, self)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addWidget(self.missing)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("ImportDialog", "Column in the file"),
            QCoreApplication.translate("ImportDialog", "Field")])

    def show_columns(self, columns: list, choices: list[Choice], given: set[str],
                     remembered: bool = False) -> None:
        """A row per column of the file; the required choices neither a column nor `given`
        (a value for the whole list) fills are named under the table. `remembered`: the
        person's choices came from the last import with this header (said on each)."""
        self._columns = list(columns)
        self.table.setRowCount(0)
        items = [(None, QCoreApplication.translate("ImportDialog", "— not imported —"))] + [
            (c.field, c.label) for c in choices]
        for row, col in enumerate(self._columns):
            self.table.insertRow(row)
            header = QLabel(col.header, self.table)
            header.setToolTip(col.header)
            self.table.setCellWidget(row, 0, header)
            combo = QComboBox(self.table)
            narrow_combo(combo)
            for fid, text in items:
                combo.addItem(text, fid)
            combo.setCurrentIndex(max(combo.findData(col.field), 0))
            if remembered and col.confidence == "mapped":
                combo.setToolTip(QCoreApplication.translate(
                    "ImportDialog", "Chosen at the last import of a list with this header; "
                    "choose again if it is wrong"))
            combo.activated.connect(lambda _i, c=col, w=combo: self._on_change(
                c, w.currentData()))
            self.table.setCellWidget(row, 1, combo)
        mapped = {c.field for c in self._columns} | given
        lacking = [c.label for c in choices if c.required and c.field not in mapped] \
            if self._columns else []
        text = QCoreApplication.translate("ImportDialog", "Required, in no column: %1")
        self.missing.setText(text.replace("%1", ", ".join(f"«{x}»" for x in lacking)))
        self.missing.setVisible(bool(lacking))

    def combo(self, header: str) -> QComboBox | None:
        """The drop-down of the file's column `header` (tests and the screenshot script)."""
        for row, col in enumerate(self._columns):
            if col.header == header:
                return self.table.cellWidget(row, 1)
        return None

    def chosen(self) -> dict[int, str | None]:
        """Every column's choice: {1-based column number: field id or None}."""
        return {col.index + 1: self.table.cellWidget(row, 1).currentData()
                for row, col in enumerate(self._columns)}
