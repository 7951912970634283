"""The header of a region's own monthly table: which row (or group row + sub-header row)
names the columns, and which monthly_report field (or `field.category` of a breakdown) each
column holds, which column names the district and which the month.

Columns are matched by the form definition's labels and short labels (ru / kk / en) and the
breakdown categories by their enumeration's labels, folded (reports.text.fold): exact first,
then a rapidfuzz ratio >= MATCH_MIN (never for text with digits: «до 14» is not «до 18»).
A category alone («Женщины», «до 14») resolves within its group's field when a group header
is over it, else only when one breakdown field has it. A merged group cell gives its text in
its first cell only: it is carried rightwards over the sub-headers under it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from reports._ref import enum_codes, enum_labels
from reports.intake_rows import TOTAL_WORDS
from reports.text import fold

MATCH_MIN = 85
STEM = 5                               # letters a header word and a label word share
WHOLE_ONLY = 99                        # _lookup's min_words that turns word matching off
HEADER_SCAN = 15                       # the header is looked for among this many top rows
SCALAR_TYPES = ("integer", "decimal", "choice", "text")
ORG_WORDS = {"район", "района", "районы", "районов", "подразделение", "подразделения", "мрц",
             "жро", "аудан", "ауданы", "аудандар", "аудандардың", "district", "districts",
             "unit", "территория", "город", "қала", "city"}
PERIOD_WORDS = {"месяц", "период", "ай", "айы", "month", "дата", "кезең", "period", "date",
                "отчетный месяц", "есепті ай"}
ABBREVIATIONS = {"кол во": "количество", "колво": "количество", "к во": "количество",
                 "мер тий": "мероприятий", "волонт": "волонтеров", "другие": "другое",
                 "прочие": "другое", "прочее": "другое", "басқалар": "басқа",
                 "өфо": "өңірлік фронт офис",  # the Kazakh РФО
                 "көмегі": "көмек",  # «ӨФО көмегі»: к → г before a vowel, not a stem match
                 "всего": "количество"}  # «Всего волонтёров» heading a figure of its own
GROUP_TOTALS = {*TOTAL_WORDS, "всего чел"}
UNIT_SUFFIXES = {"лет", "года", "год", "жас", "жастағы", "years", "чел", "человек", "адам"}
ORG, PERIOD = "@org", "@period"       # the keys of the district and the month columns
SKIP = "@skip"                         # a column --map "COLUMN=" leaves out
ROW_NO = "no"                          # a column of row numbers («№», «№ п/п», «Р/с»)
GROUP_SUM = "sum"                      # «Всего» under a breakdown's group: the categories' sum
ROW_NO_HEADERS = {"№", "№п/п", "п/п", "no", "no.", "n", "#", "р/с", "р/н", "№р/с"}


@dataclass
class WideColumn:
    index: int                         # 0-based
    header: str                        # as the file heads it («Пол волонтёров / Женщины»)
    names: tuple[str, ...]             # every text --map may name it by
    key: str | None = None             # field, field.category, ORG, PERIOD or None


@dataclass
class Header:
    row: int                           # 0-based index of the (last) header row
    first: int                         # 0-based index of the first header row
    columns: list[WideColumn]

    def score(self) -> int:
        return sum(1 for c in self.columns if c.key)

    def fields(self) -> int:
        return sum(1 for c in self.columns if c.key not in (None, ORG, PERIOD, ROW_NO)
                   and not c.key.startswith(GROUP_SUM + ":"))

    def read(self) -> dict[int, tuple[str, str | None]]:
        """The columns read into a row's record (its district and month too): index ->
        (header, key)."""
        return {c.index: (c.header, c.key) for c in self.columns if c.key not in
                (None, SKIP, ROW_NO) and not c.key.startswith(GROUP_SUM + ":")}


def _text(value) -> str:
    return "" if value is None else " ".join(str(value).split())


# «1. Количество волонтёров (чел.)*», «1.1 Женщины», «2) Мероприятия (ед.)»: the indicator's
# number in the form's table, its unit in brackets and a footnote mark are no part of it
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+)\s*(?=[^\d\s])")
_UNIT_NOTE = re.compile(r"\(\s*(?:чел|человек|ед|единиц|час|часов|ч|шт|адам|дана|сағ|сағат|"
                        r"persons|units|hours)\s*\.?\s*\)", re.IGNORECASE)


def _key(text: str) -> str:
    text = _UNIT_NOTE.sub(" ", _NUMBERED.sub("", text))
    folded = fold(re.sub(r"(\d+)\s*\+", r"старше \1", text))        # «60+»
    for short, full in ABBREVIATIONS.items():
        folded = re.sub(rf"\b{short}\b", full, folded)
    words = folded.split()
    key = " ".join(w for w in words if w not in UNIT_SUFFIXES) or " ".join(words)
    return _OLDER.sub(lambda m: f"старше {m.group(1) or m.group(2)}", key)  # «60 и старше»


_OLDER = re.compile(r"^(?:свыше|более) (\d+)$|^(\d+) и (?:старше|более)$")


@functools.cache
def _names(form_id: str) -> tuple[dict, dict, dict]:
    """(name -> scalar field, name -> breakdown field, breakdown field -> name -> code)."""
    from forms import load_form

    form = load_form(form_id)
    scalars: dict[str, str | None] = {}
    groups: dict[str, str | None] = {}
    cats: dict[str, dict[str, str]] = {}
    for fd in form.fields:
        table = groups if fd.type == "counts" else scalars
        if fd.type != "counts" and fd.type not in SCALAR_TYPES:
            continue
        for text in [*fd.label.values(), *(fd.short_label or {}).values()]:
            k = _key(text)
            table[k] = fd.id if table.get(k, fd.id) == fd.id else None
        if fd.type == "counts":
            cats[fd.id] = {_key(t): c for t, c in enum_labels(fd.choices).items()}
    return scalars, groups, cats


def _lookup(text: str, table: dict, min_words: int = 2) -> str | None:
    key = _key(text)
    if not key:
        return None
    if key in table:
        return table[key]
    if any(ch.isdigit() for ch in key):
        return None
    scored = sorted(((fuzz.ratio(key, k), v) for k, v in table.items()), reverse=True,
                    key=lambda sv: sv[0])
    if scored and scored[0][0] >= MATCH_MIN:
        tied = {v for sc, v in scored if sc == scored[0][0]}
        return tied.pop() if len(tied) == 1 else None
    return _words_within(key, table, min_words)


def _words_within(key: str, table: dict, min_words: int) -> str | None:
    """The one field (or category) whose name holds every word of a header of `min_words`+
    words, a word matched by its first STEM letters (short words only as a whole name) («Возрастной состав» in «Возрастной состав волонтёров»,
    «Количество волонтёрских часов» in «… часов за отчётный месяц»)."""
    words = key.split()
    if len(words) < min_words or all(len(w) < STEM for w in words):
        return None
    hits = {v for name, v in table.items() if v and _holds(name.split(), words)}
    return hits.pop() if len(hits) == 1 else None


def _holds(name: list[str], words: list[str]) -> bool:
    return all(w in name if len(w) < STEM else any(n.startswith(w[:STEM]) for n in name)
               for w in words)


def _category(text: str, form_id: str, fid: str | None = None) -> str | None:
    """`field.code` of a category label within `fid`, or within the one field that has it."""
    _, _, cats = _names(form_id)
    fields = [fid] if fid else list(cats)
    # a whole name in one field beats a word; a category with no group over it is one word
    # («женщин») or named in full («Басқа көрсеткіш» is not «Басқа / көрсетілмеген»)
    alone = fid is None and len(_key(text).split()) > 1
    for min_words in (WHOLE_ONLY,) if alone else (WHOLE_ONLY, 1):
        hits = {f"{f}.{code}" for f in fields if (code := _lookup(text, cats[f], min_words))}
        if hits:
            return hits.pop() if len(hits) == 1 else None
    return None


def _role(text: str) -> str | None:
    if text.replace(" ", "").lower() in ROW_NO_HEADERS:
        return ROW_NO
    folded = fold(text)
    words = set(folded.split())
    if folded in PERIOD_WORDS or words & {"месяц", "month", "ай", "айы"}:
        return PERIOD
    if words & ORG_WORDS or folded in ("org unit", "org_unit"):
        return ORG
    return None


def column_key(group: str, sub: str, form_id: str) -> str | None:
    scalars, groups, _ = _names(form_id)
    if group and sub:
        scalar = _lookup(group, scalars)
        if scalar and fold(sub) in GROUP_TOTALS:
            return scalar                      # «Количество волонтёров / всего»
        if not scalar and (fid := _lookup(group, groups)):
            if fold(sub) in GROUP_TOTALS:
                return f"{GROUP_SUM}:{fid}"
            return _category(sub, form_id, fid)
        return column_key("", sub, form_id) or column_key("", f"{group} {sub}", form_id)
    text = sub or group
    return _lookup(text, scalars) or _category(text, form_id) or _role(text) \
        or _one_word(text, scalars, form_id)


def _one_word(text: str, scalars: dict, form_id: str) -> str | None:
    """A figure's column headed by one word of one field's name («Часы», «Позиции»); never
    a text field («Примечание» is a clerk's comment, not the form's coverage note)."""
    from forms import load_form

    fid = _lookup(text, scalars, 1)
    key = _key(text)
    if fid is None and len(key) >= 4 and " " not in key:   # «Часы»: short, so whole
        hits = {v for name, v in scalars.items() if v and key in name.split()}
        fid = hits.pop() if len(hits) == 1 else None
    return fid if fid and load_form(form_id).field(fid).type in ("integer", "decimal") \
        else None


def _levels(rows: list[tuple], i: int, carried: list[str]) -> list[str]:
    """Column i's header texts, top row first. A merged group cell gives its text in its
    first cell only: it is carried rightwards over the cells under it that have text."""
    out = []
    for level, row in enumerate(rows):
        text = _text(row[i]) if i < len(row) else ""
        below = any(_text(r[i]) if i < len(r) else "" for r in rows[level + 1:])
        if text:
            carried[level] = text
        elif below and carried[level] and level < len(rows) - 1:
            text = carried[level]
        else:
            carried[level] = ""
        out.append(text)
    return out


def _columns(rows: list[tuple], form_id: str) -> list[WideColumn]:
    """The columns a header of one, two or three rows names: a category under its group
    («Пол / Женщины»), under a group of groups too («Состав / Пол / Женщины»); a cell merged
    down over the rows below it is the column's whole header («Количество волонтёров»)."""
    width = max(len(r) for r in rows)
    out, carried = [], [""] * len(rows)
    for i in range(width):
        texts = [t for t in _levels(rows, i, carried) if t]
        if not texts:
            continue
        group, sub = (texts[-2], texts[-1]) if len(texts) > 1 else (texts[0], "")
        header = " / ".join(texts)
        names = tuple(dict.fromkeys((header, *reversed(texts))))
        out.append(WideColumn(i, header, names, column_key(group, sub, form_id)))
    return out


def _is_sub_header(row: tuple) -> bool:
    cells = [c for c in row if c not in (None, "")]
    return bool(cells) and not any(isinstance(c, (int, float)) for c in cells)


def _is_group_row(row: tuple) -> bool:
    """Group headers over sub-headers: text cells, more than one (a title has one)."""
    return _is_sub_header(row) and sum(1 for c in row if c not in (None, "")) > 1


def find_header(rows: list[tuple], form_id: str) -> Header | None:
    """The header among the top rows: the row, or group row(s) over a sub-header row, whose
    cells match the most fields (at least two)."""
    best: Header | None = None
    top = rows[:HEADER_SCAN]
    singles = [Header(i, i, _columns([row], form_id)) for i, row in enumerate(top)]
    for i in range(len(top)):
        candidates = [singles[i]]
        for depth in (2, 3):
            block = top[i:i + depth]
            if len(block) < depth or not _is_sub_header(block[-1]) or \
                    not all(_is_group_row(r) for r in block[:-1]):
                break
            cand = Header(i + depth - 1, i, _columns(block, form_id))
            if cand.score() > candidates[-1].score() and \
                    cand.score() > singles[i + depth - 1].score():
                candidates.append(cand)          # else a title over a shorter header
        for cand in candidates:
            if cand.fields() >= 2 and (best is None or cand.score() > best.score()):
                best = cand
    return best


def is_transposed(rows: list[tuple], form_id: str) -> bool:
    """Whether a sheet with no header row holds the indicators down its first columns (the
    districts across): its columns, read as rows, have one."""
    width = min(max((len(r) for r in rows), default=0), HEADER_SCAN)
    columns = [tuple(r[i] if i < len(r) else None for r in rows) for i in range(width)]
    return find_header(columns, form_id) is not None


def _map_target(target: str | None, form) -> tuple[str, bool]:
    """(the key a --map target gives a column, whether the form has it)."""
    if not target:
        return SKIP, True
    if target in ("org_unit", "district", "period"):
        return (PERIOD if target == "period" else ORG), True
    fid, _, code = target.partition(".")
    fd = form.field(fid) if form.has_field(fid) else None
    ok = fd is not None and (code in enum_codes(fd.choices) if fd.type == "counts"
                             else not code and fd.type in SCALAR_TYPES)
    return (target if ok else SKIP), ok


def apply_mapping(header: Header, mapping: dict, form) -> list[tuple]:
    """--map over the matched columns: (the --map key, its column, whether the target is a
    field of the form) for each key that names a column of this header (text or number)."""
    out = []
    for key, target in mapping.items():
        if isinstance(key, int):
            col = next((c for c in header.columns if c.index == key - 1), None)
            if col is None and key >= 1:
                col = WideColumn(key - 1, str(key), (str(key),))
                header.columns.append(col)
        else:
            col = next((c for c in header.columns
                        if fold(key) in {fold(n) for n in c.names}), None)
        if col is None:
            continue
        col.key, ok = _map_target(target, form)
        out.append((key, col, ok))
    return out
