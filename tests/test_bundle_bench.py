"""The bundle bench, small: the same code path as `make bench` with 40 records."""
from __future__ import annotations

from bench import bench_bundle


def test_bench_bundle_small_run_produces_honest_rows():
    rows = bench_bundle.run(n=40)
    by_name = {r[0]: r for r in rows}
    assert all(len(r) == 6 for r in rows)
    size = by_name["bundle 40 records: file bytes"]
    plain = by_name["bundle 40 records: gzip of the records' JSON"]
    assert size[5] and size[1] <= 1.2 * plain[1]  # the acceptance ratio holds at 40 too
    assert by_name["bundle 40 records: deliver (verify, apply, reply)"][5]  # all 40 applied
