"""Decision 9: personal fields reach only the one who recorded them and central."""
from __future__ import annotations

import uuid

import pytest

from tests.server_fixtures import api_session, make_op, pull_all, push, run_server, seed_world


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = run_server(f"sqlite:///{tmp_path_factory.mktemp('pd') / 'pd.sqlite3'}")
    seed_world(server.db_url)
    yield server
    server.stop()


def _record(form: str, data: dict, org_unit: str = "SHY-ABAY") -> dict:
    return {"id": str(uuid.uuid4()), "form": form, "form_version": 1, "org_unit": org_unit,
            "period": "2024-03", "status": "draft", "data": data, "justification": None,
            "review_comment": None, "revision": 1, "version": None, "deleted": False,
            "updated_at": "2024-03-05T10:00:00Z", "updated_by": "x"}


def _focus_group() -> dict:
    return _record("focus_group", {"date": "2024-03-05", "city": "Шымкент", "participants": [
        {"no": 1, "full_name": "Иванов Иван", "participant_category": "STUDENT",
         "consent": "YES", "phone": "+77010000000", "organization": "МРЦ"}]})


def _hotline() -> dict:
    return _record("hotline_appeal", {
        "received_at": "2024-03-05", "channel": "PHONE", "purpose": "JOIN",
        "volunteering_related": True, "applicant_country": "KZ", "applicant_region": "SHY",
        "result_status": "PROCESSED", "applicant_name": "Петров Пётр"})


def _seen(srv, user, rid):
    changes, _, _ = pull_all(api_session(srv.url, user), srv.url)
    mine = [c["record"] for c in changes if c["id"] == rid]
    return mine[-1] if mine else None


def test_roster_personal_columns_only_for_recorder_and_central(srv):
    rec = _focus_group()
    ack = push(api_session(srv.url, "t1"), srv.url, "pd-t1", [make_op(1, rec)]).json()["acks"]
    assert ack[0]["status"] == "applied", ack
    for user in ("t1", "c1"):
        row = _seen(srv, user, rec["id"])["data"]["participants"][0]
        assert row["full_name"] == "Иванов Иван" and row["phone"] == "+77010000000"
    for user in ("r1", "d1"):  # the region / district of the org unit see it, without names
        row = _seen(srv, user, rec["id"])["data"]["participants"][0]
        assert "full_name" not in row and "phone" not in row and row["organization"] == "МРЦ"
        got = api_session(srv.url, user).get(f"{srv.url}/api/v1/records/{rec['id']}",
                                             timeout=5).json()
        assert "full_name" not in got["data"]["participants"][0]
        revs = api_session(srv.url, user).get(
            f"{srv.url}/api/v1/records/{rec['id']}/revisions", timeout=5).json()
        assert "Иванов" not in str(revs)
    assert _seen(srv, "t2", rec["id"]) is None  # another trainer sees nothing


def test_writer_without_personal_access_keeps_the_server_values(srv):
    rec = _hotline()
    ack = push(api_session(srv.url, "d1"), srv.url, "pd-d1", [make_op(1, rec)]).json()["acks"]
    assert ack[0]["status"] == "applied", ack
    seen = _seen(srv, "r1", rec["id"])
    assert "applicant_name" not in seen["data"]
    seen["data"]["result_status"] = "RESOLVED"  # region edits the draft it was shown
    ack = push(api_session(srv.url, "r1"), srv.url, "pd-r1",
               [make_op(1, seen, seen["version"])]).json()["acks"]
    assert ack[0]["status"] == "applied", ack
    back = _seen(srv, "d1", rec["id"])
    assert back["data"]["applicant_name"] == "Петров Пётр"
    assert back["data"]["result_status"] == "RESOLVED"


def test_conflict_copy_is_stripped_too(srv):
    rec = _hotline()
    push(api_session(srv.url, "d1"), srv.url, "pd-d1b", [make_op(1, rec)])
    stale = dict(rec, data=dict(rec["data"], applicant_name=None))
    api_r1 = api_session(srv.url, "r1")
    ack = push(api_r1, srv.url, "pd-r1b", [make_op(1, stale, None)]).json()["acks"][0]
    assert ack["status"] == "conflict" and "applicant_name" not in ack["server"]["data"]


def test_trainer_scope_is_its_own_seminars_and_focus_groups(srv):
    rec = _focus_group()
    t1, t2 = api_session(srv.url, "t1"), api_session(srv.url, "t2")
    assert push(t1, srv.url, "tr-t1", [make_op(1, rec)]).json()["acks"][0]["status"] == "applied"
    assert t2.get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).status_code == 404
    rec["data"]["city"] = "Туркестан"
    ack = push(t2, srv.url, "tr-t2", [make_op(1, rec, 1)]).json()["acks"][0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "forbidden"
    ack = push(api_session(srv.url, "d1"), srv.url, "tr-d1", [make_op(1, _focus_group())])
    assert ack.json()["acks"][0]["errors"][0]["code"] == "forbidden"  # not a district form
    ack = push(t1, srv.url, "tr-t1", [make_op(2, rec, 1)]).json()["acks"][0]
    assert ack["status"] == "applied" and ack["version"] == 2
