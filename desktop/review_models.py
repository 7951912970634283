"""Models and thin data adapters behind the review, dashboard, quality and sync pages.

Qt models here are generic (`DictTableModel`) or page-specific but small
(`CompletenessTableModel`). The data helpers read the store only
through its public API (CONTRACTS §4); aggregation is delegated to `reports.aggregate`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.record_diff import show_value

STATUS_COLOURS = {
    "missing": "#f4cccc", "draft": "#fff2cc", "submitted": "#cfe2f3", "late": "#f9cb9c",
    "returned": "#ea9999", "approved": "#b6d7a8", "not_due": "#ffffff",
}
STATUS_SYMBOLS = {"missing": "✗", "draft": "✎", "submitted": "●", "late": "!",
                  "returned": "↩", "approved": "✓", "not_due": ""}
SEVERITY_COLOURS = {"error": "#c00000", "warning": "#b26b00", "info": "#666666"}
REVIEW_ROLES = ("region", "central", "admin")
USER_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def worker_store_path(store) -> str:
    """The file of `store`, so a worker thread can open its own connection to it."""
    if getattr(store, "path", None):
        return str(store.path)
    return store.db.execute("PRAGMA database_list").fetchone()[2]


def open_worker_store(path: str):
    from store import open_store
    return open_store(path)


def with_own_store(fn: Callable) -> Callable:
    """Wrap `fn(store, *args)` to run in a worker with its own SQLite connection."""
    def run(path: str, *args, progress=None, cancelled=None, **kwargs):
        store = open_worker_store(path)
        try:
            return fn(store, *args, progress=progress, cancelled=cancelled, **kwargs)
        finally:
            store.close()
    return run


# ---------------------------------------------------------------- org units and periods

def scope_org_units(store, user: dict) -> list[dict]:
    """Org units the user sees: own district, own region's units, or all (central)."""
    role, region = user.get("role"), user.get("region")
    units = store.org_units()
    if role == "district" and user.get("district"):
        units = [u for u in units if u["id"] == user["district"]] or [
            {"id": user["district"], "kind": "district", "region": region or "",
             "name_ru": user["district"]}]
    elif role in ("district", "region", "trainer") and region:
        units = [u for u in units if u.get("region") == region]
    if not units:  # no reference data yet: fall back to the org units present in records
        seen = sorted({r["org_unit"] for r in store.list_records()})
        units = [{"id": s, "kind": "district", "region": s.split("-")[0], "name_ru": s}
                 for s in seen]
    units.sort(key=lambda u: (u.get("region") or "", u.get("kind") != "region",
                              u.get("name_ru") or u["id"]))
    return units


def scope_level(user: dict, region: str | None = None) -> str:
    """What a figure covers: "district" (a district user's own), "region" (a region's user or
    a chosen region) or "national"."""
    if user.get("role") == "district":
        return "district"
    return "national" if user.get("role") in ("central", "admin") and not region else "region"


def unit_name(unit: dict, lang: str) -> str:
    return unit.get(f"name_{lang}") or unit.get("name_ru") or unit["id"]


def months_of_year(year: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


def due_day(store) -> int:
    """Reports are due by this day of the next month (shared with reports.completeness)."""
    from reports.completeness import due_day as stored_due_day
    return stored_due_day(store)


def set_due_day(store, day: int) -> None:
    from reports.completeness import KV_DUE_DAY
    store.set_setting(KV_DUE_DAY, str(int(day)))


def due_date(period: str, due_day: int) -> dt.date:
    """The day of the next month by which the report for `period` must arrive."""
    y, m = int(period[:4]), int(period[5:7])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return dt.date(y, m, min(max(due_day, 1), 28))


def submitted_on(store, record: dict) -> dt.date | None:
    """Date of the first submission: `submitted_at` when the record has one, else the first
    kept revision (its time travels with synced records), else `updated_at`."""
    if record.get("status") == "draft":
        return None
    at = record.get("submitted_at")
    if not at:
        revisions = store.revisions(record["id"])
        at = revisions[0]["at"] if revisions else record.get("updated_at")
    return dt.date.fromisoformat(str(at)[:10])


def cell_status(store, record: dict | None, period: str, due_day: int,
                today: dt.date) -> tuple[str, bool]:
    """(status shown in the grid, arrived late?). A submitted report past its due date shows
    as "late"; a reviewed one keeps its review status and only carries the late flag."""
    if record is None:
        due = today <= due_date(period, due_day) and period >= today.strftime("%Y-%m")
        return ("not_due" if due else "missing"), False
    sent = submitted_on(store, record)
    late = bool(sent and sent > due_date(period, due_day))
    status = record["status"]
    return ("late" if status == "submitted" and late else status), late


def completeness_grid(store, units: Sequence[dict], year: int, due_day: int,
                      today: dt.date | None = None) -> tuple[list[dict], list[list[dict]]]:
    """(expected org units, rows × 12 cells {status, late, period, record_id}) of monthly
    reports. Expected: every district, and a region only when it has no districts or
    reports at region level (DOMAIN decision 1, as `reports.completeness`)."""
    from reports.completeness import expected_units
    today = today or dt.date.today()
    by_key = {}
    for r in store.list_records(form="monthly_report"):
        if r["period"].startswith(f"{year:04d}-"):
            by_key[(r["org_unit"], r["period"])] = r
    wanted = set(expected_units(list(units), [{"org_unit": u} for u, _p in by_key]))
    units = [u for u in units if u["id"] in wanted]
    grid = []
    for unit in units:
        row = []
        for period in months_of_year(year):
            rec = by_key.get((unit["id"], period))
            status, late = cell_status(store, rec, period, due_day, today)
            row.append({"status": status, "late": late, "period": period,
                        "record_id": rec["id"] if rec else None})
        grid.append(row)
    return units, grid


# ---------------------------------------------------------------- Qt models

class DictTableModel(QAbstractTableModel):
    """Read-only table over a list of dicts; columns = [(key, header)].

    `colour(row_dict, key) -> str | None` paints the background of a cell."""

    def __init__(self, columns: Sequence[tuple[str, str]], parent=None,
                 colour: Callable[[dict, str], str | None] | None = None,
                 foreground: Callable[[dict, str], str | None] | None = None,
                 sort_key: Callable[[dict, str], Any] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict] = []
        self._colour, self._foreground = colour, foreground
        self._sort_key = sort_key or (lambda row, key: row.get(key))

    def set_rows(self, rows: Sequence[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_headers(self, columns: Sequence[tuple[str, str]]) -> None:
        """New header texts (a language change) or new columns (a reset)."""
        if [k for k, _ in columns] != [k for k, _ in self._columns]:
            self.beginResetModel()
            self._columns = list(columns)
            self.endResetModel()
            return
        self._columns = list(columns)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def row_dict(self, row: int) -> dict:
        return self._rows[row]

    def all_rows(self) -> list[dict]:
        """The rows (callers only read them)."""
        return self._rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, key = self._rows[index.row()], self._columns[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show_value(row.get(key))
        if role == USER_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and self._colour:
            colour = self._colour(row, key)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground:
            colour = self._foreground(row, key)
            return QBrush(QColor(colour)) if colour else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][1]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class CompletenessTableModel(QAbstractTableModel):
    """Org units × months; each cell a status with a colour; UserRole = cell dict."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._units: list[dict] = []
        self._grid: list[list[dict]] = []
        self._months: list[str] = []
        self._lang = "ru"
        self._status_text: Callable[[str], str] = str

    def set_grid(self, units, grid, months, lang, status_text) -> None:
        self.beginResetModel()
        self._units, self._grid, self._months = list(units), grid, list(months)
        self._lang, self._status_text = lang, status_text
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._months)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self._grid[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:  # a symbol: 12 months fit in any language
            return STATUS_SYMBOLS.get(cell["status"], "?")
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = unit_name(self._units[index.row()], self._lang)
            from desktop.dates_text import period_text
            return (f"{unit} · {period_text(cell['period'], self._lang)} · "
                    f"{self._status_text(cell['status'])}")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS.get(cell["status"], "#ffffff")))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == USER_ROLE:
            return cell
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._months):
            from desktop.dates_text import short_month  # «янв.», «қаң.», not «01»
            return short_month(self._months[section], self._lang)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._units):
            return unit_name(self._units[section], self._lang)
        return None

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self._grid:
            for cell in row:
                counts[cell["status"]] = counts.get(cell["status"], 0) + 1
        return counts
