"""Operations of the central server (issue 14, points 2, 3 and the backup part of 7): settings
from a TOML file and the environment, no password on the command line, `esep server migrate
[--check]`, workers that never migrate at once, encrypted backup and restore through the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from server_fixtures import make_pg_database
from test_server_cli import _free_port

from server.config import ConfigError, Settings, check_no_password, load_settings
from server.db import make_engine, pending_migrations, records, run_migrations

ROOT = Path(__file__).resolve().parents[1]


def _esep(*args: str, stdin: str | None = None, env: dict | None = None):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=300, check=False,
                          env=dict(os.environ, **(env or {})))


# -- settings ----------------------------------------------------------------------------------
def test_settings_file_then_environment(tmp_path):
    cfg = tmp_path / "esep.toml"
    cfg.write_text('[server]\ndb = "postgresql://esep:s3cret@db/esep"\ntoken_ttl_hours = 12\n'
                   'max_failed_logins = 9\ntrusted_proxies = ["10.0.0.1", "10.0.0.2"]\n'
                   "public_docs = false\n", encoding="utf-8")
    s = load_settings(env={"ESEP_SERVER_CONFIG": str(cfg), "ESEP_TOKEN_TTL_HOURS": "48",
                           "ESEP_LOCKOUT_S": "60", "ESEP_MAX_BODY_BYTES": "2048"})
    assert (s.token_ttl_hours, s.max_failed_logins, s.lockout_s, s.max_body_bytes) == \
        (48, 9, 60, 2048)  # the environment wins over the file
    assert s.trusted_proxies == ("10.0.0.1", "10.0.0.2") and s.public_docs is False
    assert s.db_url == "postgresql+psycopg://esep:s3cret@db/esep"
    env = {"ESEP_SERVER_DB": "sqlite:////srv/x.sqlite3", "ESEP_TRUSTED_PROXIES": "127.0.0.1,::1",
           "ESEP_PUBLIC_DOCS": "no"}
    s = load_settings(env=env)
    assert s.db == "sqlite:////srv/x.sqlite3" and s.trusted_proxies == ("127.0.0.1", "::1")
    assert s.public_docs is False and load_settings(env={}) == Settings()


@pytest.mark.parametrize("env, text", [
    ({"ESEP_TOKEN_TTL_HOURS": "two weeks"}, "ESEP_TOKEN_TTL_HOURS: 'two weeks' is not a whole"),
    ({"ESEP_MAX_FAILED_LOGINS": "0"}, "ESEP_MAX_FAILED_LOGINS: 0 is below the minimum 1"),
    ({"ESEP_PUBLIC_DOCS": "maybe"}, "ESEP_PUBLIC_DOCS: 'maybe' is not a yes/no value"),
])
def test_bad_settings_say_which_and_why(env, text):
    with pytest.raises(ConfigError, match=text):
        load_settings(env=env)


def test_bad_config_file_names_the_key(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("token_ttl = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'token_ttl' \(allowed: db, "):
        load_settings(cfg, env={})
    cfg.write_text("token_ttl_hours = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(cfg, env={})


def test_a_password_on_the_command_line_is_refused(tmp_path):
    check_no_password("postgresql://esep@db/esep")  # no password: fine
    with pytest.raises(ConfigError, match="--db holds a password"):
        check_no_password("postgresql://esep:s3cret@db/esep")
    r = _esep("server", "migrate", "--db", "postgresql://esep:s3cret@127.0.0.1:1/x")
    assert r.returncode == 1 and "holds a password" in r.stderr and "s3cret" not in r.stderr


def test_config_option_names_the_database(tmp_path):
    db = tmp_path / "from-file.sqlite3"
    cfg = tmp_path / "server.toml"
    cfg.write_text(f'db = "sqlite:///{db}"\n', encoding="utf-8")
    r = _esep("server", "migrate", "--config", str(cfg))
    assert r.returncode == 0 and "applied 0001" in r.stdout, r.stderr
    assert db.exists()
    cfg.write_text("lockout_s = -1\n", encoding="utf-8")
    r = _esep("server", "migrate", "--config", str(cfg))
    assert r.returncode == 1 and "key lockout_s: -1 is below the minimum 0" in r.stderr


def test_environment_reaches_the_served_app(tmp_path):
    """ESEP_SERVER_DB names the database and ESEP_PUBLIC_DOCS=false hides /docs."""
    db = tmp_path / "env.sqlite3"
    port = _free_port()
    env = dict(os.environ, ESEP_SERVER_DB=f"sqlite:///{db}", ESEP_PUBLIC_DOCS="false")
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = _wait(f"http://127.0.0.1:{port}", proc)
        assert requests.get(url + "/docs", timeout=5).status_code == 404
        assert requests.get(url + "/openapi.json", timeout=5).status_code == 404
        assert db.exists()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait(url: str, proc: subprocess.Popen, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.communicate(timeout=20)[1].decode()[-3000:])
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return url
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.terminate()
    raise AssertionError(proc.communicate(timeout=20)[1].decode()[-3000:])


# -- migrations --------------------------------------------------------------------------------
def test_migrate_check_then_migrate(tmp_path):
    db = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    engine = make_engine(db)
    run_migrations(engine, "0001")
    engine.dispose()
    r = _esep("server", "migrate", "--check", "--db", db)
    assert r.returncode == 1 and "migrations pending: 0002" in r.stdout, r.stdout + r.stderr
    r = _esep("server", "migrate", "--db", db)
    assert r.returncode == 0 and "applied 0002" in r.stdout, r.stderr
    r = _esep("server", "migrate", "--check", "--db", db)
    assert r.returncode == 0 and "up to date" in r.stdout


def test_serving_without_auto_migrate_refuses_an_old_schema(tmp_path):
    db = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(db)
    run_migrations(engine, "0001")
    engine.dispose()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port), "--db",
                             db], cwd=ROOT, env=dict(os.environ, ESEP_AUTO_MIGRATE="false"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "run `esep server migrate` first" in err.decode()


@pytest.mark.pg
def test_two_workers_on_an_empty_postgresql_database_start_cleanly(pg_url):
    with make_pg_database(pg_url) as url:
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port),
                                 "--workers", "4"], cwd=ROOT,
                                env=dict(os.environ, ESEP_SERVER_DB=url),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            base = _wait(f"http://127.0.0.1:{port}", proc)
            ids = {requests.get(base + "/healthz", timeout=5).json()["server_id"]
                   for _ in range(12)}
            assert len(ids) == 1
        finally:
            proc.terminate()
            _, err = proc.communicate(timeout=60)
        text = err.decode()
        assert "UniqueViolation" not in text and "Traceback" not in text, text[-3000:]
        engine = make_engine(url)
        try:
            assert pending_migrations(engine) == []
        finally:
            engine.dispose()


@pytest.mark.pg
def test_concurrent_migrations_on_postgresql_wait_for_each_other(pg_url):
    """Four processes migrate one empty database at the same instant: none fails."""
    with make_pg_database(pg_url) as url:
        procs = [subprocess.Popen([sys.executable, "main.py", "server", "migrate"], cwd=ROOT,
                                  env=dict(os.environ, ESEP_SERVER_DB=url), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
        outs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, [o[1][-1500:] for o in outs]
        assert sum("applied 0001" in o[0] for o in outs) == 1


# -- backup and restore ------------------------------------------------------------------------
def _count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one()
    finally:
        engine.dispose()


def _put_record(url: str, rid: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(records.insert().values(
                id=rid, form="monthly_report", form_version=1, org_unit="X", region="SHY",
                period="2024-01", status="draft", data="{}", revision=1, version=1,
                deleted=False, updated_at="t", updated_by="u", created_by="u", change_seq=None))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def any_db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'b.sqlite3'}"
        yield url
        return
    with make_pg_database(request.getfixturevalue("pg_url")) as url:
        yield url


def test_encrypted_backup_and_restore_through_the_cli(any_db, tmp_path):
    r = _esep("server", "migrate", env={"ESEP_SERVER_DB": any_db})
    assert r.returncode == 0, r.stderr
    _put_record(any_db, "kept")
    out = tmp_path / "esep.backup"
    r = _esep("server", "admin", "backup", "-o", str(out), "--passphrase-stdin",
              stdin="correct horse\n", env={"ESEP_SERVER_DB": any_db})
    assert r.returncode == 0, r.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    raw = out.read_bytes()
    assert b"kept" not in raw and b"PGDMP" not in raw and b"SQLite" not in raw
    _put_record(any_db, "after-the-backup")
    r = _esep("server", "admin", "restore", str(out), "--passphrase-stdin",
              stdin="wrong horse\n", env={"ESEP_SERVER_DB": any_db})
    assert r.returncode == 1 and "wrong passphrase" in r.stderr
    assert _count(any_db) == 2  # a refused restore changes nothing
    r = _esep("server", "admin", "restore", str(out), env={"ESEP_SERVER_DB": any_db})
    assert r.returncode == 1 and "is encrypted" in r.stderr
    engine = make_engine(any_db)
    with engine.connect() as conn:
        before = conn.execute(sa.text("SELECT value FROM server_meta WHERE name = 'epoch'")
                              ).scalar_one()
    engine.dispose()
    r = _esep("server", "admin", "restore", str(out), "--passphrase-stdin",
              stdin="correct horse\n", env={"ESEP_SERVER_DB": any_db})
    assert r.returncode == 0, r.stderr
    assert _count(any_db) == 1  # the state of the backup
    assert '"epoch"' in r.stdout and before not in r.stdout  # a new epoch


def test_restore_refuses_a_backup_of_the_other_kind(tmp_path):
    plain = tmp_path / "not-a-backup.bin"
    plain.write_bytes(b"PGDMP" + b"\0" * 100)
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    r = _esep("server", "admin", "restore", str(plain), "--db", db)
    assert r.returncode == 1 and "is a postgresql backup; the database is sqlite" in r.stderr
