"""The desktop's review kept between runs (DOMAIN §3): a run reads again from the store only
the records that changed since the last run, re-validates with the forms engine only their
(form, org unit) groups, keeps the others' per-record findings, and runs the scope detectors
(linear, cross-record) over all records. Qt-free: desktop/quality_page.py runs it in a worker
(desktop/tasks.py).

What changed comes from the store itself, no extra bookkeeping: every write of an existing
record leaves audit rows (store/writes.py: a person's edit, a pulled change, a settled
conflict, a tombstone), and a record first seen through a pull is a new id. A record's
per-record findings depend only on it and its group's history (forms.history.HistoryView),
so a changed record re-validates its group (old and new, when it moved) and nothing else.

Between runs the records (compacted by the store's listing: store.codec) and the per-record
findings are kept: reading and decoding 100,000 records again was half of a check after one
edit. A first run over many records takes the second core: a helper process shares the
per-record work, whole org units at a time (reports/review_parallel.py).
"""
from __future__ import annotations

import threading
import time
from collections import defaultdict

from reports.quality_review import (
    group_of,
    record_findings,
    review,
    store_order,
    store_records,
)
from reports.review_parallel import Helper, start_helper

REREAD_SHARE = 4  # more than 1/4 of the records changed: read them all again in one pass
BY_ID = 500       # records read by id at a time (SQLite's bound on parameters is 32,766)


def _by_group(findings: list[dict]) -> dict[tuple[str, str], list[dict]]:
    out = defaultdict(list)
    for f in findings:
        out[(f["form"], f["org_unit"])].append(f)
    return out


def release(records: list, step: int = 1000) -> None:
    """Empty `records` a slice at a time. Freeing 100,000 records is otherwise one step of
    the interpreter: it holds the GIL for a tenth of a second and more, and the GUI thread
    waits for it."""
    while records:
        del records[-step:]


class IncrementalReview:
    """`run(store)` -> every finding, as `reports.quality_review.review_store` gives them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one run at a time (a newer one waits)
        self._forget()

    def _forget(self) -> None:
        self.audit_seen: int | None = None   # the last audit row the findings account for
        self.records: list[dict] | None = None   # the store's records as last read
        self.by_group: dict[tuple[str, str], list[dict]] = {}   # per-record findings
        self.checked: set[tuple[str, str]] = set()   # groups the last run re-validated
        self.pending: set[tuple[str, str]] = set()   # groups a cancelled run left stale
        self.reread = 0   # records the last run read from the store
        self.top = 0   # the highest row id of a live record the last run read
        self.again: set[str] | None = None   # ids read again by the last run (None: all)
        self.helped: set[tuple[str, str]] = set()   # groups a helper process validated
        self.waited = 0.0   # seconds the last run spent on the helper's units after its own
        self.helper_cpu: float | None = None   # the CPU seconds its helper spent

    def run(self, store, *, lang: str = "ru", cancelled=None) -> list[dict] | None:
        """Every finding of the store's records; None when `cancelled()` turned true (its
        groups are then re-validated by the next run)."""
        with self._lock:
            audit = store.db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
            if self.audit_seen is not None and audit < self.audit_seen:
                self._forget()  # not the store the findings were made on (a restore)
            helper = self._helper(store)
            try:
                return self._run(store, audit, lang, cancelled, helper)
            finally:
                if helper is not None:
                    helper.stop()

    def _helper(self, store) -> Helper | None:
        """A helper process for a first run over many records (reports/review_parallel.py)."""
        return None if self.records is not None else start_helper(store)

    def _run(self, store, audit, lang, cancelled, helper) -> list[dict] | None:
        changed = self._changed_ids(store)
        records = self._records(store, changed)
        dirty = self._dirty(records, changed)
        old, self.records = self.records, records
        self.audit_seen, self.pending = audit, dirty
        if old is not None:
            release(old)  # the records left out go a slice at a time (the GIL)
        if cancelled and cancelled():
            return None
        return self._review(store, records, dirty, lang, cancelled, helper)

    def _review(self, store, records, dirty, lang, cancelled, helper) -> list[dict] | None:
        units = store.org_units()
        umap = {u["id"]: u for u in units} or None
        live = [r for r in records if not r.get("deleted")]
        shared = set() if helper is None else set(helper.order)
        theirs = {g for g in dirty if g[1] in shared}  # the helper's, or taken back here
        fresh = _by_group(record_findings(live, umap, only=dirty - theirs))
        if cancelled and cancelled():
            return None
        present = {group_of(r) for r in live}
        kept = {g: fs for g, fs in self.by_group.items() if g in present}

        def form_raw() -> list[dict]:  # called when the scope detectors are done
            fresh.update(self._theirs(helper, theirs, live, umap, cancelled))
            kept.update({g: fresh.get(g, []) for g in dirty})
            return [f for fs in kept.values() for f in fs]

        out = review(records, units=units, lang=lang, form_raw=form_raw)
        if cancelled and cancelled():
            return None
        self.by_group, self.checked, self.pending = kept, dirty, set()
        return out

    def _theirs(self, helper, theirs, live, umap, cancelled) -> dict:
        """The findings of the helper's groups: the units it validated, and those validated
        here meanwhile (reports/review_parallel.py)."""
        self.helped, self.waited, self.helper_cpu = set(), 0.0, None
        if helper is None:
            return {}
        by_unit: dict = defaultdict(list)
        for r in live:
            if group_of(r) in theirs:
                by_unit[r["org_unit"]].append(r)
        waited = time.perf_counter()
        got = helper.findings(lambda unit: record_findings(by_unit.pop(unit, []), umap),
                              cancelled)
        self.waited, self.helper_cpu = time.perf_counter() - waited, helper.cpu_s
        self.helped = {g for g in theirs if g[1] in helper.helped}
        return _by_group([f for fs in (got or {}).values() for f in fs])

    def _records(self, store, changed: set[str]) -> list[dict]:
        """The store's records in `store_records`' order: all read on the first run; then
        the kept ones with the changed (audit rows) and the new (row ids past the last run's:
        rows are never removed, a deletion is a tombstone) read again, the deleted left out.
        Any other difference (a count that does not add up): all read again."""
        top, count = store.db.execute("SELECT coalesce(max(rowid), 0), count(*) FROM records"
                                      " WHERE deleted = 0").fetchone()
        if self.records is None:
            return self._counted(store_records(store), top)
        again = sorted(changed | {i for (i,) in store.db.execute(
            "SELECT id FROM records WHERE rowid > ? AND deleted = 0", [self.top])})
        if len(again) * REREAD_SHARE > count:
            return self._counted(store_records(store), top)
        skip = set(again)
        kept = [r for r in self.records if r["id"] not in skip]
        read = [r for start in range(0, len(again), BY_ID)
                for r in store_records(store, again[start:start + BY_ID])]
        if len(kept) + len(read) != count:
            return self._counted(store_records(store), top)
        kept += read
        kept.sort(key=store_order)
        self.reread, self.top, self.again = len(read), max(top, self.top), skip
        return kept

    def _counted(self, records: list[dict], top: int) -> list[dict]:
        self.reread, self.top, self.again = len(records), top, None
        return records

    def _changed_ids(self, store) -> set[str]:
        if self.audit_seen is None:
            return set()
        rows = store.db.execute("SELECT DISTINCT record_id FROM audit WHERE id > ?",
                                [self.audit_seen]).fetchall()
        return {r[0] for r in rows}

    def _dirty(self, records: list[dict], changed: set[str]) -> set[tuple[str, str]]:
        """The groups to re-validate: all when every record was read; else those of the
        changed (before and after: a record that moved), new and vanished records."""
        if self.again is None:
            return {group_of(r) for r in records}
        dirty = {group_of(r) for r in self.records or () if r["id"] in changed} | self.pending
        return dirty | {group_of(r) for r in records if r["id"] in self.again}
