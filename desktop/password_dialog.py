"""Change one's own password on the central server (Settings page): current, new, repeated.
The call runs through desktop.tasks; the worker logs in with the current password (a reset
one too) and changes it; the new token replaces the remembered one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.screen_fit import DIALOG_MIN_WIDTH, say_wrapped

MIN_LENGTH = 8  # the server's rule (server.auth.password_problem) says the same


class PasswordChangeNeeded(Exception):
    """The server answered a login with must_change_password (a reset password)."""


def change_password_job(spec: dict, old: str, new: str, *, progress, cancelled) -> str:
    """Worker: log in with the current password, change it; returns the new token."""
    from sync.transport import SyncClient

    client = SyncClient(spec["server"], insecure=spec["insecure"])
    try:
        client.login(spec["user"], old)
        client.change_password(old, new)
        return client.token or ""
    finally:
        client.close()


class PasswordDialog(QDialog):
    """`ctx` (Settings page) gives the server, the user and the task runner; the first run
    has no context yet and passes `spec` ({server, user, insecure}) and `tasks`."""

    def __init__(self, ctx, parent=None, *, spec: dict | None = None, tasks=None) -> None:
        super().__init__(parent)
        self.ctx, self.fixed_spec = ctx, spec
        self.tasks = tasks if tasks is not None else ctx.tasks
        self.current, self.new, self.repeat = (QLineEdit(self) for _ in range(3))
        for edit in (self.current, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(3)]
        for label, edit in zip(self.labels, (self.current, self.new, self.repeat)):
            label.setBuddy(edit)
            form.addRow(label, edit)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.setMinimumWidth(DIALOG_MIN_WIDTH)
        self.handle = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        for label, text in zip(self.labels, (self.tr("&Current password"),
                                             self.tr("&New password"),
                                             self.tr("&Repeat the new password"))):
            label.setText(text)

    def problem(self) -> str | None:
        """What is wrong with the input before anything is sent, or None."""
        if not self.current.text():
            return self.tr("Enter your current password.")
        if len(self.new.text()) < MIN_LENGTH:
            return self.tr("The new password needs at least %1 characters.").replace(
                "%1", str(MIN_LENGTH))
        if self.new.text() != self.repeat.text():
            return self.tr("The two new passwords differ.")
        if self.new.text() == self.current.text():
            return self.tr("The new password must differ from the current one.")
        return None

    def submit(self) -> None:
        from desktop.sync_jobs import client_spec

        problem = self.problem()
        spec = self.fixed_spec or client_spec(self.ctx)
        if problem is None and spec is None:
            problem = self.tr("No server is set: enter the server URL in the settings first.")
        if problem:
            say_wrapped(self.message, problem)
            return
        assert spec is not None
        self.spec = spec
        self.buttons.setEnabled(False)
        say_wrapped(self.message, self.tr("Changing the password…"))
        self.handle = self.tasks.start(change_password_job, spec, self.current.text(),
                                           self.new.text(), on_done=self._done,
                                           on_error=self._failed)

    def _done(self, token: str) -> None:
        if self.ctx is not None:
            self.ctx.user["token"] = token
        try:
            from sync.credentials import save_token
            save_token(self.spec["server"], self.spec["user"], token)
        except Exception:  # noqa: BLE001, S110 - no keyring: the token stays in memory
            pass
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from sync.transport import OfflineError

        self.buttons.setEnabled(True)
        status = getattr(exc, "status", None)
        if status in (401, 403):
            text = self.tr("The current password is wrong. Nothing was changed.")
        elif isinstance(exc, OfflineError) or status is None:
            text = self.tr("The server cannot be reached. Nothing was changed.")
        else:
            text = self.tr("The server refused the new password: %1").replace("%1", str(exc))
        say_wrapped(self.message, text)
