"""The central server as a new operator meets it (README "Administering users", docs/admin.md,
docs/deploy.md): districts typed by hand in Excel's CSV, a database URL that cannot be used, a
port already taken, an outdated schema with auto_migrate off. Every refusal says what, why and
what to do, never a traceback, and changes nothing."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from server_fixtures import make_pg_database

from server.config import normalize_db_url

ROOT = Path(__file__).resolve().parent.parent


def _esep(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **env})


def _refused(r: subprocess.CompletedProcess, *words: str) -> None:
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    for word in words:
        assert word in r.stderr, r.stderr


def _districts(url: str) -> dict[str, tuple[str, str]]:
    engine = sa.create_engine(normalize_db_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, name_ru, name_kk FROM org_units "
                                        "WHERE kind = 'district'")).all()
    finally:
        engine.dispose()
    return {r.id: (r.name_ru, r.name_kk) for r in rows}


@pytest.mark.pg
def test_districts_as_excel_saves_them(pg_url, tmp_path):
    """Windows-1251 with «;», a blank line, a repeated id, an unknown region: every problem
    named by the file's line and its own column name, nothing saved; then UTF-8 with a BOM
    and a Kazakh «ә», stray spaces: imported."""
    bad = tmp_path / "районы.csv"
    bad.write_bytes(("ID;Region;Name_RU;Name_KK\r\nSHY-ABAY;SHY;Абайский район;Абай ауданы\r\n"
                     "\r\nSHY-ALF;SHY;Аль-Фарабийский район;Ал-Фараби ауданы\r\n"
                     "SHY-ABAY;SHY;Абайский;Абай\r\nKZ-X;XXX;Неизвестный;Белгісіз\r\n"
                     ).encode("cp1251"))
    good = tmp_path / "districts.csv"
    good.write_bytes("\ufeffid,region,name_ru,name_kk,name_en\r\n"
                     "SHY-ALF,SHY, Аль-Фарабийский район ,Әл-Фараби ауданы,Al-Farabi\r\n\r\n"
                     .encode("utf-8"))
    with make_pg_database(pg_url) as url:
        r = _esep("server", "admin", "import-orgunits", "--db", url, str(bad))
        _refused(r, "line 5, column ID: 'SHY-ABAY' appears twice in the file (also on line 2)",
                 "line 6, column Region: 'XXX' is not a known region code (allowed: ABA,")
        assert _districts(url) == {}
        r = _esep("server", "admin", "import-orgunits", "--db", url, str(good))
        assert r.returncode == 0, r.stderr
        assert _districts(url) == {"SHY-ALF": ("Аль-Фарабийский район", "Әл-Фараби ауданы")}
        r = _esep("server", "admin", "create-user", "--db", url, "--user", "әлия", "--role",
                  "district", "--district", "SHY-ALF", "--password-stdin",
                  stdin="long-password-1\n")
        assert r.returncode == 0, r.stderr
        audit = [json.loads(x) for x in
                 _esep("server", "admin", "audit", "--db", url).stdout.splitlines()]
        assert audit[0]["action"] == "create_user" and audit[0]["actor"].startswith("cli:")


def test_a_missing_districts_file_is_said_in_english(tmp_path):
    r = _esep("server", "admin", "import-orgunits", "--db",
              f"sqlite:///{tmp_path / 's.sqlite3'}", str(tmp_path / "none.csv"))
    _refused(r, "none.csv: no such file or folder")


@pytest.mark.pg
def test_a_database_that_cannot_be_used_is_said(pg_url, tmp_path):
    base = sa.engine.make_url(normalize_db_url(pg_url))
    missing = base.set(database="esep_no_such_db").render_as_string(hide_password=False)
    for args in (("server", "admin", "list-users", "--db", missing),
                 ("server", "migrate", "--db", missing),
                 ("server", "--db", missing, "--port", "18999")):
        _refused(_esep(*args), "esep_no_such_db", "does not exist", "createdb",
                 "nothing was changed")
    r = _esep("server", "admin", "list-users", ESEP_SERVER_DB="mysql://root@localhost/esep")
    _refused(r, "environment variable ESEP_SERVER_DB", "postgresql://user@host:5432/dbname")
    r = _esep("server", "admin", "list-users", "--db",
              f"sqlite:///{tmp_path / 'no' / 'folder' / 's.sqlite3'}")
    _refused(r, "cannot be used", "folder exists")


def test_a_port_already_taken_is_said_before_anything_is_done(tmp_path):
    db = tmp_path / "s.sqlite3"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = _esep("server", "--db", f"sqlite:///{db}", "--port", str(port))
    _refused(r, f"127.0.0.1:{port} is already in use", "--port")
    assert not db.exists()  # refused before the database was made


@pytest.mark.pg
def test_an_outdated_schema_with_auto_migrate_off_is_refused_not_migrated(pg_url):
    from server.db import make_engine, pending_migrations, run_migrations

    with make_pg_database(pg_url) as url:
        engine = make_engine(url)
        run_migrations(engine, target="0005")
        for args in (("server", "--db", url, "--port", "18998"),
                     ("server", "--db", url, "--port", "18998", "--workers", "2"),
                     ("server", "admin", "list-users", "--db", url)):
            r = _esep(*args, ESEP_AUTO_MIGRATE="false")
            _refused(r, "missing migrations 0006", "esep server migrate")
        assert pending_migrations(engine)[0] == "0006"
        engine.dispose()


def test_every_setting_is_in_the_deploy_table_with_its_variable_and_default():
    """docs/deploy.md's table is what an operator reads: each Settings field, its environment
    variable and its default as the code has them."""
    import dataclasses

    from server.config import Settings, env_name

    table = {}
    for line in (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            table[cells[0]] = cells[1:3]
    fields = dataclasses.fields(Settings)
    assert sorted(table) == sorted(f.name for f in fields)
    for f in fields:
        variable, default = table[f.name]
        assert variable == env_name(f.name)
        if isinstance(f.default, int | bool) and f.name != "db":
            assert default.split()[0] == str(f.default).lower(), (f.name, default)


def test_an_admin_command_without_a_database_says_which_file_it_uses(tmp_path):
    """Forgetting to read /etc/esep/server.env would otherwise create users in a new SQLite
    file of the data folder without a word."""
    r = _esep("server", "admin", "list-users", ESEP_DATA_DIR=str(tmp_path),
              ESEP_SERVER_DB="", ESEP_SERVER_CONFIG="")
    assert r.returncode == 0, r.stderr
    assert f"using the SQLite file sqlite:///{tmp_path}/esep-server.sqlite3" in r.stderr
    assert "/etc/esep/server.env" in r.stderr and r.stderr.count("esep:") == 1


def test_status_refuses_a_negative_silence(tmp_path):
    db = f"sqlite:///{tmp_path / 's.sqlite3'}"
    r = _esep("server", "admin", "status", "--db", db, "--silent-days", "-3")
    assert r.returncode == 2 and "'-3' is not a number of days from 0 to 3650" in r.stderr
    r = _esep("server", "admin", "status", "--db", db, "--silent-days", "0")
    assert r.returncode == 0, r.stderr


def test_a_locked_out_login_says_how_long_and_who_can_lift_it(tmp_path):
    """Five wrong passwords lock d1 from this address (docs/admin.md): the sixth login is
    told when to try again and about `unlock`, not «HTTP 429 locked_out»; unlock lifts it."""
    from server_fixtures import PASSWORD, seed_world
    from test_server_cli import _serve

    db = f"sqlite:///{tmp_path / 's.sqlite3'}"
    proc, url = _serve("--db", db, env={**os.environ, "ESEP_LOCKOUT_S": "300"})
    try:
        seed_world(db)
        data = str(tmp_path / "client")
        login = ("--data-dir", data, "--lang", "en", "login", "--server", url, "--user",
                 "d1", "--password-stdin")
        for _ in range(5):
            assert "refused user d1" in _esep(*login, stdin="wrong-pass\n").stderr
        r = _esep(*login, stdin=PASSWORD + "\n")
        _refused(r, "too many wrong passwords", "try again in 5 min", "esep server admin unlock")
        assert _esep("server", "admin", "unlock", "--db", db, "--user", "d1").returncode == 0
        r = _esep(*login, stdin=PASSWORD + "\n")
        assert r.returncode == 0, r.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=60)
