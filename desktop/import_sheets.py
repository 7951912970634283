"""SheetBox: the import preview's «Sheet:» drop-down for a workbook of more than one sheet —
its sheets as the file names them, a hidden one marked so, set to the sheet the reader chose
(or «All sheets» for a district table, read whole); a choice calls back so the dialog reads
the file again from that sheet, as `esep import --sheet` does. Hidden for a .csv, a workbook
of one sheet and the files read whole (desktop/import_jobs.py, Plan.sheets)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from desktop.screen_fit import narrow_combo

EVERY = ""         # the item «All sheets»: no sheet named


class SheetBox(QComboBox):
    """`SheetBox(on_choose, form)`: a row of `form`, shown by `show_sheets`; `chosen` is the
    person's choice (None: the reader's own)."""

    def __init__(self, on_choose: Callable[[], None], form: QFormLayout, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("import_sheet")
        narrow_combo(self, 24)
        self.label = QLabel(parent)
        self.chosen: str | None = None
        self._sheets: list[tuple[str, bool]] = []
        self._current: str | None = None
        self._every = False
        self._on_choose, self._form = on_choose, form
        form.insertRow(0, self.label, self)
        form.setRowVisible(self, False)
        self.activated.connect(self._activated)

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("ImportDialog", "Sheet:"))
        self._fill()

    def show_sheets(self, sheets: list[tuple[str, bool]], current: str | None,
                    every: bool | None = None) -> None:
        """The workbook's sheets (name, hidden?), `current` the one read (None: every sheet
        when `every`, else the reader's first); `every` None keeps what it was."""
        self._sheets, self._current = list(sheets), current
        if every is not None:
            self._every = every
        self._fill()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        if self._every:
            self.addItem(QCoreApplication.translate("ImportDialog", "All sheets"), EVERY)
        mark = QCoreApplication.translate("ImportDialog", "(hidden)")
        for name, hidden in self._sheets:
            self.addItem(f"{name} {mark}" if hidden else name, name)
        self.setCurrentIndex(self._index())
        self.blockSignals(False)
        self._form.setRowVisible(self, bool(self._sheets))

    def _index(self) -> int:
        """The item of the sheet read: `current`, else «All sheets», else the first shown."""
        names = [self.itemData(i) for i in range(self.count())]
        if self._current in names:
            return names.index(self._current)
        if self._every:
            return 0
        return next((i for i, (_n, hidden) in enumerate(self._sheets) if not hidden), 0)

    def _activated(self, index: int) -> None:
        name = self.itemData(index)
        self.chosen = self._current = name if name != EVERY else None
        self._on_choose()
