"""Pull pages sized by compressed bytes (issue 18): the server fills a page up to the client's
gzip budget, the client adapts that budget to the link, older clients' raw `max_bytes` works."""
from __future__ import annotations

import threading

import pytest
from faultproxy import FaultProxy
from server_fixtures import live_server_any, run_server  # noqa: F401 (fixture)

from bench import bench_sync
from sync import protocol
from sync.pull_sizer import MIN_PULL, PAGE_SECONDS, PullSizer


def _seeded(srv, tmp_path, n: int) -> list[dict]:
    """n monthly reports of one region pushed by its user; returns them."""
    from sync.engine import sync_once

    bench_sync._setup_server(srv)
    records = bench_sync._records(n, 5, 2000)
    source = bench_sync._store(tmp_path, "source", records)
    assert sync_once(source, bench_sync._client(srv.url, source)).pushed == n
    return records


def _fresh(tmp_path, url: str, name: str = "fresh"):
    from store import open_store

    store = open_store(tmp_path / name / "esep.sqlite3", user="reg1")
    return store, bench_sync._client(url, store)


def _pages(client, **params) -> list[dict]:
    pages, cursor = [], 0
    while True:
        pages.append(client.pull(cursor, **params))
        pages[-1]["wire"] = client.last_answer_sent
        if not pages[-1]["has_more"]:
            return pages
        cursor = pages[-1]["next_cursor"]


def test_a_page_holds_what_its_compressed_budget_holds(live_server_any, tmp_path):
    records = _seeded(live_server_any, tmp_path, 400)
    _, client = _fresh(tmp_path, live_server_any.url)
    budget = 6 * 1024
    pages = _pages(client, wire_bytes=budget, max_bytes=100, limit=protocol.MAX_PULL_LIMIT)
    assert len(pages) >= 3
    for page in pages:
        assert page["wire"] <= budget, (page["wire"], budget)
    assert all(p["wire"] >= budget // 2 for p in pages[:-1])  # full pages, not a raw cap
    got = [c["id"] for p in pages for c in p["changes"]]
    assert sorted(got) == sorted(r["id"] for r in records)
    cursors = [p["next_cursor"] for p in pages]
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
    change = pages[0]["changes"][0]  # the compact form, expanded by the client
    assert change["id"] == change["record"]["id"] and change["version"] == 1
    assert "change_seq" not in change


def test_an_old_style_request_by_raw_bytes_still_works(live_server_any, tmp_path):
    records = _seeded(live_server_any, tmp_path, 60)
    _, client = _fresh(tmp_path, live_server_any.url)
    cursor, got, pages = 0, [], 0
    while True:  # exactly what an older client sends: cursor, limit, max_bytes
        page = client.request("GET", protocol.API_PREFIX + "/sync/pull",
                              params={"cursor": cursor, "limit": 1000, "max_bytes": 4096})
        pages += 1
        for change in page["changes"]:
            assert {"change_seq", "id", "form", "version", "deleted", "record"} <= set(change)
        raw = sum(len(protocol.dumps(c)) for c in page["changes"])
        assert raw <= 4096 or len(page["changes"]) == 1
        got += [c["id"] for c in page["changes"]]
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert pages >= 5 and sorted(got) == sorted(r["id"] for r in records)


def test_a_first_pull_of_hundreds_of_records_takes_a_handful_of_requests(tmp_path):
    from sync.engine import sync_once

    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        records = _seeded(srv, tmp_path, 400)
        store, client = _fresh(tmp_path, srv.url)
        summary = sync_once(store, client)
        assert summary.pulled == 400 and summary.requests <= 2, summary
        assert len(store.list_records()) == len(records)
    finally:
        srv.stop()


def test_the_budget_grows_on_a_fast_link_and_is_remembered(tmp_path):
    from sync import pull_sizer
    from sync.engine import pull_changes

    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        _seeded(srv, tmp_path, 300)
        store, client = _fresh(tmp_path, srv.url)
        sizer = PullSizer(target=MIN_PULL)
        assert pull_changes(store, client, sizer=sizer)["applied"] == 300
        assert sizer.history and sizer.history == sorted(sizer.history), sizer.history
        assert sizer.target >= 2 * MIN_PULL
        pull_sizer.save(store, sizer)
        assert pull_sizer.load(store).target == sizer.target
    finally:
        srv.stop()


def test_a_timed_out_page_halves_the_budget_and_the_pull_goes_on(tmp_path):
    from sync.engine import pull_changes
    from sync.transport import SyncClient, make_retry

    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    proxy = FaultProxy("127.0.0.1", int(srv.url.rsplit(":", 1)[1])).start()
    try:
        _seeded(srv, tmp_path, 50)
        store, logged_in = _fresh(tmp_path, srv.url)
        client = SyncClient(proxy.url, token=logged_in.token, timeout=(5.0, 1.5),
                            retry=make_retry(total=0))
        proxy.delay = 1.0  # an answer comes >= 2 s after its request: the read times out
        timer = threading.Timer(2.5, lambda: setattr(proxy, "delay", 0.0))
        timer.start()
        sizer = PullSizer(target=64 * 1024)
        assert pull_changes(store, client, sizer=sizer)["applied"] == 50
        assert sizer.history[0] == 32 * 1024 and sizer.target < 64 * 1024, sizer.history
    finally:
        timer.cancel()
        proxy.stop()
        srv.stop()


def test_a_slow_page_shrinks_the_budget_a_fast_full_one_grows_it():
    sizer = PullSizer(target=256 * 1024)
    # 40 KB in 20 s: 2 KB/s, a page should hold PAGE_SECONDS of it (halving at most)
    sizer.learn(raw=400_000, sent=40_000, seconds=2 * PAGE_SECONDS + 1, full=False)
    assert sizer.target == 128 * 1024 and sizer.ratio == pytest.approx(0.1)
    sizer.learn(raw=1_000_000, sent=128 * 1024, seconds=0.5, full=True)
    assert sizer.target == 256 * 1024  # doubled at most
    sizer.learn(raw=10_000, sent=1_000, seconds=0.5, full=False)  # a small last page: kept
    assert sizer.target == 256 * 1024
    sizer.shrink()
    assert sizer.target == 128 * 1024
    assert PullSizer(target=MIN_PULL).params()["max_bytes"] == int(MIN_PULL / 0.1)


def test_a_cut_mid_page_costs_at_most_that_page(tmp_path):
    from sync.engine import pull_changes

    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    proxy = FaultProxy("127.0.0.1", int(srv.url.rsplit(":", 1)[1])).start()
    try:
        records = _seeded(srv, tmp_path, 300)
        downs = []
        for name, cut in (("clean", None), ("cut", 10_000)):  # the cut: in the second page
            store, client = _fresh(tmp_path, proxy.url, name)
            proxy.reset_counters()
            if cut:
                proxy.cut_after(cut, "down")
            sizer = PullSizer(target=MIN_PULL)
            assert pull_changes(store, client, sizer=sizer)["applied"] == len(records)
            downs.append(proxy.bytes_down)
        assert proxy.cuts == 1
        assert 0 < downs[1] - downs[0] <= max(sizer.history) + 2048, (downs, sizer.history)
    finally:
        proxy.stop()
        srv.stop()
