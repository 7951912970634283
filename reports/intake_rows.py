"""What the lines of an attendance list are: title lines above the header (date, city,
region), and lines under it that are not people (a repeated header, column numbers, a total,
a note of walk-ins).

Dates in a title: a date cell, dd.mm.yyyy (or with «/» or «-»), yyyy-mm-dd, «14 сентября 2023 (г.)», «"14" сентября 2023»,
«14 сентября текущего года» and «14 сентября» (the year of the list's period), «2023 жылғы 14 қыркүйек», an
Excel day number next to «Дата:». Walk-ins: «+3 без
регистрации», «без регистрации — 3», «Пришли без регистрации: 2», «тіркеусіз келгендер: 4».
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from reports.text import fold

RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
             "октябр", "ноябр", "декабр"]
KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан"]
EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
_MONTH_WORD = r"([а-яёәғқңөұүһі]+|[a-z]+)"
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(20\d\d)-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})[»\"“”']?\s*" + _MONTH_WORD + r"(?:\s+(\d{4}|текущего\s+"
                        r"года|ағымдағы\s+жыл\w*|this\s+year))?")
_KK_YEAR_FIRST = re.compile(r"(\d{4})\s*ж(?:ылғы|\.)?\s+[«\"“]?(\d{1,2})[»\"”]?\s+" +
                            _MONTH_WORD)
_CITY = re.compile(r"(?:^|[\s,(])г\.\s*([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)|([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+"
                   r"қаласы")
_REGION_WORD = re.compile(r"област|облыс|region|oblast", re.IGNORECASE)
_WALK_IN = re.compile(r"без\s+регистрац|тіркеусіз|without\s+registration|walk[\s-]?ins?|"
                      r"не\s+в\s+списке", re.IGNORECASE)
# The first word of a total line, in every list and table the imports read.
TOTAL_WORDS = ("итого", "всего", "барлығы", "барлыгы", "барлык", "жиыны", "жиынтығы", "total")
_TOTAL = re.compile(r"^\s*(" + "|".join(TOTAL_WORDS) + r")\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
# A count of people under a list: «Количество участников – 23», «Қатысқандар саны: 25».
_HEADCOUNT = re.compile(r"^\s*((общее\s+)?(количество|кол-во|число)\b|(жалпы\s+)?саны\b|"
                        r"\w+\s+саны\b|присутствовал|қатысқандар|number\s+of\b)",
                        re.IGNORECASE)
_NOT_NAME = re.compile(r":|__")
_LONG_WORD = re.compile(r"[^\W\d_]{2,}")
_ABSENT = re.compile(r"(?<!\w)не\s*(явил|пришл|пришел|пришёл|присутствовал|был)|неявка|отсутств|"
                     r"болел|по\s+болезни|больничн|командировк|в\s+отпуске|ауырып|ауруына|"
                     r"іссапар|келмеді|келген\s+жоқ|қатыспады|болмады|жоқ\s+болды|\babsent\b|"
                     r"did\s+not\s+(come|attend)|no[\s-]show", re.IGNORECASE)


MONTH_TAIL = 4  # «октября», «қыркүйектегі»: letters a month word may add to its stem


def month_of_word(word: str) -> int | None:
    """The month a word names (Russian, Kazakh, English, any case and ending), or None; «ма»
    only as «май», «мая», «мае»."""
    word = word.lower()
    for names in (RU_MONTHS, KK_MONTHS, EN_MONTHS):
        for i, stem in enumerate(names, start=1):
            if word.startswith(stem) and len(word) - len(stem) <= MONTH_TAIL:
                if stem == "ма" and word not in ("май", "мая", "мае"):
                    continue
                return i
    return None


def _year(text: str, period_year: int | None) -> int | None:
    if text.isdigit():
        year = int(text)
        return year + 2000 if year < 100 else year
    return period_year


def _safe_date(y, m, d) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d)) if y else None
    except (TypeError, ValueError):
        return None


def date_in(value, period_year: int | None = None) -> dt.date | None:
    """The date a title cell gives, or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).lower()
    if m := _ISO.search(text):
        return _safe_date(m.group(1), m.group(2), m.group(3))
    if m := _NUMERIC.search(text):
        return _safe_date(_year(m.group(4), period_year), m.group(3), m.group(1))
    if (m := _KK_YEAR_FIRST.search(text)) and (month := month_of_word(m.group(3))):
        return _safe_date(int(m.group(1)), month, m.group(2))
    for m in _DAY_MONTH.finditer(text):       # «15 сентября»: the year of the period
        if month := month_of_word(m.group(2)):
            return _safe_date(_year(m.group(3) or "", period_year), month, m.group(1))
    return None


_DASH = r"\s*[-–—]\s*"
# «20-22.03.2024», «28.02-02.03.2024», «20.03.2024 – 22.03.2024», «20-22 марта 2024 г.»,
# «с 3 по 5 марта», «3-5 наурыз»
_SPANS = (re.compile(r"^(\d{1,2})" + _DASH + r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b"),
          re.compile(r"^(\d{1,2})[./](\d{1,2})" + _DASH + r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b"),
          re.compile(r"^(?:с\s+)?(\d{1,2})(?:\s+" + _MONTH_WORD + r")?(?:" + _DASH + r"|\s+по\s+)"
                     r"(\d{1,2})\s+" + _MONTH_WORD + r"(?:\s+(\d{4}))?"))


def date_span(value, period_year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a cell naming days in a row, or None; a single date, or a
    span whose end comes before its start, is None. Days named with their month and no year
    («с 3 по 5 марта», «28 февраля – 2 марта») take `period_year`."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).lower()
    parts = [p.strip() for p in re.split(_DASH, text, maxsplit=1)]
    if len(parts) == 2 and _NUMERIC.fullmatch(parts[0]) and _NUMERIC.match(parts[1]):
        first, last = date_in(parts[0]), date_in(parts[1])
    elif m := _SPANS[0].match(text):
        y = _year(m.group(4), None)
        first, last = _safe_date(y, m.group(3), m.group(1)), _safe_date(y, m.group(3), m.group(2))
    elif m := _SPANS[1].match(text):
        y = _year(m.group(5), None)
        first, last = _safe_date(y, m.group(2), m.group(1)), _safe_date(y, m.group(4), m.group(3))
    elif (m := _SPANS[2].match(text)) and (month := month_of_word(m.group(4))):
        y, since = _year(m.group(5) or "", period_year), month_of_word(m.group(2) or "") or month
        first, last = _safe_date(y, since, m.group(1)), _safe_date(y, month, m.group(3))
    else:
        return None
    return (first, last) if first and last and first < last else None


_SPAN_FROM = re.compile(r"(?<![\w./])(?:с\s+)?\d{1,2}(?!\d)", re.IGNORECASE)
_SPACED_DASH = re.compile(r"\d{1,2}\s+[-–—]\s")      # «День 1 — 14.09.2023»: no span


def first_day(text, period_year: int | None = None) -> dt.date | None:
    """The first day of days in a row named inside a title («Семинар 20-22 сентября 2023
    г.», «с 20 по 22 сентября»): a seminar of several days is dated by its first; None if
    none. A bare number before a spaced dash is a caption's («День 1 — 14.09.2023»)."""
    if not isinstance(text, str):
        return None
    for m in _SPAN_FROM.finditer(text):
        if not _SPACED_DASH.match(text, m.start()) and (
                span := date_span(text[m.start():], period_year)):
            return span[0]
    return None


def city_in(text: str) -> str | None:
    m = _CITY.search(text)
    return (m.group(1) or m.group(2)) if m else None


def region_in(text: str) -> str | None:
    """A region code when the title names a region («Туркестанская область»)."""
    if not _REGION_WORD.search(text):
        return None
    from reports._ref import resolve_region

    for part in re.split(r"[,;]", text):
        code = resolve_region(part.strip()) if _REGION_WORD.search(part) else None
        if code:
            return code
    return None


_DATE_LABEL = re.compile(r"дата|күні|date", re.IGNORECASE)
EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(36526, 73051)      # Excel's day numbers of 2000-01-01 ... 2099-12-31


def serial_date(value) -> dt.date | None:
    """A date pasted as a bare number (Excel's day count, 45192 = 2023-09-23), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and float(value).is_integer() and int(value) in _SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    return None


def title_values(row: tuple, period_year: int | None) -> dict:
    """Values a line above the header gives: date (a bare day number too, next to «Дата:»),
    city, region."""
    out: dict = {}
    texts = [c for c in row if c not in (None, "")]
    labelled = any(isinstance(c, str) and _DATE_LABEL.search(c) for c in texts)
    for cell in texts:
        when = first_day(cell, period_year) or date_in(cell, period_year) or (
            serial_date(cell) if labelled else None)
        if when and "date" not in out:
            out["date"] = when.isoformat()
        if isinstance(cell, str):
            if (city := city_in(cell)) and "city" not in out:
                out["city"] = city
            if (region := region_in(cell)) and "region" not in out:
                out["region"] = region
    return out


def walk_ins(row: tuple) -> int | None:
    """The count of a walk-in note («+3 без регистрации»), or None for any other line."""
    texts = [str(c) for c in row if c not in (None, "")]
    if not texts or len(texts) > 2:
        return None
    text = " ".join(texts)
    if not _WALK_IN.search(text):
        return None
    numbers = _NUMBER.findall(text)
    return int(numbers[0]) if len(numbers) == 1 else None


def is_absent(text) -> bool:
    """A note that says the person did not come («не явился», «келмеді», "absent")."""
    return isinstance(text, str) and bool(_ABSENT.search(text))


def is_total(row: tuple) -> bool:
    texts = [str(c) for c in row if c not in (None, "")]
    return bool(texts) and len(texts) <= 3 and any(
        _TOTAL.match(t) or (_HEADCOUNT.match(t) and _NUMBER.search(t)) for t in texts)


def total_count(row: tuple) -> int | None:
    """The count a total line declares («Итого: 23 человека» -> 23), or None when it has no
    single number."""
    numbers = _NUMBER.findall(" ".join(str(c) for c in row if c not in (None, "")))
    return int(numbers[0]) if len(numbers) == 1 else None


def looks_like_name(text: str) -> bool:
    """A person's name has a word of two letters or more and no «:» or «___» (a footer
    «Ответственный: ____ Сидоров П.А.», a stamp «М.П.» is no name; «Иванова А. (гр. 21-5)»
    is one)."""
    return not _NOT_NAME.search(text) and bool(_LONG_WORD.search(text))


def is_column_numbers(row: tuple) -> bool:
    """A line «1 2 3 4 5 ...» under the header (column numbers of a printed form)."""
    vals = [c for c in row if c not in (None, "")]
    if len(vals) < 3:
        return False
    try:
        nums = [float(v) for v in vals]
    except (TypeError, ValueError):
        return False
    return nums == [float(i) for i in range(int(nums[0]), int(nums[0]) + len(nums))] \
        and nums[0] == 1


def is_header_repeat(row: tuple, header: tuple) -> bool:
    """The header line again (a printed list repeats it at the top of every page)."""
    want = _folded(header)
    got = [fold(c) for c in row if c not in (None, "")]
    if not got:
        return False
    same = sum(1 for g in got if g in want)
    return same >= max(2, len(got) - 1)


@functools.lru_cache(maxsize=8)
def _folded(header: tuple) -> frozenset:
    """The header's cells folded, once per list rather than once per row."""
    return frozenset(fold(c) for c in header if c not in (None, ""))


def skip_kind(row: tuple, header: tuple) -> tuple[str | None, int | None]:
    """(kind, walk-ins) for a line under the header that is no person; (None, None) if a
    person (or blank)."""
    if is_header_repeat(row, header):
        return "header_repeat", None
    if is_column_numbers(row):
        return "column_numbers", None
    n = walk_ins(row)
    if n is not None:
        return "walk_ins", n
    if is_total(row):
        return "total", None
    return None, None


def is_header_like(row, labels) -> bool:
    """A line of column titles: most of its cells are a column's label (any language) or a
    header word the import knows («Ф.И.О.», «№ п/п», «Аты-жөні»)."""
    from reports.headers import is_name_part, recognise

    known = {fold(t) for t in labels if t}
    cells = [c for c in row if c not in (None, "")]
    if len(cells) < 2:
        return False
    hits = sum(1 for c in cells if fold(c) in known or is_name_part(c)
               or recognise(c, "focus_group")[1] or recognise(c, "seminar")[1])
    return hits >= max(2, len(cells) - 1)


def paste_rows(block: list[list[str]], labels) -> tuple[list[list[str]], list[tuple[int, str]],
                                                     tuple | None]:
    """A block pasted into a roster cleaned as an imported list is: header lines, column
    numbers, totals and walk-in notes dropped ((line number, kind) listed), cells freed of
    NBSPs and doubled spaces. Returns (kept lines, skipped, the first header line or None)."""
    from reports.text import clean_text

    kept, skipped, header = [], [], None
    for n, cells in enumerate(block, start=1):
        row = tuple(clean_text(c)[0] for c in cells)
        if all(c == "" for c in row):
            continue
        kind = "header_repeat" if is_header_like(row, labels) else skip_kind(row, ())[0]
        if kind:
            skipped.append((n, kind))
            header = header or (row if kind == "header_repeat" else None)
        else:
            kept.append(list(row))
    return kept, skipped, header


def header_columns(header, columns) -> list[str | None]:
    """The roster column of each cell of a pasted header line: a column's label in any
    language, or a header the list import recognises; None for «№» and unknown cells. A name
    in parts («Фамилия | Имя | Отчество») names each part full_name, in order."""
    from reports.headers import IGNORE, ROSTERS, ColumnMap, recognise

    by_label = {fold(t): c.id for c in columns for t in c.label.values() if t}
    ids = {c.id for c in columns}
    out: list[str | None] = []
    for cell in header:
        fid = by_label.get(fold(cell))
        for form_id in ROSTERS:
            if fid is None:
                guess, sure = recognise(cell, form_id)
                fid = guess if sure and guess in ids else None
        out.append(None if fid in ("no", IGNORE) else fid)
    parts = ColumnMap(header_row=1, columns={c: f for c, f in enumerate(out) if f})
    parts.take_name_parts(tuple(header))
    for c in parts.name_parts:
        out[c] = "full_name"
    return out
