"""Conflicts carry a real `base`: the record as last synced (table `synced_copies`, written in
the same transaction as the ack or the pulled change that set the record's version)."""
from __future__ import annotations

import shutil
from pathlib import Path

from test_sync_support import fill, make_client, new_store, server

from store import open_store, sync_state
from store.cipher import open_connection
from sync.engine import push_changes, sync_once

__all__ = ["server"]  # fixtures

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"


def _edit(store, rid: str, user: str, text: str) -> None:
    rec = store.get_record(rid)
    store.save_record(dict(rec, data=dict(rec["data"], typical_events_text=text)), user=user)


def _two_synced(server, tmp_path):
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    (rid,) = fill(a, 1)
    sync_once(a, ca)
    sync_once(b, cb)
    return a, b, ca, cb, rid


def test_ack_and_pull_keep_the_synced_copy(server, tmp_path):
    a, b, ca, _, rid = _two_synced(server, tmp_path)
    original = a.get_record(rid)["data"]["typical_events_text"]
    for store in (a, b):  # a: from its push ack, b: from the pulled change
        copy = sync_state.synced_copy(store, rid)
        assert copy["version"] == 1 and copy["data"]["typical_events_text"] == original
    _edit(a, rid, "dist1", "edited later")  # a local edit does not move the synced copy
    assert sync_state.synced_copy(a, rid)["data"]["typical_events_text"] == original
    sync_once(a, ca)
    copy = sync_state.synced_copy(a, rid)
    assert (copy["version"], copy["data"]["typical_events_text"]) == (2, "edited later")


def test_conflict_from_a_pull_has_the_last_synced_base(server, tmp_path):
    a, b, ca, cb, rid = _two_synced(server, tmp_path)
    original = a.get_record(rid)["data"]["typical_events_text"]
    _edit(a, rid, "dist1", "mine")
    _edit(b, rid, "dist1b", "theirs")
    assert sync_once(b, cb).pushed == 1
    assert sync_once(a, ca).conflicts == 1
    (c,) = sync_state.conflicts(a)
    assert c["base"] is not None, "conflicts.base is still NULL"
    assert c["base"]["version"] == 1 and c["base"]["data"]["typical_events_text"] == original
    assert c["mine"]["data"]["typical_events_text"] == "mine"
    assert c["theirs"]["data"]["typical_events_text"] == "theirs"


def test_conflict_from_a_push_ack_has_the_last_synced_base(server, tmp_path):
    a, b, ca, cb, rid = _two_synced(server, tmp_path)
    original = b.get_record(rid)["data"]["typical_events_text"]
    _edit(a, rid, "dist1", "first")
    _edit(b, rid, "dist1b", "second")
    sync_once(a, ca)
    counts, _ = push_changes(b, cb)  # no pull first: the server answers `conflict`
    assert counts["conflict"] == 1
    (c,) = sync_state.conflicts(b)
    assert c["base"]["data"]["typical_events_text"] == original
    assert c["theirs"]["version"] == 2 and c["theirs"]["data"]["typical_events_text"] == "first"
    # the pull that follows refreshes theirs but keeps the base
    sync_once(b, cb)
    (c,) = sync_state.conflicts(b)
    assert c["base"]["data"]["typical_events_text"] == original


def test_resolution_then_sync_moves_the_base_on(server, tmp_path):
    a, b, ca, cb, rid = _two_synced(server, tmp_path)
    _edit(a, rid, "dist1", "mine")
    _edit(b, rid, "dist1b", "theirs")
    sync_once(b, cb)
    sync_once(a, ca)
    (c,) = sync_state.conflicts(a)
    sync_state.resolve_conflict(a, rid, c["theirs"], user="dist1")  # take theirs as is
    assert sync_state.synced_copy(a, rid)["version"] == 2
    _edit(a, rid, "dist1", "again")
    _edit(b, rid, "dist1b", "again theirs")
    sync_once(b, cb)
    sync_once(a, ca)
    (c,) = sync_state.conflicts(a)
    assert c["base"]["version"] == 2 and c["base"]["data"]["typical_events_text"] == "theirs"


def test_upgrade_from_schema_v1_backfills_synced_copies(tmp_path):
    path = tmp_path / "esep.sqlite3"
    shutil.copy(FIXTURE, path)
    store = open_store(path)
    try:
        ids = {r[0] for r in store.db.execute("SELECT record_id FROM synced_copies")}
        # synced and clean in the fixture: records 1 (version 7) and 4 (version 3)
        assert ids == {"00000000-0000-4000-8000-000000000001",
                       "00000000-0000-4000-8000-000000000004"}
        copy = sync_state.synced_copy(store, "00000000-0000-4000-8000-000000000001")
        assert copy["version"] == 7 and copy["data"]["gender"] == {"F": 330, "M": 274}
        assert all(c["resolves"] == [] for c in sync_state.conflicts(store))
    finally:
        store.close()
    conn = open_connection(path)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(outbox)")}
    conn.close()
    assert "resolves" in cols
