"""Conflicts dialog: my copy and the server's side by side, a choice per field, then save.

Counts become one row per code (Gender › F), rosters one row per participant (by №).
Each row offers mine / theirs / edit; the merged record is saved with
`store.sync_state.resolve_conflict`, which queues it as a normal change.
"""
from __future__ import annotations

import copy
import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.record_diff import flatten, path_label, show_value, unflatten_into, value_text
from desktop.refused_box import refusal_text

CHOICES = ("mine", "theirs", "edit")
TOP_KEYS = ("deleted", "status", "justification", "review_comment")
FIELD, MINE, THEIRS, CHOICE, RESULT = range(5)


def _record(value) -> dict:
    return json.loads(value) if isinstance(value, str) else dict(value or {})


def find_conflict(store, record_id: str) -> dict | None:
    from store.sync_state import conflicts
    for c in conflicts(store):
        if (c.get("record_id") or c.get("id")) == record_id:
            return c
    return None


def conflict_rows(mine: dict, theirs: dict, form=None, lang: str = "ru") -> list[dict]:
    """One row per differing value: record-level keys first, then data paths."""
    rows = []
    for key in TOP_KEYS:
        if mine.get(key) != theirs.get(key):
            rows.append({"path": ("@", key), "label": key, "mine": mine.get(key),
                         "theirs": theirs.get(key),
                         "editable": key in ("justification", "review_comment")})
    a, b = flatten(mine.get("data") or {}), flatten(theirs.get("data") or {})
    order = {f.id: i for i, f in enumerate(form.fields)} if form is not None else {}
    for path in sorted(set(a) | set(b), key=lambda p: (order.get(p[0], len(order)),
                                                         tuple(map(str, p)))):
        if a.get(path) != b.get(path):
            value = a.get(path, b.get(path))
            rows.append({"path": path, "label": path_label(path, form, lang),
                         "mine": a.get(path), "theirs": b.get(path),
                         "mine_present": path in a, "theirs_present": path in b,
                         "editable": not isinstance(value, (dict, list))})
    for row in rows:
        row["choice"], row["edited"] = "mine", None
        for side in ("mine", "theirs"):
            row[f"{side}_text"] = value_text(row[side], row["path"], form, lang) \
                if row["path"][0] != "@" else show_value(row[side])
    return rows


def parse_edit(text: str, sample, field_type: str | None):
    """Typed value of an edited cell, following the field type (or the values' type)."""
    text = text.strip()
    kind = field_type or type(sample).__name__
    if kind in ("integer", "int", "counts"):
        return int(text.replace(" ", ""))
    if kind in ("decimal", "float"):
        return float(text.replace(" ", "").replace(",", "."))
    return text or None


def merge(theirs: dict, rows: list[dict]) -> dict:
    """The server copy with every row's choice applied (based on the server's version)."""
    out = copy.deepcopy(theirs)
    out["data"] = copy.deepcopy(theirs.get("data") or {})
    for row in rows:
        side = row["choice"]
        value = row["edited"] if side == "edit" else row[side]
        present = side == "edit" or row.get(f"{side}_present", True)
        if row["path"][0] == "@":
            out[row["path"][1]] = value
        else:
            unflatten_into(out["data"], row["path"], value, present=present)
    return out


class ConflictTableModel(QAbstractTableModel):
    def __init__(self, rows: list[dict], headers: list[str], choice_text, parent=None):
        super().__init__(parent)
        self.rows, self.headers, self.choice_text = rows, headers, choice_text

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == CHOICE:
                return self.choice_text(row["choice"]) if role == Qt.ItemDataRole.DisplayRole \
                    else row["choice"]
            if col == FIELD:
                return row["label"]
            side = {MINE: "mine", THEIRS: "theirs", RESULT: row["choice"]}[col]
            if side == "edit":
                return "" if row["edited"] is None else str(row["edited"])
            return row[f"{side}_text"]
        if role == Qt.ItemDataRole.ToolTipRole and col != CHOICE:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.BackgroundRole and col in (MINE, THEIRS):
            chosen = ("mine", "theirs")[col - 1] == row["choice"]
            return QBrush(QColor("#d9ead3" if chosen else "#ffffff"))
        return None

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base
        row = self.rows[index.row()]
        if index.column() == CHOICE or (index.column() == RESULT and row["choice"] == "edit"):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        if index.column() == CHOICE and value in CHOICES:
            if value == "edit" and not row["editable"]:
                return False
            if value == "edit" and row["edited"] is None:
                row["edited"] = row["mine"] if row["mine"] is not None else row["theirs"]
            row["choice"] = value
        elif index.column() == RESULT and row["choice"] == "edit":
            row["edited"] = value
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        return True

    def set_all(self, side: str) -> None:
        for row in self.rows:
            row["choice"] = side
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 4))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < 5:
            return self.headers[section]
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """Combo box of mine / theirs / edit in the choice column."""

    def __init__(self, choice_text, parent=None) -> None:
        super().__init__(parent)
        self.choice_text = choice_text

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        editable = index.model().rows[index.row()]["editable"]
        for code in CHOICES if editable else CHOICES[:2]:
            combo.addItem(self.choice_text(code), code)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ConflictsDialog(QDialog):
    def __init__(self, ctx, record_id: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.record_id = ctx, record_id
        conflict = find_conflict(ctx.store, record_id)
        if conflict is None:
            raise LookupError(f"no conflict waits for record {record_id}")
        self.mine, self.theirs = _record(conflict["mine"]), _record(conflict["theirs"])
        self.kind = conflict.get("kind", "version")
        self.form = self._form()
        self.model = ConflictTableModel(
            conflict_rows(self.mine, self.theirs, self.form, ctx.lang), [""] * 5,
            self.choice_text, self)
        self._build()
        self.retranslate()

    def _form(self):
        try:
            from forms import load_form
            return load_form(self.mine["form"], version=self.mine.get("form_version"))
        except Exception:  # noqa: BLE001 - field ids are shown instead of labels
            return None

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(CHOICE, ChoiceDelegate(self.choice_text, self))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row in range(self.model.rowCount()):  # the choice is always visible as a combo
            self.table.openPersistentEditor(self.model.index(row, CHOICE))
        self.all_mine, self.all_theirs = QPushButton(), QPushButton()
        self.all_mine.clicked.connect(lambda: self.model.set_all("mine"))
        self.all_theirs.clicked.connect(lambda: self.model.set_all("theirs"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 520)

    def choice_text(self, code: str) -> str:
        return {"mine": self.tr("mine"), "theirs": self.tr("theirs"),
                "edit": self.tr("edit")}.get(code, code)

    def top_label(self, key: str) -> str:
        return {"deleted": self.tr("Deleted"), "status": self.tr("Status"),
                "justification": self.tr("Comment on warnings"),
                "review_comment": self.tr("Reviewer's comment")}.get(key, key)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Resolve a conflict"))
        for row in self.model.rows:
            if row["path"][0] == "@":
                row["label"] = self.top_label(row["path"][1])
        why = (self.tr("Another device created the same report for this org unit and month.")
               if self.kind == "natural_key" else
               self.tr("The report was changed on the server while you edited it."))
        how = self.tr("%1 values differ. Choose per row which value to keep, or edit it.")
        self.intro.setText(why + " " + how.replace("%1", str(self.model.rowCount())) + " "
                           + self.tr("The result is sent as a normal change."))
        self.model.headers = [self.tr("Field"), self.tr("My value"), self.tr("Server value"),
                              self.tr("Keep"), self.tr("Result")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.all_mine.setText(self.tr("Keep all mine"))
        self.all_theirs.setText(self.tr("Keep all theirs"))

    def merged_record(self) -> dict:
        rows = [dict(r) for r in self.model.rows]
        for row in rows:
            if row["choice"] == "edit" and isinstance(row["edited"], str):
                ftype = None
                if self.form is not None and row["path"][0] != "@":
                    fdef = self.form.field(row["path"][0])
                    ftype = fdef.type if fdef.type != "counts" else "integer"
                row["edited"] = self._typed(row, ftype)
        return merge(self.theirs, rows)

    def _typed(self, row: dict, ftype: str | None):
        """An edited value as its field's type; a number that is not one is named with its
        field in the user's words (Python's «invalid literal for int()» was shown)."""
        try:
            return parse_edit(row["edited"], row["mine"] or row["theirs"], ftype)
        except ValueError:
            whole = ftype in ("integer", "int") or isinstance(row["mine"] or row["theirs"], int)
            how = (self.tr("%1: «%2» is not a whole number; type one, e.g. 12.") if whole else
                   self.tr("%1: «%2» is not a number; type one, e.g. 12 or 7,5."))
            raise ValueError(how.replace("%1", str(row.get("label") or "")).replace(
                "%2", row["edited"].strip())) from None

    def save(self) -> None:
        from store.sync_state import resolve_conflict
        try:
            record = self.merged_record()
            resolve_conflict(self.ctx.store, self.record_id, record, user=self.ctx.username)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Not a valid value"), str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - shown, the conflict stays for later
            QMessageBox.critical(self, self.tr("Could not save the resolution"),
                                 refusal_text(exc, self.ctx.lang))
            return
        self.ctx.signals.sig_records_changed.emit(record.get("form", ""))
        self.accept()
