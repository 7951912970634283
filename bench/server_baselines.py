"""Baselines for bench_server: the same rows written by plain SQL (one executemany; per batch
from 50 connections; the server's own statements without HTTP or validation) and the forms
engine on every record."""
from __future__ import annotations

import threading
import time

from server.seqs import PG_STAMP


def run_clients(n: int, client) -> float:
    """Seconds for `client(i)`, i = 0..n-1, each in its own thread, all at once; the first
    error of any client is raised."""
    errors: list[str] = []

    def guarded(i: int) -> None:
        try:
            client(i)
        except Exception as exc:  # noqa: BLE001 - reported below, after every thread ended
            errors.append(repr(exc))

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])
    return time.perf_counter() - t0


def raw_rows(work) -> list[tuple]:
    from sync.protocol import dumps

    rows, seq = [], 0
    for batches in work:
        for ops in batches:
            for op in ops:
                seq += 1
                r = op["data"]
                rows.append((r["id"], r["form"], 1, r["org_unit"], "SHY", r["period"],
                             r["status"], dumps(r["data"]).decode(), None, None, 1, 1, False,
                             "2024-03-05T10:00:00Z", "r1", "r1", seq,
                             f"{r['form']}|{r['org_unit']}|{r['period']}"))
    return rows


def raw_executemany(db_url: str, rows: list[tuple]) -> float:
    import psycopg

    from server.config import normalize_db_url

    conninfo = normalize_db_url(db_url).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as conn:
        conn.execute("CREATE TABLE bench_raw (LIKE records INCLUDING ALL)")
        conn.commit()
        t0 = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO bench_raw VALUES (" + ",".join(["%s"] * 18) + ")",
                            rows)
        conn.commit()
        return time.perf_counter() - t0


_FLOOR_SQL = {
    "device": "SELECT pg_advisory_xact_lock(hashtext(%s))",
    "ledger": "SELECT * FROM ledger WHERE device_id = %s AND op_seq = ANY(%s)",
    "rows": "SELECT * FROM records WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
    "units": "SELECT * FROM org_units WHERE id = ANY(%s)",
    "history": "SELECT * FROM records WHERE form = %s AND org_unit = %s AND period >= %s "
               "AND period <= %s AND NOT deleted",
    "record": "INSERT INTO records VALUES (" + ",".join(["%s"] * 18) + ")",
    "revision": "INSERT INTO revisions VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
    "ack": "INSERT INTO ledger (device_id, op_seq, username, ack, at) VALUES (%s,%s,%s,%s,%s)",
}


def insert_batch(cur, _device: str, rows: list[tuple]) -> None:
    """Only the batch's rows, one executemany (one transaction per batch)."""
    cur.executemany(_FLOOR_SQL["record"], [r[:16] + (None, r[17]) for r in rows])


def server_sql_batch(cur, device: str, rows: list[tuple]) -> None:
    """The statements the server sends for one batch of new records, without HTTP, JSON or
    the forms engine: the least any implementation keeping the ledger, the revisions and a
    gap-free change_seq must ask of PostgreSQL."""
    from forms.periods import shift_period

    sql, ids = _FLOOR_SQL, [r[0] for r in rows]
    cur.execute(sql["device"], (device,))
    cur.execute(sql["ledger"], (device, [r[16] for r in rows])).fetchall()
    cur.execute(sql["rows"], (ids,)).fetchall()
    cur.execute(sql["units"], (list({r[3] for r in rows}),)).fetchall()
    for unit in sorted({r[3] for r in rows}):
        periods = [r[5] for r in rows if r[3] == unit]
        cur.execute(sql["history"], ("monthly_report", unit, shift_period(min(periods), -24),
                                     shift_period(max(periods), 12))).fetchall()
    cur.executemany(sql["record"], [r[:16] + (None, r[17]) for r in rows])
    cur.executemany(sql["revision"], [(r[0], 1, 1, r[6], r[7], None, None, "r1", r[13])
                                      for r in rows])
    cur.executemany(sql["ack"], [(device, r[16], "r1", '{"status": "applied"}', r[13])
                                 for r in rows])
    ops = [r[16] for r in rows]  # then the counter, records' and ledger's seqs: one statement
    cur.execute(PG_STAMP, {"n": len(ids), "ids": ids, "ops": ops, "device": device,
                           "ords": list(range(1, len(ops) + 1)), "nr": len(ids),
                           "nl": len(ops)}).fetchone()


def concurrent(pg: str, work, rows: list[tuple], send_batch) -> float:
    """Seconds for one connection per client to `send_batch` each of its batches, all
    clients at once, one transaction per batch as the server does (a fresh database)."""
    import psycopg

    from server.config import normalize_db_url
    from tests.server_fixtures import make_pg_database, seed_world

    with make_pg_database(pg) as db_url:
        seed_world(db_url, {})
        info = normalize_db_url(db_url).replace("postgresql+psycopg://", "postgresql://")
        it = iter(rows)
        plan = [[[next(it) for _ in ops] for ops in batches] for batches in work]
        conns = [psycopg.connect(info) for _ in plan]

        def client(i: int) -> None:
            for batch in plan[i]:
                with conns[i].transaction(), conns[i].cursor() as cur:
                    send_batch(cur, f"bench-{i}", batch)

        try:
            return run_clients(len(plan), client)
        finally:
            for c in conns:
                c.close()


def validate_all(work) -> float:
    """Seconds for the forms engine to validate every record strictly, each against the
    records of its org unit 24 months before to 12 after (what the server compares with), the
    way the server does: the core's history index built once per org unit
    (forms.history.HistoryGroup), each record's history a view of it."""
    from forms import load_form, validate_record
    from forms.history import HistoryGroup

    recs = [op["data"] for batches in work for ops in batches for op in ops]
    fdef = load_form("monthly_report", 1)
    by_unit: dict[str, list[dict]] = {}
    for r in recs:
        by_unit.setdefault(r["org_unit"], []).append(r)
    t0 = time.perf_counter()
    groups = {unit: HistoryGroup(fdef, rs, memo=True) for unit, rs in by_unit.items()}
    for r in recs:
        validate_record(fdef, r, history=groups[r["org_unit"]].view(r))
    return time.perf_counter() - t0
