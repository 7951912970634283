"""Periods (`YYYY-MM`) and the clock: the one definition every layer uses.

A period is a calendar month written `YYYY-MM`. Timestamps are UTC ISO-8601 with `Z` at second
resolution (docs/CONTRACTS.md §0); client clocks are for display only."""
from __future__ import annotations

import datetime as _dt
import re

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# What a person types for a month: `2023-05`, `2023-5` is not accepted, `202305` is.
LOOSE_PERIOD_RE = re.compile(r"^(\d{4})-?(0[1-9]|1[0-2])$")


def is_period(value) -> bool:
    return isinstance(value, str) and PERIOD_RE.match(value) is not None


def parse_period(text: str | None) -> str | None:
    """`2023-05` or `202305` (spaces around allowed) as `2023-05`; None when not a month."""
    m = LOOSE_PERIOD_RE.match((text or "").strip())
    return f"{m.group(1)}-{m.group(2)}" if m else None


def shift_period(period: str, months: int) -> str:
    """The period `months` later (earlier when negative): shift_period('2023-01', -1) ==
    '2022-12'."""
    n = int(period[:4]) * 12 + int(period[5:7]) - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def period_of(date: _dt.date | _dt.datetime) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def utc_now_dt() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def utc_now() -> str:
    """Now as UTC ISO-8601 with `Z`, second resolution."""
    return format_utc(utc_now_dt())


def format_utc(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_period() -> str:
    return period_of(utc_now_dt())
