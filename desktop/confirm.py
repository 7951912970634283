"""Questions the form screen asks before something that cannot be taken back: submitting,
and leaving a record with unsaved edits (Save / Discard / Cancel)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask_submit(parent: QWidget, what: str) -> bool:
    """True when the user confirms submitting `what` (the form's title, period, unit)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Confirm", "Confirm submission"),
                      QCoreApplication.translate("Confirm", "Submit %1?").replace("%1", what),
                      Button.NoButton, parent)
    box.setInformativeText(QCoreApplication.translate(
        "Confirm", "After submission the record can be changed only if the region returns it."))
    submit = box.addButton(QCoreApplication.translate("Confirm", "Submit"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(Button.Cancel).setText(QCoreApplication.translate("Confirm", "Cancel"))
    box.setDefaultButton(submit)
    box.setObjectName("confirm_submit")
    box.exec()
    return box.clickedButton() is submit


def ask_unsaved(parent: QWidget, what: str) -> str:
    """'save', 'discard' or 'cancel' for a record with unsaved edits."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Confirm", "Unsaved changes"),
                      QCoreApplication.translate(
                          "Confirm", "%1 has unsaved changes. Save them as a draft?")
                      .replace("%1", what),
                      Button.Save | Button.Discard | Button.Cancel, parent)
    box.button(Button.Save).setText(QCoreApplication.translate("Confirm", "Save"))
    box.button(Button.Discard).setText(QCoreApplication.translate("Confirm", "Discard"))
    box.button(Button.Cancel).setText(QCoreApplication.translate("Confirm", "Cancel"))
    box.setDefaultButton(Button.Save)
    box.setObjectName("confirm_unsaved")
    answer = box.exec()
    return {Button.Save: "save", Button.Discard: "discard"}.get(Button(answer), "cancel")
