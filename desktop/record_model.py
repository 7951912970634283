"""RecordTableModel: a lazily fetched, sortable view of store.list_records for one form."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
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
# columns shown in words (desktop.dates_text): «ноябрь 2024», «5 нояб. 2024, 15:30»
WORDED = {"period": "when_text", "updated_at": "moment_text"}


def worded_samples(key: str, lang: str) -> list[str]:
    """Every month of a year as a WORDED column says it: the column is as wide as the widest
    («сентябрь 2024» scrolled into view was cut in a column fitted to «май 2024»)."""
    from desktop import dates_text
    stamps = {"period": "2024-{:02d}", "updated_at": "2024-{:02d}-28T12:00:00Z"}[key]
    say = getattr(dates_text, WORDED[key])
    return [say(stamps.format(month), lang) for month in range(1, 13)]


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


SUMMARY_ITEMS = 3
SCALAR_TYPES = ("integer", "decimal", "text", "date", "choice")


def summary_fields(fields: list) -> list:
    """The fields a record's summary names: the form's headline figures in their order, else
    its first scalar fields."""
    heads = [f for f in fields if getattr(f, "headline", False) and f.type in SCALAR_TYPES]
    heads.sort(key=lambda f: f.headline_order if f.headline_order is not None else 10**6)
    return heads or [f for f in fields if f.type in SCALAR_TYPES]


def _value_text(field, value, lang: str) -> str:
    if field.type == "choice":
        from desktop.field_widgets import enum_items
        for item in enum_items(field.choices):
            if item.code == value:
                return item.label(lang)
    if field.type == "date":  # «6 декабря 2023», as a person reads it
        from desktop.dates_text import date_text
        return date_text(str(value), lang)
    return str(value)


def summarize(record: dict, fields: list, lang: str = "ru") -> str:
    """Labelled figures, e.g. «Волонтёры: 120 · Мероприятия: 4»: the summary fields that
    have a value (SUMMARY_ITEMS at most), each with its short name; a text leading the
    summary (an event's title) names the record itself and goes without its label
    («Саябақты тазалау · Басталған күні: 2024 ж. 9 қараша»)."""
    data = record.get("data") or {}
    parts = []
    for field in summary_fields(fields):
        value = data.get(field.id)
        if value in (None, "", [], {}) or isinstance(value, (dict, list)):
            continue
        said = _value_text(field, value, lang)
        parts.append(said if not parts and field.type == "text" else
                     f"{field.name(lang)}: {said}")
        if len(parts) == SUMMARY_ITEMS:
            break
    return " · ".join(parts)[:160]


def count_in_worker(db_path: str, filters: dict, tag: Any = None, *, progress=None,
                    cancelled=None) -> tuple[int, Any]:
    """Worker: count matching records on a separate read-only connection -> (count, tag)."""
    from store.cipher import open_connection
    from store.query import count_records
    con = open_connection(db_path, readonly=True)
    try:
        return count_records(con, **filters), tag
    finally:
        con.close()


class RecordTableModel(QAbstractTableModel):
    """Fetches rows PAGE_SIZE at a time (canFetchMore/fetchMore); sorting re-queries.

    Opening never counts all rows: more rows exist while the last page came back full. The
    exact total is counted in the background by the page (``set_total``) or on demand."""

    sig_total_changed = Signal(int)

    def __init__(self, store: Any, form_id: str, *, fields: list | None = None,
                 lang: Any = None, flags_for: Any = None, parent=None) -> None:
        super().__init__(parent)
        self._store, self._form = store, form_id
        self._fields = fields or []
        self._lang = lang or (lambda: "ru")
        self._filters: dict[str, Any] = {}
        self._order = "period desc"
        self._rows: list[dict] = []
        self._total: int | None = None
        self._exhausted = False
        self.generation = 0
        self._flags_for = flags_for or (dict)
        self._flags: dict[str, str] = {}
        self.unit_names: dict[str, str] = {}
        self.reload()

    # -- data loading ---------------------------------------------------------------
    def set_filters(self, **filters: Any) -> None:
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def query_filters(self) -> dict:
        return dict(self._filters, form=self._form)

    def reload(self) -> None:
        self.beginResetModel()
        self.generation += 1
        self._flags = dict(self._flags_for() or {})
        self._rows, self._exhausted, self._total = [], False, None
        self._append(self._page(0))
        self.endResetModel()

    def _page(self, offset: int) -> list[dict]:
        return self._store.list_records(form=self._form, order_by=self._order,
                                        limit=PAGE_SIZE, offset=offset, **self._filters)

    def _append(self, batch: list[dict]) -> None:
        self._rows.extend(batch)
        if len(batch) < PAGE_SIZE:
            self._exhausted = True
            self.set_total(len(self._rows))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        start = len(self._rows)
        batch = self._page(start)
        if batch:
            self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
            self._append(batch)
            self.endInsertRows()
        else:
            self._append(batch)

    def set_total(self, total: int, generation: int | None = None) -> None:
        if generation is not None and generation != self.generation:
            return  # a count for filters that are no longer shown
        self._total = total
        self.sig_total_changed.emit(total)

    def total(self) -> int:
        """The exact number of matching records (counted now if not known yet)."""
        if self._total is None:
            self.set_total(self._store.count_records(**self.query_filters()))
        return self._total

    def known_total(self) -> int | None:
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
        if role == Qt.ItemDataRole.ToolTipRole and key in ("summary", "org_unit"):  # when cut
            return self._display(rec, key).replace(" · ", "\n")
        if role == Qt.ItemDataRole.ToolTipRole and key in WORDED:  # as the filter takes it
            return str(rec.get(key) or "")
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
            return summarize(rec, self._fields, self._lang())
        if key in WORDED:  # words; the store still sorts and filters by the ISO text
            from desktop import dates_text
            return getattr(dates_text, WORDED[key])(str(rec.get(key) or ""), self._lang())
        return str(rec.get(key) or "")

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        col = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        if not col:
            return
        direction = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
        if self._order != f"{col} {direction}":
            self._order = f"{col} {direction}"
            self.reload()
