"""The sync bench, small: same code path as `make bench`, 60 records, no bandwidth limit."""
from __future__ import annotations

from bench import bench_sync


def test_bench_sync_small_run_produces_honest_rows():
    rows = bench_sync.run(n=60, rate=None, delay=0.0)
    by_name = {r[0]: r for r in rows}
    assert all(len(r) == 6 for r in rows)
    assert by_name["sync no-op: requests"][1] == 1
    assert by_name["sync no-op: wire bytes"][1] <= 1024
    assert by_name["sync push 60 records: requests"][5]  # all 60 pushed
    assert 0 < by_name["sync push 60 records: wire bytes up"][1]
    cli = "esep sync no-op end to end (CLI process, token file)"
    assert by_name[f"{cli}: requests"][1] == 1, by_name[f"{cli}: requests"]
    assert 0 < by_name[f"{cli}: wire bytes"][1] <= 1024
    first = by_name[f"{cli}: seconds until the first byte reaches the server"][1]
    assert 0 < first <= by_name[f"{cli}: seconds"][1]  # both rounded to 0.01 s: may be equal
    resent = by_name["sync bytes re-sent after a cut"]
    assert resent[5], resent
    pulled = by_name["sync first pull of 300 records by a new region client: requests"]
    assert pulled[5] and pulled[1] <= 2, pulled  # all 300 pulled, in a page or two
    assert by_name["sync first pull of 300 records by a new region client: seconds"][1] > 0


def test_fresh_device_pushes_hundreds_of_records_in_one_request(tmp_path):
    """The time limit counts 2 round trips; this is ONE: the pull and the push in one exchange,
    with one batch (its size is learned from the records' real compression ratio, not from a
    pessimistic guess)."""
    from sync.engine import sync_once

    fixtures, _ = bench_sync._imports()
    srv = fixtures.run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        fixtures.import_orgunits(srv.db_url, [{"id": d, "region": bench_sync.REGION,
                                               "name_ru": d} for d in bench_sync.DISTRICTS])
        fixtures.create_user(srv.db_url, "reg1", bench_sync.PASSWORD, "region",
                             region=bench_sync.REGION)
        store = bench_sync._store(tmp_path, "a", bench_sync._records(300, 3, 2000))
        client = bench_sync._client(srv.url, store)
        summary = sync_once(store, client)
        assert summary.pushed == 300 and summary.requests == 1, summary
    finally:
        srv.stop()


def test_a_batch_never_exceeds_what_the_server_accepts():
    from sync import protocol
    from sync.engine import MAX_BATCH, BatchSizer

    ops = [{"op_seq": i, "id": str(i)} for i in range(protocol.MAX_OPS_PER_PUSH + 500)]
    assert len(BatchSizer(target=MAX_BATCH).take(ops)) == protocol.MAX_OPS_PER_PUSH
