"""How many ops go in one push: a budget in compressed bytes, adapted to the link
(sync/engine.py; the pull's counterpart is sync/pull_sizer.py)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sync import protocol

MIN_BATCH = 4 * 1024
# compressed bytes. 128 KB ~ 4 s up at 250 kbit/s: a 2G line's 1,000 monthly reports (~70 KB)
# go in ONE push (with the first pull page: sync/exchange.py); a cut re-sends at
# most one batch, and a timeout halves the batch.
START_BATCH = 128 * 1024
MAX_BATCH = 512 * 1024
RATIO_SAMPLE = 200  # ops gzipped once to learn the compression ratio before the first batch


@dataclass
class BatchSizer:
    """Target compressed bytes per push: grows after a success, halves after a timeout."""

    target: int = START_BATCH
    ratio: float | None = None  # compressed / raw JSON; None = measure it on the first ops
    history: list = field(default_factory=list)

    def take(self, ops: list[dict]) -> list[dict]:
        """The next batch: as many ops as fit in `target` compressed bytes (at least one, at
        most what the server accepts in one push)."""
        if self.ratio is None and ops:  # measure the ratio instead of guessing it
            sample = ops[:RATIO_SAMPLE]
            self.learn(len(protocol.dumps(sample)), len(protocol.gzip_json(sample)))
        budget = self.target / max(self.ratio or 0.3, 0.02)
        out: list[dict] = []
        size = 0
        for op in ops[:protocol.MAX_OPS_PER_PUSH]:
            n = len(protocol.dumps(op))
            if out and size + n > budget:
                break
            out.append(op)
            size += n
        return out

    def learn(self, raw: int, compressed: int) -> None:
        if raw:
            self.ratio = max(0.02, compressed / raw)

    def grow(self) -> None:
        self.target = min(MAX_BATCH, self.target * 2)
        self.history.append(self.target)

    def shrink(self) -> None:
        self.target = max(MIN_BATCH, self.target // 2)
        self.history.append(self.target)
