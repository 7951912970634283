"""The one record writer of the store, always inside the caller's transaction: the record
row, one audit row listing its changed fields and, for a local edit, its outbox entry — all
or none.

Both writers of records call it: the Store (a person's save, submit, review, import) and the
sync engine (store/sync_state.py: pulled changes, settled conflicts, retired twins). What
differs between them is only who writes, and `Origin` says what that means:

- `Origin.USER`: a local edit. The row turns dirty and an outbox entry carries it to the
  server (base_version = the version the edit started from).
- `Origin.SERVER`: the server's copy lands here (a pulled change, a conflict settled on the
  server's copy, a twin retired for the server's record). The row is clean; nothing is sent.

Audit rows have one shape whoever writes (who, when, reason, and the changes: [field, old,
new] each). A record first seen through a pull has no local history yet: its insert writes
no audit row.
"""
from __future__ import annotations

import enum

from store.cipher import dbapi
from store.codec import RECORD_KEYS, dumps, field_changes, record_to_row, row_to_record
from store.errors import NotFound, StoreError

# The next op_seq: one above the outbox's highest and the highest it has had (kv, kept by
# migration m006's trigger when that row goes, and by re-sends' reservations): never reused.
OUTBOX_TOP_KEY = "outbox.top"
NEXT_OP_SEQ = ("max(coalesce((SELECT max(op_seq) FROM outbox), 0), coalesce((SELECT "
               f"CAST(value AS INTEGER) FROM kv WHERE key = '{OUTBOX_TOP_KEY}'), 0)) + 1")


def op_seq_top(db) -> int:
    """The highest op_seq this store has used (a local edit's or one reserved for re-sends)."""
    return db.execute(f"SELECT {NEXT_OP_SEQ} - 1").fetchone()[0]


class Origin(enum.Enum):
    USER = "user"
    SERVER = "server"


def fetch(db, record_id: str) -> dict | None:
    cur = db.execute("SELECT * FROM records WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        return None
    return row_to_record(dict(zip([c[0] for c in cur.description], row)))


def fetch_stored(db, record_id: str) -> dict:
    """The record a write in this store has just stored (tombstones included)."""
    rec = fetch(db, record_id)
    if rec is None:
        raise NotFound(record_id)
    return rec


def write_record(db, old: dict | None, new: dict, *, origin: Origin, who: str, at: str,
                 reason: str | None = None, op: str = "upsert",
                 resolves: list[str] | None = None) -> list[tuple[str, object, object]]:
    """Write `new` over `old` (a canonical record, or None for a new row); returns the audited
    changes. `at`/`who` stamp the audit row, the outbox entry and a new row's created_at/by.
    A row the schema refuses (e.g. a second live record for a natural key) raises a coded
    StoreError for a USER write and the database's IntegrityError for a SERVER write (the
    sync engine turns it into a conflict). A server's new row is audited by nobody: its
    changes are not computed ([]; a first pull of 5,000 records spent half its CPU on them)."""
    audited = origin is Origin.USER or old is not None
    changes = field_changes(old, new) if audited else []
    try:
        _write_row(db, new, exists=old is not None, dirty=origin is Origin.USER, at=at, who=who)
    except dbapi.IntegrityError as exc:
        if origin is Origin.USER:
            raise _integrity_error(db, new, exc) from exc
        raise
    if audited:
        write_audit(db, new["id"], changes, who=who, at=at, reason=reason)
    if origin is Origin.USER:
        db.execute("INSERT INTO outbox (op_seq, record_id, op, base_version, reason, "
                   f"created_at, resolves) VALUES ({NEXT_OP_SEQ}, ?, ?, ?, ?, ?, ?)",
                   [new["id"], op, new.get("version"), reason, at,
                    dumps(resolves) if resolves else None])
    return changes


def _write_row(db, new: dict, *, exists: bool, dirty: bool, at: str, who: str) -> None:
    row = record_to_row(new)
    if not exists:
        cols: tuple[str, ...] = RECORD_KEYS + ("dirty", "created_at", "created_by")
        vals = [row[c] for c in RECORD_KEYS] + [int(dirty), at, who]
        db.execute(f"INSERT INTO records ({', '.join(cols)}) "
                   f"VALUES ({', '.join('?' * len(cols))})", vals)
        return
    cols = RECORD_KEYS[1:]
    sets = ", ".join(f"{c} = ?" for c in cols)
    db.execute(f"UPDATE records SET {sets}, dirty = ? WHERE id = ?",
               [row[c] for c in cols] + [int(dirty), row["id"]])


def write_audit(db, record_id: str, changes, *, who: str, at: str, reason: str | None) -> None:
    """One audit row for a save: its (field, old, new) changes as a JSON list (none: no row)."""
    if changes:
        db.execute("INSERT INTO audit (record_id, at, who, reason, changes) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [record_id, at, who, reason, dumps([list(c) for c in changes])])


def persist(db, old: dict | None, new: dict, *, user: str, at: str, reason: str | None = None,
            op: str = "upsert") -> bool:
    """A person's edit: write `new` (replacing `old`), its audit row and one outbox entry.
    False (and nothing written) if no audited field changed."""
    if not field_changes(old, new):
        return False
    write_record(db, old, new, origin=Origin.USER, who=user, at=at, reason=reason, op=op)
    return True


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
