"""Status machine and corrections: draft -> submitted -> approved | returned,
returned -> submitted. Submitted/approved records change only by correction (new revision,
the earlier values stay in `revisions`)."""
from __future__ import annotations

from store.codec import dumps, loads
from store.db import transaction, utc_now
from store.errors import StoreError, SubmitBlocked
from store.typecheck import check_data
from store.writes import fetch, last_revision, persist, write_revision

REVIEW_ACTIONS = {"approve": "approved", "approved": "approved",
                  "return": "returned", "returned": "returned"}


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


def type_problems(form, rec: dict, *, raise_first: bool = False) -> list[dict]:
    problems = check_data(form, rec.get("data"))
    if problems and raise_first:
        p = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise StoreError(f"record {rec.get('id')}: {p['message']}{more}", code=p["code"],
                         record_id=rec.get("id"), field=p["field"], problems=problems)
    return problems


def _dated_form(record: dict) -> bool:
    """True for a form whose period comes from a date field (many records a month)."""
    try:
        form = load_form_for(record["form"], record.get("form_version"), record.get("id"))
    except StoreError:
        return False
    return bool(form.date_field) and not form.unique_per_period


def _nonblank(text) -> bool:
    return bool(text and str(text).strip())


class WorkflowMixin:
    def history_for(self, record: dict) -> list[dict]:
        """Earlier records of the same form and org unit, not deleted, never the record
        itself. A period form (monthly_report: one per period) gets other periods only
        (VR-01 / VR-02); a form with a `date_field` (event, seminar ...) also gets the
        other records of the same month, so VR-32 can see a repeated event."""
        rows = self.list_records(form=record["form"], org_unit=record["org_unit"])
        rows = [r for r in rows if r["id"] != record.get("id")]
        if _dated_form(record):
            return rows
        return [r for r in rows if r["period"] != record.get("period")]

    def validate(self, record: dict) -> list:
        from forms import validate_record

        form = load_form_for(record["form"], record.get("form_version"), record.get("id"))
        return validate_record(form, record, history=self.history_for(record))

    def submit_record(self, id: str, *, user: str, justification: str | None = None):
        with transaction(self.db):
            rec = self._live(id)
            if rec["status"] not in ("draft", "returned"):
                raise StoreError(f"record {id} is {rec['status']}; only a draft or a returned "
                                 f"record can be submitted", code="bad_transition",
                                 record_id=id, field="status")
            justification = justification if _nonblank(justification) else rec["justification"]
            findings = self.validate(rec)
            blocking = [f for f in findings if f.severity == "error"
                        or (f.severity == "warning" and not _nonblank(justification))]
            if blocking:
                raise SubmitBlocked(blocking, record_id=id)
            new = dict(rec, status="submitted", justification=justification,
                       updated_at=utc_now(), updated_by=user)
            new["revision"] = self._next_revision(rec)
            persist(self.db, rec, new, user=user, at=new["updated_at"])
            write_revision(self.db, new, editor=user, at=new["updated_at"], reason=None)
        return fetch(self.db, id), findings

    def _next_revision(self, rec: dict) -> int:
        """A resubmission with changed data is a new revision; the first one keeps 1."""
        last = last_revision(self.db, rec["id"])
        if last is None or last["data"] == dumps(rec["data"]):
            return rec["revision"]
        return max(rec["revision"], last["revision"]) + 1

    def correct_record(self, id: str, changes: dict, *, user: str, reason: str) -> dict:
        if not _nonblank(reason):
            raise StoreError(f"record {id}: a correction needs a reason",
                             code="reason_required", record_id=id, field="reason")
        if not isinstance(changes, dict):
            raise StoreError(f"record {id}: changes must be an object of field values",
                             code="bad_record", record_id=id, field="data")
        with transaction(self.db):
            rec = self._live(id)
            if rec["status"] not in ("submitted", "approved"):
                raise StoreError(f"record {id} is {rec['status']}; edit it with save_record",
                                 code="bad_transition", record_id=id)
            new = dict(rec, data={**rec["data"], **changes}, updated_at=utc_now(),
                       updated_by=user)
            form = load_form_for(rec["form"], rec["form_version"], id)
            type_problems(form, new, raise_first=True)
            errors = [f for f in self.validate(new) if f.severity == "error"]
            if errors:
                raise SubmitBlocked(errors, record_id=id)
            if new["data"] == rec["data"]:
                return rec
            new["revision"] = rec["revision"] + 1
            persist(self.db, rec, new, user=user, at=new["updated_at"], reason=reason)
            write_revision(self.db, new, editor=user, at=new["updated_at"], reason=reason)
        return fetch(self.db, id)

    def set_review(self, id: str, status: str, *, user: str, comment: str | None) -> dict:
        """Approve or return a submitted record (region role). Returning needs a comment."""
        target = REVIEW_ACTIONS.get(status)
        if target is None:
            raise StoreError(f"record {id}: review status must be approved or returned, "
                             f"not {status!r}", code="bad_transition", record_id=id,
                             field="status")
        if target == "returned" and not _nonblank(comment):
            raise StoreError(f"record {id}: returning a report needs a comment",
                             code="comment_required", record_id=id, field="review_comment")
        with transaction(self.db):
            rec = self._live(id)
            if rec["status"] != "submitted":
                raise StoreError(f"record {id} is {rec['status']}; only a submitted record "
                                 f"can be reviewed", code="bad_transition", record_id=id,
                                 field="status")
            new = dict(rec, status=target, review_comment=comment, updated_at=utc_now(),
                       updated_by=user)
            persist(self.db, rec, new, user=user, at=new["updated_at"], reason=comment)
        return fetch(self.db, id)

    def revisions(self, id: str) -> list[dict]:
        rows = self.db.execute(
            "SELECT revision, status, data, reason, editor, at FROM revisions "
            "WHERE record_id = ? ORDER BY revision", [id]).fetchall()
        return [{"revision": r[0], "status": r[1], "data": loads(r[2]), "reason": r[3],
                 "editor": r[4], "at": r[5]} for r in rows]
