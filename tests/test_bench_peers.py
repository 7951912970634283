"""The Esep side of bench/bench_peers.py with tiny n, without the peers (their install never
runs here): the real server process, the real CLI, the real proxy counting requests."""
from __future__ import annotations

import os

import pytest

from bench import bench_peers, peer_esep, peer_rows
from bench.peer_link import PeakRss, Trip, count_requests, limit_seconds


def test_request_lines_counted_from_the_bytes_up():
    up = (b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
          b"GET /api/v1/sync/pull?cursor=3 HTTP/1.1\r\nHost: x\r\n\r\n"
          b"PUT /db/_local/abc HTTP/1.1\r\n\r\n" + b"\x1f\x8b binary POST body")
    assert count_requests(up) == 3
    assert count_requests(b"") == 0


def test_limit_is_transfer_plus_two_round_trips():
    assert limit_seconds(31_250) == pytest.approx(1.0 + 1.0)
    assert limit_seconds(31_250, rate=None, delay=0.25) == pytest.approx(1.0)


def test_peak_rss_of_a_process_tree():
    with PeakRss(os.getpid()) as rss:
        block = bytearray(64 * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])
    assert rss.peak > 64


def test_rows_judge_against_limit_and_anki():
    def m(push, noop, pull, requests=1, wire=600):
        return {k: Trip(s, requests, wire // 2, wire // 2) for k, s in
                (("push", push), ("noop", noop), ("pull", pull))} | {"done": True,
                                                                      "how": "token file"}
    results = {"esep": m(1.2, 0.5, 2.5), "anki": m(4.0, 0.5, 6.0, requests=14),
               "pouch": {"error": "not installed: no npm"}}
    rows = {r[0]: r for r in peer_rows.rows(results, {"push": 1.0, "pull": 2.0}, 10, 20)}
    assert rows["push 10 recs, Esep (1 req, 0.6 KB)"][4:] == (1.2, True)
    assert rows["push 10 recs: Esep / Anki seconds"][4:] == (0.3, True)
    assert rows["first pull 20 recs: Esep / Anki seconds"][4:] == (0.42, True)
    assert rows["no-op sync, Esep: requests (token file)"][5] is True
    assert rows["no-op sync: Esep / Anki seconds"][5] is True
    assert rows["push 10 recs, pouchdb-server: not installed: no npm"][5] is False
    results["esep"] = m(1.4, 0.6, 2.5, requests=2, wire=1100)
    rows = {r[0]: r for r in peer_rows.rows(results, {"push": 1.0, "pull": 2.0}, 10, 20)}
    assert rows["push 10 recs, Esep (2 req, 1.1 KB)"][5] is False
    assert rows["no-op sync, Esep: requests (token file)"][5] is False
    assert rows["no-op sync, Esep: wire bytes"][5] is False
    assert rows["no-op sync: Esep / Anki seconds"][5] is False


def test_ingest_rows_ratios_against_pouch():
    """The memory target is judged on PSS (a forked worker's shared pages counted once); RSS
    is shown beside it, judged by nothing."""
    ing = {"esep": {"records": 5000, "applied": 5000, "rate": 900.0, "server_rss_mb": 300.0,
                    "server_pss_mb": 150.0},
           "pouch": {"records": 5000, "rate": 1000.0, "server_rss_mb": 95.0,
                     "server_pss_mb": 90.0}}
    esep_rate, esep_mem, esep_rss = peer_rows.ingest_rows(ing)[:3]
    assert esep_rate[4:] == (0.9, False) and esep_mem[4:] == (1.67, False)
    assert esep_rss[1] == 300 and esep_rss[5] is True
    ing["esep"] |= {"rate": 1100.0, "server_pss_mb": 120.0}
    esep_rate, esep_mem = peer_rows.ingest_rows(ing)[:2]
    assert esep_rate[4:] == (1.1, True) and esep_mem[4:] == (1.33, True)
    ing["esep"]["applied"] = 4999  # a refused op: the rate counts for nothing
    assert peer_rows.ingest_rows(ing)[0][5] is False
    assert peer_rows.ingest_rows({"error": "skipped: set ESEP_TEST_PG_URL"})[0][5] is False


def test_esep_side_measured_end_to_end(tmp_path):
    os.environ.setdefault("ESEP_PASSPHRASE", "bench passphrase, not a secret")
    push, pull = peer_esep.records(12, 1, "SHY"), peer_esep.records(30, 3, "AKM")
    m = bench_peers.measure_esep(tmp_path, push, pull, rate=None, delay=0.0)
    assert m["done"], (m["push"].output, m["pull"].output)
    login = 0 if m["how"] == "token file" else 1
    for trip in (m["push"], m["noop"], m["pull"]):
        # the proxy's count = the CLI's own count + its login when no token is kept
        assert trip.requests == bench_peers._out(trip)["requests"] + login
    assert m["pull"].down > m["noop"].down
    rows = peer_rows.rows({"esep": m}, {"push": 1.0, "pull": 1.0}, 12, 30)
    assert all(len(r) == 6 for r in rows)
    assert next(r for r in rows if "Anki: not measured" in r[0])[5] is False
