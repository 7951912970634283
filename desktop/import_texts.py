"""The import dialog's words that stand alone: its file picker and one finding of a file as a
line («[warning] row 7, column «ФИО»: why», the place as the file names it)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.import_jobs import FORMATS, app_message


def pick_file(parent: QWidget) -> str | None:
    patterns = " ".join(f"*.{ext}" for ext in FORMATS)
    title = QCoreApplication.translate("ImportDialog", "Import a file")
    kinds = QCoreApplication.translate("ImportDialog", "Lists and tables")
    path, _f = QFileDialog.getOpenFileName(parent, title, "", f"{kinds} ({patterns})")
    return path or None


def _severity(code: str) -> str:
    if code == "error":
        return QCoreApplication.translate("ImportDialog", "error")
    if code == "warning":
        return QCoreApplication.translate("ImportDialog", "warning")
    return QCoreApplication.translate("ImportDialog", "note")


def problem_text(p: dict, lang: str = "ru", offered: set[str] | None = None) -> str:
    """«[warning] row 7, column «ФИО»: why» with the place as the file names it."""
    where = []
    if p.get("row") is not None:
        row = QCoreApplication.translate("ImportDialog", "row %1")
        where.append(row.replace("%1", str(p["row"])))
    if p.get("column"):
        column = QCoreApplication.translate("ImportDialog", "column «%1»")
        where.append(column.replace("%1", str(p["column"])))
    message = app_message(p, lang, offered or set())
    prefix = ", ".join(where) + ": " if where and not message.startswith(where[0]) else ""
    return f"[{_severity(p.get('severity', 'error'))}] {prefix}{message}"
