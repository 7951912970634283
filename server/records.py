"""Single-record reads (with revisions and per-field diffs) and the review action."""
from __future__ import annotations

import json

import sqlalchemy as sa

from forms import history, lifecycle
from server import rules
from server.auth import User
from server.batch import write_record
from server.db import org_units, records, revisions
from server.push import _locked_row, _write
from server.rules import OpError
from server.scope import (
    can_read,
    record_for,
    row_to_record,
    sees_personal,
    strip_personal_data,
)
from server.seqs import stamp_change_seqs


class NotVisible(Exception):
    """No such record in the caller's scope (404; existence is not revealed)."""


def _visible_row(conn, user: User, rid: str, lock: bool = False):
    row = _locked_row(conn, rid) if lock else conn.execute(
        sa.select(records).where(records.c.id == rid)).first()
    if row is None or not can_read(user, row):
        raise NotVisible(rid)
    return row


def get_record(engine: sa.Engine, user: User, rid: str) -> dict:
    """The record as accepted now; once a region or central correction changed what the
    district submitted, `submitted` holds the original figures beside it (VR-13)."""
    with engine.connect() as conn:
        row = _visible_row(conn, user, rid)
        out = record_for(user, row)
        if row.revision > 1:
            out["submitted"] = _first_submitted(conn, user, row)
        return out


def _first_submitted(conn, user: User, row) -> dict | None:
    first = conn.execute(sa.select(revisions).where(
        revisions.c.record_id == row.id, revisions.c.status == lifecycle.Status.SUBMITTED.value)
        .order_by(revisions.c.version).limit(1)).first()
    if first is None:
        return None
    data = json.loads(first.data)
    if not sees_personal(user, row.created_by):
        data = strip_personal_data(row.form, row.form_version, data)
    return {"version": first.version, "revision": first.revision, "data": data,
            "editor": first.editor, "at": first.at}


def diff(old: dict, new: dict) -> list[dict]:
    """Per-field differences between two data dicts (top-level fields)."""
    return [{"field": k, "old": old.get(k), "new": new.get(k)}
            for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]


def get_revisions(engine: sa.Engine, user: User, rid: str) -> list[dict]:
    with engine.connect() as conn:
        row = _visible_row(conn, user, rid)
        revs = conn.execute(sa.select(revisions).where(revisions.c.record_id == rid)
                            .order_by(revisions.c.version)).all()
    strip = not sees_personal(user, row.created_by)
    out: list[dict] = []
    prev: dict = {}
    for r in revs:
        data = json.loads(r.data)
        if strip:
            data = strip_personal_data(row.form, row.form_version, data)
        out.append({"version": r.version, "revision": r.revision, "status": r.status,
                    "data": data, "reason": r.reason, "comment": r.comment,
                    "editor": r.editor, "at": r.at, "diff": diff(prev, data)})
        prev = data
    return out


def review(engine: sa.Engine, user: User, rid: str, action: str, comment: str | None) -> dict:
    """approve | return a submitted record (region in its region, central anywhere)."""
    with engine.begin() as conn:
        row = _visible_row(conn, user, rid, lock=True)
        if row.deleted:
            raise NotVisible(rid)
        old = record_for(user, row) | {"data": json.loads(row.data)}
        try:
            status = lifecycle.review(user.role, old["status"], action, comment)
        except lifecycle.LifecycleError as exc:
            raise OpError(exc.code, str(exc), exc.field) from None
        new = dict(old, status=status.value,
                   review_comment=comment or old.get("review_comment"))
        if status == lifecycle.Status.RETURNED:
            new["review_comment"] = comment
        if status == lifecycle.Status.APPROVED:  # the same check as approving by a sync op
            _validate_for_approval(conn, row, new)
        unit = conn.execute(sa.select(org_units).where(org_units.c.id == row.org_unit)).first()
        ack = _write(lambda values, insert: write_record(conn, values, insert), user, new, row,
                     unit, row.natural_key, False, None)
        conn.execute(revisions.insert(), ack["_rev"])
        stamp_change_seqs(conn, [rid])
        row = conn.execute(sa.select(records).where(records.c.id == rid)).first()
        return record_for(user, row)


def _validate_for_approval(conn, row, new: dict) -> None:
    """Strict validation against today's history (other records may have arrived since the
    submission): an approved record is locked, so it must pass now."""
    fdef = rules.load_definition(row.form, row.form_version)
    rows = [row_to_record(r) for r in rules.history_rows(conn, new)]
    rules.validate(fdef, new, history.history_of(fdef, new, rows), strict=True)
