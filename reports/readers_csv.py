"""Text tables (.csv, .txt) for reports.readers: the encoding (UTF-8, cp1251, or UTF-16 as
Excel's «Unicode text» writes it) and the delimiter («,», «;» or a tab) found from the file."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from reports.readers import FileProblem


def _encoding(path: Path) -> str:
    with open(path, "rb") as fh:
        sample = fh.read(1 << 16)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"          # Excel's «Unicode text» (tab-separated, with its BOM)
    high = sample[1:2048:2]      # UTF-16-LE: the high byte of Latin (0) and Cyrillic (4)
    if len(high) > 4 and sum(1 for b in high if b in (0, 4)) > 0.6 * len(high):
        return "utf-16-le"       # the same without the BOM
    try:
        sample.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:     # a character cut at the sample's end
            return "utf-8-sig"
    try:
        sample.decode("cp1251")
    except UnicodeDecodeError:
        raise FileProblem(f"{path.name}: text is neither UTF-8 nor cp1251", "bad_encoding",
                          file=path.name) from None
    return "cp1251"


def _widths(sample: str, delimiter: str) -> set[int]:
    lines = sample.splitlines()[:-1] or sample.splitlines()   # the last may be cut
    return {len(r) for r in csv.reader(lines[:20], delimiter=delimiter) if r}


class _ExcelSemicolon(csv.excel):
    delimiter = ";"


def _dialect(sample: str):
    """The sniffed dialect; but a ";" file (Excel in Russian) whose unquoted cells hold commas
    is read by ";" when that gives every line the same number of cells, more than ","."""
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    if dialect.delimiter == "," and ";" in sample.partition("\n")[0]:
        semi, comma = _widths(sample, ";"), _widths(sample, ",")
        if len(semi) == 1 and min(semi) > max(comma, default=1):
            dialect = _ExcelSemicolon    # csv.excel changed would read every later file by ";"
    if dialect.delimiter != "\t" and _split_lines(sample, "\t") > \
            _split_lines(sample, dialect.delimiter):
        dialect = csv.excel_tab  # a title line above made the sniffer give up on tabs
    return dialect


def _split_lines(sample: str, delimiter: str) -> int:
    """How many of the first lines `delimiter` splits into several cells."""
    lines = (sample.splitlines()[:-1] or sample.splitlines())[:20]
    return sum(1 for r in csv.reader(lines, delimiter=delimiter) if len(r) > 1)


def csv_rows(path: Path) -> Iterator[tuple]:
    enc = _encoding(path)
    with open(path, newline="", encoding=enc, errors="strict") as fh:
        sample = fh.read(1 << 14)
        if not sample.strip():
            raise FileProblem(f"{path.name}: the file is empty", "file_empty", file=path.name)
        dialect = _dialect(sample)
        fh.seek(0)
        reader = csv.reader(fh, dialect)
        try:
            for row in reader:
                yield tuple(v if v != "" else None for v in row)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise FileProblem(f"{path.name}: line {reader.line_num}: cannot be read ({exc})",
                              "bad_encoding", file=path.name, line=reader.line_num) from None
