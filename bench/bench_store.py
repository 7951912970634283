"""Local store benchmarks: crash safety under SIGKILL (200 trials), save throughput,
list-screen queries on 10,000 records, bulk import."""
from __future__ import annotations

import importlib.util
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRASH_TRIALS = 200
N_LIST = 10_000


def _crash_writer():
    path = ROOT / "tests" / "fixtures" / "crash_writer.py"
    spec = importlib.util.spec_from_file_location("crash_writer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(name, value, unit, target, ok, ratio=None):
    ratio = ratio if ratio is not None else (f"{value / target:.2f}" if target else "-")
    return (name, value, unit, target, ratio, ok)


def bench_crash(tmp: Path) -> list:
    mod = _crash_writer()
    t0 = time.perf_counter()
    try:
        result = mod.run_trials(tmp / "crash.sqlite3", CRASH_TRIALS, seed=1)
        ok, done = True, result["trials"]
    except AssertionError as exc:
        print("crash safety FAILED:", exc)
        ok, done = False, 0
    secs = time.perf_counter() - t0
    return [_row("store: SIGKILL trials passed (integrity, whole records)", done, "trials",
                 CRASH_TRIALS, ok),
            _row("store: crash trials wall time", round(secs, 1), "s", "-", True, "-")]


def _monthly(k: int) -> dict:
    return {"id": str(uuid.UUID(int=k + 1)), "form": "monthly_report",
            "org_unit": f"OU-{k % 250:03d}", "period": f"{2000 + k // 3000}-{k // 250 % 12 + 1:02d}",
            "data": {"volunteers_total": k, "gender": {"F": k // 2, "M": k - k // 2}}}


def bench_saves(tmp: Path) -> list:
    from store import open_store

    store = open_store(tmp / "saves.sqlite3", user="bench")
    n = 300
    t0 = time.perf_counter()
    for k in range(n):
        store.save_record(_monthly(k), user="bench")
    rate = n / (time.perf_counter() - t0)
    store.close()
    return [_row("store: save_record, one fsync'd transaction each", round(rate), "rec/s",
                 50, rate >= 50)]


def bench_list(tmp: Path) -> list:
    from store import open_store

    store = open_store(tmp / "list.sqlite3", user="bench")
    t0 = time.perf_counter()
    store.import_records([_monthly(k) for k in range(N_LIST)], user="bench")
    imp = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(20):
        page = store.list_records(form="monthly_report", order_by="period desc", limit=100)
        store.count_records(form="monthly_report")
    per = (time.perf_counter() - t0) / 20 * 1000
    t0 = time.perf_counter()
    hits = store.count_records(search="OU-042")
    search = (time.perf_counter() - t0) * 1000
    store.close()
    assert len(page) == 100 and hits > 0
    return [_row(f"store: import_records {N_LIST} records (one transaction)", round(imp, 2),
                 "s", 20, imp <= 20),
            _row(f"store: list page of 100 + count over {N_LIST}", round(per, 1), "ms", 100,
                 per <= 100),
            _row(f"store: text search over {N_LIST}", round(search, 1), "ms", 300,
                 search <= 300)]


def run() -> list:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        return bench_saves(tmp) + bench_list(tmp) + bench_crash(tmp)


if __name__ == "__main__":
    for row in run():
        print(row)
