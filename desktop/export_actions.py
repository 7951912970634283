"""Exports from the app, one place for every page, each through the command line's writers:
a record list to .xlsx / .csv / .json (reports.io.export_file), the reports page's summary
workbook (reports.summary.build_summary), a table on screen — the completeness grid, the
data-quality findings — to .xlsx (reports.xlsx_util.write_table), and the blank monthly
workbook from the form screen (reports.template.write_template).

Each function asks for the file name unless it is given one (tests, scripts) and says what
it wrote, or why it could not, in the user's language."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop.file_dialogs import get_save_file_name

LIST_FORMATS = ("xlsx", "csv", "json")
EXPORT_EXCEL = QT_TRANSLATE_NOOP("Export", "Export to Excel")
EXPORT_LIST = QT_TRANSLATE_NOOP("Export", "Export…")
BLANK_WORKBOOK = QT_TRANSLATE_NOOP("Export", "Blank workbook…")


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Export", ...) above."""
    return QCoreApplication.translate("Export", text)


def ask_path(parent: QWidget, name: str, formats=("xlsx",)) -> str | None:
    """A file name to save to (the first format is the default)."""
    filters = {"xlsx": QCoreApplication.translate("Export", "Excel workbook (*.xlsx)"),
               "csv": QCoreApplication.translate("Export", "CSV table (*.csv)"),
               "json": QCoreApplication.translate("Export", "JSON records (*.json)")}
    title = QCoreApplication.translate("Export", "Export")
    path, chosen = get_save_file_name(parent, title, f"{name}.{formats[0]}",
                                               ";;".join(filters[f] for f in formats))
    if not path:
        return None
    if Path(path).suffix.lower().lstrip(".") not in formats:
        ext = next((f for f in formats if f"*.{f}" in chosen), formats[0])
        path = f"{path}.{ext}"
    return path


def _written(parent: QWidget, path, quiet: bool) -> Path:
    if not quiet:
        text = QCoreApplication.translate("Export", "Saved: %1").replace("%1", str(path))
        QMessageBox.information(parent, QCoreApplication.translate("Export", "Export"), text)
    return Path(path)


def _failed(parent: QWidget, exc: Exception, quiet: bool) -> None:
    if quiet:
        raise exc
    text = QCoreApplication.translate("Export", "Could not save the file: %1")
    QMessageBox.warning(parent, QCoreApplication.translate("Export", "Export"),
                        text.replace("%1", str(exc)))


def _run(parent: QWidget, path: str | None, name: str, formats, write, quiet: bool):
    """Ask for the path unless given, write with a wait cursor, say what happened."""
    path = path or ask_path(parent, name, formats)
    if not path:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(Path(path))
    except (OSError, ValueError) as exc:
        _failed(parent, exc, quiet)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return _written(parent, path, quiet)


def export_records(parent, ctx, form_id: str, filters: dict, path: str | None = None,
                   quiet: bool = False):
    """The records of a list (as filtered on screen) to .xlsx / .csv / .json."""
    from reports.io import export_file

    def write(out: Path) -> None:
        wanted = {k: v for k, v in filters.items() if k != "form"}
        records = ctx.store.list_records(form=form_id, order_by="period, org_unit", **wanted)
        fmt = out.suffix.lower().lstrip(".")
        export_file(records, form_id, fmt if fmt in LIST_FORMATS else "xlsx", out,
                    lang=ctx.lang)
    return _run(parent, path, form_id, LIST_FORMATS, write, quiet)


def model_rows(model) -> tuple[list[str], list[list]]:
    """Headers and the displayed values of a Qt table model (numbers stay numbers)."""
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
               for c in range(model.columnCount())]
    rows = []
    for r in range(model.rowCount()):
        row = []
        for c in range(model.columnCount()):
            value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            row.append(_number(value))
        rows.append(row)
    return headers, rows


def _number(value):
    if isinstance(value, str):
        text = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            return int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            return value
    return value


def export_model(parent, model, title: str, path: str | None = None, quiet: bool = False):
    """A table on screen (what its filters show) to an .xlsx sheet with a title."""
    from openpyxl import Workbook

    from reports import xlsx_util

    def write(out: Path) -> None:
        headers, rows = model_rows(model)
        wb = Workbook()
        ws = wb.active
        ws.title = title[:31].translate(str.maketrans("", "", "[]:*?/\\")) or "Sheet"
        xlsx_util.write_table(ws, 1, headers, rows, title=title)
        xlsx_util.widths(ws, first=30, rest=18, n=len(headers))
        wb.save(out)
    return _run(parent, path, title, ("xlsx",), write, quiet)


def export_summary(parent, ctx, records: list[dict], units: list[dict], spec: str,
                   region: str | None, path: str | None = None, quiet: bool = False):
    """The reports page's figures (its records and units) as the summary workbook
    «Volunteering in figures» of the command line's `esep report summary`."""
    from desktop.review_models import due_day
    from reports.economics import RateTable
    from reports.summary import build_summary

    def write(out: Path) -> None:
        build_summary(records, units, spec, out, region=region, lang=ctx.lang,
                      rates=RateTable.load(ctx.store), due_day=due_day(ctx.store))
    name = QCoreApplication.translate("Export", "summary") + f"_{spec}"
    return _run(parent, path, name, ("xlsx",), write, quiet)


def export_template(parent, ctx, org_unit: str, period: str, path: str | None = None,
                    quiet: bool = False):
    """The monthly-report workbook to fill in offline (imported back with File → Import)."""
    from reports.template import TemplateError, write_template

    def write(out: Path) -> None:
        try:
            write_template(ctx.store, org_unit, period, out, lang=ctx.lang)
        except TemplateError as exc:
            raise ValueError(str(exc)) from None
    return _run(parent, path, f"{org_unit}_{period}", ("xlsx",), write, quiet)


def export_button(page, text: str, on_click) -> QPushButton:
    """A button whose text follows the language (`text` is a source text of the Export
    context)."""
    button = QPushButton(page)

    def retranslate() -> None:
        button.setText(_tr(text))

    retranslate()
    page.ctx.signals.sig_language_changed.connect(lambda _l: retranslate())
    button.clicked.connect(lambda _c=False: on_click())
    return button
