"""CSV files an operator types or saves from Excel (`import-users`, `import-orgunits`).

UTF-8 (with or without BOM) or Windows-1251, `,` or `;` between fields (the header line
decides), column names not case-sensitive, blank lines skipped; each row keeps its line in the
file and each column the name the file writes, so errors say where."""
from __future__ import annotations

import csv
import io

from server.admin import AdminError


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1251 (what Excel saves as CSV in Kazakhstan)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise AdminError(f"byte {exc.start + 1}: the file is neither UTF-8 nor "
                         "Windows-1251 text; save it as CSV (UTF-8)") from None


def parse(text: str, required: tuple[str, ...], columns: tuple[str, ...], *, what: str,
          max_rows: int, note: str = "") -> tuple[list[tuple[int, dict]], dict[str, str]]:
    """([(line number in the file, {column: stripped value})], {column: its name as the file
    writes it}); AdminError naming the line when the header or a line cannot be read."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        written = [(n or "").strip() for n in reader.fieldnames or []]
    except csv.Error as exc:
        raise AdminError(f"line 1: not CSV: {exc}") from None
    names = [n.lower() for n in written]
    missing = [c for c in required if c not in names]
    if missing:
        raise AdminError(f"line 1: missing column(s) {', '.join(missing)}; expected "
                         f"{delimiter.join(columns)}{note}")
    reader.fieldnames = names
    rows: list[tuple[int, dict]] = []
    try:
        for row in reader:
            if not any((v or "").strip() for k, v in row.items() if k is not None):
                continue  # a blank line
            rows.append((reader.line_num, {k: (row.get(k) or "").strip() for k in columns}))
            if len(rows) > max_rows:
                raise AdminError(f"more than {max_rows} {what} in one file")
    except csv.Error as exc:
        raise AdminError(f"line {reader.line_num}: not CSV: {exc}") from None
    if not rows:
        raise AdminError(f"the file has no {what} (only a header line)")
    return rows, dict(zip(names, written))
