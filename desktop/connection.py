"""The one connection state of the app. The status bar's probe, the Sync page's background
watch, a manual sync and a login all write here; every widget that shows the connection reads
``text()`` from here, so the window never says «В сети» in one place and «Нет связи» in
another."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

NO_SERVER, CHECKING, ONLINE, OFFLINE, LOGIN = "no_server", "checking", "online", "offline", \
    "login"
TEXTS = {
    NO_SERVER: QT_TRANSLATE_NOOP("Connection", "Offline only (no server)"),
    CHECKING: QT_TRANSLATE_NOOP("Connection", "Checking connection…"),
    ONLINE: QT_TRANSLATE_NOOP("Connection", "Online"),
    OFFLINE: QT_TRANSLATE_NOOP("Connection", "Offline: the server does not answer, retrying"),
    LOGIN: QT_TRANSLATE_NOOP("Connection", "Online, but the server wants you to log in"),
}
COLOURS = {ONLINE: "#2e7d32", LOGIN: "#e65100"}


class ConnectionState(QObject):
    """``state`` is one of NO_SERVER, CHECKING, ONLINE, OFFLINE, LOGIN; ``server`` the URL."""

    sig_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state, self.server = NO_SERVER, ""

    @property
    def online(self) -> bool | None:
        """True / False once known; None with no server or before the first answer."""
        return {ONLINE: True, LOGIN: True, OFFLINE: False}.get(self.state)

    def set(self, state: str, server: str | None = None) -> None:
        if server is not None:
            self.server = server
        if not self.server:
            state = NO_SERVER
        if state != self.state:
            self.state = state
            self.sig_changed.emit(state)

    def set_server(self, server: str) -> None:
        """A new address (or none): unknown until the next answer."""
        if server != self.server or self.state == NO_SERVER:
            self.server = server
            self.set(CHECKING if server else NO_SERVER)

    def answered(self, online: bool) -> None:
        """A probe or a sync got an answer (True) or none (False). A known need to log in
        stays until a login or a successful sync clears it."""
        if online and self.state == LOGIN:
            return
        self.set(ONLINE if online else OFFLINE)

    def synced(self) -> None:
        """A sync went through: online, logged in."""
        self.set(ONLINE)

    def from_error(self, exc: BaseException) -> None:
        """What a failed sync says about the connection."""
        name = type(exc).__name__
        if name == "AuthError":
            self.set(LOGIN)
        elif name == "OfflineError":
            self.set(OFFLINE)

    def text(self) -> str:
        return QCoreApplication.translate("Connection", TEXTS[self.state])

    def colour(self) -> str:
        return COLOURS.get(self.state, "#9e9e9e")
