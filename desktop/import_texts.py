"""The import dialog's words that stand alone: its file picker and one finding of a file as a
line («[warning] row 7, column «ФИО»: why», the place as the file names it)."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.file_dialogs import get_open_file_name
from desktop.import_jobs import FORMATS, app_message


def pick_file(parent: QWidget) -> str | None:
    patterns = " ".join(f"*.{ext}" for ext in FORMATS)
    title = QCoreApplication.translate("ImportDialog", "Import a file")
    kinds = QCoreApplication.translate("ImportDialog", "Lists and tables")
    path, _f = get_open_file_name(parent, title, "", f"{kinds} ({patterns})")
    return path or None


def _severity(code: str) -> str:
    if code == "error":
        return QCoreApplication.translate("ImportDialog", "error")
    if code == "warning":
        return QCoreApplication.translate("ImportDialog", "warning")
    return QCoreApplication.translate("ImportDialog", "note")


# a region's table's finding about one report: «SHY-ABAY 2024-11: why» (reports.wide_records)
REPORT_AT = re.compile(r"^(\S+) (\d{4}-\d{2}): ")


def in_words(message: str, lang: str, names: dict | None = None) -> str:
    """A finding's text as the person reads it: the report it is about by its district's
    name («Абайский район, ноябрь 2024: …», not «SHY-ABAY 2024-11: …» nor «Абайский район
    (SHY-ABAY)») and every month and day in words («против 204 в октябре»: «in October
    2024», not «in 2024-10»)."""
    from desktop.dates_text import dates_in_words
    m = REPORT_AT.match(message)
    if m and names and m.group(1) in names:
        message = f"{names[m.group(1)]}, {m.group(2)}: {message[m.end():]}"
    return dates_in_words(without_codes(message, names or {}), lang)


def without_codes(message: str, names: dict) -> str:
    """A known unit's code out of a text made for the command line: «Абайский район
    (SHY-ABAY)» as «Абайский район», a code alone («отчёт SHY-ABAY») as the unit's name."""
    for code, name in names.items():
        if code not in message:
            continue
        message = re.sub(rf"\s*\({re.escape(code)}\)", "", message)
        message = re.sub(rf"(?<![\w-]){re.escape(code)}(?![\w.-])", name, message)
    return message


def problem_text(p: dict, lang: str = "ru", offered: set[str] | None = None,
                 names: dict | None = None) -> str:
    """«[warning] row 7, column «ФИО»: why» with the place as the file names it; `names`:
    the org units' names by id."""
    where = []
    if p.get("row") is not None:
        row = QCoreApplication.translate("ImportDialog", "row %1")
        where.append(row.replace("%1", str(p["row"])))
    if p.get("column"):
        column = QCoreApplication.translate("ImportDialog", "column «%1»")
        where.append(column.replace("%1", str(p["column"])))
    message = in_words(app_message(p, lang, offered or set()), lang, names)
    said = where and message.casefold().startswith(where[0].casefold())   # «Строка 7, …»
    prefix = ", ".join(where) + ": " if where and not said else ""
    return f"[{_severity(p.get('severity', 'error'))}] {prefix}{message}"


def errors_first(problems: list[dict]) -> list[dict]:
    """The findings that block the import first, the others after, each in file order."""
    return sorted(problems, key=lambda p: p.get("severity", "error") != "error")


def findings_tab_text(findings: int, errors: int) -> str:
    """«Findings: 7», or, when some block the import, «Errors: 1, warnings: 6»."""
    if not errors:
        text = QCoreApplication.translate("ImportDialog", "Findings: %1")
        return text.replace("%1", str(findings))
    text = QCoreApplication.translate("ImportDialog", "Errors: %1, warnings: %2")
    return text.replace("%1", str(errors)).replace("%2", str(findings - errors))
