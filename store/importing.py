"""Bulk import of canonical records (CLI `esep import`, JSON files): all or nothing.

A record is taken as it is (status, revision, version, updated_at/by) so that an export
re-imports to identical records; a record without `version` keeps the version this store
synced. Every problem names the record (index + id) and field."""
from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lifecycle import EDITABLE, Status
from store.codec import RECORD_KEYS, field_changes, shape_problems
from store.db import transaction, utc_now
from store.errors import StoreError
from store.writes import fetch, persist, write_revision

if TYPE_CHECKING:
    from sqlite_utils import Database


def _problem(index: int, rid, field, message: str, code: str, params=None) -> dict:
    """`params` (a field check's): the caller can say it in the user's language by `code`."""
    if message.startswith("record ") and ": " in message:
        message = message.split(": ", 1)[1]  # the prefix below names the record
    out = {"index": index, "id": rid, "field": field, "code": code,
           "message": f"record #{index} (id {rid}): {message}"}
    if params is not None:
        out["params"] = params
    return out


def _complete(rec: dict, form, user: str, at: str) -> dict:
    out = {k: rec.get(k) for k in RECORD_KEYS}
    out.update(form=form.id, form_version=form.version, data=dict(rec.get("data") or {}),
               status=rec.get("status") or Status.DRAFT.value, revision=rec.get("revision") or 1,
               deleted=bool(rec.get("deleted")), updated_at=rec.get("updated_at") or at,
               updated_by=rec.get("updated_by") or user)
    return out


class ImportMixin:
    if TYPE_CHECKING:  # provided by the class that mixes this in (store.api.Store)
        db: Database
        user: str

        @staticmethod
        def _period_of(form, rec: dict) -> str: ...

    def check_records(self, records, *, user: str | None = None) -> tuple[list, list[dict]]:
        """(completed records, problems) without writing anything. Index is 1-based."""
        from store.workflow import load_form_for, type_problems

        if not isinstance(records, list):
            raise StoreError("expected a list of records", code="bad_file")
        done, problems, at = [], [], utc_now()
        for i, rec in enumerate(records, start=1):
            bad = shape_problems(rec)
            rid = rec.get("id") if isinstance(rec, dict) else None
            problems += [_problem(i, rid, e.field, str(e), e.code, e.params) for e in bad]
            if bad and not _checkable(rec):
                continue
            try:
                form = load_form_for(rec["form"], rec.get("form_version"), rid)
            except StoreError as exc:
                problems.append(_problem(i, rid, "form", str(exc), exc.code))
                continue
            full = _complete(rec, form, user or self.user, at)
            self._keep_synced_version(full)
            if not full["period"]:
                full["period"] = self._period_or_none(form, full)
            if not full["period"]:
                problems.append(_problem(i, rid, "period", "field 'period': required",
                                         "header_required", {"field": "period"}))
            problems += [_problem(i, rid, p["field"], p["message"], p["code"], p["params"])
                         for p in type_problems(form, full)]
            done.append(full)
        return done, problems

    def _keep_synced_version(self, full: dict) -> None:
        """A file without `version` updates the record this store holds: the edit starts from
        the version this store synced (no reset to None, so no false conflict on the next
        sync). A `version` the file gives is kept (an export re-imports identically)."""
        if full["version"] is None and full["id"]:
            old = fetch(self.db, full["id"])
            if old is not None:
                full["version"] = old["version"]

    def _period_or_none(self, form, rec):
        try:
            return self._period_of(form, rec)
        except StoreError:
            return None

    def import_unchanged(self, rec: dict) -> bool:
        """True when importing `rec` (a record of check_records) would change nothing: the
        same test the write makes (the completed record's fresh updated_at does not count)."""
        old = fetch(self.db, rec["id"]) if rec.get("id") else None
        return old is not None and not field_changes(old, rec)

    def import_records(self, records, *, user: str, reason: str | None = "import") -> int:
        """Import all or nothing; returns how many records were created or changed."""
        reason = reason or "import"
        done, problems = self.check_records(records, user=user)
        if problems:
            raise StoreError(_summary(problems), code="import_invalid",
                             record_id=problems[0]["id"], field=problems[0]["field"],
                             problems=problems)
        changed = 0
        with transaction(self.db):
            for i, rec in enumerate(done, start=1):
                changed += self._import_one(i, rec, user=user, reason=reason)
        return changed

    def _import_one(self, index: int, rec: dict, *, user: str, reason: str) -> int:
        from store.codec import new_id

        rec["id"] = rec["id"] or new_id()
        old = fetch(self.db, rec["id"])
        if old is not None and field_changes(old, rec) and old["status"] not in EDITABLE:
            raise StoreError(
                f"record #{index} (id {rec['id']}): already {old['status']} in this store and "
                f"the file differs; a submitted record changes only by correction",
                code="locked", record_id=rec["id"], field="status")
        try:
            op = "delete" if rec["deleted"] else "upsert"
            wrote = persist(self.db, old, rec, user=user, at=utc_now(), reason=reason, op=op)
        except StoreError as exc:
            raise StoreError(f"record #{index}: {exc}", code=exc.code, record_id=rec["id"],
                             field=exc.field) from exc
        if wrote and rec["status"] != Status.DRAFT:
            write_revision(self.db, rec, editor=rec["updated_by"], at=rec["updated_at"],
                           reason=reason)
        return int(wrote)


def _summary(problems: list[dict]) -> str:
    lines = [p["message"] for p in problems[:20]]
    if len(problems) > 20:
        lines.append(f"... and {len(problems) - 20} more")
    return f"{len(problems)} problem(s), nothing imported:\n" + "\n".join(lines)


def _checkable(rec) -> bool:
    """A record with header problems whose values can still be type-checked, so that one pass
    reports every problem of the file, not the first of each record."""
    return (isinstance(rec, dict) and isinstance(rec.get("data"), dict)
            and isinstance(rec.get("form"), str))
