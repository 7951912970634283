"""Bounded input on the server (issue 19), SQLite and (with ESEP_TEST_PG_URL) PostgreSQL:
drafts pass the same type and bounds checks as submissions, non-finite numbers in any JSON
body are a 422 with a message, an absurd push body is refused before it is checked key by key,
and a refused op leaves no rival record behind for anyone's first sync."""
from __future__ import annotations

import gzip
import json

import pytest
import requests
import sqlalchemy as sa

from server.config import normalize_db_url
from server.jsonbody import StrictJSONRoute
from server.routes import ROUTERS
from store import open_store, sync_state
from sync.engine import sync_once
from sync.protocol import MAX_GZIP_BYTES, MAX_ITEMS, MAX_KEYS, SCHEMA_HEADER, SCHEMA_VERSION
from sync.transport import SyncClient
from tests.server_fixtures import (
    PASSWORD,
    live_server_any,  # noqa: F401 - fixture
    make_op,
    monthly_report,
    pull_all,
    push_acks,
    world,  # noqa: F401 - fixture
)

HUGE_TEXT = "ж" * 4_500_000  # the field allows 4,000


def _codes(ack: dict) -> list[tuple[str, list]]:
    return [(e.get("message_code") or e.get("code"), e.get("fields")) for e in ack["errors"]]


@pytest.mark.parametrize("change, code, field", [
    ({"typical_events_text": HUGE_TEXT}, "too_long", "typical_events_text"),
    ({"volunteers_total": 10**40}, "above_max", "volunteers_total"),
    ({"volunteers_total": -3}, "below_min", "volunteers_total"),
    ({"gender": {"F": 10**40, "M": 1}}, "above_max", "gender.F"),
    ({"gender": {"F": -5, "M": 1}}, "below_min", "gender.F"),
    ({"volunteer_hours": 1e300}, "above_max", "volunteer_hours"),
], ids=["4.5M-text", "1e40", "negative", "1e40-count", "negative-count", "1e300"])
def test_a_draft_out_of_bounds_is_refused_and_never_pulled(world, change, code, field):
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-03")
    rec["data"].update(change)
    (ack,) = push_acks(srv, sess("d1"), f"dev-{code}", [make_op(1, rec)])
    assert ack["status"] == "rejected", ack
    assert _codes(ack) == [(code, [field])]
    assert sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).status_code == 404
    assert not [c for c in pull_all(sess("r1"), srv.url)[0] if c["id"] == rec["id"]]


def test_a_huge_roster_is_one_finding(world):
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-04", dev_events=[{"no": 1}] * (MAX_ITEMS + 1))
    (ack,) = push_acks(srv, sess("d1"), "dev-rows", [make_op(1, rec)])
    assert ack["status"] == "rejected" and _codes(ack) == [("too_many_rows", ["dev_events"])]


def test_500k_keys_gzip_push_is_refused_before_it_is_checked(world):
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-03")
    rec["data"] = {f"k{i}": i for i in range(500_000)}
    body = {"device_id": "dev-500k", "schema_version": SCHEMA_VERSION, "ops": [make_op(1, rec)]}
    raw = gzip.compress(json.dumps(body).encode(), 9)
    assert len(raw) < MAX_GZIP_BYTES
    r = sess("d1").post(srv.url + "/api/v1/sync/push", data=raw, timeout=60,
                        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 422, r.text[:300]
    (err,) = r.json()["detail"]
    assert err["type"] == "json_invalid" and f"at most {MAX_KEYS}" in err["msg"], err


def test_gzip_body_beyond_the_compressed_limit_is_413(world):
    srv, sess = world
    junk = bytes(range(256)) * (MAX_GZIP_BYTES // 256 + 1)
    r = sess("d1").post(srv.url + "/api/v1/sync/push", data=junk, timeout=60,
                        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 413 and "compressed" in r.json()["message"], r.text[:300]


_PUSH = ('{"device_id": "nan-dev", "schema_version": 1, "ops": [{"op_seq": 1, "form": '
         '"monthly_report", "id": "RID", "op": "upsert", "data": {"id": "RID", "form": '
         '"monthly_report", "form_version": 1, "org_unit": "SHY-ABAY", "period": "2024-05", '
         '"status": "draft", "data": {"volunteers_total": X}}}]}')
BAD_NUMBERS = ["1e999", "NaN", "Infinity", "-Infinity", "-1e999", "1" * 5000]


def _bodies(srv, sess, rid: str) -> list[tuple[str, str, requests.Session, object]]:
    """(method, path, session, body with a placeholder X) for every JSON body of the API."""
    return [
        ("POST", "/api/v1/auth/login", requests.Session(),
         '{"username": "d1", "password": X}'),
        ("POST", "/api/v1/auth/login", requests.Session(), "X"),
        ("POST", "/api/v1/sync/push", sess("d1"), _PUSH.replace("RID", rid)),
        ("POST", "/api/v1/sync/push", sess("d1"), "X"),
        ("POST", "/api/v1/orgunits", sess("a1"),
         '[{"id": "SHY-NEW", "region": "SHY", "name_ru": X}]'),
        ("POST", "/api/v1/users", sess("a1"),
         ('{"username": "u9", "password": "long-enough-pw", "role": "district", '
         '"district": X}')),
        ("POST", f"/api/v1/records/{rid}/review", sess("r1"),
         '{"action": "approve", "comment": X}'),
        ("PUT", "/api/v1/rates", sess("c1"),
         '{"rates": [{"region": "SHY", "year": 2024, "rate": X}]}'),
        ("PUT", "/api/v1/rates", sess("c1"),
         '{"rates": [{"region": "SHY", "year": X, "rate": 1500}]}'),
    ]


def test_non_finite_numbers_in_any_body_are_422_with_a_message(world):
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-03", status="submitted")
    assert push_acks(srv, sess("d1"), "dev-ok", [make_op(1, rec)])[0]["status"] == "applied"
    for method, path, session, template in _bodies(srv, sess, rec["id"]):
        for bad in BAD_NUMBERS:
            r = session.request(method, srv.url + path, data=template.replace("X", bad),
                                headers={"Content-Type": "application/json",
                                         SCHEMA_HEADER: str(SCHEMA_VERSION)}, timeout=30)
            assert r.status_code == 422, (path, bad, r.status_code, r.text[:300])
            (err,) = r.json()["detail"]
            assert "not valid JSON" in err["msg"], (path, bad, err)
    assert sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}",
                          timeout=5).json()["status"] == "submitted"  # the server still serves


def test_a_string_infinity_for_a_rate_is_the_domain_refusal(world):
    srv, sess = world
    r = sess("c1").put(srv.url + "/api/v1/rates", timeout=10,
                       json={"rates": [{"region": "SHY", "year": 2024, "rate": "Infinity"}]})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]["code"] == "invalid_rates" and "row 1" in r.text


def test_every_route_parses_its_body_strictly():
    """server.app includes exactly server.routes.ROUTERS; each of their routes is strict."""
    api = [r for router in ROUTERS for r in router.routes]
    assert len(api) > 15
    assert [r.path for r in api if not isinstance(r, StrictJSONRoute)] == []


# -- a bad push, then the first sync of fresh clients: no conflicts ------------------------

def _fresh_sync(srv, tmp_path, user: str):
    store = open_store(tmp_path / f"fresh-{user}" / "esep.sqlite3", user=user)
    client = SyncClient(srv.url, timeout=(3.0, 30.0))
    client.login(user, PASSWORD)
    try:
        summary = sync_once(store, client)
        return summary, sync_state.conflicts(store), store.count_records()
    finally:
        store.close()


def _contests(db_url: str) -> int:
    engine = sa.create_engine(normalize_db_url(db_url))
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM contests").scalar_one()
    finally:
        engine.dispose()


def test_a_bad_push_leaves_fresh_clients_without_conflicts(world, tmp_path):
    srv, sess = world
    held = [monthly_report("SHY-ABAY", p, status="submitted") for p in ("2024-03", "2024-04")]
    assert [a["status"] for a in push_acks(srv, sess("d1"), "dev-good",
                                           [make_op(i + 1, r) for i, r in enumerate(held)])] \
        == ["applied", "applied"]
    empty = dict(monthly_report("SHY-ABAY", "2024-03"), data={})
    absurd = monthly_report("SHY-ABAY", "2024-03", volunteers_total=10**40,
                            gender={"F": -7, "M": 3})
    long_text = monthly_report("SHY-ABAY", "2024-04", typical_events_text=HUGE_TEXT)
    negative = monthly_report("SHY-ABAY", "2024-04", events_total=-1)
    acks = push_acks(srv, sess("d1"), "dev-bad",
                     [make_op(i + 1, r) for i, r in enumerate([empty, absurd, long_text,
                                                               negative])])
    assert [a["status"] for a in acks] == ["conflict", "rejected", "rejected", "rejected"], acks
    assert _contests(srv.db_url) == 0
    for user in ("d1", "r1"):
        summary, conflicts, count = _fresh_sync(srv, tmp_path, user)
        assert (summary.conflicts, conflicts) == (0, []), (user, summary, conflicts)
        assert count == 2, (user, count)


def test_a_body_nested_beyond_reason_is_422_on_every_route(world):
    """100,000 nested lists in any JSON body: refused while parsing (422), no 500, no reset."""
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-06", status="submitted")
    assert push_acks(srv, sess("d1"), "dev-deep", [make_op(1, rec)])[0]["status"] == "applied"
    deep = "[" * 100_000 + "]" * 100_000
    for method, path, session, template in _bodies(srv, sess, rec["id"]):
        r = session.request(method, srv.url + path, data=template.replace("X", deep),
                            headers={"Content-Type": "application/json",
                                     SCHEMA_HEADER: str(SCHEMA_VERSION)}, timeout=30)
        assert r.status_code == 422, (path, r.status_code, r.text[:300])
        (err,) = r.json()["detail"]
        assert "nested too deeply" in err["msg"], (path, err)
