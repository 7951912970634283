"""Shared application context handed to every page: store, user, language, tasks, signals.

Page contract: every page is a ``QWidget`` subclass built as ``Page(ctx, parent=None)`` and
offers ``retranslate()`` (re-apply every visible string) and ``refresh()`` (re-read data).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.connection import ConnectionState
from desktop.tasks import TaskRunner


class AppSignals(QObject):
    """Application-wide events; emitted and received on the GUI thread."""

    sig_records_changed = Signal(str)     # form id
    sig_sync_finished = Signal(dict)      # sync summary
    sig_language_changed = Signal(str)    # new language code
    sig_open_record = Signal(str)         # record id
    sig_sync_requested = Signal()         # "sync now" asked for outside the Sync page


def _no_get(key: str, default: Any = None) -> Any:
    return default


def _no_set(key: str, value: Any) -> None:
    return None


@dataclass
class AppContext:
    """Everything a page needs; built once by ``desktop.app`` and passed to each page."""

    store: Any
    user: dict                                  # {username, role, region, district}
    lang: str = "ru"
    tasks: TaskRunner = field(default_factory=TaskRunner)
    signals: AppSignals = field(default_factory=AppSignals)
    settings_get: Callable[..., Any] = _no_get
    settings_set: Callable[[str, Any], None] = _no_set
    connection: ConnectionState = field(default_factory=ConnectionState)  # the one truth

    @property
    def role(self) -> str:
        return (self.user or {}).get("role") or "district"

    @property
    def username(self) -> str:
        return (self.user or {}).get("username") or ""
