"""The first review of a big store on both cores: a helper process validates the records of
the org units with the forms engine while this process reads every record and runs the
scope detectors (reports/review_incremental.py); then this process takes units back from
the end of the helper's order, and the helper is stopped where the two meet.

A record's per-record findings depend only on its (form, org unit) group
(`reports.quality_review.record_findings`), so the work is split by whole org units, read by
the helper itself one unit at a time (its memory stays that of one unit's records), and its
findings are exactly those this process would have made, with this process's published
forms. The helper is a new interpreter (not a fork of a process running Qt's threads; the
frozen program started with HELPER_ARG), importing only the forms engine and the database's
connection (no sqlite-utils: ~25 MB less), given the database's key through its standard
input (never a file, an argument or the environment). It sends each unit's findings as soon
as they are made. Anything that goes wrong in it only costs time: what it did not send is
validated here.
"""
from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, cast

PARALLEL_FROM = 20_000  # live records: below this, starting a helper costs more than it saves
POLL_S = 0.1  # how often a wait for the helper looks at `cancelled`
NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console for the helper
HELPER_ARG = "--review-helper"  # the frozen program's argument that makes it a helper (main.py)


def unit_counts(db) -> dict[str, int]:
    """Records per org unit, from the (org_unit, period) index alone (tombstones counted:
    only a balance is wanted)."""
    return dict(db.execute("SELECT org_unit, count(*) FROM records GROUP BY org_unit"))


def helper_units(counts: dict[str, int]) -> list[str]:
    """The org units in the helper's order: the biggest first, so that the smallest are
    left at the end, where this process takes them (`Helper.findings`)."""
    return [unit for unit, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def start_helper(store) -> Helper | None:
    """A helper for a first review of `store`'s records, or None: too few records, a store
    without a file or a key, or no process could be started."""
    from forms.published import active
    from store import keys
    from store.errors import StoreError

    if getattr(store, "path", None) is None:
        return None
    try:
        key, counts = keys.known(Path(store.path)), unit_counts(store.db)
        share = helper_units(counts)
        if key is None or not share or sum(counts.values()) < PARALLEL_FROM:
            return None
        published = [e.to_dict() for e in active().entries]
        return Helper((str(store.path), key, share, store.org_units(), published))
    except (StoreError, OSError):
        return None


class Helper:
    """One helper process validating the records of a store's org units in their order:
    `job` is (path, key, org units, units, published definitions as dicts). It sends each
    unit's findings as soon as they are made; a reader thread puts them in `_inbox`."""

    def __init__(self, job: tuple):
        self.order: list[str] = list(job[2])
        self.cpu_s: float | None = None  # the helper's CPU time, once it said it was done
        self.helped: set[str] = set()  # the units whose findings came from the helper
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [root] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
        self._proc = subprocess.Popen(helper_command(), stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      env=env, creationflags=NO_WINDOW)
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._read, args=(self._proc.stdout,), daemon=True,
                         name="review-helper-pipe").start()
        try:
            stdin = cast(IO[bytes], self._proc.stdin)
            stdin.write(pickle.dumps(job))
            stdin.close()
        except OSError:
            self.stop()  # it died at once: its units are all validated here

    def _read(self, pipe) -> None:
        """The helper's messages, ("unit", unit, findings) ... ("done", None, CPU seconds),
        into `_inbox`; None at its end (or a broken message)."""
        try:
            while True:
                self._inbox.put(pickle.load(pipe))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            self._inbox.put(None)

    def findings(self, validate, cancelled=None) -> dict[str, list[dict]] | None:
        """Every unit's per-record findings: the helper's, while this process validates
        (`validate(unit)`) the units from the end of the order: the two meet where their
        speeds put them, and the helper is stopped. None when `cancelled()` turned true."""
        got: dict[str, list[dict]] = {}
        mine: dict[str, list[dict]] = {}
        try:
            while left := [u for u in self.order if u not in got and u not in mine]:
                if cancelled and cancelled():
                    return None
                self._take(got)
                if left[-1] not in got:
                    mine[left[-1]] = validate(left[-1])
            self.helped = set(got)
            return {**mine, **got}
        finally:
            self.stop()

    def _take(self, got: dict) -> None:
        while True:
            try:
                message = self._inbox.get_nowait()
            except queue.Empty:
                return
            if message is None:
                return
            kind, unit, value = message
            if kind == "unit":
                got[unit] = value
            elif kind == "done":
                self.cpu_s = value

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()


def helper_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the program itself, made a helper by main.py
        return [sys.executable, HELPER_ARG]
    return [sys.executable, "-c", "from reports.review_parallel import serve; serve()"]


def serve() -> None:
    """The helper process: its job from standard input; to standard output, pickled, each
    unit's ("unit", unit, findings), then ("done", None, CPU seconds) — or, on a failure,
    the end of its output (the caller validates what is missing)."""
    import gc
    import time

    gc.disable()  # a short life; its records are freed by their counts unit by unit
    out = sys.stdout.buffer
    for unit, found in _unit_findings(*pickle.load(sys.stdin.buffer)):
        pickle.dump(("unit", unit, found), out)
        out.flush()
    pickle.dump(("done", None, time.process_time()), out)
    out.flush()


def _unit_findings(path: str, key: bytes, org_units: list[str], units: list[dict],
                   published: list[dict]):
    """(unit, its per-record findings) for each of `org_units`, in order."""
    from forms.published import Entry, PublishedSet, set_default
    from reports.quality_review import record_findings
    from store import keys
    from store.cipher import open_connection

    keys.remember(Path(path), key)
    set_default(PublishedSet(Entry.from_dict(e) for e in published))
    db = open_connection(path, readonly=True)
    umap = {u["id"]: u for u in units} or None
    try:
        for unit in org_units:
            yield unit, record_findings(unit_records(db, unit), umap)
    finally:
        db.close()


def unit_records(db, unit: str) -> list[dict]:
    """The live records of one org unit as `store_records` gives them, without sharing their
    values (store.codec.compact): the helper keeps none of them beyond its unit, and sharing
    was a third of reading."""
    from reports.quality_review import LISTED, STORE_ORDER
    from store.codec import row_to_record
    from store.query import order_clause, where_clause

    where, params = where_clause(org_unit=unit)
    cur = db.execute("SELECT * FROM records" + where + order_clause(STORE_ORDER), params)
    names = [c[0] for c in cur.description]
    return [row_to_record(dict(zip(names, row)), None, LISTED) for row in cur]
