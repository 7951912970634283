"""Central API basics through real HTTP: health, auth, tokens, lockout, gzip, schema gate."""
from __future__ import annotations

import gzip
import json
import time

import pytest
import requests

from server.admin import region_codes
from server.config import Settings
from sync.protocol import SCHEMA_HEADER
from tests.server_fixtures import (
    PASSWORD,
    api_session,
    create_user,
    import_orgunits,
    run_server,
    seed_world,
)


@pytest.fixture
def server(tmp_path):
    srv = run_server(f"sqlite:///{tmp_path / 'api.sqlite3'}",
                     Settings(max_failed_logins=3, lockout_s=2, failure_window_s=60))
    seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY"),
                            "r1": ("region", "SHY", None), "a1": ("admin", None, None)})
    yield srv
    srv.stop()


def test_healthz_and_openapi(server):
    health = requests.get(server.url + "/healthz", timeout=5).json()
    assert health["ok"] is True and len(health["server_id"]) == 32
    pulled = api_session(server.url, "d1").get(server.url + "/api/v1/sync/pull", timeout=5)
    assert pulled.json()["server_id"] == health["server_id"]  # the same id, stable
    spec = requests.get(server.url + "/openapi.json", timeout=5).json()
    assert "/api/v1/sync/push" in spec["paths"] and "/api/v1/sync/pull" in spec["paths"]


def test_login_me_logout_revokes_token(server):
    s = api_session(server.url, "d1")
    me = s.get(server.url + "/api/v1/me", timeout=5).json()
    assert me == {"username": "d1", "role": "district", "region": "SHY", "district": "SHY-ABAY"}
    assert s.post(server.url + "/api/v1/auth/logout", timeout=5).json() == {"ok": True}
    r = s.get(server.url + "/api/v1/me", timeout=5)
    assert r.status_code == 401 and r.json()["detail"]["code"] == "invalid_token"


def test_token_is_stored_hashed(server):
    import sqlalchemy as sa

    s = api_session(server.url, "d1")
    token = s.headers["Authorization"].split()[1]
    engine = sa.create_engine(server.db_url)
    with engine.connect() as conn:
        stored = [r[0] for r in conn.execute(sa.text("select token_hash from tokens"))]
    engine.dispose()
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64


def test_no_or_bad_token_is_401(server):
    assert requests.get(server.url + "/api/v1/me", timeout=5).status_code == 401
    r = requests.get(server.url + "/api/v1/sync/pull",
                     headers={"Authorization": "Bearer nope"}, timeout=5)
    assert r.status_code == 401


def _login(server, password):
    return requests.post(server.url + "/api/v1/auth/login",
                         json={"username": "d1", "password": password}, timeout=10)


def test_wrong_password_then_lockout_then_release(server):
    assert _login(server, "wrong-1").status_code == 401
    assert _login(server, "wrong-2").status_code == 401
    assert _login(server, "wrong-3").status_code == 401
    locked = _login(server, PASSWORD)  # even the right password is refused while locked
    assert locked.status_code == 429 and locked.json()["detail"]["code"] == "locked_out"
    assert int(locked.headers["Retry-After"]) >= 1
    time.sleep(2.2)
    assert _login(server, PASSWORD).status_code == 200


def test_unknown_user_is_throttled_too(server):
    for _ in range(3):
        r = requests.post(server.url + "/api/v1/auth/login",
                          json={"username": "ghost", "password": "x"}, timeout=10)
        assert r.status_code == 401
    r = requests.post(server.url + "/api/v1/auth/login",
                      json={"username": "ghost", "password": "x"}, timeout=10)
    assert r.status_code == 429


def test_schema_mismatch_is_426_with_json(server):
    s = api_session(server.url, "d1")
    r = s.get(server.url + "/api/v1/sync/pull", headers={SCHEMA_HEADER: "999"}, timeout=5)
    assert r.status_code == 426
    assert r.json()["code"] == "schema_mismatch" and r.json()["server_schema"] == 1


def test_push_body_schema_version_mismatch_is_426(server):
    s = api_session(server.url, "d1")
    r = s.post(server.url + "/api/v1/sync/push",
               json={"device_id": "dev", "schema_version": 7, "ops": []}, timeout=5)
    assert r.status_code == 426


def test_gzip_request_and_response(server):
    s = api_session(server.url, "d1")
    body = gzip.compress(json.dumps({"device_id": "dev-gz", "schema_version": 1,
                                     "ops": []}).encode())
    r = s.post(server.url + "/api/v1/sync/push", data=body,
               headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
               timeout=5)
    assert r.status_code == 200, r.text
    assert r.json()["acks"] == []
    admin = api_session(server.url, "a1")  # sees all 20 regions: big enough to compress
    big = admin.get(server.url + "/api/v1/orgunits", headers={"Accept-Encoding": "gzip"},
                    timeout=5, stream=True)
    assert big.headers.get("Content-Encoding") == "gzip"
    assert any(u["id"] == "SHY-ABAY" for u in json.loads(gzip.decompress(big.raw.read())))


def test_broken_gzip_is_400(server):
    s = api_session(server.url, "d1")
    r = s.post(server.url + "/api/v1/sync/push", data=b"\x1f\x8bnot-gzip",
               headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
               timeout=5)
    assert r.status_code == 400 and r.json()["code"] == "bad_gzip"


def test_orgunits_scoped_for_district_and_region(server):
    d1 = api_session(server.url, "d1").get(server.url + "/api/v1/orgunits", timeout=5).json()
    assert sorted(u["id"] for u in d1) == ["SHY", "SHY-ABAY"]
    r1 = api_session(server.url, "r1").get(server.url + "/api/v1/orgunits", timeout=5).json()
    assert sorted(u["id"] for u in r1) == ["SHY", "SHY-ABAY", "SHY-ENB"]
    a1 = api_session(server.url, "a1").get(server.url + "/api/v1/orgunits", timeout=5).json()
    assert len([u for u in a1 if u["kind"] == "region"]) == 20


def test_forms_served_as_toml(server):
    forms = api_session(server.url, "d1").get(server.url + "/api/v1/forms", timeout=5).json()
    monthly = [f for f in forms if f["id"] == "monthly_report"]
    assert monthly and 'id = "monthly_report"' in monthly[0]["definition"]
    # every version, so a client can read a record of an older one (event v1 and v2)
    assert sorted(f["version"] for f in forms if f["id"] == "event") == [1, 2]


def test_admin_endpoints_only_for_admin(server):
    admin = api_session(server.url, "a1")
    r = admin.post(server.url + "/api/v1/users", json={
        "username": "d9", "password": "long-enough-pw", "role": "district",
        "district": "SHY-ENB"}, timeout=10)
    assert r.status_code == 201 and r.json()["region"] == "SHY"
    assert "d9" in [u["username"] for u in admin.get(server.url + "/api/v1/users",
                                                     timeout=5).json()]
    bad = admin.post(server.url + "/api/v1/users", json={
        "username": "d10", "password": "long-enough-pw", "role": "district",
        "district": "NOPE"}, timeout=10)
    assert bad.status_code == 422 and "NOPE" in bad.json()["detail"]["message"]
    d1 = api_session(server.url, "d1")
    assert d1.get(server.url + "/api/v1/users", timeout=5).status_code == 403
    assert d1.post(server.url + "/api/v1/orgunits", json=[], timeout=5).status_code == 403


def test_admin_orgunit_import_reports_rows(server):
    admin = api_session(server.url, "a1")
    r = admin.post(server.url + "/api/v1/orgunits", json=[
        {"id": "AST-NEW", "region": "AST", "name_ru": "Новый"},
        {"id": "X-1", "region": "XXX", "name_ru": "Плохой"}], timeout=5)
    assert r.status_code == 422
    assert r.json()["detail"]["errors"] == [
        "row 2: region: 'XXX' is not a known region code (allowed: " + ", ".join(
            sorted(region_codes())) + ")"]
    ids = [u["id"] for u in admin.get(server.url + "/api/v1/orgunits", timeout=5).json()]
    assert "AST-NEW" not in ids  # all or nothing


def test_helpers_create_users_and_units(tmp_path):
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    assert import_orgunits(url, [{"id": "ALA-MED", "region": "ALA", "name_ru": "Медеу"}]) == 1
    user = create_user(url, "alma", PASSWORD, "district", district="ALA-MED")
    assert user == {"username": "alma", "role": "district", "region": "ALA",
                    "district": "ALA-MED"}


def test_expired_token_is_refused(tmp_path):
    srv = run_server(f"sqlite:///{tmp_path / 'ttl.sqlite3'}", Settings(token_ttl_hours=0))
    try:
        seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
        s = api_session(srv.url, "d1")
        r = s.get(srv.url + "/api/v1/me", timeout=5)
        assert r.status_code == 401 and r.json()["detail"]["code"] == "invalid_token"
    finally:
        srv.stop()
