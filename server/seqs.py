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
(commit_batch). There the counter is taken first and the record rows are written with their
change_seq already (an UPDATE of each row after its INSERT wrote every index of records twice
and left a dead row); so a push writes records only while it holds the counter's lock
(lock_counter), else a batch holding it could wait for one that waits for it."""
from __future__ import annotations

import re

import sqlalchemy as sa

from server.db import counters, driver_errors, ledger, records, to_json

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


# A push batch's end on PostgreSQL: the counter is taken (and raised) before the record rows are
# written, each with its seq (the counter's new value + its place - n); this statement then
# stamps the records written before (still NULL: a flush, the savepoint retry) or given a new
# seq (a contest), and the ledger rows, and checks that every record has its seq.
PG_BUMP = "UPDATE counters SET value = value + %(n)s WHERE name = 'change_seq'"
PG_LOCK = "SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE"
_TOP = "(SELECT value FROM counters WHERE name = 'change_seq')"
PG_STAMP_REST = f"""
WITH c AS (SELECT {_TOP} - %(n)s AS base),
v AS (
    SELECT v.id, c.base + v.ord AS seq
    FROM c, unnest(CAST(%(ids)s AS text[])) WITH ORDINALITY AS v(id, ord)),
r AS (
    UPDATE records SET change_seq = v.seq FROM v
    WHERE records.id = v.id AND records.change_seq IS DISTINCT FROM v.seq
    RETURNING records.id),
k AS (SELECT records.id FROM records JOIN v ON records.id = v.id AND records.change_seq = v.seq),
l AS (
    UPDATE ledger SET change_seq = c.base + w.ord
    FROM c, unnest(CAST(%(ops)s AS bigint[]), CAST(%(ords)s AS bigint[])) AS w(op_seq, ord)
    WHERE ledger.device_id = %(device)s AND ledger.op_seq = w.op_seq RETURNING ledger.op_seq)
SELECT CASE WHEN (SELECT count(*) FROM r) + (SELECT count(*) FROM k) = %(nr)s
                 AND (SELECT count(*) FROM l) = %(nl)s
            THEN c.base  -- else fail (before the COMMIT): a record or ledger row was missed
            ELSE CAST('change_seq stamp incomplete at ' || c.base AS bigint) END FROM c"""

# ... and when every record of the stamp was written in the round trip with its seq (the
# common case), only the ledger rows are stamped; the records are checked by their seqs'
# range (the unique index of change_seq): a statement planned in a fraction of the time.
PG_STAMP_LEDGER = f"""
WITH c AS (SELECT {_TOP} - %(n)s AS base),
l AS (
    UPDATE ledger SET change_seq = c.base + w.ord
    FROM c, unnest(CAST(%(ops)s AS bigint[]), CAST(%(ords)s AS bigint[])) AS w(op_seq, ord)
    WHERE ledger.device_id = %(device)s AND ledger.op_seq = w.op_seq RETURNING ledger.op_seq)
SELECT CASE WHEN (SELECT count(*) FROM records, c WHERE records.change_seq > c.base
                  AND records.change_seq <= c.base + %(n)s) = %(nr)s
                 AND (SELECT count(*) FROM l) = %(nl)s
            THEN c.base  -- else fail (before the COMMIT): a record or ledger row was missed
            ELSE CAST('change_seq stamp incomplete at ' || c.base AS bigint) END FROM c"""


def lock_counter(conn) -> None:
    """PostgreSQL: take the change_seq counter's row lock now, until the transaction ends
    (before a push writes records other than in commit_batch's round trip)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(PG_LOCK)


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
    ords, params = _stamp_params(rids, device_id, ledger_ops)
    first: list[tuple] = []  # other tables' rows, then (under the counter's lock) the records
    last: list[tuple] = []
    sent: set[str] = set()  # the records written here, with their seqs
    for stmt, rows in writes:
        if rows and stmt.table is records and params is not None:
            last.append(_pg_write(conn, stmt, _with_seqs(rows, ords), seq_offset=True))
            sent.update(row["id"] for row in rows)
        elif rows:
            (last if stmt.table is records else first).append(_pg_write(conn, stmt, rows))
    sql = {"writes": first, "records": last, "read": _pg_read(conn, read),
           "stamp": PG_STAMP_LEDGER if sent.issuperset(ords) else PG_STAMP_REST}
    with driver_errors():
        value, base = _pg_tail(conn.connection.driver_connection, sql, params)
    return value, {rid: base + ord_ for rid, ord_ in ords.items()}


def _with_seqs(rows: list[dict], ords: dict[str, int]) -> list[dict]:
    """The record rows, each with its change_seq as an offset from the counter's new value
    (its place - n; None: a row not stamped, as before)."""
    n = len(ords)
    return [dict(row, change_seq=ords[row["id"]] - n if row["id"] in ords else None)
            for row in rows]


def _pg_tail(raw, sql: dict, params: dict | None) -> tuple[object, int]:
    with raw.pipeline(), raw.cursor() as cur, raw.cursor() as rcur, raw.cursor() as scur:
        for text, rows in sql["writes"]:
            _send(cur, text, rows)
        if params is not None:
            cur.execute(PG_BUMP, params)
        for text, rows in sql["records"]:
            _send(cur, text, rows)
        rcur.execute(*sql["read"])
        if params is not None:
            scur.execute(sql["stamp"], params)
        raw.commit()
        value = rcur.fetchone()[0]
        return value, scur.fetchone()[0] if params is not None else 0


def _send(cur, text: str, rows) -> None:
    if isinstance(rows, list):
        cur.executemany(text, rows)
    else:
        cur.execute(text, rows)


_SQL: dict = {}  # statement (, keys) -> its psycopg text (and parameters)


def _pg_write(conn, stmt, rows: list[dict], seq_offset: bool = False
              ) -> tuple[str, list | tuple]:
    """(psycopg text, parameters) of an insert or update of `rows` (each with the keys of the
    first). An insert is one statement whatever the number of rows: the rows go as one JSON
    array (json_populate_recordset): half the client's CPU of an executemany, which binds
    every row anew (25 record rows: 0.33 against 0.63 ms); an update stays an executemany.
    Compiled once per statement (a module's constant) and keys. seq_offset: the rows'
    change_seq is added to the counter's value (commit_batch)."""
    keys = tuple(rows[0])
    if (stmt, keys, seq_offset) not in _SQL:
        if len(_SQL) > 64:  # statements made anew for each call: no cache, no leak
            _SQL.clear()
        _SQL[stmt, keys, seq_offset] = _compile_write(conn, stmt, keys, seq_offset)
    if not stmt.is_insert:
        return _SQL[stmt, keys, seq_offset], rows
    return _SQL[stmt, keys, seq_offset], (to_json(rows),)  # a bad code point fails there


def _compile_write(conn, stmt, keys: tuple[str, ...], seq_offset: bool) -> str:
    if stmt.is_insert:
        return _recordset_insert(stmt.table.name, keys,
                                 {"change_seq": f" + {_TOP}"} if seq_offset else None)
    text = str(stmt.compile(dialect=conn.dialect, column_keys=list(keys)))
    if seq_offset:  # SET ... change_seq=%(change_seq)s::BIGINT: the offset plus the counter
        text, found = re.subn(r"change_seq=%\(change_seq\)s(::BIGINT)?",
                              lambda m: f"{m.group(0)} + {_TOP}", text)
        assert found == 1, text
    return text


def _pg_read(conn, stmt) -> tuple[str, dict]:
    """(psycopg text, parameters) of a select without parameters of the caller's."""
    if stmt not in _SQL:
        compiled = stmt.compile(dialect=conn.dialect)
        _SQL[stmt] = (str(compiled), compiled.params)
    return _SQL[stmt]


def _recordset_insert(table: str, keys: tuple[str, ...], plus: dict | None = None) -> str:
    """plus: {column: SQL appended to its value}."""
    cols = ", ".join(f'"{k}"' for k in keys)
    values = ", ".join(f'"{k}"{(plus or {}).get(k, "")}' for k in keys)
    return (f'INSERT INTO "{table}" ({cols}) SELECT {values} '
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
