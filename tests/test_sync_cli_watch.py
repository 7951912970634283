"""`esep sync --watch` as a real process: one JSON line per sync, the password from stdin."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_sync_support import DISTRICTS, PASSWORD, make_client, monthly, server, server_records

from store import open_store

__all__ = ["server"]  # fixtures
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(90)
def test_sync_watch_process_syncs_and_prints_json_lines(server, tmp_path):
    data = tmp_path / "d"
    with open_store(data / "esep.sqlite3") as store:
        store.set_setting("sync.server", server.url)
        store.set_setting("sync.user", "dist1")
        rec = store.save_record(monthly(DISTRICTS[0], "2024-06"), user="dist1")
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data), "sync", "--watch",
         "--password-stdin", "--probe-interval", "0.2"],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        proc.stdin.write(PASSWORD + "\n")
        proc.stdin.flush()
        line = json.loads(proc.stdout.readline())
        assert line["pushed"] == 1 and line["rejected"] == 0, line
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert rec["id"] in server_records(make_client(server.url))
