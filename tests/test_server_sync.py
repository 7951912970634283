"""Push / pull / workflow through real HTTP against a SQLite-backed server."""
from __future__ import annotations

import pytest

from tests.server_fixtures import (
    api_session,
    make_op,
    monthly_report,
    pull_all,
    push,
    run_server,
    seed_world,
)


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = run_server(f"sqlite:///{tmp_path_factory.mktemp('sync') / 'sync.sqlite3'}")
    seed_world(server.db_url)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sess(srv):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = api_session(srv.url, name)
        return cache[name]
    return get


def _ack(srv, s, device, ops):
    r = push(s, srv.url, device, ops)
    assert r.status_code == 200, r.text
    return r.json()["acks"]


def test_create_then_replay_is_duplicate(srv, sess):
    rec = monthly_report("SHY-ABAY", "2024-01")
    ops = [make_op(1, rec)]
    first = _ack(srv, sess("d1"), "dev-replay", ops)
    assert first[0]["status"] == "applied" and first[0]["version"] == 1
    again = _ack(srv, sess("d1"), "dev-replay", ops)
    assert again[0]["status"] == "duplicate"
    assert again[0]["version"] == 1 and again[0]["change_seq"] == first[0]["change_seq"]
    got = sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).json()
    assert got["version"] == 1 and got["data"] == rec["data"]


def test_natural_key_conflict_carries_server_copy(srv, sess):
    a = monthly_report("SHY-ABAY", "2024-02")
    b = monthly_report("SHY-ABAY", "2024-02", volunteers_total=20, gender={"F": 20},
                       age={"A18_28": 20}, occupation={"STUDENT": 20})
    a["data"]["volunteers_total"] = 10  # checked below in the server copy
    a["data"].update(gender={"F": 10}, age={"A18_28": 10}, occupation={"STUDENT": 10})
    assert _ack(srv, sess("d1"), "dev-nk-a", [make_op(1, a)])[0]["status"] == "applied"
    ack = _ack(srv, sess("d1"), "dev-nk-b", [make_op(1, b)])[0]
    assert ack["status"] == "conflict" and ack["conflict_kind"] == "natural_key"
    assert ack["server"]["id"] == a["id"] and ack["server"]["data"]["volunteers_total"] == 10
    assert sess("d1").get(f"{srv.url}/api/v1/records/{b['id']}", timeout=5).status_code == 404


def test_base_version_conflict(srv, sess):
    rec = monthly_report("SHY-ABAY", "2024-04")
    v1 = _ack(srv, sess("d1"), "dev-bv-1", [make_op(1, rec)])[0]["version"]
    rec["data"]["volunteer_hours"] += 7
    assert _ack(srv, sess("d1"), "dev-bv-1", [make_op(2, rec, v1)])[0]["version"] == 2
    seen_hours = rec["data"]["volunteer_hours"]
    rec["data"]["volunteer_hours"] += 9  # a second device still on version 1
    ack = _ack(srv, sess("d1"), "dev-bv-2", [make_op(1, rec, v1)])[0]
    assert ack["status"] == "conflict" and ack["conflict_kind"] == "version"
    assert ack["server"]["version"] == 2 and ack["server"]["data"]["volunteer_hours"] == seen_hours


def test_invalid_record_rejected_with_findings_rest_applied(srv, sess):
    bad = monthly_report("SHY-ABAY", "2024-05", status="submitted",
                         volunteers_total=1)  # the sums say 100+ (a draft would be applied)
    good = monthly_report("SHY-ABAY", "2024-06")
    acks = _ack(srv, sess("d1"), "dev-rej", [make_op(1, bad), make_op(2, good)])
    assert acks[0]["status"] == "rejected"
    assert any(e.get("rule", "").startswith("VR-03") for e in acks[0]["errors"])
    assert acks[1]["status"] == "applied"


@pytest.mark.parametrize("mutate, code", [
    (lambda r: r.update(org_unit="NOPE"), "unknown_org_unit"),
    (lambda r: r.update(form_version=99), "unknown_form"),
    (lambda r: r.update(period="2024-13"), "invalid_period"),
    (lambda r: r.update(status="approved"), "status_transition"),
    (lambda r: r.update(data="x"), "invalid_record"),
])
def test_bad_ops_rejected_with_code(srv, sess, mutate, code):
    rec = monthly_report("SHY-ABAY", "2023-01")
    mutate(rec)
    ack = _ack(srv, sess("d1"), f"dev-bad-{code}", [make_op(1, rec)])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == code, ack


def test_pull_pages_by_bytes_and_resumes(srv, sess):
    ids = set()
    for i in range(6):
        rec = monthly_report("SHY-ENB", f"2022-{i + 1:02d}")
        ids.add(rec["id"])
        assert _ack(srv, sess("d2"), "dev-pull", [make_op(i + 1, rec)])[0]["status"] == "applied"
    changes, cursor, requests_made = pull_all(sess("d2"), srv.url, max_bytes=1)
    assert {c["id"] for c in changes} >= ids and requests_made >= 6
    seqs = [c["change_seq"] for c in changes]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    again, cursor2, n = pull_all(sess("d2"), srv.url, cursor=cursor)
    assert again == [] and n == 1 and cursor2 == cursor


def test_workflow_submit_return_resubmit_approve_lock(srv, sess):
    d1, r1 = sess("d1"), sess("r1")
    rec = monthly_report("SHY-ABAY", "2024-07", status="submitted")
    v = _ack(srv, d1, "dev-wf", [make_op(1, rec)])[0]["version"]
    r = r1.post(f"{srv.url}/api/v1/records/{rec['id']}/review", json={"action": "return"},
                timeout=5)
    assert r.status_code == 409 and r.json()["detail"]["code"] == "comment_required"
    r = r1.post(f"{srv.url}/api/v1/records/{rec['id']}/review",
                json={"action": "return", "comment": "hours look low"}, timeout=5)
    assert r.status_code == 200 and r.json()["status"] == "returned"
    changes, _, _ = pull_all(d1, srv.url)
    mine = [c for c in changes if c["id"] == rec["id"]][-1]["record"]
    assert mine["status"] == "returned" and mine["review_comment"] == "hours look low"
    mine["data"]["volunteer_hours"] += 50
    mine["status"] = "submitted"
    ack = _ack(srv, d1, "dev-wf", [make_op(2, mine, mine["version"])])[0]
    assert ack["status"] == "applied" and ack["version"] == v + 2
    assert d1.post(f"{srv.url}/api/v1/records/{rec['id']}/review",
                   json={"action": "approve"}, timeout=5).status_code == 403
    r = r1.post(f"{srv.url}/api/v1/records/{rec['id']}/review", json={"action": "approve"},
                timeout=5)
    assert r.json()["status"] == "approved"
    approved = r.json()
    approved["data"]["volunteer_hours"] += 1
    ack = _ack(srv, r1, "dev-wf-r", [make_op(1, approved, approved["version"], reason="x")])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "locked"


def test_district_cannot_edit_submitted_or_approve_by_op(srv, sess):
    rec = monthly_report("SHY-ABAY", "2024-08", status="submitted")
    v = _ack(srv, sess("d1"), "dev-sub", [make_op(1, rec)])[0]["version"]
    rec["data"]["volunteer_hours"] += 99
    ack = _ack(srv, sess("d1"), "dev-sub", [make_op(2, rec, v)])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "locked"
    rec["data"]["volunteer_hours"] -= 99
    rec["status"] = "approved"
    ack = _ack(srv, sess("d1"), "dev-sub", [make_op(3, rec, v)])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "forbidden"


def test_region_correction_needs_reason_and_keeps_revisions(srv, sess):
    rec = monthly_report("SHY-ABAY", "2024-09", status="submitted")
    v = _ack(srv, sess("d1"), "dev-corr", [make_op(1, rec)])[0]["version"]
    new_hours = rec["data"]["volunteer_hours"] + 12
    fixed = dict(rec, data=dict(rec["data"], volunteer_hours=new_hours))
    ack = _ack(srv, sess("r1"), "dev-corr-r", [make_op(1, fixed, v)])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "reason_required"
    ack = _ack(srv, sess("r1"), "dev-corr-r",
               [make_op(2, fixed, v, reason="hours from the event log")])[0]
    assert ack["status"] == "applied"
    got = sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).json()
    assert got["revision"] == 2 and got["status"] == "submitted"
    # VR-13: the accepted figures and, beside them, what the district submitted
    assert got["data"]["volunteer_hours"] == new_hours
    assert got["submitted"]["data"]["volunteer_hours"] == rec["data"]["volunteer_hours"]
    assert got["submitted"]["revision"] == 1 and got["submitted"]["editor"] == "d1"
    revs = sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}/revisions", timeout=5).json()
    assert [r["revision"] for r in revs] == [1, 2]
    old_hours = rec["data"]["volunteer_hours"]
    assert revs[0]["data"]["volunteer_hours"] == old_hours  # the submitted values are kept
    assert revs[1]["reason"] == "hours from the event log" and revs[1]["editor"] == "r1"
    assert revs[1]["diff"] == [{"field": "volunteer_hours", "old": old_hours, "new": new_hours}]


def test_warning_without_justification_blocks_submit(srv, sess):
    # VR-07: support types given although no support was needed -> warning
    rec = monthly_report("SHY-ABAY", "2024-10", status="submitted",
                         rfo_support_types=["ORG"])
    ack = _ack(srv, sess("d1"), "dev-warn", [make_op(1, rec)])[0]
    assert ack["status"] == "rejected"
    assert ack["errors"][0]["severity"] == "warning"
    rec["justification"] = "one-off help with premises"
    assert _ack(srv, sess("d1"), "dev-warn", [make_op(2, rec)])[0]["status"] == "applied"


def test_delete_draft_tombstone_pulled(srv, sess):
    rec = monthly_report("SHY-ABAY", "2024-11")
    v = _ack(srv, sess("d1"), "dev-del", [make_op(1, rec)])[0]["version"]
    ack = _ack(srv, sess("d1"), "dev-del", [make_op(2, rec, v, op="delete")])[0]
    assert ack["status"] == "applied" and ack["version"] == v + 1
    changes, _, _ = pull_all(sess("d1"), srv.url)
    last = [c for c in changes if c["id"] == rec["id"]][-1]
    assert last["deleted"] is True
    again = monthly_report("SHY-ABAY", "2024-11")  # the natural key is free again
    assert _ack(srv, sess("d1"), "dev-del", [make_op(3, again)])[0]["status"] == "applied"


def test_same_op_twice_in_one_batch_is_applied_once(srv, sess):
    rec = monthly_report("SHY-ABAY", "2021-01")
    acks = _ack(srv, sess("d1"), "dev-twice", [make_op(1, rec), make_op(1, rec)])
    assert [a["status"] for a in acks] == ["applied", "duplicate"]
    assert acks[0]["change_seq"] == acks[1]["change_seq"] is not None


def test_replay_of_a_rejected_op_stays_rejected(srv, sess):
    bad = monthly_report("SHY-ABAY", "2021-02", status="submitted", volunteers_total=1)
    first = _ack(srv, sess("d1"), "dev-rej-replay", [make_op(1, bad)])[0]
    again = _ack(srv, sess("d1"), "dev-rej-replay", [make_op(1, bad)])[0]
    assert first["status"] == again["status"] == "rejected"
    assert again["errors"] == first["errors"]


def test_other_user_cannot_replay_a_devices_ledger(srv, sess):
    rec = monthly_report("SHY-ENB", "2021-03")
    assert _ack(srv, sess("d2"), "dev-owned", [make_op(1, rec)])[0]["status"] == "applied"
    ack = _ack(srv, sess("d1"), "dev-owned", [make_op(1, rec)])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "ledger_owner"


def test_natural_key_clash_inside_one_batch(srv, sess):
    a, b = monthly_report("SHY-ABAY", "2020-05"), monthly_report("SHY-ABAY", "2020-05")
    acks = _ack(srv, sess("d1"), "dev-nk-batch", [make_op(1, a), make_op(2, b)])
    assert [x["status"] for x in acks] == ["applied", "conflict"]
    assert acks[1]["conflict_kind"] == "natural_key" and acks[1]["server"]["id"] == a["id"]


def test_many_ops_on_one_record_in_one_batch(srv, sess):
    rec = monthly_report("SHY-ABAY", "2020-06")
    ops = [make_op(1, rec)]
    for i in range(2, 6):
        rec = dict(rec, data=dict(rec["data"], volunteer_hours=rec["data"]["volunteer_hours"] + i))
        ops.append(make_op(i, rec, i - 1))
    acks = _ack(srv, sess("d1"), "dev-chain", ops)
    assert [x["status"] for x in acks] == ["applied"] * 5
    assert [x["version"] for x in acks] == [1, 2, 3, 4, 5]
    got = sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).json()
    assert got["version"] == 5 and got["data"] == rec["data"]


def test_history_inside_one_batch_is_seen_by_the_forms_engine(srv, sess):
    """VR-01: a month repeating the previous one is caught even when both are in one batch."""
    first = monthly_report("SHY-ENB", "2019-01", status="submitted")
    repeat = monthly_report("SHY-ENB", "2019-02", status="submitted")
    repeat["data"] = dict(first["data"])
    acks = _ack(srv, sess("d2"), "dev-hist", [make_op(1, first), make_op(2, repeat)])
    assert acks[0]["status"] == "applied"
    assert acks[1]["status"] == "rejected" and acks[1]["errors"][0]["rule"] == "VR-01"


def test_applied_acks_carry_no_record_id_on_the_wire(srv, sess):
    """Random UUIDs do not compress: an applied or duplicate ack names only its op_seq, and the
    client maps it back (sync.protocol.expand_acks); other acks keep the id."""
    from sync.protocol import expand_acks

    good = monthly_report("SHY-ABAY", "2023-05")
    bad = dict(monthly_report("SHY-ABAY", "2023-06"), status="submitted")
    bad["data"]["volunteers_total"] += 1  # breakdown sums no longer match: rejected
    ops = [make_op(1, good), make_op(2, bad)]
    applied, rejected = _ack(srv, sess("d1"), "dev-compact", ops)
    assert applied["status"] == "applied" and set(applied) == {"op_seq", "status", "version",
                                                               "change_seq"}
    assert rejected["status"] == "rejected" and rejected["id"] == bad["id"]
    assert [a["id"] for a in expand_acks([applied, rejected], ops)] == [good["id"], bad["id"]]
    (replayed, _) = _ack(srv, sess("d1"), "dev-compact", ops)
    assert replayed == dict(applied, status="duplicate")


def test_create_delete_recreate_in_one_batch(srv, sess):
    """The batch's writes are queued; a delete, or a second record taking the freed natural key,
    later in the same batch sees them (server/batch.py flush)."""
    first = monthly_report("SHY-ENB", "2018-04")
    again = monthly_report("SHY-ENB", "2018-04")
    ops = [make_op(1, first), make_op(2, first, 1, op="delete"), make_op(3, again)]
    acks = _ack(srv, sess("d2"), "dev-recreate", ops)
    assert [a["status"] for a in acks] == ["applied"] * 3
    assert [a["version"] for a in acks] == [1, 2, 1]
    changes, _, _ = pull_all(sess("d2"), srv.url)
    mine = {c["id"]: c for c in changes if c["id"] in (first["id"], again["id"])}
    assert mine[first["id"]]["deleted"] is True
    assert mine[again["id"]]["deleted"] is False and mine[again["id"]]["version"] == 1


def test_approve_endpoint_validates_against_todays_history(srv, sess):
    """A month that repeats a report which arrived after its submission cannot be approved
    through /review any more than through a sync op (VR-01); it stays submitted."""
    later = monthly_report("SHY-ENB", "2017-06", status="submitted")
    assert _ack(srv, sess("d2"), "dev-approve-a", [make_op(1, later)])[0]["status"] == "applied"
    earlier = monthly_report("SHY-ENB", "2017-05", status="draft")
    earlier["data"] = dict(later["data"])  # the same figures, one month before
    assert _ack(srv, sess("d2"), "dev-approve-b", [make_op(1, earlier)])[0]["status"] == "applied"
    r = sess("r1").post(f"{srv.url}/api/v1/records/{later['id']}/review",
                        json={"action": "approve"}, timeout=10)
    assert r.status_code == 409, r.text
    detail = r.json()["detail"]
    assert detail["code"] == "invalid_record"
    assert [e["rule"] for e in detail["errors"]] == ["VR-01"]
    got = sess("r1").get(f"{srv.url}/api/v1/records/{later['id']}", timeout=5).json()
    assert got["status"] == "submitted" and got["version"] == 1
