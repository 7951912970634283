"""Odd values never become a 5xx on either database (PostgreSQL text cannot hold NUL)."""
from __future__ import annotations

import requests

from tests.server_fixtures import (
    api_session,
    live_server_any,
    make_op,
    monthly_report,
    push,
    seed_world,
)

__all__ = ["live_server_any"]  # fixture


def test_nul_characters_are_refused_cleanly(live_server_any):
    srv = live_server_any
    seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
    r = requests.post(srv.url + "/api/v1/auth/login",
                      json={"username": "d1\u0000", "password": "x"}, timeout=10)
    assert r.status_code in (400, 401)
    s = api_session(srv.url, "d1")
    assert s.get(srv.url + "/api/v1/records/a%00b", timeout=5).status_code in (400, 404)
    rec = monthly_report("SHY-ABAY", "2024-03", typical_events_text="a\u0000b")
    good = monthly_report("SHY-ABAY", "2024-04")
    r = push(s, srv.url, "nul-dev", [make_op(1, rec), make_op(2, good)])
    assert r.status_code == 200, r.text
    statuses = [a["status"] for a in r.json()["acks"]]
    assert statuses[1] == "applied" and statuses[0] in ("applied", "rejected")
    r = push(s, srv.url, "nul\u0000dev", [make_op(1, monthly_report("SHY-ABAY", "2024-05"))])
    assert r.status_code in (200, 400)


def test_overlong_and_mistyped_fields_are_rejected_per_op(live_server_any):
    srv = live_server_any
    seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
    s = api_session(srv.url, "d1")
    odd = [monthly_report("SHY-ABAY", "2024-03") for _ in range(4)]
    odd[0]["org_unit"] = "X" * 5000
    odd[1]["form_version"] = "1"
    odd[2]["justification"] = {"not": "text"}
    odd[3]["data"]["volunteers_total"] = "many"
    r = push(s, srv.url, "odd-dev", [make_op(i + 1, rec) for i, rec in enumerate(odd)])
    assert r.status_code == 200, r.text
    acks = r.json()["acks"]
    assert [a["status"] for a in acks] == ["rejected"] * 4
    assert all(a["errors"] for a in acks)


def test_a_lone_surrogate_is_refused_per_op_and_the_batch_goes_on(live_server_any):
    """JSON may escape half of a UTF-16 pair ("\\ud800"), which is no character: that op is
    refused saying so (it was a 500 for the whole batch), the op beside it is applied."""
    import json

    from sync.protocol import SCHEMA_VERSION
    from tests.ops_helpers import scalar

    srv = live_server_any
    seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
    s = api_session(srv.url, "d1")
    bad = monthly_report("SHY-ABAY", "2024-03", typical_events_text="a\ud800b")
    good = monthly_report("SHY-ABAY", "2024-04")
    body = json.dumps({"device_id": "surrogate-dev", "schema_version": SCHEMA_VERSION,
                       "ops": [make_op(1, bad), make_op(2, good)]})  # ASCII: "\ud800"
    r = s.post(srv.url + "/api/v1/sync/push", data=body, timeout=30,
               headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    first, second = r.json()["acks"]
    assert first["status"] == "rejected" and "\\ud800" in first["errors"][0]["message"]
    assert second["status"] == "applied"
    ids = f"('{bad['id']}', '{good['id']}')"
    assert scalar(srv.db_url, f"SELECT count(*) FROM records WHERE id IN {ids}") == 1
    assert scalar(srv.db_url, f"SELECT count(*) FROM revisions WHERE record_id IN {ids}") == 1
