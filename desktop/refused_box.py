"""The Sync page's «Rejected by the server» list and what a person does with a refused record:
open it to fix it, send it again unchanged (store.refused.resend_refused, as `esep resend`),
move it to another org unit (MoveDialog: the units the user may hold its form under,
store.orgunits.refile_units, then refile_refused, as `esep refile` — a submitted record the
server never accepted too, whose editor is read-only) or drop its change (store.refused.
drop_refused, as `esep drop`: a record the server never had is removed here, one it holds
takes back the server's copy), asked first. Store calls are fast: on the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.review_models import USER_ROLE, DictTableModel, unit_name
from desktop.screen_fit import DIALOG_MIN_WIDTH, say_wrapped


def refusal_text(exc: Exception, lang: str) -> str:
    """A store refusal (refile_*, refused_none, drop_*, a duplicate month, …) in `lang`."""
    from forms.messages import has_message, message_text
    from store import error_text

    code, params = getattr(exc, "code", None), dict(getattr(exc, "params", None) or {})
    if not code or not params or not has_message(code):
        return error_text(exc, lang)
    if "status" in params:
        params["status"] = message_text(f"cli_status_{params['status']}", lang)
    return message_text(code, lang, params)


class MoveDialog(QDialog):
    """«Move to another unit…»: a refused record and the units it may go to; `moved` is the
    stored record after a move, else None. A refusal is said here and the dialog stays."""

    def __init__(self, ctx, record: dict, what: str, parent=None) -> None:
        super().__init__(parent)
        from store.orgunits import refile_units
        self.ctx, self.record, self.moved = ctx, record, None
        self.setObjectName("move_refused")
        self.setWindowTitle(self.tr("Move to another unit"))
        units = [u for u in refile_units(ctx.store, record["form"], ctx.user or {})
                 if u["id"] != record["org_unit"]]
        self.heading, self.error, self.units = QLabel(self), QLabel(self), QComboBox(self)
        for unit in units:
            self.units.addItem(f"{unit_name(unit, ctx.lang)} ({unit['id']})", unit["id"])
        self.heading.setText(
            self.tr("Move %1 to:").replace("%1", what) if units else
            self.tr("No other org unit you may keep this form under: open the record or "
                    "drop its change."))
        self.units.setVisible(bool(units))
        for label in (self.heading, self.error):
            label.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Move"))
        self.ok.setEnabled(bool(units))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        for w in (self.heading, self.units, self.error, buttons):
            box.addWidget(w)
        self.setMinimumWidth(DIALOG_MIN_WIDTH)

    def accept(self) -> None:
        from store import StoreError
        from store.orgunits import refile_refused
        unit = self.units.currentData()
        if not unit:
            return
        try:
            self.moved = refile_refused(self.ctx.store, self.record["id"], unit,
                                        user=self.ctx.username, me=self.ctx.user or {})
        except StoreError as exc:
            say_wrapped(self.error, refusal_text(exc, self.ctx.lang))
            return
        super().accept()


def drop_question(parent, ctx, record_id: str, what: str) -> QMessageBox:
    """The question before a drop: what happens to `what` (removed, or the server's copy back).
    Raises the store's refusal when there is nothing to drop."""
    from store.refused import DROPPED_NEW, drop_outcome
    outcome = drop_outcome(ctx.store, record_id)
    if outcome["outcome"] == DROPPED_NEW:
        text = QCoreApplication.translate(
            "RejectedBox", "The server never had %1. Drop it? It is removed from this "
            "computer; its history keeps it as deleted.").replace("%1", what)
    else:
        text = QCoreApplication.translate(
            "RejectedBox", "Drop the refused change of %1? Its changes not accepted by the "
            "server are discarded, and the server's copy (version %2) comes back.") \
            .replace("%1", what).replace("%2", str(outcome["version"]))
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("RejectedBox", "Drop the refused change"),
                      text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("RejectedBox", "Drop"),
                  QMessageBox.ButtonRole.DestructiveRole).setObjectName("drop")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("RejectedBox", "Cancel"))
    box.setDefaultButton(cancel)
    box.setObjectName("confirm_drop")
    return box


class RejectedBox(QGroupBox):
    """The list of refused records with Open / Send again / Move… / Drop…; sig_changed(queued)
    after the store changed (queued: a change waits to be sent)."""

    sig_changed = Signal(bool)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DictTableModel([], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button, self.resend_button = QPushButton(), QPushButton()
        self.move_button, self.drop_button = QPushButton(), QPushButton()
        row = QGridLayout()  # two by two: in one row (ru) the page outgrew a 1024 px screen
        for n, (button, slot) in enumerate(((self.open_button, self.open_selected),
                                            (self.resend_button, self.resend_selected),
                                            (self.move_button, self.move_selected),
                                            (self.drop_button, self.drop_selected))):
            button.clicked.connect(slot)
            row.addWidget(button, n // 2, n % 2)
        row.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Rejected by the server"))
        self.open_button.setText(self.tr("Open the record to fix it"))
        self.resend_button.setText(self.tr("Send again"))
        self.move_button.setText(self.tr("Move to another unit…"))
        self.drop_button.setText(self.tr("Drop…"))
        self.model.set_headers([
            ("what", self.tr("Record")), ("reasons", self.tr("Why it was rejected"))])

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return index.data(USER_ROLE) if index.isValid() else None

    def open_selected(self) -> None:
        row = self.selected()
        if row:
            self.ctx.signals.sig_open_record.emit(row["record_id"])

    def resend_selected(self) -> bool:
        row = self.selected()
        if not row:
            return False
        from store.refused import resend_refused
        resend_refused(self.ctx.store, row["record_id"])
        self._changed(row, queued=True)
        return True

    def move_selected(self) -> bool:
        row = self.selected()
        if not row or not row.get("record"):
            return False
        dialog = MoveDialog(self.ctx, row["record"], row["what"], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._changed(row, queued=True)
        return True

    def drop_selected(self) -> bool:
        from store import StoreError
        from store.refused import drop_refused
        row = self.selected()
        if not row:
            return False
        try:
            box = drop_question(self, self.ctx, row["record_id"], row["what"])
            box.exec()
            if box.clickedButton() is None or box.clickedButton().objectName() != "drop":
                return False
            drop_refused(self.ctx.store, row["record_id"], user=self.ctx.username)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Not dropped"), refusal_text(exc, self.ctx.lang))
            return False
        self._changed(row, queued=False)
        return True

    def _changed(self, row: dict, *, queued: bool) -> None:
        if row.get("record"):
            self.ctx.signals.sig_records_changed.emit(row["record"].get("form", ""))
        self.sig_changed.emit(queued)
