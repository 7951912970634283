"""Intake benchmark (issue 11): a 10,000-row .xlsx attendance list imported (dry run) in at
most 1.0x the CPU time of a raw openpyxl read-only pass over the same file; a 100,000-row
list read with the same Python memory per row as a 10,000-row one (tracemalloc peak per
row; the rows kept for the record are the only copy, no whole-sheet lists).
"""
from __future__ import annotations

import tempfile
import tracemalloc
from pathlib import Path

from bench.bench_reports import _best, _raw_pass, _roster_file


def _rows_file(tmp: Path, rows: int) -> Path:
    import bench.bench_reports as br

    old, br.ROSTER_ROWS = br.ROSTER_ROWS, rows
    try:
        return _roster_file(tmp / f"list{rows}.xlsx")
    finally:
        br.ROSTER_ROWS = old


def _peak_per_row(path: Path, rows: int) -> float:
    from reports.intake import read_list

    tracemalloc.start()
    preview = read_list(path, "focus_group", period="2023-09")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(preview.rows) == rows
    return peak / rows


def run() -> list[tuple]:
    from reports.io import import_file
    from store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small, big = _rows_file(tmp, 10_000), _rows_file(tmp, 100_000)
        store = open_store(tmp / "bench.sqlite3", user="bench")
        try:
            raw = _best(lambda: _raw_pass(small))
            imp = _best(lambda: import_file(store, "focus_group", small, user="bench",
                                            dry_run=True, org_unit="ALA", period="2023-09"))
        finally:
            store.close()
        per_small, per_big = _peak_per_row(small, 10_000), _peak_per_row(big, 100_000)
    ratio, growth = imp / raw, per_big / per_small
    return [("intake: 10k-row .xlsx list import (dry run) vs raw openpyxl", f"{imp:.3f}",
             "cpu s", "<=1.0x raw", f"{ratio:.2f}", ratio <= 1.0),
            ("intake: 100k-row list, Python bytes per row vs 10k", f"{per_big:.0f}", "B/row",
             "<=1.2x", f"{growth:.2f}", growth <= 1.2)]


if __name__ == "__main__":
    for row in run():
        print(row)
