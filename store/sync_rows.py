"""Row-level helpers of the sync-facing store (store/sync_state.py): kv, record rows, synced
copies, conflicts, revisions. Records themselves are written by store.writes.write_record.
No transactions here: the callers in sync_state hold them."""
from __future__ import annotations

import json

from store.codec import dumps, row_to_record
from store.db import utc_now
from store.writes import Origin, write_record, write_revision

NATURAL_KEY = "natural_key"
INFLIGHT_KEY = "sync.inflight"


def _kv_get(db, key: str) -> str | None:
    row = db.execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def _kv_set(db, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO kv(key, value) VALUES (?, ?)", [key, value])


def _inflight(db) -> list[int]:
    return json.loads(_kv_get(db, INFLIGHT_KEY) or "[]")


def _record(db, record_id: str) -> dict | None:
    cur = db.execute("SELECT * FROM records WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, row)}


def _stored(db, record_id: str) -> dict:
    """The row of a record known to be here (just written, queued or in conflict)."""
    row = _record(db, record_id)
    if row is None:
        raise LookupError(f"record {record_id}: not in the local store")
    return row


def _rows(db, sql: str, params=()) -> list[dict]:
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _ids(text: str | None) -> list[str]:
    return json.loads(text) if text else []


def _keep_synced(db, rec: dict, version) -> None:
    """Remember the record as last synced: the `base` of a later conflict on it."""
    db.execute("INSERT OR REPLACE INTO synced_copies(record_id, record) VALUES (?, ?)",
               [rec["id"], dumps({**rec, "version": version})])


def _save_conflict(db, local_row: dict, theirs: dict, kind: str,
                   resolves: list[str] | None = None) -> None:
    """Store (or refresh) the conflict of a local record; base = its last synced copy.
    resolves: the contests (challenger ids) a resolution settles; None keeps the stored."""
    rid = local_row["id"]
    old = db.execute("SELECT base, created_at, resolves FROM conflicts WHERE record_id = ?",
                     [rid]).fetchone()
    base = old[0] if old and old[0] else None
    if base is None:
        row = db.execute("SELECT record FROM synced_copies WHERE record_id = ?",
                         [rid]).fetchone()
        base = row[0] if row else None
    keep = old[2] if old else None
    db.execute("INSERT OR REPLACE INTO conflicts(record_id, kind, base, mine, theirs, "
               "created_at, resolves) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [rid, kind, base, dumps(row_to_record(local_row)), dumps(theirs),
                old[1] if old else utc_now(), keep if resolves is None else dumps(resolves)])


def _refresh_dirty(db, record_id: str) -> None:
    db.execute("UPDATE records SET dirty = EXISTS(SELECT 1 FROM outbox WHERE record_id = ?) "
               "OR EXISTS(SELECT 1 FROM conflicts WHERE record_id = ?) WHERE id = ?",
               [record_id, record_id, record_id])


def _write_server_copy(db, old_row: dict | None, rec: dict, *, who: str, at: str,
                       reason: str | None = None) -> None:
    """The server's copy of `rec` over the local row `old_row` (None: a new one): clean."""
    write_record(db, row_to_record(old_row) if old_row else None, rec, origin=Origin.SERVER,
                 who=who, at=at, reason=reason)


def _retire(db, row: dict, *, who: str, reason: str) -> None:
    """A local tombstone for a twin merged into another record: nothing left to send."""
    _write_server_copy(db, row, {**row_to_record(row), "deleted": True}, who=who,
                       at=utc_now(), reason=reason)
    db.execute("DELETE FROM outbox WHERE record_id = ?", [row["id"]])


def _keep_revision(db, rec: dict) -> None:
    if rec.get("status", "draft") == "draft":
        return
    write_revision(db, {**rec, "revision": rec.get("revision") or 1, "data": rec.get("data", {})},
                   editor=rec.get("updated_by") or "server", at=rec.get("updated_at") or utc_now(),
                   reason=None)


def _twin(db, rec: dict) -> dict | None:
    """A live local record with another id and the same natural key (form, org unit, period)."""
    cur = db.execute("SELECT id FROM records WHERE form = ? AND org_unit = ? AND period = ? "
                     "AND deleted = 0 AND id != ?",
                     [rec.get("form"), rec.get("org_unit"), rec.get("period"), rec["id"]])
    row = cur.fetchone()
    return _record(db, row[0]) if row else None


def _drop_conflict(db, record_id: str) -> None:
    db.execute("DELETE FROM conflicts WHERE record_id = ?", [record_id])
    _refresh_dirty(db, record_id)


def _pending(db, record_id: str) -> bool:
    return db.execute("SELECT 1 FROM outbox WHERE record_id = ? AND state = 'pending'",
                      [record_id]).fetchone() is not None
