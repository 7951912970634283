"""SaidLabel: a status line that says its last message again in a new language."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel


class SaidLabel(QLabel):
    """`say(make)` shows make() and keeps `make`; `retranslate()` shows make() again: after a
    language switch the Sync page's last message («Қабылданбады, …») stayed in the old one."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._make: Callable[[], str] | None = None

    def say(self, make: Callable[[], str]) -> None:
        self._make = make
        self.setText(make())

    def retranslate(self) -> None:
        if self._make is not None:
            self.setText(self._make())
