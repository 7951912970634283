"""Where and when a row of a region's own monthly table belongs: its district (an org unit of
the store, written in Russian, Kazakh or English) and its month (a sheet name, a title row
or a «Месяц» cell: «Октябрь», «октябрь 2023», «Қазан 2023», «10.2023», «2023-10»).

`period_in(value)` -> (year or None, month or None); `sheet_period` joins a sheet's name, its
title rows and `--period`; `UnitMatcher` finds the org unit a district cell names
(«Абайский район» = «Абай ауданы» = «Abay district»; «район», «ауданы», «г.», «қ.» ignored).
"""
from __future__ import annotations

import datetime as dt
import re

from rapidfuzz import fuzz

from forms.reference import get_enum, label_tokens
from reports.intake_rows import month_of_word

_DMY = re.compile(r"(?<!\d)\d{1,2}[./](\d{1,2})[./](\d{4})(?!\d)")
_MY = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{4})(?!\d)")
_YM = re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})(?![\d.])")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
_MY2 = re.compile(r"\s*(\d{1,2})[./-](\d{2})\s*")
_YY = re.compile(r"(?<!\d)(?<!\d[.,])(\d{2})(?!\d)(?![.,]\d)")
SHORT_MONTHS = {w: i for i, words in enumerate((
    "янв jan", "фев февр feb", "мар mar", "апр apr", "", "июн jun", "июл jul",
    "авг aug", "сен сент sep sept", "окт oct", "ноя нояб nov", "дек dec"), start=1)
    for w in words.split()}
_MARKS = re.compile(r"[*\u2020\u2021#№¹²³]+")
_PARTS = re.compile(r"[,;()/]|\s[-–—]\s")      # «г. Шымкент, Абайский р-н»
UNIT_WORDS = ("район района районы р н рн ауданы аудан ауданының district rayon audany "
              "г гор город қ қ-сы қаласы қала city qalasy kalasy мрц жро")
_FILLER = frozenset(label_tokens(UNIT_WORDS))
UNIT_MIN = 80                 # rapidfuzz ratio a misspelt district name still matches by


def _month_ok(month: int) -> int | None:
    return month if 1 <= month <= 12 else None


def period_in(value) -> tuple[int | None, int | None]:
    """(year, month) a cell, a sheet name or a title gives; either may be None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year, value.month
    if value is None or isinstance(value, bool):
        return None, None
    text = str(value).strip()
    if isinstance(value, (int, float)):
        return None, (_month_ok(int(value)) if float(value).is_integer() else None)
    for pattern, y, m in ((_DMY, 2, 1), (_MY, 2, 1), (_YM, 1, 2)):
        if found := pattern.search(text):
            month = _month_ok(int(found.group(m)))
            if month:
                return int(found.group(y)), month
    if found := _MY2.fullmatch(text):                       # a sheet «01.24»
        month = _month_ok(int(found.group(1)))
        if month:
            return 2000 + int(found.group(2)), month
    year = int(found.group(1)) if (found := _YEAR.search(text)) else None
    months = {hit for w in _WORD.findall(text) if (hit := _month(w))}
    month = months.pop() if len(months) == 1 else None
    if month and year is None and len(text.split()) <= 2 \
            and len(short := _YY.findall(text)) == 1:
        year = 2000 + int(short[0])                         # a sheet «янв 24», «Январь-24»
    return year, month


def _month(word: str) -> int | None:
    """The month a word names: a whole word («январь», «қаңтар») or a sheet's short form
    («янв», «сент», «қаң», «Jan»)."""
    return month_of_word(word) or SHORT_MONTHS.get(word.lower())


def period_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_line(row: tuple, known: int | str | None) -> str | None:
    """YYYY-MM of a line alone in its row that names a month («Февраль 2024», «за март»,
    the year from `known`, a year or the sheet's YYYY-MM, when it has none): the month of the
    rows under it, as when a sheet holds a quarter's months one block under the other; None
    for any other row."""
    from reports.wide_cells import is_total

    cells = [c for c in row if c is not None and str(c).strip()]
    if len(cells) != 1 or not isinstance(cells[0], str) or is_total(cells[0]):
        return None
    y, m = period_in(cells[0])
    y = y or (int(str(known)[:4]) if known else None)
    return f"{y}-{m:02d}" if m and y else None


def sheet_period(name: str | None, titles: list[str], option: str | None
                 ) -> tuple[str | None, int | None]:
    """(YYYY-MM or None, the year alone when only that is known) of a sheet: a sheet named
    by a month keeps its month (its year from the name, the title rows or --period); else
    --period; else the title rows."""
    opt_year = int(option[:4]) if option else None
    title_year, title_month = None, None
    for text in titles:
        y, m = period_in(text)
        title_year, title_month = title_year or y, title_month or m
    year, month = period_in(name) if name else (None, None)
    if month:
        year = year or title_year or opt_year
        return (period_text(year, month) if year else None), None
    if option:
        return option, None
    if title_month and title_year:
        return period_text(title_year, title_month), None
    return None, title_year or year or opt_year      # «I квартал 2024»: its months' year


def unit_key(text) -> str:
    """A district name with «район», «ауданы», «г.», «қ.» dropped, transliterated, folded."""
    text = _MARKS.sub(" ", str(text or ""))           # «Абайский район*»: a footnote mark
    return " ".join(t for t in label_tokens(text) if t not in _FILLER)


def _score(a: str, b: str) -> float:
    if a == b:
        return 100.0
    short, long_ = sorted((a.replace(" ", ""), b.replace(" ", "")), key=len)
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 4:
        return 95.0               # «Абайский» / «Абай»: an ending the stemmer left
    return fuzz.ratio(a, b)


class UnitMatcher:
    """The store's org units (and the regions) by every name they are written with."""

    def __init__(self, store):
        self.units = [u for u in store.org_units() if u.get("active", 1)]
        self.keys: list[tuple[str, str]] = []
        for u in self.units:
            for name in (u.get("name_ru"), u.get("name_kk"), u.get("name_en"), u["id"]):
                if name and unit_key(name):
                    self.keys.append((unit_key(name), u["id"]))
        self.regions = {item.code: item for item in get_enum("regions").items}
        self.region_words: list[list[str]] = []
        for code, item in self.regions.items():
            for name in item.labels.values():
                self.keys.append((unit_key(name), code))
                self.region_words.append(unit_key(name).split())

    def match(self, text) -> str | None:
        """The org unit id a cell names, or None (unknown, or as near to two units). A
        district written with its city or region («г. Шымкент, Абайский р-н», «Абай ауданы
        (Шымкент қ.)», «Шымкент Абайский район») is that district, not the region."""
        raw = str(text or "").strip()
        if any(u["id"] == raw for u in self.units) or raw in self.regions:
            return raw
        hit, score = self._best(unit_key(raw))
        if hit is None or (hit in self.regions and score < 100):
            found = {u for part in self._parts(raw) if (u := self._best(part)[0])
                     and u not in self.regions}
            if len(found) == 1:
                return found.pop()
        return hit

    def _parts(self, raw: str) -> list[str]:
        """The keys of a cell's parts («г. Шымкент», «Абайский р-н») and of the cell without
        the words of a region's name."""
        keys = [unit_key(p) for p in _PARTS.split(raw) if unit_key(p)]
        words = unit_key(raw).split()
        for name in self.region_words:           # its first word is the distinctive one
            if not any(w[:5] == name[0][:5] for w in words):
                continue
            rest = [w for w in words if not any(w[:5] == n[:5] for n in name)]
            if rest:
                keys.append(" ".join(rest))
        return keys if len(keys) > 1 or len(words) > 1 else []

    def _best(self, key: str) -> tuple[str | None, float]:
        """(the unit a name's key is nearest to, how near), or (None, 0)."""
        if not key:
            return None, 0.0
        best: dict[str, float] = {}
        for name, uid in self.keys:
            best[uid] = max(best.get(uid, 0.0), _score(key, name))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < UNIT_MIN:
            return None, 0.0
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None, 0.0
        return ranked[0]

    def region_of(self, unit_id: str | None) -> str | None:
        if unit_id in self.regions:
            return unit_id
        return next((u["region"] for u in self.units if u["id"] == unit_id), None)

    def said_known(self, region: str | None, lang: str) -> dict:
        """The parameters of a message about an unknown district: the region's name and its
        known districts (every unit when the region is not known)."""
        from reports._ref import label

        return {"region": label("regions", region, lang) if region else "—",
                "known": self.known(region, lang)}

    def known(self, region: str | None, lang: str = "ru") -> str:
        """The districts of the region (all units when the region is not known)."""
        units = [u for u in self.units if region is None or u["region"] == region]
        return "; ".join(self._named(u, lang) for u in units) or "—"

    def name(self, unit_id: str, lang: str = "ru") -> str:
        """«Абайский район (TUR-ABAY)»: a unit as the person reads it, with its code."""
        unit = next((u for u in self.units if u["id"] == unit_id), None)
        return self._named(unit, lang) if unit else unit_id

    @staticmethod
    def _named(unit: dict, lang: str) -> str:
        return f"{unit.get(f'name_{lang}') or unit.get('name_ru') or unit['id']} ({unit['id']})"


def unit_column(rows: list[tuple], taken: set[int], units: UnitMatcher) -> int | None:
    """The column, headed by nothing the form knows, whose text cells name districts (at
    least half of them and one at least): a table whose district column has no header."""
    width = max((len(r) for r in rows), default=0)
    for i in range(width):
        if i in taken:
            continue
        texts = [r[i] for r in rows if i < len(r) and isinstance(r[i], str) and r[i].strip()]
        hits = sum(1 for t in texts if units.match(t))
        if hits and hits * 2 >= len(texts):
            return i
    return None
