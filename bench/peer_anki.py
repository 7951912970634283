"""Anki's sync server as a peer: installed by the bench itself from PyPI into its own venv
under .bench-peers/ (not in git), run as `python -m anki.syncserver`, driven by
bench/peer_anki_client.py in that venv."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.peer_link import ROOT, free_port, stop_process, wait_http

CACHE = ROOT / ".bench-peers"
VENV = CACHE / "anki-venv"
PYTHON = VENV / "bin" / "python"
PACKAGE = "anki==26.9.3"
CLIENT = ROOT / "bench" / "peer_anki_client.py"
USERS = {"reg1": "bench anki 1", "reg2": "bench anki 2"}


def install() -> str:
    """The installed version; creates the venv and pip-installs `anki` only when missing."""
    if not _version():
        CACHE.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True,
                       capture_output=True, timeout=300)
        done = subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", PACKAGE],
                              capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pip install {PACKAGE}: {done.stderr.strip()[-200:]}")
    version = _version()
    if not version:
        raise RuntimeError(f"{PACKAGE} installed but `import anki` fails")
    return version


def _version() -> str:
    if not PYTHON.exists():
        return ""
    done = subprocess.run([str(PYTHON), "-c", "import anki.buildinfo as b; print(b.version)"],
                          capture_output=True, text=True, timeout=120, check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


class AnkiServer:
    """One sync server with the two bench users; its data in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        (folder / "server").mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        env = dict(os.environ, SYNC_HOST="127.0.0.1", SYNC_PORT=str(self.port),
                   SYNC_BASE=str(folder / "server"), RUST_LOG="warn")
        for i, (user, password) in enumerate(USERS.items(), 1):
            env[f"SYNC_USER{i}"] = f"{user}:{password}"
        self.proc = subprocess.Popen([str(PYTHON), "-m", "anki.syncserver"], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        wait_http(self.url + "/", self.proc)

    def stop(self) -> None:
        stop_process(self.proc)


class AnkiClient:
    """One collection file = one Anki installation; its login (hkey) kept in a file, as the
    desktop keeps it in its profile."""

    def __init__(self, folder: Path, name: str, user: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.col = str(folder / f"{name}.anki2")
        self.auth = str(folder / f"{name}.auth.json")
        self.records = str(folder / f"{name}.records.json")
        self.user = user

    def _run(self, *args: str) -> dict:
        done = subprocess.run([str(PYTHON), str(CLIENT), *args], capture_output=True,
                              text=True, timeout=900, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"anki client {args[0]}: {done.stderr.strip()[-300:]}")
        return json.loads(done.stdout)

    def prepare(self, url: str, records: list[dict], seed: bool = False) -> dict:
        """Log in, first full upload; the records as notes (in that upload when seeding)."""
        Path(self.records).write_text(json.dumps(records))
        return self._run("prepare", self.col, self.records, url + "/", self.user,
                         USERS[self.user], self.auth, *(["seed"] if seed else []))

    def login(self, url: str) -> dict:
        return self._run("login", self.col, url + "/", self.user, USERS[self.user], self.auth)

    def sync_call(self, url: str) -> dict:
        """What Link.timed runs: a fresh process that syncs the collection through `url`."""
        return {"argv": [str(PYTHON), str(CLIENT), "sync", self.col, self.auth, url + "/"]}
