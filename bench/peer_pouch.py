"""pouchdb-server as a peer: installed by the bench itself from npm under .bench-peers/pouch
(not in git), run with its default LevelDB adapter on disk (leveldown's prebuilt binary, no
compiler needed: install scripts are skipped), driven by bench/peer_pouch_client.js."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from bench.peer_link import ROOT, PeakRss, free_port, stop_process, wait_http

FOLDER = ROOT / ".bench-peers" / "pouch"
MODULES = FOLDER / "node_modules"
PACKAGES = ["pouchdb-server@4.2.0", "pouchdb@9.0.0"]
SERVER = MODULES / "pouchdb-server" / "bin" / "pouchdb-server"
CLIENT = ROOT / "bench" / "peer_pouch_client.js"
ADAPTER = "leveldb (leveldown, on disk)"


def install() -> str:
    """The installed pouchdb-server version; `npm install` only when missing."""
    if not shutil.which("node") or not shutil.which("npm"):
        raise RuntimeError("node and npm are not on PATH")
    if not _version():
        FOLDER.mkdir(parents=True, exist_ok=True)
        (FOLDER / "package.json").write_text('{"name": "esep-bench-peers", "private": true}\n')
        done = subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund",
                               "--loglevel=error", *PACKAGES], cwd=FOLDER,
                              capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"npm install: {done.stderr.strip()[-200:]}")
    version = _version()
    if not version:
        raise RuntimeError("pouchdb-server installed but not loadable")
    probe = subprocess.run(["node", "-e", "require('leveldown')"], env=node_env(),
                           capture_output=True, text=True, timeout=60, check=False)
    if probe.returncode != 0:
        raise RuntimeError("leveldown has no usable binary here")
    return version


def _version() -> str:
    """pouchdb-server's version when it and the client's pouchdb are both installed."""
    try:
        found = {p: json.loads((MODULES / p / "package.json").read_text())["version"]
                 for p in ("pouchdb-server", "pouchdb")}
    except (OSError, ValueError, KeyError):
        return ""
    return found["pouchdb-server"]


def node_env() -> dict:
    return dict(os.environ, NODE_PATH=str(MODULES))


class PouchServer:
    """pouchdb-server on a fresh folder; request logs to its file only (-n)."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["node", str(SERVER), "--host", "127.0.0.1", "--port", str(self.port), "--dir",
             str(folder), "-n"], cwd=folder, env=node_env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        wait_http(self.url + "/", self.proc)

    def create(self, db: str) -> None:
        import requests

        requests.put(f"{self.url}/{db}", timeout=30).raise_for_status()

    def stop(self) -> None:
        stop_process(self.proc)


class PouchClient:
    """A local PouchDB database folder = one installation."""

    def __init__(self, folder: Path, name: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = str(folder / name)
        self.records = str(folder / f"{name}.records.json")

    def _run(self, *args: str) -> dict:
        done = subprocess.run(["node", str(CLIENT), *args], capture_output=True, text=True,
                              env=node_env(), timeout=900, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pouch client {args[0]}: {done.stderr.strip()[-300:]}")
        return json.loads(done.stdout)

    def fill(self, records: list[dict]) -> dict:
        Path(self.records).write_text(json.dumps(records))
        return self._run("fill", self.db, self.records)

    def replicate(self, source: str, target: str) -> dict:
        return self._run("replicate", source, target)

    def sync_call(self, remote: str) -> dict:
        """What Link.timed runs: a fresh node process, one two-way PouchDB.sync."""
        return {"argv": ["node", str(CLIENT), "sync", self.db, remote], "env": node_env()}


def ingest(folder: Path, work: list[list[list[dict]]]) -> dict:
    """The same records as Esep's ingest, `_bulk_docs` of 25 per request, one thread per
    client, all at once: {"records", "seconds", "rate", "server_rss_mb", "server_pss_mb"}."""
    import requests

    from bench.server_baselines import run_clients

    server = PouchServer(folder)
    written: list[int] = []
    try:
        server.create("ingest")

        def client(i: int) -> None:
            s = requests.Session()
            for ops in work[i]:
                docs = [dict(op["data"], _id=op["id"]) for op in ops]
                r = s.post(f"{server.url}/ingest/_bulk_docs", json={"docs": docs}, timeout=120)
                r.raise_for_status()
                written.append(sum(1 for a in r.json() if a.get("ok")))

        with PeakRss(server.proc.pid) as rss:
            secs = run_clients(len(work), client)
    finally:
        server.stop()
    n = sum(written)
    return {"records": n, "seconds": secs, "rate": n / secs, "server_rss_mb": rss.peak,
            "server_pss_mb": rss.peak_pss}
