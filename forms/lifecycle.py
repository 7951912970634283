"""The record-lifecycle core: statuses, who may move a record where, what blocks it (the
history its rules compare with: forms/history.py). Qt-free and database-free; the store, the
server, the desktop and the CLI call it and only persist or present what it decides.

Life of a record::

    (new) -> draft | submitted
    draft | returned -> draft | returned (edit in place) | submitted
    submitted -> approved | returned       (review: region / central; returning needs a comment)
    submitted -> submitted with new values (correction: region / central, with a reason)
    approved  -> nothing                   (locked)

Corrections (DOMAIN.md decision 10, VR-13): a submitted report is never changed in place by
its author. A superior (a reviewer role) may correct it; the correction is a new revision that
carries a reason, and the submitted figures stay readable beside it. An approved report is
accepted and locked: no one corrects it (the server has always refused it; the store and the
desktop now refuse it too). To change accepted figures the report is not approved in the
first place, it is returned or corrected while it is still submitted.

`role=None` means a local tool that acts without a server role (the CLI on a data folder, an
importer): only the status rules apply; the server checks the role when the record syncs.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from forms.model import Finding


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})       # changed in place by the author
LOCKED = frozenset({Status.SUBMITTED, Status.APPROVED})     # read-only; fully validated
CREATABLE = frozenset({Status.DRAFT, Status.SUBMITTED})     # what a new record may be
CORRECTABLE = frozenset({Status.SUBMITTED})                 # changed only by a correction
REVIEW_ACTIONS = {"approve": Status.APPROVED, "approved": Status.APPROVED,
                  "return": Status.RETURNED, "returned": Status.RETURNED}

EDITOR_ROLES = ("district", "region", "trainer")   # enter and submit records
# Forms central enters itself too: the national surveys it collects and the organization
# registry it keeps with the regions (issue 16; who holds which unit: forms/scope.py).
CENTRAL_FORMS = ("volunteer_survey", "org_survey", "organization")
REVIEWER_ROLES = ("region", "central")             # approve, return and correct
CORRECTOR_ROLES = REVIEWER_ROLES


class LifecycleError(Exception):
    """A move the lifecycle forbids. `code` is a message code (resources/messages.toml):
    status_transition, comment_required, reason_required, locked or forbidden."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.code, self.field = code, field


class Move(StrEnum):
    CREATE = "create"
    EDIT = "edit"          # a draft / returned record saved again (maybe unchanged)
    SUBMIT = "submit"
    REVIEW = "review"      # approve or return, values unchanged
    CORRECT = "correct"    # new values for a submitted record: a new revision with a reason
    KEEP = "keep"          # a submitted record sent again unchanged


def _nonblank(text) -> bool:
    return bool(text and str(text).strip())


def editor_roles(form: str | None) -> tuple[str, ...]:
    """The roles that enter and submit records of `form`."""
    return (*EDITOR_ROLES, "central") if form in CENTRAL_FORMS else EDITOR_ROLES


def transition(role: str | None, old: str | None, new: str, *, data_changed: bool = False,
               reason: str | None = None, comment: str | None = None,
               form: str | None = None) -> Move:
    """The move from status `old` (None: a new record) to `new` by `role`, or LifecycleError.
    `data_changed`: the values differ from the stored ones; `reason`: a correction's reason;
    `comment`: the review comment the record will carry; `form`: the record's form
    (`editor_roles`)."""
    if new not in STATUSES:
        raise LifecycleError("status_transition", f"unknown status {new!r}", "status")
    if old is None:
        _need_role(role, editor_roles(form), "create records")
        if new not in CREATABLE:
            raise LifecycleError("status_transition", f"a new record cannot be {new!r}",
                                 "status")
        return Move.CREATE
    if old == Status.APPROVED:
        raise LifecycleError("locked", "the record is approved and locked", "status")
    if old == Status.SUBMITTED:
        return _from_submitted(role, new, data_changed, reason, comment)
    _need_role(role, editor_roles(form), f"edit a {old} record")
    if new not in (Status.DRAFT, Status.SUBMITTED, old):
        raise LifecycleError("status_transition", f"{old} -> {new} is not allowed", "status")
    return Move.SUBMIT if new == Status.SUBMITTED else Move.EDIT


def _from_submitted(role, new: str, changed: bool, reason, comment) -> Move:
    if new == Status.DRAFT:
        raise LifecycleError("status_transition", "submitted -> draft is not allowed", "status")
    reviewed = new in (Status.APPROVED, Status.RETURNED)
    if reviewed:
        _need_role(role, REVIEWER_ROLES, f"{new[:-1]} records")
    if new == Status.RETURNED and not _nonblank(comment):
        raise LifecycleError("comment_required", "returning a record needs a comment",
                             "review_comment")
    if not changed:
        return Move.REVIEW if reviewed else Move.KEEP
    if role is not None and role not in CORRECTOR_ROLES:
        raise LifecycleError("locked", "a submitted record can only be corrected by "
                             "region or central", "data")
    if not _nonblank(reason):
        raise LifecycleError("reason_required", "a correction of a submitted record needs "
                             "a reason", "reason")
    return Move.CORRECT


def _need_role(role: str | None, allowed: tuple, what: str) -> None:
    if role is not None and role not in allowed:
        raise LifecycleError("forbidden", f"role {role} cannot {what}", "status")


def review_target(action: str) -> Status:
    """'approve' / 'return' (or the status names) -> the status a review sets."""
    target = REVIEW_ACTIONS.get(action)
    if target is None:
        raise LifecycleError("status_transition", f"a review sets approved or returned, "
                             f"not {action!r}", "status")
    return target


def review(role: str | None, old: str, action: str, comment: str | None) -> Status:
    """The status an approve / return review of a record in status `old` sets, or
    LifecycleError: only a submitted record is reviewed, by a reviewer role; returning needs
    a comment."""
    target = review_target(action)
    if old != Status.SUBMITTED:
        raise LifecycleError("status_transition", f"only a submitted record can be reviewed "
                             f"(this one is {old})", "status")
    transition(role, old, target, comment=comment)
    return target


def check_delete(status: str) -> None:
    """Only a draft or a returned record may be deleted (a tombstone)."""
    if status not in EDITABLE:
        raise LifecycleError("locked", f"a {status} record cannot be deleted; it must be "
                             f"returned first", "status")


def may_correct(role: str | None, status: str | None) -> bool:
    """Whether `role` may start a correction of a record in `status` (desktop buttons)."""
    return role is not None and editor_actions(role, status)["correct"] is None


EDITOR_ACTIONS = ("save", "submit", "correct")


def editor_actions(role: str | None, status: str | None,
                   form: str | None = None) -> dict[str, str | None]:
    """What `role` may do in the editor to a record of `form` in `status` (None: not stored
    yet), as `transition` answers: action ("save" in place, "submit", "correct") -> None when
    allowed, else the message code saying why not (status_transition, locked, forbidden).
    The desktop enables its buttons by it; the store and the server refuse by `transition`."""
    now = status or Status.DRAFT
    return {"save": _answer(role, status, now, form, (Move.CREATE, Move.EDIT)),
            "submit": _answer(role, status, Status.SUBMITTED, form,
                              (Move.CREATE, Move.SUBMIT)),
            "correct": _answer(role, status, now, form, (Move.CORRECT,), changed=True)
            if status is not None else "status_transition"}


def _answer(role, old, new, form, moves: tuple[Move, ...], *, changed: bool = False):
    """None when `transition` allows old -> new as one of `moves`, else why not (a code)."""
    try:
        move = transition(role, old, new, data_changed=changed, reason="?" if changed else None,
                          form=form)
    except LifecycleError as exc:
        return exc.code
    if move in moves:
        return None
    return "locked" if old in LOCKED else "status_transition"


# -- what blocks ------------------------------------------------------------------------

def blocking(findings, justification: str | None = None) -> list[Finding]:
    """Findings that block submission: errors always, warnings unless justified."""
    justified = _nonblank(justification)
    return [f for f in findings
            if f.severity == "error" or (f.severity == "warning" and not justified)]


@dataclass
class Verdict:
    """Whether a record may be stored with its status: `blocking` empty means yes.
    `findings` are all that were computed (only the field checks when not `strict`)."""
    findings: list[Finding]
    blocking: list[Finding]
    strict: bool

    @property
    def ok(self) -> bool:
        return not self.blocking


def verdict(form, record: dict, *, history=None, strict: bool | None = None,
            reason: str | None = None) -> Verdict:
    """May `record` be stored? Values of the wrong type or out of their bounds
    (forms.fieldcheck.HARD_CODES, unknown fields included) refuse it whatever its status, a
    draft too, and then they alone are `blocking`. Draft / returned
    (not strict): nothing else blocks, and only the field checks run. Submitted / approved,
    and every correction (strict): the whole engine with `history` runs and
    `blocking(findings, justification)` decides; a correction's `reason` is its justification
    (a warning needs a comment, and a correction always carries one)."""
    from forms.fieldcheck import HARD_CODES
    from forms.validate import check_record_fields, validate_record

    if strict is None:
        strict = record.get("status") in LOCKED
    found = (validate_record(form, record, history=history) if strict
             else check_record_fields(form, record))
    typed = [f for f in found if f.message_code in HARD_CODES]
    if typed or not strict:
        return Verdict(found, typed, strict)
    justification = record.get("justification") if _nonblank(record.get("justification")) \
        else reason
    return Verdict(found, blocking(found, justification), strict)
