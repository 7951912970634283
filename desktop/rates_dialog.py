"""Editor of the hourly-rate table (DOMAIN decision 7): one row per region, the rate of a
volunteer hour for the chosen year. Empty = the default rate applies. Edits stay in the
dialog until Save, which writes them through `reports.economics.update_rates`.

When the table came from a central server (kv `sync.rates_version` is set by sync/rates.py)
the centre's table is authoritative: the dialog only shows it, says so, and has no Save."""
from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from reports.economics import RateError, RateTable, update_rates
from sync.rates import UPDATED_KEY, VERSION_KEY

REGION, RATE, APPLIED = range(3)


def fmt_rate(value: float) -> str:
    value = float(value)
    text = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0")
    return text.replace(",", " ")


def parse_rate(text) -> float | None:
    """'1 728', '1728,5', '1728.50' -> a number; '' -> None (the default applies).
    Raises ValueError for text, zero, negative or infinite rates."""
    raw = str(text if text is not None else "")
    for space in (" ", "\u00a0", "\u202f", "₸"):
        raw = raw.replace(space, "")
    if not raw:
        return None
    value = float(raw.replace(",", "."))
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(raw)
    return int(value) if value.is_integer() else value


def region_rows(table: RateTable, lang: str) -> list[tuple[str, str]]:
    """(code, label) of every region of the reference list, then any other region code that
    has a row in the rate table."""
    try:
        from forms.reference import get_enum
        enum = get_enum("regions")
        rows = [(c, enum.label(c, lang) or c) for c in enum.codes]
    except Exception:  # noqa: BLE001 - reference data missing: codes only
        rows = []
    known = {c for c, _l in rows}
    extra = sorted({r for r, _y in table.rates} - known)
    return rows + [(c, c) for c in extra]


class RateTableModel(QAbstractTableModel):
    """Regions × (label, own rate for the year, rate applied). Pending edits in `edits`."""

    rejected = Signal(str)  # a refused edit: the message to show

    def __init__(self, regions: list[tuple[str, str]], table: RateTable, year: int,
                 parent=None) -> None:
        super().__init__(parent)
        self.regions, self.table, self.year = list(regions), table, int(year)
        self.edits: dict[tuple[str, int], float | None] = {}
        self.headers = ["Region", "Rate", "Applied"]
        self.read_only = False  # the centre's table (synced): shown, never edited

    def set_headers(self, headers: list[str]) -> None:
        self.headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_year(self, year: int) -> None:
        self.beginResetModel()
        self.year = int(year)
        self.endResetModel()

    def own_rate(self, row: int) -> float | None:
        key = (self.regions[row][0], self.year)
        if key in self.edits:
            return self.edits[key]
        return self.table.rates.get(key)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.regions)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = index.column() == RATE and not self.read_only
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        own = self.own_rate(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == REGION:
                return self.regions[row][1]
            if col == RATE:
                if own is None:
                    return ""
                return str(own) if role == Qt.ItemDataRole.EditRole else fmt_rate(own)
            return fmt_rate(self.table.default if own is None else own)
        if role == Qt.ItemDataRole.ForegroundRole and col == APPLIED and own is None:
            return QBrush(QColor("gray"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col != REGION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == RATE and \
                (self.regions[row][0], self.year) in self.edits:
            font = QFont()
            font.setBold(True)  # changed, not saved yet
            return font
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != RATE or role != Qt.ItemDataRole.EditRole \
                or self.read_only:
            return False
        code, label = self.regions[index.row()]
        try:
            rate = parse_rate(value)
        except ValueError:
            self.rejected.emit(self.tr("%1: “%2” is not a valid rate. Enter a number of tenge "
                                       "greater than 0, or leave it empty for the default.")
                               .replace("%1", label).replace("%2", str(value)))
            return False
        key = (code, self.year)
        if rate == self.table.rates.get(key):
            self.edits.pop(key, None)  # back to the stored value: nothing to save
        else:
            self.edits[key] = rate
        self.dataChanged.emit(self.index(index.row(), RATE), self.index(index.row(), APPLIED))
        return True


class RatesDialog(QDialog):
    def __init__(self, ctx, year: int, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = RateTable.load(ctx.store)
        self.model = RateTableModel(region_rows(self.table, ctx.lang), self.table, year, self)
        self.synced = ctx.store.get_setting(VERSION_KEY) is not None
        self.model.read_only = self.synced
        self._build(year)
        self.retranslate()
        self.model.rejected.connect(self._show_error)
        self.model.dataChanged.connect(lambda *_: self.error.hide())

    def _build(self, year: int) -> None:
        self.year_label, self.intro, self.error = QLabel(), QLabel(), QLabel()
        self.year = QSpinBox(minimum=2015, maximum=2100, value=int(year))
        self.year.valueChanged.connect(self._on_year)
        self.intro.setWordWrap(True)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if self.synced
                                  else QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(REGION, QHeaderView.ResizeMode.Stretch)
        for col in (RATE, APPLIED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if self.synced
                                        else QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hourly rates by region"))
        self.year_label.setText(self.tr("Year:"))
        self.intro.setText(self.tr("Value of one volunteer hour in each region, ₸. Leave a "
                                   "rate empty to use the default rate (%1 ₸/h).")
                           .replace("%1", fmt_rate(self.table.default)))
        self.model.set_headers([self.tr("Region"), self.tr("Own rate, ₸/h"),
                                self.tr("Rate applied, ₸/h")])
        if self.synced:
            self.intro.setText(self._synced_text())
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Cancel"))
        self._fit_width()

    def _synced_text(self) -> str:
        """Read-only: who sets these rates and when they last changed (YYYY-MM-DD)."""
        default = fmt_rate(self.table.default)
        day = str(self.ctx.store.get_setting(UPDATED_KEY) or "")[:10]
        if day:
            return self.tr("These rates are set by the centre and come with each sync; they "
                           "cannot be changed here. Last change: %1. Regions without a rate "
                           "use the default rate (%2 ₸/h).").replace("%1", day) \
                .replace("%2", default)
        return self.tr("These rates are set by the centre and come with each sync; they "
                       "cannot be changed here. Regions without a rate use the default rate "
                       "(%1 ₸/h).").replace("%1", default)

    def _fit_width(self) -> None:
        """Wide enough for the longest region name and both rate columns: nothing cut."""
        view = self.view
        needed = sum(max(view.sizeHintForColumn(c),
                         view.horizontalHeader().sectionSizeHint(c)) for c in range(3))
        needed += view.verticalHeader().sizeHint().width() \
            + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 40
        self.resize(max(self.width(), min(needed, 1100)), self.height())

    def _on_year(self, year: int) -> None:
        self.model.set_year(year)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> bool:
        """Write the pending edits; on a refused rate show why, keep the dialog open."""
        if self.synced:  # the centre's table: nothing to write here
            self.accept()
            return True
        try:
            if self.model.edits:
                update_rates(self.ctx.store, dict(self.model.edits))
        except RateError as exc:
            self._show_error(self.tr("Could not save the rates: %1").replace("%1", str(exc)))
            return False
        self.accept()
        return True
