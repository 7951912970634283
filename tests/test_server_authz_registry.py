"""Authorization matrix of the issue-16 forms, through real HTTP on SQLite and PostgreSQL:
the surveys are written by central only and read by central and the region of the org unit;
the organization registry is written by the region and central and read by them and by the
region's districts (to link organizers and roster organizations with); a district writes
neither, and never reads survey answers (its own unit included)."""
from __future__ import annotations

import itertools
import uuid

import pytest

from tests.server_fixtures import (
    USERS,
    api_session,
    make_op,
    make_pg_database,
    pull_all,
    push,
    run_server,
    seed_world,
)

DATA = {
    "volunteer_survey": {"answered_on": "2024-03-15", "region": "SHY"},
    "org_survey": {"answered_on": "2024-03-15", "region": "SHY", "org_type": "INITIATIVE_GROUP",
                   "org_name": "Жубанов жылуы"},
    "organization": {"name_ru": "ОО «Жубанов жылуы»", "org_type": "INITIATIVE_GROUP",
                     "region": "SHY"},
}
FORMS = sorted(DATA)
UNITS = ["SHY", "SHY-ABAY", "AST", "AST-ESIL"]
REGION = {"SHY": "SHY", "SHY-ABAY": "SHY", "AST": "AST", "AST-ESIL": "AST"}
USER_REGION = {"r1": "SHY", "r2": "AST"}


def may_write(user: str, form: str, unit: str) -> bool:
    role = USERS[user][0]
    if role == "central":
        return True
    return role == "region" and form == "organization" and REGION[unit] == USER_REGION[user]


DISTRICT_REGION = {"d1": "SHY", "d2": "SHY", "d3": "AST"}


def may_read(user: str, unit: str, form: str) -> bool:
    role = USERS[user][0]
    if role == "district":
        return form == "organization" and REGION[unit] == DISTRICT_REGION[user]
    return role == "central" or (role == "region" and REGION[unit] == USER_REGION[user])


def record(form: str, unit: str) -> dict:
    return {"id": str(uuid.uuid4()), "form": form, "form_version": 1, "org_unit": unit,
            "period": "2024-03", "status": "draft", "data": dict(DATA[form]),
            "justification": None, "review_comment": None, "revision": 1, "version": None,
            "deleted": False, "updated_at": "2024-03-05T10:00:00Z", "updated_by": "test"}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def world(request, tmp_path_factory):
    if request.param == "sqlite":
        srv = run_server(f"sqlite:///{tmp_path_factory.mktemp('reg') / 'reg.sqlite3'}")
        yield _seeded(srv)
        srv.stop()
        return
    import os
    url = os.environ.get("ESEP_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set ESEP_TEST_PG_URL")
    with make_pg_database(url) as db:
        srv = run_server(db)
        yield _seeded(srv)
        srv.stop()


def _seeded(srv):
    seed_world(srv.db_url)
    sessions = {u: api_session(srv.url, u) for u in USERS}
    made = {}
    for n, (form, unit) in enumerate(itertools.product(FORMS, UNITS)):
        rec = record(form, unit)
        ack = push(sessions["c1"], srv.url, "seed-c1", [make_op(n, rec)]).json()["acks"][0]
        assert ack["status"] == "applied", ack
        made[(form, unit)] = rec["id"]
    return srv, sessions, made


@pytest.mark.parametrize("user,form", list(itertools.product(sorted(USERS), FORMS)))
def test_create_only_where_allowed(world, user, form):
    srv, sessions, _ = world
    ops = [make_op(i, record(form, unit)) for i, unit in enumerate(UNITS)]
    r = push(sessions[user], srv.url, f"create-{user}-{form}", ops)
    if user == "a1":
        assert r.status_code == 403
        return
    got = [a["status"] for a in r.json()["acks"]]
    assert got == ["applied" if may_write(user, form, u) else "rejected" for u in UNITS], got
    for ack in r.json()["acks"]:
        if ack["status"] == "rejected":
            assert ack["errors"][0]["code"] == "forbidden"


@pytest.mark.parametrize("user", sorted(USERS))
def test_pull_and_get_return_exactly_the_scope(world, user):
    srv, sessions, made = world
    if user == "a1":
        return
    changes, _, _ = pull_all(sessions[user], srv.url)
    seen = {c["id"] for c in changes}
    for (form, unit), rid in made.items():
        assert (rid in seen) == may_read(user, unit, form), (user, form, unit)
        r = sessions[user].get(f"{srv.url}/api/v1/records/{rid}", timeout=5)
        assert r.status_code == (200 if may_read(user, unit, form) else 404), (user, form, unit)


@pytest.mark.parametrize("user", ["r1", "r2", "d1"])
def test_region_edits_its_registry_not_its_survey_answers(world, user):
    srv, sessions, made = world
    for n, form in enumerate(FORMS, start=1):
        rid = made[(form, "SHY")]
        rec = record(form, "SHY") | {"id": rid}
        rec["data"]["name_ru" if form == "organization" else "answered_on"] = (
            "ОО «Жубанов жылуы» (ред.)" if form == "organization" else "2024-03-16")
        ack = push(sessions[user], srv.url, f"edit-{user}", [make_op(n, rec, 1)]).json()[
            "acks"][0]
        allowed = user == "r1" and form == "organization"
        assert ack["status"] == ("applied" if allowed else "rejected"), (user, form, ack)
        if not allowed:
            assert ack["errors"][0]["code"] == "forbidden" and ack.get("server") is None
