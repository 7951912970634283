"""ImportDialog: File → Import… — a preview of a list, workbook or JSON file before it is
imported: the sheet of a workbook (desktop/import_sheets.py), the header row found, the
column mapping with a drop-down per column (a correction reads the file again and is
remembered for the next file with the same header), the rows to add, the values to change,
the skipped lines with their reason, the findings; Import or Cancel. Reading and importing
run off the GUI thread (desktop/import_jobs.py through desktop/tasks.py) with a progress bar;
Cancel stops the reading and nothing is imported."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
)

from desktop.import_jobs import (
    ImportSpec,
    Plan,
    commit_plan,
    kind_of_file,
    read_plan,
)
from desktop.import_texts import errors_first, findings_tab_text, in_words, pick_file, problem_text
from desktop.record_diff import value_text
from desktop.review_models import worker_store_path
from desktop.screen_fit import resize_within_screen


class ImportDialog(QDialog):
    """`ImportDialog(ctx, form_id, path)`; `start()` reads the preview."""

    def __init__(self, ctx, form_id: str, path: str, parent=None) -> None:
        super().__init__(parent)
        from forms import load_form
        self.ctx, self.form, self.path = ctx, load_form(form_id), str(path)
        self.plan: Plan | None = None
        self.task = None
        self.mapping: dict | None = None        # the person's correction (1-based col -> field)
        self.committing = False
        self.reason: str | None = None   # asked when the file corrects a submitted record
        self.setObjectName("import_dialog")
        self._build()
        self.retranslate()
        resize_within_screen(self, 980, 680)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label, self.header_label = QLabel(self), QLabel(self)
        self.values_label, self.status = QLabel(self), QLabel(self)
        for label in (self.values_label, self.status):
            label.setWordWrap(True)
        self.org_unit, self.period = QComboBox(self), QLineEdit(self)
        from desktop.editor_parts import org_unit_choices
        for code, name in org_unit_choices(self.ctx, (self.ctx.user or {}).get("district")):
            self.org_unit.addItem(name, code)
        self.period.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{4}-(0[1-9]|1[0-2])"), self.period))
        self.period.setMaximumWidth(100)
        self.org_unit.activated.connect(lambda _i: self.start())
        self.period.editingFinished.connect(self._period_changed)
        self.target = QFormLayout()
        self.org_unit_label, self.period_label = QLabel(self), QLabel(self)
        self.target.addRow(self.org_unit_label, self.org_unit)
        self.target.addRow(self.period_label, self.period)
        from desktop.import_sheets import SheetBox
        self.sheet_box = SheetBox(self._sheet_changed, self.target, self)
        from desktop.import_values import ListValues
        self.list_values = ListValues(self.start, self)
        self.list_values.hide()
        from desktop.import_columns import ColumnMap
        self.columns = ColumnMap(self._mapping_changed, self)
        self.tabs = QTabWidget(self)
        self.add_view = QTableView(self)
        self.add_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.change_list, self.skipped_list = QListWidget(self), QListWidget(self)
        self.problem_list = QListWidget(self)
        self.problem_list.setWordWrap(True)
        for w in (self.add_view, self.change_list, self.skipped_list, self.problem_list):
            self.tabs.addTab(w, "")
        self._build_buttons()
        self._lay_out()

    def _build_buttons(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.import_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.cancel)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        left = QVBoxLayout()
        for w in (self.file_label, self.header_label, self.values_label):
            left.addWidget(w)
        left.addLayout(self.target)
        left.addWidget(self.list_values)
        left.addStretch(1)
        top.addLayout(left, 1)
        top.addWidget(self.columns, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        box = QVBoxLayout(self)
        box.addLayout(top, 2)
        box.addWidget(self.tabs, 3)
        box.addWidget(self.status)
        box.addLayout(buttons)
        from reports.headers import ROSTERS
        from reports.list_names import LIST_FORMS
        is_list = kind_of_file(self.path) != "json" and self.form.id in (*ROSTERS, *LIST_FORMS)
        for w in (self.org_unit, self.org_unit_label, self.columns):
            w.setVisible(is_list)
        dated = is_list or (kind_of_file(self.path) != "json" and self.form.id == "monthly_report")
        for w in (self.period, self.period_label):   # a district table's month (wide_no_period)
            w.setVisible(dated)
        box.setStretch(0, 2 if is_list else 0)  # no column table: the records get the room

    def retranslate(self) -> None:
        title = self.form.title.get(self.ctx.lang) or self.form.id
        self.setWindowTitle(self.tr("Import: %1").replace("%1", title))
        self.file_label.setText(self.tr("File: %1").replace("%1", Path(self.path).name))
        self.org_unit_label.setText(self.tr("Org unit:"))
        self.period_label.setText(self.tr("Period:"))
        self.sheet_box.retranslate()
        self.period.setPlaceholderText(self.tr("YYYY-MM"))
        self.period.setToolTip(self.tr("YYYY-MM; empty: the month of the list's date"))
        self.columns.retranslate()
        self.import_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_counts()

    def _show_counts(self) -> None:
        plan = self.plan or Plan("list")
        texts = [self.tr("To add: %1").replace("%1", str(len(plan.add))),
                 self.tr("To change: %1").replace("%1", str(len(plan.change))),
                 self.tr("Skipped: %1").replace("%1", str(len(plan.skipped))),
                 findings_tab_text(len(plan.problems), len(plan.errors))]
        for i, text in enumerate(texts):
            self.tabs.setTabText(i, text)

    # -- reading ---------------------------------------------------------------------------
    def spec(self) -> ImportSpec:
        period = self.period.text() if self.period.hasAcceptableInput() else None
        return ImportSpec(worker_store_path(self.ctx.store), self.form.id, self.path,
                          org_unit=self.org_unit.currentData(), period=period,
                          mapping=self.mapping, sheet=self.sheet_box.chosen,
                          set_values=self.list_values.values() or None,
                          lang=self.ctx.lang, reason=self.reason,
                          user=self.ctx.username or getattr(self.ctx.store, "user", ""))

    def _period_changed(self) -> None:
        if self.period.hasAcceptableInput() or not self.period.text().strip():
            self.start()

    def _sheet_changed(self) -> None:
        """Another sheet chosen: read it with the columns as its own header names them."""
        self.mapping = None
        self.start()

    def start(self) -> None:
        """Read (or read again) the preview in a worker."""
        self._run(read_plan, self._on_plan)

    def _run(self, job, on_done) -> None:
        if self.task is not None:
            self.task.cancel()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Importing…") if self.committing
                            else self.tr("Reading the file…"))
        self.task = self.ctx.tasks.start(job, self.spec(), on_done=on_done,
                                         on_error=self._on_error, on_progress=self._on_progress)

    def _mine(self) -> bool:
        """False for the late answer of a task that was replaced by a newer one."""
        sender = self.sender()
        return sender is None or self.task is None or sender is self.task.signals

    def _on_progress(self, done: int, _total: int, _text: str) -> None:
        self.status.setText(self.tr("Rows read: %1").replace("%1", str(done)))

    def _on_error(self, exc: BaseException) -> None:
        if not self._mine():
            return
        from reports.intake import ImportCancelled
        committing, self.task, self.committing = self.committing, None, False
        self.progress.hide()
        if committing and getattr(exc, "code", "") == "reason_required":
            from desktop.correction import ask_import_reason
            said = in_words(str(exc), self.ctx.lang, self._unit_names())  # no codes, months
            self.reason = ask_import_reason(self, said)
            if self.reason:
                return self.commit()
            self.import_button.setEnabled(True)  # the preview stands: import when ready
        if isinstance(exc, ImportCancelled):
            self.status.setText(self.tr("Cancelled; nothing was imported."))
            self.reject()
            return
        self.status.setText(self.tr("Nothing was imported: %1").replace(
            "%1", in_words(str(exc), self.ctx.lang, self._unit_names())))
        if getattr(exc, "sheets", None):     # a list on another sheet: the box to choose it
            self.sheet_box.show_sheets(exc.sheets, self.sheet_box.chosen)
        self.problem_list.clear()
        self.problem_list.addItems([problem_text(p, self.ctx.lang)
                                    for p in getattr(exc, "problems", [])
                                    if isinstance(p, dict)])

    def _on_plan(self, plan: Plan) -> None:
        if not self._mine():
            return
        self.task, self.plan = None, plan
        self.progress.hide()
        if plan.remembered and self.mapping is None:
            self.mapping = dict(plan.mapping or {})
        self.sheet_box.show_sheets(plan.sheets, plan.sheet, plan.every_sheet)
        self._fill(plan)
        errors = len(plan.errors)
        self.import_button.setEnabled(not errors and bool(plan.add or plan.change))
        self.status.setText(self.tr("Errors: %1 — correct the file; nothing will be imported.")
                            .replace("%1", str(errors)) if errors else
                            self.tr("Check the preview, then press Import."))

    # -- showing the preview ---------------------------------------------------------------
    def _fill(self, plan: Plan) -> None:
        header = self.tr("Header row: %1").replace("%1", str(plan.header_row)) \
            if plan.header_row else ""
        if plan.remembered:
            header += " · " + self.tr("columns as chosen at the last import")
        self.header_label.setText(header)
        self.values_label.setText("; ".join(
            f"{self._field_name(k)}: {self._value_said(k, v)}" for k, v in plan.values.items()))
        self._fill_columns(plan)
        if plan.kind == "list":
            self.list_values.show_for(self.roster(), {c.field for c in plan.columns if c.field},
                                      self.ctx.lang)
        self._fill_rows(plan)
        self.change_list.clear()
        self.change_list.addItems(plan.change)
        self.skipped_list.clear()
        self.skipped_list.addItems([s.line(self.ctx.lang) for s in plan.skipped])
        self.problem_list.clear()
        offered = set(self.list_values.combos) if plan.kind == "list" else set()
        names = self._unit_names()
        self.problem_list.addItems([problem_text(p, self.ctx.lang, offered, names)
                                    for p in errors_first(plan.problems)])
        self._show_counts()
        if plan.errors:
            self.tabs.setCurrentWidget(self.problem_list)

    def _value_said(self, fid: str, value) -> str:
        """A value for the whole list in words: the list's month «ноябрь 2024», a choice's
        label."""
        if fid == "period":
            from desktop.dates_text import when_text
            return when_text(str(value or ""), self.ctx.lang)
        return value_text(value, (fid,), self.form, self.ctx.lang)

    def _field_name(self, fid: str) -> str:
        if fid == "period":                      # a list's month, named in its title
            return self.tr("Period")
        if self.form.has_field(fid):
            f = self.form.field(fid)
            return f.label.get(self.ctx.lang) or f.label.get("ru") or fid
        return fid

    def roster(self):
        from reports.headers import ROSTERS
        return self.form.field(ROSTERS[self.form.id][0]) if self.form.id in ROSTERS else None

    def _fill_columns(self, plan: Plan) -> None:
        """The file's columns with their drop-downs: a roster's columns for an attendance
        list, the form's fields for a district's own records list."""
        from desktop.import_columns import choices_of
        roster = self.roster()
        fields = roster.columns if roster is not None else self.form.fields
        self.columns.show_columns(plan.columns if plan.kind == "list" else [],
                                  choices_of(fields, self.ctx.lang),
                                  set(self.list_values.values()), plan.remembered)

    def column_combo(self, header: str) -> QComboBox | None:
        """The drop-down of the file's column `header` (tests and the screenshot script)."""
        return self.columns.combo(header)

    def _mapping_changed(self, column, field: str | None) -> None:
        """A column's drop-down changed: read the file again with the corrected mapping. An
        attendance list's whole mapping is remembered for its header (reports.import_memory);
        a records list takes the person's choices as `esep import --map COLUMN=FIELD` does
        (its reader looks for the header with them: a whole mapping by number would name
        fields in a title row above the header too)."""
        from desktop.import_columns import map_key, names_column
        if self.plan is None:
            return
        if self.roster() is not None:
            self.mapping = self.columns.chosen()
        else:
            kept = {k: f for k, f in (self.mapping or {}).items() if not names_column(k, column)}
            self.mapping = {**kept, map_key(column, self.plan.columns): field}
        self.start()

    def _fill_rows(self, plan: Plan) -> None:
        roster = self.roster()
        if roster is not None and plan.kind == "list":
            from desktop.roster_model import RosterTableModel
            self.add_view.setModel(RosterTableModel(roster.columns, self.ctx.lang, plan.add,
                                                    parent=self.add_view))
        else:
            from desktop.review_models import DictTableModel
            model = DictTableModel([("org_unit", self.tr("Org unit")),
                                    ("period", self.tr("Period")),
                                    ("status", self.tr("Status")),
                                    *self._figure_columns(plan.add)], self.add_view)
            model.set_rows(self._shown(plan.add))
            self.add_view.setModel(model)
        self.add_view.resizeColumnsToContents()

    def _shown(self, rows: list[dict]) -> list[dict]:
        """New records as a person reads them: the org unit's name, the month, the status and
        the choices in words."""
        from desktop.dates_text import when_text
        from desktop.record_model import status_text
        names, lang = self._unit_names(), self.ctx.lang
        return [{**{k: value_text(v, (k,), self.form, lang) for k, v in r.items()},
                 "org_unit": names.get(r.get("org_unit"), r.get("org_unit")),
                 "period": when_text(r.get("period") or "", lang),
                 "status": status_text(r["status"]) if r.get("status") else None}
                for r in rows]

    def _unit_names(self) -> dict[str, str]:
        """The org units' names in the person's language, by id."""
        return {u["id"]: u.get(f"name_{self.ctx.lang}") or u.get("name_ru") or u["id"]
                for u in self.ctx.store.org_units()}

    def _figure_columns(self, rows: list[dict]) -> list[tuple[str, str]]:
        """The new records' values, one column each, headed by the field's label."""
        from forms.messages import field_label
        keys = dict.fromkeys(k for row in rows for k in row
                             if k not in ("org_unit", "period", "status"))
        return [(k, field_label(self.form, k, self.ctx.lang)) for k in keys]

    # -- importing -------------------------------------------------------------------------
    def commit(self) -> None:
        self.committing = True
        self._run(commit_plan, self._on_committed)

    def _on_committed(self, plan: Plan) -> None:
        if not self._mine():
            return
        self.task, self.committing, self.plan = None, False, plan
        self.progress.hide()
        self.ctx.signals.sig_records_changed.emit(self.form.id)
        self.accept()

    def cancel(self) -> None:
        """Cancel the reading or the import under way (nothing is imported), else close."""
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()


def open_import(window, form_id: str | None = None, path: str | None = None):
    """File → Import…: choose a file, then the preview of it for the list on screen (or a
    participant list when no list is shown); a survey's export on a survey's page, a list
    of organizations on the registry's: their own import's preview (desktop/survey_dialog.py,
    desktop/registry_dialog.py)."""
    from desktop.registry_dialog import dialog_for
    page = window.current_page()
    form_id = form_id or getattr(getattr(page, "form", None), "id", None) or "focus_group"
    path = path or pick_file(window)
    if not path:
        return None
    dialog = dialog_for(form_id, path)(window.ctx, form_id, path, window)
    dialog.start()
    dialog.open()
    return dialog
