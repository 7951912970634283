"""A sync bundle of 1,000 records: its size against gzip of the records' JSON (target
<= 1.2 x), and the time the real server takes to verify and apply it and sign the reply.

The server is the real one (uvicorn on 127.0.0.1, SQLite file), the store a real SQLite file;
the device key is made and registered as at a login (sealed under the password, so the bench
never writes to the OS keyring). Rows: (name, value, unit, target, ratio, ok).
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.bench_sync import DISTRICTS, PASSWORD, REGION, _client, _imports, _records

RATIO_TARGET = 1.2
DELIVER_TARGET_S = 30.0


def _device(folder: Path, url: str, n: int):
    from store import open_store
    from sync.bundle import ensure_device_key

    store = open_store(folder / "device" / "esep.sqlite3", user="reg1")
    store.import_records(_records(n, 11, 2300), user="reg1")
    client = _client(url, store)
    ensure_device_key(store, client, "reg1", PASSWORD, use_keyring=False)
    return store, client


def _measure(folder: Path, url: str, n: int) -> list[tuple]:
    from store import sync_state
    from sync.bundle import deliver, export_bundle, import_reply
    from sync.protocol import gzip_json

    store, client = _device(folder, url, n)
    records = [op["data"] for op in sync_state.pending_ops(store, max_ops=n)]
    plain = len(gzip_json(records))
    path = folder / "bundle.esep"
    size = export_bundle(store, path, passphrase=PASSWORD)["bytes"]
    start = time.monotonic()
    reply = deliver(client, path.read_bytes())
    took = time.monotonic() - start
    applied = import_reply(store, reply)["applied"]
    ratio = size / plain
    return [
        (f"bundle {n} records: file bytes", size, "B", f"<= {RATIO_TARGET}x gzip",
         f"{ratio:.3f}", ratio <= RATIO_TARGET),
        (f"bundle {n} records: gzip of the records' JSON", plain, "B", "-", "-", True),
        (f"bundle {n} records: deliver (verify, apply, reply)", round(took, 2), "s",
         f"<= {DELIVER_TARGET_S}", f"{took / DELIVER_TARGET_S:.2f}",
         took <= DELIVER_TARGET_S and applied == n),
        (f"bundle {n} records: reply bytes", len(reply), "B", "-", "-", applied == n),
    ]


def run(n: int = 1000) -> list[tuple]:
    fixtures, _ = _imports()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        srv = fixtures.run_server(f"sqlite:///{folder / 'server.sqlite3'}")
        try:
            fixtures.import_orgunits(srv.db_url, [{"id": d, "region": REGION, "name_ru": d}
                                                  for d in DISTRICTS])
            fixtures.create_user(srv.db_url, "reg1", PASSWORD, "region", region=REGION)
            return _measure(folder, srv.url, n)
        finally:
            srv.stop()


if __name__ == "__main__":
    for row in run():
        print(row)
