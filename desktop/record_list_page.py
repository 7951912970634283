"""RecordListPage: the list of one form's records (lazy model, sort, filters, search) and its
form screen, shown in the same place."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import autosave
from desktop.editor_parts import org_unit_choices, unit_kinds, unit_names
from desktop.record_model import COLUMNS, WORDED, RecordTableModel, status_text, worded_samples
from desktop.screen_fit import fit_width
from forms.lifecycle import STATUSES
from forms.scope import returned_to

SUMMARY_COLUMN = [key for key, _t, _s in COLUMNS].index("summary")
COLUMN_MAX_WIDTH = 200  # a column beside the summary at 1024 px
COLUMN_SHARE = 5  # ... on a wider screen a column may take a fifth of the table (a unit's name)
CELL_PADDING = 8  # a cell's margins beside its text (as resizeColumnToContents leaves them)


def sync_flags(store) -> dict[str, str]:
    """Record id -> 'conflict' | 'rejected' from the sync state (empty when unavailable)."""
    try:
        from store import sync_state
    except ImportError:
        return {}
    flags: dict[str, str] = {}
    try:
        for item in sync_state.parked(store) or []:
            flags[item.get("record_id") or item.get("id")] = "rejected"
        for item in sync_state.conflicts(store) or []:
            flags[item.get("record_id") or item.get("id")] = "conflict"
    except Exception:  # noqa: BLE001 - badges are advisory
        return flags
    return flags


class RecordListPage(QWidget):
    """Page contract: RecordListPage(ctx, form_id, parent); retranslate(); refresh()."""

    def __init__(self, ctx, form_id: str, parent=None) -> None:
        super().__init__(parent)
        from forms import load_form
        self.ctx, self.form = ctx, load_form(form_id)
        self.editor = None
        self.model = RecordTableModel(ctx.store, form_id, fields=self.form.fields,
                                      lang=lambda: ctx.lang,
                                      flags_for=lambda: sync_flags(ctx.store), parent=self)
        self.model.sig_total_changed.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_list())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stack)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filters)
        ctx.signals.sig_records_changed.connect(self._records_changed)
        ctx.signals.sig_sync_finished.connect(lambda _summary: self.refresh())
        self.retranslate()
        self._check_autosaves()

    def _build_list(self) -> QWidget:
        host = QWidget(self)
        self.title = QLabel(host)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.returned_button = self._build_notice(host)
        self.search = QLineEdit(host)
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.period = QLineEdit(host)
        self.period.editingFinished.connect(self.apply_filters)
        self.org_filter, self.status_filter = QComboBox(host), QComboBox(host)
        self.org_filter.activated.connect(lambda _i: self.apply_filters())
        self.status_filter.activated.connect(lambda _i: self.apply_filters())
        self.new_button, self.open_button = QPushButton(host), QPushButton(host)
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self.open_current)
        self.count_label, self.recover_button = QLabel(host), QPushButton(host)
        self.recover_button.clicked.connect(self._recover)
        self.recover_button.hide()
        heading, bar = self._build_rows()
        self.table = self._build_table(host)
        self.empty_hint = QLabel(host)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #555; font-size: 14px; padding: 24px;")
        self.empty_hint.hide()
        box = QVBoxLayout(host)
        box.addLayout(heading)
        box.addWidget(self.returned_button)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty_hint, 1)
        box.addWidget(self.count_label)
        return host

    def _build_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The actions beside the title, the filters a row of their own: at 1024 px both
        rows keep their texts whole (the Kazakh filters were cut with all on one row)."""
        heading, bar = QHBoxLayout(), QHBoxLayout()
        heading.addWidget(self.title, 1)
        from desktop.export_actions import EXPORT_LIST, export_button
        self.export_button = export_button(self, EXPORT_LIST, self.export_list)
        for w in (self.recover_button, self.new_button, self.open_button, self.export_button):
            heading.addWidget(w)
        for w in (self.search, self.period, self.org_filter, self.status_filter):
            bar.addWidget(w)
        bar.addStretch(1)
        return heading, bar

    def _build_notice(self, host) -> QPushButton:
        """«2 отчёта возвращены — открыть»: its own row above the filters, and built first
        so it is first in the Tab order."""
        button = QPushButton(host)
        button.setStyleSheet("background: #fff3e0; color: #e65100;")
        button.clicked.connect(self.show_returned)
        button.hide()
        return button

    def _build_table(self, host) -> QTableView:
        table = QTableView(host)
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the summary takes the width the other columns leave (cut text: its tooltip):
        # no sideways scrolling at 1024 px
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.verticalHeader().setDefaultSectionSize(24)
        table.verticalHeader().setVisible(False)
        table.activated.connect(lambda index: self.open_row(index.row()))
        return table

    # -- page contract ----------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.title.setText(self.form.title.get(lang) or self.form.id)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.period.setPlaceholderText(self.tr("YYYY-MM"))
        self.period.setFixedWidth(fit_width(self.period, self.period.placeholderText()))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.open_button.setText(self.tr("&Open"))
        self.recover_button.setText(self.tr("Recover unsaved input"))
        self._fill_filters()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self.model.layoutChanged.emit()
        self.fit_columns()
        self._update_count()
        if self.editor is not None:
            self.editor.retranslate()

    def fit_columns(self) -> None:
        """Every column but the summary as wide as its header and the rows on screen, none
        wider than COLUMN_MAX_WIDTH or a COLUMN_SHARE of a wider table (cut text: its
        tooltip): a city's long name («Астана қаласы (республикалық маңызы бар қала)») left
        the summary 90 px."""
        widest = max(COLUMN_MAX_WIDTH, self.table.viewport().width() // COLUMN_SHARE)
        for column in range(self.model.columnCount()):
            if column != SUMMARY_COLUMN:
                self.table.resizeColumnToContents(column)
                width = max(self.table.columnWidth(column), self._worded_width(column))
                self.table.setColumnWidth(column, min(width, widest))

    def _worded_width(self, column: int) -> int:
        """A month or a time in words: the widest of the year's, not only of the rows shown."""
        key = COLUMNS[column][0]
        if key not in WORDED:
            return 0
        metrics = self.table.fontMetrics()
        return CELL_PADDING + max(metrics.horizontalAdvance(text)
                                  for text in worded_samples(key, self.ctx.lang))

    def resizeEvent(self, event) -> None:
        """A window made wider (maximized) gives the cut names their room again."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()

    def refresh(self) -> None:
        """Re-read the list (after a save, and after every sync) and the returned notice."""
        self.model.reload()
        self.fit_columns()
        self._update_count()
        self._check_autosaves()
        self._check_returned()

    def _returned_ids(self) -> list[str]:
        """The returned records that wait for this user (forms.scope.returned_to): not the
        ones a region coordinator returned to her districts."""
        kinds = unit_kinds(self.ctx)
        return [r["id"] for r in self.ctx.store.list_records(form=self.form.id,
                                                               status="returned")
                if returned_to(self.ctx.role, kinds.get(r.get("org_unit")))]

    def _check_returned(self) -> None:
        """«2 отчёта возвращены на доработку — открыть» while returned records wait unseen."""
        seen = set((self.ctx.settings_get("returned_seen", {}) or {}).get(self.form.id, []))
        unseen = [rid for rid in self._returned_ids() if rid not in seen]
        self.returned_button.setText(self.tr("%n report(s) returned for changes — open", "",
                                             len(unseen)))
        self.returned_button.setVisible(bool(unseen))

    def show_returned(self) -> None:
        """The notice's «open»: the list filtered to returned records; the notice is seen."""
        seen = dict(self.ctx.settings_get("returned_seen", {}) or {})
        seen[self.form.id] = self._returned_ids()
        self.ctx.settings_set("returned_seen", seen)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData("returned"), 0))
        self.apply_filters()
        self._check_returned()
        if self.model.loaded() == 1:
            self.open_row(0)

    def _fill_filters(self) -> None:
        org, status = self.org_filter.currentData(), self.status_filter.currentData()
        self.org_filter.clear()
        self.org_filter.addItem(self.tr("All org units"), None)
        choices = org_unit_choices(self.ctx, None)
        for code, name in choices:
            self.org_filter.addItem(name, code)
        self.model.unit_names = unit_names(self.ctx) | dict(choices)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in STATUSES:
            self.status_filter.addItem(status_text(code), code)
        self.org_filter.setCurrentIndex(max(self.org_filter.findData(org), 0))
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))

    def _count_in_background(self) -> None:
        from desktop.record_model import count_in_worker
        model = self.model
        if model.known_total() is not None or not getattr(self.ctx.store, "path", None) \
                or getattr(self, "_counting", None) == model.generation:
            return
        self._counting = model.generation
        self.ctx.tasks.start(count_in_worker, str(self.ctx.store.path), model.query_filters(),
                             model.generation, on_done=self._counted)

    def _counted(self, result: tuple[int, int]) -> None:
        count, generation = result
        self.model.set_total(count, generation)

    def export_list(self, path: str | None = None, quiet: bool = False):
        """The records as filtered on screen to .xlsx / .csv / .json."""
        from desktop.export_actions import export_records
        return export_records(self, self.ctx, self.form.id, self.model.query_filters(), path,
                              quiet)

    def apply_filters(self) -> None:
        period = self.period.text().strip()
        self.model.set_filters(search=self.search.text().strip() or None,
                               period=period or None, org_unit=self.org_filter.currentData(),
                               status=self.status_filter.currentData())
        self._update_count()

    def _update_count(self, *_args) -> None:
        self._show_empty_hint()
        total = self.model.known_total()
        self.count_label.setText(self.tr("Showing %1 of %2").replace(
            "%1", str(self.model.loaded())).replace("%2", "…" if total is None else str(total)))
        self._count_in_background()

    def _show_empty_hint(self) -> None:
        """An empty list says why and what to do, instead of an empty grid."""
        empty = self.model.loaded() == 0
        if empty and self.model.query_filters().keys() - {"form"}:
            text = self.tr("No records match the filters. Clear the search or the filters.")
        elif empty:
            text = self.tr("No records yet. Press %1 or «%2» to enter the first one.") \
                .replace("%1", self.new_button.toolTip()) \
                .replace("%2", self.new_button.text().replace("&", ""))
        else:
            text = ""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)

    def focus_search(self) -> None:
        """Ctrl+F: back to the list (if a record is open) and into its search box."""
        if not self.close_editor():  # the user stays with unsaved edits
            return
        self.search.setFocus()
        self.search.selectAll()

    def _records_changed(self, form_id: str) -> None:
        if form_id in (self.form.id, ""):
            if not form_id:  # anything may have changed: the org units too (a login)
                self._fill_filters()
            self.refresh()
            self._reload_editor()

    def _reload_editor(self) -> None:
        """An open record changed elsewhere (a sync, a district mapped onto the server's):
        without unsaved edits the editor shows the stored version, never a stale one."""
        editor = self.editor
        if editor is None or editor.dirty or not editor.record.get("id"):
            return
        stored = self.ctx.store.get_record(editor.record["id"])
        if stored is not None and stored != editor.record:
            editor.load(stored)

    # -- opening records --------------------------------------------------------------------
    def new_record(self) -> None:
        self.show_editor(None)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        record = self.ctx.store.get_record(self.model.record_at(row)["id"])
        self.show_editor(record)

    def open_record(self, record_id: str) -> bool:
        record = self.ctx.store.get_record(record_id)
        if record is None or record.get("form") != self.form.id:
            return False
        self.show_editor(record)
        return True

    def show_editor(self, record: dict | None):
        from desktop.form_editor import FormEditor
        if not self.close_editor():
            return self.editor
        self.editor = FormEditor(self.ctx, self._form_of(record), record, self)
        self.editor.sig_closed.connect(self.close_editor)
        if getattr(self.window(), "main_menu", None) is not None:  # the menu's Ctrl+S saves it
            self.editor.save_shortcut.setEnabled(False)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.editor.first_input().setFocus()
        return self.editor

    def _form_of(self, record: dict | None):
        """The definition a record was entered with (a new record: the latest version, which a
        sync may have brought since this page was built)."""
        from forms import load_form
        version = (record or {}).get("form_version")
        if version is None:
            return load_form(self.form.id)
        if version == self.form.version:
            return self.form
        try:
            return load_form(self.form.id, version=version)
        except (KeyError, ValueError):  # an unknown version: show it with the latest
            return self.form

    def close_editor(self) -> bool:
        """Back to the list; False when the user chose to stay with unsaved edits."""
        if self.editor is None:
            return True
        if not self.editor.confirm_leave():
            return False
        editor, self.editor = self.editor, None
        editor.autosave_now()
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.stack.setCurrentIndex(0)
        self.refresh()
        self.table.setFocus()
        return True

    def _check_autosaves(self) -> None:
        self._pending = [e for e in autosave.pending_autosaves(self.ctx.store, self.form.id)
                         if self.ctx.store.get_record(e["record"]["id"]) is None]
        self.recover_button.setVisible(bool(self._pending))

    def _recover(self) -> None:
        if self._pending:
            editor = self.show_editor(self._pending[0]["record"])
            editor.dirty = True
