"""The desktop's review kept between runs (DOMAIN §3): a run re-validates with the forms
engine only the (form, org unit) groups whose records changed since the last run, keeps the
others' per-record findings, and runs the scope detectors (linear, cross-record) over all
records. Qt-free: desktop/quality_page.py runs it in a worker (desktop/tasks.py).

What changed comes from the store itself, no extra bookkeeping: every write of an existing
record leaves audit rows (store/writes.py: a person's edit, a pulled change, a settled
conflict, a tombstone), and a record first seen through a pull is a new id. A record's
per-record findings depend only on it and its group's history (forms.lifecycle.HistoryView),
so a changed record re-validates its group (old and new, when it moved) and nothing else.

Between runs only the findings and a map id -> group are kept, never the records.
"""
from __future__ import annotations

import threading
from collections import defaultdict

from reports.quality_review import group_of, record_findings, review, store_records


def release(records: list, step: int = 1000) -> None:
    """Empty `records` a slice at a time. Freeing 100,000 records is otherwise one step of
    the interpreter: it holds the GIL for a tenth of a second and more, and the GUI thread
    waits for it."""
    while records:
        del records[-step:]


def group_map(records: list[dict]) -> dict[str, tuple[str, str]]:
    """Each live record's id -> its group, every group one tuple object (kept between runs:
    a tuple per record is 6 MB more for 100,000 records)."""
    groups: dict = {}
    out = {}
    for r in records:
        if not r.get("deleted"):
            group = group_of(r)
            out[r["id"]] = groups.setdefault(group, group)
    return out


class IncrementalReview:
    """`run(store)` -> every finding, as `reports.quality_review.review_store` gives them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one run at a time (a newer one waits)
        self.audit_seen: int | None = None   # the last audit row the findings account for
        self.where: dict[str, tuple[str, str]] = {}   # record id -> its group
        self.by_group: dict[tuple[str, str], list[dict]] = {}   # per-record findings
        self.checked: set[tuple[str, str]] = set()   # groups the last run re-validated
        self.pending: set[tuple[str, str]] = set()   # groups a cancelled run left stale

    def run(self, store, *, lang: str = "ru", cancelled=None) -> list[dict] | None:
        """Every finding of the store's records; None when `cancelled()` turned true (its
        groups are then re-validated by the next run). The map of the last run is dropped
        as soon as the groups to re-validate are known: it is not held beside the new one
        while the records are reviewed."""
        with self._lock:
            audit = store.db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
            changed = self._changed_ids(store)
            records = store_records(store)
            where = group_map(records)
            dirty = self._dirty(where, changed)
            self.audit_seen, self.where, self.pending = audit, where, dirty
            if cancelled and cancelled():
                return None
            units = store.org_units()
            live = [r for r in records if not r.get("deleted")]
            fresh = defaultdict(list)
            for f in record_findings(live, {u["id"]: u for u in units} or None, only=dirty):
                fresh[(f["form"], f["org_unit"])].append(f)
            if cancelled and cancelled():
                return None
            present = set(where.values())
            kept = {g: fs for g, fs in self.by_group.items() if g in present}
            kept.update({g: fresh.get(g, []) for g in dirty})
            out = review(records, units=units, lang=lang,
                         form_raw=[f for fs in kept.values() for f in fs])
            self.by_group, self.checked, self.pending = kept, dirty, set()
            live.clear()
            release(records)
            return out

    def _changed_ids(self, store) -> set[str]:
        if self.audit_seen is None:
            return set()
        rows = store.db.execute("SELECT DISTINCT record_id FROM audit WHERE id > ?",
                                [self.audit_seen]).fetchall()
        return {r[0] for r in rows}

    def _dirty(self, where: dict, changed: set[str]) -> set[tuple[str, str]]:
        """The groups to re-validate: all on the first run; then those of changed, new and
        vanished records (a record that moved: its old and its new group)."""
        if self.audit_seen is None:
            return set(where.values())
        dirty = {self.where[i] for i in changed if i in self.where} | self.pending
        dirty |= {where[i] for i in changed if i in where}
        dirty |= {g for i, g in where.items() if i not in self.where}
        dirty |= {g for i, g in self.where.items() if i not in where}
        return dirty
