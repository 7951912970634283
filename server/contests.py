"""Natural-key contests: a conflict on (form, org unit, period) made visible on every device.

When a push collides with a live record's natural key, the challenger (the pushed record)
is kept in `contests` (one row per (record, challenger); a re-push refreshes the copy) and
the existing record gets a NEW change_seq WITHOUT a version bump: every device that can see
the record pulls it again, now with `contested_by`, and base_versions held by devices stay
valid. An upsert of the record naming challenger ids in `resolves` settles those contests
(`resolved_at`) in the same savepoint as the write; its new change_seq carries
`contested_by: []`. Deleting a record settles its contests too.

A challenger is kept only when it passed the same checks as an applied op (push validates
every op before it looks for a holder; a refused op never gets here) and carries at least one
value: an empty record offers nothing to choose between, so it gets its conflict ack and no
device is shown a rival.
"""
from __future__ import annotations

import json
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from forms.fieldcheck import is_blank
from forms.periods import utc_now
from server.auth import User
from server.db import contests, records
from server.rules import OpError
from server.scope import can_read, sees_personal, strip_personal_data
from sync.protocol import MAX_ID_CHARS, dumps

MAX_RESOLVES = 100


def challenger_copy(user: User, rec: dict) -> dict:
    """The canonical record as the challenger pushed it (never applied: no version)."""
    return {**rec, "version": None, "deleted": False, "updated_at": utc_now(),
            "updated_by": user.username}


def worth_keeping(challenger: dict) -> bool:
    """Whether a (checked) challenger is kept as a contest: it has at least one value."""
    data = challenger.get("data")
    return isinstance(data, dict) and any(not is_blank(v) for v in data.values())


def record_contest(conn, user: User, device_id: str, holder_id: str, challenger: dict) -> bool:
    """Store or refresh the contest; True when the holder record must get a new change_seq."""
    if not worth_keeping(challenger):
        return False
    q = sa.select(records.c.id, records.c.deleted).where(records.c.id == holder_id)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    holder = conn.execute(q).first()
    if holder is None or holder.deleted or challenger["id"] == holder_id:
        return False
    payload = dumps(challenger).decode()
    where = (contests.c.record_id == holder_id, contests.c.challenger_id == challenger["id"])
    old = conn.execute(sa.select(contests.c.challenger, contests.c.resolved_at)
                       .where(*where)).first()
    if old is not None:
        if old.resolved_at is not None or old.challenger == payload:
            return False
        conn.execute(contests.update().where(*where).values(
            challenger=payload, created_by=user.username, device_id=device_id))
        return True
    try:
        with conn.begin_nested():  # a concurrent push of the same challenger: keep theirs
            conn.execute(contests.insert().values(
                record_id=holder_id, challenger_id=challenger["id"], challenger=payload,
                created_by=user.username, device_id=device_id, created_at=utc_now()))
    except IntegrityError:
        return False
    return True


def check_resolves(value) -> list[str]:
    """The op's `resolves` as a list of ids, or OpError with what is wrong with it."""
    if value is None:
        return []
    if (not isinstance(value, list) or len(value) > MAX_RESOLVES
            or not all(isinstance(v, str) and 0 < len(v) <= MAX_ID_CHARS for v in value)):
        raise OpError("invalid_resolves", f"resolves must be a list of at most {MAX_RESOLVES} "
                      "record ids", "resolves")
    return list(dict.fromkeys(value))


def check_open(conn, record_id: str, ids: list[str]) -> None:
    """OpError when an id of `resolves` is not a contest of `record_id` (checked before the
    op writes anything)."""
    if not ids:
        return
    found = set(conn.execute(sa.select(contests.c.challenger_id).where(
        contests.c.record_id == record_id, contests.c.challenger_id.in_(ids))).scalars())
    missing = [i for i in ids if i not in found]
    if missing:
        raise OpError("unknown_contest", f"resolves names {', '.join(missing)}, which "
                      f"{'is' if len(missing) == 1 else 'are'} not a contest of record "
                      f"{record_id}", "resolves")


def resolve(conn, record_id: str, ids: list[str]) -> None:
    """Settle the contests `ids` (challenger ids) of `record_id` (after check_open)."""
    if not ids:
        return
    conn.execute(contests.update().where(
        contests.c.record_id == record_id, contests.c.challenger_id.in_(ids),
        contests.c.resolved_at.is_(None)).values(resolved_at=utc_now()))


def resolve_all(conn, record_id: str) -> None:
    conn.execute(contests.update().where(
        contests.c.record_id == record_id, contests.c.resolved_at.is_(None))
        .values(resolved_at=utc_now()))


def contested_by(conn, user: User, rows: list) -> dict[str, list[dict]]:
    """{record id: [challenger records visible to user]} for the rows that ever had a contest
    (an empty list = all settled or none visible); rows without any are left out."""
    if not rows:
        return {}
    by_id = {r.id: r for r in rows}
    q = (sa.select(contests).where(contests.c.record_id.in_(list(by_id)))
         .order_by(contests.c.id))
    out: dict[str, list[dict]] = {}
    for c in conn.execute(q):
        holder = by_id[c.record_id]
        out.setdefault(c.record_id, [])
        seen_as = SimpleNamespace(org_unit=holder.org_unit, region=holder.region,
                                  form=holder.form, created_by=c.created_by)
        if c.resolved_at is not None or not can_read(user, seen_as):
            continue
        rec = json.loads(c.challenger)
        if not sees_personal(user, c.created_by):
            rec["data"] = strip_personal_data(rec["form"], rec["form_version"], rec["data"])
        out[c.record_id].append(rec)
    return out
