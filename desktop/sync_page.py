"""Sync page: Sync now / Cancel with progress (bytes, records), history, parked rejections
(desktop/refused_box.py: open, resend, move to another unit, drop), conflicts, automatic / manual mode with a background probe, and a
reminder when a coordinator has not synced for 7 days. Every network call runs in a task on
its own SQLite connection, so the window never freezes."""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.bundle_box import BundleBox
from desktop.refused_box import RejectedBox
from desktop.review_models import USER_ROLE, DictTableModel, unit_name, worker_store_path
from desktop.said_label import SaidLabel
from desktop.sync_jobs import (
    client_spec,
    days_since_sync,
    error_text,
    probe_loop,
    run_sync,
    sync_history,
)
from desktop.sync_mode import fill_sync_modes, is_automatic, set_sync_mode, show_sync_mode

translate = QCoreApplication.translate

REMIND_DAYS = 7
LoginDialogCode = QDialog.DialogCode


class SyncPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = self.watch_task = self.login_dialog = None
        self.history = DictTableModel([], self)
        self.conflicts = DictTableModel([], self)
        self._build()
        ctx.connection.sig_changed.connect(self._connection_changed)
        ctx.signals.sig_sync_requested.connect(self.sync_requested)
        self.retranslate()
        self.apply_mode()

    def _connection_changed(self, _state: str) -> None:
        if self.isVisible():  # a hidden page shows the state when it is shown (refresh)
            self._show_state()

    @property
    def online(self) -> bool | None:
        """The one connection state (ctx.connection), as the status bar shows it too."""
        return self.ctx.connection.online

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.state, self.reminder, self.mode_label = QLabel(), QLabel(), QLabel()
        self.reminder.setStyleSheet("background:#fff2cc; padding:6px; border:1px solid #e0c060")
        self.reminder.setWordWrap(True)
        self.mode = QComboBox()
        fill_sync_modes(self.mode, self.ctx)
        self.mode.currentIndexChanged.connect(
            lambda _i: set_sync_mode(self.ctx, self.mode.currentData()))
        self.ctx.signals.sig_sync_mode_changed.connect(self._on_mode)
        self.sync_button, self.cancel_button = QPushButton(), QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.bar, self.bar_text = QProgressBar(), SaidLabel()
        for label in (self.state, self.bar_text):  # a file's whole path, a server's answer
            label.setWordWrap(True)
        self.forms_notice = QLabel()  # a published form this program is too old for
        self.forms_notice.setWordWrap(True)
        self.forms_notice.hide()
        self.bundles = BundleBox(self.ctx, self.bar_text, self)  # Save for USB / Load reply
        self.bar.setRange(0, 1)
        top, second = QHBoxLayout(), QHBoxLayout()  # two rows: the page fits 1024 px
        for w in (self.sync_button, self.cancel_button, self.bar):
            top.addWidget(w)
        for w in (self.mode_label, self.mode):
            second.addWidget(w)
        second.addStretch(1)
        second.addWidget(self.bundles)
        self._build_tables()
        self.bundles.sig_applied.connect(self.refresh)
        layout = QVBoxLayout(self)
        for w in (self.state, self.reminder):
            layout.addWidget(w)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.bar_text)
        layout.addWidget(self.forms_notice)
        layout.addWidget(self.conflicts_box, 1)
        layout.addWidget(self.parked_box, 1)
        layout.addWidget(self.history_box, 2)

    def _build_tables(self) -> None:
        self.history_box, self.conflicts_box = QGroupBox(), QGroupBox()
        self.parked_box = RejectedBox(self.ctx, self)
        self.parked, self.parked_view = self.parked_box.model, self.parked_box.view
        self.parked_box.sig_changed.connect(self._parked_changed)
        self.history_view = self._table(self.history, self.history_box)
        self.conflicts_view = self._table(self.conflicts, self.conflicts_box)
        self.resolve_button = QPushButton()
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.conflicts_view.doubleClicked.connect(lambda _i: self.resolve_selected())
        row = QHBoxLayout()
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        self.conflicts_box.layout().addLayout(row)

    @staticmethod
    def _table(model, box: QGroupBox) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(box).addWidget(view)
        return view

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.mode_label.setText(self.tr("Sync:"))
        fill_sync_modes(self.mode, self.ctx)
        self.history_box.setTitle(self.tr("History"))
        self.conflicts_box.setTitle(self.tr("Conflicts"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.bundles.retranslate()
        self.parked_box.retranslate()
        self.bar_text.retranslate()  # the last message, in the new language
        self.history.set_headers([
            ("started", self.tr("Started")), ("outcome_text", self.tr("Outcome")),
            ("pushed", self.tr("Sent")), ("pulled", self.tr("Received")),
            ("conflicts", self.tr("Conflicts")), ("rejected", self.tr("Rejected")),
            ("traffic", self.tr("Traffic"))])
        self.conflicts.set_headers([
            ("what", self.tr("Record")), ("kind_text", self.tr("Kind"))])
        self.refresh()

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        store, lang = self.ctx.store, self.ctx.lang
        outcomes = {"ok": self.tr("done"), "conflicts": self.tr("done, needs a person"),
                    "failed": self.tr("failed"), "cancelled": self.tr("cancelled"),
                    None: self.tr("running")}
        rows = sync_history(store)
        from desktop.server_errors import code_text
        for r in rows:
            r["outcome_text"] = outcomes.get(r["outcome"], r["outcome"])
            if r["outcome"] == "failed":  # why, in the user's language
                r["outcome_text"] += ": " + (code_text(r["error_code"], lang)
                                             if r["error_code"] else self.tr("reason unknown"))
            r["traffic"] = "" if r["bytes"] is None else \
                self.tr("%1 KB").replace("%1", f"{r['bytes'] / 1024:.1f}")
        self.history.set_rows(rows)
        from store.sync_state import conflicts, parked
        what = _describer(store, lang)
        self.parked.set_rows([{**p, "what": what(p.get("record"), p["record_id"]),
                               "reasons": error_text(p["errors"], lang)}
                              for p in parked(store)])
        kinds = {"natural_key": self.tr("same report made on two devices"),
                 "version": self.tr("changed here and on the server")}
        self.conflicts.set_rows([{**c, "what": what(c["mine"], c["record_id"]),
                                  "kind_text": kinds.get(c["kind"], c["kind"])}
                                 for c in conflicts(store)])
        for view in (self.history_view, self.parked_view, self.conflicts_view):
            view.resizeColumnsToContents()
        self._show_state()

    def _show_state(self) -> None:
        spec, connection = client_spec(self.ctx), self.ctx.connection
        if spec is None:
            text = self.tr("Working offline: no server is set up (Settings → server).")
        else:
            connection.set_server(spec["server"])
            text = f"● {connection.text()} — {spec['server']}"
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {connection.colour()};")
        days = days_since_sync(self.ctx.store)
        remind = self.ctx.role in ("district", "region") and spec is not None and (
            days is None or days >= REMIND_DAYS)
        self.reminder.setVisible(remind)
        if remind:
            text = self.tr("You have not synced for %1 days: connect and press Sync now.")
            self.reminder.setText(text.replace("%1", str(days) if days is not None else "≥ 7"))

    # ---------------------------------------------------------------- sync
    def sync_now(self) -> bool:
        spec = client_spec(self.ctx)
        if spec is None:  # say why nothing happens, and the two ways that work
            self.bar_text.say(self._no_server_text)
            return False
        if self.task is not None:
            return False
        self.stop_watch()  # one sync at a time; the watch restarts when this one ends
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)
        self.bar_text.say(lambda: self.tr("Connecting…"))
        self.task = self.ctx.tasks.start(
            run_sync, worker_store_path(self.ctx.store), spec, on_done=self._on_synced,
            on_error=self._on_failed, on_progress=self._on_progress)
        return True

    def _no_server_text(self) -> str:
        text = self.tr("No server is set up, so there is nothing to sync with: press «%1» "
                       "in %2, or take the changes on a USB stick with «%3».")
        connect = translate("SettingsPage", "&Connect to a server…").replace("&", "")
        return (text.replace("%1", connect).replace("%2", translate("MainWindow", "Settings"))
                .replace("%3", self.bundles.save_button.text()))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.bar_text.say(lambda: self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        info = json.loads(text or "{}")
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        stage = {"pull": self.tr("receiving"), "push": self.tr("sending")}.get(
            info.get("stage"), "")
        self.bar_text.say(lambda:
            self.tr("%1: %2 records · %3 KB sent · %4 KB received")
            .replace("%1", stage).replace("%2", str(done))
            .replace("%3", f"{info.get('up', 0) / 1024:.1f}")
            .replace("%4", f"{info.get('down', 0) / 1024:.1f}"))

    def _finish(self, ok: bool) -> None:
        """A finished sync fills the bar; a failed or cancelled one empties it."""
        self.task = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
        self.apply_mode()

    def _on_synced(self, summary: dict) -> None:
        self._finish(True)
        self.ctx.connection.synced()
        self.bar_text.say(lambda:
            self.tr("Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB")
            .replace("%1", str(summary["pushed"])).replace("%2", str(summary["pulled"]))
            .replace("%3", str(summary["conflicts"])).replace("%4", str(summary["rejected"]))
            .replace("%5", f"{(summary['bytes_up'] + summary['bytes_down']) / 1024:.1f}"))
        self._say_held_back(summary.get("forms_held") or [])
        self.refresh()
        self.ctx.signals.sig_sync_finished.emit(summary)
        self.bundles.register_key()

    def _say_held_back(self, held: list[dict]) -> None:
        """Why a form the centre published is not used yet (the engine is too old)."""
        from forms.published import held_back_text
        self.forms_notice.setText("\n".join(held_back_text(h, self.ctx.lang) for h in held))
        self.forms_notice.setVisible(bool(held))

    def _on_failed(self, exc: BaseException) -> None:
        from desktop.server_errors import code_of, error_message
        self._finish(False)
        code = code_of(exc)
        if code == "sync_cancelled":
            self.bar_text.say(lambda: self.tr("Cancelled; what was already exchanged is kept."))
        else:
            self.ctx.connection.from_error(exc)
            self.bar_text.say(lambda: self.tr("Sync failed: %1").replace(
                "%1", error_message(exc, self.ctx.lang)))
        self.refresh()
        self.ctx.signals.sig_sync_finished.emit({"error": str(exc), "code": code})
        self._login_if_needed(exc)

    # ---------------------------------------------------------------- login
    def _login_if_needed(self, exc: BaseException) -> None:
        """A 401: ask for user and password; the sync runs again after the login."""
        if type(exc).__name__ != "AuthError" or self.login_dialog is not None:
            return
        from desktop.login_dialog import LoginDialog
        spec = client_spec(self.ctx) or {}
        self.login_dialog = LoginDialog(self.ctx, spec.get("server", ""),
                                        spec.get("user", ""), parent=self)
        self.login_dialog.finished.connect(self._login_finished)
        self.login_dialog.open()

    def _login_finished(self, result: int) -> None:
        self.login_dialog = None
        if result == LoginDialogCode.Accepted:
            self.sync_requested()

    def sync_requested(self) -> None:
        """Sync now with what is set up now (a new server, a new token)."""
        self.stop_watch()
        self._show_state()
        self.sync_now()

    # ---------------------------------------------------------------- automatic mode
    def _on_mode(self, _mode: str) -> None:
        show_sync_mode(self.mode, self.ctx)
        self.apply_mode()

    def apply_mode(self) -> None:
        spec = client_spec(self.ctx)
        if is_automatic(self.ctx) and spec is not None:
            if self.watch_task is None:
                self.watch_task = self.ctx.tasks.start(
                    probe_loop, worker_store_path(self.ctx.store), spec,
                    on_progress=self._on_probe, on_error=self._on_watch_error)
        else:
            self.stop_watch()

    def stop_watch(self) -> None:
        if self.watch_task is not None:
            self.watch_task.cancel()
            self.watch_task = None

    def _on_probe(self, state: int, _total: int, text: str) -> None:
        """state 0 = offline or failed (text = the error code), 2 = an automatic sync
        finished."""
        if state == 2:
            self.ctx.connection.synced()
            self.refresh()
            self.ctx.signals.sig_sync_finished.emit(json.loads(text))
            self.bundles.register_key()
        else:
            from desktop.server_errors import code_text
            if text in ("offline", ""):
                self.ctx.connection.answered(False)
            self.bar_text.say(lambda: self.tr("Automatic sync: %1").replace(
                "%1", code_text(text, self.ctx.lang)))

    def _on_watch_error(self, exc: BaseException) -> None:
        """Login expired or the server needs a newer Esep: a person must act."""
        from desktop.server_errors import error_message
        self.watch_task = None
        self.ctx.connection.from_error(exc)
        self.bar_text.say(lambda: self.tr("Automatic sync stopped: %1").replace(
            "%1", error_message(exc, self.ctx.lang)))
        self._login_if_needed(exc)

    # ---------------------------------------------------------------- parked and conflicts
    def _selected(self, view: QTableView) -> dict | None:
        index = view.currentIndex()
        return index.data(USER_ROLE) if index.isValid() else None

    def open_parked(self) -> None:
        self.parked_box.open_selected()

    def resend_parked(self) -> bool:
        return self.parked_box.resend_selected()

    def _parked_changed(self, queued: bool) -> None:
        """A refused record was sent again, moved or dropped: shown, and sent when automatic."""
        self.refresh()
        if queued and is_automatic(self.ctx):
            self.sync_now()

    def resolve_selected(self) -> bool:
        row = self._selected(self.conflicts_view)
        if not row:
            return False
        from desktop.conflicts_dialog import ConflictsDialog
        dialog = ConflictsDialog(self.ctx, row["record_id"], self)
        accepted = dialog.exec() == ConflictsDialog.DialogCode.Accepted
        self.refresh()
        return accepted


def _describer(store, lang: str):
    """record -> 'Form title · org unit name · period' in the language."""
    from desktop.dates_text import when_text
    from desktop.quality_page import form_defs
    forms = form_defs()
    units = {u["id"]: unit_name(u, lang) for u in store.org_units()}

    def what(record: dict | None, record_id: str) -> str:
        if not record:
            return record_id
        form = forms.get(record.get("form"))
        title = (form.title.get(lang) if form else None) or record.get("form", "")
        unit = units.get(record.get("org_unit"), record.get("org_unit", ""))
        return f"{title} · {unit} · {when_text(record.get('period') or '', lang)}"
    return what

