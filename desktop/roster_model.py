"""RosterTableModel: rows of a roster field (list of dicts) with auto №, paste and duplicates."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.field_widgets import enum_items, number_text, parse_number

DUPLICATE_COLOUR = "#fff3b0"
UNKNOWN_COLOUR = "#ffcdd2"
FINDING_COLOURS = {"error": "#ffcdd2", "warning": "#ffe0b2", "info": "#eceff1"}


def norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def parse_tsv(text: str) -> list[list[str]]:
    """Excel's clipboard: rows by newline, cells by tab; trailing empty line dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


class RosterTableModel(QAbstractTableModel):
    """Editable table over ``rows`` (list of dicts). Column ``no`` is numbered automatically."""

    sig_rows_changed = Signal()

    def __init__(self, columns: list, lang: str = "ru", rows: list[dict] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.columns, self.lang = list(columns), lang
        self._enums = {c.id: enum_items(c.choices) for c in self.columns if c.choices}
        self._rows: list[dict] = [dict(r) for r in (rows or [])]
        self._dups: set[int] = set()
        self._marks: dict[tuple[int, str], tuple[str, str]] = {}  # (row, column) -> finding
        # (row, column) -> (severity, text): how a pasted or typed short word was read
        self._notes: dict[tuple[int, str], tuple[str, str]] = {}
        self._reading: dict[str, tuple[str, str]] = {}      # the notes of the row being read
        self._pasted_notes: list[dict[str, tuple[str, str]]] = []   # of the last pasted_rows
        self.last_skipped: list[tuple[int, str]] = []  # lines of the last paste left out
        self._renumber()

    # -- helpers ------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        return [dict(r) for r in self._rows]

    def set_rows(self, rows: list[dict] | None) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in (rows or [])]
        self._notes = {}
        self._renumber()
        self.endResetModel()

    def duplicate_rows(self) -> set[int]:
        return set(self._dups)

    def _renumber(self) -> None:
        if any(c.id == "no" for c in self.columns):
            for n, row in enumerate(self._rows, start=1):
                row["no"] = n
        self._find_duplicates()

    def _row_key(self, row: dict) -> tuple:
        ids = [c.id for c in self.columns if c.id == "full_name"]
        ids = ids or [c.id for c in self.columns if c.id != "no"]
        return tuple(norm(row.get(i)) for i in ids)

    def _find_duplicates(self) -> None:
        seen: dict[tuple, list[int]] = {}
        for n, row in enumerate(self._rows):
            key = self._row_key(row)
            if any(key):
                seen.setdefault(key, []).append(n)
        self._dups = {n for group in seen.values() if len(group) > 1 for n in group}

    def set_marks(self, marks: dict[tuple[int, str], tuple[str, str]]) -> None:
        """Findings on cells: (row, column id) -> (severity, text), shown as the cell's
        colour and tooltip (the form editor sets them after each validation)."""
        if marks != self._marks:
            self._marks = dict(marks)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(self.columns) - 1))

    def choice_label(self, column, code: Any, short: bool = False) -> str:
        """The code's label; `short`: the enumeration's short label where it has one (a
        question of a focus group is a sentence, its short label fits a cell)."""
        for item in self._enums.get(column.id, []):
            if item.code == code:
                return item.short_label(self.lang) if short else item.label(self.lang)
        return "" if code is None else str(code)

    def resolve_choice(self, column, text: str) -> Any:
        """Code for a pasted text (`read_choice_cell` without its note)."""
        return self.read_choice_cell(column, text)[0]

    def read_choice_cell(self, column, text: str) -> tuple[Any, tuple[str, str] | None]:
        """(value, (severity, note) or None) of a pasted or typed text: what the list import
        accepts (code, short or full label in any language, «да»/«иә» for consent); else a
        short word or an abbreviation read as one option, with a note saying as what
        (forms.choice_words); else the text itself (an ambiguous one with its candidates)."""
        if not norm(text):
            return None, None
        from reports.roster import CHOICE_ENUMS, read_cell_choice
        if column.id in CHOICE_ENUMS:
            code, said = read_cell_choice(column.id, text, self.lang)
            note = None if said is None else ("warning" if code else "error", said[1])
        else:
            code, note = self._short_choice(column, text)
        if code is not None:
            return code, note
        if column.choices == "departments":
            from forms.reference import resolve_department
            return resolve_department(text) or text.strip(), note
        return text.strip(), note

    def _short_choice(self, column, text: str) -> tuple[Any, tuple[str, str] | None]:
        """A column of no list import (a focus group's answers): its labels, then short
        words (forms.choice_words)."""
        from forms.choice_words import choice_note, read_choice
        wanted = norm(text)
        for item in self._enums.get(column.id, []):
            if wanted == norm(item.code) or wanted in {norm(v) for v in item.labels.values()}:
                return item.code, None
        choice = read_choice(column.choices, text)
        said = choice_note(column.choices, text, choice, self.lang)
        return choice.code, None if said is None else (
            "warning" if choice.code else "error", said[1])

    def is_known(self, column, value: Any) -> bool:
        if not column.choices or value in (None, ""):
            return True
        return any(item.code == value for item in self._enums.get(column.id, []))

    # -- editing operations -------------------------------------------------------------
    def add_row(self, values: dict | None = None) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(dict(values or {}))
        self.endInsertRows()
        self._after_change()
        return n

    def remove_rows(self, rows: list[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self._notes = {(n - (n > r), c): v for (n, c), v in self._notes.items()
                               if n != r}
                self.endRemoveRows()
        self._after_change()

    def pasted_rows(self, text: str) -> tuple[list[dict], list[tuple[int, str]]]:
        """The rows a tab-separated block gives, cleaned as an imported list is (header
        lines, totals, walk-in notes dropped and listed; NBSPs; labels -> codes)."""
        from reports.intake_rows import header_columns, paste_rows
        labels = [t for c in self.columns for t in c.label.values()]
        block, skipped, header = paste_rows(parse_tsv(text), labels)
        by_id = {c.id: c for c in self.columns}
        named = header_columns(header, self.columns) if header else None
        editable = [c for c in self.columns if c.id != "no"]
        out = []
        self._pasted_notes = []
        for cells in block:
            self._reading = {}
            if named and any(named):       # the block's own titles say which column is which
                out.append(self._named_row(named, cells, by_id))
            else:
                if len(cells) == len(editable) + 1 and len(self.columns) > len(editable):
                    cells = cells[1:]  # the block carries its own № column
                out.append({col.id: self._coerce(col, cell)
                            for col, cell in zip(editable, cells)})
            self._pasted_notes.append(self._reading)
        return out, skipped

    def _named_row(self, named: list, cells: list, by_id: dict) -> dict:
        """A pasted line by its block's titles; a name in parts is joined in order."""
        row: dict = {}
        for fid, cell in zip(named, cells):
            if fid == "full_name" and row.get(fid):
                row[fid] = f"{row[fid]} {cell}" if cell else row[fid]
            elif fid:
                row[fid] = self._coerce(by_id[fid], cell)
        return row

    def already_listed(self, rows: list[dict]) -> int:
        """How many of `rows` are already in the list (same name, or same values)."""
        keys = {self._row_key(r) for r in self._rows}
        return sum(1 for r in rows if any(self._row_key(r)) and self._row_key(r) in keys)

    def paste_text(self, text: str, at_row: int | None = None) -> int:
        """Paste a tab-separated block; returns the number of rows added or overwritten."""
        rows, self.last_skipped = self.pasted_rows(text)
        return self.put_rows(rows, at_row)

    def put_rows(self, rows: list[dict], at_row: int | None = None) -> int:
        start = len(self._rows) if at_row is None else at_row
        notes = self._pasted_notes if len(self._pasted_notes) == len(rows) else []
        self._pasted_notes = []
        for offset, values in enumerate(rows):
            row = dict(self._rows[start + offset]) if start + offset < len(self._rows) else {}
            row.update(values)
            self._store_row(start + offset, row)
            for fid in values:
                self._note(start + offset, fid, notes[offset].get(fid) if notes else None)
        self._after_change()
        return len(rows)

    def _store_row(self, index: int, row: dict) -> None:
        if index < len(self._rows):
            self._rows[index] = row
            return
        self.beginInsertRows(QModelIndex(), index, index)
        self._rows.append(row)
        self.endInsertRows()

    def _coerce(self, column, text: str) -> Any:
        if column.type in ("integer", "decimal"):
            return parse_number(text, column.type)
        if column.choices:
            value, note = self.read_choice_cell(column, text)
            if note is not None:
                self._reading[column.id] = note
            return value
        return text.strip() or None

    def _note(self, row: int, fid: str, note: tuple[str, str] | None) -> None:
        if note is None:
            self._notes.pop((row, fid), None)
        else:
            self._notes[(row, fid)] = note

    def _after_change(self) -> None:
        self._renumber()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.sig_rows_changed.emit()

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        if 0 <= section < len(self.columns):
            col = self.columns[section]
            return "№" if col.id == "no" else (col.label.get(self.lang) or col.id)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].id != "no":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        col, row = self.columns[index.column()], self._rows[index.row()]
        value = row.get(col.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.choice_label(col, value, short=True) if col.choices else \
                number_text(value)
        mark = self._marks.get((index.row(), col.id))
        note = self._notes.get((index.row(), col.id))
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cut-off cell
            text = self.choice_label(col, value) if col.choices else number_text(value)
            said = (text, mark[1] if mark else "", note[1] if note else "")
            return "\n".join(t for t in said if t) or None
        if role == Qt.ItemDataRole.EditRole:
            return value if col.choices else number_text(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.is_known(col, value):
                return QBrush(QColor(UNKNOWN_COLOUR))
            if mark or note:
                severity = (mark or note or ("error", ""))[0]
                return QBrush(QColor(FINDING_COLOURS.get(severity, UNKNOWN_COLOUR)))
            if index.row() in self._dups:
                return QBrush(QColor(DUPLICATE_COLOUR))
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = self.columns[index.column()]
        if col.id == "no":
            return False
        self._reading = {}
        stored = self._coerce(col, "" if value is None else str(value))
        self._rows[index.row()][col.id] = stored
        self._note(index.row(), col.id, self._reading.get(col.id))
        self.dataChanged.emit(index, index)
        self._after_change()
        return True
