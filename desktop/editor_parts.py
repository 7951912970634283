"""Small parts of the form screen: history hints, the restore banner, org unit choices."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from forms.periods import shift_period
from forms.scope import unit_in_reach

HINT_TYPES = ("integer", "decimal", "counts")


def org_unit_name(unit: dict, lang: str) -> str:
    return unit.get(f"name_{lang}") or unit.get("name_ru") or unit.get("id", "")


def unit_names(ctx) -> dict[str, str]:
    """Every stored unit's name in the user's language: a list shows records of units the
    user may not enter (a region's, the server's), by name rather than by code."""
    try:
        units = ctx.store.org_units()
    except Exception:  # noqa: BLE001 - a store without org units: codes it is
        return {}
    return {u["id"]: org_unit_name(u, ctx.lang) for u in units}


def unit_kinds(ctx) -> dict[str, str]:
    """Every stored unit's kind ("region" / "district") by its id."""
    try:
        units = ctx.store.org_units()
    except Exception:  # noqa: BLE001 - a store without org units: kinds unknown
        return {}
    return {u["id"]: u.get("kind") for u in units}


def org_unit_choices(ctx, current: str | None) -> list[tuple[str, str]]:
    """(code, name) pairs the user may enter for: own district, or the region's units."""
    user = ctx.user or {}
    try:
        units = ctx.store.org_units()
    except Exception:  # noqa: BLE001 - a store without org units still lets you type one
        units = []
    role, district, region = user.get("role"), user.get("district"), user.get("region")
    if (role == "district" and district) or (role == "region" and region):
        units = [u for u in units
                 if unit_in_reach(role, district, region, u["id"], u.get("region"))]
    out = [(u["id"], org_unit_name(u, ctx.lang)) for u in units]
    if current and all(code != current for code, _ in out):  # a record beyond reach: named
        out.insert(0, (current, unit_names(ctx).get(current, current)))
    return out


class HistoryHints:
    """The record's history and, for a period form (monthly report), last month's and last
    year's values beside numeric inputs. `records` is what the editor's rules compare with:
    store.history_for, i.e. forms.history.history_of inside history_window, the same
    history the store's submit and the server use (VR-01 / VR-02 / VR-32 agree)."""

    def __init__(self, store: Any, form) -> None:
        self.store, self.form = store, form
        self.enabled = bool(form.unique_per_period) and not form.date_field  # hint labels
        self.records: list[dict] = []
        self._labels: dict[str, QLabel] = {}
        self._categories: dict[str, dict[str, QLabel]] = {}  # a breakdown's, by code
        self._period = ""

    def make_label(self, field, parent, widget=None) -> QLabel | None:
        """The hint beside a figure's input; a breakdown's go beside each category's input
        in `widget` (CountsInput.add_hints), and None is returned for it."""
        if not self.enabled or field.type not in HINT_TYPES:
            return None
        if field.type == "counts":
            if widget is not None:
                self._categories[field.id] = widget.add_hints()
            return None
        label = QLabel(parent)
        label.setStyleSheet("color: #666;")
        label.setWordWrap(True)
        label.setFixedWidth(150)
        self._labels[field.id] = label
        return label

    def update(self, record: dict) -> None:
        try:
            self.records = list(self.store.history_for(record)) if record.get("org_unit") else []
        except Exception:  # noqa: BLE001 - no history yet (e.g. no period): nothing to compare
            self.records = []
        self._paint(record.get("period") or "")

    def _paint(self, period: str) -> None:
        self._period = period
        by_period = {r.get("period"): r for r in self.records}
        prev = by_period.get(shift_period(period, -1)) if len(period) == 7 else None
        year = by_period.get(shift_period(period, -12)) if len(period) == 7 else None
        for fid, label in self._labels.items():
            a, b = _value(prev, fid), _value(year, fid)
            label.setText(self._text(a, b))
        for fid, hints in self._categories.items():
            for code, hint in hints.items():
                a, b = _value(prev, fid, code), _value(year, fid, code)
                # a line each: a category's column is narrow (two columns of age bands)
                hint.setText("" if a == b == UNKNOWN else self._text(a, b).replace(" · ", "\n"))
                hint.setVisible(bool(hint.text()))

    def _text(self, prev: str, year: str) -> str:
        from PySide6.QtCore import QCoreApplication
        text = QCoreApplication.translate("HistoryHints", "last month: %1 · last year: %2")
        return text.replace("%1", prev).replace("%2", year)

    def retranslate(self, lang: str) -> None:
        self._paint(self._period)


UNKNOWN = "—"


def _value(record: dict | None, fid: str, code: str | None = None) -> str:
    """A figure of `record` as text; with `code`, a breakdown's category's own value."""
    if not record:
        return UNKNOWN
    value = (record.get("data") or {}).get(fid)
    if code is not None:
        value = value.get(code) if isinstance(value, dict) else None
    if value is None or isinstance(value, (dict, list)):
        return UNKNOWN
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


class RestoreBanner(QFrame):
    """'Unsaved input from <time> was found' with Restore / Discard; emits sig_restore(entry)."""

    sig_restore = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QFrame { background: #fff8e1; border: 1px solid #f0c36d; }")
        self.text = QLabel(self)
        self.restore_button, self.discard_button = QPushButton(self), QPushButton(self)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self._entry: dict | None = None
        self.hide()
        self.retranslate()

    def offer(self, entry: dict) -> None:
        self._entry = entry
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        when = (self._entry or {}).get("saved_at", "").replace("T", " ").rstrip("Z")
        self.text.setText(self.tr("Unsaved input from %1 was kept after the app closed. "
                                  "Restore it?").replace("%1", when))
        self.restore_button.setText(self.tr("&Restore"))
        self.discard_button.setText(self.tr("Discard"))

    def _restore(self) -> None:
        if self._entry:
            self.sig_restore.emit(self._entry)
        self.hide()


class ReturnBanner(QFrame):
    """A returned record: the reviewer's comment with its author and date, above the form."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QFrame { background: #fff3e0; border: 1px solid #ef6c00; }"
                           "QLabel { border: none; }")
        self.head, self.text = QLabel(self), QLabel(self)
        self.head.setStyleSheet("font-weight: bold;")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(self.text.textInteractionFlags()
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.addWidget(self.head)
        box.addWidget(self.text)
        self._record: dict = {}
        self._lang = "ru"
        self.hide()

    def show_for(self, record: dict, lang: str = "ru") -> None:
        self._record, self._lang = record, lang
        shown = record.get("status") == "returned" and bool(record.get("review_comment"))
        self.setVisible(shown)
        if shown:
            self.retranslate()

    def retranslate(self) -> None:
        rec = self._record
        from desktop.dates_text import moment_text
        when = moment_text(rec.get("updated_at") or "", self._lang)
        self.head.setText(self.tr("Returned for changes by %1 on %2:")
                          .replace("%1", rec.get("updated_by") or "—").replace("%2", when))
        self.text.setText(rec.get("review_comment") or "")
