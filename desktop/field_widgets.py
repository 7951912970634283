"""One input widget per field type of a form definition (rosters live in roster_editor)."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.screen_fit import narrow_combo

SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#f29900", "info": "#8a8a8a"}
INT_RE = r"-?\d{0,12}"
DEC_RE = r"-?\d{0,12}([.,]\d{0,4})?"
DATE_RE = r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"


def enum_items(name: str | None) -> list:
    if not name:
        return []
    try:
        from forms.reference import get_enum
        return list(get_enum(name).items)
    except Exception:  # noqa: BLE001 - an unknown enumeration shows an empty list
        return []


def date_hint() -> str:
    return QCoreApplication.translate("FieldInput", "YYYY-MM-DD")


def parse_number(text: str, kind: str) -> Any:
    text = (text or "").strip().replace(",", ".").replace(" ", "")
    if text in ("", "-", "."):
        return None
    try:
        return int(text) if kind == "integer" else float(text)
    except ValueError:
        return text  # the validator reports the bad value


def number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class FieldInput(QWidget):
    """Base: a widget holding one field's value. Emits sig_changed on user edits."""

    sig_changed = Signal()

    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.field, self.lang = field, lang
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def key_widgets(self) -> list[QWidget]:
        """The widgets that receive keys (Enter moves on from each)."""
        return [self.focus_widget()]

    def set_cell_findings(self, marks: dict) -> None:
        """Findings on rows of this field: (row, column id) -> (severity, text); only rosters
        show them (on the cell)."""

    def set_severity(self, severity: str | None, tip: str = "") -> None:
        colour = SEVERITY_COLOURS.get(severity or "")
        w = self.focus_widget()
        w.setStyleSheet(f"border: 2px solid {colour};" if colour else "")
        w.setToolTip(tip)

    def retranslate(self, lang: str) -> None:
        self.lang = lang


class LineInput(FieldInput):
    """integer, decimal, text and date fields: a QLineEdit with a validator."""

    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.edit = QLineEdit(self)
        pattern = {"integer": INT_RE, "decimal": DEC_RE, "date": DATE_RE}.get(field.type)
        if pattern:
            self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))
        if field.type == "date":
            self.edit.setPlaceholderText(date_hint())
        if field.type in ("integer", "decimal"):
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setMaximumWidth(160)
        if field.max_length:
            self.edit.setMaxLength(int(field.max_length))
        self.edit.textEdited.connect(lambda _t: self.sig_changed.emit())
        self._layout.addWidget(self.edit)
        if field.type == "date":  # typing stays possible; empty stays allowed
            self.edit.setMaximumWidth(160)
            self.calendar_button = calendar_button(self, self._picked)
            self._layout.addWidget(self.calendar_button)
        if field.type in ("integer", "decimal", "date"):
            self._layout.addStretch(1)

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString(Qt.DateFormat.ISODate))
        self.sig_changed.emit()

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        if self.field.type == "date":
            self.edit.setPlaceholderText(date_hint())

    def value(self) -> Any:
        text = self.edit.text()
        if self.field.type in ("integer", "decimal"):
            return parse_number(text, self.field.type)
        return text.strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(number_text(value) if value is not None else "")

    def focus_widget(self) -> QWidget:
        return self.edit


class LongTextInput(FieldInput):
    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(60)
        self.edit.textChanged.connect(self.sig_changed.emit)
        self._layout.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")

    def focus_widget(self) -> QWidget:
        return self.edit


class BoolInput(FieldInput):
    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.box = QCheckBox(self)
        self.box.toggled.connect(lambda _c: self.sig_changed.emit())
        self._layout.addWidget(self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def focus_widget(self) -> QWidget:
        return self.box


def fill_combo(widget, entries: list[tuple[str, Any]]) -> None:
    """`widget.combo` filled anew with «—» and `entries` (text, value), the widget's value
    kept (a language switch, a list refreshed)."""
    combo = widget.combo
    current = widget.value() if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("—", None)
    for text, data in entries:
        combo.addItem(text, data)
    widget.set_value(current)
    combo.blockSignals(False)


class ChoiceInput(FieldInput):
    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.combo = QComboBox(self)
        narrow_combo(self.combo)  # an organizer type, a data source: the form stays in its window
        self._items = enum_items(field.choices)
        self._fill()
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        self._layout.addWidget(self.combo, 1)

    def _fill(self) -> None:
        fill_combo(self, [(item.label(self.lang), item.code) for item in self._items])

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        idx = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(idx, 0))

    def focus_widget(self) -> QWidget:
        return self.combo

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self._fill()


class MultiChoiceInput(FieldInput):
    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        self.list = QListWidget(self)
        self._items = enum_items(field.choices)
        for item in self._items:
            row = QListWidgetItem(item.label(lang), self.list)
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
        self.list.setWordWrap(True)  # a long answer takes two lines instead of being cut
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(min(120, 22 * max(len(self._items), 1) + 6))
        self.list.itemChanged.connect(lambda _i: self.sig_changed.emit())
        self._layout.addWidget(self.list, 1)

    def value(self) -> Any:
        out = []
        for i in range(self.list.count()):
            row = self.list.item(i)
            if row.checkState() == Qt.CheckState.Checked:
                out.append(row.data(Qt.ItemDataRole.UserRole))
        return out

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            row = self.list.item(i)
            checked = row.data(Qt.ItemDataRole.UserRole) in chosen
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def focus_widget(self) -> QWidget:
        return self.list

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        for i, item in enumerate(self._items):
            self.list.item(i).setText(item.label(lang))


class CountsInput(FieldInput):
    """One non-negative integer per code of an enumeration: value {code: int}."""

    def __init__(self, field, lang: str, parent=None) -> None:
        super().__init__(field, lang, parent)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        self._items = enum_items(field.choices)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        long_labels = any(len(item.label(lang)) > 14 for item in self._items)
        cols = 2 if len(self._items) > 4 and not long_labels else 1
        self._grid, self._cols = grid, cols
        self.hints: dict[str, QLabel] = {}   # a category's own last month (add_hints)
        for n, item in enumerate(self._items):
            label, edit = QLabel(item.label(lang), grid_host), QLineEdit(grid_host)
            label.setWordWrap(True)
            label.setMaximumWidth(360)
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(90)
            edit.setMinimumWidth(64)  # a squeezed window wraps the labels, not the inputs
            edit.textEdited.connect(lambda _t: self.sig_changed.emit())
            label.setBuddy(edit)
            r, c = divmod(n, cols)
            grid.addWidget(label, r, c * 3)
            grid.addWidget(edit, r, c * 3 + 1)       # c * 3 + 2: the category's hint
            self.edits[item.code], self.labels[item.code] = edit, label
        grid.setColumnStretch(cols * 3, 1)
        self._layout.addWidget(grid_host, 1)

    def add_hints(self) -> dict[str, QLabel]:
        """A grey label beside each category's input (empty and hidden until given a text):
        its own value last month, not the breakdown's total."""
        for n, item in enumerate(self._items):
            self.hints[item.code] = hint = QLabel(self._grid.parentWidget())
            hint.setWordWrap(True)  # «прошлый месяц: 1496 · год назад: 1537» wraps, not scrolls
            hint.setStyleSheet("color: #666;")
            hint.hide()
            self._grid.addWidget(hint, n // self._cols, n % self._cols * 3 + 2)
        return self.hints

    def value(self) -> Any:
        out = {code: parse_number(e.text(), "integer") for code, e in self.edits.items()}
        return {k: v for k, v in out.items() if v is not None} or None

    def set_value(self, value: Any) -> None:
        value = value or {}
        for code, edit in self.edits.items():
            edit.setText(number_text(value.get(code)))

    def focus_widget(self) -> QWidget:
        return next(iter(self.edits.values()), self)

    def key_widgets(self) -> list[QWidget]:
        return list(self.edits.values()) or [self]

    def set_severity(self, severity: str | None, tip: str = "") -> None:
        colour = SEVERITY_COLOURS.get(severity or "")
        for edit in self.edits.values():
            edit.setStyleSheet(f"border: 2px solid {colour};" if colour else "")
            edit.setToolTip(tip)

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        for item in self._items:
            self.labels[item.code].setText(item.label(lang))


def is_long_text(field) -> bool:
    return field.type == "text" and bool(re.search(r"(text|note|comment|description)$", field.id))


def calendar_button(parent: QWidget, on_pick) -> QToolButton:
    """A button that opens a calendar; a click on a day calls on_pick(QDate)."""
    button = QToolButton(parent)
    button.setText("▾")
    button.setToolTip(QCoreApplication.translate("FieldInput", "Choose on the calendar"))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter / Tab walk the inputs, not this
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    calendar = QCalendarWidget(menu)
    calendar.setGridVisible(True)
    action = QWidgetAction(menu)
    action.setDefaultWidget(calendar)
    menu.addAction(action)
    calendar.clicked.connect(lambda day: (on_pick(day), menu.hide()))
    button.setMenu(menu)
    button.calendar = calendar
    return button


class DistrictInput(FieldInput):
    """«District / town» on an event: a choice of the known districts, typing still allowed
    (a town that is not a district)."""

    def __init__(self, field, lang: str, names: list[str], parent=None) -> None:
        super().__init__(field, lang, parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(names)
        self.combo.setCurrentIndex(-1)
        self.combo.currentTextChanged.connect(lambda _t: self.sig_changed.emit())
        self._layout.addWidget(self.combo, 1)

    def value(self) -> Any:
        return self.combo.currentText().strip() or None

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentText(str(value) if value else "")

    def focus_widget(self) -> QWidget:
        return self.combo.lineEdit()


def make_input(field, lang: str, parent=None) -> FieldInput:
    """The input widget for a non-roster field."""
    if field.type == "boolean":
        return BoolInput(field, lang, parent)
    if field.type == "choice":
        return ChoiceInput(field, lang, parent)
    if field.type == "multi_choice":
        return MultiChoiceInput(field, lang, parent)
    if field.type == "counts":
        return CountsInput(field, lang, parent)
    if is_long_text(field):
        return LongTextInput(field, lang, parent)
    return LineInput(field, lang, parent)
