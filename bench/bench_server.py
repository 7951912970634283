"""Server push throughput on PostgreSQL: 50 concurrent clients vs one raw `executemany` of the
same rows (the issue's target). For scale, also as ratios to that raw insert: the same rows
inserted per batch from 50 connections, the server's own SQL per batch without HTTP or
validation, and the forms engine on every record (bench/server_baselines.py).
Needs ESEP_BENCH_PG_URL or ESEP_TEST_PG_URL."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench.peer_link import PeakRss, rss_mb, tree_rss_mb

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


def _start_server(db_url: str, workers: int = WORKERS) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--db", db_url, "--port",
                             str(port), "--workers", str(workers)], cwd=ROOT,
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


def workload(clients: int = CLIENTS) -> list[list[list[dict]]]:
    """The pushed payloads: per client, its batches of ops (monthly reports, all valid)."""
    return [_batches(i) for i in range(clients)]


def _serve_and_push(db_url: str, work, workers: int) -> dict:
    """Start `esep server` on db_url (seeded), push `work` from one thread per client."""
    proc, url = _start_server(db_url, workers)
    try:
        idle, supervisor = tree_rss_mb(proc.pid), rss_mb(proc.pid)
        with PeakRss(proc.pid) as login:
            token = _login(url)
        with PeakRss(proc.pid) as meter:
            secs, acks = _push_all(url, work, token)
        peak = meter.peak
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    n = len(acks)
    return {"records": n, "seconds": secs, "rate": n / secs,
            "applied": sum(a["status"] == "applied" for a in acks),
            "server_rss_mb": peak, "server_pss_mb": meter.peak_pss, "idle_rss_mb": idle,
            "supervisor_rss_mb": supervisor,
            "login_rss_mb": login.peak, "acks": acks}


def _login(url: str) -> str:
    """The clients' one login, before the pushes are measured: its argon2 check of the
    password is memory-hard by design (64 MiB while it runs), a cost of logging in that
    pouchdb-server, which has no authentication, does not pay; reported on its own."""
    from tests.server_fixtures import api_session

    return api_session(url, "r1").headers["Authorization"]


def ingest_rate(db_url: str, workers: int = WORKERS, clients: int = CLIENTS) -> dict:
    """Push throughput of `esep server` (`workers` processes) on a fresh PostgreSQL
    database made on the server of db_url: `clients` concurrent clients, each pushing its
    batches of workload(). Returns records, seconds, rate (records/s), applied, and the
    server's memory in MB: server_pss_mb = the peak PSS of the whole process tree
    (supervisor + workers; the pages forked workers share with it counted once),
    server_rss_mb its peak RSS (shared pages counted in each process), idle_rss_mb before,
    supervisor_rss_mb its own,
    login_rss_mb the peak while the clients' one login ran (before the pushes)."""
    sys.path.insert(0, str(ROOT))
    from tests.server_fixtures import make_pg_database, seed_world

    work = workload(clients)
    with make_pg_database(db_url) as url:
        seed_world(url, {"r1": ("region", "SHY", None)})
        out = _serve_and_push(url, work, workers)
    out.pop("acks")
    return out


def _push_all(url: str, work: list[list[list[dict]]], token: str) -> tuple[float, list]:
    from bench.server_baselines import run_clients
    from tests.server_fixtures import api_session, push

    acks: list[dict] = []

    def client(i: int) -> None:
        s = api_session(url)
        s.headers["Authorization"] = token
        for ops in work[i]:
            r = push(s, url, f"bench-{i}", ops)
            r.raise_for_status()
            acks.extend(r.json()["acks"])

    return run_clients(len(work), client), acks


def run() -> list[tuple]:
    pg = os.environ.get("ESEP_BENCH_PG_URL") or os.environ.get("ESEP_TEST_PG_URL")
    if not pg:
        return [(NAME + " (set ESEP_TEST_PG_URL)", "skipped", "", ">= 0.5x raw", "", False)]
    sys.path.insert(0, str(ROOT))
    from bench import server_baselines as base
    from tests.server_fixtures import make_pg_database, seed_world

    work = workload()
    with make_pg_database(pg) as db_url:
        seed_world(db_url, {"r1": ("region", "SHY", None)})
        got = _serve_and_push(db_url, work, WORKERS)
        secs, acks = got["seconds"], got["acks"]
        rows = base.raw_rows(work)
        raw_secs = base.raw_executemany(db_url, rows)
    n = len(acks)
    applied = sum(a["status"] == "applied" for a in acks)
    for ack in [a for a in acks if a["status"] != "applied"][:3]:
        print(f"bench_server: {ack['status']}: {ack.get('errors')}", file=sys.stderr)
    raw = n / raw_secs
    scale = {  # records/s of what a server must do at the least, each as a ratio to raw
        f"the same rows, an executemany per batch, {CLIENTS} connections":
            n / base.concurrent(pg, work, rows, base.insert_batch),
        f"the server's SQL per batch (ledger, revisions, change_seq), {CLIENTS} conn.":
            n / base.concurrent(pg, work, rows, base.server_sql_batch),
        "forms engine on each record + the raw executemany, 1 process":
            n / (base.validate_all(work) + raw_secs),
    }
    return [
        (f"{NAME}: records/s ({applied}/{n} applied)", f"{n / secs:.0f}", "rec/s",
         ">= 0.5x raw", f"{n / secs / raw:.2f}", n / secs / raw >= 0.5 and applied == n),
        (f"{NAME}: server memory, peak PSS of supervisor + {WORKERS} forked workers",
         f"{got['server_pss_mb']:.0f}", "MB", "-", f"RSS {got['server_rss_mb']:.0f}", True),
        ("raw executemany of the same rows, 1 transaction", f"{raw:.0f}", "rec/s", "", "1.00",
         True),
    ] + [(f"for scale: {name}", f"{rate:.0f}", "rec/s", "-", f"{rate / raw:.2f}", True)
         for name, rate in scale.items()]


if __name__ == "__main__":
    for row in run():
        print(row)
