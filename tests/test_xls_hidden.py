"""Rows hidden in a legacy .xls (saved by LibreOffice as Excel 97-2003) are seen as in the .xlsx
it was saved from: the list import warns on the same people; a damaged or truncated .xls still
gives its cells or the file's clear error, never a traceback."""
from __future__ import annotations

import contextlib
import io
import random
import struct
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.headers import HeaderError
from reports.intake import read_list
from reports.readers import FileProblem, iter_rows
from reports.readers_layout import hidden_rows
from reports.xls_biff import xls_damage

LAYOUT = Path(__file__).parent / "fixtures" / "layout"
XLS, XLSX = LAYOUT / "two_days_hidden.xls", LAYOUT / "two_days_hidden.xlsx"
INTAKE = Path(__file__).parent / "fixtures" / "intake"
TWIN_XLS = INTAKE / "fg_61_libre_protected_hidden.xls"       # fg_46 saved by LibreOffice
TWIN_XLSX = INTAKE / "fg_46_protected_hidden.xlsx"


def _typed_hidden(path: Path) -> dict[str, set[int]]:
    """What the clerk hid, read back with openpyxl from the .xlsx that was saved as .xls."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: {r for r, d in ws.row_dimensions.items() if d.hidden}
            for ws in wb.worksheets}


def _hidden_warnings(preview) -> list[tuple[int | None, str]]:
    return [(p.row, p.message) for p in preview.problems if p.code == "row_hidden"]


def test_each_sheet_hides_the_rows_the_clerk_hid():
    typed = _typed_hidden(XLSX)
    assert typed == {"Нұсқаулық": {5}, "1-күн": {7, 12, 13}, "Day 2": {5, 9}}
    for sheet, rows in typed.items():            # Kazakh (UTF-16) and Latin sheet names
        assert hidden_rows(XLS, sheet) == rows == hidden_rows(XLSX, sheet), sheet
    assert hidden_rows(XLS, None) == {5}             # the first sheet, as calamine reads it
    assert hidden_rows(XLS, "Лист1") == set()        # no such sheet: nothing hidden
    assert hidden_rows(TWIN_XLS, None) == {4, 7} == hidden_rows(TWIN_XLSX, None)


@pytest.mark.parametrize("sheet", [None, "Day 2"])
def test_the_list_import_warns_as_for_the_xlsx(sheet):
    """The list behind the instruction sheet (found by itself) and day 2 asked for: the
    people on hidden rows are imported with the same warnings as from the .xlsx."""
    got = read_list(XLS, "focus_group", period="2023-09", sheet=sheet)
    want = read_list(XLSX, "focus_group", period="2023-09", sheet=sheet)
    assert got.rows == want.rows and len(got.rows) in (9, 12)
    assert _hidden_warnings(got) == _hidden_warnings(want)
    names = {7: "Иванова Анна Сергеевна", 12: "Сағындықова Гүлнар",
             13: "Абдрахманов Бауыржан Ерланович"} if sheet is None else \
        {5: "Шевченко Ольга Петровна", 9: "Galym Kassymov"}
    assert [row for row, _ in _hidden_warnings(got)] == sorted(names)
    for row, message in _hidden_warnings(got):
        assert names[row] in message and "строка скрыта в файле" in message


def test_the_twin_of_a_protected_xlsx_warns_the_same():
    got = read_list(TWIN_XLS, "focus_group", period="2023-09", lang="kk")
    want = read_list(TWIN_XLSX, "focus_group", period="2023-09", lang="kk")
    assert got.rows == want.rows
    assert _hidden_warnings(got) == _hidden_warnings(want) != []
    assert [row for row, _ in _hidden_warnings(got)] == [7]


def _outcome(path: Path) -> str:
    """What the list import makes of a damaged file: its rows, or the file's clear error."""
    try:
        preview = read_list(path, "focus_group", period="2023-09")
    except (FileProblem, HeaderError) as exc:
        return type(exc).__name__
    assert len(preview.rows) <= 12
    return "read"


def test_a_truncated_xls_reads_its_cells_or_says_it_is_damaged(tmp_path):
    """Cut anywhere: the list and its hidden rows while the workbook's bytes are all there
    (the last sector cut, a summary lost), else the file's clear error."""
    data = XLS.read_bytes()
    seen = set()
    for cut in [*range(0, len(data), 512), len(data) - 1, len(data) - 100, 700, 4100]:
        damaged = tmp_path / f"cut_{cut}.xls"
        damaged.write_bytes(data[:cut])
        assert hidden_rows(damaged, "1-күн") in ({7, 12, 13}, set())
        seen.add(_outcome(damaged))
    assert seen == {"read", "FileProblem"}
    damaged.write_bytes(data[:-1])
    preview = read_list(damaged, "focus_group", period="2023-09")
    assert [row for row, _ in _hidden_warnings(preview)] == [7, 12, 13]


def test_a_damaged_directory_or_fat_gives_no_hidden_rows_and_no_crash(tmp_path):
    """Header fields a bad copy garbles: a sector size, the first directory sector, a FAT
    whose chains loop back on themselves (calamine would read the directory round the loop
    until memory runs out: refused before it is given the file); FAT and DIFAT counts too
    big (calamine reads the list, and the hidden rows are found as well)."""
    data = XLS.read_bytes()
    fat_start = (struct.unpack_from("<I", data, 0x4C)[0] + 1) * 512
    garbles = {"sector_shift": (0x1E, b"\x07\x00"), "first_dir": (0x30, b"\xf0\xff\xff\xff"),
               "fat_loop": (fat_start, b"\x00\x00\x00\x00" * 128),
               "fat_count": (0x2C, b"\xff\xff\xff\x7f"), "difat_count": (0x48, b"\xff" * 4)}
    for name, (at, garble) in garbles.items():
        damaged = tmp_path / f"{name}.xls"
        damaged.write_bytes(data[:at] + garble + data[at + len(garble):])
        assert (xls_damage(damaged) is not None) == (name == "fat_loop"), name
        readable = name in ("fat_count", "difat_count")
        assert hidden_rows(damaged, "1-күн") == ({7, 12, 13} if readable else set()), name
        assert _outcome(damaged) == ("read" if readable else "FileProblem"), name


def test_random_damage_never_escapes_as_a_traceback(tmp_path):
    """Bytes overwritten anywhere (a bad sector of a flash drive): the hidden rows are a
    subset of the true ones, and the import reads the list or says the file is damaged."""
    data = XLS.read_bytes()
    rng = random.Random(20231)
    for i in range(150):
        damaged = bytearray(data)
        for _ in range(rng.choice([1, 3, 8])):
            damaged[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"r{i}.xls"
        path.write_bytes(bytes(damaged))
        assert all(0 < n <= 65536 for n in hidden_rows(path, "1-күн"))
        _outcome(path)


def _record_at(data: bytes, head: bytes, nth: int) -> int:
    """Where the nth record starting with `head` (its id and length) begins in the file."""
    at = -1
    for _ in range(nth):
        at = data.index(head, at + 1)
    return at


DIMENSIONS, LABELSST = b"\x00\x02\x0e\x00", b"\xfd\x00\x0a\x00"


@pytest.mark.parametrize("head,nth,offset,garble", [
    (DIMENSIONS, 2, 4, struct.pack("<II", 5, 3)),             # last row above the first
    (DIMENSIONS, 2, 4, struct.pack("<II", 0, 0x7FFFFFFF)),    # two billion rows
    (LABELSST, 12, 6, struct.pack("<H", 0x2003))])            # a name in column 8,196
def test_an_impossible_range_or_cell_is_refused_before_calamine_dies_on_it(
        tmp_path, head, nth, offset, garble):
    """calamine reserves memory for a sheet's rows x columns: for these, more than there is
    (the process is killed), so the file is refused first as damaged."""
    data = bytearray(XLS.read_bytes())
    at = _record_at(data, head, nth) + offset           # in «1-күн», the second sheet
    data[at:at + len(garble)] = garble
    damaged = tmp_path / "range.xls"
    damaged.write_bytes(bytes(data))
    assert xls_damage(damaged) == ("sheet '1-күн' has a cell or a used range past a "
                                   "sheet's last column")
    with pytest.raises(FileProblem) as caught:
        read_list(damaged, "focus_group", period="2023-09")
    assert caught.value.code == "file_corrupt" and "1-күн" in str(caught.value)
    assert "range.xls" in caught.value.text("kk")
    assert hidden_rows(damaged, "1-күн") == {7, 12, 13}


def test_the_cli_says_a_truncated_xls_is_damaged(tmp_path):
    damaged = tmp_path / "список.xls"
    damaged.write_bytes(XLS.read_bytes()[:10752])        # the last sectors lost
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(tmp_path), "import", "focus_group", str(damaged),
                     "--org-unit", "SHY", "--period", "2023-09", "--dry-run"])
    assert code != 0 and "Traceback" not in err.getvalue()
    assert "список.xls" in err.getvalue() + out.getvalue()
    with pytest.raises(FileProblem) as caught:
        list(iter_rows(damaged))
    assert caught.value.code == "file_corrupt"
