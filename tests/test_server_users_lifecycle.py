"""User lifecycle on a real server, SQLite and PostgreSQL: bulk import from CSV (all or
nothing, errors by line and column, one-time passwords in a 0600 file), reset with a forced
change, disable / enable, unlock, revoke, scope checks for every role, self-service change."""
from __future__ import annotations

import csv
import os
import stat

from tests.ops_helpers import API, call, db_url, esep, login, scalar, seeded, token_of  # noqa: F401
from tests.server_fixtures import PASSWORD

GOOD = ("username;role;region;district\n"
        "akmaral;district;;SHY-ABAY\n"
        "бауыржан;region;SHY;\n"
        "trainer7;trainer;AST;\n")


def _read_passwords(path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["username"]: r["one_time_password"] for r in csv.DictReader(fh)}


def test_import_users_cli_all_or_nothing_then_one_time_passwords(seeded, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(("username;role;region;district\n"
                     "ok1;district;;SHY-ABAY\n"
                     "t9;trainer;NOPE;\n"
                     "ok1;central;;\n"
                     "d1;district;;NOWHERE\n").encode("cp1251"))
    r = esep("server", "admin", "import-users", "--db", seeded.db_url, str(bad))
    assert r.returncode == 1
    err = r.stderr
    assert "line 3, column region: 'NOPE' is not a known region code (allowed: " in err
    assert "AST" in err and "SHY" in err
    assert "line 4, column username: 'ok1' appears twice (also on line 2)" in err
    assert "line 5, column username: 'd1' already exists" in err
    assert "line 5, column district: 'NOWHERE' is not a known district" in err
    assert scalar(seeded.db_url, "SELECT count(*) FROM users WHERE username = 'ok1'") == 0
    assert not (tmp_path / "bad.csv.passwords.csv").exists()

    good = tmp_path / "users.csv"
    good.write_bytes(GOOD.encode("cp1251"))  # Windows-1251, `;`: as Excel saves it
    r = esep("server", "admin", "import-users", "--db", seeded.db_url, str(good))
    assert r.returncode == 0, r.stderr
    out = tmp_path / "users.csv.passwords.csv"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    passwords = _read_passwords(out)
    assert set(passwords) == {"akmaral", "бауыржан", "trainer7"}
    again = esep("server", "admin", "import-users", "--db", seeded.db_url, str(good))
    assert again.returncode == 1 and "exists" in again.stderr  # never overwritten

    status, answer = login(seeded.url, "бауыржан", passwords["бауыржан"])
    assert status == 200 and answer["must_change_password"] is True
    assert answer["user"] == {"username": "бауыржан", "role": "region", "region": "SHY",
                              "district": None}
    token = answer["token"]
    status, body = call(seeded.url, "GET", API + "/me", token=token)
    assert status == 403 and body["detail"]["code"] == "password_change_required"
    status, body = call(seeded.url, "POST", API + "/auth/password", token=token,
                        body={"old_password": passwords["бауыржан"], "new_password": "short"})
    assert status == 422 and "at least 8" in body["detail"]["message"]
    status, body = call(seeded.url, "POST", API + "/auth/password", token=token,
                        body={"old_password": passwords["бауыржан"],
                              "new_password": "a-new-good-one"})
    assert status == 200, body
    assert call(seeded.url, "GET", API + "/me", token=token)[0] == 200
    assert login(seeded.url, "бауыржан", passwords["бауыржан"])[0] == 401
    assert login(seeded.url, "бауыржан", "a-new-good-one")[1]["must_change_password"] is False


def test_import_users_api_utf8_bom_and_commas(seeded):
    admin = token_of(seeded.url, "a1", PASSWORD)
    text = "\ufeffUsername,Role,Region,District\nnew-d,district,SHY,SHY-ENB\nnew-c,central,,\n"
    status, body = call(seeded.url, "POST", API + "/users/import", token=admin,
                        raw=text.encode("utf-8"), content_type="text/csv")
    assert status == 201, body
    assert body["imported"] == 2
    got = {u["username"]: u for u in body["users"]}
    assert got["new-d"]["region"] == "SHY" and got["new-d"]["district"] == "SHY-ENB"
    assert login(seeded.url, "new-c", got["new-c"]["password"])[1]["must_change_password"]
    status, body = call(seeded.url, "POST", API + "/users/import", token=admin,
                        raw="Username,Role,Район\nx1,district,\nx2,центр,\n".encode(),
                        content_type="text/csv")  # UTF-8 without a BOM
    assert status == 422
    assert body["detail"]["errors"] == [
        "line 2, column district: a district user needs a district",
        "line 3, column Role: 'центр' is not one of district, region, trainer, central, admin"]
    d1 = token_of(seeded.url, "d1", PASSWORD)
    assert call(seeded.url, "POST", API + "/users/import", token=d1, raw=b"x",
                content_type="text/csv")[0] == 403


def test_scope_fields_checked_for_every_role(seeded):
    admin = token_of(seeded.url, "a1", PASSWORD)

    def create(**fields):
        body = {"username": "u-" + fields["role"], "password": "long-enough-1", **fields}
        return call(seeded.url, "POST", API + "/users", body, token=admin)

    status, body = create(role="trainer", region="NOPE")
    assert status == 422
    assert "region: 'NOPE' is not a known region code (allowed: " in body["detail"]["message"]
    assert "SHY" in body["detail"]["message"]
    status, body = create(role="region", region="NOPE")
    assert status == 422 and "allowed: " in body["detail"]["message"]
    status, body = create(role="central", region="SHY")
    assert status == 422 and "leave region empty" in body["detail"]["message"]
    status, body = create(role="district", region="AST", district="SHY-ABAY")
    assert status == 422 and "lies in region SHY, not in AST" in body["detail"]["message"]
    status, body = create(role="district", district="SHY-NOPE", region="SHY")
    assert status == 422 and "allowed in SHY: SHY-ABAY, SHY-ENB" in body["detail"]["message"]
    assert create(role="trainer", region="AST")[0] == 201
    r = esep("server", "admin", "create-user", "--db", seeded.db_url, "--user", "t-x",
             "--role", "trainer", "--region", "NOPE", "--password-stdin",
             stdin="long-enough-1\n")
    assert r.returncode == 1 and "'NOPE' is not a known region code" in r.stderr


def test_reset_disable_enable_revoke_and_the_audit_log(seeded):
    admin = token_of(seeded.url, "a1", PASSWORD)
    d1 = token_of(seeded.url, "d1", PASSWORD)
    status, body = call(seeded.url, "POST", API + "/users/d1/reset-password", token=admin)
    assert status == 200 and body["must_change_password"] and body["revoked"] >= 1
    one_time = body["password"]
    assert call(seeded.url, "GET", API + "/me", token=d1)[0] == 401  # tokens revoked
    assert login(seeded.url, "d1", PASSWORD)[0] == 401
    pending = token_of(seeded.url, "d1", one_time)
    status, body = call(seeded.url, "GET", API + "/sync/pull", token=pending)
    assert status == 403 and body["detail"]["code"] == "password_change_required"
    status, _ = call(seeded.url, "PUT", API + "/users/d1/password", token=admin,
                     body={"password": PASSWORD})
    assert status == 200 and login(seeded.url, "d1", PASSWORD)[1]["must_change_password"] is False

    assert call(seeded.url, "POST", API + "/users/d2/disable", token=admin)[0] == 200
    assert login(seeded.url, "d2", PASSWORD)[0] == 401
    assert call(seeded.url, "POST", API + "/users/d2/enable", token=admin)[0] == 200
    d2 = token_of(seeded.url, "d2", PASSWORD)
    status, body = call(seeded.url, "POST", API + "/users/d2/revoke-tokens", token=admin)
    assert status == 200 and body["revoked"] >= 1
    assert call(seeded.url, "GET", API + "/me", token=d2)[0] == 401
    assert call(seeded.url, "POST", API + "/users/nobody/disable", token=admin)[0] == 404
    d1 = token_of(seeded.url, "d1", PASSWORD)
    assert call(seeded.url, "POST", API + "/users/d2/disable", token=d1)[0] == 403

    status, entries = call(seeded.url, "GET", API + "/audit?limit=20", token=admin)
    assert status == 200
    done = [(e["actor"], e["action"], e["target"]) for e in entries]
    assert done[:5] == [("a1", "revoke_tokens", "d2"), ("a1", "enable", "d2"),
                        ("a1", "disable", "d2"), ("a1", "set_password", "d1"),
                        ("a1", "reset_password", "d1")]
    assert one_time not in str(entries) and PASSWORD not in str(entries)
    r = esep("server", "admin", "audit", "--db", seeded.db_url, "--user", "d2", "--limit", "2")
    assert r.returncode == 0, r.stderr
    assert [line.split('"action": "')[1].split('"')[0] for line in r.stdout.splitlines()] == [
        "revoke_tokens", "enable"]


def test_cli_lifecycle_commands(seeded):
    r = esep("server", "admin", "reset-password", "--db", seeded.db_url, "--user", "r1")
    assert r.returncode == 0, r.stderr
    assert '"must_change_password": true' in r.stdout
    r = esep("server", "admin", "set-password", "--db", seeded.db_url, "--user", "r1",
             "--password-stdin", stdin="brand-new-password\n")
    assert r.returncode == 0, r.stderr
    assert login(seeded.url, "r1", "brand-new-password")[0] == 200
    r = esep("server", "admin", "disable", "--db", seeded.db_url, "--user", "r1")
    assert r.returncode == 0 and login(seeded.url, "r1", "brand-new-password")[0] == 401
    r = esep("server", "admin", "enable", "--db", seeded.db_url, "--user", "r1")
    assert r.returncode == 0 and login(seeded.url, "r1", "brand-new-password")[0] == 200
    r = esep("server", "admin", "unlock", "--db", seeded.db_url, "--user", "ghost")
    assert r.returncode == 1 and "'ghost' does not exist" in r.stderr
    actions = scalar(seeded.db_url, "SELECT count(*) FROM audit_log WHERE target = 'r1' "
                     "AND actor LIKE 'cli:%'")
    assert actions == 4


def test_esep_passwd_changes_a_reset_password(seeded, tmp_path):
    r = esep("server", "admin", "reset-password", "--db", seeded.db_url, "--user", "d3")
    one_time = r.stdout.split('"password": "')[1].split('"')[0]
    env = {**os.environ, "ESEP_DATA_DIR": str(tmp_path / "data")}
    r = esep("login", "--server", seeded.url, "--user", "d3", "--password-stdin",
             stdin=one_time + "\n", env=env)
    assert r.returncode == 1 and "esep passwd" in r.stderr
    r = esep("passwd", "--server", seeded.url, "--user", "d3", "--password-stdin",
             stdin=f"{one_time}\nthe-district-3-pass\n", env=env)
    assert r.returncode == 0, r.stderr
    assert login(seeded.url, "d3", "the-district-3-pass")[1]["must_change_password"] is False
    r = esep("passwd", "--server", seeded.url, "--user", "d3", "--password-stdin",
             stdin="wrong-one\nanother-pass-1\n", env=env)
    assert r.returncode == 1 and "пароль не изменён" in r.stderr
