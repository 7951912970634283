"""Formulas in an .xlsx (reports.readers opens the workbooks): a list made of formulas only,
or formula cells a program wrote without their values."""
from __future__ import annotations

from pathlib import Path

from reports.readers import CORRUPT, _open_workbook, kind_of


def has_formulas(path: str | Path, max_rows: int = 500) -> bool:
    """True if the first rows hold formulas (checked only when no values were found)."""
    path = Path(path)
    if kind_of(path) != "xlsx":
        return False
    wb = _open_workbook(path, data_only=False)
    try:
        for i, row in enumerate(wb.worksheets[0].iter_rows(values_only=True)):
            if i >= max_rows:
                break
            if any(isinstance(v, str) and v.startswith("=") for v in row):
                return True
    except CORRUPT:
        return False
    finally:
        wb.close()
    return False


def uncached_formulas(path: str | Path, max_rows: int = 500) -> bool:
    """True if a formula cell of an .xlsx has no stored value (the file was written by a
    program and never recalculated): its figure would read as an empty cell."""
    path = Path(path)
    if kind_of(path) != "xlsx":
        return False
    formulas, values = _open_workbook(path, data_only=False), _open_workbook(path)
    try:
        for ws in formulas.worksheets:
            rows = zip(ws.iter_rows(values_only=True, max_row=max_rows),
                       values[ws.title].iter_rows(values_only=True, max_row=max_rows))
            for f_row, v_row in rows:
                if any(isinstance(f, str) and f.startswith("=") and v is None
                       for f, v in zip(f_row, v_row)):
                    return True
    except CORRUPT:
        return False
    finally:
        formulas.close()
        values.close()
    return False
