"""`esep sync` end to end with nothing to do: the real CLI in a fresh process, no OS keyring,
its token in the opt-in token file (`esep login --keep-token-in-file`), through the bench's
limited link. Counts the requests on the wire (the proxy's captured request lines), the wire
bytes both ways, the process's seconds, and the seconds until its first byte reaches the server
(the proxy counts bytes as it delivers them: the link's one-way delay is included).

Used by bench/bench_sync.py (`cli_noop` inside its measurement, `cli_noop_rows` for its rows).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUEST_LINE = re.compile(rb"(GET|POST|PUT|PATCH|DELETE) (/\S*) HTTP/1\.1\r\n")
NAME = "esep sync no-op end to end (CLI process, token file)"


def _esep(data: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               ESEP_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    env.setdefault("ESEP_PASSPHRASE", "bench passphrase, not a secret")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], input=stdin, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"esep {argv[0]} failed: {done.stderr[-500:]}")
    return done


def _first_byte(proxy, start: float, stop: threading.Event, out: list) -> None:
    while not stop.is_set() and not out:
        if proxy.bytes_up:
            out.append(time.monotonic() - start)
        time.sleep(0.0005)


def cli_noop(folder: Path, proxy, user: str, password: str) -> dict:
    """Log in (link limits lifted) with the token file, sync once to catch up, then time a
    no-op `esep sync` through the limited link."""
    data = folder / "cli"
    rate, delay, proxy.rate, proxy.delay = proxy.rate, proxy.delay, None, 0.0
    _esep(data, "login", "--server", proxy.url, "--user", user, "--password-stdin",
          "--keep-token-in-file", stdin=password + "\n")
    _esep(data, "sync")
    proxy.rate, proxy.delay = rate, delay
    proxy.capture, first, stop = True, [], threading.Event()
    proxy.captured_up.clear()
    proxy.reset_counters()
    start = time.monotonic()
    watcher = threading.Thread(target=_first_byte, args=(proxy, start, stop, first))
    watcher.start()
    try:
        _esep(data, "sync")
    finally:
        seconds = time.monotonic() - start
        stop.set()
        watcher.join()
        proxy.capture = False
    return {"requests": len(REQUEST_LINE.findall(bytes(proxy.captured_up))),
            "bytes": proxy.bytes_up + proxy.bytes_down, "seconds": seconds,
            "first_byte": first[0] if first else None}


def cli_noop_rows(m: dict, rate, delay: float) -> list[tuple]:
    """The one request's round trip plus its bytes on the link is the limit of the seconds."""
    limit = 2 * delay + m["bytes"] / (rate or float("inf")) or 1e-9
    sec, first = m["seconds"], m["first_byte"]
    return [
        (f"{NAME}: requests", m["requests"], "req", 1, m["requests"], m["requests"] == 1),
        (f"{NAME}: wire bytes", m["bytes"], "B", 1024, round(m["bytes"] / 1024, 2),
         m["bytes"] <= 1024),
        (f"{NAME}: seconds", round(sec, 2), "s", "-", round(sec / limit, 2), True),
        (f"{NAME}: seconds until the first byte reaches the server", round(first or 0, 2), "s",
         "-", "-", first is not None),
    ]
