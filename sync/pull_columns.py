"""A pull page's changes as columns (`layout=columns`, negotiated: sync/protocol.py).

A page of 5,000 monthly reports is a list of 5,000 dicts with the same few dozen keys. Sent as
columns - every leaf path (`record.data.gender.F`) once, then its values over the whole page -
like values stand side by side (ids with ids, counts with counts) and no key is repeated: the
bench page is 154 KB in xz against 258 KB as rows (0.6 x), 0.45 x the gzip of the rows.

    {"n": 3, "paths": [["record", "id"], ["record", "data", "x"], ...],
     "values": ["<base64>", [1, null, 3], ...],
     "nulls": {"1": [2]}, "absent": {"4": [0]}, "uuids": [0]}   (empty keys left out)

A leaf is any value but a non-empty object (lists and `{}` are leaves). In column i a null is
an ABSENT key unless its row is listed in `nulls[i]`; a column listed in `absent` reads the
other way round: a null is a null unless its row is listed in `absent[i]` (the encoder picks
the shorter list per column). A column listed in `uuids` held only canonical UUID texts (record
ids): it is one base64 string of their 16-byte forms, n x 16 bytes (random ids are most of a
page: 82 KB instead of 94 KB of the bench's 5,000). Rows come back with their keys in path
order, which is the order of first appearance: the same dicts, compared as dicts. No I/O here.
"""
from __future__ import annotations

import base64
import binascii
import uuid
from typing import Any

LAYOUT = "columns"  # the pull request's `layout` value and the page's key
# The bytes of a column page on the wire ~ RATIO x G + SMALL x sqrt(G), G = the estimated gzip
# size of the same changes as rows (what the server's page meter measures: server/pull.py).
# Bench reports, xz: 0.45 x G at 5,000 (154 KB), 0.50 at 320, 0.57 at 80; gzip: 0.51 to 0.63.
# Set a little high: text-heavier records gain less; a page that errs is bounded all the same.
XZ_MODEL = (0.46, 12.0)
GZIP_MODEL = (0.55, 10.0)


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
    out: dict[str, Any] = {"n": n, "paths": [], "values": [], "nulls": {}, "absent": {},
                           "uuids": []}
    for index, (path, col) in enumerate(cols.items()):
        out["paths"].append(list(path))
        out["values"].append(_pack_uuids(col) or col)
        if isinstance(out["values"][-1], str):
            out["uuids"].append(index)
        _pack_nulls(out, index, col, nulls.get(path, []))
    return {k: v for k, v in out.items() if v or k == "n"}


def _pack_uuids(col: list) -> str | None:
    """The base64 of the column's 16-byte UUIDs, when every value is a canonical UUID text."""
    try:
        ids = [uuid.UUID(v) for v in col if type(v) is str and len(v) == 36]
    except ValueError:
        return None
    if not col or len(ids) != len(col) or any(str(u) != v for u, v in zip(ids, col)):
        return None
    return base64.b64encode(b"".join(u.bytes for u in ids)).decode("ascii")


def _pack_nulls(out: dict, index: int, col: list, real: list[int]) -> None:
    if not real:
        return
    real_set = set(real)
    missing = [i for i, v in enumerate(col) if v is None and i not in real_set]
    if len(missing) < len(real):
        out["absent"][str(index)] = missing
    else:
        out["nulls"][str(index)] = real


def unpack(page: Any) -> list[dict]:
    """The rows again; BadColumns for anything else than what pack() makes."""
    n, paths, values, nulls, absent = _parts(page)
    specs = []  # per column: parent path, key, values, listed rows, listed = real nulls?
    for index, (path, col) in enumerate(zip(paths, values, strict=True)):
        flip = str(index) in absent
        listed = set(absent.get(str(index), ()) if flip else nulls.get(str(index), ()))
        specs.append((tuple(path[:-1]), path[-1], col, listed, not flip))
    rows = []
    for i in range(n):
        row: dict = {}
        nodes: dict[tuple, dict] = {(): row}
        for parent, key, col, listed, listed_is_null in specs:
            value = col[i]
            if value is None and (i in listed) != listed_is_null:
                continue  # the key is absent from this row
            node = nodes.get(parent)
            if node is None:
                node = _node(nodes, parent)
            if key in node:
                raise BadColumns(f"path {[*parent, key]} given twice")
            node[key] = value
        rows.append(row)
    return rows


def _node(nodes: dict, path: tuple) -> dict:
    """The dict at `path` in the row whose nodes are `nodes`, made (with its parents) when new."""
    parent = nodes.get(path[:-1])
    if parent is None:
        parent = _node(nodes, path[:-1])
    child = parent.setdefault(path[-1], {})
    if not isinstance(child, dict):
        raise BadColumns(f"path {list(path)} crosses a leaf")
    nodes[path] = child
    return child


def _unpack_uuids(text: Any, n: int) -> list[str]:
    try:
        raw = base64.b64decode(text, validate=True) if isinstance(text, str) else b""
    except (binascii.Error, ValueError) as exc:
        raise BadColumns(f"bad uuid column: {exc}") from exc
    if len(raw) != 16 * n:
        raise BadColumns(f"a uuid column does not hold {n} uuids")
    return [str(uuid.UUID(bytes=raw[k:k + 16])) for k in range(0, len(raw), 16)]


def _parts(page: Any) -> tuple:
    if not isinstance(page, dict):
        raise BadColumns("a column page is an object")
    n, paths, values = page.get("n"), page.get("paths", []), page.get("values", [])
    nulls, absent = page.get("nulls") or {}, page.get("absent") or {}
    if not isinstance(n, int) or n < 0 or not isinstance(paths, list) \
            or not isinstance(values, list) or len(paths) != len(values) \
            or not isinstance(nulls, dict) or not isinstance(absent, dict):
        raise BadColumns("a column page needs n, paths and values of the same length")
    if n and not paths:  # n is bounded by the columns' lengths, never taken on its own
        raise BadColumns(f"{n} changes without a column")
    values = list(values)
    for index in page.get("uuids") or []:
        if not isinstance(index, int) or not 0 <= index < len(values):
            raise BadColumns(f"bad uuid column {index!r}")
        values[index] = _unpack_uuids(values[index], n)
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
