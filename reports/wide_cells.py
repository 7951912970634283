"""The cells of a region's own monthly table (reports.wide_read): what is empty, what is a
figure, what is a front office's zero («—», «нет»), what a total row is, and a cell as typed."""
from __future__ import annotations

import re

from reports.intake_rows import TOTAL_WORDS
from reports.template_read import _number
from reports.text import fold

DASHES = {"-", "—", "–", "x", "х"}
_UNIT = re.compile(r"\s*(?:чел|человек|ч|час|часов|адам|сағ|сағат|ед|шт)\.?\s*$", re.IGNORECASE)
NONE_WORDS = {"-", "—", "–", "нет", "жоқ", "none"}   # a figure typed as «none at all»: 0


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and (not value.strip()
                                                          or value.strip() in DASHES))


def _zero_word(value) -> bool:
    """«—», «-», «нет», «жоқ»: a front office's zero in a row of figures («х», not
    applicable, is no figure). An empty cell is no figure (a stored report keeps its value,
    the review sees the gap), but in a breakdown the row reports (wide_read._values)."""
    return isinstance(value, str) and value.strip().lower() in NONE_WORDS


def zero_of(value, reported_breakdown: bool) -> bool:
    """A figure of 0: «—», «нет», or an empty category of a breakdown whose other
    categories the row fills (`reported_breakdown`)."""
    return _zero_word(value) or reported_breakdown and (value is None or not str(value).strip())


def _cell(row: tuple, index: int | None):
    return row[index] if index is not None and index < len(row) else None


def _is_figure(value) -> bool:
    """A number, or text that reads as one («1 200», «12,5»)."""
    if _empty(value) or isinstance(value, bool):
        return False
    try:
        figure(value, "decimal")
    except (TypeError, ValueError):
        return False
    return True


def figure(value, kind: str):
    """The number a cell holds, its unit dropped («120 чел.», «12,5 ч», «40 сағ»); raises
    ValueError / TypeError as template_read._number does."""
    if isinstance(value, str):
        value = _UNIT.sub("", value)
    return _number(value, kind)


def _shown(value) -> str:
    """A cell as the person typed it (a whole number without «.0»)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_total(text) -> bool:
    words = fold(text).split()
    return bool(words) and (words[0] in TOTAL_WORDS or words[-1] in TOTAL_WORDS)


def carry_down(row: tuple, above: dict, columns) -> tuple:
    """The row with the empty cells of `columns` taken from the rows above (`above`: column
    -> its last text, kept up to date): a month merged down over a block of rows («Январь»
    over its districts) gives its text in its first row only."""
    cells = list(row)
    for i in columns:
        if i is None:
            continue
        if not _empty(_cell(row, i)):
            above[i] = row[i]
        elif i in above:
            cells += [None] * (i + 1 - len(cells))
            cells[i] = above[i]
    return tuple(cells)
