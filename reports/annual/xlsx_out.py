"""The annual report as an Excel workbook: a contents sheet with the text, one sheet per
table, and native Excel charts (openpyxl) beside the tables they draw."""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Font

from reports.annual.model import AnnualReport, Cancelled, Chart, Table


def _sheet_name(table: Table, used: set) -> str:
    name = table.id[:31]
    k = 2
    while name in used:
        name = f"{table.id[:28]}_{k}"
        k += 1
    used.add(name)
    return name


def _write_table(ws, table: Table) -> None:
    ws.append([table.title])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(list(table.columns))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        ws.append(list(row))
    if table.note:
        ws.append([])
        ws.append([table.note])
    ws.column_dimensions["A"].width = 42
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
    if chart.kind == "barh":
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
    contents.title = "contents"
    contents.append([report.title])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([report.subtitle])
    used: set = {"contents"}
    charts_of = {c.table: c for c in report.charts()}
    for i, section in enumerate(report.sections):
        if cancelled and cancelled():
            raise Cancelled()
        contents.append([])
        contents.append([section.title])
        contents.cell(row=contents.max_row, column=1).font = Font(bold=True)
        for block in section.blocks:
            if isinstance(block, Table):
                ws = wb.create_sheet(_sheet_name(block, used))
                _write_table(ws, block)
                contents.append([f"→ {ws.title}: {block.title}"])
                if block.id in charts_of:
                    _add_chart(ws, charts_of[block.id], len(block.columns) + 2)
            elif isinstance(block, str):
                contents.append([block])
        if progress:
            progress(i + 1, len(report.sections))
    contents.column_dimensions["A"].width = 120
    wb.save(str(path))
