"""The record-lifecycle core: statuses, who may move a record where, what blocks it, and which
history its rules compare with. Qt-free and database-free; the store, the server, the desktop
and the CLI call it and only persist or present what it decides.

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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import StrEnum

from forms.model import Finding
from forms.periods import is_period, shift_period
from forms.thresholds import th


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


# -- the history a record's rules compare with --------------------------------------------

def history_window(form, period: str) -> tuple[str, str]:
    """(first, last) period of the records that VR-01 / VR-02 / VR-32 compare `period` with
    (resources/quality.toml [history]; the same for every form today, `form` may be None)."""
    return (shift_period(period, -int(th("history", "months_before", 24))),
            shift_period(period, int(th("history", "months_after", 12))))


def dated_form(form) -> bool:
    """A form whose period comes from a date field (many records a month: event, seminar)."""
    return bool(getattr(form, "date_field", None)) and not form.unique_per_period


def history_of(form, record: dict, candidates) -> list[dict]:
    """The records of `candidates` that `record`'s rules compare with (`HistoryView`), oldest
    period first, ties by id."""
    unit = record.get("org_unit")
    group = HistoryGroup(form, [r for r in candidates if isinstance(r, dict)
                                and r.get("org_unit") == unit])
    return list(group.view(record))


class HistoryGroup:
    """The live records of one form and org unit, sorted by period and indexed once: every
    record's history is then a window of it (`view`, by bisection), and a rule looks a key up
    (`HistoryView.first`) instead of scanning and re-normalising the history per record.
    `put` / `drop` keep it current as records are written (the server's push batch), so the
    index is built once per batch instead of once per record. `memo=True`: rules keep values
    derived from records (forms.quality's numeric cells) in `memo` for the group's lifetime,
    for a caller that validates many records against one group; off by default (a review of
    a whole region must not keep them all)."""

    def __init__(self, form, records, *, memo: bool = False) -> None:
        self.form, self.dated = form, dated_form(form)
        self.memo: dict | None = {} if memo else None
        rows = [(self._order_key(r), r) for r in records if self._accepts(r)]
        rows.sort(key=lambda kr: kr[0])
        self._order = [k for k, _ in rows]  # (sortable period, id): where put() inserts
        self.periods = [_period_of(form, r) for _, r in rows]
        self.sorted_periods = [k[0] for k in self._order]
        self.records = [r for _, r in rows]
        self._keys: dict[str, dict] = {}
        self._windows: dict[str, tuple[int, int]] = {}  # period -> its history's bounds

    def _accepts(self, r) -> bool:
        return isinstance(r, dict) and isinstance(r.get("data"), dict) \
            and not r.get("deleted") and r.get("form") in (None, self.form.id)

    def _order_key(self, r: dict) -> tuple[str, str]:
        return _sortable(_period_of(self.form, r)), str(r.get("id") or "")

    def put(self, record: dict, *, held: bool = True) -> None:
        """`record` as now stored: replaces the record of its id (`drop`), kept in order;
        a deleted or malformed record only leaves. `held=False`: the caller knows the group
        does not hold that id (no search for it)."""
        if held:
            self.drop(record.get("id"))
        if not self._accepts(record):
            return
        key = self._order_key(record)
        pos = bisect_right(self._order, key)
        self._order.insert(pos, key)
        self.periods.insert(pos, _period_of(self.form, record))
        self.sorted_periods.insert(pos, key[0])
        self.records.insert(pos, record)
        self._changed()

    def _changed(self) -> None:
        """Forget what was derived from the positions (put / drop moved them)."""
        self._keys.clear()
        self._windows.clear()

    def drop(self, rid) -> None:
        """Remove the record with id `rid`, if the group holds it."""
        if rid is None:
            return
        for pos, r in enumerate(self.records):
            if r.get("id") == rid:
                for seq in (self._order, self.periods, self.sorted_periods, self.records):
                    del seq[pos]
                self._changed()
                return

    def view(self, record: dict, *, windowed: bool = True) -> HistoryView:
        """`record`'s history (`windowed=False`: every record of the group but the record
        itself, for a history list a caller chose)."""
        period = _period_of(self.form, record)
        if not windowed:
            return HistoryView(self, record, 0, len(self.records), _ANY)
        bounds = self._windows.get(period) if period.__class__ is str else None
        if bounds is None:
            bounds = self._window(period)
        return HistoryView(self, record, bounds[0], bounds[1], period)

    def _window(self, period) -> tuple[int, int]:
        """The positions of `period`'s history window, computed once per period (the
        records of one month share it) until `put` / `drop` move them."""
        if not is_period(period):
            return 0, len(self.records)
        lo, hi = history_window(self.form, period)
        bounds = self._windows[period] = (bisect_left(self.sorted_periods, lo),
                                          bisect_right(self.sorted_periods, hi))
        return bounds

    def keyed(self, name: str, key) -> dict:
        """{key(record): positions}, computed once per group for each `name`d key."""
        index = self._keys.get(name)
        if index is None:
            index = self._keys[name] = {}
            for pos, r in enumerate(self.records):
                k = key(r)
                if k is not None:
                    index.setdefault(k, []).append(pos)
        return index


_ANY = object()  # a view that keeps the record's own period too


class HistoryView:
    """One record's history inside its `HistoryGroup` (iterable, oldest first): same form
    and org unit (the group's), live, not the record itself, inside the history window; a
    period form (one record a period) compares with other periods only, a dated form also
    with the same month (VR-32)."""

    def __init__(self, group: HistoryGroup, record: dict, start: int, stop: int,
                 period) -> None:
        self.group, self.start, self.stop, self.period = group, start, stop, period
        self.rid = record.get("id") if isinstance(record, dict) else None

    def _keeps(self, pos: int) -> bool:
        if self.rid is not None and self.group.records[pos].get("id") == self.rid:
            return False
        return self.period is _ANY or self.group.dated or \
            self.group.periods[pos] != self.period

    def __iter__(self):
        """The records `_keeps` keeps, in order (its test inlined: every rule's history)."""
        group, rid, period = self.group, self.rid, self.period
        every_period = period is _ANY or group.dated
        periods = group.periods
        return (r for pos, r in enumerate(group.records[self.start:self.stop], self.start)
                if (rid is None or r.get("id") != rid)
                and (every_period or periods[pos] != period))

    def first(self, name: str, key, value) -> dict | None:
        """The oldest history record whose `key` is `value` (the group's `name`d index)."""
        for pos in self.group.keyed(name, key).get(value, ()):
            if self.start <= pos < self.stop and self._keeps(pos):
                return self.group.records[pos]
        return None


def _sortable(period) -> str:
    return period if isinstance(period, str) else ""


def _period_of(form, record: dict):
    """The stored period, or the one a dated record's date gives (a record read from a file)."""
    period = record.get("period")
    if period is None and getattr(form, "date_field", None):
        from forms.validate import record_period

        period = record_period(form, record)
    return period
