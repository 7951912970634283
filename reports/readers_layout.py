"""What a sheet's layout says besides its values: cells merged down a column, rows hidden.

Cells merged down a column: a clerk types a category, a district or an organization once for
a group of people and merges the cell over their rows. The value belongs to every row of the
merge, so the list import gives it to each row under the header (only down the merge's first
column: a title merged across a line stays one cell; a header's own merges, «№» over two
header rows, are left to the header reading).

`vertical_merges(ws, path, sheet)` lists the merges as (first row, column, last row), 0-based
rows of the sheet (reports.readers.iter_rows hands them over through `on_merges`);
`fill_down(rows, merges, first)` gives the rows with the merged values repeated.

Rows hidden: a row hidden in an .xlsx, .ods or .xls (`hidden_rows`; an .xls's from its ROW
records, reports.xls_biff) is read like any other, and the list import says which people
were on hidden rows (hidden before printing: was the person there?).

Sheets hidden: a reader that picks its sheet itself passes over the ones the workbook
hides, each named in a warning with how to read it (`visible_sheets`; --sheet names one).

Columns hidden: likewise (`hidden_columns`, 0-based; an .xls's from its COLINFO records), and
each import says once which of the columns it read into its records were hidden
(`hidden_read_columns`, one warning a column naming its header and letter); a hidden column
read into no field is not said.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

Merge = tuple[int, int, int]          # first row, column, last row (0-based, inclusive)


def vertical_merges(ws, path: Path, sheet: str | None) -> list[Merge]:
    """The merges of a calamine sheet spanning more than one row (an .ods's from its XML:
    calamine does not report them for OpenDocument)."""
    ranges = ws.merged_cell_ranges
    if ranges is None and path.suffix.lower() == ".ods":
        return ods_merges(path, sheet)
    return [(r1, c1, r2) for (r1, c1), (r2, _c2) in ranges or [] if r2 > r1]


def fill_down(rows: Iterable[tuple], merges: list[Merge], first: int = 0) -> Iterator[tuple]:
    """`rows` (the first is sheet row `first`, 0-based) with each vertical merge's value put
    into the empty cells it covers."""
    if not merges:
        yield from rows
        return
    starts: dict[int, list[Merge]] = {}
    for m in merges:
        starts.setdefault(m[0], []).append(m)
    active: list[tuple[int, int, object]] = []          # (column, last row, value)
    for i, row in enumerate(rows, start=first):
        active = [a for a in active if a[1] >= i]
        if active:
            cells = list(row)
            for col, _last, value in active:
                cells.extend([None] * (col + 1 - len(cells)))
                if cells[col] is None:
                    cells[col] = value
            row = tuple(cells)
        for _r1, col, last in starts.get(i, []):
            if col < len(row) and row[col] is not None:
                active.append((col, last, row[col]))
        yield row


_NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}


def _attr(el, name: str, default: int = 1) -> int:
    return int(el.get(f"{{{_NS['table']}}}{name}", default))


def ods_merges(path: Path, sheet: str | None) -> list[Merge]:
    """Vertical merges of an .ods sheet (the first when `sheet` is None), from content.xml."""
    return _ods_layout(path, sheet)[0]


def _ods_table(path: Path, sheet: str | None):
    """The table:table element of an .ods sheet (the first when `sheet` is None), or None."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as z:
            root = ET.fromstring(z.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError):
        return None
    tables = root.iter(f"{{{_NS['table']}}}table")
    return next((t for t in tables if sheet is None
                 or t.get(f"{{{_NS['table']}}}name") == sheet), None)


def _ods_layout(path: Path, sheet: str | None) -> tuple[list[Merge], set[int]]:
    """(vertical merges, 1-based hidden rows) of an .ods sheet."""
    table = _ods_table(path, sheet)
    merges: list[Merge] = []
    hidden: set[int] = set()
    r = 0
    for row in table.iter(f"{{{_NS['table']}}}table-row") if table is not None else []:
        c = 0
        for cell in row:
            span = _attr(cell, "number-rows-spanned")
            if span > 1:
                merges.append((r, c, r + span - 1))
            c += _attr(cell, "number-columns-repeated")
        repeated = _attr(row, "number-rows-repeated")
        if row.get(f"{{{_NS['table']}}}visibility") in ("collapse", "filter") and repeated < 1000:
            hidden.update(range(r + 1, r + repeated + 1))
        r += repeated
    return merges, hidden


def join_continuations(rows: Iterable[tuple], merges: list[Merge], name_cols: list[int],
                       no_col: int | None, first: int = 0) -> Iterator[tuple]:
    """One person typed over two rows or more, the name (or the «№» over an empty name)
    merged down over them: the lower rows' cells join the person's (text after text), and
    each lower row becomes blank, so the rows keep their numbers."""
    covered = {(r, col) for r1, col, r2 in merges for r in range(r1 + 1, r2 + 1)
               if col in name_cols or col == no_col}
    if not covered:
        yield from rows
        return
    held: list | None = None
    blanks = 0                                   # the held person's lower rows
    for i, row in enumerate(rows, start=first):
        named = any(c < len(row) and row[c] not in (None, "") for c in name_cols)
        if held is not None and (any((i, c) in covered for c in name_cols)
                                 or ((i, no_col) in covered and not named)):
            _join(held, row)
            blanks += 1
            continue
        if held is not None:
            yield tuple(held)
            yield from [()] * blanks
        held, blanks = list(row), 0
    if held is not None:
        yield tuple(held)
        yield from [()] * blanks


def _join(held: list, row: tuple) -> None:
    held.extend([None] * (len(row) - len(held)))
    for c, v in enumerate(row):
        if v in (None, "") or str(v) == str(held[c]):
            continue
        held[c] = v if held[c] in (None, "") else f"{held[c]} {v}"


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def hidden_rows(path: Path, sheet: str | None) -> set[int]:
    """The 1-based numbers of the rows an .xlsx, .ods or .xls sheet hides (empty for other
    files, and for a workbook that cannot be read so far)."""
    from reports.readers import CFB_MAGIC, CORRUPT, _head, _sheet_part
    from reports.xls_biff import xls_hidden_rows

    if path.suffix.lower() == ".ods":
        return _ods_layout(path, sheet)[1]
    try:
        if _head(path) == CFB_MAGIC:                 # an .xls, whatever its name says
            return xls_hidden_rows(path, sheet)
    except OSError:
        return set()
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return set()
    out: set[int] = set()
    try:
        with zipfile.ZipFile(path) as z:
            part = _sheet_part(z, sheet)
            with z.open(part) if part else _nothing() as fh:
                carry = b""
                while chunk := fh.read(1 << 20):
                    buf = carry + chunk
                    cut = buf.rfind(b"<")
                    for tag in _ROW_TAG.findall(buf, 0, cut):
                        if _HIDDEN.search(tag) and (n := _ROW_NUMBER.search(tag)):
                            out.add(int(n.group(1)))
                    carry = buf[cut:]
    except CORRUPT:
        return set()
    return out


MAX_COLUMNS = 16384                 # a sheet's last column (XFD): a wider range is cut there
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_COL_MIN, _COL_MAX = re.compile(rb'\bmin="(\d+)"'), re.compile(rb'\bmax="(\d+)"')


def hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """The 0-based columns an .xlsx, .ods or .xls sheet hides (a hidden range, a collapsed
    group: each of its columns); empty for other files and a workbook not read so far."""
    from reports.readers import CFB_MAGIC, CORRUPT, _head
    from reports.xls_biff import xls_hidden_columns

    if path.suffix.lower() == ".ods":
        return _ods_hidden_columns(path, sheet)
    try:
        if _head(path) == CFB_MAGIC:                 # an .xls, whatever its name says
            return xls_hidden_columns(path, sheet)
    except OSError:
        return set()
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return set()
    try:
        return _xlsx_hidden_columns(path, sheet)
    except CORRUPT:
        return set()


def _xlsx_hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """From the <cols> in front of the sheet's data (the sheet's head only is read)."""
    from reports.readers import _sheet_part

    with zipfile.ZipFile(path) as z:
        part = _sheet_part(z, sheet)
        with z.open(part) if part else _nothing() as fh:
            head = b""
            while b"sheetData" not in head and (chunk := fh.read(1 << 16)):
                head += chunk
    out: set[int] = set()
    for tag in _COL_TAG.findall(head.split(b"sheetData", 1)[0]):
        lo, hi = _COL_MIN.search(tag), _COL_MAX.search(tag)
        if _HIDDEN.search(tag) and lo and hi:
            out.update(range(int(lo.group(1)) - 1, min(int(hi.group(1)), MAX_COLUMNS)))
    return out


def _ods_hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """From the table:table-column elements (inside column groups and header columns too)."""
    table = _ods_table(path, sheet)
    out: set[int] = set()
    c = 0
    for col in table.iter(f"{{{_NS['table']}}}table-column") if table is not None else []:
        repeated = _attr(col, "number-columns-repeated")
        if col.get(f"{{{_NS['table']}}}visibility") in ("collapse", "filter"):
            out.update(range(c, min(c + repeated, MAX_COLUMNS)))
        c += repeated
    return out


def hidden_read_columns(path: Path, sheet: str | None,
                        read: Mapping[int, tuple[str, str | None]], lang: str = "ru") -> list[dict]:
    """One warning for each column of `read` (0-based column -> (its header as the file
    names it, its field): the columns an import read into its records) the sheet hides."""
    from openpyxl.utils import get_column_letter

    from reports.intake_text import say

    hidden = hidden_columns(path, sheet) if read else set()
    out = []
    for c, (header, fid) in sorted(read.items()):
        letter = get_column_letter(c + 1)
        if c in hidden:
            out.append({"row": None, "column": header or letter, "field": fid,
                        "code": "column_hidden", "severity": "warning", "message": say(
                            "column_hidden", lang, column=header or letter, letter=letter)})
    return out


def _nothing():
    import io

    return io.BytesIO(b"")


def hidden_sheets(path: Path) -> set[str]:
    """The names of the sheets a workbook (.xlsx, .xls, .ods) hides, «very hidden» too; empty
    for a .csv or .docx and a workbook that cannot be opened (its reader says why)."""
    from python_calamine import SheetVisibleEnum

    from reports.readers import WORKBOOKS, FileProblem, _open_calamine, kind_of

    if kind_of(path) not in WORKBOOKS:
        return set()
    try:
        wb = _open_calamine(path)
    except FileProblem:
        return set()
    try:
        return {m.name for m in wb.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
    finally:
        wb.close()


def visible_sheets(path: Path, sheet: str | None = None,
                   lang: str = "ru") -> tuple[list[str | None], list[dict]]:
    """(the sheets a reader looks at, one warning for each it passes over): `sheet` alone when
    the person names one (a hidden one too: that is how it is read), else the workbook's
    sheets but those it hides (last year's list, a draft: not imported silently), each named
    with how to read it (--sheet); every sheet when it hides them all."""
    from forms import message_text
    from reports.readers import workbook_sheets

    if sheet is not None:
        return [sheet], []
    names = workbook_sheets(path)
    hidden = hidden_sheets(path) if len(names) > 1 else set()
    shown = [n for n in names if n not in hidden]
    if not shown:
        return names, []
    return shown, [{"row": None, "column": None, "code": "sheet_hidden", "severity": "warning",
                    "sheet": n, "message": message_text("wide_on_sheet", lang, {"sheet": n})
                    + message_text("sheet_hidden", lang, {"sheet": n})}
                   for n in names if n in hidden]
