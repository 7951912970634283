"""The same client against the server on PostgreSQL (runs when ESEP_TEST_PG_URL is set)."""
from __future__ import annotations

import random

import pytest
from faultproxy import FaultProxy
from server_fixtures import make_pg_database, run_server
from test_sync_support import (
    DISTRICTS,
    fill,
    make_client,
    monthly,
    new_store,
    periods,
    seed_server,
    server_records,
)

from store import sync_state
from sync.engine import sync_once
from sync.transport import SyncError

pytestmark = pytest.mark.pg


@pytest.fixture
def pg_server(pg_url):
    with make_pg_database(pg_url) as url:
        srv = run_server(url)
        seed_server(url)
        yield srv
        srv.stop()


def test_pg_push_pull_noop_and_natural_key_conflict(pg_server, tmp_path):
    a, b = new_store(tmp_path, "a"), new_store(tmp_path, "b", user="dist1b")
    ca, cb = make_client(pg_server.url), make_client(pg_server.url, "dist1b")
    ids = fill(a, 8)
    assert sync_once(a, ca).pushed == 8
    assert sync_once(a, ca).requests == 1
    assert sync_once(b, cb).pulled == 8
    mine = a.save_record(monthly(DISTRICTS[0], "2030-01", 5), user="dist1")
    b.save_record(monthly(DISTRICTS[0], "2030-01", 7), user="dist1b")
    sync_once(a, ca)
    assert sync_once(b, cb).conflicts == 1
    (c,) = sync_state.conflicts(b)
    assert c["kind"] == "natural_key" and c["theirs"]["id"] == mine["id"]
    assert set(server_records(ca)) == set(ids) | {mine["id"]}


def test_pg_random_cuts_converge(pg_server, tmp_path):
    rng = random.Random(7)
    proxy = FaultProxy("127.0.0.1", int(pg_server.url.rsplit(":", 1)[1])).start()
    try:
        store = new_store(tmp_path, "a")
        client = make_client(proxy.url)
        client.body_retries = 0
        ids = []
        for k in range(12):
            for j in range(3):
                rec = monthly(DISTRICTS[0], periods(40)[3 * k + j], 10 + 3 * (3 * k + j))
                ids.append(store.save_record(rec, user="dist1")["id"])
            proxy.cut_after(rng.randint(1, 1500), rng.choice(["up", "down"]))
            try:
                sync_once(store, client)
            except SyncError:
                pass
            proxy.disarm()
        sync_once(store, client)
        assert proxy.cuts >= 6
        assert sync_state.outbox_count(store) == 0
        on_server = server_records(make_client(pg_server.url))
        assert set(on_server) == set(ids)
        assert all(store.get_record(i)["version"] == on_server[i]["version"] for i in ids)
    finally:
        proxy.stop()
