"""The server's epoch as the client keeps it (server/epoch.py explains the server side).

kv keys: `sync.epoch` (the epoch the cursor belongs to) and `sync.resend` (JSON list of
[op_seq, record_id]: the synced copies to re-send after a new epoch). A new epoch resets the
cursor to 0 and queues every synced copy in ONE transaction; the re-pull then drops from the
queue each record the server holds at the same version or newer, and what is left is re-sent
(`resend_ops`) with op_seqs of the outbox's own sequence (store/writes.py), so a replay after
a cut connection is answered by the server's ledger. The queue never touches `outbox` (its rows mean local
edits: a re-sent copy is not one).
"""
from __future__ import annotations

import json

from store.db import transaction
from store.sync_rows import _kv_get, _kv_set, _record, _refresh_dirty, _save_conflict
from store.sync_state import CURSOR_KEY, _same_content
from store.writes import OUTBOX_TOP_KEY, op_seq_top

EPOCH_KEY = "sync.epoch"
RESEND_KEY = "sync.resend"


def get_epoch(store) -> str | None:
    return _kv_get(store.db, EPOCH_KEY)


def is_new(store, epoch) -> bool:
    """True when the server names another epoch than the one our cursor belongs to. The first
    epoch seen (a new data folder, or a server from before epochs) is just remembered."""
    if not isinstance(epoch, str) or not epoch:
        return False
    known = get_epoch(store)
    if known is None:
        with transaction(store.db) as db:
            _kv_set(db, EPOCH_KEY, epoch)
        return False
    return known != epoch


def _queue(db) -> list[list]:
    return json.loads(_kv_get(db, RESEND_KEY) or "[]")


def _next_op_seqs(db, n: int) -> int:
    """Reserve n op_seqs of the outbox's sequence (store/writes.py); returns the first."""
    top = op_seq_top(db)
    _kv_set(db, OUTBOX_TOP_KEY, str(top + n))
    return top + 1


def start_over(store, epoch: str) -> int:
    """The server has a new epoch: cursor 0 and every synced copy queued for re-sending, in
    one transaction. Returns how many were queued."""
    with transaction(store.db) as db:
        ids = [r[0] for r in db.execute(
            "SELECT s.record_id FROM synced_copies s JOIN records r ON r.id = s.record_id "
            "WHERE json_extract(s.record, '$.version') IS NOT NULL ORDER BY s.rowid")]
        first = _next_op_seqs(db, len(ids)) if ids else 0
        _kv_set(db, RESEND_KEY, json.dumps([[first + i, rid] for i, rid in enumerate(ids)]))
        _kv_set(db, CURSOR_KEY, "0")
        _kv_set(db, EPOCH_KEY, epoch)
    return len(ids)


def settle(store, changes: list[dict]) -> None:
    """Pulled changes: a record the server holds at our synced version or newer needs no
    re-sending. The same version with other content means two histories (the server's
    rewritten after the restore): a version conflict for a person, never a silent pick."""
    if not changes:
        return
    with transaction(store.db) as db:
        queue = _queue(db)
        queued = {rid for _, rid in queue}
        held = set()
        for change in changes:
            if change["id"] not in queued:
                continue
            mine, theirs = _synced_version(db, change["id"]), change.get("version") or 0
            if theirs >= mine:
                held.add(change["id"])
            if theirs == mine:
                _two_histories(db, change)
        if held:
            _kv_set(db, RESEND_KEY, json.dumps([e for e in queue if e[1] not in held]))


def _two_histories(db, change: dict) -> None:
    rid = change["id"]
    row = db.execute("SELECT record FROM synced_copies WHERE record_id = ?", [rid]).fetchone()
    theirs = {**(change.get("record") or {}), "id": rid, "version": change.get("version"),
              "deleted": bool(change.get("deleted"))}
    local = _record(db, rid)
    if row is None or local is None or _same_content(json.loads(row[0]), theirs):
        return
    if db.execute("SELECT 1 FROM conflicts WHERE record_id = ?", [rid]).fetchone() is None:
        _save_conflict(db, local, theirs, "version")
        _refresh_dirty(db, rid)


def _synced_version(db, rid: str) -> int:
    row = db.execute("SELECT json_extract(record, '$.version') FROM synced_copies "
                     "WHERE record_id = ?", [rid]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def resend_ops(store, max_ops: int) -> list[dict]:
    """The next re-sends: each record's synced copy with base_version = its version."""
    ops = []
    for seq, rid in _queue(store.db)[:max_ops]:
        row = store.db.execute("SELECT record FROM synced_copies WHERE record_id = ?",
                               [rid]).fetchone()
        if row is None:
            continue
        rec = json.loads(row[0])
        ops.append({"op_seq": seq, "form": rec["form"], "id": rid,
                    "op": "delete" if rec.get("deleted") else "upsert",
                    "base_version": rec.get("version"), "data": rec, "resend": True})
    return ops


def resend_done(store, op_seqs) -> None:
    """Acked re-sends (whatever the answer: a refused one is another device's to restore)
    leave the queue; so do queued records that no longer have a synced copy."""
    done = set(op_seqs)
    with transaction(store.db) as db:
        keep = [[seq, rid] for seq, rid in _queue(db) if seq not in done and db.execute(
            "SELECT 1 FROM synced_copies WHERE record_id = ?", [rid]).fetchone()]
        _kv_set(db, RESEND_KEY, json.dumps(keep))


def resend_count(store) -> int:
    return len(_queue(store.db))
