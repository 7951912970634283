"""A cut connection at any byte resumes where it stopped: nothing lost, nothing twice."""
from __future__ import annotations

import random

from test_sync_support import (
    DISTRICTS,
    fill,
    make_client,
    monthly,
    new_store,
    outbox_size,
    periods,
    proxy,
    server,
    server_records,
)

from store import sync_state
from sync.engine import sync_once
from sync.transport import OfflineError, SyncError

__all__ = ["proxy", "server"]  # fixtures


def _sync_until_clean(store, client, max_rounds: int = 15) -> int:
    """Keep syncing until one sync succeeds with nothing left to send; returns failures."""
    failures = 0
    for _ in range(max_rounds):
        try:
            sync_once(store, client)
        except (OfflineError, SyncError):
            failures += 1
            continue
        if sync_state.outbox_count(store) == 0:
            return failures
    raise AssertionError("did not converge")


def test_fifty_random_cuts_during_push_and_pull_converge(server, proxy, tmp_path):
    rng = random.Random(20261124)
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ca, cb = make_client(proxy.url), make_client(proxy.url, "dist1b")
    ca.body_retries = cb.body_retries = 0  # let the engine see every cut
    expected: set[str] = set()
    failed = 0
    for round_no in range(150):
        if proxy.cuts >= 56:
            break
        expected |= set(_add(a, rng, round_no))
        proxy.cut_after(rng.randint(1, 1500), "up" if round_no % 3 else "down")
        failed += _sync_until_clean(a, ca)
        proxy.disarm()
        proxy.cut_after(rng.randint(1, 1500), "down" if round_no % 3 else "up")
        failed += _sync_until_clean(b, cb)
        proxy.disarm()
    assert proxy.cuts >= 50 and failed >= 25, (proxy.cuts, failed)
    on_server = server_records(make_client(server.url))
    assert set(on_server) == expected  # 0 lost
    assert len(on_server) == len(expected)  # 0 duplicated (ids are the primary key)
    for store in (a, b):
        local = {r["id"]: r for r in store.list_records()}
        assert set(local) == expected
        stale = [(i, local[i]["version"], on_server[i]["version"]) for i in expected
                 if local[i]["version"] != on_server[i]["version"]]
        assert not stale, (store is a, len(stale), [(p["op_seq"], p["errors"])
                                                    for p in sync_state.parked(store)[:3]],
                           [(c["kind"], c["record_id"]) for c in sync_state.conflicts(store)])
        assert all(local[i]["data"] == on_server[i]["record"]["data"] for i in expected)
    assert outbox_size(a) == 0 and not sync_state.conflicts(a) and not sync_state.parked(a)
    assert not sync_state.conflicts(b)


def _add(store, rng, round_no: int) -> list[str]:
    """New records and an edit of an old one (so pulls carry updates too)."""
    start = len(store.list_records())
    ids = []
    for k in range(rng.randint(1, 4)):
        n = start + k
        rec = monthly(DISTRICTS[0], periods(1200)[n], 20 + 3 * n)  # distinct (VR-01)
        ids.append(store.save_record(rec, user="dist1")["id"])
    old = store.list_records()[rng.randrange(start + len(ids))]
    old["data"]["typical_events_text"] = f"edited in round {round_no}"
    store.save_record(old, user="dist1")
    return ids


def test_lost_ack_is_replayed_as_duplicate_and_nothing_is_created_twice(server, proxy,
                                                                        tmp_path):
    store = new_store(tmp_path, "a")
    ids = fill(store, 5)
    client = make_client(proxy.url)
    sync_state.apply_pulled(store, [], 0)
    # pull first (no drop), then the push's answer is swallowed after the server committed
    client.pull(0)
    proxy.drop_next_response()
    acks = client.push(store.device_id, sync_state.pending_ops(store))  # urllib3 retries it
    assert proxy.drops == 1
    assert {a["status"] for a in acks} == {"duplicate"}
    assert [a["version"] for a in acks] == [1] * 5
    sync_state.apply_acks(store, acks)
    assert outbox_size(store) == 0
    assert len(server_records(make_client(server.url))) == 5
    assert {store.get_record(i)["version"] for i in ids} == {1}


def test_lost_ack_then_local_edit_is_not_a_false_conflict(server, proxy, tmp_path):
    store = new_store(tmp_path, "a")
    (rid,) = fill(store, 1)
    client = make_client(proxy.url)
    client.session.get_adapter("http://").max_retries.total = 0
    ops = sync_state.pending_ops(store)
    sync_state.mark_inflight(store, [o["op_seq"] for o in ops])
    proxy.drop_next_response()
    try:
        client.push(store.device_id, ops)
    except OfflineError:
        pass
    rec = store.get_record(rid)
    rec["data"]["typical_events_text"] = "edited while the ack was lost"
    store.save_record(rec, user="dist1")
    client.session.get_adapter("http://").max_retries.total = 3
    summary = sync_once(store, client)
    assert (summary.conflicts, summary.rejected) == (0, 0)
    srv = server_records(make_client(server.url))[rid]
    assert srv["version"] == 2
    assert srv["record"]["data"]["typical_events_text"] == "edited while the ack was lost"


def test_batch_shrinks_after_a_timeout_and_everything_arrives_once(server, tmp_path):
    from faultproxy import FaultProxy

    from sync.engine import BatchSizer, push_changes
    from sync.transport import SyncClient, make_retry

    rng = random.Random(5)
    store = new_store(tmp_path, "a")
    ids = []
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    for k in range(30):  # ~1.2 KB of incompressible text each: bandwidth decides the time
        rec = monthly(DISTRICTS[0], periods(30)[k], 10 + 7 * k)
        rec["data"]["typical_events_text"] = "".join(rng.choice(alphabet) for _ in range(1600))
        ids.append(store.save_record(rec, user="dist1")["id"])
    slow = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1]), rate=20_000).start()
    try:
        client = SyncClient(slow.url, retry=make_retry(total=0), timeout=(3.0, 1.2))
        client.login("dist1", "correct horse battery")
        sizer = BatchSizer(target=32 * 1024)
        counts, _ = push_changes(store, client, sizer=sizer)
    finally:
        slow.stop()
    assert min(sizer.history) < 32 * 1024  # it shrank after a timeout...
    assert counts["applied"] + counts["duplicate"] == 30, counts  # ...and sent them all
    assert outbox_size(store) == 0
    on_server = server_records(make_client(server.url))
    assert set(on_server) == set(ids) and len(on_server) == 30
    assert {r["version"] for r in on_server.values()} == {1}  # nothing applied twice
