"""ListValues: one value for the whole list (the app's `esep import --set FIELD=VALUE`).

For each choice column of the roster that the file does not have (a list of names only has
no category and no consent), a drop-down of the column's short labels; a choice is given to
every imported row that has no value of its own (reports.intake_set.split_set_values)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.field_widgets import enum_items


class ListValues(QWidget):
    """`show_for(roster, mapped_fields, lang)`; `values()` -> {column id: code}."""

    def __init__(self, on_change: Callable[[], None], parent=None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._values: dict[str, str] = {}
        self.combos: dict[str, QComboBox] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)

    def values(self) -> dict[str, str]:
        return dict(self._values)

    def show_for(self, roster, mapped: set[str], lang: str) -> None:
        """Drop-downs for the choice columns the file's mapping leaves out."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = {}
        for col in roster.columns if roster is not None else []:
            if not col.choices or (col.id in mapped and col.id not in self._values):
                continue
            combo = QComboBox(self)
            combo.addItem(QCoreApplication.translate("ListValues", "— not set —"), None)
            for item in enum_items(col.choices):
                combo.addItem(item.short_label(lang), item.code)
            combo.setCurrentIndex(max(combo.findData(self._values.get(col.id)), 0))
            combo.activated.connect(lambda _i, fid=col.id, c=combo: self._chosen(fid, c))
            label = QCoreApplication.translate("ListValues", "%1 for the whole list:")
            self._form.addRow(QLabel(label.replace("%1", col.label.get(lang) or col.id), self),
                              combo)
            self.combos[col.id] = combo
        self.setVisible(bool(self.combos))

    def _chosen(self, fid: str, combo: QComboBox) -> None:
        if combo.currentData() is None:
            self._values.pop(fid, None)
        else:
            self._values[fid] = combo.currentData()
        self._on_change()
