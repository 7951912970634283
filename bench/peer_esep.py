"""Esep's side of the peer benchmark: the real server in its own process (SQLite file for the
sync rows, PostgreSQL for ingest), `esep login` beforehand and a timed `esep sync` in a fresh
process, the same records the peers get."""
from __future__ import annotations

import os
import random
import subprocess
import sys
import uuid
from pathlib import Path

from bench.peer_link import ROOT, free_port, stop_process, wait_http

PASSWORD = "bench password 1"
REGIONS = {"SHY": [f"SHY-D{i:02d}" for i in range(1, 21)],
           "AKM": [f"AKM-D{i:02d}" for i in range(1, 21)]}
USERS = {"reg1": "SHY", "reg2": "AKM"}  # reg1 pushes, reg2 is the new client that pulls
TOKEN_FLAG = "--keep-token-in-file"


def records(n: int, seed: int, region: str) -> list[dict]:
    """n monthly reports over the region's 20 districts, mixed sizes and texts
    (bench/bench_sync.py's generator); the same seed gives the same records."""
    from bench.bench_sync import _record

    rng, ids = random.Random(seed), random.Random(seed + 1)
    keys = [(u, f"{2000 + i // 12}-{i % 12 + 1:02d}") for i in range(n // 20 + 1)
            for u in REGIONS[region]][:n]
    return [_record(rng, u, p, str(uuid.UUID(int=ids.getrandbits(128), version=4)))
            for u, p in keys]


def cli_env() -> dict:
    """No keyring (the measured case of issue 18): a token is kept only where the CLI can keep
    it in a file; the store's key comes from ESEP_PASSPHRASE."""
    env = dict(os.environ)
    env.setdefault("ESEP_PASSPHRASE", "bench passphrase, not a secret")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("ESEP_DATA_DIR", None)
    return env


def compile_bytecode() -> None:
    """The project's modules compiled once, as an installation has them (pip compiles what it
    installs, the one-folder build carries bytecode): the timed `esep` processes then do not
    compile the CLI's modules at every start (PYTHONDONTWRITEBYTECODE, set on some machines,
    keeps Python from caching them). Anki's client and pouchdb's run from their installs."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "main.py", *PACKAGES], cwd=ROOT,
                   capture_output=True, timeout=300, check=False)


PACKAGES = ("cli", "forms", "reports", "server", "store", "sync")


def token_file_supported() -> bool:
    done = subprocess.run([sys.executable, "main.py", "login", "--help"], cwd=ROOT,
                          capture_output=True, text=True, env=cli_env(), timeout=120, check=False)
    return TOKEN_FLAG in done.stdout


class EsepServer:
    """`esep server` on a SQLite file (or a PostgreSQL URL) in its own process, seeded with the
    two regions' districts and users."""

    def __init__(self, db_url: str, workers: int = 1):
        from tests.server_fixtures import create_user, import_orgunits

        port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "main.py", "server", "--db", db_url, "--port", str(port),
             "--workers", str(workers)], cwd=ROOT, env=cli_env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        wait_http(self.url + "/healthz", self.proc)
        import_orgunits(db_url, [{"id": d, "region": r, "name_ru": d}
                                 for r, units in REGIONS.items() for d in units])
        for user, region in USERS.items():
            create_user(db_url, user, PASSWORD, "region", region=region)

    def stop(self) -> None:
        stop_process(self.proc)


class EsepClient:
    """One data folder = one installation of the CLI."""

    def __init__(self, folder: Path, user: str, token_file: bool):
        self.folder, self.user, self.token_file = folder, user, token_file
        folder.mkdir(parents=True, exist_ok=True)

    def _argv(self, *args: str) -> list[str]:
        return [sys.executable, "main.py", "--data-dir", str(self.folder), *args]

    def login(self, url: str) -> None:
        extra = [TOKEN_FLAG] if self.token_file else []
        done = subprocess.run(self._argv("login", "--server", url, "--user", self.user,
                                         "--password-stdin", *extra),
                              input=PASSWORD + "\n", capture_output=True, text=True,
                              cwd=ROOT, env=cli_env(), timeout=300, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"esep login failed: {done.stderr.strip()[-300:]}")

    def fill(self, recs: list[dict]) -> None:
        from store import open_store

        os.environ.setdefault("ESEP_PASSPHRASE", cli_env()["ESEP_PASSPHRASE"])
        store = open_store(self.folder / "esep.sqlite3", user=self.user)
        try:
            store.import_records(recs, user=self.user)
        finally:
            store.close()

    def sync_call(self) -> dict:
        """What Link.timed runs: argv, env, stdin of `esep sync`."""
        argv = self._argv("sync") if self.token_file else self._argv("sync", "--password-stdin")
        return {"argv": argv, "env": cli_env(), "cwd": ROOT,
                "stdin": "" if self.token_file else PASSWORD + "\n"}

    def sync_direct(self, url: str) -> None:
        call = self.sync_call()
        argv = call["argv"] + ["--server", url]
        done = subprocess.run(argv, input=call["stdin"], capture_output=True, text=True,
                              cwd=ROOT, env=call["env"], timeout=600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"esep sync failed: {done.stderr.strip()[-300:]}")


def ingest(pg_url: str) -> dict:
    """50 clients x 25-record batches into `esep server` on a fresh PostgreSQL database made on
    the server of pg_url: {"records", "applied", "seconds", "rate", "server_rss_mb",
    "server_pss_mb"}. As the server is deployed (docs/deploy.md): one worker per core, forked
    from one built app (server.prefork), which share its memory."""
    from bench import bench_server

    return bench_server.ingest_rate(pg_url, workers=os.cpu_count() or 1)


def ingest_work() -> list[list[list[dict]]]:
    """Per client, its batches of push ops: bench_server's payloads, which the peer gets too."""
    from bench import bench_server

    return bench_server.workload()
