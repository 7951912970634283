"""A push batch's end (server.seqs.commit_batch): on PostgreSQL the record rows, revisions and
ledger rows go as JSON recordsets with the epoch read, the change_seq stamp and the COMMIT in
one round trip; a value the database refuses rolls the whole batch back and it runs again op
by op. Stored text stays exactly what was sent, on both databases."""
from __future__ import annotations

import json

import sqlalchemy as sa

from server.db import ledger, make_engine, records, revisions
from tests.server_fixtures import live_server_any, make_op, monthly_report, push, push_acks

__all__ = ["live_server_any"]  # fixture

ODD_TEXT = ('Қазақ "тілі" \\ back\\slash\n\ttab \u2028 line 😀 emoji, '
            "'single' {\"json\": [1]} \u00e9\u0301 end")


def _world(srv):
    from tests.server_fixtures import api_session, seed_world

    seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
    return api_session(srv.url, "d1")


def test_odd_text_is_stored_exactly_and_replays_as_duplicates(live_server_any):
    srv = live_server_any
    s = _world(srv)
    recs = [monthly_report("SHY-ABAY", f"2024-{m:02d}", typical_events_text=ODD_TEXT + str(m))
            for m in (1, 2, 3)]  # drafts: free text without the tags a submission needs
    recs[1]["justification"] = ODD_TEXT
    ops = [make_op(i + 1, r) for i, r in enumerate(recs)]
    acks = push_acks(srv, s, "tail-dev", ops)
    assert [a["status"] for a in acks] == ["applied"] * 3, acks
    seqs = [a["change_seq"] for a in acks]
    assert seqs == list(range(seqs[0], seqs[0] + 3))  # gap-free, in op order
    for rec in recs:
        got = s.get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=10).json()
        assert got["data"]["typical_events_text"] == rec["data"]["typical_events_text"]
        assert got["justification"] == rec["justification"]
    engine = make_engine(srv.db_url)
    try:
        with engine.connect() as conn:
            stored = {r.id: r for r in conn.execute(sa.select(records))}
            revs = {r.record_id: r for r in conn.execute(sa.select(revisions))}
            led = {r.op_seq: r for r in conn.execute(sa.select(ledger))}
    finally:
        engine.dispose()
    for rec, ack in zip(recs, acks):
        assert json.loads(stored[rec["id"]].data) == rec["data"]
        assert revs[rec["id"]].data == stored[rec["id"]].data
        assert stored[rec["id"]].change_seq == ack["change_seq"]
    assert {op: r.change_seq for op, r in led.items()} == {1: seqs[0], 2: seqs[1], 3: seqs[2]}
    again = push_acks(srv, s, "tail-dev", ops)
    assert [(a["status"], a["change_seq"]) for a in again] == [("duplicate", q) for q in seqs]


def test_a_refused_value_costs_only_its_own_op(live_server_any):
    """A NUL (PostgreSQL text cannot hold it) in a column, in the middle of a batch: the fast
    path fails at its end, the batch runs again op by op, and only that op is refused."""
    srv = live_server_any
    s = _world(srv)
    recs = [monthly_report("SHY-ABAY", f"2025-{m:02d}") for m in (1, 2, 3)]
    recs[1]["justification"] = "a\u0000b"  # (inside `data` it is JSON text: \\u0000)
    r = push(s, srv.url, "nul-tail", [make_op(i + 1, rec) for i, rec in enumerate(recs)])
    assert r.status_code == 200, r.text
    acks = r.json()["acks"]
    pg = srv.db_url.startswith("postgresql")
    assert [a["status"] for a in acks] == (["applied", "rejected", "applied"] if pg
                                          else ["applied"] * 3), acks
    if pg:  # refused by the database, not by the forms engine
        assert [e["code"] for e in acks[1]["errors"]] == ["invalid_value"], acks[1]
    seqs = [a["change_seq"] for a in acks if a["status"] == "applied"]
    assert seqs[1] == seqs[0] + 1  # the refused op took no seq
    assert s.get(f"{srv.url}/api/v1/records/{recs[1]['id']}", timeout=10).status_code == (
        404 if pg else 200)
