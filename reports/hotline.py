"""Hotline response time (issue 16): days from an appeal's receipt to its closing date
(`closed_at`, hotline_appeal version 2)."""
from __future__ import annotations

from statistics import mean, median

from forms.fieldcheck import parse_date


def response_days(record: dict) -> int | None:
    """Whole days from `received_at` to `closed_at`; None while open or when a date is
    missing or the closing precedes the receipt."""
    data = record.get("data") or {}
    start, end = parse_date(data.get("received_at")), parse_date(data.get("closed_at"))
    if start is None or end is None or end < start:
        return None
    return (end - start).days


def response_summary(records: list[dict]) -> dict:
    """Closed appeals with both dates: how many, mean and median days, the longest."""
    days = [d for d in (response_days(r) for r in records
                        if r.get("form") == "hotline_appeal" and not r.get("deleted"))
            if d is not None]
    if not days:
        return {"closed": 0, "mean_days": None, "median_days": None, "max_days": None}
    return {"closed": len(days), "mean_days": round(mean(days), 1),
            "median_days": median(days), "max_days": max(days)}


# The response target the annual report states: an answer within this many days.
RESPONSE_DAYS = 3


def answered_within(records: list[dict], days: int = RESPONSE_DAYS) -> int:
    """Closed appeals answered within `days` days of their receipt."""
    return sum(1 for r in records if r.get("form") == "hotline_appeal" and not r.get("deleted")
               and (d := response_days(r)) is not None and d <= days)
