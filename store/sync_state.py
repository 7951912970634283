"""The sync-facing side of the local store (owned by the sync room; CONTRACTS §4).

Outbox -> ops, acks -> versions/conflicts/parked ops, pulled pages -> records + cursor, each
in ONE SQLite transaction, so a crash or a cut connection at any instant resumes cleanly.

kv keys used here (plain text): `sync.cursor` (int), `sync.inflight` (JSON list of op_seq
sent without an ack yet: they are replayed first, with the same op_seq, so the server's ledger
answers them and a local edit made meanwhile never turns into a false conflict).

`synced_copies` holds each record as last synced (set with the version by an ack or a pulled
change, in the same transaction): it is the `base` stored with a conflict. Natural-key
contests (docs/CONTRACTS.md §7): a pulled change's `contested_by` becomes a local
`natural_key` conflict on the holder's record, `conflicts.resolves` / `outbox.resolves` carry
the challenger ids a resolution settles, and a pulled `contested_by: []` clears the conflict
(holder or challenger side) when the record has no local edits.
"""
from __future__ import annotations

import json

from store.cipher import dbapi
from store.codec import dumps, row_to_record
from store.db import transaction, utc_now
from store.sync_rows import (
    INFLIGHT_KEY,
    NATURAL_KEY,
    _drop_conflict,
    _ids,
    _inflight,
    _keep_revision,
    _keep_synced,
    _kv_get,
    _kv_set,
    _pending,
    _record,
    _refresh_dirty,
    _retire,
    _rows,
    _save_conflict,
    _stored,
    _twin,
    _write_server_copy,
)
from store.writes import Origin, write_record

CURSOR_KEY = "sync.cursor"
# Records held back from a push: those waiting in `conflicts`, except a natural-key twin the
# server has not seen yet (its push makes the server keep the contest, visible to the holder).
HELD = ("SELECT record_id FROM conflicts WHERE NOT (kind = 'natural_key' AND resolves IS NULL)")
SYNC_REASON = "sync"


# -- kv ----------------------------------------------------------------------------------------
def get_cursor(store) -> int:
    return int(_kv_get(store.db, CURSOR_KEY) or 0)


def mark_inflight(store, op_seqs) -> None:
    with transaction(store.db) as db:
        _kv_set(db, INFLIGHT_KEY, json.dumps(sorted(set(_inflight(db)) | set(op_seqs))))


# -- reading -----------------------------------------------------------------------------------
def synced_copy(store, record_id: str) -> dict | None:
    row = store.db.execute("SELECT record FROM synced_copies WHERE record_id = ?",
                           [record_id]).fetchone()
    return json.loads(row[0]) if row else None


def pending_ops(store, max_ops: int = 1000, *, only_inflight: bool = False) -> list[dict]:
    """The ops to push, oldest first: one per record (its newest pending entry, or the one
    still in flight), records waiting in `conflicts` and parked-only records left out.
    only_inflight: just the ops sent earlier without an ack (replayed before any pull)."""
    db = store.db
    inflight = set(_inflight(db))
    if only_inflight and not inflight:
        return []
    rows = _rows(db, "SELECT o.op_seq, o.record_id, o.op, o.reason, o.resolves FROM outbox o "
                     f"WHERE o.state = 'pending' AND o.record_id NOT IN ({HELD}) "
                     "ORDER BY o.op_seq")
    chosen: dict[str, dict] = {}
    for row in rows:
        prev = chosen.get(row["record_id"])
        if prev is not None and prev["op_seq"] in inflight:
            continue  # replay the in-flight op first; later edits go in the next batch
        if prev is not None and not row["reason"]:
            row["reason"] = prev["reason"]
        if prev is not None:  # a later edit still settles the contests of the resolution
            row["resolves"] = dumps(sorted(set(_ids(prev["resolves"]) + _ids(row["resolves"]))))
        chosen[row["record_id"]] = row
    ops = []
    rows = sorted(chosen.values(), key=lambda r: r["op_seq"])
    if only_inflight:
        rows = [r for r in rows if r["op_seq"] in inflight]
    for row in rows[:max_ops]:
        rec = row_to_record(_stored(db, row["record_id"]))
        ops.append({"op_seq": row["op_seq"], "form": rec["form"], "id": rec["id"],
                    "op": row["op"], "base_version": rec.get("version"), "data": rec,
                    "reason": row["reason"]})
        if _ids(row["resolves"]):
            ops[-1]["resolves"] = _ids(row["resolves"])
    return ops


def parked(store) -> list[dict]:
    """Ops the server rejected, with its reasons, newest first."""
    out = []
    for row in _rows(store.db, "SELECT * FROM outbox WHERE state = 'parked' "
                               "ORDER BY op_seq DESC"):
        rec = _record(store.db, row["record_id"])
        out.append({"op_seq": row["op_seq"], "record_id": row["record_id"], "op": row["op"],
                    "errors": json.loads(row["errors"] or "[]"), "created_at": row["created_at"],
                    "record": row_to_record(rec) if rec else None})
    return out


def conflicts(store) -> list[dict]:
    out = []
    for row in _rows(store.db, "SELECT * FROM conflicts ORDER BY created_at, record_id"):
        out.append({"record_id": row["record_id"], "kind": row["kind"],
                    "base": json.loads(row["base"]) if row["base"] else None,
                    "mine": json.loads(row["mine"]), "theirs": json.loads(row["theirs"]),
                    "created_at": row["created_at"], "resolves": _ids(row["resolves"])})
    return out


def outbox_count(store) -> int:
    """Outbox entries that the next push would send (not parked, not waiting in conflicts)."""
    return store.db.execute("SELECT count(*) FROM outbox WHERE state = 'pending' AND record_id "
                            f"NOT IN ({HELD})").fetchone()[0]


# -- acks --------------------------------------------------------------------------------------
def _ack_synced(db, rid: str, seq: int, version, sent: dict | None) -> None:
    if sent is None:  # not told what was sent: the local copy, unless edited since
        later = db.execute("SELECT 1 FROM outbox WHERE record_id = ? AND op_seq > ?",
                           [rid, seq]).fetchone()
        local = None if later else _record(db, rid)
        sent = row_to_record(local) if local else None
    if sent is not None:
        _keep_synced(db, {**sent, "id": rid}, version)


def _ack_one(db, ack: dict, sent: dict | None = None) -> str:
    rid, seq, status = ack["id"], ack["op_seq"], ack.get("status")
    if status in ("applied", "duplicate"):
        if ack.get("version") is not None:
            db.execute("UPDATE records SET version = ? WHERE id = ?", [ack["version"], rid])
            _ack_synced(db, rid, seq, ack["version"], sent)
        db.execute("DELETE FROM outbox WHERE record_id = ? AND op_seq <= ?", [rid, seq])
    elif status == "conflict" and ack.get("server"):
        local = _record(db, rid)
        kind = ack.get("conflict_kind") or "version"
        if local is not None:  # natural key: our twin now challenges theirs on the server
            _save_conflict(db, local, ack["server"], kind,
                           [rid] if kind == NATURAL_KEY and ack["server"].get("id") != rid
                           else None)
        db.execute("DELETE FROM outbox WHERE record_id = ? AND state = 'pending'", [rid])
    else:  # rejected, a conflict without a server copy we may read, or an unknown status:
        # park it with the reasons (visible to a person), never drop it
        errors = ack.get("errors") or [{"code": "unknown_ack", "message": str(status)}]
        db.execute("DELETE FROM outbox WHERE record_id = ? AND op_seq < ?", [rid, seq])
        db.execute("UPDATE outbox SET state = 'parked', errors = ? WHERE op_seq = ?",
                   [dumps(errors), seq])
        status = "rejected"
    _refresh_dirty(db, rid)
    return status


def apply_acks(store, acks: list[dict], ops: list[dict] | None = None) -> dict[str, int]:
    """Apply a batch's acks in one transaction; returns counts per status. ops: the batch as
    sent (its records become the synced copies of the applied ones)."""
    counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    sent = {op["op_seq"]: op.get("data") for op in ops or []}
    with transaction(store.db) as db:
        done = set()
        for ack in acks:
            counts[_ack_one(db, ack, sent.get(ack["op_seq"]))] += 1
            done.add(ack["op_seq"])
        _kv_set(db, INFLIGHT_KEY, json.dumps(sorted(set(_inflight(db)) - done)))
    return counts


# -- pull --------------------------------------------------------------------------------------
def _retire_twin(db, twin: dict, winner: str) -> None:
    """Our challenger lost a contest settled on another device: a local tombstone."""
    _retire(db, twin, who="sync", reason=f"merged into {winner} (resolved on another device)")
    db.execute("DELETE FROM conflicts WHERE record_id = ?", [twin["id"]])


def _settled_twin(db, twin: dict, settled: bool) -> bool:
    """True when `twin` challenged the pulled record on the server and the pulled change says
    that contest is settled (`contested_by: []`; absent = a server that keeps no contests)."""
    row = db.execute("SELECT kind, resolves FROM conflicts WHERE record_id = ?",
                     [twin["id"]]).fetchone()
    return (settled and row is not None and row[0] == NATURAL_KEY
            and twin["id"] in _ids(row[1]) and not _pending(db, twin["id"]))


def _insert_pulled(db, rec: dict, version, contested: list, settled: bool) -> str:
    if rec.get("deleted"):
        return "skipped"
    for _ in range(2):
        try:  # a server's new row is ONE statement (no audit, no outbox: store.writes), so
            # one refused (a natural-key twin) leaves nothing: no savepoint (a quarter of the
            # CPU of applying a first pull)
            _write_server_copy(db, None, {**rec, "version": version},
                               who=rec.get("updated_by") or "server",
                               at=rec.get("updated_at") or utc_now())
        except dbapi.IntegrityError:
            twin = _twin(db, rec)
            if twin is None:
                raise
            if not _settled_twin(db, twin, settled):
                _save_conflict(db, twin, rec, NATURAL_KEY)
                _refresh_dirty(db, twin["id"])
                return "conflict"
            _retire_twin(db, twin, rec["id"])
            continue
        _keep_revision(db, rec)
        _keep_synced(db, rec, version)
        if not contested:  # the usual case: no query for a contest (a first pull's 5,000)
            return "applied"
        return _contest(db, _stored(db, rec["id"]), contested) or "applied"
    raise AssertionError("unreachable: the twin was retired")


def _contest(db, local: dict, contested: list) -> str | None:
    """A pulled record challenged by others' natural-key twins: a conflict here too (unless
    one of another kind waits already). mine = ours, theirs = the first challenger."""
    settling = set()  # contests our queued resolution settles already
    for (text,) in db.execute("SELECT resolves FROM outbox WHERE record_id = ? AND "
                              "resolves IS NOT NULL", [local["id"]]).fetchall():
        settling |= set(_ids(text))
    contested = [c for c in contested if c["id"] not in settling]
    if not contested:
        return None
    row = db.execute("SELECT kind, resolves FROM conflicts WHERE record_id = ?",
                     [local["id"]]).fetchone()
    if row is not None and row[0] != NATURAL_KEY:
        return None
    ids = sorted({c["id"] for c in contested} | set(_ids(row[1]) if row else ()))
    _save_conflict(db, local, contested[0], NATURAL_KEY, [i for i in ids if i != local["id"]])
    _refresh_dirty(db, local["id"])
    return "conflict"


def _apply_change(db, change: dict) -> str:
    rec = dict(change.get("record") or {"id": change["id"], "form": change["form"]})
    rec["id"] = change["id"]
    rec["deleted"] = bool(change.get("deleted") or rec.get("deleted"))
    version = change.get("version", rec.get("version"))
    contested = [c for c in change.get("contested_by") or [] if c.get("id")]
    local = _record(db, change["id"])
    if local is None:
        return _insert_pulled(db, rec, version, contested,
                              "contested_by" in change and not contested)
    row = db.execute("SELECT kind, resolves FROM conflicts WHERE record_id = ?",
                     [local["id"]]).fetchone()
    pending = _pending(db, local["id"])
    holder = (row is not None and row[0] == NATURAL_KEY and bool(_ids(row[1]))
              and local["id"] not in _ids(row[1]))  # we hold the key; others challenge it
    if holder and not contested and not pending:  # someone else resolved the contest
        _drop_conflict(db, local["id"])
        row, holder, local = None, False, _stored(db, local["id"])
    newer = local["version"] is None or version is None or version > local["version"]
    if not newer:  # already have it (e.g. the echo of our own push)
        return _contest(db, local, contested) or "skipped"
    if pending or (row is not None and not holder) or (row is None and local["dirty"]):
        _save_conflict(db, local, {**rec, "version": version}, "version")
        _refresh_dirty(db, local["id"])
        return "conflict"
    merged = {**row_to_record(local), **rec, "version": version}
    _write_server_copy(db, local, merged, who=rec.get("updated_by") or "server", at=utc_now(),
                       reason=SYNC_REASON)
    _keep_revision(db, merged)
    _keep_synced(db, merged, version)
    return _contest(db, _stored(db, local["id"]), contested) or "applied"


def apply_pulled(store, changes: list[dict], next_cursor: int) -> dict[str, int]:
    """Apply one pulled page and move the cursor, in ONE transaction. A change for a record
    with local edits (or a natural-key twin) becomes a conflict, never an overwrite."""
    counts = {"applied": 0, "skipped": 0, "conflict": 0}
    with transaction(store.db) as db:
        for change in changes:
            counts[_apply_change(db, change)] += 1
        _kv_set(db, CURSOR_KEY, str(int(next_cursor)))
    return counts


def fast_forward(store, own_seqs: list[int]) -> int:
    """Move the cursor over change_seqs that are all our own acked writes, when they follow
    the cursor without a gap (change_seq is gap-free), so the next pull skips their echo."""
    with transaction(store.db) as db:
        cursor = int(_kv_get(db, CURSOR_KEY) or 0)
        for seq in sorted(set(own_seqs)):
            if seq == cursor + 1:
                cursor = seq
            elif seq > cursor + 1:
                break
        _kv_set(db, CURSOR_KEY, str(cursor))
    return cursor


# -- conflict resolution -----------------------------------------------------------------------
def _same_content(a: dict, b: dict) -> bool:
    keys = ("form", "form_version", "org_unit", "period", "status", "data", "justification",
            "review_comment", "deleted")
    return all(dumps(a.get(k)) == dumps(b.get(k)) for k in keys)


def _write_choice(db, old_row: dict | None, new: dict, *, user: str, reason: str | None,
                  resolves: list[str], quiet: bool) -> None:
    """The person's choice replaces whatever was queued for the record: sent as one upsert
    (or delete), or, when it is the server's copy and settles no contest, kept clean."""
    db.execute("DELETE FROM outbox WHERE record_id = ?", [new["id"]])
    if quiet:
        _write_server_copy(db, old_row, new, who=user, at=utc_now(), reason=reason)
        _keep_synced(db, new, new.get("version"))
        return
    write_record(db, row_to_record(old_row) if old_row else None, new, origin=Origin.USER,
                 who=user, at=utc_now(), reason=reason,
                 op="delete" if new.get("deleted") else "upsert", resolves=resolves)


def resolve_conflict(store, record_id: str, record: dict, *, user: str,
                     reason: str | None = "conflict resolved") -> dict:
    """Replace the local record by the person's choice (mine / theirs / edited) and queue it as
    a normal upsert with base_version = theirs.version. For a natural-key conflict the local
    twin becomes a local tombstone and the server's record id is kept; when we hold the key
    (others' twins contest it) our id is kept with base_version = its own version. A contest
    the server knows is always sent, with `resolves`. Returns the record."""
    with transaction(store.db) as db:
        row = db.execute("SELECT kind, theirs, resolves FROM conflicts WHERE record_id = ?",
                         [record_id]).fetchone()
        if row is None:
            raise LookupError(f"record {record_id}: no conflict waits for it")
        theirs, resolves = json.loads(row[1]), _ids(row[2])
        if resolves and record_id not in resolves:  # we hold the key: keep our id
            theirs = row_to_record(_stored(db, record_id))
        target = theirs.get("id") or record_id
        if target != record_id:  # natural key: our twin retires, the server's id is kept
            _retire(db, _stored(db, record_id), who=user, reason=f"merged into {target}")
        db.execute("DELETE FROM conflicts WHERE record_id = ?", [record_id])
        old, version = _record(db, target), theirs.get("version")
        new = {**record, "id": target, "version": version, "updated_at": utc_now(),
               "updated_by": user}
        unchanged = _same_content(new, theirs)
        if unchanged:
            new = {**theirs, "id": target}
        quiet = unchanged and not resolves  # nothing to tell the server
        _write_choice(db, old, new, user=user, reason=reason, resolves=resolves, quiet=quiet)
    return row_to_record(_stored(store.db, target))

