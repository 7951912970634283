"""FindingsPanel: the list of validation findings of the open record, coloured by severity."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.field_widgets import SEVERITY_COLOURS

ORDER = {"error": 0, "warning": 1, "info": 2}


def finding_text(finding, lang: str, form=None) -> str:
    if finding.message_code == "required" and finding.fields == ["period"]:  # the engine's
        return QCoreApplication.translate("FindingsPanel", "Enter the period as YYYY-MM.")
    try:
        from desktop.dates_text import human_params
        from forms import message_text
        return message_text(finding.message_code, lang, human_params(finding.params, lang),
                            form=form)
    except Exception:  # noqa: BLE001 - an unknown code still shows something useful
        return f"{finding.rule}: {finding.message_code}"


def field_of(path: str) -> str:
    """The top field id of a finding path: 'dev_events[1].hours' -> 'dev_events'."""
    return ROW_INDEX.sub("", path.split(".")[0])


CELL = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def cell_marks(findings, text_of) -> dict[str, dict[tuple[int, str], tuple[str, str]]]:
    """Findings on roster cells (`answers[2].rfo_rating`): field id -> {(row index, column
    id): (severity, text_of(finding))}, the worst finding of each cell."""
    out: dict[str, dict[tuple[int, str], tuple[str, str]]] = {}
    for f in sorted(findings, key=lambda f: ORDER.get(f.severity, 3), reverse=True):
        for path in f.fields or []:  # the least severe first: the worst is written last
            m = CELL.match(path)
            if m:
                out.setdefault(m[1], {})[(int(m[2]), m[3])] = (f.severity, text_of(f))
    return out


QUOTES = (("«", "»"), ("“", "”"), ('"', '"'), ("'", "'"))
ROW_INDEX = re.compile(r"\[\d+\]$")
ROW_PATH = re.compile(r"([«“\"'])(\w+)\[(\d+)\]\.(\w+)([»”\"'])")


def with_labels(text: str, labels: dict) -> str:
    """Replace «field_id» and «roster[3].column» in a message by the labels of the form."""
    labels = labels or {}

    def row_path(m: re.Match) -> str:
        roster, row, col = m.group(2), int(m.group(3)) + 1, m.group(4)
        return (f"{m.group(1)}{labels.get(roster, roster)}, № {row}: "
                f"{labels.get(f'{roster}.{col}', col)}{m.group(5)}")

    text = ROW_PATH.sub(row_path, text)
    for fid, label in labels.items():
        for left, right in QUOTES:
            text = text.replace(f"{left}{fid}{right}", f"{left}{label}{right}")
    return text


class FindingsPanel(QWidget):
    """Click (or Enter on) a finding to jump to its field: emits sig_field_activated(field id)."""

    sig_field_activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.list, 1)
        self._findings: list = []
        self._lang = "ru"
        self.retranslate()

    def retranslate(self) -> None:
        counts = {s: sum(1 for f in self._findings if f.severity == s) for s in ORDER}
        # "label: number" reads right for any number in every language (no "1 errors")
        self.title.setText(self.tr("Findings — errors: %1, warnings: %2, notes: %3")
                           .replace("%1", str(counts["error"]))
                           .replace("%2", str(counts["warning"]))
                           .replace("%3", str(counts["info"])))

    def set_findings(self, findings: list, lang: str, labels: dict | None = None, *,
                     form=None) -> None:
        """``labels`` (field id -> label) replaces «field_id» in messages by the label;
        ``form`` lets forms.message_text put the field's label in every language."""
        self._findings, self._lang = list(findings), lang
        self._form = form if form is not None else getattr(self, "_form", None)
        self._labels = labels if labels is not None else getattr(self, "_labels", {})
        self.list.clear()
        for f in sorted(self._findings, key=lambda f: ORDER.get(f.severity, 3)):
            text = with_labels(finding_text(f, lang, self._form), self._labels)
            item = QListWidgetItem(self._label(f) + text, self.list)
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#000"))))
            item.setData(Qt.ItemDataRole.UserRole, field_of((f.fields or [""])[0]))
        self.retranslate()

    def _label(self, finding) -> str:
        return {"error": "✖ ", "warning": "⚠ ", "info": "ℹ "}.get(finding.severity, "")

    def findings(self) -> list:
        return list(self._findings)

    def _activated(self, item: QListWidgetItem) -> None:
        fid = item.data(Qt.ItemDataRole.UserRole)
        if fid:
            self.sig_field_activated.emit(fid)
