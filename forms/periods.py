"""Periods (`YYYY-MM`) and the clock: the one definition every layer uses.

A period is a calendar month written `YYYY-MM`. Timestamps are UTC ISO-8601 with `Z` at second
resolution (docs/CONTRACTS.md §0); client clocks are for display only."""
from __future__ import annotations

import datetime as _dt
import functools
import re
import time

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def is_period(value) -> bool:
    return isinstance(value, str) and PERIOD_RE.match(value) is not None


def period_from_text(text: str | None) -> str | None:
    """`2023-05` or `202305` (spaces around allowed) as `2023-05`; None when not a month."""
    text = (text or "").strip()
    if len(text) == 6 and text.isdigit():
        text = f"{text[:4]}-{text[4:]}"
    return text if is_period(text) else None


class PeriodError(ValueError):
    """A period spec that is not YYYY, YYYY-MM or YYYY-MM..YYYY-MM. `code` and `params` give
    the message in the user's language (forms.messages.message_text, resources/messages.toml);
    str() is the English text."""

    def __init__(self, code: str, period: str, message: str):
        super().__init__(message)
        self.code, self.params = code, {"period": period}


def parse_span(spec) -> tuple[str, str]:
    """'2024' -> ('2024-01', '2024-12'); '2024-03' -> both ends; '2024-01..2024-06' inclusive
    (a year alone on the left starts in January)."""
    text = str(spec).strip()
    left, sep, right = text.partition("..")
    start = f"{left}-01" if len(left) == 4 and left.isdigit() else left
    end = right if sep else (f"{left}-12" if start != left else left)
    for side in (start, end):
        if not is_period(side):
            shaped = len(side) == 7 and side[4] == "-" and (side[:4] + side[5:]).isdigit()
            if shaped:
                raise PeriodError("period_bad_month", text, f"bad month in period {spec!r}")
            raise PeriodError("period_bad_span", text, f"bad period {spec!r}: use YYYY, "
                              "YYYY-MM or YYYY-MM..YYYY-MM")
    if start > end:
        raise PeriodError("period_reversed", text, f"period {spec!r} ends before it starts")
    return start, end


def months_in(start: str, end: str) -> list[str]:
    """Every period from start to end, both included."""
    out = []
    while start <= end:
        out.append(start)
        start = shift_period(start, 1)
    return out


@functools.lru_cache(maxsize=4096)
def shift_period(period: str, months: int) -> str:
    """The period `months` later (earlier when negative): shift_period('2023-01', -1) ==
    '2022-12'."""
    return _period_at(_month_index(period) + months)


def periods_before(period: str, n: int) -> tuple[str, ...]:
    """The n periods before `period`, the latest first (one parse, not n shift_period calls)."""
    base = _month_index(period)
    return tuple(_period_at(k) for k in range(base - 1, base - n - 1, -1))


def _month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _period_at(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# A month's name on its own («ноябрь», «қараша», "November"), as a reporting month is said.
MONTH_WORDS = {
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def period_words(period: str, lang: str = "ru") -> str:
    """«ноябрь 2026», «2026 ж. қараша», "November 2026" for "2026-11" (the Kazakh year
    first); anything that is not a period stays as it is."""
    if not is_period(period):
        return str(period)
    name = MONTH_WORDS.get(lang, MONTH_WORDS["ru"])[int(period[5:7]) - 1]
    return f"{period[:4]} ж. {name}" if lang == "kk" else f"{name} {period[:4]}"


def period_of(date: _dt.date | _dt.datetime) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def utc_now_dt() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


_now: tuple[int, str] = (-1, "")  # the last second utc_now formatted, and its text


def utc_now() -> str:
    """Now as UTC ISO-8601 with `Z`, second resolution; formatted once a second (a server's
    push stamps each of its records and acks with it)."""
    global _now
    second, last = int(time.time()), _now
    if last[0] != second:
        last = _now = (second, format_utc(_dt.datetime.fromtimestamp(second, _dt.UTC)))
    return last[1]


def format_utc(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_period() -> str:
    return period_of(utc_now_dt())
