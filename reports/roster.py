"""Roster rows (focus-group participants, seminar attendees) from sheet rows.

Each data row is cleaned (VR-31), choice cells are resolved to codes (code, short or full
label in ru/kk/en, any case and spacing; a short word or an abbreviation with a note:
forms.choice_words), a letter lost to the encoding («?» inside a word) is
flagged, empty required cells are reported, duplicates inside the list and people already in
other lists are reported (VR-20). Nothing here blocks: a list is saved as a draft and the
trainer completes it. Every finding names the file's row and column header, in `lang`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from forms.choice_words import choice_note, read_choice
from forms.messages import message_text
from forms.names import block_keys
from forms.people import person_key, person_match, phone_text
from reports._ref import label as enum_label
from reports._ref import resolve_department
from reports.headers import IGNORE, REQUIRED, ColumnMap
from reports.intake_text import at, say
from reports.text import clean_text, fold, name_issues

CHOICE_ENUMS = {"participant_category": "fg_categories", "department": "departments",
                "consent": "consent"}
CONSENT_WORDS = {"да": "YES", "yes": "YES", "иә": "YES", "ия": "YES", "+": "YES", "1": "YES",
                 "true": "YES", "нет": "NO", "no": "NO", "жоқ": "NO", "-": "NO", "0": "NO",
                 "false": "NO", "согласен": "YES", "согласна": "YES", "согласен а": "YES",
                 "даю согласие": "YES", "келісемін": "YES", "келісімімді беремін": "YES",
                 "agree": "YES", "i agree": "YES", "не согласен": "NO", "не согласна": "NO",
                 "келіспеймін": "NO"}
_LOST_LETTER = re.compile(r"\w\?|\?\w")
_EXPONENT = re.compile(r"^(\d)(?:[.,](\d*))?E\+?(\d+)$", re.IGNORECASE)  # 8,70123E+10


def whole_number(text: str) -> str | None:
    """A number written with an exponent whose digits are all there («8.7012345678E10» ->
    «87012345678»); None when it is no such number or lost digits («8,70123E+10»)."""
    m = _EXPONENT.match(text)
    digits = m.group(1) + (m.group(2) or "") if m else ""
    return digits if m and len(digits) == int(m.group(3)) + 1 else None


def cell_text(value) -> str | None:
    """A cell as text: whole numbers without «.0», dates as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


@functools.cache
def allowed_labels(fid: str, lang: str) -> str:
    """The short labels of a choice column, for an error message (never the enum's id)."""
    from forms.reference import get_enum

    out = []
    for item in get_enum(CHOICE_ENUMS[fid]).items:
        short = item.extra.get("short")
        text = (short or {}).get(lang) if isinstance(short, dict) else None
        out.append(text or item.labels.get(lang) or item.labels.get("ru") or item.code)
    return "; ".join(out)


@dataclass
class Problem:
    row: int | None
    column: str | None
    field: str | None
    code: str
    message: str
    severity: str = "error"          # error blocks the commit; warning is shown
    params: dict | None = None       # what the message was made of (the app words it anew)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RosterBuild:
    rows: list[dict] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    numbering_gaps: list[int] = field(default_factory=list)


@functools.cache
def resolve_choice(fid: str, text: str) -> str | None:
    """The code of a choice as written: code, label or short label in ru/kk/en, any case and
    spacing, Kazakh typed with Russian letters («Студенттик уйымдар») too."""
    if fid == "consent":
        hit = CONSENT_WORDS.get(fold(text)) or CONSENT_WORDS.get(str(text).strip())
        if hit:
            return hit
    choice = read_choice(CHOICE_ENUMS[fid], text, contained=fid == "department")
    return choice.code if choice.how == "label" else None


def read_cell_choice(fid: str, text: str, lang: str) -> tuple[str | None, tuple | None]:
    """(code or None, (message code, text) of a note or None) of a list's choice cell: a
    label as `resolve_choice` reads it; a short word or an abbreviation read with a note;
    an ambiguous or unknown text left for the clerk, the candidates or allowed values
    named."""
    code = resolve_choice(fid, text)
    if code is not None:
        return code, None
    choice = read_choice(CHOICE_ENUMS[fid], text, contained=fid == "department")
    note = choice_note(CHOICE_ENUMS[fid], text, choice, lang)
    if note is None:
        note = ("unknown_choice", say("unknown_choice", lang, text=text,
                                      allowed=allowed_labels(fid, lang)))
    return choice.code, note


class RosterBuilder:
    def __init__(self, form_id: str, cmap: ColumnMap, *, existing: list[dict] | None = None,
                 lang: str = "ru", defaults: dict | None = None):
        self.form_id = form_id
        self.cmap = cmap
        self.lang = lang
        self.defaults = dict(defaults or {})
        self.required = REQUIRED[form_id]
        self.out = RosterBuild()
        self.seen: dict[str, int] = {}
        self.last_no: int | None = None
        self.block = 0                   # lists under one header after another (day 1, 2)
        self.section: dict = {}          # a section line's value for the rows under it
        self.firsts: dict[int, tuple[int, int]] = {}   # a row's texts -> (row, block)
        for i, row in enumerate(existing or [], start=1):
            self.seen.setdefault(person_key(row.get("full_name", ""),
                                            row.get("organization", "")), -i)

    def _values(self, cells: tuple) -> dict:
        values = {fid: cell_text(cells[c]) if c < len(cells) else None
                  for c, fid in self.cmap.columns.items() if fid != IGNORE}
        if self.cmap.name_parts:
            values["full_name"] = self.cmap.name_of(cells)
        return values

    @staticmethod
    def _texts(values: dict) -> int:
        """A row's texts as one hash (its cells as read, «№» aside): a 100,000-row list keeps
        an int per row for `repeat_of`, not the row's texts again."""
        return hash(tuple((f, v) for f, v in sorted(values.items()) if f != "no" and v))

    def repeat_of(self, cells: tuple) -> int | None:
        """The row of an earlier list (the day before, above a repeated header) holding this
        person with the very same texts, or None."""
        if not self.block:
            return None
        first = self.firsts.get(self._texts(self._values(cells)))
        return first[0] if first and first[1] < self.block else None

    def add(self, sheet_row: int, cells: tuple) -> None:
        values = self._values(cells)
        if all(v in (None, "") for f, v in values.items() if f != "no"):
            return                                     # blank or numbered-but-empty row
        self.firsts.setdefault(self._texts(values), (sheet_row, self.block))
        row, problems = self._clean(sheet_row, values)
        self._check_number(sheet_row, values.get("no"))
        key = person_key(row.get("full_name", ""), row.get("organization", ""))
        if row.get("full_name") and key in self.seen:
            first = self.seen[key]
            problems.append(self._p(sheet_row, "full_name", "duplicate_in_list",
                                    say("duplicate_in_list", self.lang, first=first)
                                    if first > 0 else say("duplicate_stored", self.lang)))
        self.seen.setdefault(key, sheet_row)
        self.out.problems.extend(problems)
        self.out.rows.append(row)
        self.out.source_rows.append(sheet_row)

    def _p(self, sheet_row, fid, code, message, severity="warning") -> Problem:
        col = next((self.cmap.headers.get(c) for c, f in self.cmap.columns.items() if f == fid),
                   fid)
        return Problem(sheet_row, col, fid, code, at(sheet_row, col, self.lang) + message,
                       severity)

    def _clean(self, sheet_row: int, values: dict) -> tuple[dict, list[Problem]]:
        row: dict = {}
        problems: list[Problem] = []
        for fid, raw in values.items():
            if fid == "no":
                continue
            text, issues = clean_text(phone_text(fid, raw))
            if fid == "full_name" and text:
                issues = (*issues, *name_issues(text))
            for issue in issues:
                problems.append(self._p(sheet_row, fid, issue.code, message_text(
                    issue.code, self.lang, {"field": text, "token": issue.detail}) + " (VR-31)"))
            if text and _LOST_LETTER.search(text):
                problems.append(self._p(sheet_row, fid, "encoding_loss",
                                        say("encoding_loss", self.lang, text=text)))
            if text and _EXPONENT.match(text):
                whole = whole_number(text)
                if whole is None:
                    problems.append(self._p(sheet_row, fid, "number_exponent",
                                            say("number_exponent", self.lang, text=text)))
                text = whole or text
            if fid in CHOICE_ENUMS and text:
                code, note = read_cell_choice(fid, text, self.lang)
                if note is not None:
                    problems.append(self._p(sheet_row, fid, *note))
                if code is None:
                    continue
                text = code
            if text:
                row[fid] = text
        if self.form_id == "seminar" and "department" not in row and row.get("organization"):
            code = resolve_department(row["organization"])
            if code:
                row["department"] = code
        for fid, value in (*self.section.items(), *self.defaults.items()):
            row.setdefault(fid, value)
        present = self.cmap.fields()
        for fid in self.required:
            if fid in present and fid not in row and not any(p.field == fid for p in problems):
                problems.append(self._p(sheet_row, fid, "required", say("required", self.lang)))
        return row, problems

    def pass_number(self, sheet_row: int, cells: tuple) -> None:
        """A row not taken (a person who did not come) still counts in the file's numbering."""
        col = next((c for c, f in self.cmap.columns.items() if f == "no"), None)
        if col is not None and col < len(cells):
            self._check_number(sheet_row, cells[col])

    def _check_number(self, sheet_row: int, raw) -> None:
        try:
            no = int(float(str(raw).strip().rstrip(".)")))
        except (TypeError, ValueError):
            return
        if self.last_no is not None and no > self.last_no + 1:
            self.out.numbering_gaps.append(sheet_row)
        self.last_no = no

    def finish(self, start_no: int = 1) -> RosterBuild:
        for i, row in enumerate(self.out.rows):
            row["no"] = start_no + i
        if self.out.numbering_gaps:
            rows = ", ".join(map(str, self.out.numbering_gaps[:10]))
            self.out.problems.append(Problem(
                self.out.numbering_gaps[0], self.cmap.headers.get(0, "№"), "no",
                "numbering_gap", say("numbering_gap", self.lang, rows=rows), "warning"))
        return self.out


def cross_list_matches(rows: list[dict], source_rows: list[int], others: list[dict],
                       lang: str = "ru") -> list[Problem]:
    """People of this list found in other stored lists (other = {name, org, region, record,
    no}): the same person (name and organization agree) is a warning, a namesake info."""
    if not others:
        return []
    index: dict[str, list[dict]] = {}
    for o in others:
        for k in block_keys(o["name"]):
            index.setdefault(k, []).append(o)
    out = []
    for row, sheet_row in zip(rows, source_rows):
        name = row.get("full_name")
        if not name:
            continue
        cands = {id(o): o for k in block_keys(name) for o in index.get(k, [])}
        hits = [(person_match(name, row.get("organization", ""), o["name"], o.get("org", "")),
                 o) for o in cands.values()]
        hits = sorted((h for h in hits if h[0]), key=lambda h: h[0] != "same")
        if hits:
            match, o = hits[0]
            code = "person_in_other_list" if match == "same" else "namesake_in_other_list"
            region = enum_label("regions", o["region"], lang)  # its name, never its code
            out.append(Problem(sheet_row, None, "full_name", code, say(
                code, lang, name=name, record=o["record"], region=region, no=o["no"]),
                "warning" if match == "same" else "info"))
    return out
