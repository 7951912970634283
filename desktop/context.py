"""Shared application context handed to every page: store, user, language, tasks, signals.

Page contract: every page is a ``QWidget`` subclass built as ``Page(ctx, parent=None)`` and
offers ``retranslate()`` (re-apply every visible string) and ``refresh()`` (re-read data).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.connection import ConnectionState


class AppSignals(QObject):
    """Application-wide events; emitted and received on the GUI thread."""

    sig_records_changed = Signal(str)     # form id
    sig_sync_finished = Signal(dict)      # sync summary
    sig_language_changed = Signal(str)    # new language code
    sig_open_record = Signal(str)         # record id
    sig_sync_requested = Signal()         # "sync now" asked for outside the Sync page
    sig_sync_mode_changed = Signal(str)   # desktop.sync_mode: Settings or the Sync page


def _no_get(key: str, default: Any = None) -> Any:
    return default


def _no_set(key: str, value: Any) -> None:
    return None


class AppContext:
    """Everything a page needs; built once by ``desktop.app`` and passed to each page.
    (A plain class, not a dataclass: `dataclasses` is one import less before the first
    paint.)"""

    def __init__(self, store: Any, user: dict, lang: str = "ru",
                 tasks: TaskRunner | None = None, signals: AppSignals | None = None,
                 settings_get: Callable[..., Any] = _no_get,
                 settings_set: Callable[[str, Any], None] = _no_set) -> None:
        self.store = store
        self.user = user                        # {username, role, region, district}
        self.lang = lang
        self.tasks = tasks if tasks is not None else TaskRunner()
        self.signals = signals if signals is not None else AppSignals()
        self.settings_get, self.settings_set = settings_get, settings_set
        self._connection: ConnectionState | None = None
        from forms.messages import set_surface
        set_surface("desktop")   # messages say what to do in the app's words, not the CLI's

    @property
    def connection(self) -> ConnectionState:
        """The one connection state (desktop.connection), made when first needed."""
        if self._connection is None:
            from desktop.connection import ConnectionState
            self._connection = ConnectionState()
        return self._connection

    @property
    def role(self) -> str:
        return (self.user or {}).get("role") or "district"

    @property
    def username(self) -> str:
        return (self.user or {}).get("username") or ""
