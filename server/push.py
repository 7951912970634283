"""POST /sync/push: one transaction per batch, its writes sent at its end, a ledger of acks."""
from __future__ import annotations

import contextlib
import json

import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError

from forms.lifecycle import REVIEWER_ROLES, LifecycleError, check_delete
from forms.periods import utc_now
from server import activity, contests, rules
from server.auth import User
from server.batch import Batch, prefetch
from server.db import ledger, records, revisions, to_json
from server.epoch import EPOCH_QUERY
from server.rules import OpError
from server.scope import (
    can_read,
    can_write_unit,
    keep_personal_data,
    read_only,
    record_for,
    sees_personal,
)
from server.seqs import commit_batch
from sync.protocol import (
    ACK_APPLIED,
    ACK_CONFLICT,
    ACK_DUPLICATE,
    ACK_REJECTED,
    OP_DELETE,
    compact_ack,
    dumps,
)


class Conflict(Exception):
    def __init__(self, kind: str, server: dict | None, message: str, holder: str | None = None,
                 challenger: dict | None = None):
        super().__init__(message)
        self.kind, self.server = kind, server
        self.holder, self.challenger = holder, challenger  # natural_key: kept as a contest


def push(engine: sa.Engine, user: User, device_id: str, ops: list[dict]) -> list[dict]:
    """Apply a batch: replayed ops answer from the ledger, new ones are applied in order."""
    return push_batch(engine, user, device_id, ops)[0]


_REVISIONS, _LEDGER = revisions.insert(), ledger.insert()


def push_batch(engine: sa.Engine, user: User, device_id: str,
               ops: list[dict]) -> tuple[list[dict], str]:
    """push(), and the server's epoch read in the same transaction: (acks, epoch).

    Fast path: no savepoint (every check runs before an op writes, so a refused op leaves
    nothing behind), and the batch's writes are queued: the record rows, revisions and ledger
    rows, the epoch read, the change_seq stamp and the COMMIT go out together at the end
    (server.seqs.commit_batch: one round trip on PostgreSQL; the counter's lock is held for
    the stamp and the commit). Only a database error (a unique-key race with a concurrent
    batch, a value the database refuses) rolls the transaction back, and the batch runs again
    with a savepoint per op, which isolates the failing op."""
    try:
        acks, fresh, epoch = _push_tx(engine, user, device_id, ops, savepoints=False)
    except (IntegrityError, DataError):
        acks, fresh, epoch = _push_tx(engine, user, device_id, ops, savepoints=True)
    activity.touch(engine, user, device_id, "push")
    return [compact_ack(a if a is not None else _as_replay(fresh[op["op_seq"]]))
            for a, op in zip(acks, ops)], epoch


def _push_tx(engine: sa.Engine, user: User, device_id: str, ops: list[dict],
             savepoints: bool) -> tuple[list[dict | None], dict[int, dict], str]:
    with engine.begin() as conn:
        stored, rows, units, hist = prefetch(conn, device_id, ops)
        batch = Batch(conn, [op for op in ops if op["op_seq"] not in stored], device_id,
                      write_now=savepoints, fetched=(rows, units, hist))
        acks, fresh = _apply_all(batch, user, ops, stored, savepoints)
        written = [a for a in fresh.values() if a.pop("_written", False)]
        entries = [{"device_id": device_id, "op_seq": a["op_seq"], "username": user.username,
                    "ack": to_json(a), "at": utc_now()} for a in fresh.values()]
        rids = [a["id"] for a in written] + batch.restamp  # + newly contested records
        epoch, seqs = commit_batch(
            conn, batch.pending() + [(_REVISIONS, batch.revisions), (_LEDGER, entries)],
            EPOCH_QUERY, rids, device_id, [(a["op_seq"], a["id"]) for a in written])
        for ack in written:  # a record written twice: both acks name its one new seq
            ack["change_seq"] = seqs[ack["id"]]
    return acks, fresh, str(epoch)


def _apply_all(batch: Batch, user: User, ops: list[dict], stored: dict,
               savepoints: bool) -> tuple[list[dict | None], dict[int, dict]]:
    acks: list[dict | None] = []
    fresh: dict[int, dict] = {}
    for op in ops:
        if op["op_seq"] in stored:
            acks.append(_replayed(user, stored[op["op_seq"]]))
        elif op["op_seq"] in fresh:  # the same op twice in one batch: answered in push()
            acks.append(None)
        else:
            fresh[op["op_seq"]] = _one(batch, user, op, savepoints)
            acks.append(fresh[op["op_seq"]])
    return acks, fresh


def _as_replay(ack: dict) -> dict:
    done = ack["status"] in (ACK_APPLIED, ACK_DUPLICATE)
    return dict(ack, status=ACK_DUPLICATE) if done else dict(ack)


def _one(batch: Batch, user: User, op: dict, savepoint: bool = True) -> dict:
    try:
        with batch.conn.begin_nested() if savepoint else contextlib.nullcontext():
            ack = apply_op(batch, user, op)
        if "_row" in ack:
            batch.remember(ack.pop("_row"), ack.pop("_data", None))
        if "_rev" in ack:  # one executemany for the batch's revisions (push())
            batch.revisions.append(ack.pop("_rev"))
    except Conflict as c:
        ack = _conflict_ack(c)
        _contest(batch, user, c)
    except OpError as e:
        ack = {"status": ACK_REJECTED, "errors": e.errors}
    except IntegrityError:  # a concurrent batch took the natural key first (now committed)
        if not savepoint:
            raise
        late = _late_natural_key(batch, user, op)
        ack = _conflict_ack(late)
        _contest(batch, user, late)
    except DataError as exc:  # e.g. a NUL character, which PostgreSQL text cannot hold
        if not savepoint:
            raise
        ack = {"status": ACK_REJECTED, "errors": [{
            "code": "invalid_value", "message": f"the database refused a value: {exc.orig}"}]}
    except UnicodeEncodeError as exc:  # a lone surrogate (JSON "\ud800"): no character
        ack = {"status": ACK_REJECTED, "errors": [{  # refused before the op wrote anything
            "code": "invalid_value",
            "message": f"a text holds {exc.object[exc.start:exc.end]!a}, which is no character"}]}
    return {"op_seq": op["op_seq"], "id": op["id"], "version": None, "change_seq": None, **ack}


def _contest(batch: Batch, user: User, c: Conflict) -> None:
    if c.holder is None or c.challenger is None:
        return
    # the counter's lock before the holder's row lock, as every batch takes them (server.seqs)
    batch.lock_counter()
    batch.flush()  # the holder may be a record this batch wrote
    if contests.record_contest(batch.conn, user, batch.device_id, c.holder, c.challenger):
        batch.restamp.append(c.holder)


def _conflict_ack(c: Conflict) -> dict:
    return {"status": ACK_CONFLICT, "conflict_kind": c.kind, "server": c.server,
            "errors": [{"code": f"conflict_{c.kind}", "message": str(c)}]}


def _late_natural_key(batch: Batch, user: User, op: dict) -> Conflict:
    """After a unique-index race: the same id (another device sent this record) or the same
    (form, org unit, period) was committed by a concurrent batch."""
    rec = op["data"]
    same = batch.conn.execute(sa.select(records).where(records.c.id == op["id"])).first()
    if same is not None:
        return Conflict("version", record_for(user, same) if can_read(user, same) else None,
                        f"record {op['id']} was just written by another device")
    other = batch.conn.execute(sa.select(records).where(
        records.c.form == op["form"], records.c.org_unit == rec.get("org_unit"),
        records.c.period == rec.get("period"), records.c.natural_key.is_not(None),
        records.c.id != op["id"])).first()
    copy = record_for(user, other) if other is not None and can_read(user, other) else None
    challenger = None
    if other is not None:
        challenger = contests.challenger_copy(user, dict(rules.normalize(op),
                                                         period=other.period))
    return Conflict("natural_key", copy, f"{op['form']} for {rec.get('org_unit')} "
                    f"{rec.get('period')} was just created by another device",
                    other.id if other is not None else None, challenger)


def _replayed(user: User, stored) -> dict:
    ack = json.loads(stored.ack)
    if stored.change_seq is not None:  # stamped after the ack was written (server.seqs)
        ack["change_seq"] = stored.change_seq
    if stored.username != user.username:
        return {"op_seq": ack["op_seq"], "id": ack["id"], "status": ACK_REJECTED,
                "errors": [{"code": "ledger_owner",
                            "message": "this device's op was sent by another user"}]}
    return _as_replay(ack)


def _locked_row(conn, rid: str):
    q = sa.select(records).where(records.c.id == rid)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    return conn.execute(q).first()


def apply_op(batch: Batch, user: User, op: dict) -> dict:
    row = batch.row(op["id"])
    if row is not None and not can_read(user, row):
        raise OpError("forbidden", "this record is outside your scope", "id")
    if row is not None and read_only(user, row):
        raise OpError("forbidden", "this record is read-only for you", "id")
    if op.get("resend"):
        return _resend(batch, user, op, row)
    if row is not None and op.get("base_version") != row.version:
        raise Conflict("version", record_for(user, row),
                       f"base_version {op.get('base_version')} but the server has "
                       f"version {row.version}")
    if op["op"] == OP_DELETE:
        return _delete(batch, user, row)
    if row is None and op.get("base_version") is not None:
        raise OpError("not_found", "base_version given but the server has no such record", "id")
    if row is not None and row.deleted:
        raise OpError("deleted", "the record was deleted on the server", "id")
    return _upsert(batch, user, op, row)


def _resend(batch: Batch, user: User, op: dict, row) -> dict:
    """After a new epoch (server.epoch) a client re-sends its synced copy of a record, with
    base_version = the version it holds. Written when the server lacks the record or holds an
    older version (it was lost by the restore), keeping that version so that every other
    client re-sending the same copy gets a duplicate; otherwise nothing changes."""
    base = op.get("base_version") or 0
    if row is not None and (row.version >= base or row.deleted):
        return {"status": ACK_DUPLICATE, "version": None}  # the sender keeps its copy
    if op["op"] == OP_DELETE:
        return _delete(batch, user, row)
    return _upsert(batch, user, op, row, keep_version=base or None)


def _unit(batch: Batch, user: User, rec: dict):
    unit = batch.units.get(rec["org_unit"])
    if unit is None:
        raise OpError("unknown_org_unit", f"org unit {rec['org_unit']!r} does not exist",
                      "org_unit")
    if not can_write_unit(user, unit, rec["form"]):
        raise OpError("forbidden", f"{rec['form']} for {rec['org_unit']} is outside your "
                      "scope", "org_unit")
    return unit


def _upsert(batch: Batch, user: User, op: dict, row, keep_version: int | None = None) -> dict:
    rec = rules.normalize(op)
    resolves = contests.check_resolves(op.get("resolves"))
    unit = _unit(batch, user, rec)
    fdef = rules.load_definition(rec["form"], rec["form_version"])
    rec["period"] = rules.resolve_period(fdef, rec)
    old = None
    if row is not None:
        old = record_for(user, row) | {"data": json.loads(row.data)}
        if not sees_personal(user, row.created_by):
            rec["data"] = keep_personal_data(rec["form"], rec["form_version"], rec["data"],
                                             old["data"])
        if user.role not in REVIEWER_ROLES:
            rec["review_comment"] = row.review_comment
    correction = rules.check_transition(user, old, rec, op.get("reason"))
    strict = rules.strict_for(rec, correction)
    rules.validate(fdef, rec, batch.history_view(fdef, rec) if strict else None,
                   strict, op.get("reason") if correction else None)
    nkey = _natural_key(batch, user, fdef, rec)
    contests.check_open(batch.conn, rec["id"], resolves)  # every check before the write
    ack = _write(batch.write, user, rec, row, unit, nkey, correction, op.get("reason"),
                 keep_version)
    contests.resolve(batch.conn, rec["id"], resolves)
    # A draft's open findings are not echoed: the sender ran the same engine, and on a 2G line
    # the echo cost more than the records themselves (bench_sync).
    return ack


def _natural_key(batch: Batch, user: User, fdef, rec: dict) -> str | None:
    """The (form, org unit, period) key, unless another live record holds it."""
    if not getattr(fdef, "unique_per_period", False):
        return None
    key = f"{rec['form']}|{rec['org_unit']}|{rec['period']}"
    other = batch.key_holder(rec, key)
    if other is not None:
        raise Conflict("natural_key", record_for(user, other) if can_read(user, other) else None,
                       f"{rec['form']} for {rec['org_unit']} {rec['period']} already exists "
                       f"(record {other.id})", other.id, contests.challenger_copy(user, rec))
    return key


def _write(write, user, rec, row, unit, nkey, correction, reason,
           keep_version: int | None = None) -> dict:
    """Insert / update the record through `write(values, insert)` (change_seq is stamped at the
    end of the batch). Its revision row comes back in the ack's `_rev` (push inserts them all
    at once)."""
    now = utc_now()
    version = 1 if row is None else row.version + 1
    revision = rec["revision"] if row is None else row.revision + (1 if correction else 0)
    values = {
        "id": rec["id"], "created_by": row.created_by if row else user.username,
        "form": rec["form"], "form_version": rec["form_version"], "org_unit": rec["org_unit"],
        "region": unit.region, "period": rec["period"], "status": rec["status"],
        "data": dumps(rec["data"]).decode(), "justification": rec.get("justification"),
        "review_comment": rec.get("review_comment"), "revision": revision, "version": version,
        "deleted": False, "updated_at": now, "updated_by": user.username, "change_seq": None,
        "natural_key": nkey,
    }
    write(values, row is None)
    rev = {"record_id": rec["id"], "version": version, "revision": revision,
           "status": rec["status"], "data": values["data"],
           "reason": reason if correction else None, "comment": rec.get("review_comment"),
           "editor": user.username, "at": now}
    return {"status": ACK_APPLIED, "version": version, "_written": True, "_row": values,
            "_data": rec["data"], "_rev": rev}


def _delete(batch: Batch, user: User, row) -> dict:
    if row is None:
        return {"status": ACK_APPLIED, "version": None, "change_seq": None}
    if row.deleted:
        return {"status": ACK_APPLIED, "version": row.version, "change_seq": row.change_seq}
    unit = batch.units.get(row.org_unit)
    if unit is None or not can_write_unit(user, unit, row.form):
        raise OpError("forbidden", "you cannot delete this record", "id")
    try:
        check_delete(row.status)
    except LifecycleError as exc:
        raise OpError(exc.code, str(exc), exc.field) from None
    batch.query(records.update().where(records.c.id == row.id).values(
        deleted=True, natural_key=None, version=row.version + 1, change_seq=None,
        updated_at=utc_now(), updated_by=user.username))
    contests.resolve_all(batch.conn, row.id)
    gone = {"id": row.id, "form": row.form, "org_unit": row.org_unit, "deleted": True}
    return {"status": ACK_APPLIED, "version": row.version + 1, "_written": True, "_row": gone}
