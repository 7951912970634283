"""What the peer benchmark measures every system with, the same way for each: the limited link
(tests/faultproxy.py: 250 kbit/s each way, 250 ms one way), HTTP requests counted from the
bytes that really went up, a fresh client process timed by the wall clock from here, and the
peak resident memory of a server's process tree sampled from /proc."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parent.parent
RATE = 250_000 / 8  # bytes per second, each way
DELAY = 0.25  # one-way seconds
_REQUEST_LINE = re.compile(rb"(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) /\S* HTTP/1\.[01]\r\n")


def limit_seconds(gzip_bytes: int, rate: float | None = RATE, delay: float = DELAY) -> float:
    """The physical limit: the gzipped JSON of the records over the link plus 2 round trips."""
    return gzip_bytes / (rate or float("inf")) + 4 * delay or 1e-9


@dataclass
class Trip:
    """One timed client run over the link."""
    seconds: float
    requests: int
    up: int
    down: int
    output: str = ""

    @property
    def wire(self) -> int:
        return self.up + self.down


def open_proxy(port: int, rate: float | None = RATE, delay: float = DELAY):
    sys.path.insert(0, str(ROOT / "tests"))
    import faultproxy

    return faultproxy.FaultProxy("127.0.0.1", port, rate=rate, delay=delay,
                                 capture=True).start()


class Link:
    """A proxy in front of one server; `unlimited()` lifts the limits for set-up steps."""

    def __init__(self, port: int, rate: float | None = RATE, delay: float = DELAY):
        self.rate, self.delay = rate, delay
        self.proxy = open_proxy(port, rate, delay)
        self.url = self.proxy.url

    def unlimited(self) -> None:
        self.proxy.rate, self.proxy.delay = None, 0.0

    def limited(self) -> None:
        self.proxy.rate, self.proxy.delay = self.rate, self.delay

    def timed(self, argv: list[str], *, env: dict | None = None, stdin: str = "",
              cwd: Path | None = None, timeout: float = 600, limited: bool = True) -> Trip:
        """Run a fresh client process over the link (limited unless told); wall clock from
        here; the link is left unlimited for the set-up steps that follow."""
        if limited:
            self.limited()
        self.proxy.reset_counters()
        self.proxy.captured_up.clear()
        start = time.monotonic()
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env,
                              cwd=cwd, timeout=timeout, check=False)
        seconds = time.monotonic() - start
        if done.returncode not in (0, 2):
            raise RuntimeError(f"{Path(argv[1]).name if len(argv) > 1 else argv[0]} failed "
                               f"({done.returncode}): {done.stderr.strip()[-300:]}")
        trip = Trip(seconds, count_requests(bytes(self.proxy.captured_up)),
                    self.proxy.bytes_up, self.proxy.bytes_down, done.stdout.strip())
        self.unlimited()
        return trip

    def stop(self) -> None:
        self.proxy.stop()


def count_requests(up: bytes) -> int:
    """HTTP/1.x request lines in what went up (bodies are JSON or compressed: no bare CRLF)."""
    return len(_REQUEST_LINE.findall(up))


def rss_mb(pid: int) -> float:
    """Resident memory of one process (Linux /proc), in MB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def pss_mb(pid: int) -> float:
    """Proportional set size of one process (Linux /proc): its private memory plus its share
    of the pages it shares with others (a forked worker's pages of its supervisor), in MB."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("Pss:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def tree_pss_mb(pid: int) -> float:
    """Memory of a process and all its descendants, each shared page counted once, MB."""
    return sum(pss_mb(p) for p in _tree(pid))


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, MB (Linux /proc)."""
    return sum(rss_mb(p) for p in _tree(pid))


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                for child in fh.read().split():
                    out += _tree(int(child))
    except OSError:
        pass
    return out


class PeakRss:
    """Samples a process tree's RSS (`peak`) and PSS (`peak_pss`: each page it shares among
    its processes counted once) every 50 ms while in the `with` block."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.peak_pss = pid, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self.peak_pss = max(self.peak_pss, tree_pss_mb(self.pid))
            self._stop.wait(0.05)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.peak = max(self.peak, tree_rss_mb(self.pid))
        self.peak_pss = max(self.peak_pss, tree_pss_mb(self.pid))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server at {url} exited ({proc.returncode}) while starting")
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer in {timeout} s")


def stop_process(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
