"""Windows sized to the screen they open on: a preferred size, never beyond what the screen
offers (a 1024 × 700 netbook, no window manager to shrink them)."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def resize_within_screen(widget, width: int, height: int) -> None:
    """`widget.resize(width, height)`, each side capped at the available screen geometry."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    widget.resize(width, height)


def fit_width(widget, text: str, extra: int = 24) -> int:
    """A width in which `widget` (a line edit) shows `text` whole in its own font: the
    translated placeholder «ЖЖЖЖ-АА» is wider than «YYYY-MM»."""
    return widget.fontMetrics().horizontalAdvance(text) + extra


def narrow_combo(combo, chars: int = 30) -> None:
    """A drop-down of long labels (an organizer type, a Kazakh field path) as wide as ~30
    characters, not as its longest item: the closed combo cuts it, the open list shows it
    whole. Without this a form or a dialog grows past a 1024 px screen."""
    from PySide6.QtWidgets import QComboBox
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)


DIALOG_MIN_WIDTH = 460  # a dialog of wrapped texts: lines a person reads at a glance


def say_wrapped(label, text: str) -> None:
    """Set a word-wrapped label's text and let its dialog grow to show every line (a
    refusal or a server's answer said after the dialog opened was cut). It grows, never
    shrinks: at the width it has, as tall as its lines need (adjustSize narrowed the annual
    report dialog to its hint, its path field's placeholder cut, the text in 2-word lines)."""
    label.setText(text)
    window = label.window()
    layout = window.layout()
    width = max(window.width(), window.minimumSizeHint().width())
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = window.sizeHint().height()
    resize_within_screen(window, width, max(window.height(), height))
