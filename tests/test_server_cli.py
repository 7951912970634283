"""`esep server admin ...` commands (no HTTP) and `esep server` serving a real port."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def _esep(*args, stdin: str = "", env=None):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, check=False,
                          capture_output=True, text=True, timeout=120, env=env)


def test_import_orgunits_create_and_list_users(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    csv = tmp_path / "units.csv"
    csv.write_text("id,region,name_ru,name_kk,name_en\nSHY-ABAY,SHY,Абайский,Абай,Abay\n",
                   encoding="utf-8")
    r = _esep("server", "admin", "import-orgunits", "--db", db, str(csv))
    assert r.returncode == 0, r.stderr
    assert "imported 1" in r.stdout
    r = _esep("server", "admin", "create-user", "--db", db, "--user", "aigerim", "--role",
              "district", "--district", "SHY-ABAY", "--password-stdin",
              stdin="s3cret-pass-word\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["region"] == "SHY"
    r = _esep("server", "admin", "list-users", "--db", db)
    users = [json.loads(line) for line in r.stdout.splitlines()]
    assert users == [{"username": "aigerim", "role": "district", "region": "SHY",
                      "district": "SHY-ABAY", "active": True, "must_change_password": False}]
    assert "s3cret" not in (tmp_path / "cli.sqlite3").read_bytes().decode("latin-1")


def test_import_orgunits_bad_rows_are_named_and_nothing_saved(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    csv = tmp_path / "units.csv"
    csv.write_text("id,region,name_ru\nOK-1,SHY,Хорошо\n,SHY,Без id\nX-2,ZZZ,Плохо\n"
                   "OK-1,SHY,Дубль\n", encoding="utf-8")
    r = _esep("server", "admin", "import-orgunits", "--db", db, str(csv))
    assert r.returncode == 1
    assert "line 3, column id: empty" in r.stderr
    assert "line 4, column region: 'ZZZ' is not a known region code" in r.stderr
    assert "line 5, column id: 'OK-1' appears twice" in r.stderr
    r = _esep("server", "admin", "create-user", "--db", db, "--user", "x", "--role",
              "district", "--district", "OK-1", "--password-stdin", stdin="long-password\n")
    assert r.returncode == 1 and "not a known district" in r.stderr


def test_create_user_rejects_short_password(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    r = _esep("server", "admin", "create-user", "--db", db, "--user", "boss", "--role",
              "central", "--password-stdin", stdin="short\n")
    assert r.returncode == 1 and "at least 8" in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(*args: str, env=None) -> tuple[subprocess.Popen, str]:
    """`esep server ARGS` on a free port; returns once /healthz answers."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return proc, url
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.terminate()
    raise AssertionError(proc.communicate(timeout=20)[1].decode()[-2000:])


def test_esep_server_default_db_in_data_folder(tmp_path):
    env = dict(os.environ, ESEP_DATA_DIR=str(tmp_path / "data"))
    proc, _url = _serve(env=env)
    try:
        assert (tmp_path / "data" / "esep-server.sqlite3").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_esep_server_workers_serve_one_database(tmp_path):
    """The supervisor builds the app once and forks the workers from it (server.prefork):
    they serve one database and share its memory (each shared page counted once, the process
    tree takes far less than the sum of its resident sizes)."""
    db = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    made = _esep("server", "admin", "create-user", "--db", db, "--user", "boss", "--role",
                 "central", "--password-stdin", stdin="long enough pw\n")
    assert made.returncode == 0, made.stderr
    proc, url = _serve("--db", db, "--workers", "2")
    try:
        ids = {requests.get(url + "/healthz", timeout=5).json()["server_id"] for _ in range(6)}
        login = requests.post(url + "/api/v1/auth/login", timeout=30,
                              json={"username": "boss", "password": "long enough pw"})
        assert login.status_code == 200, login.text
        me = requests.get(url + "/api/v1/me", timeout=5,
                          headers={"Authorization": "Bearer " + login.json()["token"]})
        assert len(ids) == 1 and me.json()["username"] == "boss"
        if Path(f"/proc/{proc.pid}/smaps_rollup").exists():  # Linux
            tree = [proc.pid, *_children(proc.pid)]
            assert len(tree) == 3  # the supervisor and its two workers
            rss, pss = (sum(_kb(pid, key) for pid in tree) for key in ("Rss:", "Pss:"))
            assert pss < 0.7 * rss, (pss, rss)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_forked_worker_that_dies_is_started_again(tmp_path):
    """The supervisor (server.prefork) replaces a worker killed outright; the other one goes
    on answering meanwhile."""
    if not Path("/proc/self/task").exists():
        pytest.skip("reads the process tree from Linux /proc")
    proc, url = _serve("--db", f"sqlite:///{tmp_path / 'k.sqlite3'}", "--workers", "2")
    try:
        first = _children(proc.pid)
        assert len(first) == 2
        os.kill(first[0], signal.SIGKILL)
        deadline, now = time.monotonic() + 30, first
        while time.monotonic() < deadline and (len(now) != 2 or first[0] in now):
            assert requests.get(url + "/healthz", timeout=5).ok
            time.sleep(0.2)
            now = _children(proc.pid)
        assert len(now) == 2 and first[0] not in now and first[1] in now
        assert all(requests.get(url + "/healthz", timeout=5).ok for _ in range(4))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
            for c in (task / "children").read_text().split()]


def _kb(pid: int, key: str) -> int:
    """One line of /proc/<pid>/smaps_rollup, in kB."""
    lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith(key))


def test_a_server_worker_loads_openpyxl_only_for_an_xlsx_export():
    """openpyxl (with numpy and lxml: ~22 MB) stays out of a worker until an XLSX export."""
    code = "import sys, server.app; print(sorted({'openpyxl', 'numpy'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr[-2000:]


def test_workers_must_be_one_or_more():
    r = _esep("server", "--workers", "0")
    assert r.returncode == 2 and "'0': a whole number of 1 or more" in r.stderr
