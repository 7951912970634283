"""xz on the wire (sync/xz.py): pull pages and push bodies, negotiated both ways; an old
client (gzip only) and an old server (no xz) keep gzip; xz request bodies are bounded like
gzip ones."""
from __future__ import annotations

import gzip
import json
import lzma
import time

import pytest
import requests
from server_fixtures import api_session, run_server

from bench import bench_sync
from server.config import Settings
from sync import protocol, xz
from sync.engine import sync_once

PULL = protocol.API_PREFIX + "/sync/pull"
PUSH = protocol.API_PREFIX + "/sync/push"
XZ_MAGIC = b"\xfd7zXZ\x00"


def region_server(tmp_path, n: int, **settings):
    """A server holding n monthly reports of one region, pushed by its user."""
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}", Settings(**settings))
    bench_sync._setup_server(srv)
    records = bench_sync._records(n, 5, 2000)
    source = bench_sync._store(tmp_path, "source", records)
    assert sync_once(source, bench_sync._client(srv.url, source)).pushed == n
    return srv, records


@pytest.fixture
def seeded(tmp_path):
    srv, records = region_server(tmp_path, 120)
    yield srv, records
    srv.stop()


def _session(url: str) -> requests.Session:
    return api_session(url, "reg1", bench_sync.PASSWORD)


def _raw_page(s: requests.Session, url: str, accept: str, **params) -> requests.Response:
    resp = s.get(url + PULL, params={"cursor": 0, "limit": 5000, **params},
                 headers={"Accept-Encoding": accept}, stream=True, timeout=30)
    resp.wire = resp.raw.read(decode_content=False)
    return resp


def test_an_xz_page_decodes_to_the_same_changes_as_a_gzip_one(seeded):
    srv, records = seeded
    s = _session(srv.url)
    by_xz = _raw_page(s, srv.url, "xz, gzip", max_bytes=10**6)
    by_gzip = _raw_page(s, srv.url, "gzip", max_bytes=10**6)  # an old client
    assert by_xz.headers["Content-Encoding"] == "xz" and by_xz.wire[:6] == XZ_MAGIC
    assert by_gzip.headers["Content-Encoding"] == "gzip"
    page = json.loads(lzma.decompress(by_xz.wire))
    assert page == json.loads(gzip.decompress(by_gzip.wire))
    assert sorted(c["id"] for c in page["changes"]) == sorted(r["id"] for r in records)
    assert len(by_xz.wire) < 0.9 * len(by_gzip.wire)
    assert xz.accepts(by_gzip.headers["Accept-Encoding"])  # bodies it takes, said to both


def test_the_client_pulls_xz_pages_within_their_budget(seeded, tmp_path):
    srv, records = seeded
    client = bench_sync._client(srv.url)
    pages, cursor = [], 0
    while True:
        page = client.pull(cursor, wire_bytes=3000, max_bytes=100, limit=5000)
        pages.append((page, client.last_answer_sent, client.last_answer_raw))
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert len(pages) >= 2
    assert all(sent <= 3000 for _, sent, _ in pages)
    for _, sent, raw in pages[:-1]:  # full pages, decoded here (requests cannot)
        assert sent >= 1500 and raw > 2 * sent
    got = [c["id"] for page, _, _ in pages for c in page["changes"]]
    assert sorted(got) == sorted(r["id"] for r in records)


def test_a_small_page_stays_gzip(seeded):
    srv, _ = seeded
    s = _session(srv.url)
    first = _raw_page(s, srv.url, "xz, gzip", max_bytes=10**7)
    top = json.loads(lzma.decompress(first.wire))["next_cursor"]
    noop = _raw_page(s, srv.url, "xz, gzip", cursor=top)
    assert noop.headers.get("Content-Encoding") != "xz" and len(noop.wire) < xz.MIN_BYTES


def test_an_old_server_gets_gzip_pushes_and_sends_gzip_pages(tmp_path):
    srv, _ = region_server(tmp_path, 30, wire_xz=False)
    try:
        store = bench_sync._store(tmp_path, "second", bench_sync._records(20, 9, 1990))
        client = bench_sync._client(srv.url, store)
        summary = sync_once(store, client)
        assert summary.pushed == 20 and summary.pulled == 30
        assert not client.server_xz  # never told: the push went in gzip, and was applied
        page = _raw_page(_session(srv.url), srv.url, "xz, gzip")
        assert page.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" not in page.headers
        s = _session(srv.url)
        body = protocol.dumps({"device_id": "dev-x", "schema_version": protocol.SCHEMA_VERSION,
                               "ops": []})  # a valid push: 200 where xz is inflated
        r = s.post(srv.url + PUSH, data=xz.compress(body),
                   headers={"Content-Encoding": "xz", "Content-Type": "application/json"})
        assert r.status_code in (400, 415, 422)  # not inflated: not taken for JSON
    finally:
        srv.stop()


def test_a_sync_pushes_in_xz_after_its_pull(seeded, tmp_path):
    srv, _ = seeded
    store = bench_sync._store(tmp_path, "second", bench_sync._records(40, 9, 1990))
    client = bench_sync._client(srv.url, store)
    summary = sync_once(store, client)
    assert summary.pushed == 40 and client.server_xz
    body = protocol.dumps({"device_id": "dev-x", "schema_version": protocol.SCHEMA_VERSION,
                           "ops": []})
    r = _session(srv.url).post(srv.url + PUSH, data=xz.compress(body), headers={
        "Content-Encoding": "xz", "Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["acks"] == []
    sent = _session(srv.url).get(srv.url + PULL, params={"cursor": 0, "limit": 5000,
                                                        "max_bytes": 10**7}, timeout=30)
    assert len(sent.json()["changes"]) == 160


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """xz of 1 GB of zeros (~150 KB)."""
    c = lzma.LZMACompressor(preset=0)
    chunk = bytes(1 << 24)
    return b"".join(c.compress(chunk) for _ in range(64)) + c.flush()


def test_an_xz_bomb_is_refused_fast(seeded, bomb):
    srv, _ = seeded
    s = _session(srv.url)
    start = time.monotonic()
    r = s.post(srv.url + PUSH, data=bomb,
               headers={"Content-Encoding": "xz", "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "too_large"
    assert time.monotonic() - start < 3.0


@pytest.mark.parametrize("body", [b"not xz at all", XZ_MAGIC + b"garbage",
                                  xz.compress(b'{"ops": []}')[:-8]])
def test_bad_xz_is_400(seeded, body):
    srv, _ = seeded
    r = _session(srv.url).post(srv.url + PUSH, data=body, headers={
        "Content-Encoding": "xz", "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["code"] == "bad_xz"


def test_inflate_is_bounded():
    data = xz.compress(bytes(10_000))
    assert xz.inflate(data, 10_000) == bytes(10_000)
    with pytest.raises(xz.TooLarge):
        xz.inflate(data, 9_999)
    with pytest.raises(xz.BadXz):
        xz.inflate(data + b"x", 10_000)
    with pytest.raises(xz.BadXz):
        xz.inflate(data[:-4], 10_000)
    big_dict = lzma.compress(b"a", filters=[{"id": lzma.FILTER_LZMA2,
                                             "dict_size": 1 << 30}])
    with pytest.raises(xz.BadXz):  # a decoder needing more than MEMLIMIT
        xz.inflate(big_dict, 10)


def test_accepts():
    assert xz.accepts("xz, gzip") and xz.accepts(b"gzip, XZ;q=0.5")
    assert not xz.accepts("gzip") and not xz.accepts(None) and not xz.accepts("xz;q=0")
