"""RecordTableModel: a lazily fetched, sortable view of store.list_records for one form."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication,
                            QModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

PAGE_SIZE = 200
# (key, source text, store column usable in order_by)
COLUMNS = [
    ("period", QT_TRANSLATE_NOOP("RecordTableModel", "Period"), "period"),
    ("org_unit", QT_TRANSLATE_NOOP("RecordTableModel", "Org unit"), "org_unit"),
    ("status", QT_TRANSLATE_NOOP("RecordTableModel", "Status"), "status"),
    ("summary", QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), None),
    ("updated_at", QT_TRANSLATE_NOOP("RecordTableModel", "Updated"), "updated_at"),
    ("updated_by", QT_TRANSLATE_NOOP("RecordTableModel", "By"), "updated_by"),
]
BADGE_COLOURS = {
    "draft": "#e0e0e0", "submitted": "#cfe3ff", "returned": "#ffe0b2",
    "approved": "#c8e6c9", "conflict": "#ffcdd2", "rejected": "#f8bbd0",
}


def status_text(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("RecordTableModel", "draft"),
        "submitted": QCoreApplication.translate("RecordTableModel", "submitted"),
        "returned": QCoreApplication.translate("RecordTableModel", "returned"),
        "approved": QCoreApplication.translate("RecordTableModel", "approved"),
        "conflict": QCoreApplication.translate("RecordTableModel", "conflict"),
        "rejected": QCoreApplication.translate("RecordTableModel", "rejected"),
    }
    return names.get(status, status)


def summarize(record: dict, field_ids: list[str]) -> str:
    """A short text from the first scalar values of the record, in form field order."""
    data = record.get("data") or {}
    parts = []
    for fid in field_ids or list(data):
        value = data.get(fid)
        if value in (None, "", [], {}) or isinstance(value, (dict, list)):
            continue
        parts.append(str(value))
        if len(parts) == 3:
            break
    return " · ".join(parts)[:120]


class RecordTableModel(QAbstractTableModel):
    """Fetches rows PAGE_SIZE at a time (canFetchMore/fetchMore); sorting re-queries."""

    def __init__(self, store: Any, form_id: str, *, field_ids: list[str] | None = None,
                 flags_for: Any = None, parent=None) -> None:
        super().__init__(parent)
        self._store, self._form = store, form_id
        self._field_ids = field_ids or []
        self._filters: dict[str, Any] = {}
        self._order = "period desc"
        self._rows: list[dict] = []
        self._total = 0
        self._flags_for = flags_for or (lambda: {})
        self._flags: dict[str, str] = {}
        self.unit_names: dict[str, str] = {}
        self.reload()

    # -- data loading ---------------------------------------------------------------
    def set_filters(self, **filters: Any) -> None:
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._flags = dict(self._flags_for() or {})
        self._total = self._store.count_records(form=self._form, **self._filters)
        self._rows = []
        self._fetch(PAGE_SIZE)
        self.endResetModel()

    def _fetch(self, n: int) -> None:
        self._rows.extend(self._store.list_records(
            form=self._form, order_by=self._order, limit=n, offset=len(self._rows),
            **self._filters))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        batch = self._store.list_records(form=self._form, order_by=self._order,
                                         limit=PAGE_SIZE, offset=start, **self._filters)
        if not batch:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def total(self) -> int:
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def record_at(self, row: int) -> dict:
        return self._rows[row]

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("RecordTableModel", COLUMNS[section][1])
        return None

    def effective_status(self, rec: dict) -> str:
        return self._flags.get(rec.get("id"), rec.get("status") or "draft")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        rec, key = self._rows[index.row()], COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, key)
        if role == Qt.ItemDataRole.BackgroundRole and key == "status":
            return QBrush(QColor(BADGE_COLOURS.get(self.effective_status(rec), "#ffffff")))
        if role == Qt.ItemDataRole.UserRole:
            return rec.get("id")
        return None

    def _display(self, rec: dict, key: str) -> str:
        if key == "status":
            return status_text(self.effective_status(rec))
        if key == "org_unit":
            return self.unit_names.get(rec.get("org_unit"), rec.get("org_unit") or "")
        if key == "summary":
            return summarize(rec, self._field_ids)
        if key == "updated_at":
            return (rec.get("updated_at") or "").replace("T", " ").rstrip("Z")[:16]
        return str(rec.get(key) or "")

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        col = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        if not col:
            return
        direction = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
        self._order = f"{col} {direction}"
        self.reload()
