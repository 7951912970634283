"""A change the server refused (a parked outbox entry, store/sync_state.py), settled by the
person: sent again unchanged (`resend_refused`: the desktop's Sync → Rejected → Send again,
`esep resend`) or dropped (`drop_refused`: Sync → Rejected → Drop…, `esep drop`). Moving it
to another org unit is store.orgunits.refile_refused.

A re-sent change takes a new op_seq: the server's ledger answers a replayed op_seq with the
ack it gave (the refusal), so the same op_seq would be refused again whatever was fixed on
the server meanwhile (a unit added, a user's scope widened).

Dropping follows what a user of ODK / DHIS2 expects: a record the server never had is
removed here (a local tombstone, nothing sent); a record the server holds goes back to the
server's copy as last synced (its unsent local changes discarded, the revisions written by
the refused submission or correction removed). Both are audited (who, when, why) and leave
no outbox entry for the record.
"""
from __future__ import annotations

import json

from store.cipher import dbapi
from store.db import transaction, utc_now
from store.errors import NotFound, StoreError
from store.sync_rows import (
    INFLIGHT_KEY,
    _inflight,
    _kv_set,
    _pending,
    _record,
    _refresh_dirty,
    _retire,
    _rows,
    _write_server_copy,
)
from store.writes import NEXT_OP_SEQ, fetch_stored

DROPPED_NEW = "removed"      # the server never had it: a local tombstone
DROPPED_TO_SERVER = "server_copy"  # back to the server's copy


def _refusal(code: str, message: str, record_id: str, **params) -> StoreError:
    return StoreError(f"record {record_id}: {message}", code=code, record_id=record_id,
                      params={"record": record_id, **params})


def _refused_row(db, record_id: str) -> tuple[dict, list[dict]]:
    """The record's row and its parked outbox entries, oldest first (refused: none)."""
    row = _record(db, record_id)
    if row is None:
        raise NotFound(record_id)
    parked = _rows(db, "SELECT * FROM outbox WHERE record_id = ? AND state = 'parked' "
                       "ORDER BY op_seq", [record_id])
    if not parked:
        raise _refusal("refused_none", "the server refused no change of it", record_id)
    return row, parked


def resend_refused(store, record_id: str) -> dict:
    """Queue the refused change of the record again, unchanged, under a new op_seq (a later
    edit already queued carries the record as it is now: then the refused entry just goes).
    Refused (StoreError, nothing changed): an unknown record, one with no refused change."""
    with transaction(store.db) as db:
        row, parked = _refused_row(db, record_id)
        db.execute("DELETE FROM outbox WHERE record_id = ? AND state = 'parked'", [record_id])
        if not _pending(db, record_id):
            last = parked[-1]
            db.execute("INSERT INTO outbox (op_seq, record_id, op, base_version, reason, "
                       f"created_at, resolves) VALUES ({NEXT_OP_SEQ}, ?, ?, ?, ?, ?, ?)",
                       [record_id, last["op"], last["base_version"], last["reason"],
                        last["created_at"], last["resolves"]])
        _refresh_dirty(db, record_id)
    return fetch_stored(store.db, row["id"])


def _drop_check(db, record_id: str) -> tuple[dict, dict | None]:
    """The record's row and, for one the server holds, its synced copy; refused as
    drop_refused says."""
    row, _parked = _refused_row(db, record_id)
    if db.execute("SELECT 1 FROM conflicts WHERE record_id = ?", [record_id]).fetchone():
        raise _refusal("drop_in_conflict", "it waits in a conflict", record_id)
    if row["version"] is None:
        return row, None
    kept = db.execute("SELECT record FROM synced_copies WHERE record_id = ?",
                      [record_id]).fetchone()
    synced = json.loads(kept[0]) if kept else None
    if synced is None or synced.get("version") != row["version"]:
        raise _refusal("drop_no_server_copy", "the server's copy of it is not kept here",
                       record_id)
    return row, synced


def drop_outcome(store, record_id: str) -> dict:
    """What drop_refused would do, changing nothing: {"outcome", "version"} (the server's
    version the record goes back to, or None); refused as drop_refused."""
    _row, synced = _drop_check(store.db, record_id)
    return {"outcome": DROPPED_NEW if synced is None else DROPPED_TO_SERVER,
            "version": synced and synced["version"]}


def drop_refused(store, record_id: str, *, user: str) -> dict:
    """Drop the record's refused change (see the module's doc); returns {"record", "outcome":
    DROPPED_NEW | DROPPED_TO_SERVER}. Refused (StoreError, nothing changed): an unknown
    record, one with no refused change, one waiting in a conflict (settled there), one the
    server holds whose synced copy is not kept here, or whose copy another local record of
    the same unit and period stands in the way of."""
    with transaction(store.db) as db:
        row, synced = _drop_check(db, record_id)
        ops = {r[0] for r in db.execute("SELECT op_seq FROM outbox WHERE record_id = ?",
                                        [record_id])}
        if synced is None:
            _retire(db, row, who=user, reason="refused by the server and dropped here; "
                                              "the server never had it")
        else:
            _back_to_server_copy(db, row, synced, user)
        _kv_set(db, INFLIGHT_KEY, json.dumps(sorted(set(_inflight(db)) - ops)))
        _refresh_dirty(db, record_id)
    return {"record": fetch_stored(store.db, record_id),
            "outcome": DROPPED_NEW if synced is None else DROPPED_TO_SERVER}


def _back_to_server_copy(db, row: dict, synced: dict, user: str) -> None:
    rid = row["id"]
    db.execute("DELETE FROM outbox WHERE record_id = ?", [rid])
    try:
        _write_server_copy(db, row, {**synced, "id": rid}, who=user, at=utc_now(),
                           reason="refused by the server; its change dropped here, the "
                                  "server's copy kept")
    except dbapi.IntegrityError:  # another live record holds its unit and period here
        raise _refusal("drop_twin", "another local record holds its org unit and period",
                       rid, unit=synced.get("org_unit"), period=synced.get("period")) from None
    # a submission or correction the server refused wrote a revision it never had
    db.execute("DELETE FROM revisions WHERE record_id = ? AND (revision > ? OR ?)",
               [rid, synced.get("revision") or 1, synced.get("status") == "draft"])
