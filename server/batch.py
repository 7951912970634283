"""Per-batch lookups for a push, fetched once instead of per op.

- the ops' records, locked (PostgreSQL: FOR UPDATE in id order, so concurrent batches cannot
  deadlock on them), and the org units the ops name;
- the history the forms engine compares with (VR-01 / VR-02) and the natural-key holders: one
  query per (form, org unit) covering every period of the batch (PostgreSQL: sent with the
  first reads, in the same round trip), kept current with the batch's own writes; the core's
  index of it (forms.history.HistoryGroup) is built once per (form, org unit, form version)
  and batch and updated with each write, so every op's history is a window of it;
- the batch's record writes, queued and sent as two executemany statements (`flush`) before
  anything reads the records table again, unless every op writes at once (`write_now`: the
  savepoint-per-op retry, which needs a failing write to point at its op); either way
  under the change_seq counter's lock (server.seqs.lock_counter)."""
from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from forms.history import HistoryGroup, HistoryView, history_of, history_window
from forms.periods import PERIOD_RE
from server import rules
from server.db import driver_errors, ledger, one_of, org_units, records
from server.scope import row_to_record
from server.seqs import lock_counter

_INSERT = records.insert()
_UPDATE = records.update().where(records.c.id == sa.bindparam("b_id"))


def write_record(conn, values: dict, insert: bool) -> None:
    """Insert, or update by `id`, one full record row (plain parameters: cached statements)."""
    if insert:
        conn.execute(_INSERT, values)
    else:
        conn.execute(_UPDATE, _by_id(values))


def _by_id(values: dict) -> dict:
    return {"b_id": values["id"], **values}


def _unit_names(ops: list[dict], rows) -> set[str]:
    names = {op["data"].get("org_unit") for op in ops} | {r.org_unit for r in rows}
    return {n for n in names if isinstance(n, str)}


def _any(column, name: str):
    return column == sa.any_(sa.bindparam(name, type_=ARRAY(column.type)))


# PostgreSQL: the device's lock, then the reads (each statement reads what was committed when
# it starts: after the lock); the records FOR UPDATE in id order, so concurrent batches cannot
# deadlock on them.
_PG_READS = (
    sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(sa.bindparam("device")))),
    sa.select(ledger).where(ledger.c.device_id == sa.bindparam("device"),
                            _any(ledger.c.op_seq, "seqs")),
    sa.select(records).where(_any(records.c.id, "ids")).order_by(records.c.id)
    .with_for_update(),
    sa.select(org_units).where(_any(org_units.c.id, "names")),
)
# ... then the history of each (form, org unit) of the batch (Batch._fetch's query)
_PG_HISTORY = sa.select(records).where(
    records.c.form == sa.bindparam("form"), records.c.org_unit == sa.bindparam("unit"),
    records.c.period >= sa.bindparam("lo"), records.c.period <= sa.bindparam("hi"),
    records.c.deleted.is_(False))
_PG_TEXT: dict[int, list[str]] = {}


def batch_periods(ops: list[dict]) -> dict[tuple, list[str]]:
    """{(form, org unit): the periods the ops name there}, in op order."""
    out: dict[tuple, list[str]] = {}
    for op in ops:
        period = op["data"].get("period")
        if isinstance(period, str) and PERIOD_RE.match(period):
            out.setdefault((op["form"], op["data"].get("org_unit")), []).append(period)
    return out


def _span(periods: list[str]) -> tuple[str, str]:
    """The history window around every period of `periods`."""
    return history_window(None, min(periods))[0], history_window(None, max(periods))[1]


def _history_entry(lo: str, hi: str, rows) -> tuple[str, str, dict, dict]:
    """Batch.hist's entry of the fetched rows of one (form, org unit) between lo and hi."""
    by_id = {r.id: r for r in rows}
    return lo, hi, by_id, {r.natural_key: r for r in by_id.values() if r.natural_key}


def prefetch(conn, device_id: str, ops: list[dict]) -> tuple[dict, dict, dict, dict]:
    """A batch's first reads, after the device's lock (PostgreSQL: a retried batch waits for
    the first attempt; SQLite: BEGIN IMMEDIATE did it): ({op_seq: ledger row}, {id: record
    row}, {id: org unit row}, {(form, org unit): Batch.hist entry}). PostgreSQL: the lock,
    the reads and the history of every (form, org unit) the ops name (the window around
    their periods) in one round trip; SQLite: no history (Batch fetches it when asked)."""
    params = {"device": device_id, "seqs": [op["op_seq"] for op in ops],
              "ids": sorted({op["id"] for op in ops}), "names": sorted(_unit_names(ops, []))}
    hist: dict[tuple, tuple] = {}
    if conn.dialect.name == "postgresql":
        spans = {key: _span(periods) for key, periods in batch_periods(ops).items()
                 if isinstance(key[1], str)}
        found = _pg_pipelined(conn, params, [{"form": f, "unit": u, "lo": lo, "hi": hi}
                                             for (f, u), (lo, hi) in spans.items()])[1:]
        hist = {key: _history_entry(*span, rows)
                for (key, span), rows in zip(spans.items(), found[3:])}
    else:
        found = [conn.execute(sa.select(ledger).where(
                     ledger.c.device_id == device_id, one_of(conn, ledger.c.op_seq,
                                                             params["seqs"]))).all(),
                 conn.execute(sa.select(records).where(
                     one_of(conn, records.c.id, params["ids"]))).all(),
                 conn.execute(sa.select(org_units).where(
                     one_of(conn, org_units.c.id, params["names"]))).all()]
    stored = {r.op_seq: r for r in found[0]}
    rows = {r.id: r for r in found[1]}
    units = {u.id: u for u in found[2]}
    missing = _unit_names([], rows.values()) - set(units)  # a record moved to another unit
    if missing:
        units.update({u.id: u for u in conn.execute(
            sa.select(org_units).where(one_of(conn, org_units.c.id, missing)))})
    return stored, rows, units, hist


def _pg_pipelined(conn, params: dict, histories: list[dict]) -> list[list]:
    """The rows of each of _PG_READS, then of _PG_HISTORY with each of `histories`
    (attribute access by column name), one round trip."""
    from psycopg.rows import namedtuple_row

    texts = _PG_TEXT.get(id(conn.dialect))
    if texts is None:
        texts = _PG_TEXT[id(conn.dialect)] = [str(q.compile(dialect=conn.dialect))
                                              for q in (*_PG_READS, _PG_HISTORY)]
    calls = [(text, params) for text in texts[:-1]] + [(texts[-1], h) for h in histories]
    raw = conn.connection.driver_connection
    cursors = [raw.cursor(row_factory=namedtuple_row) for _ in calls]
    try:
        with driver_errors(), raw.pipeline():
            for cur, (text, args) in zip(cursors, calls):
                cur.execute(text, args)
            return [cur.fetchall() for cur in cursors]
    finally:
        for cur in cursors:
            cur.close()


class Batch:
    def __init__(self, conn, ops: list[dict], device_id: str = "", write_now: bool = False,
                 fetched: tuple[dict, dict, dict] | None = None):
        self.conn, self.device_id = conn, device_id
        self.touched: set[str] = set()  # ids written (or deleted) by this batch
        self.write_now = write_now
        self._counter_locked = False
        if write_now:  # records written op by op: under the counter's lock (server.seqs)
            self.lock_counter()
        self._inserts: list[dict] = []
        self._updates: list[dict] = []
        self._written: dict[str, SimpleNamespace] = {}  # id -> the row as this batch wrote it
        self.restamp: list[str] = []  # records that got a new contest: new change_seq
        self.revisions: list[dict] = []  # revision rows of the applied ops, inserted at the end
        self._parsed: dict[tuple, dict] = {}  # (id, version) -> canonical record (JSON parsed)
        self.rows, self.units, prefetched = fetched or prefetch(conn, device_id, ops)[1:]
        self.periods = batch_periods(ops)
        # (form, org unit) -> (first, last period, {id: row}, {natural key: row}); what was
        # prefetched for these very ops' periods is what `_fetched` would read
        self.hist: dict[tuple, tuple[str, str, dict, dict]] = {
            key: got for key, got in prefetched.items()
            if key in self.periods and got[:2] == _span(self.periods[key])}
        self.groups: dict[tuple, HistoryGroup] = {}  # (form, org unit, form version) -> index
        self._windows: dict[str, tuple[str, str]] = {}

    def row(self, rid: str):
        if rid in self._written:  # written earlier in this batch
            return self._written[rid]
        if rid in self.touched:  # deleted earlier in this batch: read it again
            return self.query(sa.select(records).where(records.c.id == rid)).first()
        return self.rows.get(rid)

    def write(self, values: dict, insert: bool) -> None:
        """Insert or update (by `id`) one record row: now, or queued for `flush`."""
        if self.write_now:
            write_record(self.conn, values, insert)
        elif insert:
            self._inserts.append(values)
        else:
            self._updates.append(_by_id(values))

    def flush(self) -> None:
        """Send the queued writes (a unique-key race raises IntegrityError here), after
        taking the change_seq counter's lock (server.seqs: records are written under it)."""
        for stmt, rows in self.pending():
            if rows:
                self.lock_counter()
                self.conn.execute(stmt, rows)

    def lock_counter(self) -> None:
        """Take the change_seq counter's lock (once; PostgreSQL) before this batch writes
        records or locks a record it did not lock in prefetch (server.seqs.lock_counter).
        Never inside a savepoint: rolling one back would release the lock."""
        if not self._counter_locked:
            lock_counter(self.conn)
            self._counter_locked = True

    def pending(self) -> list[tuple]:
        """The queued writes, handed over to be sent by the caller (no longer queued):
        [(statement, rows)] for executemany, in order."""
        inserts, updates, self._inserts, self._updates = self._inserts, self._updates, [], []
        return [(_INSERT, inserts), (_UPDATE, updates)]

    def query(self, stmt):
        """Execute a statement that reads or writes records, after the queued writes."""
        self.flush()
        return self.conn.execute(stmt)

    def history(self, rec: dict) -> list:
        """Live records of the same form and org unit inside the core's history window
        around rec's period (forms.history.history_window), not rec itself."""
        rows = self._fetched(rec)[2]
        if not self._covers(rec):  # outside what was fetched: ask the database
            self.flush()
            return rules.history_rows(self.conn, rec)
        lo, hi, rid = *self._window(rec["period"]), rec["id"]
        # the rows are live (fetched so, a deletion leaves them: remember) and keyed by id
        return [r for i, r in rows.items() if i != rid and lo <= r.period <= hi]

    def key_holder(self, rec: dict, key: str):
        """The live record other than rec holding the natural key `key` (rec's form, org
        unit and period: inside rec's history window), or None. Looked up in the batch's
        index of the fetched rows by natural key, kept current by `remember`."""
        _lo, _hi, _rows, keys = self._fetched(rec)
        if not self._covers(rec):
            return next((h for h in self.history(rec) if h.natural_key == key), None)
        holder = keys.get(key)
        return holder if holder is not None and holder.id != rec["id"] else None

    def _fetched(self, rec: dict) -> tuple[str, str, dict, dict]:
        """(first, last period, {id: row}, {natural key: row}) of rec's form and org unit:
        fetched once per batch, for every period the batch's ops name."""
        key = (rec["form"], rec["org_unit"])
        if key not in self.hist:
            self.hist[key] = self._fetch(key, *_span(self.periods.get(key, []) +
                                                     [rec["period"]]))
        return self.hist[key]

    def history_view(self, fdef, rec: dict) -> HistoryView | list[dict]:
        """What rec's rules compare with (forms.history.history_of of `history(rec)`): a
        view of the batch's index of rec's form and org unit, or, when rec's window reaches
        past what the batch fetched, the list history_of makes of `history(rec)`."""
        self._fetched(rec)
        if not self._covers(rec):
            return history_of(fdef, rec, self.as_records(self.history(rec)))
        gkey = (rec["form"], rec["org_unit"], fdef.version)
        group = self.groups.get(gkey)
        if group is None:
            fetched = self.hist[gkey[:2]][2].values()
            group = self.groups[gkey] = HistoryGroup(fdef, self.as_records(fetched),
                                                        memo=True)
        return group.view(rec)

    def _covers(self, rec: dict) -> bool:
        """Whether rec's history window lies inside the batch's fetched history."""
        lo, hi = self._window(rec["period"])
        have_lo, have_hi, _rows, _keys = self.hist[(rec["form"], rec["org_unit"])]
        return have_lo <= lo and hi <= have_hi

    def _window(self, period: str) -> tuple[str, str]:
        """forms.history.history_window(period), once per period and batch."""
        if period not in self._windows:
            self._windows[period] = history_window(None, period)
        return self._windows[period]

    def as_records(self, rows: Iterable) -> list[dict]:
        """History rows as canonical records, each row's JSON parsed once per batch."""
        out = []
        for r in rows:
            key = (r.id, r.version)
            if key not in self._parsed:
                self._parsed[key] = row_to_record(r)
            out.append(self._parsed[key])
        return out

    def _fetch(self, key: tuple, lo: str, hi: str) -> tuple[str, str, dict, dict]:
        q = sa.select(records).where(records.c.form == key[0], records.c.org_unit == key[1],
                                     records.c.period >= lo, records.c.period <= hi,
                                     records.c.deleted.is_(False))
        return _history_entry(lo, hi, self.query(q))

    def remember(self, written: dict, data: dict | None = None) -> None:
        """After an op's savepoint succeeded: its record as now stored (or deleted). `data`:
        the record's data as the op validated it (the parsed JSON of written["data"]), so the
        history index holds that very object and the numeric cells the op's rules memoised
        for it are found again (HistoryGroup memo), not recomputed from a fresh parse."""
        rid = written["id"]
        self.touched.add(rid)
        if written["deleted"]:
            self._written.pop(rid, None)
        else:
            self._written[rid] = SimpleNamespace(**written)
        for where, (_lo, _hi, rows, keys) in self.hist.items():
            old = rows.pop(rid, None)
            if old is None:  # its groups (built from these rows) do not hold it either
                continue
            natural_key = old.natural_key
            if natural_key and keys.get(natural_key) is old:
                del keys[natural_key]
            for gkey, group in self.groups.items():
                if gkey[:2] == where:
                    group.drop(rid)
        if not written["deleted"]:
            self._keep(self._written[rid], data)

    def _keep(self, row: SimpleNamespace, data: dict | None) -> None:
        """A row this batch wrote, into the fetched rows and history indexes of its form and
        org unit (which no longer hold its id)."""
        if data is not None:
            self._parsed[(row.id, row.version)] = \
                row_to_record(SimpleNamespace(**{**vars(row), "data": "{}"})) | {"data": data}
        entry = self.hist.get((row.form, row.org_unit))
        if entry is not None:
            entry[2][row.id] = row
            if row.natural_key:
                entry[3][row.natural_key] = row
        for (form, unit, _version), group in self.groups.items():
            if (form, unit) == (row.form, row.org_unit):
                group.put(self.as_records([row])[0], held=False)
