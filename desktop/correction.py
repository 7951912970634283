"""CorrectionActions (FormEditor mixin): a submitted report never changes in place; the
reviewer roles correct it with a reason (store.correct_record), which makes a new revision the
district sees as a diff; an approved report is locked (forms.lifecycle decides both). A
district changes a *returned* report itself: the store keeps it editable, so the normal
Save / Submit apply."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from forms.lifecycle import may_correct


def correction_changes(old: dict, new: dict) -> dict:
    """The field values to send: every value entered, and None for a cleared field."""
    changes = dict(new)
    changes.update({k: None for k in old if k not in new})
    return changes


class CorrectionActions:
    """Expects FormEditor's attributes: ctx, record, inputs, correct_button, message."""

    correcting = False

    def can_correct(self) -> bool:
        return may_correct(self.ctx.role, self.record.get("status"))

    def _show_correct_button(self) -> None:
        self.correct_button.setVisible(self.can_correct())
        save = QCoreApplication.translate("FormEditor", "Save correction…")
        start = QCoreApplication.translate("FormEditor", "Correct…")
        self.correct_button.setText(save if self.correcting else start)

    def _correct_clicked(self) -> None:
        if self.correcting:
            self.save_correction()
        else:
            self.start_correction()

    def start_correction(self) -> bool:
        """Unlock the values (not org unit or period: the store keeps those)."""
        if not self.can_correct():
            return False
        self.correcting = True
        for widget in self.inputs.values():
            widget.setEnabled(True)
        self.message.setText(self.correction_hint())
        self._show_correct_button()
        return True

    @staticmethod
    def correction_hint() -> str:
        return QCoreApplication.translate(
            "FormEditor", "Change the values, then save the correction with a reason.")

    def ask_reason(self) -> str | None:
        reason, ok = QInputDialog.getMultiLineText(
            self, QCoreApplication.translate("FormEditor", "Correction"),
            QCoreApplication.translate("FormEditor", "Reason for the correction (required):"))
        return reason if ok else None

    def save_correction(self, reason: str | None = None) -> dict | None:
        """Save the changed values as a correction; `reason` is asked for when not given."""
        if not self.correcting:
            return None
        reason = self.ask_reason() if reason is None else reason
        if reason is None:
            return None
        if not reason.strip():
            self.message.setText(
                QCoreApplication.translate("FormEditor", "A correction needs a reason."))
            return None
        from store import SubmitBlocked
        changes = correction_changes(self.record.get("data") or {},
                                     self.current_record()["data"])
        try:
            saved = self.ctx.store.correct_record(self.record["id"], changes,
                                                  user=self.ctx.username, reason=reason.strip(),
                                                  role=self.ctx.role)
        except SubmitBlocked as exc:
            self.findings = list(getattr(exc, "findings", []) or [])
            self._paint_findings()
            self.message.setText(QCoreApplication.translate(
                "FormEditor", "Correction blocked: see the findings."))
            return None
        except Exception as exc:  # noqa: BLE001 - StoreError and friends: say why, keep input
            text = QCoreApplication.translate("FormEditor", "Not corrected: %1")
            self.message.setText(text.replace("%1", str(exc)))
            return None
        self.correcting = False
        text = QCoreApplication.translate("FormEditor", "Correction saved (revision %1).")
        text = text.replace("%1", str(saved["revision"]))
        return self._after_save(saved, text)


def ask_import_reason(parent, refusal: str) -> str | None:
    """A file imported over a submitted record is a correction: why (kept with it, shown to
    the district); None when the person gives none."""
    title = QCoreApplication.translate("ImportDialog", "Reason for the correction")
    label = QCoreApplication.translate("ImportDialog", "%1\n\nWhy do the submitted figures change?")
    text, ok = QInputDialog.getText(parent, title, label.replace("%1", refusal))
    return text.strip() if ok and text.strip() else None
