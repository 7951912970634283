"""The national annual report (issue 17): ≈3,500 monthly reports (three years), 10,000 events,
hotline, visits and rosters built and written as .docx in ≤ 10 s; exactly 10 × the data
(the regions' org units and records repeated under new names) in ≤ 12 × the time.

Times are best-of-N CPU seconds of this process (see bench_reports): the shared machine's
neighbours do not count."""
from __future__ import annotations

import tempfile
from pathlib import Path

from bench.bench_reports import _best, replicate

EVENTS = 10_000


def _one(recs, units, path: Path) -> None:
    from reports.annual import build_annual, write_report

    write_report(build_annual(recs, units, 2023), path)


def run() -> list[tuple]:
    from reports.synthetic_visits import synthetic_national

    base = synthetic_national(2023, events=EVENTS // 2, scale=2)   # ≈ 3,500 monthly reports
    monthly = sum(1 for r in base[0] if r["form"] == "monthly_report")
    times = {}
    with tempfile.TemporaryDirectory() as d:
        for scale in (1, 10):
            recs, units = replicate(*base, scale)
            times[scale] = _best(lambda recs=recs, units=units, scale=scale:
                                 _one(recs, units, Path(d) / f"a{scale}.docx"), 2)
    ratio = times[10] / times[1]
    return [(f"annual: data set ({monthly} monthly reports, {EVENTS} events, all forms)",
             len(base[0]), "rec", "-", "-", True),
            ("annual: national report built + .docx, 1x", f"{times[1]:.3f}", "cpu s", "<=10 s",
             f"{times[1] / 10:.2f}", times[1] <= 10),
            ("annual: national report built + .docx, 10x", f"{times[10]:.3f}", "cpu s",
             "<=12x 1x", f"{ratio:.2f}", ratio <= 12)]


if __name__ == "__main__":
    for row in run():
        print(row)
