"""`esep server` as an administrator runs it (a real process, two workers, SQLite and
PostgreSQL): stderr holds only JSON lines, one per request, with no password or token;
/metrics sums both workers; repeated `esep sync --password-stdin` keeps one token."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import requests

from tests.ops_helpers import ROOT, db_url, esep, scalar  # noqa: F401
from tests.server_fixtures import PASSWORD, seed_world


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(url: str, tmp_path, workers: int = 2):
    port = _port()
    env = {**os.environ}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    err = open(tmp_path / "server.err", "w+", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--db", url, "--port",
                             str(port), "--workers", str(workers)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=1).ok:
                return proc, base, err
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("esep server did not start")


def test_json_logs_and_metrics_of_two_workers(db_url, tmp_path):
    seed_world(db_url)
    proc, base, err = _start(db_url, tmp_path)
    try:
        s = requests.Session()
        ok = s.post(base + "/api/v1/auth/login", json={"username": "d1", "password": PASSWORD},
                    timeout=30)
        token = ok.json()["token"]
        bad = s.post(base + "/api/v1/auth/login",
                     json={"username": "d1", "password": "wrong-secret"}, timeout=30)
        assert bad.status_code == 401
        for _ in range(6):
            r = s.get(base + "/api/v1/me", headers={"Authorization": "Bearer " + token,
                                                    "X-Request-ID": "trace-42"}, timeout=30)
            assert r.status_code == 200 and r.headers["x-request-id"] == "trace-42"
        metrics = requests.get(base + "/metrics", timeout=30).text
        line = [m for m in metrics.splitlines() if m.startswith(
            'esep_http_requests_total{method="GET",route="/api/v1/me",status="200"}')]
        assert line and float(line[0].split()[-1]) == 6.0  # whichever worker answered
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    err.seek(0)
    lines = [ln for ln in err.read().splitlines() if ln.strip()]
    parsed = [json.loads(ln) for ln in lines if ln.startswith("{")]
    me = [p for p in parsed if p.get("route") == "/api/v1/me"]
    assert len(me) == 6 and all(p["request_id"] == "trace-42" and p["user"] == "d1"
                                for p in me)
    assert {"login", "login_failed"} <= {p.get("event") for p in parsed}
    text = "\n".join(lines)
    assert PASSWORD not in text and "wrong-secret" not in text and token not in text


def test_repeated_sync_with_a_password_keeps_one_token(db_url, tmp_path):
    seed_world(db_url)
    proc, base, _err = _start(db_url, tmp_path, workers=1)
    env = {**os.environ, "ESEP_DATA_DIR": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    try:
        for _ in range(3):
            r = esep("sync", "--server", base, "--user", "d1", "--password-stdin",
                     stdin=PASSWORD + "\n", env=env)
            assert r.returncode == 0, r.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    assert scalar(db_url, "SELECT count(*) FROM tokens WHERE username = 'd1'") == 1
