"""A window never opens larger than its screen (a 1024 × 700 netbook has no room for the
main window's preferred 1200 × 760, and without a window manager nothing shrinks it)."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.screen_fit import resize_within_screen


def test_a_window_is_capped_at_the_screen_and_keeps_a_smaller_size(qtbot):
    room = QGuiApplication.primaryScreen().availableGeometry()
    big = QWidget()
    qtbot.addWidget(big)
    resize_within_screen(big, room.width() + 500, room.height() + 300)
    assert (big.width(), big.height()) == (room.width(), room.height())
    small = QWidget()
    qtbot.addWidget(small)
    resize_within_screen(small, room.width() - 100, room.height() - 100)
    assert (small.width(), small.height()) == (room.width() - 100, room.height() - 100)
