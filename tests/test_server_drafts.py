"""Drafts sync even when incomplete: only type errors block a draft (or returned) record;
rule findings do not block it (and are not echoed back: the sender has the same engine). Submitting, corrections and approvals
still need a fully valid record. SQLite and (with ESEP_TEST_PG_URL) PostgreSQL."""
from __future__ import annotations

import pytest

from tests.server_fixtures import (
    live_server_any,  # noqa: F401 - fixture
    make_op,
    monthly_report,
    pull_all,
    push_acks,
    world,  # noqa: F401 - fixture
)


def _half_filled(period="2024-03", status="draft"):
    rec = monthly_report("SHY-ABAY", period, status=status)
    for key in ("events_total", "events_by_direction", "events_by_format", "volunteer_hours",
                "volunteer_positions", "rfo_support_provided"):
        del rec["data"][key]
    rec["data"]["volunteers_total"] = 1  # the gender / age sums now disagree (VR-03)
    return rec


def test_incomplete_draft_is_applied_without_an_echo_and_pulled_by_region(world):
    srv, sess = world
    rec = _half_filled()
    (ack,) = push_acks(srv, sess("d1"), "dev-draft", [make_op(1, rec)])
    assert ack["status"] == "applied" and ack["version"] == 1, ack
    assert not ack.get("errors"), ack  # the sender's own engine already showed the findings
    changes, _, _ = pull_all(sess("r1"), srv.url)  # the region's completeness grid sees it
    (seen,) = [c["record"] for c in changes if c["id"] == rec["id"]]
    assert seen["status"] == "draft" and "events_total" not in seen["data"]


@pytest.mark.parametrize("change, code, field", [
    ({"volunteers_total": "12"}, "not_integer", "volunteers_total"),
    ({"rfo_support_provided": "MAYBE"}, "unknown_code", "rfo_support_provided"),
    ({"gender": {"X": 3}}, "unknown_code", "gender.X"),
    ({"volunteers_totl": 5}, "field_not_in_form", "volunteers_totl"),
])
def test_draft_with_a_type_error_is_rejected(world, change, code, field):
    srv, sess = world
    rec = _half_filled()
    rec["data"].update(change)
    (ack,) = push_acks(srv, sess("d1"), f"dev-type-{code}", [make_op(1, rec)])
    assert ack["status"] == "rejected", ack
    assert [(e["message_code"], e["fields"]) for e in ack["errors"]] == [(code, [field])]
    assert sess("d1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=5).status_code == 404


def test_submitting_an_incomplete_record_is_rejected(world):
    srv, sess = world
    draft = _half_filled()
    assert push_acks(srv, sess("d1"), "dev-sub", [make_op(1, draft)])[0]["status"] == "applied"
    (ack,) = push_acks(srv, sess("d1"), "dev-sub", [make_op(2, dict(draft, status="submitted"), 1)])
    assert ack["status"] == "rejected"
    assert {e["message_code"] for e in ack["errors"]} >= {"required"}
    new = _half_filled("2024-04", status="submitted")
    assert push_acks(srv, sess("d1"), "dev-sub", [make_op(3, new)])[0]["status"] == "rejected"


def test_returned_record_may_be_saved_incomplete_but_not_corrected_so(world):
    srv, sess = world
    rec = monthly_report("SHY-ABAY", "2024-05", status="submitted")
    assert push_acks(srv, sess("d1"), "dev-ret", [make_op(1, rec)])[0]["status"] == "applied"
    # a region correction that returns the record with broken figures: still strict
    broken = dict(rec, status="returned", review_comment="fix the sums",
                  data=dict(rec["data"], volunteers_total=1))
    (ack,) = push_acks(srv, sess("r1"), "dev-ret-r", [make_op(1, broken, 1, reason="typo")])
    assert ack["status"] == "rejected" and ack["errors"][0]["rule"].startswith("VR-03"), ack
    r = sess("r1").post(f"{srv.url}/api/v1/records/{rec['id']}/review",
                        json={"action": "return", "comment": "fix the sums"}, timeout=5)
    assert r.status_code == 200, r.text
    returned = r.json()
    returned["data"]["volunteers_total"] = 1  # the district's half-done rework syncs
    (ack,) = push_acks(srv, sess("d1"), "dev-ret", [make_op(2, returned, returned["version"])])
    assert ack["status"] == "applied", ack
    # ... but submitting it again needs a valid record
    resubmit = dict(returned, status="submitted")
    (ack,) = push_acks(srv, sess("d1"), "dev-ret", [make_op(3, resubmit, ack["version"])])
    assert ack["status"] == "rejected"
