"""Status workflow by role, and record validation with the shared forms engine."""
from __future__ import annotations

import sqlalchemy as sa

from forms.periods import PERIOD_RE, shift_period
from server.auth import User
from server.db import records
from server.scope import REVIEWERS

EDITORS = ("district", "region", "trainer")
HISTORY_MONTHS = 24
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
    """Raise OpError when `user` may not move the record from `old` to `new`.
    Returns True when the change is a correction (a new revision of a submitted record)."""
    ns = new["status"]
    if old is None:
        if user.role not in EDITORS:
            raise OpError("forbidden", f"role {user.role} cannot create records")
        if ns not in ("draft", "submitted"):
            raise OpError("status_transition", f"a new record cannot be {ns!r}", "status")
        return False
    os_ = old["status"]
    changed = data_changed(old, new)
    if os_ == "approved":
        raise OpError("locked", "the record is approved and locked", "status")
    if os_ == "submitted":
        return _from_submitted(user, ns, new, changed, reason)
    if user.role not in EDITORS:
        raise OpError("forbidden", f"role {user.role} cannot edit a {os_} record")
    if ns not in ("draft", "submitted", os_):
        raise OpError("status_transition", f"{os_} -> {ns} is not allowed", "status")
    return False


def _from_submitted(user: User, ns: str, new: dict, changed: bool, reason) -> bool:
    if ns == "draft":
        raise OpError("status_transition", "submitted -> draft is not allowed", "status")
    if ns in ("approved", "returned") and user.role not in REVIEWERS:
        raise OpError("forbidden", f"role {user.role} cannot {ns[:-1]} records", "status")
    if ns == "returned" and not (new.get("review_comment") or "").strip():
        raise OpError("comment_required", "returning a record needs a comment",
                      "review_comment")
    if not changed:
        return False
    if user.role not in REVIEWERS:
        raise OpError("locked", "a submitted record can only be corrected by region or "
                      "central", "data")
    if not (reason or "").strip():
        raise OpError("reason_required", "a correction of a submitted record needs a reason",
                      "reason")
    return True


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
        out[key] = rec[key]
    if out["status"] not in ("draft", "submitted", "returned", "approved"):
        raise OpError("invalid_record", f"unknown status {out['status']!r}", "status")
    if not isinstance(rec.get("data"), dict):
        raise OpError("invalid_record", "data.data must be an object", "data")
    out["data"] = rec["data"]
    for key in ("justification", "review_comment", "period"):
        val = rec.get(key)
        if val is not None and not isinstance(val, str):
            raise OpError("invalid_record", f"{key} must be a string or null", key)
        out[key] = val
    rev = rec.get("revision")
    out["revision"] = rev if isinstance(rev, int) and not isinstance(rev, bool) and rev > 0 else 1
    return out


def load_definition(form: str, version: int):
    from forms import load_form

    try:
        return load_form(form, version)
    except Exception as exc:  # noqa: BLE001 - unknown form or version
        raise OpError("unknown_form", f"form {form!r} version {version}: {exc}", "form")


def resolve_period(fdef, rec: dict) -> str:
    from forms import record_period

    try:
        period = record_period(fdef, rec) or rec.get("period")
    except Exception as exc:  # noqa: BLE001 - keep a clear error if the engine fails
        raise OpError("invalid_period", f"no period: {exc}", "period")
    if not isinstance(period, str) or not PERIOD_RE.match(period):
        raise OpError("invalid_period", f"period {period!r} is not YYYY-MM", "period")
    return period


def history_rows(conn, rec: dict) -> list:
    """Same form and org unit, other records, within HISTORY_MONTHS before (and 12 after) the
    record's period: what VR-01 / VR-02 compare with, without reading an ever-growing past."""
    q = sa.select(records).where(
        records.c.form == rec["form"], records.c.org_unit == rec["org_unit"],
        records.c.period >= shift_period(rec["period"], -HISTORY_MONTHS),
        records.c.period <= shift_period(rec["period"], 12),
        records.c.id != rec["id"], records.c.deleted.is_(False))
    return conn.execute(q).all()


# The forms engine's field-check codes for a value of the wrong type (forms/fieldcheck.py;
# the same set the desktop store refuses on save): these block every record, drafts included.
TYPE_CODES = frozenset({"not_integer", "not_number", "not_text", "not_date", "not_boolean",
                        "unknown_code", "not_list", "not_counts", "not_row"})
STRICT_STATUSES = ("submitted", "approved")


def unknown_fields(fdef, data: dict) -> list[dict]:
    """Fields (and roster columns) the form does not have, as `field_not_in_form` errors."""
    fields = {f.id: f for f in fdef.fields}
    out = []
    for key, value in data.items():
        f = fields.get(key)
        if f is None:
            out.append(_not_in_form(str(key)))
        elif f.type == "roster" and isinstance(value, list):
            cols = {c.id for c in (f.columns or [])}
            out += [_not_in_form(f"{key}[{i}].{c}", row=i + 1) for i, row in enumerate(value)
                    if isinstance(row, dict) for c in row if c not in cols]
    return out


def _not_in_form(path: str, **params) -> dict:
    return {"rule": "type", "severity": "error", "fields": [path],
            "message_code": "field_not_in_form", "params": {"field": path, **params}}


def validate(fdef, rec: dict, history: list[dict] | None, strict: bool = True) -> list[dict]:
    """Run the forms engine; raise OpError with the findings when the op must be rejected.

    strict (submitted / approved records, corrections): the whole engine with the history;
    every error blocks, and warnings too unless the record carries a justification. Not strict
    (draft / returned): only values of the wrong type block, and those come from the field
    checks alone, so the rules and the history are not run (their findings would not be
    echoed: the sender runs the same engine)."""
    from forms import check_record_fields, validate_record

    try:
        findings = (validate_record(fdef, rec, history=history) if strict
                    else check_record_fields(fdef, rec))
    except Exception as exc:  # noqa: BLE001 - malformed values the engine could not digest
        raise OpError("invalid_record", f"validation failed: {exc.__class__.__name__}: {exc}")
    found = [f.to_dict() for f in findings if f.message_code != "unknown_field"]
    typed = unknown_fields(fdef, rec["data"]) + [f for f in found
                                                 if f["message_code"] in TYPE_CODES]
    if typed:
        raise OpError("invalid_record", "values of the wrong type", errors=typed)
    errors = [f for f in found if f.get("severity") == "error"] if strict else []
    if strict and not errors and not (rec.get("justification") or "").strip():
        errors = [f for f in found if f.get("severity") == "warning"]
    if errors:
        raise OpError("invalid_record", "validation failed", errors=errors)
    return found
