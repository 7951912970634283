"""store.refused against a real server on 127.0.0.1: a refused submission dropped takes back
the server's draft and leaves no revision the server never had; a refused record waiting in a
conflict is not dropped (the conflict settles it) and nothing changes; a resend after a later
edit sends the record as it is now, once."""
from __future__ import annotations

import pytest
from test_sync_support import DISTRICTS, make_client, monthly, new_store, server

from store import StoreError, sync_state
from store.refused import drop_refused, resend_refused
from sync.engine import sync_once

__all__ = ["server"]  # fixtures


def _state(store) -> tuple:
    return tuple(store.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                 for t in ("records", "audit", "outbox", "revisions", "conflicts"))


def _refused_submission(store, client) -> dict:
    """A draft the server holds (v1), then moved offline to a neighbour's district and
    submitted there: the server refuses it (forbidden)."""
    rec = store.save_record(monthly(DISTRICTS[0], "2024-06", n=11), user="dist1")
    assert sync_once(store, client).pushed == 1
    moved = store.save_record(dict(store.get_record(rec["id"]), org_unit=DISTRICTS[4]),
                              user="dist1")
    store.submit_record(moved["id"], user="dist1", justification="сверено")
    assert store.revisions(rec["id"]) != []
    assert sync_once(store, client).rejected == 1
    return rec


def test_a_refused_submission_dropped_is_the_servers_draft_again(server, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(server.url)
    rec = _refused_submission(store, client)
    done = drop_refused(store, rec["id"], user="dist1")
    assert done["outcome"] == "server_copy"
    back = store.get_record(rec["id"])
    assert (back["org_unit"], back["status"], back["version"]) == (DISTRICTS[0], "draft", 1)
    assert store.revisions(rec["id"]) == []  # the refused submission's revision is gone
    assert sync_state.parked(store) == [] and sync_state.outbox_count(store) == 0
    again = sync_once(store, client)
    assert (again.pushed, again.rejected, again.conflicts) == (0, 0, 0)


def test_a_refused_record_in_a_conflict_is_settled_there_not_dropped(server, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(server.url)
    rec = _refused_submission(store, client)
    other, other_client = new_store(tmp_path, "b", "dist1b"), make_client(server.url, "dist1b")
    sync_once(other, other_client)
    mine = other.get_record(rec["id"])
    other.save_record(dict(mine, data={**mine["data"], "volunteer_hours": 40.0}), user="dist1b")
    assert sync_once(other, other_client).pushed == 1
    assert sync_once(store, client).conflicts == 1  # the server's v2 meets our refused change
    before = _state(store)
    with pytest.raises(StoreError) as caught:
        drop_refused(store, rec["id"], user="dist1")
    assert caught.value.code == "drop_in_conflict"
    assert _state(store) == before


def test_a_resend_after_a_later_edit_sends_the_record_once(server, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(server.url)
    wrong = store.save_record(monthly(DISTRICTS[4], "2024-07"), user="dist1")
    assert sync_once(store, client).rejected == 1
    store.save_record(dict(store.get_record(wrong["id"]), org_unit=DISTRICTS[0]), user="dist1")
    resend_refused(store, wrong["id"])  # the later edit already carries the record
    assert [o["id"] for o in sync_state.pending_ops(store)] == [wrong["id"]]
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    done = sync_once(store, client)
    assert (done.pushed, done.rejected) == (1, 0)
    with pytest.raises(StoreError) as caught:
        resend_refused(store, wrong["id"])
    assert caught.value.code == "refused_none"
