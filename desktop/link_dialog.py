"""Linking a written organization name to a registry entry (issue 16): the editor's «Find in
the registry…» button (beside an organizer's or survey's organization name, and on every roster
with an organization column, for the current row) opens a small dialog listing the entries the
name may mean, best first (reports.registry.suggest); the person picks one and confirms, and
the field or cell then carries the entry's name, or cancels and nothing changes."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from reports.registry import LINKED_NAMES, entries, suggest

ROSTER_COLUMN = "organization"   # a roster's organization column links like a field


class LinkDialog(QDialog):
    """The ranked registry entries for `name`; `chosen` is the confirmed entry or None."""

    def __init__(self, ctx, name: str, region: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("LinkDialog", "Find in the registry"))
        pool = entries(ctx.store.list_records(form="organization"))
        self.ranked = suggest(name, pool, region=region, limit=8)
        self.chosen = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        for entry, score in self.ranked:
            text = f"{entry.name}  ({entry.region}{', ' + entry.bin if entry.bin else ''}) " \
                   f"— {score}%"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
        if self.ranked:
            self.list.setCurrentRow(0)
            self.heading.setText(QCoreApplication.translate(
                "LinkDialog", "Registry entries that «%1» may mean, the likeliest first:")
                .replace("%1", name))
        else:
            self.heading.setText(QCoreApplication.translate(
                "LinkDialog", "No registry entry looks like «%1».").replace("%1", name))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("LinkDialog", "Link"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.ranked))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        box = QVBoxLayout(self)
        for w in (self.heading, self.list, buttons):
            box.addWidget(w)

    def accept(self) -> None:
        row = self.list.currentRow()
        self.chosen = self.ranked[row][0] if 0 <= row < len(self.ranked) else None
        super().accept()


def add_link_button(editor, parent) -> QPushButton | None:
    """«Find in the registry…» for a form with an organization name (None otherwise)."""
    if editor.form.id not in LINKED_NAMES:
        return None
    button = QPushButton(parent)
    button.setObjectName("link_registry")
    button.clicked.connect(lambda: open_link_dialog(editor))
    return button


def add_roster_links(editor) -> list[QPushButton]:
    """«Find in the registry…» on each roster of the form with an organization column."""
    buttons = []
    for widget in editor.inputs.values():
        columns = [c.id for c in getattr(getattr(widget, "model", None), "columns", [])]
        if ROSTER_COLUMN in columns and hasattr(widget, "bar"):
            button = QPushButton(widget)
            button.setObjectName("link_registry_row")
            button.clicked.connect(lambda _c=False, w=widget: open_roster_link(editor, w))
            widget.bar.insertWidget(widget.bar.count() - 1, button)
            buttons.append(button)
    return buttons


def retranslate(*buttons: QPushButton | None) -> None:
    for button in buttons:
        if button is not None:
            button.setText(QCoreApplication.translate("LinkDialog", "Find in the registry…"))


def link_with(editor, dialog: LinkDialog) -> bool:
    """After the dialog: put the confirmed entry's name into the editor's field."""
    if dialog.result() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    fid = LINKED_NAMES[editor.form.id]
    editor.inputs[fid].set_value(dialog.chosen.name)
    editor._changed()
    editor.message.setText(QCoreApplication.translate(
        "LinkDialog", "Linked to the registry entry «%1».").replace("%1", dialog.chosen.name))
    return True


def _region(editor, data: dict) -> str | None:
    return data.get("region") or (editor.ctx.user or {}).get("region")


def open_roster_link(editor, roster) -> LinkDialog | None:
    """The dialog for the organization of the roster's current row (the first row when none
    is chosen); a confirmed entry's name goes into that cell."""
    rows = roster.model.rows()
    if not rows:
        return None
    row = max(roster.table.currentIndex().row(), 0)
    column = [c.id for c in roster.model.columns].index(ROSTER_COLUMN)
    name = str(rows[row].get(ROSTER_COLUMN) or "")
    dialog = LinkDialog(editor.ctx, name, _region(editor, editor.current_record()["data"]),
                        editor)

    def linked(_result) -> None:
        if dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            roster.model.setData(roster.model.index(row, column), dialog.chosen.name,
                                 Qt.ItemDataRole.EditRole)
            editor.message.setText(QCoreApplication.translate(
                "LinkDialog", "Linked to the registry entry «%1».").replace(
                    "%1", dialog.chosen.name))
    dialog.finished.connect(linked)
    dialog.open()
    return dialog


def open_link_dialog(editor) -> LinkDialog:
    fid = LINKED_NAMES[editor.form.id]
    data = editor.current_record()["data"]
    dialog = LinkDialog(editor.ctx, str(data.get(fid) or ""), _region(editor, data), editor)
    dialog.finished.connect(lambda _r: link_with(editor, dialog))
    dialog.open()
    return dialog
