"""change_seq stamping: gap-free, in commit order, the counter's row lock held for one statement
and the commit.

`UPDATE counters ... RETURNING` takes the counter's row lock, held until the transaction
commits, so seq ranges commit strictly in order (a pull never skips a late commit) and a
rollback also undoes the increment. Everything else of a batch (validation, record and
revision writes, the ledger rows) is done before, so concurrent batches run in parallel up
to this point. On PostgreSQL the counter, the records' seqs and the ledger's seqs are ONE
statement, sent with the COMMIT in one round trip (psycopg's pipeline mode) when the caller
has nothing left to do: no Python work, and no wait for the GIL, while the lock is held."""
from __future__ import annotations

import sqlalchemy as sa

from server.db import counters, ledger, records

PG_STAMP = """
WITH c AS (
    UPDATE counters SET value = value + %(n)s WHERE name = 'change_seq'
    RETURNING value - %(n)s AS base),
r AS (
    UPDATE records SET change_seq = c.base + v.ord
    FROM c, unnest(CAST(%(ids)s AS text[])) WITH ORDINALITY AS v(id, ord)
    WHERE records.id = v.id RETURNING records.id),
l AS (
    UPDATE ledger SET change_seq = c.base + w.ord
    FROM c, unnest(CAST(%(ops)s AS bigint[]), CAST(%(ords)s AS bigint[])) AS w(op_seq, ord)
    WHERE ledger.device_id = %(device)s AND ledger.op_seq = w.op_seq RETURNING ledger.op_seq)
SELECT CASE WHEN (SELECT count(*) FROM r) = %(nr)s AND (SELECT count(*) FROM l) = %(nl)s
            THEN c.base  -- else fail (before the COMMIT): a record or ledger row was missed
            ELSE CAST('change_seq stamp incomplete at ' || c.base AS bigint) END FROM c"""


def stamp_change_seqs(conn, rids: list[str], device_id: str = "",
                      ledger_ops: list[tuple[int, str]] | None = None,
                      commit: bool = False) -> dict[str, int]:
    """Give each record of `rids` (once, however often it is named) the next change_seq, in
    that order, as the last statement of the transaction: {record id: seq}. The ledger rows
    (device_id, op_seq) of `ledger_ops` [(op_seq, record id)], written before, get their
    record's seq. commit: the transaction ends here (PostgreSQL: committed in the same
    round trip; the caller's own commit then has nothing left to do)."""
    ids = list(dict.fromkeys(rids))  # one seq per record: a record written twice, no gap
    if not ids:
        return {}
    ords = {rid: i + 1 for i, rid in enumerate(ids)}
    ops = [op for op, _ in ledger_ops or []]
    op_ords = [ords[rid] for _, rid in ledger_ops or []]
    if conn.dialect.name == "postgresql":
        params = {"n": len(ids), "ids": ids, "ops": ops, "ords": op_ords,
                  "device": device_id, "nr": len(ids), "nl": len(ops)}
        base = _pg_stamp(conn.connection.driver_connection, params, commit)
    else:  # SQLite: the whole transaction holds the write lock (BEGIN IMMEDIATE) anyway
        base = conn.execute(counters.update().where(counters.c.name == "change_seq")
                            .values(value=counters.c.value + len(ids))
                            .returning(counters.c.value)).scalar_one() - len(ids)
        _stamp_rows(conn, ids, list(zip(ops, op_ords)), device_id, base)
    return {rid: base + ords[rid] for rid in ids}


def _pg_stamp(raw, params: dict, commit: bool) -> int:
    """The stamp statement on the psycopg connection; with `commit`, pipelined with the
    COMMIT (one round trip: a failing statement aborts the pipeline, so nothing commits)."""
    if not commit:
        return raw.execute(PG_STAMP, params).fetchone()[0]
    with raw.pipeline(), raw.cursor() as cur:
        cur.execute(PG_STAMP, params)
        raw.commit()
        return cur.fetchone()[0]


def _stamp_rows(conn, ids: list[str], ops: list[tuple[int, int]], device_id: str,
                base: int) -> None:
    conn.execute(records.update().where(records.c.id == sa.bindparam("b_id"))
                 .values(change_seq=sa.bindparam("b_seq")),
                 [{"b_id": rid, "b_seq": base + i + 1} for i, rid in enumerate(ids)])
    if ops:
        conn.execute(ledger.update().where(ledger.c.device_id == device_id,
                                           ledger.c.op_seq == sa.bindparam("b_op"))
                     .values(change_seq=sa.bindparam("b_seq")),
                     [{"b_op": op, "b_seq": base + ord_} for op, ord_ in ops])
