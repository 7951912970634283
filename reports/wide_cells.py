"""The cells of a region's own monthly table (reports.wide_read): what is empty, what is a
figure (read as a list's figure is), what is a front office's zero («—», «нет»), what a total
row is, and a cell as typed."""
from __future__ import annotations

from reports.figure_words import as_typed, figure, zero_word
from reports.intake_rows import TOTAL_WORDS
from reports.survey_values import CellProblem, put_figure
from reports.text import fold

DASHES = {"-", "—", "–", "x", "х"}


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and (not value.strip()
                                                          or value.strip() in DASHES))


def zero_of(value, reported_breakdown: bool) -> bool:
    """A figure of 0: «—», «нет» (figure_words.zero_word), or an empty category of a
    breakdown whose other categories the row fills (`reported_breakdown`). An empty cell
    alone is no figure: a stored report keeps its value, the review sees the gap."""
    return zero_word(value) or reported_breakdown and (value is None or not str(value).strip())


def _cell(row: tuple, index: int | None):
    return row[index] if index is not None and index < len(row) else None


def _is_figure(value) -> bool:
    """A number, or text that reads as one («1 200», «12,5»)."""
    if _empty(value) or isinstance(value, bool) or zero_word(value):
        return False
    try:
        figure(value, "decimal")
    except (TypeError, ValueError):
        return False
    return True


def figure_into(reader, n: int, c, fd, value, data: dict) -> None:
    """A figure cell of row `n`, column `c` read as a list's is (survey_values.put_figure):
    «22 человека», «1 200»; a breakdown's category into its field's dict. A refusal («25+5»,
    «около 30») or a note («2 ч. 30 мин» of hours) is said at the cell's row and column as the
    file names them (and its sheet); an error refuses the whole file, nothing is saved."""
    got: dict = {}
    try:
        note = put_figure(fd, value, got, reader.lang)
    except CellProblem as exc:
        note = exc
    code = c.key.partition(".")[2]
    if fd.id in got and code:
        data.setdefault(fd.id, {})[code] = got[fd.id]
    elif fd.id in got:
        data[fd.id] = got[fd.id]
    if note is not None:
        reader.problems.append({"row": n, "column": c.header, "field": c.key,
                                "code": note.code, "severity": note.severity,
                                "sheet": reader.sheet, "message": reader.on_sheet(reader.say(
                                    "wide_cell", value=as_typed(value), field=reader.label(c.key),
                                    why=reader.say(note.code, **note.params)))})


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
