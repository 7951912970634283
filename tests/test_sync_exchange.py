"""A sync with something to push is ONE request (POST /sync/exchange: the first pull page and
the first push batch), and every way back to pull-then-push keeps working: an older server,
a route that answers 404, another server, a new epoch, a lost answer. Real server, real
stores."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from server_fixtures import run_server
from starlette.responses import JSONResponse
from test_sync_support import (
    DISTRICTS,
    fill,
    make_client,
    monthly,
    new_store,
    outbox_size,
    periods,
    proxy,
    seed_server,
    server,
    server_records,
)

from server.app import create_app
from server.epoch import renew_epoch
from store import sync_state
from sync import exchange
from sync.engine import OtherServerError, refresh_reference, sync_once
from sync.protocol import API_PREFIX, EXCHANGE_HEADER

__all__ = ["proxy", "server"]  # fixtures
EXCHANGE_PATH = API_PREFIX + "/sync/exchange"


def logged_in(store, client):
    """As `esep login` leaves a data folder: the user and org units fetched."""
    refresh_reference(store, client)
    return client


def more(store, count: int, after: int) -> list[str]:
    """`count` more records of dist1's district, in the months after the first `after`."""
    return [store.save_record(monthly(DISTRICTS[0], p, 40 + i), user="dist1")["id"]
            for i, p in enumerate(periods(after + count)[after:])]


def test_a_sync_with_an_outbox_is_one_request_that_pulls_too(server, tmp_path):
    other, mine = new_store(tmp_path, "b"), new_store(tmp_path, "a", user="reg1")
    theirs = fill(other, 3)
    sync_once(other, make_client(server.url))
    client = logged_in(mine, make_client(server.url, "reg1"))
    ours = fill(mine, 5, user="reg1", org_units=[DISTRICTS[2]])
    summary = sync_once(mine, client)
    assert (summary.requests, summary.pushed, summary.pulled) == (1, 5, 3), summary
    assert all(mine.get_record(i)["version"] == 1 for i in ours + theirs)
    assert outbox_size(mine) == 0
    # the cursor went over our own writes: their echo is never downloaded
    assert sync_state.get_cursor(mine) == 8
    again = sync_once(mine, client)
    assert (again.requests, again.pushed, again.pulled) == (1, 0, 0)
    assert set(server_records(client)) == set(ours + theirs)


def test_login_teaches_the_exchange_and_its_encoding(server, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(server.url)
    assert client.exchange_codings == "xz, gzip"  # named by the login answer
    refresh_reference(store, client)
    assert store.get_setting(exchange.KEY) == {"url": server.url, "codings": "xz, gzip"}


def _serve(db_url: str, *, route: bool, header: bool):
    """The real app behind a filter: without the exchange route (404) and/or without its
    header (an older server, or a gateway that does not pass the route). Returns
    (url, hits on the exchange path, stop)."""
    hits = []

    def wrap(app):
        async def filtered(scope, receive, send):
            if scope["type"] == "http" and scope["path"] == EXCHANGE_PATH:
                hits.append(1)
                if not route:
                    return await JSONResponse({"detail": "Not Found"}, 404)(scope, receive,
                                                                             send)

            async def strip(msg):
                if msg["type"] == "http.response.start" and not header:
                    name = EXCHANGE_HEADER.lower().encode()
                    msg = dict(msg, headers=[h for h in msg["headers"] if h[0] != name])
                await send(msg)
            return await app(scope, receive, strip)
        return filtered

    live = run_server(db_url, wrap=wrap)
    return live.url, hits, live.stop


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'filtered.sqlite3'}"
    create_app(url).state.engine.dispose()  # migrated, then seeded
    seed_server(url)
    return url


def test_an_older_server_gets_a_pull_then_a_push(db_url, tmp_path):
    url, hits, stop = _serve(db_url, route=False, header=False)
    try:
        store = new_store(tmp_path, "a")
        client = logged_in(store, make_client(url))
        ids = fill(store, 4)
        first = sync_once(store, client)
        assert (first.requests, first.pushed) == (2, 4), first
        more(store, 2, 4)
        assert sync_once(store, client).requests == 2
        assert hits == []  # never sent to a server that did not name it
        assert set(ids) <= set(server_records(client))
    finally:
        stop()


def test_a_route_that_answers_404_is_not_asked_again(db_url, tmp_path):
    url, hits, stop = _serve(db_url, route=False, header=True)
    try:
        store = new_store(tmp_path, "a")
        client = logged_in(store, make_client(url))
        ids = fill(store, 4)
        first = sync_once(store, client)  # the exchange (404), then pull and push
        assert (first.requests, first.pushed, first.rejected) == (3, 4, 0), first
        assert store.get_setting(exchange.KEY)["refused"]
        store.save_record({**store.get_record(ids[0]), "justification": "edited"}, user="dist1")
        assert sync_once(store, client).requests == 2
        assert hits == [1]
        assert {r["version"] for r in server_records(client).values()} <= {1, 2}
    finally:
        stop()


def test_another_server_refuses_the_exchange_before_applying_anything(server, tmp_path):
    store = new_store(tmp_path, "a")
    fill(store, 2)
    sync_once(store, make_client(server.url))  # the data folder now belongs to `server`
    stranger = run_server(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        seed_server(stranger.db_url)
        more(store, 3, 2)
        with pytest.raises(OtherServerError):
            sync_once(store, make_client(stranger.url))
        assert server_records(make_client(stranger.url)) == {}
        assert outbox_size(store) == 3
    finally:
        stranger.stop()


def test_a_new_epoch_refuses_the_exchange_and_the_sync_starts_over(server, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(server.url)
    ids = fill(store, 3)
    sync_once(store, client)
    engine = sa.create_engine(server.db_url)
    with engine.begin() as conn:  # as a restore does
        renew_epoch(conn)
    engine.dispose()
    added = more(store, 2, 3)
    summary = sync_once(store, client)  # 409 epoch_changed, then pull from zero and push
    assert (summary.pushed, summary.conflicts, summary.rejected) == (2, 0, 0), summary
    assert outbox_size(store) == 0
    assert set(server_records(client)) == set(ids + added)


def test_a_lost_exchange_answer_is_replayed_and_nothing_is_applied_twice(server, proxy,
                                                                       tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(proxy.url)
    ids = fill(store, 5)
    proxy.drop_next_response()  # the server applied the batch; its answer never arrives
    summary = sync_once(store, client)  # urllib3 sends it again: the ledger answers
    assert proxy.drops == 1
    assert (summary.pushed, summary.conflicts, summary.rejected) == (5, 0, 0), summary
    on_server = server_records(make_client(server.url))
    assert set(on_server) == set(ids) and {r["version"] for r in on_server.values()} == {1}
    assert sync_once(store, client).requests == 1  # a no-op: nothing left, nothing pulled


def test_an_exchange_cut_without_retries_resumes_with_a_replay(server, proxy, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(proxy.url)
    ids = fill(store, 5)
    client.session.get_adapter("http://").max_retries.total = 0
    proxy.drop_next_response()
    with pytest.raises(Exception):  # noqa: B017  (OfflineError: the sync failed)
        sync_once(store, client)
    client.session.get_adapter("http://").max_retries.total = 3
    summary = sync_once(store, client)  # the in-flight ops go first, answered by the ledger
    assert (summary.pushed, summary.conflicts) == (5, 0), summary
    assert {store.get_record(i)["version"] for i in ids} == {1}
    assert {r["version"] for r in server_records(make_client(server.url)).values()} == {1}


def test_a_timed_out_exchange_replays_its_batch_in_smaller_pushes(server, tmp_path):
    import random

    from faultproxy import FaultProxy

    from sync.transport import SyncClient, make_retry

    rng, store = random.Random(5), new_store(tmp_path, "a")
    ids = []
    for k, period in enumerate(periods(30)):  # ~1.2 KB of incompressible text each
        rec = monthly(DISTRICTS[0], period, 10 + 7 * k)
        rec["data"]["typical_events_text"] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz"
                                                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                                     for _ in range(1600))
        ids.append(store.save_record(rec, user="dist1")["id"])
    slow = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1]), rate=20_000).start()
    try:
        client = SyncClient(slow.url, retry=make_retry(total=0), timeout=(3.0, 1.2))
        client.login("dist1", "correct horse battery")
        logged_in(store, client)
        summary = sync_once(store, client)
    finally:
        slow.stop()
    assert (summary.pushed, summary.conflicts, summary.rejected) == (30, 0, 0), summary
    assert summary.requests > 2  # the exchange timed out; smaller pushes followed
    assert outbox_size(store) == 0
    on_server = server_records(make_client(server.url))
    assert set(on_server) == set(ids) and {r["version"] for r in on_server.values()} == {1}
