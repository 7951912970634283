"""/openapi.json documents every response body, and what it documents is what the server
answers: real answers of a live server are validated against the published schemas, made
strict (a key the schema does not name fails too)."""
from __future__ import annotations

import copy
import uuid

import pytest
import requests
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from server_fixtures import api_session, make_op, monthly_report, push, run_server, seed_world

API = "/api/v1"


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = run_server(f"sqlite:///{tmp_path_factory.mktemp('openapi') / 'api.sqlite3'}")
    seed_world(server.db_url)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def spec(srv):
    r = requests.get(srv.url + "/openapi.json", timeout=30)
    r.raise_for_status()
    return r.json()


def _success(op: dict) -> tuple[str, dict | None]:
    code = min(c for c in op["responses"] if c.startswith("2"))
    content = op["responses"][code].get("content", {}).get("application/json", {})
    return code, content.get("schema")


def _binary(op: dict, code: str) -> bool:
    content = op["responses"][code].get("content", {})
    return any(c.get("schema", {}).get("format") == "binary" for c in content.values())


def _target(spec: dict, schema: dict) -> dict:
    """Follow $ref and array items down to the documented object."""
    while True:
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        elif schema.get("type") == "array":
            schema = schema["items"]
        else:
            return schema


def test_every_route_documents_its_success_body(spec):
    routes, bare = [], []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            routes.append(f"{method.upper()} {path}")
            code, schema = _success(op)
            if _binary(op, code):  # a file answer (a sync bundle's signed reply)
                continue
            if not schema or not _target(spec, schema).get("properties"):
                bare.append(f"{method.upper()} {path} {code}: {schema}")
    assert len(routes) >= 16, routes  # every area's routes are published
    assert not bare, bare


def _strict(node):
    """A copy where every object schema with properties refuses keys it does not name
    (unless it says what extra keys may hold)."""
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items()}
    if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
        out["additionalProperties"] = False
    return out


def _check(spec: dict, method: str, path: str, response: requests.Response) -> dict:
    """Assert `response` is the documented success answer of `method path`; return its JSON."""
    op = spec["paths"][path][method]
    code, schema = _success(op)
    assert str(response.status_code) == code, (method, path, response.status_code,
                                               response.text[:300])
    body = response.json()
    root = {**schema, "components": _strict(spec["components"])}
    Draft202012Validator(root).validate(body)
    return body


def test_the_strict_check_catches_an_undocumented_key(srv, spec):
    good = requests.get(srv.url + "/healthz", timeout=10)
    assert _check(spec, "get", "/healthz", good)["ok"] is True
    root = {**_success(spec["paths"]["/healthz"]["get"])[1],
            "components": _strict(spec["components"])}
    with pytest.raises(ValidationError):
        Draft202012Validator(root).validate({**good.json(), "surprise": 1})
    with pytest.raises(ValidationError):
        Draft202012Validator(root).validate({"ok": True})  # server_id is required


def test_sessions_users_and_reference_answers_match(srv, spec):
    s = api_session(srv.url)
    login = s.post(srv.url + API + "/auth/login",
                   json={"username": "d1", "password": "correct-horse-battery"}, timeout=30)
    assert _check(spec, "post", API + "/auth/login", login)["user"]["role"] == "district"
    d1, a1 = api_session(srv.url, "d1"), api_session(srv.url, "a1")
    _check(spec, "get", API + "/me", d1.get(srv.url + API + "/me", timeout=10))
    units = _check(spec, "get", API + "/orgunits", a1.get(srv.url + API + "/orgunits",
                                                           timeout=10))
    assert {u["kind"] for u in units} == {"region", "district"}
    forms = _check(spec, "get", API + "/forms", d1.get(srv.url + API + "/forms", timeout=30))
    assert any(f["id"] == "monthly_report" for f in forms)
    _check(spec, "get", API + "/users", a1.get(srv.url + API + "/users", timeout=10))
    made = a1.post(srv.url + API + "/users", timeout=30, json={
        "username": "r9", "password": "long enough pw", "role": "region", "region": "AST"})
    assert _check(spec, "post", API + "/users", made)["region"] == "AST"
    imported = a1.post(srv.url + API + "/orgunits", timeout=10, json=[
        {"id": "AST-NEW", "region": "AST", "name_ru": "Новый район"}])
    assert _check(spec, "post", API + "/orgunits", imported) == {"imported": 1}
    c1 = api_session(srv.url, "c1")
    put = c1.put(srv.url + API + "/rates", timeout=10,
                 json={"rates": [{"region": "SHY", "year": 2024, "rate": 1500.5}]})
    assert _check(spec, "put", API + "/rates", put)["rates"][0]["rate"] == 1500.5
    _check(spec, "get", API + "/rates", d1.get(srv.url + API + "/rates", timeout=10))
    out = d1.post(srv.url + API + "/auth/logout", timeout=10)
    assert _check(spec, "post", API + "/auth/logout", out) == {"ok": True}


def test_push_pull_and_record_answers_match(srv, spec):
    """The hot paths are documented but not validated by the server: this is their check."""
    d1, r1 = api_session(srv.url, "d1"), api_session(srv.url, "r1")
    held = monthly_report("SHY-ABAY", "2023-03", status="submitted")
    ops = [make_op(1, held),
           make_op(2, monthly_report("NOWHERE", "2023-04")),  # rejected: {code, message, field}
           make_op(3, monthly_report("SHY-ABAY", "2023-05", status="submitted",
                                     volunteers_total=1))]  # rejected: engine findings
    acks = _check(spec, "post", API + "/sync/push", push(d1, srv.url, "dev-a", ops))["acks"]
    assert [a["status"] for a in acks] == ["applied", "rejected", "rejected"], acks
    rival = monthly_report("SHY-ABAY", "2023-03", status="submitted")
    acks = _check(spec, "post", API + "/sync/push",
                  push(d1, srv.url, "dev-b", [make_op(1, rival)]))["acks"]
    assert acks[0]["status"] == "conflict" and acks[0]["server"]["id"] == held["id"]

    page = _check(spec, "get", API + "/sync/pull", r1.get(srv.url + API + "/sync/pull",
                                                          timeout=30))
    contested = [c for c in page["changes"] if c.get("contested_by")]
    assert contested and contested[0]["contested_by"][0]["id"] == rival["id"]

    _correct_and_review(srv, spec, d1, r1)


def _correct_and_review(srv, spec, d1, r1) -> None:
    """A region's correction keeps the district's figures beside it (`submitted`)."""
    rec = monthly_report("SHY-ABAY", "2023-06", status="submitted")
    push(d1, srv.url, "dev-a", [make_op(9, rec)]).raise_for_status()
    fixed = dict(rec, data=dict(rec["data"], registered_orgs_count=3))
    acks = _check(spec, "post", API + "/sync/push",
                  push(r1, srv.url, "dev-r", [make_op(1, fixed, base_version=1,
                                                      reason="one more org")]))["acks"]
    assert acks[0]["status"] == "applied", acks
    rid = rec["id"]
    review = r1.post(srv.url + f"{API}/records/{rid}/review", json={"action": "approve"},
                     timeout=30)
    assert _check(spec, "post", API + "/records/{rid}/review", review)["status"] == "approved"
    record = _check(spec, "get", API + "/records/{rid}",
                    r1.get(srv.url + f"{API}/records/{rid}", timeout=10))
    assert record["submitted"]["data"]["registered_orgs_count"] == 2
    revs = _check(spec, "get", API + "/records/{rid}/revisions",
                  r1.get(srv.url + f"{API}/records/{rid}/revisions", timeout=10))
    assert len(revs) == 3 and revs[1]["diff"] == [
        {"field": "registered_orgs_count", "old": 2, "new": 3}]


def test_a_record_without_a_correction_has_no_submitted_key(srv, spec):
    d1 = api_session(srv.url, "d1")
    rec = monthly_report("SHY-ABAY", "2022-07", rid=str(uuid.uuid4()))
    push(d1, srv.url, "dev-c", [make_op(1, rec)]).raise_for_status()
    body = _check(spec, "get", API + "/records/{rid}",
                  d1.get(srv.url + f"{API}/records/{rec['id']}", timeout=10))
    assert "submitted" not in body and body["version"] == 1
    bad = copy.deepcopy(body)
    del bad["updated_by"]
    root = {**_success(spec["paths"][API + "/records/{rid}"]["get"])[1],
            "components": _strict(spec["components"])}
    with pytest.raises(ValidationError):
        Draft202012Validator(root).validate(bad)
