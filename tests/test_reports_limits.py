"""Issue 19 item 6: a 200,000-row .xlsx is refused before its rows are read, quickly and in
little memory, with a message naming the limit (reports.readers.check_sheet_size)."""
from __future__ import annotations

import time
import tracemalloc
import zipfile

import pytest

from reports.io import ImportFailed, import_file
from reports.readers import DEFAULT_ROW_LIMIT, HEAD_ROWS, FileProblem, iter_rows
from store import open_store

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def write_xlsx(path, rows: int, *, dimension: bool, sheet: str = "records"):
    """A real .xlsx (as Excel writes it: zipped XML parts) with `rows` rows of three cells,
    made without a spreadsheet library so that 200,000 rows take a second, not a minute."""
    body = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}" t="inlineStr"><is>'
                   f'<t>name {n}</t></is></c><c r="C{n}"><v>{n * 2}</v></c></row>'
                   for n in range(1, rows + 1))
    dim = f'<dimension ref="A1:C{rows}"/>' if dimension else ""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {REL_NS}><sheets>'
            f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{dim}<sheetData>{body}'
            f'</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return path


@pytest.mark.parametrize("dimension", [True, False], ids=["dimension", "no-dimension"])
def test_200k_row_xlsx_is_refused_before_reading(tmp_path, dimension):
    path = write_xlsx(tmp_path / "big.xlsx", 200_000, dimension=dimension)
    tracemalloc.start()   # refused before reading: flat memory (the time is make bench's)
    with pytest.raises(FileProblem) as err:
        next(iter_rows(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert err.value.code == "too_many_rows"
    assert f"the limit is {DEFAULT_ROW_LIMIT:,} rows" in str(err.value)
    assert "big.xlsx" in str(err.value) and "nothing was imported" in str(err.value)
    assert peak < 16 * 1024 * 1024, peak


def test_the_import_refuses_it_with_the_limit_named(tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", 200_000, dimension=True)
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        started = time.perf_counter()
        with pytest.raises(ImportFailed) as err:
            import_file(store, "event", path, user="tester", dry_run=True)
        assert time.perf_counter() - started < 5.0
        assert "100,000 строк" in str(err.value)   # in the user's language (ru)
    finally:
        store.close()


@pytest.mark.parametrize("dimension", [True, False])
def test_a_sheet_within_the_limit_is_read_whole(tmp_path, dimension):
    path = write_xlsx(tmp_path / "small.xlsx", 30 + HEAD_ROWS, dimension=dimension)
    rows = list(iter_rows(path, row_limit=30))  # 30 rows below HEAD_ROWS titles: at the limit
    assert len(rows) == 30 + HEAD_ROWS and rows[-1][1] == f"name {30 + HEAD_ROWS}"
    with pytest.raises(FileProblem):
        next(iter_rows(write_xlsx(tmp_path / "over.xlsx", 31 + HEAD_ROWS, dimension=dimension),
                       row_limit=30))
