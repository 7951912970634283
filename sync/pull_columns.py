"""A pull page's changes as columns (`layout=columns`, negotiated: sync/protocol.py).

A page of 5,000 monthly reports is a list of 5,000 dicts with the same few dozen keys. Sent as
columns - every leaf path (`record.data.gender.F`) once, then its values over the whole page -
like values stand side by side (ids with ids, counts with counts) and no key is repeated: the
bench page is 168 KB in xz against 258 KB as rows (0.65 x), 0.50 x the gzip of the rows.

    {"n": 3, "paths": [["record", "id"], ["record", "data", "x"], ...],
     "values": [["id1", "id2", "id3"], [1, null, 3], ...],
     "nulls": {"1": [2]}, "absent": {"4": [0]}}

A leaf is any value but a non-empty object (lists and `{}` are leaves). In column i a null is
an ABSENT key unless its row is listed in `nulls[i]`; a column listed in `absent` reads the
other way round: a null is a null unless its row is listed in `absent[i]` (the encoder picks
the shorter list per column). Rows come back with their keys in path order, which is the order
of first appearance: the same dicts, compared as dicts. No I/O here.
"""
from __future__ import annotations

from typing import Any

LAYOUT = "columns"  # the pull request's `layout` value and the page's key
# The bytes of a column page on the wire ~ RATIO x G + SMALL x sqrt(G), G = the estimated gzip
# size of the same changes as rows (what the server's page meter measures: server/pull.py).
# Bench reports, xz: 0.48 x G at 5,000 (167 KB), 0.54 at 320, 0.62 at 80; gzip: 0.59 to 0.68.
# Set a little high: text-heavier records gain less; a page that errs is bounded all the same.
XZ_MODEL = (0.5, 12.0)
GZIP_MODEL = (0.6, 10.0)


class BadColumns(ValueError):
    """Not a well-formed column page."""


def pack(rows: list[dict]) -> dict:
    """The rows (JSON objects) as columns."""
    n = len(rows)
    cols: dict[tuple, list] = {}
    nulls: dict[tuple, list[int]] = {}

    def walk(obj: dict, prefix: tuple, i: int) -> None:
        for key, value in obj.items():
            path = prefix + (key,)
            if isinstance(value, dict) and value:
                walk(value, path, i)
                continue
            col = cols.get(path)
            if col is None:
                col = cols[path] = [None] * n
            if value is None:
                nulls.setdefault(path, []).append(i)
            else:
                col[i] = value

    for i, row in enumerate(rows):
        walk(row, (), i)
    out: dict[str, Any] = {"n": n, "paths": [], "values": [], "nulls": {}, "absent": {}}
    for index, (path, col) in enumerate(cols.items()):
        out["paths"].append(list(path))
        out["values"].append(col)
        real = nulls.get(path, [])
        if not real:
            continue
        real_set = set(real)
        missing = [i for i, v in enumerate(col) if v is None and i not in real_set]
        if len(missing) < len(real):
            out["absent"][str(index)] = missing
        else:
            out["nulls"][str(index)] = real
    return out


def unpack(page: Any) -> list[dict]:
    """The rows again; BadColumns for anything else than what pack() makes."""
    n, paths, values, nulls, absent = _parts(page)
    rows: list[dict] = [{} for _ in range(n)]
    for index, (path, col) in enumerate(zip(paths, values, strict=True)):
        flip = str(index) in absent
        listed = set(absent.get(str(index), ()) if flip else nulls.get(str(index), ()))
        for i, value in enumerate(col):
            if value is None and (i in listed) == flip:
                continue  # the key is absent from this row
            _put(rows[i], path, value)
    return rows


def _put(row: dict, path: list, value: Any) -> None:
    node = row
    for key in path[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise BadColumns(f"path {path} crosses a leaf")
        node = child
    if path[-1] in node:
        raise BadColumns(f"path {path} given twice")
    node[path[-1]] = value


def _parts(page: Any) -> tuple:
    if not isinstance(page, dict):
        raise BadColumns("a column page is an object")
    n, paths, values = page.get("n"), page.get("paths"), page.get("values")
    nulls, absent = page.get("nulls") or {}, page.get("absent") or {}
    if not isinstance(n, int) or n < 0 or not isinstance(paths, list) \
            or not isinstance(values, list) or len(paths) != len(values) \
            or not isinstance(nulls, dict) or not isinstance(absent, dict):
        raise BadColumns("a column page needs n, paths and values of the same length")
    for path, col in zip(paths, values, strict=True):
        if not isinstance(path, list) or not path \
                or not all(isinstance(k, str) for k in path):
            raise BadColumns(f"bad path {path!r}")
        if not isinstance(col, list) or len(col) != n:
            raise BadColumns(f"column {path} does not hold {n} values")
    for listed in (*nulls.values(), *absent.values()):
        if not isinstance(listed, list) or not all(isinstance(i, int) for i in listed):
            raise BadColumns("nulls and absent list row numbers")
    return n, paths, values, nulls, absent
