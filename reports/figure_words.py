"""Figures a clerk types that are no one number, and what to type instead (a list's cell, a
survey answer): the one place that says why «25+5» or «около 30» is refused.

«25+5» (people and walk-ins) is a sum: the total, or each part in its own column; «около
30», «~30», «30+», «более 30», «шамамен 30» an estimate: the number counted; «5-6», «120/130»
two numbers: one; «-5» is below zero, «12,5» or «1,200» where a whole number is asked is no
whole number (a comma or a dot starts the fraction). Anything else is «not a number» with an
example (a whole one where a whole number is asked).

A duration «2 ч. 30 мин», «2ч30м», «1 час 15 минут», «45 мин» in a field that counts hours
(`counts_hours`) is read as hours, 2.5, with a note saying so (`duration_hours`): there is
one reading of it; elsewhere it is no number.

`figure` is what a figure cell holds when it is one number: «1 200», «12,5», «120 чел.»,
«40 сағ», «нет» / «—» as 0 (reports.survey_values.put_figure reads every figure cell by it:
a list's, a region's table, `esep template`'s monthly workbook).
"""
from __future__ import annotations

import re

_NUM = r"\d+(?:[.,]\d+)?"
_SUM = re.compile(rf"^\s*{_NUM}(?:\s*\+\s*{_NUM})+\s*$")
_RANGE = re.compile(rf"^\s*{_NUM}\s*(?:-|–|—|/|\.\.)\s*{_NUM}\s*$")
_PLAIN = re.compile(rf"^\s*(-)?\s*{_NUM}\s*$")
_ESTIMATE_SIGN = re.compile(rf"[~≈<>]|{_NUM}\s*\+\s*$|\bпримерно|\bприблизительно")
_ESTIMATE_WORDS = {"около", "примерно", "приблизительно", "более", "больше", "менее",
                   "меньше", "свыше", "порядка", "до", "шамамен", "шамасы", "астам",
                   "жуық", "about", "approx", "approximately", "around", "over", "roughly"}
NONE_WORDS = {"-", "—", "–", "нет", "жоқ", "none"}   # a figure typed as «none at all»: 0
# a unit typed after the figure, Kazakh in the Latin alphabet too («40 adam», «3 saǵ»)
_UNIT = re.compile(r"\s*(?:чел|человека?|ч|час|часа|часов|адам|сағ|сағат|ед|шт|adam|saǵ|saǵat)"
                   r"\.?\s*$", re.IGNORECASE)
_HOURS = r"(?:часа|часов|час|ч|сағат|сағ|hours|hour|hrs|h)\.?"
_MINUTES = r"(?:минуты|минут|минута|мин|м|min|m)\.?"
_DURATION = re.compile(rf"^\s*(?:(\d+)\s*{_HOURS}\s*)?(\d+)\s*{_MINUTES}\s*$", re.IGNORECASE)


def refused(value, whole: bool = False) -> tuple[str, dict]:
    """Why `value` is no number (no whole one when `whole`), said with what to type instead:
    (message code, params)."""
    text = str(value).strip()
    numbers = [float(n.replace(",", ".")) for n in re.findall(_NUM, text)]
    if _SUM.match(text):
        return "figure_sum", {"total": f"{sum(numbers):g}"}
    words = set(re.findall(r"\w+", text.lower()))
    if numbers and (_ESTIMATE_SIGN.search(text.lower()) or words & _ESTIMATE_WORDS):
        return "figure_estimate", {}
    if _RANGE.match(text):
        return "figure_range", {}
    plain = _PLAIN.match(text)
    if plain and plain.group(1):
        return "figure_negative", {}
    if plain and whole:
        return "figure_not_whole", {}
    return ("figure_bad_whole" if whole else "survey_bad_number"), {}


def duration_hours(value) -> float | None:
    """«2 ч. 30 мин» -> 2.5, «45 мин» -> 0.75; None for anything else (minutes past 59)."""
    m = _DURATION.match(str(value))
    if m is None or int(m.group(2)) >= 60:
        return None
    return round(int(m.group(1) or 0) + int(m.group(2)) / 60, 2)


def counts_hours(f) -> bool:
    """A field whose figure is hours (its measure, or its unit «hours/event», «hours/month»)."""
    return f.measure == "hours" or (f.unit or "").startswith("hours")


def hours_read(value, lang: str) -> tuple[float, dict] | None:
    """(hours, the note's params: message code "figure_duration", a warning) of a duration
    in a field counting hours, else None."""
    hours = duration_hours(value)
    if hours is None:
        return None
    shown = f"{hours:g}" if lang == "en" else f"{hours:g}".replace(".", ",")
    return hours, {"hours": shown}


def zero_word(value) -> bool:
    """«—», «-», «нет», «жоқ»: a front office's zero where a figure is asked («х», not
    applicable, is no figure)."""
    return isinstance(value, str) and value.strip().lower() in NONE_WORDS


def figure(value, kind: str):
    """The number a cell holds: «1 200», «12,5», its unit dropped («120 чел.», «40 сағ»),
    a zero word as 0; ValueError / TypeError when it is none (negative, not whole for an
    integer, text)."""
    if zero_word(value):
        return 0
    if isinstance(value, str):
        value = _UNIT.sub("", value)
    return _number(value, kind)


def _number(value, kind):
    if isinstance(value, bool):
        raise ValueError  # noqa: TRY004 - the caller reports any ValueError as "not a number"
    if isinstance(value, (int, float)):
        num = float(value)
    else:
        num = float("".join(str(value).split()).replace(",", "."))  # «1 200», NBSP
    if num < 0:
        raise ValueError
    if kind == "integer":
        if not num.is_integer():
            raise ValueError
        return int(num)
    return int(num) if num.is_integer() else num


def as_typed(value) -> str:
    """A cell as the person typed it (a whole number without «.0»), for a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
