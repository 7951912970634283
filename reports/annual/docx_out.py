"""The annual report as a Word document (python-docx): headings, real tables with captions
(each table's alt-text title is its id), charts as PNG pictures."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reports.annual.model import AnnualReport, Cancelled, Chart, Table
from reports.annual.text import num, t

FONT = "Arial"


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2", "Caption"):
        doc.styles[name].font.name = FONT


def _page(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))


def _alt_title(table, key: str) -> None:
    """Word's table alt-text title (w:tblCaption) carries the table's stable id."""
    pr = table._tbl.tblPr
    cap = OxmlElement("w:tblCaption")
    cap.set(qn("w:val"), key)
    pr.append(cap)


def _row_flag(row, tag: str) -> None:
    """w:tblHeader (repeated on every page) or w:cantSplit (never broken across pages)."""
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


PAGE_CM = 17.0          # the text width of an A4 page with 2 cm margins
SMALL = 0.75            # the smaller font of a compact table, relative to the normal one


def _needs(table: Table, k: float) -> tuple[list[float], list[float]]:
    """Per column (cm at font scale k): the room it needs (its header's longest word and, for
    numbers, its longest cell) and the room its longer text would still like."""
    need, want = [], []
    for i, head in enumerate(table.columns):
        word = max((len(w) for w in str(head).split()), default=3)
        longest = max((len(num(r[i])) for r in table.rows), default=0)
        numeric = all(not isinstance(r[i], str) for r in table.rows)
        need.append(max(word * 0.21 * k, min(longest, 99 if numeric else 18) * 0.19 * k) + 0.45)
        want.append(0.0 if numeric else max(0.0, longest * 0.2 * k + 0.35 - need[-1]))
    return need, want


def _compact(table: Table) -> bool:
    """Set in the smaller font: many columns, or columns that do not fit the page at the
    normal size (a long text column squeezed by wide number headers runs pages long)."""
    return len(table.columns) > 7 or sum(_needs(table, 1.0)[0]) > PAGE_CM


def _widths(table: Table, total_cm: float = PAGE_CM) -> list:
    """Column widths in cm: each column gets the room it needs; the room left over goes to
    the text columns that want it."""
    need, want = _needs(table, SMALL if _compact(table) else 1.0)
    spare = total_cm - sum(need)
    if spare <= 0:
        return [Cm(n * total_cm / sum(need)) for n in need]
    share = min(1.0, spare / sum(want)) if sum(want) else 0.0
    widths = [n + w * share for n, w in zip(need, want)]
    rest = total_cm - sum(widths)
    return [Cm(w + rest * w / sum(widths)) for w in widths]


KEEP_TOGETHER = 15      # a table of this many rows or fewer is never broken across pages


def _keep_together(grid) -> None:
    """Every row kept with the next one: the table moves whole to the next page rather than
    leaving its header and a row or two at the foot of this one."""
    for row in grid.rows[:-1]:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True


def _set_widths(grid, widths: list) -> None:
    grid.autofit = False
    for column, width in zip(grid.columns, widths):   # w:gridCol: what LibreOffice reads
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def add_table(doc, table: Table, number: int, lang: str) -> None:
    caption = doc.add_paragraph(f"{t('table_word', lang)} {number}. {table.title}",
                                style="Caption")
    caption.paragraph_format.keep_with_next = True      # never a caption alone at a page end
    wide = _compact(table)
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    _alt_title(grid, table.id)
    for cell, text in zip(grid.rows[0].cells, table.columns):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        run.bold = True
        run.font.size = Pt(6.5 if wide else 8)
    _row_flag(grid.rows[0], "w:tblHeader")
    for row in table.rows:
        added = grid.add_row()
        _row_flag(added, "w:cantSplit")
        cells = added.cells
        for i, (cell, value) in enumerate(zip(cells, row)):
            para = cell.paragraphs[0]
            run = para.add_run(num(value, lang))
            run.font.size = Pt(7 if wide else 9)
            if i and not isinstance(value, str):
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_widths(grid, _widths(table))
    if len(table.rows) <= KEEP_TOGETHER:
        _keep_together(grid)
    note = doc.add_paragraph(table.note)                  # also the gap before what follows
    if table.note:
        note.runs[0].italic = True
        note.runs[0].font.size = Pt(8)


def add_chart(doc, chart: Chart, number: int, lang: str, renderer=None) -> None:
    if renderer is None:
        from reports.annual.charts import render_png as renderer
    doc.add_picture(io.BytesIO(renderer(chart)), width=Cm(16))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(chart.title, style="Caption")


def write_docx(report: AnnualReport, path, *, progress=None, cancelled=None,
               renderer=None) -> None:
    doc = Document()
    _styles(doc)
    _page(doc)
    doc.core_properties.title = report.title
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    tables = charts = 0
    for i, section in enumerate(report.sections):
        if cancelled and cancelled():
            raise Cancelled()
        doc.add_heading(section.title, level=1)
        for block in section.blocks:
            if isinstance(block, Table):
                tables += 1
                add_table(doc, block, tables, report.lang)
            elif isinstance(block, Chart):
                charts += 1
                add_chart(doc, block, charts, report.lang, renderer)
            else:
                doc.add_paragraph(str(block))
        if progress:
            progress(i + 1, len(report.sections))
    doc.save(str(path))
