"""LoginDialog: user and password whenever the server wants credentials (a 401 during a sync),
and, with ``ask_server``, the server address too ("Connect to a server" in Settings).

The login runs in a task; the token goes to the OS keyring (sync.credentials, through
desktop.first_run.login_to_server) or, without a keyring, stays in memory for this run. The
password is never kept: the field is cleared as soon as the server answered."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.screen_fit import DIALOG_MIN_WIDTH, say_wrapped
from desktop.server_errors import error_message


def keep_login(ctx, result: dict) -> None:
    """After a login: the server's org units, the token (memory; the keyring has it when
    there is one), the server address and the server's view of the user in the profile."""
    if result.get("units"):
        ctx.store.upsert_org_units(result["units"])
    user = {k: (result.get("user") or {}).get(k) for k in ("username", "role", "region",
                                                           "district")}
    ctx.user = dict(user, token=result["token"])  # memory only, never saved
    profile = dict(ctx.settings_get("profile", None) or {})
    profile.update(mode="server", user=user, server_url=result["url"])
    ctx.settings_set("profile", profile)
    ctx.settings_set("server_url", result["url"])
    ctx.connection.set_server(result["url"])
    ctx.connection.synced()


class LoginDialog(QDialog):
    """After accept(): ``result`` = login_to_server's answer (url, user, units, token)."""

    def __init__(self, ctx, server: str = "", user: str = "", *, ask_server: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.ask_server = ctx, ask_server
        self.result: dict | None = None
        self.info, self.status = QLabel(self), QLabel(self)
        for label in (self.info, self.status):
            label.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.url_edit, self.user_edit = QLineEdit(server, self), QLineEdit(user, self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.start_login)
        self.url_edit.setPlaceholderText("https://esep.example.kz")
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, edit in zip(self.labels, (self.url_edit, self.user_edit,
                                             self.password_edit)):
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.setRowVisible(0, ask_server)
        self.login_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.start_login)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.cancel_button)
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addLayout(form)
        box.addWidget(self.status)
        box.addLayout(buttons)
        self.setMinimumWidth(DIALOG_MIN_WIDTH)
        self.retranslate()
        (self.password_edit if user else self.user_edit).setFocus()
        if ask_server and not server:
            self.url_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in to the server"))
        self.info.setText(self.tr("Enter the server address, your user name and password.")
                          if self.ask_server else
                          self.tr("The server %1 asks you to log in again. Your changes are "
                                  "kept and sync continues after the login.")
                          .replace("%1", self.url_edit.text()))
        for label, text in zip(self.labels, (self.tr("Server &URL"), self.tr("&User"),
                                             self.tr("&Password"))):
            label.setText(text)
        self.login_button.setText(self.tr("&Log in"))
        self.cancel_button.setText(self.tr("Cancel"))

    def start_login(self) -> bool:
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        if not (url and user and password):
            say_wrapped(self.status, self.tr("Enter the server URL, user and password."))
            return False
        from desktop.first_run import login_to_server
        self.login_button.setEnabled(False)
        self.status.setStyleSheet("")
        say_wrapped(self.status, self.tr("Connecting…"))
        self.ctx.tasks.start(login_to_server, url, user, password, on_done=self._done,
                             on_error=self._failed)
        return True

    def _done(self, result: dict) -> None:
        self.password_edit.clear()
        self.result = result
        keep_login(self.ctx, result)
        self.logged_in(result)

    def logged_in(self, result: dict) -> None:
        """What follows a login (ConnectDialog maps the local unit first)."""
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.status.setStyleSheet("color: #c62828;")
        say_wrapped(self.status, error_message(exc, self.ctx.lang))
        from desktop.first_run import retype_password
        retype_password(self.password_edit)
