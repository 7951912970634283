"""How fast the server refuses absurd input (issue 19): a 2.4 MB gzip push whose record has
500,000 keys in `data` (held a worker 11.3 s before the bound), a draft with a
4.5-million-character text, a login body `1e999`. Target: each refused in under a second.
A real server on a SQLite file in a temporary folder."""
from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.0
ROOT = Path(__file__).resolve().parent.parent


def _timed(send) -> tuple[float, int]:
    start = time.perf_counter()
    status = send()
    return time.perf_counter() - start, status


def _cases(srv, fixtures):
    from sync.protocol import SCHEMA_VERSION

    fixtures.seed_world(srv.db_url, {"d1": ("district", None, "SHY-ABAY")})
    s = fixtures.api_session(srv.url, "d1")
    rec = fixtures.monthly_report("SHY-ABAY", "2024-03")
    rec["data"] = {f"k{i}": i for i in range(500_000)}
    keys = gzip.compress(json.dumps({"device_id": "bench", "schema_version": SCHEMA_VERSION,
                                     "ops": [fixtures.make_op(1, rec)]}).encode(), 9)
    long_text = fixtures.monthly_report("SHY-ABAY", "2024-04",
                                        typical_events_text="ж" * 4_500_000)
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    return [
        (f"push of 500k keys ({len(keys) / 1e6:.1f} MB gzip) refused",
         lambda: s.post(srv.url + "/api/v1/sync/push", data=keys, headers=headers,
                        timeout=60).status_code),
        ("draft with a 4.5M-character text refused",
         lambda: fixtures.push(s, srv.url, "bench-text",
                               [fixtures.make_op(1, long_text)]).json()["acks"][0]["status"]),
        ("login body 1e999 refused",
         lambda: s.post(srv.url + "/api/v1/auth/login", data="1e999", timeout=10,
                        headers={"Content-Type": "application/json"}).status_code),
    ]


def run() -> list[tuple]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests import server_fixtures as fixtures

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        srv = fixtures.run_server(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        try:
            for name, send in _cases(srv, fixtures):
                seconds, answer = _timed(send)
                refused = answer in (413, 422, "rejected")
                rows.append((f"{name} ({answer})", f"{seconds:.2f}", "s", f"< {TARGET_S}",
                             f"{seconds / TARGET_S:.2f}", refused and seconds < TARGET_S))
        finally:
            srv.stop()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
