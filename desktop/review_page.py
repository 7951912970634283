"""Review page: completeness grid (org unit × month), approve / return, corrections and diffs.

Region and central users approve or return submitted monthly reports with a comment; a
correction of a submitted report needs a reason and becomes a new revision whose per-field
diff every role (the district too) sees under the grid.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.record_diff import flatten, path_label, revision_diffs, show_value, unflatten_into
from desktop.refused_box import refusal_text
from desktop.review_models import (
    REVIEW_ROLES,
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    USER_ROLE,
    CompletenessTableModel,
    DictTableModel,
    completeness_grid,
    due_day,
    months_of_year,
    scope_org_units,
    set_due_day,
    unit_name,
)
from desktop.screen_fit import DIALOG_MIN_WIDTH, narrow_combo

STATUSES = ("missing", "draft", "submitted", "late", "returned", "approved")


class ReviewPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._record: dict | None = None
        self.grid_model = CompletenessTableModel(self)
        self.diff_model = DictTableModel([], self)
        self._build()
        self.retranslate()
        ctx.signals.sig_records_changed.connect(self._on_records_changed)
        ctx.signals.sig_sync_finished.connect(self._on_synced)
        self.refresh()

    def status_text(self, code: str) -> str:
        names = {"missing": self.tr("missing"), "draft": self.tr("draft"),
                 "submitted": self.tr("submitted"), "late": self.tr("late"),
                 "returned": self.tr("returned"), "approved": self.tr("approved"),
                 "not_due": self.tr("not due yet")}
        return names.get(code, code)

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.year_label, self.due_label = QLabel(), QLabel()
        self.year = QSpinBox(minimum=2015, maximum=2100, value=dt.date.today().year)
        self.year.setMinimumWidth(80)
        self.due_day = QSpinBox(minimum=1, maximum=28, value=due_day(self.ctx.store))
        self.year.valueChanged.connect(self.refresh)
        self.due_day.valueChanged.connect(self._on_due_day)
        self.legend = QLabel()  # a line of its own, wrapped: beside the year (kk) ~1300 px
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.year_label, self.year, self.due_label, self.due_day):
            top.addWidget(w)
        top.addStretch(1)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.selectionModel().currentChanged.connect(self._on_cell)
        self.grid.doubleClicked.connect(lambda _i: self.open_record())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)

    def _build_detail(self) -> QWidget:
        box = QWidget()
        self.detail_title, self.detail_text = QLabel(), QLabel()
        self.detail_text.setWordWrap(True)
        self.diff_title = QLabel()
        self.diffs = QTableView()
        self.diffs.setModel(self.diff_model)
        self.diffs.horizontalHeader().setStretchLastSection(True)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(70)
        self.open_button, self.approve_button = QPushButton(), QPushButton()
        self.return_button, self.correct_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_record)
        self.approve_button.clicked.connect(lambda: self.review("approved"))
        self.return_button.clicked.connect(lambda: self.review("returned"))
        self.correct_button.clicked.connect(self.correct)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.correct_button, self.return_button,
                  self.approve_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(box)
        for w in (self.detail_title, self.detail_text, self.diff_title, self.diffs,
                  self.comment):
            layout.addWidget(w)
        layout.addLayout(buttons)
        return box

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year:"))
        self.due_label.setText(self.tr("Reports due by day of next month:"))
        self.legend.setText(" ".join(
            f'<span style="background:{STATUS_COLOURS[s]}">&nbsp;{STATUS_SYMBOLS[s]} '
            f'{self.status_text(s)}&nbsp;</span>' for s in STATUSES))
        self.diff_title.setText(self.tr("Changes after submission"))
        self.comment.setPlaceholderText(self.tr("Comment to the district (required to return)"))
        self.open_button.setText(self.tr("Open report"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return with comment"))
        self.correct_button.setText(self.tr("Correct a value…"))
        self.diff_model.set_headers([
            ("revision", self.tr("Revision")), ("field", self.tr("Field")),
            ("old", self.tr("Was")), ("new", self.tr("Now")), ("editor", self.tr("Editor")),
            ("at", self.tr("When")), ("reason", self.tr("Reason"))])
        self.refresh()

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        store = self.ctx.store
        year = self.year.value()
        self.units, grid = completeness_grid(store, scope_org_units(store, self.ctx.user),
                                             year, self.due_day.value())
        self.grid_model.set_grid(self.units, grid, months_of_year(year), self.ctx.lang,
                                 lambda s: self.status_text(s))
        self._show_record(self._record["id"] if self._record else None)

    def _on_records_changed(self, form_id: str) -> None:
        if form_id in ("", "monthly_report"):
            self.refresh()

    def _on_synced(self, _summary: dict) -> None:
        self.refresh()

    def _on_due_day(self, day: int) -> None:
        set_due_day(self.ctx.store, day)
        self.refresh()

    def _on_cell(self, current, _previous=None) -> None:
        cell = current.data(USER_ROLE) if current.isValid() else None
        self._show_record(cell["record_id"] if cell else None)

    def select_cell(self, unit_id: str, period: str) -> None:
        row = next(i for i, u in enumerate(self.units) if u["id"] == unit_id)
        self.grid.setCurrentIndex(self.grid_model.index(row, int(period[5:7]) - 1))

    def _show_record(self, record_id: str | None) -> None:
        rec = self.ctx.store.get_record(record_id) if record_id else None
        self._record = rec
        can_review = self.ctx.role in REVIEW_ROLES and rec is not None
        self.approve_button.setEnabled(can_review and rec["status"] == "submitted")
        self.return_button.setEnabled(can_review and rec["status"] == "submitted")
        self.correct_button.setEnabled(can_review and rec["status"] != "draft")
        self.open_button.setEnabled(rec is not None)
        if rec is None:
            self.detail_title.setText(self.tr("Select a cell of the grid to see the report."))
            self.detail_text.clear()
            self.diff_model.set_rows([])
            return
        unit = next((u for u in self.units if u["id"] == rec["org_unit"]),
                    {"id": rec["org_unit"]})
        cell = self.grid.currentIndex().data(USER_ROLE) or {}
        late = f" · {self.status_text('late')}" if cell.get("record_id") == rec["id"] \
            and cell.get("late") else ""
        from desktop.dates_text import when_text
        period = when_text(rec["period"], self.ctx.lang)
        self.detail_title.setText(f"<b>{unit_name(unit, self.ctx.lang)} · {period} · "
                                  f"{self.status_text(rec['status'])}{late}</b>")
        parts = []
        if rec.get("justification"):
            parts.append(self.tr("Comment on warnings: %1").replace("%1", rec["justification"]))
        if rec.get("review_comment"):
            parts.append(self.tr("Reviewer's comment: %1").replace("%1", rec["review_comment"]))
        self.detail_text.setText("\n".join(parts))
        self.diff_model.set_rows(revision_diffs(self.ctx.store.revisions(rec["id"]),
                                                self._form(rec), self.ctx.lang))
        self.diffs.resizeColumnsToContents()

    def _form(self, rec: dict):
        try:
            from forms import load_form
            return load_form(rec["form"], version=rec.get("form_version"))
        except Exception:  # noqa: BLE001 - labels fall back to field ids
            return None

    # ---------------------------------------------------------------- actions
    def open_record(self) -> None:
        if self._record:
            self.ctx.signals.sig_open_record.emit(self._record["id"])

    def review(self, status: str) -> bool:
        comment = self.comment.toPlainText().strip()
        if not self._record:
            return False
        if status == "returned" and not comment:
            why = self.tr("Write what the district must fix before returning the report.")
            QMessageBox.warning(self, self.tr("Comment required"), why)
            self.comment.setFocus()  # where the comment is typed, not on the button again
            return False
        try:
            self.ctx.store.set_review(self._record["id"], status, user=self.ctx.username,
                                      comment=comment or None, role=self.ctx.role)
        except Exception as exc:  # noqa: BLE001 - store errors are shown, never swallowed
            QMessageBox.critical(self, self.tr("Could not save the review"),
                                 self._refusal(exc, status))
            return False
        self.comment.clear()
        self.ctx.signals.sig_records_changed.emit(self._record["form"])
        return True

    def _refusal(self, exc: Exception, status: str) -> str:
        """Why the store refused; an approval its findings block names them and what the
        reviewer can do (it said «Not submitted: …» and «VR-02 (warning)» thirty times)."""
        findings = getattr(exc, "findings", None)
        if status != "approved" or not findings:
            return refusal_text(exc, self.ctx.lang)
        from desktop.findings_panel import finding_text
        form = self._form(self._record) if self._record else None
        said = list(dict.fromkeys(finding_text(f, self.ctx.lang, form) for f in findings))
        lines = said[:3] + ([self.tr("… and %1 more").replace("%1", str(len(said) - 3))]
                            if len(said) > 3 else [])
        return self.tr("The report cannot be approved yet:") + "\n" + "\n".join(lines) + \
            "\n" + self.tr("Return it to the district with a comment saying what to correct "
                           "or explain, or correct a value yourself.")

    def correct(self) -> bool:
        if not self._record:
            return False
        dialog = CorrectionDialog(self._record, self._form(self._record), self.ctx.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_correction(*dialog.result_change())

    def apply_correction(self, path: tuple, value, reason: str) -> bool:
        rec = self._record
        data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in rec["data"].items()}
        unflatten_into(data, path, value)
        try:
            self.ctx.store.correct_record(rec["id"], {path[0]: data[path[0]]},
                                          user=self.ctx.username, reason=reason,
                                          role=self.ctx.role)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.critical(self, self.tr("Could not save the correction"),
                                 refusal_text(exc, self.ctx.lang))
            return False
        self.ctx.signals.sig_records_changed.emit(rec["form"])
        return True


class CorrectionDialog(QDialog):
    """Choose one number of a submitted report, type the new value and the reason."""

    def __init__(self, record: dict, form, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a submitted report"))
        self.paths = [p for p, v in flatten(record["data"]).items()
                      if isinstance(v, (int, float)) and not isinstance(v, bool)]
        self.values = flatten(record["data"])
        self.field = QComboBox()
        narrow_combo(self.field)  # its Kazakh field paths: wider than a 1024 px screen
        for p in self.paths:
            self.field.addItem(path_label(p, form, lang))
            self.field.setItemData(self.field.count() - 1, self.field.itemText(
                self.field.count() - 1), Qt.ItemDataRole.ToolTipRole)
        self.value, self.reason = QLineEdit(), QLineEdit()
        self.current = QLabel()
        self.field.currentIndexChanged.connect(self._on_field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form_layout = QFormLayout(self)
        form_layout.addRow(self.tr("Field:"), self.field)
        form_layout.addRow(self.tr("Current value:"), self.current)
        form_layout.addRow(self.tr("New value:"), self.value)
        form_layout.addRow(self.tr("Reason (required):"), self.reason)
        form_layout.addRow(self.buttons)
        self.value.textChanged.connect(self._validate)
        self.reason.textChanged.connect(self._validate)
        self.setMinimumWidth(DIALOG_MIN_WIDTH)
        self._on_field(0)

    def _on_field(self, i: int) -> None:
        if 0 <= i < len(self.paths):
            self.current.setText(show_value(self.values[self.paths[i]]))
        self._validate()

    def _parsed(self):
        text = self.value.text().strip().replace(" ", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() else number

    def _validate(self) -> None:
        ok = bool(self.paths) and self._parsed() is not None and bool(self.reason.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def result_change(self) -> tuple:
        return self.paths[self.field.currentIndex()], self._parsed(), self.reason.text().strip()
