"""«Заполнить из мероприятий» on the monthly report: the month's event records of the district
fill the event figures (reports.event_fill sums them); the person reviews them and saves."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from reports.event_fill import REPORT_FORM, month_events, sum_events


def add_fill_button(editor, parent) -> QPushButton | None:
    """The button for a monthly report's editor (None for other forms)."""
    if editor.form.id != REPORT_FORM:
        return None
    button = QPushButton(parent)
    button.setObjectName("fill_from_events")
    button.clicked.connect(lambda: fill_editor(editor))
    return button


def retranslate(button: QPushButton | None) -> None:
    if button is not None:
        button.setText(QCoreApplication.translate("EventFill", "Fill from events"))
        button.setToolTip(QCoreApplication.translate(
            "EventFill", "Sum this month's volunteering events of the org unit into the "
            "event figures, hours and positions; check them, then save."))


def fill_editor(editor) -> int:
    """Put the sums into the editor's inputs (not saved); returns the number of events."""
    rec = editor.current_record()
    if not editor.save_button.isEnabled() or not rec.get("period") or not rec.get("org_unit"):
        editor.message.setText(QCoreApplication.translate(
            "EventFill", "Choose the org unit and the month first."))
        return 0
    events = month_events(editor.ctx.store, rec["org_unit"], rec["period"])
    for fid, value in sum_events(events).items():
        widget = editor.inputs.get(fid)
        if widget is not None:
            widget.set_value(value if value != {} else None)
    editor._changed()
    editor.validate_now()
    text = QCoreApplication.translate(
        "EventFill", "Filled from %1 events of %2: check the figures and save.")
    editor.message.setText(text.replace("%1", str(len(events))).replace("%2", rec["period"]))
    return len(events)
