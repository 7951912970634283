"""A listing's records share their keys, short texts and dict key tables (store.codec):
equal to the plain decoding of each row, ordinary dicts, and much smaller."""
from __future__ import annotations

import gc
import tracemalloc

from store import open_store
from store.codec import compact, row_to_record

N = 300


def fill(store) -> None:
    for i in range(N):
        store.save_record({"form": "event", "form_version": 2, "org_unit": f"ALM-D{i % 7:02d}",
                           "period": f"2024-{i % 12 + 1:02d}",
                           "data": {"title": f"Event {i}", "beneficiaries_count": 300 + i,
                                    "volunteers_count": i, "formats": ["OFFLINE"],
                                    "date_start": "2024-01-11", "data_source": "RFO",
                                    "known_to_rfo": "YES", "volunteer_hours": 1.5 * i}}, user="tester")


def plain_rows(store) -> list[dict]:
    cur = store.db.execute("SELECT * FROM records ORDER BY period, id")
    names = [c[0] for c in cur.description]
    return [row_to_record(dict(zip(names, row)), None, ("created_at",)) for row in cur]


def traced(make) -> tuple[list, int]:
    tracemalloc.start()
    try:
        made = make()
        return made, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def test_listing_equals_the_plain_decoding_and_costs_far_less(tmp_path):
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        fill(store)
        store.list_records(limit=1)  # one-off caches (statements, definitions) before tracing
        plain_rows(store)
        listed, listed_bytes = traced(lambda: store.list_records(order_by="period asc",
                                                                 extra=("created_at",)))
        plain, plain_bytes = traced(lambda: plain_rows(store))
    finally:
        store.close()
    assert len(listed) == N
    assert listed == plain
    assert all(type(r) is dict and list(r) == list(p) and list(r["data"]) == list(p["data"])
               for r, p in zip(listed, plain, strict=True))
    # measured 0.47 warm, 0.49 once in a CI worker; plain (unshared) dicts give 0.56
    assert listed_bytes < 0.51 * plain_bytes, (listed_bytes, plain_bytes)


def test_compact_dicts_stay_ordinary_dicts():
    shared: dict = {}
    value = {"b": 1, "__class__": 2, "a": {"__dict__": 3, "x": [{"y": None}]}, "c": "text"}
    made = [compact(dict(value), shared) for _ in range(3)]
    assert all(m == value and list(m) == list(value) for m in made)
    first = made[0]
    first["new"], first["a"]["x"][0]["y"] = 1, 2
    del first["b"]
    assert made[1] == value and first == {"__class__": 2, "a": {"__dict__": 3, "x": [{"y": 2}]},
                                          "c": "text", "new": 1}


def test_shared_numbers_keep_their_type():
    shared: dict = {}
    made = [compact({"a": 1, "b": 1.0, "c": True, "d": [1.0, 1, False, 0]}, shared)
            for _ in range(2)]
    for m in made:
        assert [type(m[k]) for k in "abc"] == [int, float, bool]
        assert [type(v) for v in m["d"]] == [float, int, bool, int]
    assert made[0]["d"] is not made[1]["d"]  # lists are never shared: they can be changed


def test_whole_listing_in_the_order_asked_like_a_page(tmp_path):
    """The whole listing reads rows in the table's order and places them; it gives the same
    records in the same order as a page (an ORDER BY in SQLite), with filters and extras."""
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        fill(store)
        gone = store.list_records(limit=1, order_by="period desc")[0]
        store.delete_record(gone["id"], user="tester", reason="test")
        for order in ("period asc", "period desc, org_unit", "org_unit desc, updated_at",
                      "id desc"):
            for filters in ({}, {"org_unit": "ALM-D03"}, {"include_deleted": True},
                            {"period": ["2024-02", "2024-11"]}):
                whole = store.list_records(order_by=order, extra=("created_at",), **filters)
                page = store.list_records(order_by=order, extra=("created_at",),
                                          limit=10 * N, **filters)
                assert whole == page and [r["id"] for r in whole] == [r["id"] for r in page]
                assert whole
    finally:
        store.close()


def test_whole_listing_sorted_here_orders_texts_as_sqlite(tmp_path):
    """The whole listing sorts texts itself (store.query._sort_texts): the order of SQLite's
    BINARY collation (UTF-8 bytes: case, Cyrillic, characters beyond the BMP), and SQLite's
    own order where a key is not a text of the records (a blob; a column not listed)."""
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        fill(store)
        for unit in ("alm-d01", "ALM-Д01", "ALM-\U0001f600", "ALM-\uffee", "ALM-D01 ", "ALM"):
            store.save_record({"form": "event", "form_version": 2, "org_unit": unit,
                               "period": "2024-03", "data": {"title": unit}}, user="tester")
        orders = ("org_unit", "org_unit desc, period", "created_at desc", "updated_at")
        for order in orders:
            whole = store.list_records(order_by=order)
            page = store.list_records(order_by=order, limit=10 * N)
            assert [r["id"] for r in whole] == [r["id"] for r in page] and whole == page
        store.db.execute("UPDATE records SET org_unit = x'414c4d2d4430' WHERE rowid = 5")
        for order in orders:
            whole = store.list_records(order_by=order, extra=("created_at",))
            page = store.list_records(order_by=order, extra=("created_at",), limit=10 * N)
            assert [r["id"] for r in whole] == [r["id"] for r in page] and whole == page
        assert b"ALM-D0" in [r["org_unit"] for r in whole]
    finally:
        store.close()


def test_a_listing_leaves_no_cyclic_garbage(tmp_path):
    """A listing's shared values are freed by reference counting when it ends: the desktop's
    review runs with the collector paused (desktop.tasks.gc_paused), so anything cyclic
    (closures calling each other over `shared`) would keep megabytes until it resumes."""
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        fill(store)
        store.list_records(limit=1)  # one-off caches (statements, definitions)
        gc.collect()
        was = gc.isenabled()
        gc.disable()
        try:
            whole = store.list_records(order_by="period asc", extra=("created_at",))
            page = store.list_records(order_by="period asc", limit=50)
            assert len(whole) == N and len(page) == 50
            assert gc.collect() == 0
        finally:
            if was:
                gc.enable()
    finally:
        store.close()
