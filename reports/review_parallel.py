"""The first review of a big store on both cores: a helper process validates the records of
some org units with the forms engine while this process reads every record and runs the
scope detectors (reports/review_incremental.py).

A record's per-record findings depend only on its (form, org unit) group
(`reports.quality_review.record_findings`), so the helper's share is a set of whole org
units, read by the helper itself one unit at a time (its memory stays that of one unit's
records), and its findings are exactly those this process would have made, with this
process's published forms. The helper is a new interpreter (not a fork of a process running
Qt's threads; the frozen program started with HELPER_ARG), importing only the forms engine and
the database's connection (no sqlite-utils: ~25 MB less), given the database's key through
its standard input (never a file, an argument or the environment). Anything that goes wrong in
it only costs time: its units are then validated here (`Helper.findings` gives None).
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

PARALLEL_FROM = 20_000  # live records: below this, starting a helper costs more than it saves
# The helper's share of the records: it reads and validates them while this process reads all
# records, runs the scope detectors and validates the rest. Measured on 100,000 records (CPU
# seconds): here reading ~2.5 (sharing values), scope ~1.8, per-record rules ~6.3 for all; in
# the helper its start ~1, reading ~1.8 (not sharing) and the rules.
HELPER_SHARE = 0.65
POLL_S = 0.1  # how often a wait for the helper looks at `cancelled`
NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console for the helper
HELPER_ARG = "--review-helper"  # the frozen program's argument that makes it a helper (main.py)


def unit_counts(db) -> dict[str, int]:
    """Records per org unit, from the (org_unit, period) index alone (tombstones counted:
    only a balance is wanted)."""
    return dict(db.execute("SELECT org_unit, count(*) FROM records GROUP BY org_unit"))


def helper_units(counts: dict[str, int], share: float | None = None) -> list[str]:
    """The org units whose records add up to about `share` (HELPER_SHARE) of all, biggest
    first."""
    share = HELPER_SHARE if share is None else share
    goal, taken, out = share * sum(counts.values()), 0, []
    for unit, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if taken + n / 2 > goal:
            continue
        out.append(unit)
        taken += n
    return out


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
    """One helper process validating the records of some org units of a store: `job` is
    (path, key, org units, units, published definitions as dicts)."""

    def __init__(self, job: tuple):
        self.org_units = set(job[2])
        self.cpu_s: float | None = None  # the helper's CPU time, once it answered
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [root] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
        self._proc = subprocess.Popen(helper_command(), stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      env=env, creationflags=NO_WINDOW)
        self._out = self._talk(pickle.dumps(job))  # its job written, its answer not awaited

    def _talk(self, job: bytes | None = None) -> bytes | None:
        """The helper's whole output once it ended, or None while it runs (`POLL_S`)."""
        try:
            return self._proc.communicate(job, timeout=POLL_S)[0]
        except subprocess.TimeoutExpired:
            return None

    def findings(self, cancelled=None) -> list[dict] | None:
        """The per-record findings of the helper's groups, each group's in its records'
        order; None when the helper failed or `cancelled()` turned true."""
        try:
            while self._out is None:
                if cancelled and cancelled():
                    return None
                self._out = self._talk()
            kind, value, self.cpu_s = pickle.loads(self._out)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            return None
        finally:
            self.stop()
        return value if kind == "ok" and self._proc.returncode == 0 else None

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()


def helper_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the program itself, made a helper by main.py
        return [sys.executable, HELPER_ARG]
    return [sys.executable, "-c", "from reports.review_parallel import serve; serve()"]


def serve() -> None:
    """The helper process: its job from standard input; ("ok", findings, CPU seconds) or
    ("error", why, CPU seconds) pickled to standard output."""
    import gc
    import time

    gc.disable()  # a short life; its records are freed by their counts unit by unit
    try:
        answer: tuple = ("ok", _unit_findings(*pickle.load(sys.stdin.buffer)))
    except Exception as exc:  # noqa: BLE001 - whatever it was, the caller validates itself
        answer = ("error", f"{type(exc).__name__}: {exc}")
    sys.stdout.buffer.write(pickle.dumps((*answer, time.process_time())))
    sys.stdout.flush()


def _unit_findings(path: str, key: bytes, org_units: list[str], units: list[dict],
                   published: list[dict]) -> list:
    from forms.published import Entry, PublishedSet, set_default
    from reports.quality_review import record_findings
    from store import keys
    from store.cipher import open_connection

    keys.remember(Path(path), key)
    set_default(PublishedSet(Entry.from_dict(e) for e in published))
    db = open_connection(path, readonly=True)
    umap = {u["id"]: u for u in units} or None
    out: list = []
    try:
        for unit in org_units:
            out += record_findings(unit_records(db, unit), umap)
    finally:
        db.close()
    return out


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
