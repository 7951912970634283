"""One answer cell of an online-survey export -> a field value (reports/survey_import.py).

Google Forms and Yandex Forms write one response per row: a multiple-choice answer is one
cell with the options joined by ", " (or ";"), an «Другое: …» / «Басқа: …» / "Other: …" answer
is the person's own text, a date is a timestamp. Options are matched to enumeration items by
their labels in any language (forms.reference.resolve); an option's label may itself hold a
comma, so the longest run of pieces that names one option wins. A short word or an
abbreviation («Студ.», «НКО») is read with a warning saying as what (forms.choice_words); a
cell with several says each in one warning. `put_cell` reads one cell into a record's data by
its field's type.
"""
from __future__ import annotations

import datetime as dt
import re

from forms.choice_words import choice_message, read_choice
from forms.fieldcheck import parse_date
from forms.reference import get_enum, resolve
from reports.figure_words import counts_hours, figure, hours_read, refused

OTHER_PREFIX = re.compile(r"^\s*(другое|другие|иное|басқа|басқасы|other)\s*[:：-]\s*",
                          re.IGNORECASE)
# Google Forms writes «2023/10/12 2:03:11 PM GMT+5» (English sheets) or «12.10.2023 14:03:11»;
# a US sheet «10/12/2023 14:03:11»; day-first with slashes where the month cannot be first.
_DATE_FORMATS = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y/%m/%d %H:%M:%S",
                 "%Y/%m/%d %I:%M:%S %p", "%Y/%m/%d %I:%M %p", "%Y/%m/%d",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S",
                 "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")
_ZONE = re.compile(r"\s*(?:GMT|UTC)\s*[+-]?\d{0,2}(?::?\d{2})?$", re.IGNORECASE)
# «ИСТИНА» / «ЛОЖЬ»: TRUE / FALSE as a Russian Excel writes them into a .csv
_TRUE = {"да", "иә", "ия", "yes", "true", "1", "есть", "бар", "истина", "ақиқат"}
_FALSE = {"нет", "жоқ", "жок", "no", "false", "0", "ложь", "жалған"}
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
# A unit typed after a number in a short-text answer: «5 лет», «120 часов», «30 адам».
_UNIT = re.compile(r"(?<=\d)\s*(лет|год|года|г|часов|часа|час|ч|человек|чел|волонт[её]ров|"
                   r"жыл|сағат|адам|волонтер)\.?\s*$", re.IGNORECASE)
# What a person types for "no answer" in a sheet (a clerk's questionnaire, a form export):
# an enumeration's own no-answer item takes it (VR-27), any other question is left unanswered.
_NO_ANSWER_MARKS = {"-", "--", "—", "–", "нет ответа", "без ответа", "затрудняюсь ответить",
                    "затрудняюсь с ответом", "затрудняюсь", "жауап жоқ", "жауапсыз",
                    "жауап беруге қиналамын", "no answer", "n/a", "прочерк"}
NO_ANSWER_CODES = ("NO_ANSWER", "NOT_STATED")
_BIN_LABEL = re.compile(r"^\s*(БИН|БСН|BIN|ИИН|ЖСН|IIN)\s*[:№#]?\s*", re.IGNORECASE)
_EXPONENT = re.compile(r"\d[.,]\d*E\+?\d+", re.IGNORECASE)
_LOST_LETTER = re.compile(r"\?(?=[а-яёА-ЯЁ])")


class CellProblem(ValueError):
    """Why a cell cannot be read: a message code of resources/messages.toml and params."""

    def __init__(self, code: str, severity: str = "error", **params):
        super().__init__(code)
        self.code, self.params, self.severity = code, params, severity


def cell_notes(form, columns: dict, row: tuple, reader, data: dict, lang: str):
    """Each filled cell of `row` that `columns` maps (column index -> field id) read into
    `data` by `reader(form, field, value, data, lang)` (put_cell, a list's read_cell); yields
    (column, field id, value, note) for a cell read with a note or refused (CellProblem)."""
    for col, fid in columns.items():
        value = row[col] if col < len(row) else None
        if value is None or not str(value).strip():
            continue
        try:
            note = reader(form, form.field(fid), value, data, lang)
        except CellProblem as exc:
            note = exc
        if note is not None:
            yield col, fid, value, note


def to_date(value) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _ZONE.sub("", " ".join(str(value).split()))
    if parse_date(text[:10]):
        return text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    from reports.intake_rows import date_in

    written = date_in(text)  # «12 октября 2023», «12.10.2023 г.», «2023 ж. 12 қазан»
    if written is None:
        raise CellProblem("survey_bad_date")
    return written.isoformat()


def to_moment(value) -> dt.datetime | None:
    """A submission time with its time of day, as the sheet shows it (a zone written after
    it dropped), or None: a date alone, or a text no export writes."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if value is None or isinstance(value, dt.date):
        return None
    text = _ZONE.sub("", " ".join(str(value).split()))
    for fmt in (f for f in _DATE_FORMATS if "%H" in f or "%I" in f):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:                                     # KoBo / ODK: «2026-12-06T10:15:03.123+05:00»
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=None, microsecond=0) if "T" in text or ":" in text else None


def to_number(value, integer: bool):
    if isinstance(value, bool):
        raise CellProblem("survey_bad_number")
    if isinstance(value, (int, float)):
        number = value
    else:
        text = re.sub(r"[\s\u00a0]+", "", _UNIT.sub("", str(value)))
        if not _NUMBER.match(text):
            raise CellProblem("survey_bad_number")
        number = float(text.replace(",", "."))
    if integer:
        if float(number) != int(number):
            raise CellProblem("survey_bad_number")
        return int(number)
    return int(number) if float(number).is_integer() else float(number)


def put_number(f, value, data: dict, lang: str, read=None) -> CellProblem | None:
    """A figure into data[f.id] by `read` (default: to_number); a duration in a field that
    counts hours («2 ч. 30 мин») as hours, with a note; else CellProblem saying why it is
    no number and what to type (reports.figure_words)."""
    try:
        data[f.id] = (read or (lambda v: to_number(v, f.type == "integer")))(value)
        return None
    except (ValueError, TypeError):              # CellProblem is a ValueError too
        hours = hours_read(value, lang) if counts_hours(f) else None
        if hours is None:
            code, params = refused(value, whole=f.type in ("integer", "counts"))
            raise CellProblem(code, **params) from None
    data[f.id] = hours[0]
    return CellProblem("figure_duration", "warning", **hours[1])


def put_figure(f, value, data: dict, lang: str) -> CellProblem | None:
    """A figure cell of a list, a region's table or `esep template`'s monthly workbook (a
    count, a breakdown's category, hours) into data[f.id]: «12 чел.», «22 адам», «1 200»,
    «нет» = 0 (reports.figure_words.figure), «2 ч. 30 мин» of hours with a note, else refused
    saying what to type (put_number)."""
    kind = "decimal" if f.type == "decimal" else "integer"
    return put_number(f, value, data, lang, lambda v: figure(v, kind))


def to_boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold().rstrip(".!")
    first = text.split(",")[0].split()[0] if text.split() else ""
    for probe in (text, first):
        if probe in _TRUE:
            return True
        if probe in _FALSE:
            return False
    raise CellProblem("survey_bad_boolean")


def check_letters(value) -> None:
    """A «?» just before a Cyrillic letter («Жар?ын болаша?», «?амқор») is a Kazakh letter
    a code page without it (Excel's «CSV», Windows-1251) replaced: refused, not saved so."""
    if isinstance(value, str) and _LOST_LETTER.search(value):
        raise CellProblem("survey_lost_letters")


def is_no_answer(value) -> bool:
    """«-», «нет ответа», «затрудняюсь ответить», «жауап жоқ» … (any case, a trailing dot)."""
    text = " ".join(str(value).replace("ё", "е").casefold().split()).rstrip(".!")
    return text in _NO_ANSWER_MARKS


def no_answer_code(enum: str | None) -> str | None:
    """The enumeration's no-answer item (NO_ANSWER, the questionnaire's NOT_STATED), or None."""
    codes = get_enum(enum).codes if enum else ()
    return next((c for c in NO_ANSWER_CODES if c in codes), None)


def to_choice(enum: str, value, lang: str = "ru") -> str:
    return read_one(enum, value, lang)[0]


def read_one(enum: str, value, lang: str = "ru") -> tuple[str, CellProblem | None]:
    """(code, a warning or None) of a single-choice answer: a short word or an abbreviation
    is read with a note saying as what (forms.choice_words); an ambiguous one or no option
    raises CellProblem naming the candidates or the allowed answers."""
    code = _band(enum, value)
    if code is not None:
        return code, None
    choice = read_choice(enum, value, contained=True)
    note = choice_message(enum, value, choice, lang)
    if choice.code is None:
        raise CellProblem(note[0], **note[1]) if note else CellProblem(
            "survey_bad_choice", allowed=allowed(enum, lang))
    return choice.code, None if note is None else CellProblem(note[0], "warning", **note[1])


def _band(enum: str, value) -> str | None:
    """An age given as a number («25», «25 лет») -> the item whose min_age..max_age holds it
    (age_bands); None for any other answer or enumeration."""
    items = [i for i in get_enum(enum).items if isinstance(i.extra.get("min_age"), int)]
    try:
        age = to_number(value, True) if items else None
    except CellProblem:
        return None
    for item in items:
        top = item.extra.get("max_age")
        if age is not None and item.extra["min_age"] <= age and (top is None or age <= top):
            return item.code
    return None


def allowed(enum: str, lang: str = "ru", limit: int = 12) -> str:
    """The first `limit` labels, and the no-answer item's wherever it stands."""
    items = get_enum(enum).items
    shown = items[:limit] + [i for i in items[limit:] if i.code in NO_ANSWER_CODES]
    more = f" … (+{len(items) - len(shown)})" if len(items) > len(shown) else ""
    return "; ".join(item.label(lang) for item in shown) + more


def split_multi(enum: str, value, lang: str = "ru", own_tail: bool = False,
                notes: list | None = None) -> tuple[list[str], str | None]:
    """(codes, the person's own text or None) of a multiple-choice cell; an option nobody can
    match raises CellProblem naming it. With `own_tail`, pieces at the end that start no
    option are the own text even without «Другое:» (Google Forms writes it so). A piece
    read from a short word or an abbreviation adds a warning to `notes`."""
    text = str(value).strip()
    whole = resolve(enum, text, contained=False)
    if whole:
        return [whole], None
    pieces = [p.strip() for part in text.split(";") for p in part.split(",")]
    pieces = [p for p in pieces if p]
    codes: list[str] = []
    i = 0
    while i < len(pieces):
        if OTHER_PREFIX.match(pieces[i]):        # the own text runs to the end of the cell
            own = OTHER_PREFIX.sub("", ", ".join(pieces[i:])).strip()
            return _add_other(enum, codes), own or None
        j = _longest_option(enum, pieces, i)
        short = read_choice(enum, pieces[i]) if j is None else None
        if short is not None and short.code is not None:
            codes += [] if short.code in codes else [short.code]
            note = choice_message(enum, pieces[i], short, lang)
            if notes is not None and note is not None:
                notes.append(CellProblem(note[0], "warning", **note[1]))
            i += 1
            continue
        if j is None and own_tail and not any(
                _longest_option(enum, pieces, k) for k in range(i + 1, len(pieces))):
            return _add_other(enum, codes), ", ".join(pieces[i:])
        if j is None:
            note = choice_message(enum, pieces[i], short, lang) if short else None
            raise CellProblem(note[0], **note[1]) if note else CellProblem(
                "survey_bad_option", option=pieces[i], allowed=allowed(enum, lang))
        code = resolve(enum, ", ".join(pieces[i:j]), contained=False)
        if code is not None and code not in codes:
            codes.append(code)
        i = j
    return codes, None


def _longest_option(enum: str, pieces: list[str], i: int) -> int | None:
    for j in range(len(pieces), i, -1):
        if resolve(enum, ", ".join(pieces[i:j]), contained=False):
            return j
    return None


def _add_other(enum: str, codes: list[str]) -> list[str]:
    """An own answer counts under the enumeration's OTHER item when it has one."""
    if "OTHER" in get_enum(enum).codes and "OTHER" not in codes:
        return [*codes, "OTHER"]
    return codes


def put_cell(form, f, value, data: dict, lang: str) -> CellProblem | None:
    """Read one cell of field `f` into `data` (own answers into the field's «other» text; a
    no-answer mark into the enumeration's no-answer item, else left unanswered). Raises
    CellProblem for a cell that cannot be read; returns one to warn about."""
    check_letters(value)
    if is_no_answer(value) and f.type != "text":
        code = no_answer_code(f.choices)
        if code:
            data[f.id] = [code] if f.type == "multi_choice" else code
        return None
    if f.type == "multi_choice":
        return _put_multi(form, f, value, data, lang)
    if f.type == "choice":
        text = str(value).strip()
        if OTHER_PREFIX.match(text) and other_field(form, f):
            data[other_field(form, f)] = OTHER_PREFIX.sub("", text).strip()
        else:
            data[f.id], note = read_one(f.choices, value, lang)
            return note
    elif f.type in ("integer", "decimal"):
        return put_number(f, value, data, lang)
    elif f.type == "boolean":
        data[f.id] = to_boolean(value)
    elif f.type == "date":
        data[f.id] = to_date(value)
    elif f.extra.get("check") == "bin":
        data[f.id] = _bin(f, value, lang)
    else:
        data[f.id] = " ".join(str(value).split())
    return None


def _put_multi(form, f, value, data: dict, lang: str) -> CellProblem | None:
    """A multiple-choice cell; own text at its end without «Другое:» goes to the question's
    «other» field, with a warning (returned) naming it."""
    target, note = other_field(form, f), None
    notes: list[CellProblem] = []
    try:
        codes, own = split_multi(f.choices, value, lang, notes=notes)
    except CellProblem:
        if target is None:
            raise
        notes = []
        codes, own = split_multi(f.choices, value, lang, own_tail=True, notes=notes)
        note = CellProblem("survey_own_answer", "warning", option=own)
    note = _one_warning(notes + ([note] if note else []), lang)
    if codes:
        data[f.id] = codes
    if own:
        if target is None:
            raise CellProblem("survey_other_dropped", option=own)
        data[target] = "; ".join(x for x in (data.get(target), own) if x)
    return note


# The clause each warning of a multiple-choice cell is said by among several.
_CLAUSES = {"choice_read_as": "choice_item", "choice_abbreviation": "choice_item_abbreviation",
            "survey_own_answer": "choice_item_own"}


def _one_warning(notes: list[CellProblem], lang: str) -> CellProblem | None:
    """The cell's warning: its one note, or each note of several as a clause of one."""
    if len(notes) < 2:
        return notes[0] if notes else None
    from forms.messages import message_text

    return CellProblem("choice_read_as_many", "warning", items=", ".join(
        message_text(_CLAUSES[n.code], lang, n.params) for n in notes))


def _bin(f, value, lang: str) -> str:
    """The БИН of a cell; 11 digits whose zero-led 12 pass the control digit are a number
    cell that lost its leading zero (a list kept in Excel, then saved as .csv)."""
    from forms.identifiers import bin_problem, clean_bin
    text = clean_bin(_BIN_LABEL.sub("", value) if isinstance(value, str) else value)
    if len(text) == 11 and text.isdigit() and bin_problem("0" + text) is None:
        text = "0" + text
    field = f.label.get(lang) or f.id
    if _EXPONENT.fullmatch(text):           # Excel showed the number shortened: digits lost
        raise CellProblem("bin_exponent", field=field, value=str(value).strip())
    problem = bin_problem(text)
    if problem is not None:
        raise CellProblem(problem[0], field=field, **problem[1])
    return text


def other_field(form, f) -> str | None:
    """`<field>_other`, else `<enumeration>_other`: where a question's own answers go."""
    for fid in (f"{f.id}_other", f"{f.choices}_other"):
        if form.has_field(fid) and form.field(fid).type == "text":
            return fid
    return None
