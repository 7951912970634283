"""What this user may do to the open record, as the lifecycle core answers
(forms.lifecycle.editor_actions), and why not in words: the editor enables Save / Submit by
it and says the refusal in the button's tooltip. The rule itself lives only in the core."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from forms.lifecycle import Status, editor_actions


def actions_for(ctx, form, record: dict) -> dict[str, str | None]:
    """action -> None (allowed) or the core's refusal code, for this user and record."""
    return editor_actions(ctx.role, record.get("status") or Status.DRAFT, form.id)


def refusal_text(code: str | None, status: str | None) -> str:
    """The tooltip of a refused button ("" when allowed)."""
    if code is None:
        return ""
    if code == "locked" and status == Status.APPROVED:
        return QCoreApplication.translate(
            "FormEditor", "The report is approved and locked; no one changes it.")
    if code == "locked":
        return QCoreApplication.translate(
            "FormEditor", "A submitted report is not changed in place; the region or the "
                          "centre corrects it with a reason.")
    if code == "forbidden":
        return QCoreApplication.translate(
            "FormEditor", "Your role does not enter or submit this form.")
    return QCoreApplication.translate("FormEditor", "Not available for a record in this status.")
