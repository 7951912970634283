"""What the import-window tests share: a dialog opened and its reading awaited, a column's
field chosen in its drop-down (the file is read again), the lines of a list widget."""
from __future__ import annotations


def settled(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)


def opened(qtbot, dialog):
    """`dialog` shown and started, once its reading is done."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    settled(qtbot, dialog)
    return dialog


def choose_field(qtbot, dialog, combo, field_id) -> None:
    combo.setCurrentIndex(combo.findData(field_id))
    combo.activated.emit(combo.currentIndex())
    settled(qtbot, dialog)


def items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]
