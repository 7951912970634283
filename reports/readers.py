"""Row readers for .xlsx, .xls, .ods, .csv / .txt (reports.readers_csv) and .docx, with clear
file-level errors.

Rows come out as tuples of cell values. Workbooks (.xlsx, .xls, .ods) are read by python-calamine
(much faster than openpyxl; merged cells give their value in the first cell only); a .docx
gives one row per paragraph and per table row, in document order. Python holds no more than
the rows the caller keeps; `row_limit` stops a huge file early with an error instead of a
crash.
"""
from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from forms.fieldcheck import MAX_ITEMS
from reports.xls_biff import CFB_MAGIC, xls_damage  # CFB: encrypted xlsx or old .xls

ZIP_MAGIC = b"PK\x03\x04"
ODF_PREFIX = "application/vnd.oasis.opendocument."
ODF_SHEET = ODF_PREFIX + "spreadsheet"
DEFAULT_ROW_LIMIT = MAX_ITEMS  # data rows a list may have (a record's roster rows) ...
WORKBOOKS = ("xlsx", "xls", "ods")  # read by python-calamine
HEAD_ROWS = 20               # ... below this many title and header rows
# A sheet's declared used range (<dimension ref="A1:K200001"/>) and a row element.
DIMENSION_RE = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*(\d*)(?::[A-Z]*(\d+))?"')
ROW_TAG_RE = re.compile(rb"<(?:\w+:)?row[\s/>]")
# What a damaged workbook raises inside zipfile / zlib / the XML parser / openpyxl.
CORRUPT = (zipfile.BadZipFile, zlib.error, SyntaxError, KeyError, ValueError, EOFError,
           OSError, TypeError, IndexError, AttributeError)


class FileProblem(ValueError):
    """A problem with the file as a whole (nothing was imported): `str()` in English for logs,
    `text(lang)` in the user's language (resources/messages.toml `file_<code>`)."""

    def __init__(self, message: str, code: str, **params):
        super().__init__(message)
        self.code = code
        self.params = params

    def text(self, lang: str = "ru") -> str:
        from forms.messages import message_text, messages
        key = "file_bad_line" if "line" in self.params else f"file_{self.code}".replace(
            "file_file_", "file_")
        if not self.params or key not in messages():
            return str(self)
        return message_text(key, lang, self.params)


def kind_of(path: Path) -> str:
    try:
        head = _head(path)
    except FileNotFoundError:
        raise FileProblem(f"{path}: file not found", "file_missing", file=str(path)) from None
    if not head:
        raise FileProblem(f"{path.name}: the file is empty", "file_empty", file=path.name)
    if head.startswith(CFB_MAGIC):
        if path.suffix.lower() == ".xls" or _is_xls(path):
            return "xls"
        raise FileProblem(
            f"{path.name}: the workbook is password-protected (encrypted); remove the "
            f"password and import again", "file_encrypted", file=path.name)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise FileProblem(f"{path.name}: not a valid .xlsx workbook (damaged or another "
                          f"format)", "file_corrupt", file=path.name)
    return "csv"


def _zip_kind(path: Path) -> str:
    """docx, ods (an OpenDocument spreadsheet, LibreOffice's own format) or xlsx; an
    OpenDocument text (.odt) is refused with what to do instead."""
    if _zip_has(path, "word/document.xml"):
        return "docx"
    mimetype = _zip_member(path, "mimetype")
    if mimetype.startswith(ODF_SHEET):
        return "ods"
    if mimetype.startswith(ODF_PREFIX):
        raise FileProblem(f"{path.name}: an OpenDocument text or other non-spreadsheet file; "
                          f"save it as .docx or .xlsx and import that", "odf_text",
                          file=path.name)
    return "xlsx"


def _zip_member(path: Path, member: str) -> str:
    """A small member's text ('' when absent or unreadable)."""
    try:
        with zipfile.ZipFile(path) as z:
            return z.read(member)[:200].decode("ascii", "replace")
    except CORRUPT:
        return ""


def _zip_has(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return member in z.namelist()
    except CORRUPT:
        return False


def _is_xls(path: Path) -> bool:
    """An OLE container holding a Workbook stream (an encrypted .xlsx holds EncryptedPackage)."""
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    return "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data


def _head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(8)


def iter_rows(path: str | Path, *, sheet: str | None = None,
              row_limit: int = DEFAULT_ROW_LIMIT,
              on_repair: Callable[[str, str], None] | None = None,
              on_merges: Callable[[list], None] | None = None) -> Iterator[tuple]:
    """The rows of a file; text that went through the wrong code page on its way into a
    workbook or document is turned back (reports.mojibake), and `on_repair(wrong, right)`
    is told so once; `on_merges` is given a workbook sheet's cells merged down a column."""
    path = Path(path)
    kind = kind_of(path)
    if kind == "xlsx":
        check_sheet_size(path, sheet, row_limit)
    if kind in WORKBOOKS:
        rows = _workbook_rows(path, sheet, on_merges)
    elif kind == "docx":
        rows = _docx_rows(path, on_merges)
    else:
        from reports.readers_csv import csv_rows

        rows = csv_rows(path)  # its own choice of encoding and delimiter
    if kind != "csv":
        rows = _repaired(rows, on_repair)
    for n, row in enumerate(rows, start=1):
        if n > row_limit + HEAD_ROWS:
            raise FileProblem(f"{path.name}: more than {row_limit:,} rows; split the file "
                              f"(nothing was imported)", "too_many_rows", file=path.name,
                              limit=f"{row_limit:,}")
        yield row


def _repaired(rows: Iterator[tuple], on_repair) -> Iterator[tuple]:
    from reports.mojibake import detect, repairer

    head = list(itertools.islice(rows, HEAD_ROWS))
    found = detect(head)
    if found is None:
        yield from head
        yield from rows
        return
    if on_repair is not None:
        on_repair(*found)
    repair = repairer(*found)
    yield from map(repair, head)
    yield from map(repair, rows)


def check_sheet_size(path: Path, sheet: str | None, row_limit: int) -> None:
    """Refuse a sheet with more than `row_limit` rows (+ HEAD_ROWS) before any row is read: from
    the sheet's declared dimension, else by counting its row tags in the compressed stream
    (no XML parsing, constant memory). Unreadable parts are left to the reader's own errors."""
    try:
        with zipfile.ZipFile(path) as z:
            part = _sheet_part(z, sheet)
            rows = _sheet_row_count(z, part, row_limit + HEAD_ROWS) if part else None
    except CORRUPT:
        return
    if rows is not None and rows > row_limit + HEAD_ROWS:
        raise FileProblem(f"{path.name}: the sheet has {rows:,} rows or more; the limit is "
                          f"{row_limit:,} rows: split the file (nothing was imported)",
                          "too_many_rows", file=path.name, limit=f"{row_limit:,}")


def _sheet_part(z: zipfile.ZipFile, sheet: str | None) -> str | None:
    """The zip member of the named sheet (or the first one), from the workbook's rels."""
    import xml.etree.ElementTree as ET

    sheets = [el for el in ET.fromstring(z.read("xl/workbook.xml")).iter()
              if el.tag.endswith("}sheet")]
    chosen = next((el for el in sheets if sheet is None or el.get("name") == sheet), None)
    if chosen is None:
        return None
    rid = next((v for k, v in chosen.attrib.items() if k.endswith("}id")), None)
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next((el.get("Target") for el in rels.iter() if el.get("Id") == rid), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _sheet_row_count(z: zipfile.ZipFile, part: str, enough: int) -> int:
    """The declared last row, or the number of row tags (counting stops past `enough`)."""
    with z.open(part) as fh:
        data = fh.read(1 << 16)
        head = data.split(b"sheetData", 1)[0]
        found = DIMENSION_RE.search(head)
        if found and found.group(2):  # a range; a lone "A1" is what some writers leave
            return int(found.group(2))
        count, carry, chunk = 0, b"", data
        while chunk:
            buf = carry + chunk
            cut = buf.rfind(b"<")
            cut = cut if cut > len(buf) - 32 else len(buf)  # a tag cut at the chunk's end
            count += len(ROW_TAG_RE.findall(buf, 0, cut))
            if count > enough:
                break
            carry, chunk = buf[cut:], fh.read(1 << 20)
        return count if chunk else count + len(ROW_TAG_RE.findall(carry))


def _open_workbook(path: Path, data_only: bool = True):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except (InvalidFileException, *CORRUPT) as exc:
        raise FileProblem(f"{path.name}: the workbook is damaged and cannot be read "
                          f"({type(exc).__name__}: {exc})", "file_corrupt", file=path.name) from None


def _xlsx_rows(path: Path, sheet: str | None, row_limit: int) -> Iterator[tuple]:
    wb = _open_workbook(path)
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise FileProblem(f"{path.name}: no sheet {sheet!r} (sheets: "
                              f"{', '.join(wb.sheetnames)})", "no_sheet", file=path.name, sheet=sheet,
                              sheets=", ".join(wb.sheetnames))
        ws = wb[sheet] if sheet else wb.worksheets[0]
        # (ws.max_row is not consulted: without a <dimension> tag openpyxl would parse the
        # whole sheet once more just to find it; iter_rows() stops at the limit instead.)
        try:
            yield from ws.iter_rows(values_only=True)
        except CORRUPT as exc:
            raise FileProblem(f"{path.name}: the workbook is damaged ({exc})",
                              "file_corrupt", file=path.name) from None
    finally:
        wb.close()


def _workbook_rows(path: Path, sheet: str | None, on_merges=None) -> Iterator[tuple]:
    """Rows of a workbook through python-calamine (empty cells -> None); `on_merges` is
    given the sheet's vertical merges (reports.readers_layout) before the first row."""
    from reports.readers_layout import vertical_merges

    wb = _open_calamine(path)
    try:
        if sheet is not None and sheet not in wb.sheet_names:
            raise FileProblem(f"{path.name}: no sheet {sheet!r} (sheets: "
                              f"{', '.join(wb.sheet_names)})", "no_sheet", file=path.name, sheet=sheet,
                              sheets=", ".join(wb.sheet_names))
        try:
            ws = wb.get_sheet_by_name(sheet) if sheet else wb.get_sheet_by_index(0)
            rows = ws.iter_rows()
        except BaseException as exc:  # noqa: BLE001 - see _damaged
            raise _damaged(path, exc) from None
        if on_merges is not None:
            on_merges(vertical_merges(ws, path, sheet))
        # calamine's rows begin at the sheet's first row (the empty rows above the used range
        # included), their cells at the used range's first column: the columns left of it
        # are put back, so that a row's and a cell's numbers are the sheet's
        left = (None,) * (ws.start or (0, 0))[1]
        try:
            for row in rows:
                yield left + tuple(None if v == "" else v for v in row)
        except BaseException as exc:  # noqa: BLE001 - see _damaged
            raise _damaged(path, exc) from None
    finally:
        wb.close()


def _open_calamine(path: Path):
    """A calamine workbook; an .xls calamine would panic or die on is refused first."""
    from python_calamine import CalamineWorkbook

    if _head(path) == CFB_MAGIC and (why := xls_damage(path)) is not None:
        raise FileProblem(f"{path.name}: the workbook is damaged: {why}", "file_corrupt",
                          file=path.name)
    try:
        return CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # noqa: BLE001 - see _damaged
        raise _damaged(path, exc) from None


def _damaged(path: Path, exc: BaseException) -> FileProblem:
    """What calamine raised on a damaged workbook, as the file's problem: its own error types,
    or a panic of its Rust code (a truncated .xls: pyo3's PanicException derives from
    BaseException). Anything else (Ctrl+C, a generator closed) goes on as it was."""
    if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
        raise exc
    if isinstance(exc, FileProblem):
        return exc
    return FileProblem(f"{path.name}: the workbook is damaged and cannot be read "
                       f"({type(exc).__name__}: {exc})", "file_corrupt", file=path.name)


def _docx_rows(path: Path, on_merges=None) -> Iterator[tuple]:
    """One row per paragraph (one cell) and per table row, in document order; a cell merged
    down over rows is given once, in its top row, and `on_merges` is told the merges
    (reports.readers_layout), as for a workbook."""
    rows, merges = _docx_table_rows(path)
    if on_merges is not None:
        on_merges(merges)
    yield from rows


def _docx_table_rows(path: Path) -> tuple[list[tuple], list]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(str(path))
    except (*CORRUPT, Exception) as exc:  # noqa: BLE001 - python-docx / lxml errors
        raise FileProblem(f"{path.name}: the document is damaged and cannot be read "
                          f"({type(exc).__name__}: {exc})", "file_corrupt", file=path.name) from None
    rows: list[tuple] = []
    merges: dict[tuple[int, int], int] = {}      # (top row, column) -> last row, 0-based
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, doc).text
            rows.append((text,) if text.strip() else ())
        elif tag == "tbl":
            above: list = []                    # the row above: (cell element, top row)
            for tr in Table(child, doc).rows:
                n, cells, here = len(rows), [], []
                for c, cell in enumerate(_unique_cells(tr)):
                    top = above[c][1] if c < len(above) and above[c][0] is cell._tc else None
                    if top is not None:         # python-docx repeats a merged cell below
                        merges[(top, c)] = n
                    cells.append(None if top is not None or not cell.text.strip()
                                 else cell.text)
                    here.append((cell._tc, n if top is None else top))
                rows.append(tuple(cells))
                above = here
    return rows, [(r1, c, r2) for (r1, c), r2 in merges.items()]


def _unique_cells(tr) -> list:
    """A row's cells, a horizontally merged cell once (python-docx repeats it)."""
    out, seen = [], set()
    for cell in tr.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        out.append(cell)
    return out


def sheet_names(path: Path) -> list[str]:
    """Sheet names from xl/workbook.xml, without openpyxl (which, in read-only mode, scans a
    whole sheet on opening when the file has no <dimension> tag). [] if unreadable."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as z:
            root = ET.fromstring(z.read("xl/workbook.xml"))
    except CORRUPT:
        return []
    return [el.attrib["name"] for el in root.iter()
            if el.tag.endswith("}sheet") and "name" in el.attrib]


def workbook_sheets(path: Path) -> list[str | None]:
    """Every sheet of a workbook (.xlsx, .xls, .ods) by name; [None] for a .csv or .docx
    (one table) or a workbook whose sheets cannot be listed (the reader then says why)."""
    kind = kind_of(path)
    if kind == "xlsx":
        return list(sheet_names(path)) or [None]
    if kind not in WORKBOOKS:
        return [None]
    try:
        wb = _open_calamine(path)
    except FileProblem:
        return [None]
    try:
        return list(wb.sheet_names) or [None]
    finally:
        wb.close()
