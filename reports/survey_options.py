"""A multiple-choice question exported one column per option (reports/survey_import.py).

KoboToolbox / ODK write a «select multiple» question as its joined cell and then a column
per option headed «Question/Option» (with labels: «group/Question/Option»), holding 1 or 0;
a sheet a person kept has TRUE/FALSE («ИСТИНА»/«ЛОЖЬ» in a Russian Excel's .csv), «+», «x»
or the option's own label. Such columns together answer their question: a column is one of
them when the text before its last «/» names a multiple-choice question of the form and the
text after it names one of the question's options exactly. They are read before the joined
cell (which, with labels, KoBo joins by spaces and no reader can split back).
"""
from __future__ import annotations

from forms.reference import get_enum, resolve
from reports.survey_values import CellProblem, is_no_answer, to_boolean

_MARKS = {"+", "x", "х", "v", "✓", "✔", "☑"}         # «х» Cyrillic, as typed on a paper form
_BLANKS = {"-", "—", "–"}


def option_columns(headers: list[str], form, names: dict[str, list[str]], key) -> dict:
    """0-based column -> (field id, option code) of the columns that answer one option of a
    multiple-choice question; `names` (field id -> folded names) and `key` (header text ->
    folded) are the import's own."""
    multi = {f.id: f.choices for f in form.fields if f.type == "multi_choice" and f.choices}
    found: dict[int, tuple[str, str]] = {}
    for col, header in enumerate(headers):
        parts = [p.strip() for p in header.split("/")]
        if len(parts) < 2 or not parts[-1]:
            continue
        asked = {key("/".join(parts[i:-1])) for i in range(len(parts) - 1)}
        for fid, enum in multi.items():
            code = resolve(enum, parts[-1], contained=False)
            if code and asked & set(names.get(fid, ())):
                found[col] = (fid, code)
                break
    # one option alone is no split question: «Как вы узнали/ о нас?» stays a header
    return {c: fc for c, fc in found.items()
            if sum(1 for f, _ in found.values() if f == fc[0]) > 1}


def joined(form, options: dict, row: tuple, lang: str) -> tuple[tuple, list]:
    """`row` with each split question's options joined into its first column (its other
    columns emptied) as an export joins them, and (column, field id, value, CellProblem) of each cell
    that marks its option neither chosen nor not."""
    cells, bad = list(row), []
    chosen: dict[str, list[str]] = {}
    for col, (fid, code) in sorted(options.items()):
        value = cells[col] if col < len(cells) else None
        if col < len(cells):
            cells[col] = None
        if value is None or not str(value).strip():
            chosen.setdefault(fid, [])
            continue
        try:
            label = option_label(form.field(fid).choices, code, value, lang)
        except CellProblem as exc:
            bad.append((col, fid, value, exc))
            continue
        chosen.setdefault(fid, []).extend([label] if label else [])
    first = {fid: min(c for c, (f, _) in options.items() if f == fid) for fid in chosen}
    for fid, labels in chosen.items():
        if labels and first[fid] < len(cells):
            cells[first[fid]] = "; ".join(labels)
    return tuple(cells), bad


def option_label(enum: str, code: str, value, lang: str) -> str | None:
    """The option's label when the cell marks it chosen, None when it marks it not; raises
    CellProblem for a cell that says neither."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (0, 1):
        value = int(value)                   # a number cell: 1 or 0 (1.0 as a reader gives it)
    text = str(value).strip()
    if text in _BLANKS or is_no_answer(text):
        return None
    chosen: bool | None = text.casefold() in _MARKS or resolve(enum, text,
                                                               contained=False) == code
    if not chosen:
        try:
            chosen = to_boolean(value)
        except CellProblem:
            raise CellProblem("survey_bad_option_mark") from None
    return get_enum(enum).label(code, lang) if chosen else None
