"""Server push throughput on PostgreSQL: 50 concurrent clients vs raw `executemany` of the same
rows (the issue's target), and for scale vs a one-process baseline that runs the forms engine on
every record with its history and then does the same raw `executemany` (the least a server that
validates every op must do). Needs ESEP_BENCH_PG_URL or ESEP_TEST_PG_URL."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

CLIENTS = int(os.environ.get("ESEP_BENCH_CLIENTS", "50"))
BATCHES = int(os.environ.get("ESEP_BENCH_BATCHES", "4"))
PER_BATCH = int(os.environ.get("ESEP_BENCH_PER_BATCH", "25"))
WORKERS = int(os.environ.get("ESEP_BENCH_WORKERS", "2"))
ROOT = Path(__file__).resolve().parent.parent
NAME = f"server push on PostgreSQL, {CLIENTS} clients"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db_url: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--db", db_url, "--port",
                             str(port), "--workers", str(WORKERS)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return proc, url
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("bench server did not start")


def _batches(client: int) -> list[list[dict]]:
    from tests.server_fixtures import make_op, monthly_report

    out, n = [], 0
    for _ in range(BATCHES):
        ops = []
        for _ in range(PER_BATCH):
            unit = "SHY-ABAY" if n % 2 == 0 else "SHY-ENB"
            period = f"{1000 + client * 10 + n // 24}-{(n // 2) % 12 + 1:02d}"
            ops.append(make_op(n + 1, monthly_report(unit, period, status="submitted")))
            n += 1
        out.append(ops)
    return out


def _push_all(url: str, work: list[list[list[dict]]]) -> tuple[float, list]:
    from tests.server_fixtures import api_session, push

    session = api_session(url, "r1")
    token = session.headers["Authorization"]
    acks, errors = [], []

    def client(i: int) -> None:
        s = api_session(url)
        s.headers["Authorization"] = token
        try:
            for ops in work[i]:
                r = push(s, url, f"bench-{i}", ops)
                r.raise_for_status()
                acks.extend(r.json()["acks"])
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(work))]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])
    return time.perf_counter() - t0, acks


def _raw_rows(work) -> list[tuple]:
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


def _raw_executemany(db_url: str, rows: list[tuple]) -> float:
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


def _validate_all(work) -> float:
    """Seconds for the forms engine to validate every record strictly, each against the
    records of its org unit 24 months before to 12 after (what the server compares with)."""
    from forms import load_form, validate_record
    from server.rules import shift_period

    recs = [op["data"] for batches in work for ops in batches for op in ops]
    fdef = load_form("monthly_report", 1)
    by_key = {(r["org_unit"], r["period"]): r for r in recs}
    t0 = time.perf_counter()
    for r in recs:
        window = (shift_period(r["period"], m) for m in range(-24, 13))
        hist = [h for p in window if (h := by_key.get((r["org_unit"], p))) and h is not r]
        validate_record(fdef, r, history=hist)
    return time.perf_counter() - t0


def run() -> list[tuple]:
    pg = os.environ.get("ESEP_BENCH_PG_URL") or os.environ.get("ESEP_TEST_PG_URL")
    if not pg:
        return [(NAME + " (set ESEP_TEST_PG_URL)", "skipped", "", ">= 0.5x raw", "", False)]
    sys.path.insert(0, str(ROOT))
    from tests.server_fixtures import make_pg_database, seed_world

    with make_pg_database(pg) as db_url:
        seed_world(db_url, {"r1": ("region", "SHY", None)})
        work = [_batches(i) for i in range(CLIENTS)]
        proc, url = _start_server(db_url)
        try:
            secs, acks = _push_all(url, work)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        n = len(acks)
        applied = sum(a["status"] == "applied" for a in acks)
        for ack in [a for a in acks if a["status"] != "applied"][:3]:
            print(f"bench_server: {ack['status']}: {ack.get('errors')}", file=sys.stderr)
        raw_secs = _raw_executemany(db_url, _raw_rows(work))
    server_rate, raw_rate = n / secs, n / raw_secs
    ratio = server_rate / raw_rate
    checked_rate = n / (_validate_all(work) + raw_secs)
    return [
        (f"{NAME}: records/s ({applied}/{n} applied)", f"{server_rate:.0f}", "rec/s",
         ">= 0.5x raw", f"{ratio:.2f}", ratio >= 0.5 and applied == n),
        ("raw executemany of the same rows, PostgreSQL", f"{raw_rate:.0f}", "rec/s", "", "",
         True),
        ("for scale: forms engine on each record + that executemany, 1 process",
         f"{checked_rate:.0f}", "rec/s", "-", f"{server_rate / checked_rate:.2f}", True),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
