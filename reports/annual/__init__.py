"""The annual report «Волонтёрство в цифрах» written from the records (issue 17).

build_annual(records, units, year, region=, lang=, rates=, due_day=, progress=, cancelled=)
-> AnnualReport (plain data: sections of paragraphs, tables, chart series);
write_report(report, path) writes .docx (python-docx), .xlsx (openpyxl, native charts) or
.pdf (LibreOffice). Every figure comes from reports.aggregate / economics / completeness /
coverage / questionnaire / focus_answers: the dashboard's and the summary workbook's code.
"""
from __future__ import annotations

from pathlib import Path

from reports.annual.build import build_annual
from reports.annual.model import AnnualReport, Cancelled

FORMATS = (".docx", ".xlsx", ".pdf")

__all__ = ["FORMATS", "AnnualReport", "Cancelled", "build_annual", "make_report",
           "write_report"]


def write_report(report: AnnualReport, path, *, progress=None, cancelled=None,
                 renderer=None) -> Path:
    """Write `report` in the format its suffix names; raises ValueError for another one and
    reports.annual.pdf_out.PdfUnavailable when a PDF cannot be made. `renderer(chart) -> PNG
    bytes` draws the charts of a .docx / .pdf (default: matplotlib, reports.annual.charts;
    the desktop passes its own, drawn with Qt, so its build carries no matplotlib)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from reports.annual.docx_out import write_docx
        write_docx(report, path, progress=progress, cancelled=cancelled, renderer=renderer)
    elif suffix == ".xlsx":  # native Excel charts: nothing to draw
        from reports.annual.xlsx_out import write_xlsx
        write_xlsx(report, path, progress=progress, cancelled=cancelled)
    elif suffix == ".pdf":
        from reports.annual.pdf_out import write_pdf
        write_pdf(report, path, progress=progress, cancelled=cancelled, renderer=renderer)
    else:
        raise ValueError(f"{path.name}: the annual report is written as .docx, .xlsx or .pdf")
    return path


def make_report(records, units, year: int, *, path, region: str | None = None,
                lang: str = "ru", rates=None, due_day: int = 10, progress=None,
                cancelled=None, renderer=None) -> Path:
    """Build and write in one go (a background job): progress(done, total, text) counts the
    sections built and then written; cancelled() -> True stops with Cancelled, no file."""
    report = build_annual(records, units, year, region=region, lang=lang, rates=rates,
                          due_day=due_day, cancelled=cancelled,
                          progress=progress and (lambda d, n: progress(d, 2 * n, "")))
    n = len(report.sections)
    return write_report(report, path, cancelled=cancelled, renderer=renderer,
                        progress=progress and (lambda d, _n: progress(n + d, 2 * n, "")))
