"""Authorization matrix: every role x own / other scope x every endpoint, through real HTTP."""
from __future__ import annotations

import itertools

import pytest

from tests.server_fixtures import (
    USERS,
    api_session,
    make_op,
    monthly_report,
    pull_all,
    push,
    run_server,
    seed_world,
)

# target name -> (org unit, owner who pushes it)
TARGETS = {"A": ("SHY-ABAY", "d1"), "B": ("SHY-ENB", "d2"), "C": ("AST-ESIL", "d3"),
           "R": ("SHY", "r1")}
READS = {"d1": "A", "d2": "B", "d3": "C", "r1": "ABR", "r2": "C", "t1": "", "t2": "",
         "c1": "ABCR", "a1": ""}
UNITS = ["SHY-ABAY", "SHY-ENB", "AST-ESIL", "SHY", "AST"]
CREATES = {"d1": {"SHY-ABAY"}, "d2": {"SHY-ENB"}, "d3": {"AST-ESIL"},
           "r1": {"SHY-ABAY", "SHY-ENB", "SHY"}, "r2": {"AST-ESIL", "AST"},
           "t1": set(), "t2": set(), "c1": set(), "a1": set()}
_periods = (f"{y}-{m:02d}" for y in range(1990, 2030) for m in range(1, 13))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    srv = run_server(f"sqlite:///{tmp_path_factory.mktemp('authz') / 'authz.sqlite3'}")
    seed_world(srv.db_url)
    sessions = {u: api_session(srv.url, u) for u in USERS}
    records = {}
    for name, (unit, owner) in TARGETS.items():
        rec = monthly_report(unit, next(_periods), status="submitted")
        ack = push(sessions[owner], srv.url, f"seed-{owner}", [make_op(len(records), rec)])
        assert ack.json()["acks"][0]["status"] == "applied", ack.text
        records[name] = rec["id"]
    yield srv, sessions, records
    srv.stop()


@pytest.mark.parametrize("user", sorted(USERS))
def test_pull_returns_exactly_the_scope(world, user):
    srv, sessions, records = world
    if user == "a1":
        assert sessions[user].get(srv.url + "/api/v1/sync/pull", timeout=5).status_code == 403
        return
    changes, _, _ = pull_all(sessions[user], srv.url)
    seen = {c["id"] for c in changes}
    assert seen & set(records.values()) == {records[t] for t in READS[user]}
    own_units = {TARGETS[t][0] for t in READS[user]}
    assert all(c["record"]["org_unit"] in own_units for c in changes) or user == "c1"


@pytest.mark.parametrize("user,target", list(itertools.product(sorted(USERS), TARGETS)))
def test_get_record_and_revisions(world, user, target):
    srv, sessions, records = world
    rid = records[target]
    for path in (f"/api/v1/records/{rid}", f"/api/v1/records/{rid}/revisions"):
        r = sessions[user].get(srv.url + path, timeout=5)
        expected = 403 if user == "a1" else 200 if target in READS[user] else 404
        assert r.status_code == expected, (user, target, path, r.text)


@pytest.mark.parametrize("user,unit", list(itertools.product(sorted(USERS), UNITS)))
def test_create_only_in_own_scope(world, user, unit):
    srv, sessions, _ = world
    rec = monthly_report(unit, next(_periods))
    r = push(sessions[user], srv.url, f"create-{user}", [make_op(abs(hash(unit)) % 10**9, rec)])
    if user == "a1":
        assert r.status_code == 403
        return
    ack = r.json()["acks"][0]
    expected = "applied" if unit in CREATES[user] else "rejected"
    assert ack["status"] == expected, (user, unit, ack)
    if expected == "rejected":
        assert ack["errors"][0]["code"] == "forbidden"


@pytest.mark.parametrize("user,target", list(itertools.product(sorted(USERS), TARGETS)))
def test_update_other_scope_is_rejected_without_leaking(world, user, target):
    srv, sessions, records = world
    if user == "a1" or target in READS[user]:
        return  # in-scope edits are covered by the workflow tests
    unit = TARGETS[target][0]
    rec = monthly_report(unit, "2001-01", rid=records[target], volunteers_total=0,
                         gender={}, age={}, occupation={})
    r = push(sessions[user], srv.url, f"upd-{user}", [make_op(hash(target) % 10**9, rec, 1)])
    ack = r.json()["acks"][0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "forbidden"
    assert ack.get("server") is None


@pytest.mark.parametrize("user,target", list(itertools.product(sorted(USERS), TARGETS)))
def test_review_only_region_in_scope_and_central(world, user, target):
    srv, sessions, _ = world
    unit, owner = TARGETS[target]
    rec = monthly_report(unit, next(_periods), status="submitted")
    ack = push(sessions[owner], srv.url, f"rv-{owner}", [make_op(abs(hash(rec["id"])) % 10**9,
                                                                 rec)]).json()["acks"][0]
    assert ack["status"] == "applied"
    r = sessions[user].post(f"{srv.url}/api/v1/records/{rec['id']}/review",
                            json={"action": "return", "comment": "check"}, timeout=5)
    if USERS[user][0] not in ("region", "central"):
        assert r.status_code == 403, (user, target)
    else:
        assert r.status_code == (200 if target in READS[user] else 404), (user, target, r.text)


@pytest.mark.parametrize("user", sorted(USERS))
def test_admin_endpoints(world, user):
    srv, sessions, _ = world
    s = sessions[user]
    expected = 200 if user == "a1" else 403
    assert s.get(srv.url + "/api/v1/users", timeout=5).status_code == expected
    assert s.post(srv.url + "/api/v1/orgunits", json=[], timeout=5).status_code == expected
    r = s.post(srv.url + "/api/v1/users", json={"username": f"new-{user}", "password":
                                                 "long-enough-pw", "role": "trainer"}, timeout=10)
    assert r.status_code == (201 if user == "a1" else 403)


@pytest.mark.parametrize("user", sorted(USERS))
def test_everyone_reads_me_forms_orgunits(world, user):
    srv, sessions, _ = world
    for path in ("/api/v1/me", "/api/v1/forms", "/api/v1/orgunits"):
        assert sessions[user].get(srv.url + path, timeout=5).status_code == 200


# hourly rates (DOMAIN decision 7): everyone reads; central/admin change any region, a region
# user only its own, district and trainer nothing
RATE_WRITES = {"a1": {"SHY", "AST"}, "c1": {"SHY", "AST"}, "r1": {"SHY"}, "r2": {"AST"},
               "d1": set(), "d2": set(), "d3": set(), "t1": set(), "t2": set()}


@pytest.mark.parametrize("user,region", list(itertools.product(sorted(USERS), ["SHY", "AST"])))
def test_rates_read_by_all_changed_by_central_admin_and_own_region(world, user, region):
    srv, sessions, _ = world
    s = sessions[user]
    assert s.get(srv.url + "/api/v1/rates", timeout=5).status_code == 200
    rate = 1000 + sorted(USERS).index(user)
    r = s.put(srv.url + "/api/v1/rates", timeout=10,
              json={"rates": [{"region": region, "year": 2030, "rate": rate}]})
    allowed = region in RATE_WRITES[user]
    assert r.status_code == (200 if allowed else 403), (user, region, r.text)
    got = {(x["region"], x["year"]): x["rate"]
           for x in s.get(srv.url + "/api/v1/rates", timeout=5).json()["rates"]}
    assert (got.get((region, 2030)) == rate) == allowed, (user, region, got)
    if user != "a1":  # admin has no pull; every other role sees the table's version there
        page = s.get(srv.url + "/api/v1/sync/pull", params={"cursor": 2**40}, timeout=5)
        assert page.json()["rates_version"] >= 0
