"""Pull pages as columns (sync/pull_columns.py, `layout=columns`): the codec gives back the
same changes, refuses malformed pages; on a real server a new client's first pull of hundreds
of records is ONE request sized by what travels (xz of the columns), much smaller than the
same page as rows; clients that do not ask for columns still get rows."""
from __future__ import annotations

import json
import lzma
import uuid

import pytest
from test_sync_xz import region_server

from bench import bench_sync
from sync import protocol, pull_columns
from sync.engine import pull_changes, sync_once
from sync.pull_sizer import PullSizer

PULL = protocol.API_PREFIX + "/sync/pull"


def _roundtrip(rows: list[dict]) -> list[dict]:
    return pull_columns.unpack(json.loads(json.dumps(pull_columns.pack(rows))))


def test_columns_give_back_the_same_rows():
    ids = [str(uuid.uuid4()) for _ in range(3)]
    rows = [{"id": ids[0], "record": {"justification": None, "data": {"g": {"F": 1}, "t": []},
                                      "x": {}}},
            {"id": ids[1], "record": {"data": {"g": {"F": 2, "M": 3}, "r": [{"a": None}]}},
             "contested_by": [{"id": "b"}]},
            {"id": ids[2], "record": {"justification": "why", "data": {}, "x": {"y": None}}}]
    packed = pull_columns.pack(rows)
    assert packed["uuids"] == [0] and isinstance(packed["values"][0], str)
    assert _roundtrip(rows) == rows
    odd_ids = [{"id": ids[0].upper()}, {"id": "not a uuid"}, {"id": None}, {}]
    assert "uuids" not in pull_columns.pack(odd_ids) and _roundtrip(odd_ids) == odd_ids
    assert pull_columns.pack([]) == {"n": 0} and _roundtrip([]) == []
    mostly_null = [{"a": None}] * 5 + [{}] + [{"a": 1}]
    packed = pull_columns.pack(mostly_null)
    assert packed["absent"] == {"0": [5]} and "nulls" not in packed
    assert _roundtrip(mostly_null) == mostly_null


@pytest.mark.parametrize("page", [
    None, [], {"n": "1"}, {"n": -1}, {"n": 10**9}, {"n": 2, "paths": [["a"]], "values": [[1]]},
    {"n": 1, "paths": [["a"]], "values": [[1], [2]]},
    {"n": 1, "paths": [[]], "values": [[1]]},
    {"n": 1, "paths": [["a"], ["a", "b"]], "values": [[1], [2]]},  # crosses a leaf
    {"n": 1, "paths": [["a", "b"], ["a"]], "values": [[2], [1]]},  # given twice
    {"n": 1, "paths": [["a"]], "values": ["AAAA"], "uuids": [0]},  # not 16 bytes
    {"n": 1, "paths": [["a"]], "values": ["!!"], "uuids": [0]},
    {"n": 1, "paths": [["a"]], "values": [[1]], "uuids": [3]},
    {"n": 1, "paths": [["a"]], "values": [[None]], "nulls": {"0": ["x"]}},
])
def test_a_malformed_column_page_is_refused(page):
    with pytest.raises(pull_columns.BadColumns):
        pull_columns.unpack(page)




def _fresh(tmp_path, url: str, name: str):
    from store import open_store

    store = open_store(tmp_path / name / "esep.sqlite3", user="reg1")
    return store, bench_sync._client(url, store)


def test_a_first_pull_is_one_request_sized_by_what_travels(tmp_path):
    srv, records = region_server(tmp_path, 600)
    try:
        rows = bench_sync._client(srv.url).request(  # the same page as (compact) rows
            "GET", PULL, params={"cursor": 0, "limit": 5000, "wire_bytes": 10**6})
        assert "columns" not in rows and len(rows["changes"]) == 600
        rows_xz = len(lzma.compress(protocol.dumps(rows), preset=6))
        budget = int(0.75 * rows_xz)  # 2 pages as rows; the columns take ~0.6 x
        store, client = _fresh(tmp_path, srv.url, "fresh")
        sizer, before = PullSizer(target=budget), client.counters.snapshot()[0]
        assert pull_changes(store, client, sizer=sizer)["applied"] == 600
        assert client.counters.snapshot()[0] - before == 1, client.counters
        assert client.last_answer_sent <= budget
        assert client.last_answer_sent < 0.7 * rows_xz, (client.last_answer_sent, rows_xz)
        stored = {r["id"]: r for r in store.list_records()}
        assert set(stored) == {r["id"] for r in records}
        for change in rows["changes"][:50]:  # the same records as the rows page holds
            rec = stored[change["record"]["id"]]
            assert rec["data"] == change["record"]["data"] and rec["version"] == 1
    finally:
        srv.stop()


def test_clients_that_do_not_ask_for_columns_get_rows(tmp_path):
    srv, records = region_server(tmp_path, 40, wire_xz=False)
    try:
        client = bench_sync._client(srv.url)
        for extra in ({}, {"layout": "tables"}):
            page = client.request("GET", PULL, params={"cursor": 0, "wire_bytes": 10**6,
                                                       **extra})
            assert "columns" not in page and len(page["changes"]) == 40
        page = client.pull(0, wire_bytes=10**6, limit=5000)  # gzip columns, decoded
        assert sorted(c["id"] for c in page["changes"]) == sorted(r["id"] for r in records)
        assert client.last_answer_sent <= 10**6
        noop = client.request("GET", PULL, params={"cursor": page["next_cursor"],
                                                   "wire_bytes": 10**6, "layout": "columns"})
        assert noop["changes"] == [] and "columns" not in noop  # as small as it was
        store, fresh = _fresh(tmp_path, srv.url, "fresh")
        assert sync_once(store, fresh).pulled == 40
    finally:
        srv.stop()

