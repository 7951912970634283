"""Capture-recapture estimate of all events from two sources (DOMAIN VR-29, H3).

Source 1: the events the regional front office knows of (`known_to_rfo` = YES).
Source 2: the events found by another source (`data_source` other than RFO) whose answer to
`known_to_rfo` is YES or NO; UNKNOWN answers cannot say whether the two sources overlap and
are left out. Overlap m = events of source 2 known to the RFO.

Chapman's estimator N = (n1+1)(n2+1)/(m+1) − 1 with its variance
(n1+1)(n2+1)(n1−m)(n2−m) / ((m+1)²(m+2)); the 95 % interval is N ± 1.96·√var (bounded below
by the events actually seen, n1 + n2 − m). Lincoln-Petersen n1·n2/m is given beside it.
The RFO's coverage is n1 / N with the interval n1 / upper … n1 / lower.
"""
from __future__ import annotations

import math

Z95 = 1.959964


def sources(cov: dict) -> tuple[int, int, int]:
    """(n1, n2, m) from a reports.coverage.coverage() result."""
    n1 = cov["by_known"]["YES"]["events"]
    n2 = m = 0
    for source, cell in cov["by_source"].items():
        if source == "RFO":
            continue
        known = cell["by_known"]
        m += (known.get("YES") or {}).get("events", 0)
        n2 += (known.get("YES") or {}).get("events", 0) + (known.get("NO") or {}).get(
            "events", 0)
    return n1, n2, m


def chapman(n1: int, n2: int, m: int) -> dict | None:
    """The estimate and its interval; None when a source is empty or nothing overlaps."""
    if n1 <= 0 or n2 <= 0 or m <= 0:
        return None
    est = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    var = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    seen = n1 + n2 - m
    low, high = max(seen, est - Z95 * math.sqrt(var)), est + Z95 * math.sqrt(var)
    return {"n1": n1, "n2": n2, "m": m, "lincoln_petersen": round(n1 * n2 / m),
            "estimate": round(est), "low": round(low), "high": round(high),
            "coverage": round(100 * n1 / est, 1), "coverage_low": round(100 * n1 / high, 1),
            "coverage_high": round(100 * n1 / low, 1)}
