"""Roster column recognition: header row search, ru/kk/en header synonyms, column mapping.

A header is recognised *surely* when its folded text equals or starts with a synonym, and
*unsurely* when it only resembles one (rapidfuzz ≥ 75). A longer header that holds a synonym
as a run of words (an online form's question, «Ваше ФИО (полностью)») is recognised too, the
longest synonym winning. Signature columns are recognised as columns to ignore. The header
row need not be the first: the first 30 rows are scanned.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reports.figure_words import as_typed
from reports.text import fold, latin_of_name, latin_spelling, plain_kazakh

HEADER_SCAN_ROWS = 30
IGNORE = "_ignore"            # a recognised column that holds nothing to import

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
    "no": ["no", "n", "номер", "п п", "нөмір", "реттік нөмір", "р с", "реті", "number", "nr"],
    "full_name": ["фио", "ф и о", "fio", "фамилия и о", "т а ә", "аты жөні тегі", "фамилия имя отчество",
                  "ваше фио", "ваши фио", "фамилия имя отчество полностью", "толық аты жөні",
                  "your name", "full name of participant", "фамилия имя отчество", "фамилия имя", "фамилия и имя",
                  "аты жөні", "аты жоні", "тегі аты", "тегі аты әкесінің аты", "full name",
                  "name", "participant", "participant name", "участник", "имя", "ф и о участника",
                  "фио участника", "қатысушы"],
    "organization": ["организация", "ұйым", "организация учреждение", "место работы",
                     "жұмыс орны", "organization", "organisation", "ngo", "нко",
                     "наименование организации", "ұйым атауы", "организации", "организация вуз",
                     "ұйымның атауы", "your organization"],
    "post": ["должность", "роль", "лауазымы", "лауазым", "рөлі", "рөл", "role", "position",
             "job title", "статус"],
    "participant_category": ["категория", "категория участника", "санаты", "қатысушы санаты",
                             "category", "participant category", "категории", "категории участников",
                             "санатыңыз"],
    "district": ["район", "аудан", "район город", "город район", "district", "city",
                 "населенный пункт", "елді мекен"],
    "department": ["ведомство", "госорган", "государственный орган", "департамент",
                   "управление", "мекеме", "ведомство орган", "мемлекеттік орган", "department",
                   "agency", "government body", "орган", "наименование госоргана",
                   "наименование государственного органа"],
    "phone": ["телефон", "тел", "phone", "mobile", "контактный телефон", "байланыс телефоны",
              "ұялы телефон", "контакты", "номер телефона", "phone number", "телефон нөмірі",
              "контактный номер", "моб тел", "моб телефон", "мобильный телефон",
              "сотовый телефон", "сотовый", "номер тел"],
    "consent": ["согласие", "согласие на обработку персональных данных", "келісім", "consent",
                "дербес деректерді өңдеуге келісім", "согласие на обработку пд"],
    # columns read and ignored (never a participant's value)
    IGNORE: ["подпись", "қолы", "колы", "signature", "роспись", "отметка времени",
             "timestamp", "адрес электронной почты", "email address", "email", "e mail",
             "электронная почта", "эл почта", "примечание", "ескерту", "иин", "жсн", "iin",
             "дата рождения", "туған күні", "примечания", "прим", "ескертпе", "комментарий",
             "комментарии", "comment", "comments", "note", "notes", "remarks"],
}
# Columns where a clerk marks who came («+», «н», «отс.»): read and ignored, but a «no» there
# means the person did not come (reports.intake).
ATTENDANCE = ["отметка о присутствии", "присутствие", "отметка о явке", "явка", "отметка",
              "қатысуы", "қатысу белгісі", "attendance", "attended", "present",
              "присутствовал", "присутствовал а", "қатысты"]
SYNONYMS[IGNORE] += ATTENDANCE
_ATTENDANCE = {fold(s) for s in ATTENDANCE}
NOT_THERE = {"н", "нет", "-", "—", "–", "0", "жоқ", "no", "отс", "н я", "absent"}


def is_attendance(text) -> bool:
    """A header of a column that marks who came («Отметка о присутствии», «Қатысуы»)."""
    key = fold(text)
    return key in _ATTENDANCE or any(key.startswith(f"{s} ") for s in _ATTENDANCE)


class HeaderError(ValueError):
    """A list whose header cannot be used. str() is English; `text(lang)` is the message in
    the user's language when the refusal has one (reports.intake_text)."""

    def __init__(self, message: str, code: str = "no_header", params: dict | None = None,
                 form_id: str | None = None):
        super().__init__(message)
        self.code, self.params, self.form_id = code, dict(params or {}), form_id

    def text(self, lang: str = "ru") -> str:
        """What to do said for the surface shown on (forms.messages.set_surface)."""
        from reports.intake_text import MESSAGES, say

        if self.code not in MESSAGES or not self.params:
            return str(self)
        params = dict(self.params)
        if "wanted" in params:
            params["wanted"] = ", ".join(column_label(self.form_id, c, lang)
                                         for c in params["wanted"])
        return say(self.code, lang, **params)


def column_label(form_id: str | None, column: str, lang: str) -> str:
    """The label of a roster column in `lang` (its id when the form does not name it)."""
    from forms import load_form

    if form_id not in ROSTERS:
        return column
    roster = load_form(form_id).field(ROSTERS[form_id][0])
    col = next((c for c in roster.columns if c.id == column), None)
    return (col.label.get(lang) or col.label.get("ru") or column) if col else column


# A name kept in parts: «Фамилия | Имя | Отчество», «Тегі | Аты | Әкесінің аты».
NAME_PARTS = {
    "surname": ["фамилия", "тегі", "surname", "last name", "family name"],
    "given": ["имя", "аты", "есімі", "first name", "given name"],
    "patronymic": ["отчество", "әкесінің аты", "әкесінің есімі", "patronymic", "middle name"],
}
_PART_OF = {fold(s): part for part, syns in NAME_PARTS.items() for s in syns}


def is_name_part(text) -> bool:
    """«Фамилия», «Имя», «Отчество», «Тегі», "Last name" …: a column of a name kept in parts."""
    return text is not None and fold(text) in _PART_OF


@dataclass
class ColumnMap:
    header_row: int                                   # 1-based row number in the sheet
    columns: dict[int, str] = field(default_factory=dict)     # 0-based col -> field id
    headers: dict[int, str] = field(default_factory=dict)     # 0-based col -> header text
    unsure: dict[int, str] = field(default_factory=dict)      # col -> guessed field id
    name_parts: list[int] = field(default_factory=list)       # surname, given, patronymic
    header_cells: tuple | None = None  # a header in two rows: each column's lower title or upper

    @property
    def first_header_row(self) -> int:
        """Where the header starts (the titles are above it): a two-row header starts a row
        above `header_row`, its last row."""
        return self.header_row - (1 if self.header_cells is not None else 0)

    def name_of(self, row: tuple) -> str | None:
        """The person's name in `row`: its parts joined, or the name column's cell."""
        cols = self.name_parts or [c for c, f in self.columns.items() if f == "full_name"][:1]
        parts = [str(row[c]).strip() for c in cols if c < len(row) and row[c] not in (None, "")]
        return " ".join(p for p in parts if p) or None

    def take_name_parts(self, row: tuple) -> None:
        """Surname and given-name columns (patronymic too) make the name together, unless
        a column holds the whole name («ФИО» beside them)."""
        parts = {_PART_OF.get(fold(cell)): c for c, cell in enumerate(row) if cell is not None}
        if "surname" not in parts or "given" not in parts:
            return
        whole = [c for c, f in self.columns.items() if f == "full_name"
                 and c not in parts.values()]
        if whole:
            return
        self.name_parts = [parts[k] for k in ("surname", "given", "patronymic") if k in parts]
        for c in self.name_parts:
            self.unsure.pop(c, None)
            self.columns[c] = "full_name" if c == self.name_parts[0] else IGNORE
            self.headers[c] = " ".join(str(row[c]).split())

    def describe(self) -> dict[str, str]:
        return {self.headers.get(c, str(c + 1)): f for c, f in self.columns.items()
                if f != IGNORE}

    def fields(self) -> set[str]:
        return set(self.columns.values()) - {IGNORE}


def _field_for(group: str, form_id: str) -> str | None:
    if group == IGNORE:
        return IGNORE
    cols = ROSTERS[form_id][1]
    if group == "post":
        return "role" if "role" in cols else ("position" if "position" in cols else None)
    return group if group in cols else None


_LOOKUP = {fold(s): g for g, syns in SYNONYMS.items() for s in syns}
_PLAIN_LOOKUP = {plain_kazakh(s): g for s, g in _LOOKUP.items()}   # «Уйым», «Аты-жони»
_CHOICES = list(_LOOKUP)
# The Russian and Kazakh headers as Kazakh typed in the Latin alphabet spells them («Aty-jóni»,
# «Uıym», «Qatysushy»), read when a Latin header names nothing in English.
_LATIN_LOOKUP = {latin: g for s, g in _LOOKUP.items() if (latin := latin_of_name(s))}
_NUMBER_SIGN = re.compile(r"^\s*(№|#|n°)")


def _contained(key: str, lookup: dict[str, str] = _LOOKUP) -> str | None:
    """The group of the longest synonym found as a run of whole words inside `key`."""
    padded = f" {key} "
    hits = [s for s in lookup if len(s) > 3 and f" {s} " in padded]
    return lookup[max(hits, key=len)] if hits else None


def _kazakh_latin(key: str) -> str | None:
    """The group a Latin header names in Kazakh (or Russian) transliterated, or None."""
    latin = latin_spelling(key)
    if latin is None:
        return None
    return _LATIN_LOOKUP.get(latin) or _contained(latin, _LATIN_LOOKUP)


def is_number_header(text) -> bool:
    """«№», «№ п/п», «п/п», «Р/с», "No.", «Reti»: the header of a list's row-number column."""
    if text is None:
        return False
    key = fold(text)
    return bool(_NUMBER_SIGN.match(str(text))) or "no" in (
        _LOOKUP.get(key), _LATIN_LOOKUP.get(latin_spelling(key) or ""))


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
    group = _LOOKUP.get(key) or _PLAIN_LOOKUP.get(plain_kazakh(key))
    if group is None:
        group = next((g for s, g in _LOOKUP.items() if len(s) > 2 and key.startswith(s + " ")),
                     None)
    if group is None:
        group = _contained(key) or _kazakh_latin(key)
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
            if fid and (fid == IGNORE or fid not in cm.columns.values()):
                (cm.columns if sure else cm.unsure)[c] = fid
                cm.headers[c] = " ".join(str(cell).split())
        cm.take_name_parts(row)
        if mapping and _mentions(row, mapping):
            cm = _with_mapping(cm, row, mapping, form_id)
        filled = sum(1 for c in row if c not in (None, ""))
        if filled < 2:
            continue
        if "full_name" in cm.columns.values() or (len(cm.columns) >= 2 and cm.unsure):
            if best is None or len(cm.columns) > len(best.columns):
                best = cm
            if "full_name" in cm.columns.values():
                break
    if best is None:
        raise _no_header(rows, form_id)
    _take_subheader(best, rows, form_id)
    if mapping:
        best = _with_mapping(best, rows[best.header_row - 1], mapping, form_id)
    return best


def _take_subheader(cm: ColumnMap, rows: list[tuple], form_id: str) -> None:
    """A header in two rows («Место работы» merged over «Организация | Должность», «ФИО»
    merged down): the lower row's titles refine the upper row's, and the data start below
    both. The lower row is a header when at least two of its cells are titles and it has no
    name where the name column is."""
    if cm.header_row >= len(rows):
        return
    top, sub = rows[cm.header_row - 1], rows[cm.header_row]
    found = {c: recognise(cell, form_id) for c, cell in enumerate(sub) if cell not in (None, "")}
    parts = {c for c in found if is_name_part(sub[c])}
    titles = {c: fid for c, (fid, sure) in found.items() if fid and sure and c not in parts}
    count = len(titles) + len(parts)
    names = [c for c, f in cm.columns.items() if f == "full_name" and c not in parts]
    if count < 2 or count < len(found) - 1 or any(c in found for c in names):
        return
    for c, fid in titles.items():
        for other in [o for o, f in cm.columns.items() if f == fid and f != IGNORE]:
            del cm.columns[other]
        cm.unsure.pop(c, None)
        cm.columns[c] = fid
    cm.take_name_parts(sub)
    cm.header_cells = tuple(s if s not in (None, "") else t for s, t in
                            itertools.zip_longest(sub, top))
    cm.headers.update({c: " ".join(str(v).split()) for c, v in enumerate(cm.header_cells)
                       if v not in (None, "")})
    cm.header_row += 1


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
    allowed = set(ROSTERS[form_id][1]) | {IGNORE}
    for key, fid in mapping.items():
        if fid not in allowed and fid is not None:
            raise HeaderError(f"mapping {key!r} -> {fid!r}: unknown column; expected one of "
                              f"{', '.join(sorted(allowed))}", "bad_mapping_field",
                              {"key": key, "field": fid, "allowed": ", ".join(sorted(allowed))})
        col = _col_index(key, row)
        if col is None:
            found = ", ".join(f"«{' '.join(str(c).split())}»" for c in row if c not in (None, ""))
            raise HeaderError(f"mapping: column {key!r} not found in header row "
                              f"{cm.header_row}", "bad_mapping_column",
                              {"key": key, "row": cm.header_row, "found": found or "—"})
        for c in [c for c, f in cm.columns.items() if f == fid]:
            del cm.columns[c]
        cm.unsure.pop(col, None)
        cm.columns.pop(col, None)
        if fid:
            cm.columns[col] = fid
            cm.headers[col] = str(row[col]).strip() if col < len(row) and row[col] else key
    return cm


def _no_header(rows: list[tuple], form_id: str) -> HeaderError:
    seen = "; ".join(as_typed(c) for r in rows[:5] for c in r if c not in (None, ""))[:300]
    wanted = ROSTERS[form_id][1][1:]
    message = (f"no header row with a name column (Ф.И.О. / Аты-жөні / Full name) in the first "
               f"{HEADER_SCAN_ROWS} rows; expected columns: {', '.join(wanted)}; found: "
               f"{seen or 'nothing'}. Give an explicit column mapping.")
    return HeaderError(message, "no_header", {"rows": HEADER_SCAN_ROWS, "wanted": wanted,
                                              "found": seen or "—"}, form_id)
