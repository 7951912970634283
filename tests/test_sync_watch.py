"""`watch`: probes cheaply with backoff while offline, syncs as soon as the line returns."""
from __future__ import annotations

import threading
import time

from test_sync_support import fill, make_client, new_store, proxy, server, server_records

from store import sync_state
from sync.watch import watch

__all__ = ["proxy", "server"]  # fixtures


def _wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_watch_waits_offline_with_backoff_then_syncs(server, proxy, tmp_path):
    client = make_client(proxy.url)
    proxy.offline = True
    stop = threading.Event()
    results, state = [], {}

    def run():  # the store is opened in the thread that uses it (sqlite3 rule)
        store = new_store(tmp_path, "a")
        state["ids"] = fill(store, 4)
        try:
            state["syncs"] = watch(store, client, probe_interval=0.05, max_backoff=0.4,
                                   stop_event=stop, pull_interval=3600,
                                   on_result=lambda s, e: results.append((s, e)))
            state["left"] = sync_state.outbox_count(store)
        finally:
            store.close()

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(1.5)
    offline_connections = proxy.connections
    assert results and all(s is None for s, _ in results)  # it tried and failed, quietly
    assert offline_connections <= 15  # backoff: far fewer than 1.5 / 0.05 = 30 probes
    proxy.offline = False
    assert _wait_for(lambda: any(s is not None and s.pushed == 4 for s, _ in results))
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert state["left"] == 0 and state["syncs"] >= 1
    assert set(state["ids"]) <= set(server_records(make_client(server.url)))


def test_watch_pulls_periodically_and_stops_on_request(server, tmp_path):
    stop = threading.Event()
    client = make_client(server.url)
    out, results = {}, []

    def run():
        store = new_store(tmp_path, "b")
        out["n"] = watch(store, client, probe_interval=0.05, stop_event=stop,
                         pull_interval=0.2, on_result=lambda s, e: results.append((s, e)))
        store.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert _wait_for(lambda: len(results) >= 3)  # idle: a pull every pull_interval
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive() and out["n"] == len(results)
    assert all(s is not None and s.requests == 1 for s, _ in results[1:])  # no-op pulls
