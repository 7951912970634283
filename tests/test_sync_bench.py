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
    resent = by_name["sync bytes re-sent after a cut"]
    assert resent[5], resent
