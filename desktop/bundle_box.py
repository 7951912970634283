"""Sync without any line, on the Sync page: "Save for USB…" writes the pending changes to a
signed bundle file, "Load reply…" applies the server's signed reply. The work runs in tasks
(desktop/bundle_jobs.py); refusals are shown with their reason and nothing is applied."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop import bundle_jobs
from desktop.file_dialogs import get_open_file_name, get_save_file_name
from desktop.review_models import worker_store_path
from desktop.sync_jobs import client_spec


class BundleBox(QWidget):
    """Two buttons; messages go to the Sync page's status label `status`."""

    sig_applied = Signal()  # a bundle was saved or a reply applied: the page refreshes

    def __init__(self, ctx, status, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.status = ctx, status
        self.task = self.key_task = None
        self.save_button, self.load_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(lambda: self.save_for_usb())
        self.load_button.clicked.connect(lambda: self.load_reply())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.save_button)
        row.addWidget(self.load_button)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save for USB…"))
        self.save_button.setToolTip(self.tr("No line: save the changes to a file that anyone "
                                            "connected can deliver to the server"))
        self.load_button.setText(self.tr("Load reply…"))
        self.load_button.setToolTip(self.tr("Apply the server's reply file brought back on "
                                            "the USB stick"))

    def register_key(self) -> None:
        """After an online sync: make and register the device key once (bundles need it)."""
        spec = client_spec(self.ctx)
        if (self.key_task is None and spec is not None and spec.get("token")
                and bundle_jobs.key_missing(self.ctx.store)):
            self.key_task = self.ctx.tasks.start(
                bundle_jobs.register_key, worker_store_path(self.ctx.store), spec,
                on_done=self._key_done, on_error=self._key_done)

    def _key_done(self, _result) -> None:
        self.key_task = None

    def reason(self, exc: BaseException) -> str:
        no_key = self.tr("this computer has no signing key yet: sync online once")
        texts = {
            "bad_signature": self.tr("the file was changed, or not signed by this "
                                     "computer's server"),
            "damaged": self.tr("the file is damaged"),
            "not_a_bundle": self.tr("this is not an Esep bundle file"),
            "expired": self.tr("the file has expired: make a new one"),
            "other_server": self.tr("the file comes from another server"),
            "other_device": self.tr("the reply is meant for another computer"),
            "wrong_passphrase": self.tr("wrong password"),
            "no_device_key": no_key, "no_server_key": no_key,
        }
        code = getattr(exc, "code", "")
        if code in texts:
            return texts[code]
        from forms.messages import message_text, messages
        return message_text("bundle_" + code, self.ctx.lang) \
            if "bundle_" + code in messages() else str(exc)

    def save_for_usb(self, out: str | None = None) -> bool:
        if out is None:
            out, _ = get_save_file_name(self, self.tr("Save for USB"),
                                                 "esep-bundle.esep",
                                                 self.tr("Esep bundles (*.esep)"))
        if not out or self.task is not None:
            return False
        spec = client_spec(self.ctx)
        make_key = bundle_jobs.key_missing(self.ctx.store) and bool(spec and spec.get("token"))
        password = None
        if make_key or bundle_jobs.needs_password(self.ctx.store):
            password, ok = QInputDialog.getText(
                self, self.tr("Save for USB"),
                self.tr("Your password (it unlocks this computer's signing key):"),
                QLineEdit.EchoMode.Password)
            if not ok:
                return False
        self.status.say(lambda: self.tr("Saving…"))
        job, args = ((bundle_jobs.key_then_export, (spec, out, password)) if make_key else
                     (bundle_jobs.export_to, (out, password)))
        self.task = self.ctx.tasks.start(job, worker_store_path(self.ctx.store), *args,
                                         on_done=self._on_saved, on_error=self._on_failed)
        return True

    def _on_saved(self, result: dict) -> None:
        self.task = None
        self.status.say(lambda: self.tr("Saved %1 changes to %2: take the file to anyone "
                                    "connected, then load the reply here.")
                            .replace("%1", str(result["ops"])).replace("%2", result["path"]))
        self.sig_applied.emit()

    def load_reply(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = get_open_file_name(
                self, self.tr("Load reply"), "",
                self.tr("Esep bundles (*.esep *.reply);;All files (*)"))
        if not path or self.task is not None:
            return False
        self.status.say(lambda: self.tr("Loading…"))
        self.task = self.ctx.tasks.start(
            bundle_jobs.import_from, worker_store_path(self.ctx.store), path,
            on_done=self._on_loaded, on_error=self._on_failed)
        return True

    def _on_loaded(self, counts: dict) -> None:
        self.task = None
        self.status.say(lambda:
            self.tr("Reply loaded: %1 changes confirmed, %2 received, %3 conflicts")
            .replace("%1", str(counts["applied"] + counts["duplicate"]))
            .replace("%2", str(counts["pulled"]))
            .replace("%3", str(counts["conflict"] + counts["pulled_conflicts"])))
        self.sig_applied.emit()
        self.ctx.signals.sig_sync_finished.emit({"bundle": counts})

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        self.status.say(lambda: self.tr("Refused, nothing applied: %1")
                            .replace("%1", self.reason(exc)))
        self.sig_applied.emit()
