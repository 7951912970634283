"""The history a record's rules compare with (VR-01 / VR-02 / VR-32), part of the
record-lifecycle core (forms/lifecycle.py): the window of periods around a record, and an
index of a (form, org unit)'s records built once (`HistoryGroup`) of which each record's
history is a view (`HistoryView`). Qt-free and database-free."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from forms.periods import is_period, shift_period
from forms.thresholds import th


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
