"""The size of a pull page, in compressed bytes on the wire (xz or gzip), adapted to the link.

Like the push batches (sync.engine.BatchSizer) the budget grows on a fast link and shrinks
after a slow or failed page, and is remembered in the store between syncs; here it follows
the measured throughput: a full page should take about PAGE_SECONDS. A cut mid-page loses at
most that page (each page and its cursor are applied in one transaction).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sync import protocol

# wire bytes. 256 KB ~ 8 s down at 250 kbit/s: a region's first pull of 5,000 reports
# (~155 KB as xz columns, sync/pull_columns.py; 258 KB as xz rows) is one page on a 2G line,
# and a cut costs at most that page.
START_PULL = 256 * 1024
MIN_PULL = 8 * 1024
MAX_PULL = 1024 * 1024  # a page the server builds in memory stays bounded (it accepts 4 MB)
PAGE_SECONDS = 10.0  # what one full page should take on the measured link
SLOW = 2.0  # a page taking SLOW x PAGE_SECONDS shrinks the budget even when it was not full
GUESS_RATIO = 0.1  # wire / raw JSON of a pull page until one has been measured
PULL_KEY = "sync.pull_bytes"


@dataclass
class PullSizer:
    target: int = START_PULL
    ratio: float = GUESS_RATIO  # wire / raw JSON of the last page
    history: list = field(default_factory=list)

    def params(self) -> dict:
        """The page's budget as request parameters: `wire_bytes`, and for an older server
        that only knows raw bytes the same budget as `max_bytes` at the learned ratio."""
        raw = int(self.target / self.ratio)
        return {"wire_bytes": self.target,
                "max_bytes": max(1, min(protocol.MAX_PULL_BYTES, raw)),
                "limit": protocol.MAX_PULL_LIMIT}

    def learn(self, raw: int, sent: int, seconds: float, full: bool) -> None:
        """After a page of `sent` wire bytes (`raw` inflated) that took `seconds`: a full one
        (the server had more) sets the budget to the throughput x PAGE_SECONDS, at most
        doubling or halving it; a slow one shrinks it, full or not."""
        if raw > 0 and sent > 0:
            self.ratio = min(1.0, max(0.02, sent / raw))
        if sent <= 0 or seconds <= 0:
            return
        ideal = sent / seconds * PAGE_SECONDS
        if full or seconds > SLOW * PAGE_SECONDS:
            self._set(max(self.target // 2, min(self.target * 2, int(ideal))))

    def shrink(self) -> None:
        """After a timed-out page."""
        self._set(self.target // 2)

    def _set(self, target: int) -> None:
        self.target = max(MIN_PULL, min(MAX_PULL, target))
        self.history.append(self.target)


def load(store) -> PullSizer:
    """The budget this store learned in its last sync (the start one for a new store)."""
    try:
        return PullSizer(target=max(MIN_PULL, min(MAX_PULL, int(store.get_setting(PULL_KEY)))))
    except (TypeError, ValueError):
        return PullSizer()


def save(store, sizer: PullSizer) -> None:
    store.set_setting(PULL_KEY, str(sizer.target))
