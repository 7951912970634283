"""change_seq stamping: gap-free, in commit order, the counter's row lock held for one statement
and the commit.

`UPDATE counters ... RETURNING` takes the counter's row lock, held until the transaction
commits, so seq ranges commit strictly in order (a pull never skips a late commit) and a
rollback also undoes the increment. Everything else of a batch (validation, record and
revision writes, the ledger rows) is done before, so concurrent batches run in parallel up
to this point. On PostgreSQL the counter, the records' seqs and the ledger's seqs are ONE
statement, sent with the COMMIT in one round trip (psycopg's pipeline mode) when the caller
has nothing left to do: no Python work, and no wait for the GIL, while the lock is held.
A push batch sends its queued writes, its epoch read, the stamp and the COMMIT together
(commit_batch)."""
from __future__ import annotations

import json

import sqlalchemy as sa

from server.db import counters, driver_errors, ledger, records

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
    ords, params = _stamp_params(rids, device_id, ledger_ops)
    if params is None:
        return {}
    if conn.dialect.name == "postgresql":
        base = _pg_stamp(conn.connection.driver_connection, params, commit)
    else:  # SQLite: the whole transaction holds the write lock (BEGIN IMMEDIATE) anyway
        n = params["n"]
        base = conn.execute(counters.update().where(counters.c.name == "change_seq")
                            .values(value=counters.c.value + n)
                            .returning(counters.c.value)).scalar_one() - n
        _stamp_rows(conn, params["ids"], list(zip(params["ops"], params["ords"])), device_id,
                    base)
    return {rid: base + ord_ for rid, ord_ in ords.items()}


def _stamp_params(rids: list[str], device_id: str, ledger_ops: list[tuple[int, str]] | None
                  ) -> tuple[dict[str, int], dict | None]:
    """({record id: its 1-based place}, the PG_STAMP parameters; None: nothing to stamp)."""
    ids = list(dict.fromkeys(rids))  # one seq per record: a record written twice, no gap
    if not ids:
        return {}, None
    ords = {rid: i + 1 for i, rid in enumerate(ids)}
    ops = [op for op, _ in ledger_ops or []]
    op_ords = [ords[rid] for _, rid in ledger_ops or []]
    return ords, {"n": len(ids), "ids": ids, "ops": ops, "ords": op_ords,
                  "device": device_id, "nr": len(ids), "nl": len(ops)}


def commit_batch(conn, writes: list[tuple], read, rids: list[str], device_id: str,
                 ledger_ops: list[tuple[int, str]]) -> tuple[object, dict[str, int]]:
    """The end of a push batch: `writes` [(insert or update statement, rows)] in that order,
    the one value of the select `read`, the change_seq stamp of `rids` (see
    stamp_change_seqs) and the COMMIT: (value, {record id: seq}). PostgreSQL: all in one
    round trip (a pipeline; a failing statement aborts the rest, so nothing commits, and a
    unique-key race or a refused value comes back as SQLAlchemy's IntegrityError / DataError
    like any statement's)."""
    if conn.dialect.name != "postgresql":
        for stmt, rows in writes:
            if rows:
                conn.execute(stmt, rows)
        value = conn.execute(read).scalar_one()
        return value, stamp_change_seqs(conn, rids, device_id, ledger_ops, commit=True)
    raw = conn.connection.driver_connection
    sql = {"writes": [_pg_write(conn, stmt, rows) for stmt, rows in writes if rows],
           "read": _pg_read(conn, read)}
    ords, params = _stamp_params(rids, device_id, ledger_ops)
    with driver_errors():
        value, base = _pg_tail(raw, sql, params)
    return value, {rid: base + ord_ for rid, ord_ in ords.items()}


def _pg_tail(raw, sql: dict, params: dict | None) -> tuple[object, int]:
    with raw.pipeline(), raw.cursor() as cur, raw.cursor() as rcur, raw.cursor() as scur:
        for text, rows in sql["writes"]:
            if isinstance(rows, list):
                cur.executemany(text, rows)
            else:
                cur.execute(text, rows)
        rcur.execute(*sql["read"])
        if params is not None:
            scur.execute(PG_STAMP, params)
        raw.commit()
        value = rcur.fetchone()[0]
        return value, scur.fetchone()[0] if params is not None else 0


_SQL: dict = {}  # statement (, keys) -> its psycopg text (and parameters)


def _pg_write(conn, stmt, rows: list[dict]) -> tuple[str, list | tuple]:
    """(psycopg text, parameters) of an insert or update of `rows` (each with the keys of the
    first). An insert is one statement whatever the number of rows: the rows go as one JSON
    array (json_populate_recordset): half the client's CPU of an executemany, which binds
    every row anew (25 record rows: 0.33 against 0.63 ms); an update stays an executemany.
    Compiled once per statement (a module's constant) and keys."""
    keys = tuple(rows[0])
    if (stmt, keys) not in _SQL:
        if len(_SQL) > 64:  # statements made anew for each call: no cache, no leak
            _SQL.clear()
        _SQL[stmt, keys] = _recordset_insert(stmt.table.name, keys) if stmt.is_insert else str(
            stmt.compile(dialect=conn.dialect, column_keys=list(keys)))
    if not stmt.is_insert:
        return _SQL[stmt, keys], rows
    return _SQL[stmt, keys], (json.dumps(rows),)  # ASCII: a bad code point fails in SQL


def _pg_read(conn, stmt) -> tuple[str, dict]:
    """(psycopg text, parameters) of a select without parameters of the caller's."""
    if stmt not in _SQL:
        compiled = stmt.compile(dialect=conn.dialect)
        _SQL[stmt] = (str(compiled), compiled.params)
    return _SQL[stmt]


def _recordset_insert(table: str, keys: tuple[str, ...]) -> str:
    cols = ", ".join(f'"{k}"' for k in keys)
    return (f'INSERT INTO "{table}" ({cols}) SELECT {cols} '
            f'FROM json_populate_recordset(NULL::"{table}", %s)')


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
