"""FormEditor: one record's screen, rendered from its form definition.

Sections with inputs by field type, labels and help in the current language, inline findings
while typing plus a findings panel, Enter moves to the next field, autosave to the store kv,
Submit disabled while errors remain (warnings need a comment), and for the monthly report
last month's and last year's values beside each numeric input.
"""
from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import event_fill, link_dialog
from desktop.correction import CorrectionActions
from desktop.editor_parts import HistoryHints, RestoreBanner, ReturnBanner, org_unit_choices
from desktop.field_widgets import DistrictInput, FieldInput, make_input
from desktop.findings_panel import FindingsPanel
from desktop.form_actions import FormEditorActions
from desktop.record_ref import RecordChoiceInput, referenced_records
from desktop.roster_editor import RosterEditor

AUTOSAVE_MS = 5000
LABEL_WIDTH = 220
NUMBER_WIDTH = 110  # a figure's input with its last-month hint beside it
VALIDATE_MS = 150


FOCUS_MARK = ("QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QDateEdit:focus "
              "{ border: 2px solid #1565c0; }")


def district_names(ctx) -> list[str]:
    """The districts of the user's region, the user's own first (empty: region unknown)."""
    from desktop.editor_parts import org_unit_name
    user = ctx.user or {}
    try:
        units = ctx.store.org_units(kind="district", region=user.get("region"))
    except Exception:  # noqa: BLE001 - no units: the field stays free text
        return []
    if not user.get("region") or not units:
        return []
    units.sort(key=lambda u: u["id"] != user.get("district"))
    return [org_unit_name(u, ctx.lang) for u in units]


def new_record(form, ctx) -> dict:
    """A new draft; a period form starts at the month now due (the previous month)."""
    from forms.periods import current_period, shift_period
    user = ctx.user or {}
    period = "" if form.date_field else shift_period(current_period(), -1)
    data = {}
    if user.get("district") and any(f.id == "district" and f.type == "text"
                                     for f in form.fields):
        names = district_names(ctx)
        data["district"] = names[0] if names else None
    return {"id": str(uuid.uuid4()), "form": form.id, "form_version": form.version,
            "org_unit": user.get("district") or user.get("region") or "",
            "period": period, "status": "draft",
            "data": {k: v for k, v in data.items() if v}, "justification": None}


PICK_MONTHS = 13  # the month picker offers the month due and the year before it


def month_button(parent, on_pick, lang: str) -> QToolButton:
    """▾ beside the period: the recent months («ноябрь 2026»), the month now due first."""
    from desktop.dates_text import period_text
    from forms.periods import current_period, shift_period
    button = QToolButton(parent)
    button.setText("▾")
    button.setToolTip(QCoreApplication.translate("FormEditor", "Choose the month"))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    due = shift_period(current_period(), -1)
    for back in range(PICK_MONTHS):
        period = shift_period(due, -back)
        menu.addAction(period_text(period, lang)).triggered.connect(
            lambda _c=False, p=period: on_pick(p))
    button.setMenu(menu)
    return button


class FormEditor(CorrectionActions, FormEditorActions, QWidget):
    """Edit one record. Emits sig_saved(record) after a save and sig_closed() on Close."""

    sig_saved = Signal(dict)
    sig_closed = Signal()

    def __init__(self, ctx, form, record: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.form = ctx, form
        self.record = dict(record) if record else new_record(form, ctx)
        self.inputs: dict[str, FieldInput] = {}
        self.labels: dict[str, QLabel] = {}
        self.sections: list[tuple[QGroupBox, Any]] = []
        self.findings: list = []
        self.dirty = False
        # findings show on a field once the user left it, all of them after Submit or for a
        # record saved before (a new form does not greet with a page of errors)
        self.touched: set[str] = set()
        self.show_all = bool(record and record.get("updated_at"))
        self._owner: dict = {}
        self._validate_timer = self._timer(VALIDATE_MS, self.validate, single=True)
        self._autosave_timer = self._timer(AUTOSAVE_MS, self.autosave_now)
        self._build()
        self.load(self.record)
        self._offer_autosave()
        self._autosave_timer.start()
        self.first_input().setFocus()

    def first_input(self) -> QWidget:
        if self.period_edit.isVisibleTo(self) and (not self.record.get("period")
                                                   or not self.record.get("updated_at")):
            self.period_edit.selectAll()  # the proposed month: typing replaces it
            return self.period_edit
        return next(iter(self.inputs.values())).focus_widget()

    def _pick_month(self, period: str) -> None:
        self.period_edit.setText(period)
        self._header_changed()

    def _show_period_words(self) -> None:
        """The month typed or picked, in words; the box keeps (and the record stores) ISO."""
        from desktop.dates_text import period_text
        from forms.periods import period_from_text
        period = period_from_text(self.period_edit.text())
        self.period_words.setText(period_text(period, self.ctx.lang) if period else "")

    def _timer(self, ms: int, slot, single: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        return timer

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status_label = QLabel(self)
        self.banner = RestoreBanner(self)
        self.banner.sig_restore.connect(self._restore_autosave)
        self.return_banner = ReturnBanner(self)
        self.org_combo = QComboBox(self)
        self.period_edit = QLineEdit(self)
        self.period_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,4}-?\d{0,2}"), self.period_edit))
        self.period_edit.setMaximumWidth(100)
        self.period_button = month_button(self, self._pick_month, self.ctx.lang)
        self.period_words = QLabel(self)  # «ноябрь 2024» beside the typed «2024-11»
        self.period_words.setStyleSheet("color: #555;")
        self.period_edit.textChanged.connect(self._show_period_words)
        self.org_label, self.period_label = QLabel(self), QLabel(self)
        self.org_label.setBuddy(self.org_combo)
        self.period_label.setBuddy(self.period_edit)
        self.org_combo.installEventFilter(self)
        self.period_edit.installEventFilter(self)
        self.org_combo.currentIndexChanged.connect(self._header_changed)
        self.period_edit.textEdited.connect(self._header_changed)
        if self.form.date_field:  # the period follows from the date field
            for w in (self.period_edit, self.period_label, self.period_button, self.period_words):
                w.hide()
        head = QHBoxLayout()
        for w in (self.org_label, self.org_combo, self.period_label, self.period_edit,
                  self.period_button, self.period_words):
            head.addWidget(w)
        head.addStretch(1)
        head.addWidget(self.status_label)
        self.history = HistoryHints(self.ctx.store, self.form)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self._build_fields())
        body.addWidget(self._build_side())
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        self.setStyleSheet(FOCUS_MARK)
        self._owner.update({self.period_edit: "period", self.org_combo: "org_unit"})
        box = QVBoxLayout(self)
        for item in (self.title, self.return_banner, self.banner):
            box.addWidget(item)
        box.addLayout(head)
        box.addWidget(body, 1)
        self.retranslate()

    def _build_fields(self) -> QScrollArea:
        host = QWidget()
        col = QVBoxLayout(host)
        for section in self.form.sections:
            group = QGroupBox(host)
            layout = QFormLayout(group)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # a field too wide beside its label goes under it: no sideways scrolling at 1024
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for field in section.fields:
                label, widget = self._build_field(field, group)
                if field.type == "roster":  # the grid takes the full width, label above
                    label.setMinimumWidth(0)
                    label.setMaximumWidth(16777215)
                    layout.addRow(label)
                    layout.addRow(widget)
                else:
                    layout.addRow(label, widget)
            self.sections.append((group, section))
            col.addWidget(group)
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        self.scroll = scroll
        return scroll

    def _build_field(self, field, parent) -> tuple[QLabel, QWidget]:
        districts = district_names(self.ctx) if field.id == "district" else []
        if field.type == "roster":
            widget = RosterEditor(field, self.ctx.lang, parent)
        elif field.type == "text" and districts:
            widget = DistrictInput(field, self.ctx.lang, districts, parent)
        elif (records := referenced_records(self.ctx, field)) is not None:
            widget = RecordChoiceInput(field, self.ctx.lang, records, parent)
        else:
            widget = make_input(field, self.ctx.lang, parent)
        widget.sig_changed.connect(self._changed)
        for key_widget in widget.key_widgets():
            key_widget.installEventFilter(self)
            self._owner[key_widget] = field.id
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setFixedWidth(LABEL_WIDTH)
        label.setBuddy(widget.focus_widget())
        self.inputs[field.id], self.labels[field.id] = widget, label
        hint = self.history.make_label(field, parent, widget)
        if hint is None:
            return label, widget
        row = QWidget(parent)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        if field.type in ("integer", "decimal"):
            widget.setMinimumWidth(NUMBER_WIDTH)  # a narrow window wraps the label instead
        line.addWidget(widget)
        line.addWidget(hint)  # right beside the input, however wide the window
        line.addStretch(1)
        return label, row

    def _build_side(self) -> QWidget:
        side = QWidget(self)
        side.setMinimumWidth(270)  # the fields keep room for the age grid at 1024 px
        side.setMaximumWidth(340)
        self.panel = FindingsPanel(side)
        self.panel.sig_field_activated.connect(self.focus_field)
        self.comment_label = QLabel(side)
        self.comment_label.setWordWrap(True)
        self.comment = QPlainTextEdit(side)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(70)
        self.comment.textChanged.connect(self._changed)
        self.comment_label.setBuddy(self.comment)
        self.save_button, self.submit_button = QPushButton(side), QPushButton(side)
        self.close_button, self.correct_button = QPushButton(side), QPushButton(side)
        self.correct_button.clicked.connect(self._correct_clicked)
        self.save_button.clicked.connect(self.save_draft)
        self.save_shortcut, self.submit_shortcut = (
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for keys, slot in ((QKeySequence.StandardKey.Save, self.save_draft),
                               ("Ctrl+Return", self.request_submit)))
        self.close_shortcut = QShortcut(QKeySequence("Escape"), self, self.close_editor,
                                        context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_button.clicked.connect(self.request_submit)
        self.close_button.clicked.connect(self.close_editor)
        self.message = QLabel(side)
        self.message.setWordWrap(True)
        self.fill_button = event_fill.add_fill_button(self, side)
        self.link_button = link_dialog.add_link_button(self, side)
        self.roster_links = link_dialog.add_roster_links(self)
        box = QVBoxLayout(side)
        box.addWidget(self.panel, 1)
        for extra in (self.fill_button, self.link_button):
            if extra is not None:
                box.addWidget(extra)
        for w in (self.comment_label, self.comment, self.message, self.save_button,
                  self.submit_button, self.correct_button, self.close_button):
            box.addWidget(w)
        if self.form.id == "monthly_report":  # the same report as a workbook to fill offline
            from desktop.export_actions import BLANK_WORKBOOK, export_button
            self.template_button = export_button(self, BLANK_WORKBOOK, self.export_template)
            box.addWidget(self.template_button)
        return side

    def export_template(self, path: str | None = None, quiet: bool = False):
        """The monthly workbook of this org unit and period (reports/template.py)."""
        from desktop.export_actions import export_template
        org = self.org_combo.currentData() or self.record.get("org_unit")
        period = self.period_edit.text().strip() or self.record.get("period")
        return export_template(self, self.ctx, org, period, path, quiet)

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.title.setText(self.form.title.get(lang) or self.form.id)
        for group, section in self.sections:
            group.setTitle(section.title.get(lang) or section.id)
        for fid, label in self.labels.items():
            field = self.form.field(fid)
            text = field.label.get(lang) or fid
            label.setText(text + (" *" if field.required else ""))
            helptext = field.help.get(lang) or ""
            label.setToolTip(helptext)
            self.inputs[fid].focus_widget().setWhatsThis(helptext)
            self.inputs[fid].retranslate(lang)
        self.org_label.setText(self.tr("&Org unit"))
        self.period_label.setText(self.tr("&Period"))
        self.period_edit.setPlaceholderText(self.tr("YYYY-MM"))
        self._show_period_words()
        self.comment_label.setText(self.tr("Comment on warnings (required to submit with warnings)"))
        self.save_button.setText(self.tr("Save &draft"))
        self.submit_button.setText(self.tr("&Submit"))
        self.close_button.setText(self.tr("Close"))
        event_fill.retranslate(self.fill_button)
        link_dialog.retranslate(self.link_button, *self.roster_links)
        self._show_correct_button()
        self.banner.retranslate()
        self.history.retranslate(lang)
        self._fill_org_units()
        self._show_status()
        self.panel.set_findings(self.shown_findings(), lang, self.field_labels(), form=self.form)

    def _fill_org_units(self) -> None:
        current = self.org_combo.currentData() or self.record.get("org_unit")
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for code, name in org_unit_choices(self.ctx, current):
            self.org_combo.addItem(name, code)
        self.org_combo.setCurrentIndex(max(self.org_combo.findData(current), 0))
        self.org_combo.blockSignals(False)

    def _show_status(self) -> None:
        from desktop.record_model import status_text
        status = self.record.get("status") or "draft"
        self.status_label.setText(self.tr("Status: %1").replace("%1", status_text(status)))
        self.return_banner.show_for(self.record, self.ctx.lang)
