"""Login throttling by user and address: a stranger's failures lock only the stranger's
address; a re-login from a device replaces its token; expired tokens are pruned."""
from __future__ import annotations

from server.config import Settings
from tests.ops_helpers import API, call, db_url, login, scalar, seeded, token_of  # noqa: F401
from tests.server_fixtures import PASSWORD, run_server, seed_world

STRANGER, OFFICE = "127.0.0.2", "127.0.0.1"


def test_a_stranger_cannot_lock_a_district_out(seeded):
    for _ in range(5):
        assert login(seeded.url, "d1", "guess", source=STRANGER)[0] == 401
    status, body = login(seeded.url, "d1", PASSWORD, source=STRANGER)
    assert status == 429 and body["detail"]["code"] == "locked_out"
    assert login(seeded.url, "d1", PASSWORD, source=OFFICE)[0] == 200  # the office still can
    admin = token_of(seeded.url, "a1", PASSWORD)
    status, body = call(seeded.url, "POST", API + "/users/d1/unlock", token=admin)
    assert status == 200 and body["cleared"] >= 1
    assert login(seeded.url, "d1", PASSWORD, source=STRANGER)[0] == 200


def test_an_address_trying_many_names_is_locked_altogether(db_url):
    srv = run_server(db_url, Settings(max_failed_logins_per_address=4))
    try:
        seed_world(db_url)
        for name in ("x1", "x2", "x3", "x4"):
            assert login(srv.url, name, "guess", source="127.0.0.3")[0] == 401
        status, body = login(srv.url, "d2", PASSWORD, source="127.0.0.3")
        assert status == 429 and body["detail"]["retry_after"] > 0
        assert login(srv.url, "d2", PASSWORD, source=OFFICE)[0] == 200
    finally:
        srv.stop()


def test_relogin_from_a_device_replaces_its_token_and_expired_ones_go(seeded):
    first = token_of(seeded.url, "d2", PASSWORD, device_id="laptop-1")
    second = token_of(seeded.url, "d2", PASSWORD, device_id="laptop-1")
    other = token_of(seeded.url, "d2", PASSWORD, device_id="phone-2")
    assert call(seeded.url, "GET", API + "/me", token=first)[0] == 401
    assert call(seeded.url, "GET", API + "/me", token=second)[0] == 200
    assert call(seeded.url, "GET", API + "/me", token=other)[0] == 200
    assert scalar(seeded.db_url, "SELECT count(*) FROM tokens WHERE username = 'd2'") == 2
    from server.db import make_engine

    engine = make_engine(seeded.db_url)  # let the phone's token run out
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE tokens SET expires_at = 1 WHERE device_id = 'phone-2'")
    engine.dispose()
    assert call(seeded.url, "GET", API + "/me", token=other)[0] == 401
    token_of(seeded.url, "c1", PASSWORD)  # any login prunes
    assert scalar(seeded.db_url, "SELECT count(*) FROM tokens WHERE device_id = 'phone-2'") == 0


def test_guessing_the_current_password_with_a_token_is_throttled_too(seeded):
    token = token_of(seeded.url, "d3", PASSWORD, source=STRANGER)
    body = {"old_password": "guess", "new_password": "whatever-long"}
    for _ in range(5):
        status, answer = call(seeded.url, "POST", API + "/auth/password", body, token=token,
                              source=STRANGER)
        assert status == 403 and answer["detail"]["code"] == "bad_credentials"
    body["old_password"] = PASSWORD
    status, answer = call(seeded.url, "POST", API + "/auth/password", body, token=token,
                          source=STRANGER)
    assert status == 429
    assert login(seeded.url, "d3", PASSWORD, source=OFFICE)[0] == 200
