"""Natural-key conflicts visible on BOTH devices (docs/CONTRACTS.md §7), end to end: two
real stores, the real server. Device A holds the district-month (its record reached the
server first), device B's twin challenges it; either side resolves, the other one's conflict
clears on its next sync, the server keeps one live record and the contest is settled."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from test_sync_support import (
    DISTRICTS,
    make_client,
    monthly,
    new_store,
    server,
    server_records,
)

from server.config import normalize_db_url
from store import sync_state
from sync.engine import sync_once

__all__ = ["server"]  # fixtures

KEY = (DISTRICTS[0], "2024-03")


def _contests(db_url: str) -> list[tuple]:
    engine = sa.create_engine(normalize_db_url(db_url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(
                "SELECT record_id, challenger_id, resolved_at FROM contests").all()]
    finally:
        engine.dispose()


def _live_for_key(client) -> dict[str, dict]:
    return {i: c for i, c in server_records(client).items() if not c["deleted"]
            and (c["record"]["org_unit"], c["record"]["period"]) == KEY}


def _contested(server, tmp_path):
    """A syncs R1 first; B syncs its twin R2 afterwards: B's pull finds the twin (a local
    conflict) and its push still tells the server, which keeps the contest for A to see."""
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    r1 = a.save_record(monthly(*KEY, 10), user="dist1")
    r2 = b.save_record(monthly(*KEY, 20), user="dist1b")
    assert sync_once(a, ca).pushed == 1  # A's record reaches the server first
    sb = sync_once(b, cb)
    assert (sb.pushed, sb.conflicts) == (0, 1)
    (cb_conf,) = sync_state.conflicts(b)
    assert cb_conf["kind"] == "natural_key" and cb_conf["record_id"] == r2["id"]
    assert cb_conf["theirs"]["id"] == r1["id"]
    sa_ = sync_once(a, ca)  # A pulls its record again, now contested: a conflict here too
    assert sa_.conflicts == 1, sa_
    (ca_conf,) = sync_state.conflicts(a)
    assert ca_conf["kind"] == "natural_key" and ca_conf["record_id"] == r1["id"]
    assert ca_conf["mine"]["id"] == r1["id"] and ca_conf["theirs"]["id"] == r2["id"]
    assert ca_conf["theirs"]["data"]["volunteers_total"] == 20
    assert ca_conf["base"]["version"] == 1  # the synced copy of R1
    assert sync_once(a, ca).conflicts == 1  # stays until somebody resolves it
    assert [c[:2] for c in _contests(server.db_url)] == [(r1["id"], r2["id"])]
    return a, b, ca, cb, r1, r2


def _settled(server, a, b, ca, cb, r1, r2, total: int, first: str) -> None:
    order = [(a, ca), (b, cb)] if first == "a" else [(b, cb), (a, ca)]
    for store, client in order * 2:  # the resolver first
        summary = sync_once(store, client)
        assert (summary.conflicts, summary.rejected) == (0, 0), summary
    assert sync_state.conflicts(a) == [] and sync_state.conflicts(b) == []
    live = _live_for_key(ca)
    assert set(live) == {r1["id"]}, live
    assert live[r1["id"]]["record"]["data"]["volunteers_total"] == total
    assert live[r1["id"]].get("contested_by", []) == []
    (contest,) = _contests(server.db_url)
    assert contest[:2] == (r1["id"], r2["id"]) and contest[2] is not None
    for store in (a, b):
        assert store.get_record(r1["id"])["data"]["volunteers_total"] == total
        assert store.count_records(form="monthly_report") == 1
        assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert b.get_record(r2["id"])["deleted"] is True  # B's twin retired locally


def test_loser_resolves_and_the_holder_conflict_clears(server, tmp_path):
    a, b, ca, cb, r1, r2 = _contested(server, tmp_path)
    (c,) = sync_state.conflicts(b)
    assert c["resolves"] == [r2["id"]]
    sync_state.resolve_conflict(b, r2["id"], c["mine"], user="dist1b")  # keep B's numbers
    (op,) = sync_state.pending_ops(b)
    assert op["id"] == r1["id"] and op["resolves"] == [r2["id"]]
    _settled(server, a, b, ca, cb, r1, r2, total=20, first="b")


def test_holder_resolves_and_the_loser_conflict_clears(server, tmp_path):
    a, b, ca, cb, r1, r2 = _contested(server, tmp_path)
    (c,) = sync_state.conflicts(a)
    sync_state.resolve_conflict(a, r1["id"], c["mine"], user="dist1")  # keep A's as is
    (op,) = sync_state.pending_ops(a)
    assert op["id"] == r1["id"] and op["resolves"] == [r2["id"]] and op["base_version"] == 1
    _settled(server, a, b, ca, cb, r1, r2, total=10, first="a")


def test_holder_takes_the_challenger_numbers(server, tmp_path):
    a, b, ca, cb, r1, r2 = _contested(server, tmp_path)
    (c,) = sync_state.conflicts(a)
    sync_state.resolve_conflict(a, r1["id"], c["theirs"], user="dist1")
    assert a.get_record(r1["id"])["data"]["volunteers_total"] == 20
    _settled(server, a, b, ca, cb, r1, r2, total=20, first="a")


@pytest.mark.parametrize("who", ["loser", "holder"])
def test_a_local_edit_keeps_the_conflict_until_the_person_decides(server, tmp_path, who):
    """A pulled `contested_by: []` never clears a conflict whose record has local edits."""
    a, b, ca, cb, r1, r2 = _contested(server, tmp_path)
    resolver, rc, rid, other, oc, edited, user = (
        (b, cb, r2["id"], a, ca, r1["id"], "dist1") if who == "loser"
        else (a, ca, r1["id"], b, cb, r2["id"], "dist1b"))
    (c,) = sync_state.conflicts(resolver)
    sync_state.resolve_conflict(resolver, rid, c["theirs"], user="x")
    rec = other.get_record(edited)
    other.save_record(dict(rec, data=dict(rec["data"], typical_events_text="edited")),
                      user=user)
    assert sync_once(resolver, rc).conflicts == 0
    assert sync_once(other, oc).conflicts == 1  # settled elsewhere, but edited: a person decides
    assert other.get_record(edited)["data"]["typical_events_text"] == "edited"
    assert other.get_record(edited)["deleted"] is False
