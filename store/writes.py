"""Low-level writes, always inside a transaction: the record row, its audit rows (one per
changed field) and its outbox entry — all three or none."""
from __future__ import annotations

import sqlite3

from store.codec import dumps, field_changes, record_to_row, row_to_record
from store.errors import StoreError

_COLUMNS = ("id", "form", "form_version", "org_unit", "period", "status", "data",
            "justification", "review_comment", "revision", "version", "deleted",
            "updated_at", "updated_by")


def fetch(db, record_id: str) -> dict | None:
    cur = db.execute("SELECT * FROM records WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        return None
    return row_to_record(dict(zip([c[0] for c in cur.description], row)))


def persist(db, old: dict | None, new: dict, *, user: str, at: str, reason: str | None = None,
            op: str = "upsert") -> bool:
    """Write `new` (replacing `old`), audit rows and one outbox entry. False if unchanged."""
    changes = field_changes(old, new)
    if not changes:
        return False
    row = record_to_row(new)
    try:
        if old is None:
            cols = _COLUMNS + ("dirty", "created_at", "created_by")
            vals = [row[c] for c in _COLUMNS] + [1, at, user]
            db.execute(f"INSERT INTO records ({', '.join(cols)}) "
                       f"VALUES ({', '.join('?' * len(cols))})", vals)
        else:
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS[1:])
            db.execute(f"UPDATE records SET {sets}, dirty = 1 WHERE id = ?",
                       [row[c] for c in _COLUMNS[1:]] + [row["id"]])
    except sqlite3.IntegrityError as exc:
        raise _integrity_error(db, new, exc) from exc
    db.conn.executemany(
        "INSERT INTO audit (record_id, at, who, field, old, new, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(new["id"], at, user, f, _json_or_null(o), _json_or_null(n), reason)
         for f, o, n in changes])
    db.execute("INSERT INTO outbox (record_id, op, base_version, reason, created_at) "
               "VALUES (?, ?, ?, ?, ?)", [new["id"], op, new.get("version"), reason, at])
    return True


def _json_or_null(value):
    return None if value is None else dumps(value)


def _integrity_error(db, rec: dict, exc: Exception) -> StoreError:
    text = str(exc)
    if "records.form, records.org_unit, records.period" in text or "uq_monthly" in text:
        other = db.execute(
            "SELECT id FROM records WHERE form = ? AND org_unit = ? AND period = ? "
            "AND deleted = 0 AND id != ?",
            [rec["form"], rec["org_unit"], rec["period"], rec["id"]]).fetchone()
        return StoreError(
            f"record {rec['id']}: a monthly report for {rec['org_unit']} {rec['period']} "
            f"already exists (record {other[0] if other else '?'}); edit that one instead",
            code="duplicate_period", record_id=rec["id"], field="period")
    return StoreError(f"record {rec['id']}: cannot be saved: {text}", code="integrity",
                      record_id=rec["id"])


def write_revision(db, rec: dict, *, editor: str, at: str, reason: str | None) -> None:
    """Keep this submitted state readable (revisions are never updated)."""
    db.execute(
        "INSERT OR IGNORE INTO revisions (record_id, revision, status, data, reason, editor, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [rec["id"], rec["revision"], rec["status"], dumps(rec["data"]), reason, editor, at])


def last_revision(db, record_id: str) -> dict | None:
    row = db.execute("SELECT revision, data FROM revisions WHERE record_id = ? "
                     "ORDER BY revision DESC LIMIT 1", [record_id]).fetchone()
    return None if row is None else {"revision": row[0], "data": row[1]}
