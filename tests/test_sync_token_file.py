"""The opt-in token file (issue 18): on a machine without a keyring, `esep login
--keep-token-in-file` keeps the token (never the password) in a 0600 file, and a no-op `esep sync`
in a fresh process is ONE request of at most 1 KB, counted on the wire by a capturing proxy in
front of the real server. Revoking on the server ends it; logout removes it; without the opt-in
nothing is written."""
from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from faultproxy import FaultProxy
from test_sync_support import PASSWORD, server

__all__ = ["server"]  # fixtures

ROOT = Path(__file__).resolve().parent.parent
REQUEST_LINE = re.compile(rb"(GET|POST|PUT|PATCH|DELETE) (/\S*) HTTP/1\.1\r\n")


@pytest.fixture
def wire(server):
    proxy = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1]), capture=True).start()
    yield proxy
    proxy.stop()


def esep(data: Path, *argv: str, stdin: str = "", umask: int | None = None,
         flags: tuple = ()):
    """The real `esep` in a fresh process, no OS keyring; (exit code, JSON lines, stderr)."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(ROOT), ESEP_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, *flags, str(ROOT / "main.py"), "--lang", "en", *argv],
                          input=stdin, env=env, capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    return done.returncode, lines, done.stderr


def requests_on_wire(proxy) -> list[str]:
    return [m.group(2).decode().split("?")[0] for m in REQUEST_LINE.finditer(proxy.captured_up)]


def login(data: Path, url: str, *extra: str, umask: int | None = None):
    return esep(data, "login", "--server", url, "--user", "dist1", "--password-stdin", *extra,
                stdin=PASSWORD + "\n", umask=umask)


def test_token_file_no_op_sync_is_one_request(server, wire, tmp_path):
    data = tmp_path / "d"
    code, out, err = login(data, wire.url, "--keep-token-in-file", umask=0o002)
    assert code == 0, err
    token_file = data / "sync-token"
    assert out[-1]["token_saved"] is True and out[-1]["token_file"] == str(token_file.resolve())
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600  # whatever the umask
    saved = json.loads(token_file.read_text(encoding="utf-8"))
    assert set(saved) == {"server", "user", "token"} and saved["user"] == "dist1"
    assert PASSWORD.encode() not in token_file.read_bytes()
    assert not list(data.glob("sync-token.*"))  # no temporary file left behind
    code, out, err = esep(data, "sync")  # the first sync (nothing on the server either)
    assert code == 0, err
    wire.captured_up.clear()
    wire.reset_counters()
    code, out, err = esep(data, "sync", flags=("-X", "importtime"))
    assert code == 0, err
    assert requests_on_wire(wire) == ["/api/v1/sync/pull"], err
    loaded = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines()
              if line.startswith("import time:")}
    assert "sync.engine" in loaded  # the log is read right
    heavy = ("keyring", "numpy", "pandas", "openpyxl", "PySide6", "reports", "desktop",
             "server", "sqlalchemy", "cli.records", "cli.reports_cmd", "cli.server_cmd")
    assert not {m for m in loaded if m.split(".")[0] in heavy or m in heavy}
    assert wire.bytes_up + wire.bytes_down <= 1024
    assert out == [dict(out[0], pushed=0, pulled=0, requests=1)]


def test_revoked_on_the_server_the_file_goes(server, wire, tmp_path):
    data = tmp_path / "d"
    assert login(data, wire.url, "--keep-token-in-file")[0] == 0
    assert esep(data, "sync")[0] == 0
    code, _, err = esep(tmp_path / "admin", "server", "admin", "revoke-tokens", "--user",
                        "dist1", "--db", server.db_url)
    assert code == 0, err
    code, out, err = esep(data, "sync")
    assert code == 1
    assert out[-1]["error"] == "token_revoked"
    assert "no longer accepts the saved token" in err and "token file was removed" in err
    assert not (data / "sync-token").exists()
    code, _, err = esep(data, "--lang", "en", "sync")  # nothing stored: a login is asked for
    assert code == 1 and "not logged in" in err


def test_a_watch_ends_on_a_revoked_token_and_the_file_goes(server, wire, tmp_path):
    data = tmp_path / "d"
    assert login(data, wire.url, "--keep-token-in-file")[0] == 0
    assert esep(tmp_path / "admin", "server", "admin", "revoke-tokens", "--user", "dist1",
                "--db", server.db_url)[0] == 0
    code, out, err = esep(data, "sync", "--watch", "--probe-interval", "0.2")
    assert code == 1
    assert [line["error"] for line in out] == ["token_revoked"], out
    assert "token file was removed" in err
    assert not (data / "sync-token").exists()


def test_passwd_keeps_the_new_token_in_the_file(server, wire, tmp_path):
    """A password change revokes the other tokens: the new one replaces the file's."""
    data = tmp_path / "d"
    assert login(data, wire.url, "--keep-token-in-file")[0] == 0
    before = json.loads((data / "sync-token").read_text(encoding="utf-8"))["token"]
    code, out, err = esep(data, "passwd", "--password-stdin",
                          stdin=f"{PASSWORD}\nanother pass phrase 2\n")
    assert code == 0 and out[-1]["token_saved"] is True, err
    after = json.loads((data / "sync-token").read_text(encoding="utf-8"))["token"]
    assert after != before
    assert stat.S_IMODE((data / "sync-token").stat().st_mode) == 0o600
    wire.captured_up.clear()
    code, _, err = esep(data, "sync")
    assert code == 0, err
    assert requests_on_wire(wire) == ["/api/v1/sync/pull"]


def test_logout_revokes_and_removes_the_file(server, wire, tmp_path):
    data = tmp_path / "d"
    assert login(data, wire.url, "--keep-token-in-file")[0] == 0
    token = json.loads((data / "sync-token").read_text(encoding="utf-8"))["token"]
    code, out, err = esep(data, "logout")
    assert code == 0, err
    assert out[-1]["revoked"] is True and out[-1]["forgotten"] is True
    assert not (data / "sync-token").exists()
    import requests

    answer = requests.get(server.url + "/api/v1/me", timeout=10,
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401  # revoked on the server, not only forgotten here


def test_without_the_opt_in_nothing_is_written(server, wire, tmp_path):
    data = tmp_path / "d"
    code, out, err = login(data, wire.url)
    assert code == 0, err
    assert out[-1]["token_saved"] is False and "token_file" not in out[-1]
    assert not (data / "sync-token").exists()
    code, _, err = esep(data, "sync")
    assert code == 1 and "--password-stdin" in err
    wire.captured_up.clear()
    code, _, err = esep(data, "sync", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert requests_on_wire(wire) == ["/api/v1/auth/login", "/api/v1/sync/pull"]
    assert not (data / "sync-token").exists()
    secret = PASSWORD.encode()
    for path in data.rglob("*"):
        assert not (path.is_file() and secret in path.read_bytes()), path


def test_with_a_keyring_the_keyring_wins(server, tmp_path, monkeypatch, capsys):
    """In-process, with a stand-in OS keyring: the flag writes no file, and says so."""
    import io

    import keyring
    from test_sync_support import MemoryKeyring

    from cli.main import main

    ring = MemoryKeyring()
    keyring.set_keyring(ring)  # conftest puts the machine's keyring back after the test
    data = tmp_path / "d"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(data), "--lang", "en", "login", "--server", server.url,
                 "--user", "dist1", "--password-stdin", "--keep-token-in-file"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out.splitlines()[-1])["token_saved"] is True
    assert "OS keyring: the token is kept there" in err
    assert ring.items.get(("esep", f"{server.url} dist1"))
    assert not (data / "sync-token").exists()
