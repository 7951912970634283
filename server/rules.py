"""The server's side of the record lifecycle: transitions and verdicts come from the core
(forms.lifecycle); this module turns its refusals into rejected acks."""
from __future__ import annotations

import sqlalchemy as sa

from forms.history import HistoryView, history_window
from forms.lifecycle import LOCKED, STATUSES, LifecycleError, Move, transition, verdict
from forms.periods import PERIOD_RE
from forms.registry import load_form
from forms.validate import record_period
from server.auth import User
from server.db import records
from sync.protocol import MAX_ID_CHARS, MAX_NOTE_CHARS

DATA_KEYS = ("data", "org_unit", "period", "form_version", "justification")


class OpError(Exception):
    """An op that cannot be applied: becomes a `rejected` ack with these errors."""

    def __init__(self, code: str, message: str, field: str | None = None, errors=None):
        super().__init__(message)
        self.code = code
        self.errors = errors or [{"code": code, "message": message,
                                  **({"field": field} if field else {})}]


def data_changed(old: dict, new: dict) -> bool:
    return any(old.get(k) != new.get(k) for k in DATA_KEYS)


def check_transition(user: User, old: dict | None, new: dict, reason: str | None) -> bool:
    """Raise OpError when `user` may not move the record from `old` to `new`
    (forms.lifecycle.transition). Returns True when the change is a correction (a new
    revision of a submitted record)."""
    try:
        move = transition(user.role, old["status"] if old else None, new["status"],
                          data_changed=old is not None and data_changed(old, new),
                          reason=reason, comment=new.get("review_comment"),
                          form=new.get("form"))
    except LifecycleError as exc:
        raise OpError(exc.code, str(exc), exc.field) from None
    return move == Move.CORRECT


def strict_for(rec: dict, correction: bool) -> bool:
    """Whether the whole engine decides (a submitted / approved record, any correction)."""
    return correction or rec["status"] in LOCKED


def normalize(op: dict) -> dict:
    """The canonical record from an upsert op, with shape errors as OpError."""
    rec = op.get("data")
    if not isinstance(rec, dict):
        raise OpError("invalid_record", "data must be the canonical record object", "data")
    if rec.get("id", op["id"]) != op["id"] or rec.get("form", op["form"]) != op["form"]:
        raise OpError("invalid_record", "record id/form differ from the op's", "id")
    out = {"id": op["id"], "form": op["form"]}
    fv = rec.get("form_version")
    if not isinstance(fv, int) or isinstance(fv, bool) or not 0 < fv < 10_000:
        raise OpError("invalid_record", "form_version must be a positive integer",
                      "form_version")
    out["form_version"] = fv
    for key in ("org_unit", "status"):
        if not isinstance(rec.get(key), str) or not rec[key]:
            raise OpError("invalid_record", f"{key} is required", key)
        if len(rec[key]) > MAX_ID_CHARS:
            raise OpError("invalid_record", f"{key} is longer than {MAX_ID_CHARS} characters",
                          key)
        out[key] = rec[key]
    if out["status"] not in STATUSES:
        raise OpError("invalid_record", f"unknown status {out['status']!r}", "status")
    if not isinstance(rec.get("data"), dict):
        raise OpError("invalid_record", "data.data must be an object", "data")
    out["data"] = rec["data"]
    for key in ("justification", "review_comment", "period"):
        val = rec.get(key)
        if val is not None and not isinstance(val, str):
            raise OpError("invalid_record", f"{key} must be a string or null", key)
        if val is not None and len(val) > MAX_NOTE_CHARS:
            raise OpError("too_long", f"{key} has {len(val)} characters; at most "
                          f"{MAX_NOTE_CHARS} are allowed", key)
        out[key] = val
    rev = rec.get("revision")
    out["revision"] = rev if isinstance(rev, int) and not isinstance(rev, bool) and rev > 0 else 1
    return out


def load_definition(form: str, version: int):
    try:
        return load_form(form, version)
    except Exception as exc:  # noqa: BLE001 - unknown form or version
        raise OpError("unknown_form", f"form {form!r} version {version}: {exc}", "form")


def resolve_period(fdef, rec: dict) -> str:
    try:
        period = record_period(fdef, rec) or rec.get("period")
    except Exception as exc:  # noqa: BLE001 - keep a clear error if the engine fails
        raise OpError("invalid_period", f"no period: {exc}", "period")
    if not isinstance(period, str) or not PERIOD_RE.match(period):
        raise OpError("invalid_period", f"period {period!r} is not YYYY-MM", "period")
    return period


def history_rows(conn, rec: dict) -> list:
    """Same form and org unit, other live records, inside the core's history window around
    the record's period (forms.history.history_window): the rows VR-01 / VR-02 compare with
    (filtered by forms.history.history_of), without reading an ever-growing past."""
    lo, hi = history_window(None, rec["period"])
    q = sa.select(records).where(
        records.c.form == rec["form"], records.c.org_unit == rec["org_unit"],
        records.c.period >= lo, records.c.period <= hi,
        records.c.id != rec["id"], records.c.deleted.is_(False))
    return conn.execute(q).all()


def validate(fdef, rec: dict, history: HistoryView | list[dict] | None, strict: bool = True,
             reason: str | None = None):
    """The core's verdict (forms.lifecycle.verdict); OpError with the blocking findings when
    the op must be rejected. Not strict (draft / returned): only the field checks run (the
    rules' findings would not be echoed: the sender runs the same engine)."""
    try:
        v = verdict(fdef, rec, history=history, strict=strict, reason=reason)
    except Exception as exc:  # noqa: BLE001 - malformed values the engine could not digest
        raise OpError("invalid_record", f"validation failed: {exc.__class__.__name__}: {exc}")
    if not v.ok:
        raise OpError("invalid_record", "validation failed",
                      errors=[f.to_dict() for f in v.blocking])
    return v
