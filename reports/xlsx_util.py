"""Small openpyxl helpers: titled tables and native charts placed beside them."""
from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_table(ws, top: int, headers: list[str], rows: list[list], *, title: str | None = None,
                col: int = 1) -> tuple[int, int, int]:
    """Write [title], header and rows; returns (header_row, first_data_row, last_data_row)."""
    r = top
    if title:
        ws.cell(r, col, title).font = TITLE
        r += 1
    for j, h in enumerate(headers):
        c = ws.cell(r, col + j, h)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            ws.cell(r + i, col + j, v)
    return r, r + 1, r + max(len(rows), 1)


def print_setup(wb) -> None:
    """Landscape, one page wide, thousands separators: readable when printed or as PDF."""
    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, int) and not isinstance(c.value, bool):
                    c.number_format = "#,##0"


def widths(ws, first: int = 34, rest: int = 14, n: int = 16) -> None:
    ws.column_dimensions["A"].width = first
    for j in range(2, n + 1):
        ws.column_dimensions[get_column_letter(j)].width = rest


def _refs(ws, header_row, first, last, cat_col, val_cols):
    cats = Reference(ws, min_col=cat_col, min_row=first, max_row=last)
    data = [Reference(ws, min_col=c, min_row=header_row, max_row=last) for c in val_cols]
    return cats, data


def bar(ws, anchor: str, title: str, header_row: int, first: int, last: int, *,
        cat_col: int = 1, val_cols=(2,), horizontal: bool = False, stacked: bool = False):
    if last < first:
        return None
    ch = BarChart()
    ch.type = "bar" if horizontal else "col"
    if stacked:
        ch.grouping, ch.overlap = "stacked", 100
    ch.title = title
    n = last - first + 1
    ch.height, ch.width = (max(8.0, 0.65 * n), 24) if horizontal else (8.0, 16)
    cats, data = _refs(ws, header_row, first, last, cat_col, val_cols)
    for d in data:
        ch.add_data(d, titles_from_data=True)
    ch.set_categories(cats)
    ch.legend = None if len(val_cols) == 1 else ch.legend
    ws.add_chart(ch, anchor)
    return ch


def pie(ws, anchor: str, title: str, header_row: int, first: int, last: int, *,
        cat_col: int = 1, val_col: int = 2):
    if last < first:
        return None
    ch = PieChart()
    ch.title = title
    ch.height, ch.width = 8, 12
    cats, data = _refs(ws, header_row, first, last, cat_col, (val_col,))
    ch.add_data(data[0], titles_from_data=True)
    ch.set_categories(cats)
    ws.add_chart(ch, anchor)
    return ch


def line(ws, anchor: str, title: str, header_row: int, first: int, last: int, *,
         cat_col: int = 1, val_cols=(2,)):
    if last < first:
        return None
    ch = LineChart()
    ch.title = title
    ch.height, ch.width = 8, 18
    cats, data = _refs(ws, header_row, first, last, cat_col, val_cols)
    for d in data:
        ch.add_data(d, titles_from_data=True)
    ch.set_categories(cats)
    ws.add_chart(ch, anchor)
    return ch
