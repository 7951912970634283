"""The annual report as an Excel workbook: a contents sheet with the text, one sheet per
table, and native Excel charts (openpyxl) beside the tables they draw.

Sheets are named in the report's language as the document numbers its tables («Таблица 7»);
each table's stable id is the sheet's code name (what a macro or a test finds it by)."""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from reports.annual.model import AnnualReport, Cancelled, Chart, Table
from reports.annual.text import t

# Excel's own thousands separator and decimals, shown in the reader's locale (text.num's rule)
INT_FORMAT, FLOAT_FORMAT = "#,##0", "#,##0.0#"


def _number_format(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return FLOAT_FORMAT if isinstance(value, float) and not value.is_integer() else INT_FORMAT


def _write_table(ws, table: Table) -> None:
    ws.sheet_properties.codeName = table.id
    ws.append([table.title])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(list(table.columns))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.number_format = _number_format(cell.value) or cell.number_format
    if table.note:
        ws.append([])
        ws.append([table.note])
    ws.column_dimensions["A"].width = 42
    for i, head in enumerate(table.columns[1:], 2):
        ws.column_dimensions[get_column_letter(i)].width = min(30, max(10, len(str(head)) + 2))
    ws.freeze_panes = "B3"


def _add_chart(ws, chart: Chart, col: int) -> None:
    """The chart's own series next to the table (numbers only: a «no data» cell is not a 0
    in the table, but a chart needs a number), and a native chart drawing them."""
    ws.cell(row=2, column=col, value=chart.title)
    ws.cell(row=3, column=col, value="")
    for j, name in enumerate(chart.series):
        ws.cell(row=3, column=col + 1 + j, value=name)
    for i, cat in enumerate(chart.categories):
        ws.cell(row=4 + i, column=col, value=cat)
        for j, values in enumerate(chart.series.values()):
            ws.cell(row=4 + i, column=col + 1 + j, value=values[i])
    last = 3 + len(chart.categories)
    native = PieChart() if chart.kind == "pie" else BarChart()
    if chart.drawn_kind == "barh":
        native.type = "bar"
    native.title = chart.title
    data = Reference(ws, min_col=col + 1, max_col=col + len(chart.series), min_row=3,
                     max_row=last)
    native.add_data(data, titles_from_data=True)
    native.set_categories(Reference(ws, min_col=col, min_row=4, max_row=last))
    native.width, native.height = 18, 10
    ws.add_chart(native, ws.cell(row=last + 2, column=col).coordinate)


def write_xlsx(report: AnnualReport, path, *, progress=None, cancelled=None) -> None:
    wb = Workbook()
    contents = wb.active
    contents.title = t("contents", report.lang)
    contents.append([report.title])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([report.subtitle])
    number = 0
    charts_of = {c.table: c for c in report.charts()}
    for i, section in enumerate(report.sections):
        if cancelled and cancelled():
            raise Cancelled()
        contents.append([])
        contents.append([section.title])
        contents.cell(row=contents.max_row, column=1).font = Font(bold=True)
        for block in section.blocks:
            if isinstance(block, Table):
                number += 1
                ws = wb.create_sheet(f"{t('table_word', report.lang)} {number}")
                _write_table(ws, block)
                contents.append([f"→ {ws.title}: {block.title}"])
                link = contents.cell(row=contents.max_row, column=1)
                link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{ws.title}'!A1")
                if block.id in charts_of:
                    _add_chart(ws, charts_of[block.id], len(block.columns) + 2)
            elif isinstance(block, str):
                contents.append([block])
        if progress:
            progress(i + 1, len(report.sections))
    contents.column_dimensions["A"].width = 120
    wb.save(str(path))
