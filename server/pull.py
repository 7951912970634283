"""GET /sync/pull: changes after a cursor that the caller may see, capped in bytes.

A page is capped either by its COMPRESSED size on the wire (`wire_bytes`, what a current
client asks for: sync/engine.py adapts it to the link) or, for older clients that send only
`max_bytes`, by the raw JSON size of its changes. Rows are streamed from the database in
small groups and the page stops as soon as the budget is reached: a page reads what it
returns plus at most one group (the rest of the group, or one look-ahead row, tells
`has_more`).
"""
from __future__ import annotations

import zlib

import sqlalchemy as sa
from pydantic_core import to_json

from server import activity
from server.auth import User
from server.contests import contested_by
from server.db import counters, records, server_id
from server.epoch import current_epoch, rollback_seen
from server.published import forms_version
from server.rates import rates_version
from server.scope import record_for, visible_clause
from sync import pull_columns
from sync import xz as xz_codec
from sync.protocol import compact_change

FIRST_GROUP = 32  # rows read before the page knows how many changes its budget holds
MAX_GROUP = 500
FLUSH_EVERY = 16 * 1024  # raw bytes between the size estimator's sync flushes
GUESS_RATIO = 0.3  # compressed / raw before the estimator has emitted anything (cautious)
GZIP_OVERHEAD = 18 + 64  # gzip header and trailer, and the page's own keys


class WireMeter:
    """The estimated gzip size of a page as its changes are added: one deflate stream fed
    with each change (never compressed twice), sync-flushed every FLUSH_EVERY raw bytes so
    the bytes it has emitted follow the page; what is still buffered counts at the ratio
    seen so far. The estimate errs high by a few bytes per flush."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.emitted = GZIP_OVERHEAD
        self.raw = 0
        self._pending = 0

    def add(self, data: bytes) -> int:
        """Feed one change; returns the new estimate."""
        self.emitted += len(self._z.compress(data))
        self.raw += len(data)
        self._pending += len(data)
        if self._pending >= FLUSH_EVERY:
            self.emitted += len(self._z.flush(zlib.Z_SYNC_FLUSH))
            self._pending = 0
        return self.estimate()

    def estimate(self) -> int:
        done = self.raw - self._pending
        ratio = (self.emitted - GZIP_OVERHEAD) / done if done else GUESS_RATIO
        return self.emitted + int(self._pending * max(ratio, 0.01))


def row_gzip_budget(wire_bytes: int, xz: bool, columns: bool) -> int:
    """The estimated gzip size of the changes as rows (what WireMeter measures) of a page
    that takes about `wire_bytes` on the wire: in xz (sync.xz.gzip_budget) or gzip, as rows
    or as columns (sync.pull_columns). Measuring the real encoding as the page grows would
    compress it twice, and columns exist only once the page is complete."""
    if columns:
        model = pull_columns.XZ_MODEL if xz else pull_columns.GZIP_MODEL
        return xz_codec.gzip_budget(wire_bytes, *model)
    return xz_codec.gzip_budget(wire_bytes) if xz else wire_bytes


class _Budget:
    """Whether one more change fits the page: counted in changes, raw bytes, wire bytes."""

    def __init__(self, limit: int, max_bytes: int, wire_bytes: int | None, xz: bool = False,
                 columns: bool = False):
        """`xz`, `columns`: how the page travels; `wire_bytes` counts its bytes on the wire,
        held as the gzip size of its rows (row_gzip_budget)."""
        self.limit, self.max_bytes, self.wire_bytes = limit, max_bytes, wire_bytes or 0
        if wire_bytes:
            self.wire_bytes = row_gzip_budget(wire_bytes, xz, columns)
        self.meter = WireMeter() if wire_bytes else None
        self.count = 0
        self.size = 0

    def admit(self, change: dict) -> bool:
        """Add `change` unless it would overflow a page that already holds one."""
        if self.count >= self.limit:
            return False
        data = to_json(change) + b","  # as the answer serialises it (server/routes/sync.py)
        if self.meter is not None:
            over = self.meter.add(data) > self.wire_bytes
        else:
            over = self.size + len(data) - 1 > self.max_bytes
        if over and self.count:
            return False
        self.count += 1
        self.size += len(data) - 1
        return True

    def group_size(self) -> int:
        """How many rows to read next: about what the rest of the budget holds."""
        if self.meter is None or not self.count:
            return FIRST_GROUP if self.count else min(FIRST_GROUP, self.limit + 1)
        per_change = max(1, self.meter.estimate() // self.count)
        left = max(0, self.wire_bytes - self.meter.estimate()) // per_change
        return max(1, min(MAX_GROUP, left + 1, self.limit - self.count + 1))


def _change(user: User, row, contested: dict, compact: bool) -> dict:
    change = {"change_seq": row.change_seq, "id": row.id, "form": row.form,
              "version": row.version, "deleted": bool(row.deleted),
              "record": record_for(user, row)}
    if row.id in contested:
        change["contested_by"] = contested[row.id]
    return compact_change(change) if compact else change


def _fill(conn, user: User, result, budget: _Budget) -> tuple[list[dict], bool, int | None]:
    """Changes from the streamed `result` until the budget is reached; (changes, has_more,
    the change_seq of the last one)."""
    changes: list[dict] = []
    last = None
    while True:
        group = result.fetchmany(budget.group_size())
        if not group:
            return changes, False, last
        contested = contested_by(conn, user, group)
        for row in group:
            change = _change(user, row, contested, budget.meter is not None)
            if not budget.admit(change):
                return changes, True, last
            changes.append(change)
            last = row.change_seq


def _stream(conn, user: User, cursor: int, top: int, limit: int):
    q = (sa.select(records)
         .where(records.c.change_seq > cursor, records.c.change_seq <= top,
                visible_clause(user))
         .order_by(records.c.change_seq).limit(limit + 1))
    # a server-side cursor on PostgreSQL; SQLite steps its cursor row by row anyway
    return conn.execution_options(stream_results=True, max_row_buffer=MAX_GROUP).execute(q)


def pull(engine: sa.Engine, user: User, cursor: int, limit: int, max_bytes: int,
         epoch: str | None = None, wire_bytes: int | None = None, xz: bool = False,
         layout: str | None = None) -> dict:
    """At least one change per page. The counter is read first: every seq <= it has committed
    (seqs are allocated under the counter's row lock), so jumping the cursor to it when the
    page is not full never skips a late-committing write. `epoch`: the client's; with a
    cursor beyond the counter it proves a rollback (server.epoch). `wire_bytes`: the page's
    budget in gzip bytes (then `max_bytes` is not used, and the changes go in their compact
    form: sync.protocol.compact_change); without it `max_bytes` caps the raw JSON of the
    changes (older clients). `layout="columns"` (with `wire_bytes`): the changes go as
    `columns` (sync.pull_columns) instead of `changes` (when there are any)."""
    columns = layout == pull_columns.LAYOUT and bool(wire_bytes)
    with engine.connect() as conn:
        top = conn.execute(sa.select(counters.c.value)
                           .where(counters.c.name == "change_seq")).scalar_one()
        now_epoch = current_epoch(conn)
    if epoch == now_epoch and cursor > top:
        now_epoch = rollback_seen(engine, epoch, cursor) or now_epoch
    with engine.connect() as conn:
        rates, sid, defs = rates_version(conn), server_id(conn), forms_version(conn)
        result = _stream(conn, user, cursor, top, limit)
        try:
            changes, has_more, last = _fill(conn, user, result,
                                            _Budget(limit, max_bytes, wire_bytes, xz,
                                                    columns))
        finally:
            result.close()
    activity.touch(engine, user, user.device_id, "pull")
    next_cursor = last if has_more else max(cursor, top)
    body = ({pull_columns.LAYOUT: pull_columns.pack(changes)} if columns and changes
            else {"changes": changes})  # a no-op page stays as small as it was
    return {**body, "next_cursor": next_cursor, "has_more": has_more,
            "rates_version": rates, "forms_version": defs, "server_id": sid,
            "epoch": now_epoch}
