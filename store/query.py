"""Filtered listing of records for list screens, the CLI and reports."""
from __future__ import annotations

from array import array
from operator import itemgetter

from store.codec import EXTRA_COLUMNS, RECORD_KEYS, row_to_record, rows_to_records
from store.errors import StoreError

ORDER_COLUMNS = ("period", "updated_at", "created_at", "org_unit", "form", "status", "id")


def where_clause(*, form=None, org_unit=None, period=None, status=None, search=None,
                 include_deleted=False, id=None) -> tuple[str, list]:
    parts, params = [], []
    for col, val in (("form", form), ("org_unit", org_unit), ("period", period),
                     ("status", status), ("id", id)):
        if val is None:
            continue
        if isinstance(val, (list, tuple, set)):
            vals = list(val)
            parts.append(f"{col} IN ({', '.join('?' * len(vals))})" if vals else "0")
            params.extend(vals)
        else:
            parts.append(f"{col} = ?")
            params.append(val)
    if not include_deleted:
        parts.append("deleted = 0")
    if search:
        like = f"%{_escape_like(str(search))}%"
        parts.append("(id LIKE ? ESCAPE '\\' OR org_unit LIKE ? ESCAPE '\\' "
                     "OR period LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')")
        params.extend([like] * 4)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_clause(order_by: str | None) -> str:
    """`"period desc, org_unit"` -> a safe ORDER BY (columns from an allow-list)."""
    return " ORDER BY " + ", ".join(f"{column} desc" if descending else column
                                    for column, descending in order_terms(order_by))


def order_terms(order_by: str | None) -> list[tuple[str, bool]]:
    """`"period desc, org_unit"` -> [(column, descending)], the columns from an allow-list,
    the record id last (stable paging)."""
    terms = []
    for term in (order_by or "period desc").split(","):
        words = term.split()
        if not words or len(words) > 2 or words[0] not in ORDER_COLUMNS or (
                len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise StoreError(f"cannot order by {term.strip()!r}; use one of "
                             f"{', '.join(ORDER_COLUMNS)} [asc|desc]", code="bad_order")
        terms.append((words[0], len(words) == 2 and words[1].lower() == "desc"))
    terms.append(("id", False))
    return terms


def list_records(db, *, order_by="period desc", limit=None, offset=0, extra: tuple = (),
                 **filters) -> list[dict]:
    """The records matching `filters` in order; `extra`: columns of store.codec.EXTRA_COLUMNS
    to add to each record."""
    extra = tuple(extra)
    if not set(extra) <= set(EXTRA_COLUMNS):
        raise StoreError(f"cannot add columns {extra!r}; use {', '.join(EXTRA_COLUMNS)}",
                         code="bad_columns")
    where, params = where_clause(**filters)
    if limit is None and not offset:
        return _all_in_order(db, where, params, order_by, extra)
    sql = "SELECT * FROM records" + where + order_clause(order_by)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset or 0)]
    elif offset:
        sql += " LIMIT -1 OFFSET ?"
        params.append(int(offset))
    cur = db.execute(sql, params)
    names = [c[0] for c in cur.description]
    shared: dict = {}  # equal texts of the records one object (store.codec.compact)
    return [row_to_record(dict(zip(names, row)), shared, extra) for row in cur]


CHUNK = 200  # rows decoded at a time (fewer: as fast, less memory kept among the records)


def _all_in_order(db, where: str, params: list, order_by: str | None,
                  extra: tuple) -> list[dict]:
    """Every matching record in order: the rows read in the table's own order (one pass over
    its pages, not a lookup per row), a chunk decoded at a time, then sorted here when every
    key is a text of the records (`_sort_texts`; a database in UTF-8), else put in the
    places SQLite orders their row ids in (a row new or gone between the two reads is left
    out). An ORDER BY over whole rows sorts them all in memory (100,000 records: 70 MB more
    at the peak, kept by the allocator afterwards); one over the row ids alone is a second
    pass over every page (a third of the listing's time)."""
    columns = RECORD_KEYS + extra
    cur = db.execute(f"SELECT rowid, {', '.join(columns)} FROM records" + where, params)
    out: list = []
    rowids = array("q")  # machine integers: no objects left among the records
    shared: dict = {}  # equal texts of the records one object (store.codec.compact)
    while chunk := cur.fetchmany(CHUNK):
        rowids.extend(row[0] for row in chunk)
        out += rows_to_records(chunk, columns, shared)
    utf8 = db.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"  # Esep's; SQLite's default
    if utf8 and _sort_texts(out, order_terms(order_by)):
        return out
    place, count = _places(db, where, params, order_clause(order_by))
    ordered: list = [None] * count
    for key, rec in zip(rowids, out, strict=True):
        if 0 <= key < len(place) and place[key] >= 0:
            ordered[place[key]] = rec
    return [rec for rec in ordered if rec is not None]


def _sort_texts(records: list[dict], terms: list[tuple[str, bool]]) -> bool:
    """Sort `records` by `terms` (order_terms) as SQLite's ORDER BY does, when each term's
    values are texts of the records (True), else leave them (False). Texts compare as
    SQLite's default BINARY collation does: its UTF-8 bytes order is Python's order of code
    points (`_sort_by`)."""
    if records and any(column not in records[0] or any(type(r[column]) is not str
                                                       for r in records)
                       for column, _ in terms):
        return False
    _sort_by(records, terms)
    return True


def _sort_by(records: list[dict], terms: list[tuple[str, bool]]) -> None:
    """`records` sorted in place by `terms`, ties in their order: grouped by the first term's
    values in one pass, the groups in that term's order, each sorted by the other terms (a
    stable sort per term, the last first). One sort of 100,000 texts is a single step that
    holds the GIL for ~50 ms and more, while the desktop's GUI thread waits; a listing in
    periods sorts only the periods and each period's own records."""
    column, descending = terms[0]
    groups: dict = {}
    for rec in records:
        groups.setdefault(rec[column], []).append(rec)
    records.clear()
    for value in sorted(groups, reverse=descending):
        group = groups.pop(value)
        for other, down in reversed(terms[1:]):
            group.sort(key=itemgetter(other), reverse=down)
        records += group


def _places(db, where: str, params: list, order: str) -> tuple[array, int]:
    """Row id -> its place in the order (-1: not listed), in a machine array: 100,000 ids
    as a dict of Python ints are ~8 MB left behind among the records by the allocator. Row
    ids of a store are dense (rows are never deleted, tombstones stay)."""
    top = db.execute("SELECT coalesce(max(rowid), 0) FROM records").fetchone()[0]
    place = array("q", [-1]) * (top + 1)
    count = 0
    for count, (key,) in enumerate(db.execute("SELECT rowid FROM records" + where + order,
                                              params), 1):
        place[key] = count - 1
    return place, count


def count_records(db, **filters) -> int:
    where, params = where_clause(**filters)
    return db.execute("SELECT count(*) FROM records" + where, params).fetchone()[0]
