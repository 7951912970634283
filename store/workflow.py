"""The store's side of the record lifecycle: it asks the core (forms.lifecycle) whether a move
is allowed and whether the record may be stored, then persists. Submitted records change only
by correction (a new revision; the earlier values stay in `revisions`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from forms.history import history_of
from forms.lifecycle import (
    EDITABLE,
    LifecycleError,
    Move,
    Status,
    review,
    transition,
    verdict,
)
from store.codec import dumps, loads
from store.db import transaction, utc_now
from store.errors import StoreError, SubmitBlocked
from store.writes import fetch_stored, last_revision, persist, write_revision

if TYPE_CHECKING:
    from sqlite_utils import Database


def load_form_for(form_id: str, version, record_id=None):
    from forms import load_form

    try:
        return load_form(form_id, version=version)
    except KeyError as exc:  # forms.UnknownForm: unknown id or version
        raise StoreError(f"record {record_id}: field 'form': unknown form {form_id!r}"
                         + (f" version {version}" if version else ""), code="unknown_form",
                         record_id=record_id, field="form") from exc
    except ValueError as exc:  # forms.DefinitionError: a broken definition file
        raise StoreError(f"record {record_id}: form {form_id!r} cannot be loaded: {exc}",
                         code="form_definition", record_id=record_id, field="form") from exc


def problem_of(finding) -> dict:
    """A type finding as the store's problem dict {field, code, params, message}."""
    from forms.messages import message_text

    path = finding.fields[0] if finding.fields else "data"
    return {"field": path, "code": finding.message_code, "params": dict(finding.params),
            "message": f"field {path!r}: {message_text(finding.message_code, 'en', finding.params)}"}


def type_problems(form, rec: dict, *, raise_first: bool = False) -> list[dict]:
    """The values of the wrong type or out of bounds (and fields the form does not have):
    what blocks even a draft (forms.lifecycle.verdict, not strict)."""
    problems = [problem_of(f) for f in verdict(form, rec, strict=False).blocking]
    if problems and raise_first:
        raise_type_problems(rec.get("id"), problems)
    return problems


def raise_type_problems(rid, problems: list[dict]):
    p = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise StoreError(f"record {rid}: {p['message']}{more}", code=p["code"], record_id=rid,
                     field=p["field"], problems=problems)


def checked(rid, role, old, new, **kwargs) -> Move:
    """forms.lifecycle.transition, its refusal as a StoreError with the same code."""
    try:
        return transition(role, old, new, **kwargs)
    except LifecycleError as exc:
        raise StoreError(f"record {rid}: {exc}", code=exc.code, record_id=rid,
                         field=exc.field) from None


def _refuse(rid, v) -> None:
    """Raise when the core's verdict refuses the record: the values of the wrong type as a
    StoreError naming the first field, other blocking findings as SubmitBlocked."""
    from forms.fieldcheck import HARD_CODES

    if v.ok:
        return
    if all(f.message_code in HARD_CODES for f in v.blocking):
        raise_type_problems(rid, [problem_of(f) for f in v.blocking])
    raise SubmitBlocked(v.blocking, record_id=rid)


class WorkflowMixin:
    if TYPE_CHECKING:  # provided by the class that mixes this in (store.api.Store)
        db: Database

        def _live(self, id: str) -> dict: ...

        def list_records(self, **kwargs) -> list[dict]: ...

    def history_for(self, record: dict) -> list[dict]:
        """The records `record`'s rules compare with (forms.history.history_of): same form
        and org unit, live, never the record itself, inside the history window; other
        periods for a period form, the same month too for a dated form (VR-32)."""
        form = load_form_for(record["form"], record.get("form_version"), record.get("id"))
        rows = self.list_records(form=record["form"], org_unit=record["org_unit"])
        return history_of(form, record, rows)

    def validate(self, record: dict) -> list:
        from forms import validate_record

        form = load_form_for(record["form"], record.get("form_version"), record.get("id"))
        return validate_record(form, record, history=self.history_for(record))

    def verdict_for(self, record: dict, *, strict: bool | None = None,
                    reason: str | None = None):
        """forms.lifecycle.verdict with this store's history (only read when strict)."""
        form = load_form_for(record["form"], record.get("form_version"), record.get("id"))
        if strict is None:
            strict = record.get("status") not in EDITABLE
        history = self.history_for(record) if strict else None
        return verdict(form, record, history=history, strict=strict, reason=reason)

    def submit_record(self, id: str, *, user: str, justification: str | None = None,
                      role: str | None = None):
        with transaction(self.db):
            rec = self._live(id)
            if checked(id, role, rec["status"], Status.SUBMITTED,
                       form=rec["form"]) != Move.SUBMIT:
                raise StoreError(f"record {id} is {rec['status']}; only a draft or a returned "
                                 f"record can be submitted", code="status_transition",
                                 record_id=id, field="status")
            justification = justification if _nonblank(justification) else rec["justification"]
            new = dict(rec, status=Status.SUBMITTED.value, justification=justification,
                       updated_at=utc_now(), updated_by=user)
            v = self.verdict_for(new, strict=True)
            _refuse(id, v)
            new["revision"] = self._next_revision(rec)
            persist(self.db, rec, new, user=user, at=new["updated_at"])
            write_revision(self.db, new, editor=user, at=new["updated_at"], reason=None)
        return fetch_stored(self.db, id), v.findings

    def _next_revision(self, rec: dict) -> int:
        """A resubmission with changed data is a new revision; the first one keeps 1."""
        last = last_revision(self.db, rec["id"])
        if last is None or last["data"] == dumps(rec["data"]):
            return rec["revision"]
        return max(rec["revision"], last["revision"]) + 1

    def correct_record(self, id: str, changes: dict, *, user: str, reason: str,
                       role: str | None = None) -> dict:
        """A new revision of a submitted record with `reason` (region / central)."""
        if not isinstance(changes, dict):
            raise StoreError(f"record {id}: changes must be an object of field values",
                             code="bad_record", record_id=id, field="data")
        with transaction(self.db):
            rec = self._live(id)
            if rec["status"] in EDITABLE:
                raise StoreError(f"record {id} is {rec['status']}; edit it with save_record",
                                 code="status_transition", record_id=id, field="status")
            new = dict(rec, data={**rec["data"], **changes}, updated_at=utc_now(),
                       updated_by=user)
            checked(id, role, rec["status"], rec["status"],
                    data_changed=new["data"] != rec["data"], reason=reason)
            _refuse(id, self.verdict_for(new, strict=True, reason=reason))
            if new["data"] == rec["data"]:
                return rec
            new["revision"] = rec["revision"] + 1
            persist(self.db, rec, new, user=user, at=new["updated_at"], reason=reason)
            write_revision(self.db, new, editor=user, at=new["updated_at"], reason=reason)
        return fetch_stored(self.db, id)

    def set_review(self, id: str, status: str, *, user: str, comment: str | None,
                   role: str | None = None) -> dict:
        """Approve or return a submitted record (region / central). Returning needs a
        comment; approving checks the record against today's history, as the server does."""
        with transaction(self.db):
            rec = self._live(id)
            try:
                target = review(role, rec["status"], status, comment)
            except LifecycleError as exc:
                raise StoreError(f"record {id}: {exc}", code=exc.code, record_id=id,
                                 field=exc.field) from None
            new = dict(rec, status=target.value, review_comment=comment, updated_at=utc_now(),
                       updated_by=user)
            if target == Status.APPROVED:
                _refuse(id, self.verdict_for(new, strict=True))
            persist(self.db, rec, new, user=user, at=new["updated_at"], reason=comment)
        return fetch_stored(self.db, id)

    def revisions(self, id: str) -> list[dict]:
        rows = self.db.execute(
            "SELECT revision, status, data, reason, editor, at FROM revisions "
            "WHERE record_id = ? ORDER BY revision", [id]).fetchall()
        return [{"revision": r[0], "status": r[1], "data": loads(r[2]), "reason": r[3],
                 "editor": r[4], "at": r[5]} for r in rows]


def _nonblank(text) -> bool:
    return bool(text and str(text).strip())
