"""Roster column recognition: header row search, ru/kk/en header synonyms, column mapping.

A header is recognised *surely* when its folded text equals or starts with a synonym, and
*unsurely* when it only resembles one (rapidfuzz ≥ 75): unsure columns need an explicit
mapping before a commit. The header row need not be the first: the first 30 rows are scanned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reports.text import fold

HEADER_SCAN_ROWS = 30

# Roster forms: form id -> (roster field id, columns). "post" = role or position.
ROSTERS = {
    "focus_group": ("participants", ["no", "full_name", "organization", "role",
                                     "participant_category", "district", "phone", "consent"]),
    "seminar": ("attendees", ["no", "full_name", "department", "organization", "position",
                              "phone", "consent"]),
}
REQUIRED = {"focus_group": ["full_name", "participant_category"],
            "seminar": ["full_name", "department"]}

SYNONYMS = {
    "no": ["no", "n", "номер", "п п", "нөмір", "реттік нөмір", "р с", "number", "nr"],
    "full_name": ["фио", "ф и о", "фамилия имя отчество", "фамилия имя", "фамилия и имя",
                  "аты жөні", "аты жоні", "тегі аты", "тегі аты әкесінің аты", "full name",
                  "name", "participant", "participant name", "участник", "имя", "ф и о участника",
                  "фио участника", "қатысушы"],
    "organization": ["организация", "ұйым", "организация учреждение", "место работы",
                     "жұмыс орны", "organization", "organisation", "ngo", "нко",
                     "наименование организации", "ұйым атауы"],
    "post": ["должность", "роль", "лауазымы", "лауазым", "рөлі", "рөл", "role", "position",
             "job title", "статус"],
    "participant_category": ["категория", "категория участника", "санаты", "қатысушы санаты",
                             "category", "participant category"],
    "district": ["район", "аудан", "район город", "город район", "district", "city",
                 "населенный пункт", "елді мекен"],
    "department": ["ведомство", "госорган", "государственный орган", "департамент",
                   "управление", "мекеме", "ведомство орган", "мемлекеттік орган", "department",
                   "agency", "government body", "орган"],
    "phone": ["телефон", "тел", "phone", "mobile", "контактный телефон", "байланыс телефоны",
              "ұялы телефон", "контакты"],
    "consent": ["согласие", "согласие на обработку персональных данных", "келісім", "consent",
                "дербес деректерді өңдеуге келісім"],
}


class HeaderError(ValueError):
    def __init__(self, message: str, code: str = "no_header"):
        super().__init__(message)
        self.code = code


@dataclass
class ColumnMap:
    header_row: int                                   # 1-based row number in the sheet
    columns: dict[int, str] = field(default_factory=dict)     # 0-based col -> field id
    headers: dict[int, str] = field(default_factory=dict)     # 0-based col -> header text
    unsure: dict[int, str] = field(default_factory=dict)      # col -> guessed field id

    def describe(self) -> dict[str, str]:
        return {self.headers.get(c, str(c + 1)): f for c, f in self.columns.items()}


def _field_for(group: str, form_id: str) -> str | None:
    cols = ROSTERS[form_id][1]
    if group == "post":
        return "role" if "role" in cols else ("position" if "position" in cols else None)
    return group if group in cols else None


_LOOKUP = {fold(s): g for g, syns in SYNONYMS.items() for s in syns}
_CHOICES = list(_LOOKUP)
_NUMBER_SIGN = re.compile(r"^\s*(№|#|n°)")


def recognise(text, form_id: str) -> tuple[str | None, bool]:
    """(field id, sure) for one header cell."""
    if text is None:
        return None, False
    raw = str(text)
    if _NUMBER_SIGN.match(raw):
        return "no", True
    key = fold(raw)
    if not key or len(key) > 80:
        return None, False
    group = _LOOKUP.get(key)
    if group is None:
        group = next((g for s, g in _LOOKUP.items() if len(s) > 2 and key.startswith(s + " ")),
                     None)
    if group is not None:
        return _field_for(group, form_id), True
    best = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=75)
    if best:
        return _field_for(_LOOKUP[best[0]], form_id), False
    return None, False


def find_header(rows: list[tuple], form_id: str, mapping: dict | None = None) -> ColumnMap:
    """Scan the first rows for the header; apply an explicit mapping on top."""
    best: ColumnMap | None = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cm = ColumnMap(header_row=i + 1)
        for c, cell in enumerate(row):
            fid, sure = recognise(cell, form_id)
            if fid and fid not in cm.columns.values():
                (cm.columns if sure else cm.unsure)[c] = fid
                cm.headers[c] = str(cell).strip()
        if mapping and _mentions(row, mapping):
            cm = _with_mapping(cm, row, mapping, form_id)
        if "full_name" in cm.columns.values() or (len(cm.columns) >= 2 and cm.unsure):
            if best is None or len(cm.columns) > len(best.columns):
                best = cm
            if "full_name" in cm.columns.values():
                break
    if best is None:
        raise HeaderError(_no_header_message(rows, form_id))
    if mapping:
        best = _with_mapping(best, rows[best.header_row - 1], mapping, form_id)
    return best


def _mentions(row, mapping: dict) -> bool:
    texts = {fold(c) for c in row if c is not None}
    return any(isinstance(k, str) and fold(k) in texts for k in mapping)


def _col_index(key, row) -> int | None:
    if isinstance(key, int):
        return key - 1
    text = str(key).strip()
    if re.fullmatch(r"[A-Za-z]{1,2}", text):
        n = 0
        for ch in text.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    for c, cell in enumerate(row):
        if cell is not None and fold(cell) == fold(text):
            return c
    return None


def _with_mapping(cm: ColumnMap, row, mapping: dict, form_id: str) -> ColumnMap:
    allowed = set(ROSTERS[form_id][1])
    for key, fid in mapping.items():
        if fid not in allowed and fid is not None:
            raise HeaderError(f"mapping {key!r} -> {fid!r}: unknown column; expected one of "
                              f"{', '.join(sorted(allowed))}", code="bad_mapping")
        col = _col_index(key, row)
        if col is None:
            raise HeaderError(f"mapping: column {key!r} not found in header row "
                              f"{cm.header_row}", code="bad_mapping")
        for c in [c for c, f in cm.columns.items() if f == fid]:
            del cm.columns[c]
        cm.unsure.pop(col, None)
        cm.columns.pop(col, None)
        if fid:
            cm.columns[col] = fid
            cm.headers[col] = str(row[col]).strip() if col < len(row) and row[col] else key
    return cm


def _no_header_message(rows: list[tuple], form_id: str) -> str:
    seen = [str(c).strip() for r in rows[:5] for c in r if c not in (None, "")][:12]
    wanted = ", ".join(ROSTERS[form_id][1][1:])
    return (f"no header row with a name column (Ф.И.О. / Аты-жөні / Full name) in the first "
            f"{HEADER_SCAN_ROWS} rows; expected columns: {wanted}; found: "
            f"{'; '.join(seen) or 'nothing'}. Give an explicit column mapping.")
