"""The sync engine against the real server: push, pull, no-op, conflicts, rejections, 426."""
from __future__ import annotations

import json

import pytest
from test_sync_support import (
    DISTRICTS,
    fill,
    make_client,
    monthly,
    new_store,
    outbox_size,
    proxy,
    server,
    server_records,
)

from store import sync_state
from store.refused import resend_refused
from sync.engine import sync_once
from sync.transport import InsecureURL, SyncClient, UpgradeRequired, check_url

__all__ = ["proxy", "server"]  # fixtures


def test_push_then_noop_is_one_small_request(server, tmp_path):
    store = new_store(tmp_path, "a")
    ids = fill(store, 12)
    client = make_client(server.url)
    first = sync_once(store, client)
    assert first.pushed == 12 and first.conflicts == 0 and first.rejected == 0
    assert outbox_size(store) == 0
    assert all(store.get_record(i)["version"] == 1 for i in ids)
    assert store.db.execute("SELECT sum(dirty) FROM records").fetchone()[0] == 0
    on_server = server_records(client)
    assert set(ids) <= set(on_server)
    second = sync_once(store, client)
    assert (second.requests, second.pushed, second.pulled) == (1, 0, 0)
    assert second.bytes_up + second.bytes_down <= 1024, second


def test_noop_measured_on_the_wire_by_the_proxy(server, proxy, tmp_path):
    store = new_store(tmp_path, "a")
    fill(store, 3)
    client = make_client(proxy.url)
    sync_once(store, client)
    proxy.reset_counters()
    summary = sync_once(store, client)
    assert summary.requests == 1
    assert proxy.bytes_up + proxy.bytes_down <= 1024, (proxy.bytes_up, proxy.bytes_down)
    # our own estimate of wire bytes stays within 15 % of what really crossed the wire
    real = proxy.bytes_up + proxy.bytes_down
    assert abs(summary.bytes_up + summary.bytes_down - real) <= 0.15 * real


def test_second_device_pulls_and_sees_edits(server, tmp_path):
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ids = fill(a, 5)
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    sync_once(a, ca)
    got = sync_once(b, cb)
    assert got.pulled == 5
    assert {r["id"] for r in b.list_records()} == set(ids)
    rec = b.get_record(ids[0])
    rec["data"]["volunteers_total"] = 999
    rec["data"]["gender"] = {"F": 500, "M": 499}
    rec["data"]["age"] = {"A18_28": 999}
    rec["data"]["occupation"] = {"STUDENT": 999}
    b.save_record(rec, user="dist1b")
    assert sync_once(b, cb).pushed == 1
    assert sync_once(a, ca).pulled == 1
    assert a.get_record(ids[0])["data"]["volunteers_total"] == 999
    assert a.get_record(ids[0])["version"] == 2
    assert outbox_size(a) == 0


def test_pulled_change_over_local_edit_is_a_conflict_not_an_overwrite(server, tmp_path):
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    (rid,) = fill(a, 1)
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    sync_once(a, ca)
    sync_once(b, cb)
    for store, user, text in ((a, "dist1", "mine"), (b, "dist1b", "theirs")):
        rec = store.get_record(rid)
        rec["data"]["typical_events_text"] = text
        store.save_record(rec, user=user)
    assert sync_once(b, cb).pushed == 1
    summary = sync_once(a, ca)
    assert summary.conflicts == 1
    assert a.get_record(rid)["data"]["typical_events_text"] == "mine"  # not overwritten
    (c,) = sync_state.conflicts(a)
    assert c["mine"]["data"]["typical_events_text"] == "mine"
    assert c["theirs"]["data"]["typical_events_text"] == "theirs"
    assert sync_once(a, ca).requests == 1  # the waiting conflict is not re-sent
    # resolution is a normal op with base_version = theirs.version
    merged = dict(c["mine"], data=dict(c["mine"]["data"], typical_events_text="both"))
    sync_state.resolve_conflict(a, rid, merged, user="dist1")
    done = sync_once(a, ca)
    assert (done.pushed, done.conflicts) == (1, 0)
    sync_once(b, cb)
    assert b.get_record(rid)["data"]["typical_events_text"] == "both"
    assert a.get_record(rid)["version"] == b.get_record(rid)["version"] == 3


def test_same_district_month_on_two_devices_is_one_conflict_on_both(server, tmp_path):
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ra = a.save_record(monthly(DISTRICTS[0], "2024-03", 10), user="dist1")
    rb = b.save_record(monthly(DISTRICTS[0], "2024-03", 20), user="dist1b")
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    assert sync_once(a, ca).pushed == 1
    sb = sync_once(b, cb)
    assert sb.conflicts == 1 and sb.pushed == 0
    (c,) = sync_state.conflicts(b)
    assert c["kind"] == "natural_key" and c["record_id"] == rb["id"]
    assert c["theirs"]["id"] == ra["id"] and c["mine"]["data"]["volunteers_total"] == 20
    assert len(server_records(cb)) == 1  # nothing created twice
    # resolve on b keeping b's numbers: the server's record (a's id) gets them
    sync_state.resolve_conflict(b, rb["id"], c["mine"], user="dist1b")
    assert sync_once(b, cb).pushed == 1
    sync_once(a, ca)
    assert a.get_record(ra["id"])["data"]["volunteers_total"] == 20
    assert len([r for r in b.list_records()]) == 1


def test_rejected_op_is_parked_and_the_rest_still_syncs(server, tmp_path):
    store = new_store(tmp_path, "a")
    good = fill(store, 4)
    bad = store.save_record(monthly(DISTRICTS[5], "2024-01"), user="dist1")  # not our district
    client = make_client(server.url)
    summary = sync_once(store, client)
    assert (summary.pushed, summary.rejected) == (4, 1)
    (p,) = sync_state.parked(store)
    assert p["record_id"] == bad["id"] and p["errors"][0]["code"] == "forbidden"
    assert set(good) <= set(server_records(client)) and bad["id"] not in server_records(client)
    again = sync_once(store, client)
    assert again.requests == 1 and again.rejected == 1  # parked: not re-sent, still visible
    resend_refused(store, bad["id"])  # a new op_seq: the server's ledger answers a replayed one
    retried = sync_state.pending_ops(store)
    assert [o["id"] for o in retried] == [bad["id"]] and retried[0]["op_seq"] > p["op_seq"]
    third = sync_once(store, client)  # sent again (with the pull: one request), refused again,
    assert (third.requests, third.rejected, third.pushed) == (1, 1, 0)  # parked again


def test_426_keeps_the_queue(server, tmp_path, monkeypatch):
    store = new_store(tmp_path, "a")
    fill(store, 3)
    client = make_client(server.url)
    client.session.headers["X-Esep-Schema"] = "999"
    with pytest.raises(UpgradeRequired):
        sync_once(store, client)
    assert outbox_size(store) == 3
    assert store.db.execute("SELECT outcome FROM sync_log").fetchone()[0] == "failed"
    client.session.headers["X-Esep-Schema"] = "1"
    assert sync_once(store, client).pushed == 3


def test_plain_http_to_a_remote_host_is_refused():
    with pytest.raises(InsecureURL):
        check_url("http://example.org:8000")
    with pytest.raises(InsecureURL):
        SyncClient("http://10.0.0.5")
    assert check_url("http://example.org/", insecure=True) == "http://example.org"
    assert check_url("https://example.org/") == "https://example.org"
    assert check_url("http://127.0.0.1:9/") == "http://127.0.0.1:9"
    assert check_url("http://[::1]:9") == "http://[::1]:9"


def test_sync_log_records_each_run(server, tmp_path):
    store = new_store(tmp_path, "a")
    fill(store, 2)
    sync_once(store, make_client(server.url))
    outcome, summary = store.db.execute("SELECT outcome, summary FROM sync_log").fetchone()
    assert outcome == "ok" and json.loads(summary)["pushed"] == 2


def test_several_edits_before_a_sync_travel_as_one_op(server, tmp_path):
    store = new_store(tmp_path, "a")
    rec = store.save_record(monthly(DISTRICTS[0], "2024-04", 10), user="dist1")
    for text in ("first", "second", "third"):
        rec = dict(store.get_record(rec["id"]), data=dict(rec["data"], typical_events_text=text))
        store.save_record(rec, user="dist1")
    ops = sync_state.pending_ops(store)
    assert len(ops) == 1 and ops[0]["data"]["data"]["typical_events_text"] == "third"
    assert ops[0]["base_version"] is None and ops[0]["op"] == "upsert"
    client = make_client(server.url)
    assert sync_once(store, client).pushed == 1
    srv = server_records(client)[rec["id"]]
    assert srv["version"] == 1 and srv["record"]["data"]["typical_events_text"] == "third"
    assert outbox_size(store) == 0


def test_cancel_keeps_the_queue_and_progress_is_reported(server, tmp_path):
    import threading

    from sync.engine import BatchSizer, Cancelled, push_changes

    store = new_store(tmp_path, "a")
    fill(store, 30)
    client = make_client(server.url)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        sync_once(store, client, cancel=stop)
    assert outbox_size(store) == 30
    assert store.db.execute("SELECT outcome FROM sync_log").fetchone()[0] == "cancelled"
    seen = []
    sizer = BatchSizer(target=1024)  # tiny batches: several requests, growing
    counts, own = push_changes(store, client, sizer=sizer,
                               progress=lambda stage, done, total: seen.append((stage, done)))
    assert counts["applied"] == 30 and len(own) == 30
    assert len(seen) >= 3 and seen[-1] == ("push", 30)
    assert sizer.history == sorted(sizer.history)  # only grew: no timeouts


def test_batch_sizer_grows_shrinks_and_respects_its_budget():
    from sync.engine import MAX_BATCH, MIN_BATCH, BatchSizer

    sizer = BatchSizer(target=8 * 1024, ratio=0.5)
    ops = [{"op_seq": i, "data": {"x": "y" * 1000}} for i in range(100)]
    batch = sizer.take(ops)
    assert 10 <= len(batch) <= 17  # ~16 KB of raw JSON for 8 KB compressed at ratio 0.5
    assert sizer.take(ops[:1]) == ops[:1]  # one oversized op still goes alone
    for _ in range(30):
        sizer.shrink()
    assert sizer.target == MIN_BATCH
    for _ in range(30):
        sizer.grow()
    assert sizer.target == MAX_BATCH


def test_conflicts_answered_by_push_acks_are_stored_once(server, tmp_path):
    from sync.engine import push_changes

    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ca, cb = make_client(server.url), make_client(server.url, "dist1b")
    (shared,) = fill(a, 1, seed=9)
    sync_once(a, ca)
    sync_once(b, cb)
    ra = a.save_record(monthly(DISTRICTS[0], "2024-07", 10), user="dist1")
    rb = b.save_record(monthly(DISTRICTS[0], "2024-07", 30), user="dist1b")  # same key
    for store, user in ((a, "dist1"), (b, "dist1b")):
        rec = store.get_record(shared)
        store.save_record(dict(rec, data=dict(rec["data"], typical_events_text=user)),
                          user=user)
    assert sync_once(a, ca).pushed == 2
    counts, _ = push_changes(b, cb)  # push before pulling: the server answers `conflict`
    assert counts["conflict"] == 2 and counts["rejected"] == 0
    kinds = {c["record_id"]: c["kind"] for c in sync_state.conflicts(b)}
    assert kinds == {shared: "version", rb["id"]: "natural_key"}
    theirs = {c["record_id"]: c["theirs"] for c in sync_state.conflicts(b)}
    assert theirs[shared]["data"]["typical_events_text"] == "dist1"
    assert theirs[rb["id"]]["id"] == ra["id"]
    summary = sync_once(b, cb)  # the pull brings both server copies again: still 2
    assert (summary.conflicts, summary.pushed) == (2, 0)
    assert {c["record_id"] for c in sync_state.conflicts(b)} == {shared, rb["id"]}
    assert b.get_record(shared)["data"]["typical_events_text"] == "dist1b"
    assert b.get_record(ra["id"]) is None  # the twin is not inserted over ours
    assert ra["id"] in server_records(cb) and rb["id"] not in server_records(cb)
