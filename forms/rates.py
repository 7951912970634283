"""The hourly rate of a volunteer hour (DOMAIN decision 7), shared by the desktop, the
reports, the server and sync: the default where the table has no row, the kv key the table is
kept under in the local store, and the check of one row (`reports.economics.RateTable`, the
server's PUT /rates and the client's copy of the centre's table all use it)."""
from __future__ import annotations

import math

DEFAULT_HOURLY_RATE = 1728  # ₸/h where the table has no row
KV_KEY = "reports.hourly_rates"  # the local store's kv key of the table (JSON)
RATE_YEARS = (2000, 2100)  # inclusive
MAX_HOURLY_RATE = 1_000_000  # ₸/h; more is a typo (the average hour costs ~2,000 ₸)


def check_rate(region: str, year, rate) -> int | float:
    """One rate row checked: a whole year in RATE_YEARS, a positive finite rate of at most
    MAX_HOURLY_RATE. Returns the rate (int when whole); raises ValueError saying why."""
    try:
        year_n = int(year)
        exact = not isinstance(year, bool) and float(year) == year_n  # not 2024.5, not True
    except (TypeError, ValueError, OverflowError):
        exact = False
    if not exact:
        raise ValueError(f"year for {region}: {year!r} is not a year")
    if not RATE_YEARS[0] <= year_n <= RATE_YEARS[1]:
        raise ValueError(f"year for {region}: {year_n} is outside "
                         f"{RATE_YEARS[0]}..{RATE_YEARS[1]}")
    try:
        value = float(rate)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"rate for {region} {year_n}: {rate!r} is not a number") from None
    if not value > 0 or not math.isfinite(value):
        raise ValueError(f"rate for {region} {year_n} must be positive, got {rate!r}")
    if value > MAX_HOURLY_RATE:
        raise ValueError(f"rate for {region} {year_n}: {rate!r} ₸/h is more than "
                         f"{MAX_HOURLY_RATE:,} ₸/h (a typo?)")
    return int(value) if value.is_integer() else value
