"""Filtered listing of records for list screens, the CLI and reports."""
from __future__ import annotations

from store.codec import row_to_record
from store.errors import StoreError

ORDER_COLUMNS = ("period", "updated_at", "created_at", "org_unit", "form", "status", "id")


def where_clause(*, form=None, org_unit=None, period=None, status=None, search=None,
                 include_deleted=False) -> tuple[str, list]:
    parts, params = [], []
    for col, val in (("form", form), ("org_unit", org_unit), ("period", period),
                     ("status", status)):
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
    terms = []
    for term in (order_by or "period desc").split(","):
        words = term.split()
        if not words or len(words) > 2 or words[0] not in ORDER_COLUMNS or (
                len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise StoreError(f"cannot order by {term.strip()!r}; use one of "
                             f"{', '.join(ORDER_COLUMNS)} [asc|desc]", code="bad_order")
        terms.append(" ".join(words))
    terms.append("id")  # stable paging
    return " ORDER BY " + ", ".join(terms)


def list_records(db, *, order_by="period desc", limit=None, offset=0, **filters) -> list[dict]:
    where, params = where_clause(**filters)
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
    return [row_to_record(dict(zip(names, row)), shared) for row in cur]  # no copy of the rows


def count_records(db, **filters) -> int:
    where, params = where_clause(**filters)
    return db.execute("SELECT count(*) FROM records" + where, params).fetchone()[0]
