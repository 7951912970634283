"""Esep beside its peers (issue 18), in one run, on the same records and the same limited link
(tests/faultproxy.py: 250 kbit/s each way, 250 ms one way; limit = gzip(JSON of the records) /
bandwidth + 2 round trips):

- Anki's sync server (`anki` from PyPI, its own venv) and pouchdb-server (npm, LevelDB on
  disk), both installed by the bench itself under .bench-peers/ (bench/peer_anki.py,
  bench/peer_pouch.py); a peer that cannot be installed gets "not installed" rows, ok = NO;
- every client is a fresh process timed by the wall clock from here; requests and bytes are
  counted at the proxy: push of 1,000 records, a no-op sync (after one untimed sync that lets
  a system settle what the push left, e.g. PouchDB's pull checkpoint), the first pull of
  5,000 records by a new client (Esep: `esep sync` after `esep login`; Anki: a sync of a
  collection, the full download for a new one; pouchdb: a two-way PouchDB.sync in node);
- ingest on PostgreSQL, 50 clients x 25-record batches: `esep server` vs pouchdb-server's
  `_bulk_docs`, records/s and the peak RSS of each server's process tree.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from bench import peer_esep
from bench.peer_link import DELAY, RATE, Link, limit_seconds

PEERS = ("anki", "pouch")


def _out(trip) -> dict:
    try:
        return json.loads(trip.output.splitlines()[-1])
    except (ValueError, IndexError):
        return {}


def _push_settle_noop(link: Link, call) -> dict:
    """The timed push, an untimed settling sync (limits lifted), then the timed no-op sync;
    `call()` gives Link.timed's arguments for one sync of the pushing client."""
    m: dict = {"push": link.timed(**call())}
    m["settle"] = link.timed(**call(), limited=False)
    m["noop"] = link.timed(**call())
    return m


def measure_esep(folder: Path, push: list, pull: list, rate=RATE, delay=DELAY) -> dict:
    srv = peer_esep.EsepServer(f"sqlite:///{folder / 'esep-server.sqlite3'}")
    link = Link(srv.port, rate, delay)
    link.unlimited()
    token = peer_esep.token_file_supported()
    peer_esep.compile_bytecode()
    try:
        seeder = peer_esep.EsepClient(folder / "esep-seed", "reg2", token)
        seeder.login(srv.url)
        seeder.fill(pull)
        seeder.sync_direct(srv.url)
        pusher = peer_esep.EsepClient(folder / "esep-push", "reg1", token)
        pusher.login(link.url)
        pusher.fill(push)
        m = _push_settle_noop(link, pusher.sync_call)
        puller = peer_esep.EsepClient(folder / "esep-pull", "reg2", token)
        puller.login(link.url)
        m["pull"] = link.timed(**puller.sync_call())
    finally:
        link.stop()
        srv.stop()
    m["done"] = (_out(m["push"]).get("pushed") == len(push)
                 and _out(m["pull"]).get("pulled") == len(pull))
    m["how"] = "token file" if token else "--password-stdin"
    return m


def measure_anki(folder: Path, push: list, pull: list, rate=RATE, delay=DELAY) -> dict:
    from bench.peer_anki import AnkiClient, AnkiServer

    srv = AnkiServer(folder / "anki")
    link = Link(srv.port, rate, delay)
    link.unlimited()
    try:
        AnkiClient(folder / "anki", "seed", "reg2").prepare(srv.url, pull, seed=True)
        pusher = AnkiClient(folder / "anki", "push", "reg1")
        pusher.prepare(link.url, push)
        m = _push_settle_noop(link, lambda: pusher.sync_call(link.url))
        puller = AnkiClient(folder / "anki", "pull", "reg2")
        puller.login(link.url)
        m["pull"] = link.timed(**puller.sync_call(link.url))
        check = AnkiClient(folder / "anki", "check", "reg1")  # did the push reach the server?
        check.login(srv.url)
        pushed = check._run("sync", check.col, check.auth)["notes"]
    finally:
        link.stop()
        srv.stop()
    m["done"] = pushed == len(push) and _out(m["pull"]).get("notes") == len(pull)
    return m


def measure_pouch(folder: Path, push: list, pull: list, rate=RATE, delay=DELAY) -> dict:
    from bench.peer_pouch import PouchClient, PouchServer

    srv = PouchServer(folder / "pouch-server")
    link = Link(srv.port, rate, delay)
    link.unlimited()
    try:
        srv.create("push")
        srv.create("pull")
        seeder = PouchClient(folder / "pouch", "seed")
        seeder.fill(pull)
        seeder.replicate(seeder.db, f"{srv.url}/pull")
        pusher = PouchClient(folder / "pouch", "push")
        pusher.fill(push)
        m = _push_settle_noop(link, lambda: pusher.sync_call(f"{link.url}/push"))
        puller = PouchClient(folder / "pouch", "pull")
        m["pull"] = link.timed(**puller.sync_call(f"{link.url}/pull"))
    finally:
        link.stop()
        srv.stop()
    m["done"] = (_out(m["push"]).get("pushed") == len(push)
                 and _out(m["pull"]).get("local_docs") == len(pull))
    return m


def _why(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _install(peer: str) -> str:
    from bench import peer_anki, peer_pouch

    return {"anki": peer_anki.install, "pouch": peer_pouch.install}[peer]()


def _peer(peer: str, folder: Path, push: list, pull: list) -> dict:
    """A peer's measures, or {"error": why} when it cannot be installed or run."""
    try:
        version = _install(peer)
    except Exception as exc:  # noqa: BLE001 - reported in the rows, never a made-up number
        return {"error": f"not installed: {_why(exc)}"[:120]}
    try:
        fn = measure_anki if peer == "anki" else measure_pouch
        return {**fn(folder, push, pull), "version": version}
    except Exception as exc:  # noqa: BLE001
        return {"error": f"failed: {type(exc).__name__}: {_why(exc)}"[:120]}


def _ingest(pg: str | None) -> dict:
    from bench import peer_pouch

    if not pg:
        return {"error": "skipped: set ESEP_TEST_PG_URL"}
    try:
        out = {"esep": peer_esep.ingest(pg)}
    except Exception as exc:  # noqa: BLE001
        out = {"esep": {"error": f"failed: {type(exc).__name__}: {_why(exc)}"[:120]}}
    try:
        peer_pouch.install()
        with tempfile.TemporaryDirectory(prefix="esep-bench-ingest-") as tmp:
            out["pouch"] = peer_pouch.ingest(Path(tmp), peer_esep.ingest_work())
    except Exception as exc:  # noqa: BLE001
        out["pouch"] = {"error": f"pouchdb-server: {_why(exc)}"[:120]}
    return out


def run(n_push: int = 1000, n_pull: int = 5000, peers: tuple = PEERS,
        ingest: bool = True) -> list[tuple]:
    from bench import peer_rows
    from sync.protocol import gzip_json

    os.environ.setdefault("ESEP_PASSPHRASE", "bench passphrase, not a secret")
    push = peer_esep.records(n_push, 1, "SHY")
    pull = peer_esep.records(n_pull, 3, "AKM")
    limits = {"push": limit_seconds(len(gzip_json(push))),
              "pull": limit_seconds(len(gzip_json(pull)))}
    with tempfile.TemporaryDirectory(prefix="esep-bench-peers-") as tmp:
        results = {"esep": measure_esep(Path(tmp), push, pull)}
        for peer in peers:
            results[peer] = _peer(peer, Path(tmp), push, pull)
    pg = os.environ.get("ESEP_BENCH_PG_URL") or os.environ.get("ESEP_TEST_PG_URL")
    ing = _ingest(pg) if ingest else {"error": "not run"}
    return peer_rows.rows(results, limits, n_push, n_pull) + peer_rows.ingest_rows(ing)


if __name__ == "__main__":
    for row in run():
        print(row)
