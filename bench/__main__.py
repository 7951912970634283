"""Run every benchmark module listed in BENCHES and print one table."""
from __future__ import annotations

import importlib
import os
import sys

# Each module defines run() -> list of rows (name, value, unit, target, ratio, ok).
BENCHES: list[str] = ["bench.bench_store", "bench.bench_cipher", "bench.bench_forms",
                      "bench.bench_sync", "bench.bench_reports", "bench.bench_intake", "bench.bench_desktop",
                      "bench.bench_server", "bench.bench_bundle", "bench.bench_quality",
                      "bench.bench_annual", "bench.bench_limits", "bench.bench_review",
                      "bench.bench_ops", "bench.bench_peers"]


def main() -> int:
    # throwaway stores: without a keyring their key comes from this (store/keys.py)
    os.environ.setdefault("ESEP_PASSPHRASE", "bench passphrase, not a secret")
    rows = []
    for name in BENCHES:
        try:
            rows.extend(importlib.import_module(name).run())
        except Exception as exc:  # noqa: BLE001 - one broken bench must not hide the others
            rows.append((f"{name}: FAILED {type(exc).__name__}: {exc}"[:58], "-", "", "", "",
                         False))
    print(f"{'benchmark':58} {'value':>14} {'unit':8} {'target':>12} {'ratio':>8} ok")
    for name, value, unit, target, ratio, ok in rows:
        print(f"{name:58} {value:>14} {unit:8} {target:>12} {ratio:>8} {'yes' if ok else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
