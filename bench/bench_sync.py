"""Sync over a slow link: 1,000 records through the fault proxy at 250 kbit/s each way with a
250 ms one-way delay (a 2G-like line), the no-op sync (in-process, and `esep sync` end to end in
a fresh process with the opt-in token file: bench/bench_sync_cli.py), the bytes re-sent after a
cut, and a new region client's first pull of 5 x that many records (on a server of their own).

The server is the real one (uvicorn on 127.0.0.1, SQLite file), the stores are real SQLite
files; the proxy counts the bytes that really cross the wire. Rows: (name, value, unit, target,
ratio, ok). `run(n=...)` with a small n is what the test suite calls.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.bench_sync_cli import cli_noop, cli_noop_rows

ROOT = Path(__file__).resolve().parent.parent
RATE = 250_000 / 8  # bytes per second, each way
DELAY = 0.25  # one-way seconds
REGION = "SHY"
DISTRICTS = [f"SHY-D{i:02d}" for i in range(1, 21)]
PASSWORD = "bench password 1"
TEXTS = ["", "Акция «Чистый двор»: уборка дворов и парков, субботник с жителями района.",
         "Встреча с ветеранами; сбор книг для сельской библиотеки; донорская акция.",
         "Volunteers helped at the regional marathon and at two school fairs."]


def _imports():
    sys.path.insert(0, str(ROOT / "tests"))  # the live server and the fault proxy helpers
    import faultproxy
    import server_fixtures

    return server_fixtures, faultproxy


def _record(rng: random.Random, unit: str, period: str, rid: str) -> dict:
    n = rng.randint(4, 900)
    f = rng.randint(0, n)
    young = rng.randint(0, n)
    text = rng.choice(TEXTS)
    data = {"volunteers_total": n, "gender": {"F": f, "M": n - f},
            "age": {"A18_28": young, "A29_35": n - young},
            "occupation": {"STUDENT": young, "EMPLOYED": n - young},
            "registered_orgs_count": rng.randint(0, 40),
            "initiative_groups_count": rng.randint(0, 90), "events_total": 3,
            "events_by_direction": {"MED": 1, "ECO": 2}, "events_by_format": {"OFFLINE": 3},
            "volunteer_hours": round(rng.uniform(1, 5000), 1),
            "volunteer_positions": rng.randint(0, 50), "rfo_support_provided": "NO"}
    if text:
        data["typical_events_text"] = text
    return {"id": rid, "form": "monthly_report", "form_version": 1, "org_unit": unit, "period": period,
            "status": "draft", "data": data}


def _records(n: int, seed: int, first_year: int, id_seed: int | None = None) -> list[dict]:
    """n records over the 20 districts; the same seed gives the same content."""
    rng, ids = random.Random(seed), random.Random(seed if id_seed is None else id_seed)
    keys = [(u, f"{first_year + i // 12}-{i % 12 + 1:02d}") for i in range(n // 20 + 1)
            for u in DISTRICTS][:n]
    return [_record(rng, u, p, str(uuid.UUID(int=ids.getrandbits(128), version=4)))
            for u, p in keys]


def _store(folder: Path, name: str, records: list[dict]):
    from store import open_store

    store = open_store(folder / name / "esep.sqlite3", user="reg1")
    store.import_records(records, user="reg1")
    return store


def _client(url: str, store=None):
    """Logged in like `esep login` (which also fetches `me` and the org units)."""
    from sync.engine import refresh_reference
    from sync.transport import SyncClient

    client = SyncClient(url, timeout=(10.0, 120.0))
    client.login("reg1", PASSWORD)
    if store is not None:
        refresh_reference(store, client)
    return client


def _timed_sync(store, client, proxy):
    from sync.engine import sync_once

    proxy.reset_counters()
    start = time.monotonic()
    summary = sync_once(store, client)
    return summary, time.monotonic() - start


def _caught_up_store(folder: Path, name: str, client, proxy):
    """An empty store that has pulled everything already (link limits lifted meanwhile),
    so the measured sync is just a no-op pull plus the push."""
    from store import open_store
    from sync.engine import refresh_reference, sync_once

    store = open_store(folder / name / "esep.sqlite3", user="reg1")
    rate, proxy.rate = proxy.rate, None
    refresh_reference(store, client)
    sync_once(store, client)
    proxy.rate = rate
    return store


def _resend_after_cut(folder, proxy, n: int) -> tuple[int, int, int]:
    """Bytes up of a clean push vs the same-sized push cut once in the middle."""
    from sync.engine import sync_once
    from sync.transport import SyncError

    client = _client(proxy.url)
    clean = _caught_up_store(folder, "clean", client, proxy)
    cut = _caught_up_store(folder, "cut", client, proxy)
    clean.import_records(_records(n, 7, 2100), user="reg1")
    cut.import_records(_records(n, 7, 2200, id_seed=8), user="reg1")
    _timed_sync(clean, client, proxy)
    clean_up = proxy.bytes_up
    proxy.reset_counters()
    proxy.cut_after(clean_up // 2, "up")
    for _ in range(5):
        try:
            sync_once(cut, client)
            break
        except SyncError:
            continue
    assert proxy.cuts == 1, "the cut did not happen"
    return clean_up, proxy.bytes_up, client.last_body_sent


def _measure(folder: Path, srv, proxy, n: int) -> dict:
    m = {"records": _records(n, 1, 2000)}
    store = _store(folder, "main", m["records"])
    client = _client(proxy.url, store)
    m["summary"], m["seconds"] = _timed_sync(store, client, proxy)
    m["up"], m["down"] = proxy.bytes_up, proxy.bytes_down
    before = client.counters.requests
    _timed_sync(store, client, proxy)
    m["noop_bytes"] = proxy.bytes_up + proxy.bytes_down
    m["noop_req"] = client.counters.requests - before
    direct = _store(folder, "direct", _records(n, 1, 2400, id_seed=2))
    _, m["direct_seconds"] = _timed_sync(direct, _client(srv.url, direct), proxy)
    m["clean_up"], m["cut_up"], m["batch"] = _resend_after_cut(folder, proxy, max(40, n // 5))
    m["cli"] = cli_noop(folder, proxy, "reg1", PASSWORD)
    return m


def _setup_server(srv) -> None:
    fixtures, _ = _imports()
    fixtures.import_orgunits(srv.db_url, [{"id": d, "region": REGION, "name_ru": d}
                                          for d in DISTRICTS])
    fixtures.create_user(srv.db_url, "reg1", PASSWORD, "region", region=REGION)


def _first_pull(folder: Path, proxy, n: int) -> dict:
    """n records pushed with the link limits lifted; then a FRESH store (a new region user
    client, logged in, reference data fetched) pulls them all through the limited link."""
    from store import open_store
    from sync import protocol
    from sync.engine import sync_once

    rate, delay, proxy.rate, proxy.delay = proxy.rate, proxy.delay, None, 0.0
    source = _store(folder, "source", _records(n, 11, 2000, id_seed=12))
    sync_once(source, _client(proxy.url, source))
    fresh = open_store(folder / "fresh" / "esep.sqlite3", user="reg1")
    client = _client(proxy.url, fresh)
    proxy.rate, proxy.delay = rate, delay
    summary, seconds = _timed_sync(fresh, client, proxy)
    pulled = fresh.list_records()
    return {"seconds": seconds, "requests": summary.requests, "pulled": len(pulled),
            "gz": len(protocol.gzip_json(pulled)), "down": proxy.bytes_down}


def _on_server(folder: Path, rate, delay: float, measure) -> dict:
    """`measure(folder, server, proxy)` against a new server behind a new fault proxy."""
    fixtures, faultproxy = _imports()
    folder.mkdir()
    srv = fixtures.run_server(f"sqlite:///{folder / 'server.sqlite3'}")
    proxy = faultproxy.FaultProxy("127.0.0.1", int(srv.url.rsplit(":", 1)[1]),
                                  rate=rate, delay=delay).start()
    try:
        _setup_server(srv)
        return measure(folder, srv, proxy)
    finally:
        proxy.stop()
        srv.stop()


def run(n: int = 1000, rate: float | None = RATE, delay: float = DELAY) -> list[tuple]:
    from sync import protocol
    from sync.engine import START_BATCH

    with tempfile.TemporaryDirectory(prefix="esep-bench-sync-") as tmp:
        m = _on_server(Path(tmp) / "push", rate, delay,
                       lambda folder, srv, proxy: _measure(folder, srv, proxy, n))
        fp = _on_server(Path(tmp) / "pull", rate, delay,
                        lambda folder, _srv, proxy: _first_pull(folder, proxy, 5 * n))
    return (_rows(m, n, rate, delay, len(protocol.gzip_json(m["records"])), START_BATCH)
            + _pull_rows(fp, 5 * n, rate, delay))


def _pull_rows(fp: dict, n: int, rate, delay: float) -> list[tuple]:
    """Target 1.3 x the limit (issue 18), the limit counted like the push row's."""
    limit = fp["gz"] / (rate or float("inf")) + 4 * delay or 1e-9
    sec, name = fp["seconds"], f"sync first pull of {n:,} records by a new region client"
    return [
        (f"{name}: seconds", round(sec, 2), "s", round(1.3 * limit, 2), round(sec / limit, 2),
         sec <= 1.3 * limit and fp["pulled"] == n),
        (f"{name}: requests", fp["requests"], "req", "-", "-", fp["pulled"] == n),
    ]


def _rows(m: dict, n: int, rate, delay: float, gz: int, start_batch: int) -> list[tuple]:
    limit = gz / (rate or float("inf")) + 4 * delay or 1e-9
    sec, up, noop_req, noop_b = m["seconds"], m["up"], m["noop_req"], m["noop_bytes"]
    resent = max(0, m["cut_up"] - m["clean_up"])
    batch = max(m["batch"], start_batch) + 1024
    return [
        (f"sync push {n} records: seconds", round(sec, 2), "s", round(1.5 * limit, 2),
         round(sec / limit, 2), sec <= 1.5 * limit),
        (f"sync push {n} records: seconds, no link limits", round(m["direct_seconds"], 2),
         "s", "-", "-", True),
        (f"sync push {n} records: wire bytes up", up, "B", round(1.3 * gz),
         round(up / gz, 2), up <= 1.3 * gz),
        (f"sync push {n} records: wire bytes down", m["down"], "B", "-", "-", True),
        (f"sync push {n} records: requests", m["summary"].requests, "req", "-", "-",
         m["summary"].pushed == n),
        ("sync no-op: requests", noop_req, "req", 1, noop_req, noop_req == 1),
        ("sync no-op: wire bytes", noop_b, "B", 1024, round(noop_b / 1024, 2),
         noop_b <= 1024),
        ("sync bytes re-sent after a cut", resent, "B", batch, round(resent / batch, 2),
         resent <= batch),
        *cli_noop_rows(m["cli"], rate, delay),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
