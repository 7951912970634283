"""A district's own list of records, one a row (events, hotline calls, meetings with officials),
read in the layout its clerk typed: `read_records_list(path, "event", ...)` -> ListRead.

The sheet and the header row are found by the fields' labels and the names a list gives them
(reports.list_names; matched by reports.survey_import.match_columns: ru / kk / en, a close
spelling too), under title rows and merged titles; a header in two rows («Количество» over
«волонтёров | часов») is read as one. A «№» column is the list's own numbering. Under the
header, totals («Итого», «Всего»), repeated headers, column numbers and empty rows are
skipped and listed with their row numbers; cells merged down a column go to each row.

Cells are read as the survey import reads answers (reports.survey_values.put_cell: labels,
short words and abbreviations of choices), a figure as the monthly template reads it
(«12 чел.», «1 200», «нет» = 0; «25+5», «около 30» refused saying what to type, «2 ч. 30
мин» of hours read as 2.5 with a note: reports.figure_words), a range of days «20-22.03.2024» as start and end dates. A
cell that cannot be read is an error naming the row, the column as the file names it, the
value, why and what is allowed. Nothing here touches a store (reports.list_import saves).
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from forms import load_form, message_text
from forms.people import phone_text
from reports.headers import HEADER_SCAN_ROWS, is_number_header
from reports.intake import Column, Skipped
from reports.intake_rows import date_in, date_span, serial_date, skip_kind
from reports.intake_text import at, say
from reports.list_names import IDENTITY, SPANS, ListRefused
from reports.readers import iter_rows
from reports.readers_layout import fill_down, hidden_read_columns, hidden_rows, visible_sheets
from reports.survey_import import _apply_mapping, _texts, match_columns
from reports.survey_values import CellProblem, cell_notes, put_cell, put_figure
from reports.text import fold
from reports.wide_where import sheet_period

MIN_COLUMNS = 2           # fields a row must name to be the header
_FIGURE = re.compile(r"^[\s\d.,:/-]+$")     # «25», «02.03.2024», «1 200»: no title
_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")


@dataclass
class ListRead:
    form_id: str
    sheet: str | None
    header_row: int                                           # 1-based, the header's last row
    top_row: int                                              # 1-based, the header's first
    headers: list[str]
    columns: dict[int, str]                                   # 0-based column -> field id
    mapped: set[int] = field(default_factory=set)             # columns the person mapped
    numbering: set[int] = field(default_factory=set)          # «№» columns
    rows: list[tuple[int, dict]] = field(default_factory=list)   # (sheet row, data)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    title_period: str | None = None
    recalled: dict | None = None          # the mapping remembered for this header, used

    def mapping(self) -> dict[str, str]:
        return {self.headers[c]: f for c, f in sorted(self.columns.items())}

    def described(self) -> list[Column]:
        """Each header cell with its field (None: read by no field, said so)."""
        return [Column(c, h, self.columns.get(c), "mapped" if c in self.mapped else
                       "sure" if c in self.columns else "none")
                for c, h in enumerate(self.headers) if h and c not in self.numbering]


def problem(row, column, code: str, lang: str, params: dict, severity="error") -> dict:
    return {"row": row, "column": column, "code": code, "severity": severity,
            "message": message_text(code, lang, params), "params": params}


def read_records_list(path, form_id: str, *, mapping: dict | None = None,
                      sheet: str | None = None, set_values: dict | None = None,
                      lang: str = "ru", period: str | None = None,
                      recall=None) -> ListRead:
    """The list; a date typed without its year («15 марта», «с 3 по 5 марта») takes the
    year of `period` (--period), else of the title's month, else the one year it names.
    Without a `mapping`, `recall(header texts)` may give the one remembered for a header
    (reports.import_memory)."""
    form = load_form(form_id)
    path = Path(path)
    said: list[dict] = []
    base = _defaults(form, set_values or {}, lang, said)
    found, head, rows, merges = _find_list(path, form, sheet, mapping, lang, recall)
    found.problems[:0] = said
    titles = [str(c) for r in head[:found.top_row - 1] for c in r if c not in (None, "")]
    found.title_period = sheet_period(found.sheet, titles, None)[0]
    when = period or found.title_period
    year = int(when[:4]) if when else _one_year(titles)
    below = [m for m in merges if m[0] >= found.header_row]
    data_rows = fill_down(itertools.chain(head[found.header_row:], rows), below,
                          found.header_row)
    header = tuple(found.headers)
    empty: list[int] = []
    for n, row in enumerate(data_rows, start=found.header_row + 1):
        if not any(c not in (None, "") and str(c).strip() for c in row):
            empty.append(n)
            continue
        kind = skip_kind(row, header)[0]
        if kind is None and not _named(found, row):
            kind = "note"
        if kind is not None:
            found.skipped.append(Skipped(n, kind, _line(row)))
            continue
        found.rows.append((n, {**base, **_read_row(form, found, row, n, lang, year)}))
    last = found.rows[-1][0] if found.rows else 0
    found.skipped += [Skipped(n, "empty", "") for n in empty if n < last]
    found.skipped.sort(key=lambda s: s.row)
    found.problems += _missing(form, found, base, lang) + _hidden(path, found, lang)
    return found


def _one_year(titles: list[str]) -> int | None:
    """The year the title names when it names one and no month («за 1 квартал 2024 года»)."""
    years = {int(y) for t in titles for y in _YEAR.findall(t)}
    return years.pop() if len(years) == 1 else None


def _hidden(path: Path, found: ListRead, lang: str) -> list[dict]:
    """A row the workbook hides is read like any other, and said so (hidden before
    printing: is its record wanted?), as the attendance list says of a person; a hidden
    column read into the records is said once."""
    hidden = hidden_rows(path, found.sheet)
    read = {c: (found.headers[c], f) for c, f in found.columns.items()} if found.rows else {}
    return hidden_read_columns(path, found.sheet, read, lang) + [
        {"row": n, "column": None, "code": "list_row_hidden", "severity": "warning",
         "message": say("where_row", lang, row=n) + say(
             "list_row_hidden", lang, text=_said(found, row))}
        for n, row in found.rows if n in hidden]


def _said(found: ListRead, data: dict) -> str:
    """A row's identifying texts (its title, date), else its first values, shown short."""
    shown = [str(data[f]) for f in IDENTITY[found.form_id] if data.get(f)] or \
        [str(v) for v in data.values() if isinstance(v, (str, int, float))]
    return " | ".join(shown)[:80]


def _find_list(path: Path, form, sheet, mapping, lang, recall=None):
    """(ListRead with its header, the top rows, the rows below them, vertical merges) of
    the first sheet (or `sheet`) with a header; ListRefused naming what was seen if none. A
    cover sheet passed over, hidden sheets (not read unless named), and lists on later sheets
    (not read) are said."""
    seen: list[str] = []
    names, hidden = visible_sheets(path, sheet, lang)
    for k, name in enumerate(names):
        merges: list = []
        rows = iter_rows(path, sheet=name, on_merges=merges.extend)
        head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
        found = _header(head, form, mapping, lang, recall)
        if found is not None:
            found.sheet = name
            found.problems += hidden + _other_sheets(path, form, names, k, mapping, lang)
            return found, head, rows, merges
        seen += [_shown(c) for r in head for c in r if c not in (None, "")]
    wanted = [f.label.get(lang) or f.id for f in form.fields if f.required
              and f.type != "roster"]
    params = {
        "file": path.name, "rows": HEADER_SCAN_ROWS, "form": form.title.get(lang) or form.id,
        "form_id": form.id, "fields": ", ".join(f.id for f in form.fields
                                                 if f.type != "roster"),
        "sheets": ", ".join(f"«{n}»" for n in names if n) or "—",
        "wanted": ", ".join(f"«{w}»" for w in wanted),
        "found": "; ".join(seen)[:300] or "—"}
    said = "".join(f" {h['message']}" for h in hidden)   # a list only on a hidden sheet
    raise ListRefused(message_text("list_no_header", lang, params) + said, "no_header")


def _other_sheets(path: Path, form, names: list, k: int, mapping, lang: str) -> list[dict]:
    """Warnings: the list was found past the first sheet; later sheets hold lists too."""
    out = []
    if k > 0:
        out.append({"row": None, "column": None, "code": "list_on_sheet", "severity": "warning",
                    "message": say("list_on_sheet", lang, sheet=names[k], first=names[0])})
    more = [n for n in names[k + 1:] if _header(list(itertools.islice(
        iter_rows(path, sheet=n), HEADER_SCAN_ROWS)), form, mapping, lang) is not None]
    if more:
        out.append({"row": None, "column": None, "code": "more_lists", "severity": "warning",
                    "message": say("more_lists", lang, sheet=names[k],
                                   others=", ".join(f"«{n}»" for n in more))})
    return out


def _header(head: list[tuple], form, mapping, lang, recall=None) -> ListRead | None:
    """The row naming the most fields (at least MIN_COLUMNS, the person's mapping counted:
    the one given, else the one `recall` remembers for the row's texts), or None."""
    best: ListRead | None = None
    for i in range(len(head)):
        for texts, last in _candidates(head, i, form):
            cols = match_columns(texts, form)
            numbering = {c for c, t in enumerate(texts) if is_number_header(t)}
            cols = {c: f for c, f in cols.items() if c not in numbering}
            mapped = dict(cols)
            given = recall(texts) if mapping is None and recall else mapping
            bad = _apply_mapping(mapped, texts, given or {}, form, lang)
            if len(mapped) < MIN_COLUMNS or (best and len(mapped) <= len(best.columns)):
                continue
            best = ListRead(form.id, None, last + 1, i + 1, texts, mapped, numbering=numbering,
                            mapped={c for c, f in mapped.items() if cols.get(c) != f},
                            problems=bad, recalled=given if mapping is None else None)
    return best


def _candidates(head: list[tuple], i: int, form):
    """(header texts, 0-based last row): row i alone, and rows i and i+1 as one header when
    the lower row holds titles only: a lower title that names a field alone stays as it is,
    else it is read with the title over it («Количество» over «волонтёров | часов»)."""
    top = _texts(head[i])
    yield top, i
    if i + 1 >= len(head):
        return
    sub = head[i + 1]
    if not any(isinstance(c, str) and c.strip() for c in sub) or any(
            c not in (None, "") and (not isinstance(c, str) or _FIGURE.match(c)) for c in sub):
        return                                    # a row of data (a .csv's are all text)
    low, own, joined, over = _texts(sub), [], [], ""
    for c in range(max(len(top), len(low))):
        t, s = (top[c] if c < len(top) else ""), (low[c] if c < len(low) else "")
        over = t or (over if s else "")
        own.append(s or t)
        joined.append(f"{over} {s}".strip() if s and over != s else (t or s))
    alone = match_columns(own, form)
    texts = [own[c] if c in alone or not low[c:c + 1] or not low[c] else joined[c]
             for c in range(len(own))]
    if len(match_columns(texts, form)) > len(match_columns(low, form)):
        yield texts, i + 1                        # the upper row adds to the lower's titles


def _named(found: ListRead, row: tuple) -> bool:
    """A row gives a value for one of the list's fields (not only its number)."""
    return any(c < len(row) and row[c] not in (None, "") and str(row[c]).strip()
               for c in found.columns)


def _shown(cell) -> str:
    """A cell as the person sees it: 145, not 145.0."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _line(row: tuple) -> str:
    return " | ".join(_shown(c) for c in row if c not in (None, ""))[:120]


def _read_row(form, found: ListRead, row: tuple, n: int, lang: str, year: int | None) -> dict:
    data: dict = {}
    reader = functools.partial(read_cell, year=year)
    for col, fid, value, note in cell_notes(form, found.columns, row, reader, data, lang):
        header = found.headers[col]
        why = message_text(note.code, lang, note.params)
        shown = _shown(value)
        said = why if f"«{shown}»" in why else f"«{shown}»: {why}"
        found.problems.append({"row": n, "column": header, "code": note.code,
                               "severity": note.severity, "field": fid,
                               "message": at(n, header, lang) + said})
    return data


def read_cell(form, f, value, data: dict, lang: str,
              year: int | None = None) -> CellProblem | None:
    """One cell into `data`: a span of days into the date and its end, a figure with its
    unit or a zero word, else as a survey answer (reports.survey_values.put_cell); a day
    and month with no year take `year`."""
    span = date_span(value, year) if f.id in SPANS and form.has_field(SPANS[f.id]) else None
    if span:
        data[f.id], data[SPANS[f.id]] = span[0].isoformat(), span[1].isoformat()
        return None
    if f.type == "date" and (day := serial_date(value)):
        data[f.id] = day.isoformat()             # a date pasted as Excel's day number
        return None
    if f.type in ("integer", "decimal"):
        return put_figure(f, value, data, lang)
    if f.type == "text" and isinstance(value, float) and value.is_integer():
        value = str(int(value))                  # a phone number typed into a number cell
    try:
        return put_cell(form, f, phone_text(f.id, value), data, lang)
    except CellProblem:
        if f.type != "date" or not (day := date_in(str(value), year or 2000)):
            raise
        if not year:                             # «15 марта», and no year known
            raise CellProblem("list_date_no_year") from None
    data[f.id] = day.isoformat()                 # «15 марта» in a list of March 2024
    return None


def _defaults(form, set_values: dict, lang: str, notes: list) -> dict:
    """--set FIELD=VALUE: each row's value where its cell is empty, read as a cell is (a
    short word's or an abbreviation's note into `notes`); ValueError (said as is) for an
    unknown field or a value no cell could hold."""
    data: dict = {}
    for fid, value in set_values.items():
        if not form.has_field(fid) or form.field(fid).type == "roster":
            raise ValueError(message_text("list_set_no_field", lang, {
                "field": fid, "fields": ", ".join(f.id for f in form.fields
                                                  if f.type != "roster")}))
        try:
            note = read_cell(form, form.field(fid), value, data, lang)
        except CellProblem as exc:
            raise ValueError(f"--set {fid}={value}: "
                             + message_text(exc.code, lang, exc.params)) from None
        if note is not None:
            notes.append({"row": None, "column": None, "code": note.code, "field": fid,
                          "severity": note.severity, "message": f"--set {fid}={value}: "
                          + message_text(note.code, lang, note.params)})
    return data


def _missing(form, found: ListRead, base: dict, lang: str) -> list[dict]:
    """Required fields the rows leave empty: a draft's findings, said once a column (the
    file has no such column) or once a cell (its cell is empty)."""
    out = []
    where = {f: c for c, f in found.columns.items()}
    said = {(p["row"], p.get("field")) for p in found.problems}   # a cell not read, said
    for f in [f for f in form.fields if f.required and f.id not in base]:
        lacking = [n for n, data in found.rows if f.id not in data and (n, f.id) not in said]
        if not lacking:
            continue
        label = f.label.get(lang) or f.label.get("ru") or f.id
        if f.id not in where:
            out.append(problem(None, None, "list_column_missing", lang, {
                "label": label, "count": len(lacking), "field": f.id}, "warning"))
            continue
        header = found.headers[where[f.id]]
        out += [{"row": n, "column": header, "code": "required", "severity": "warning",
                 "field": f.id, "message": at(n, header, lang) + say("required", lang)}
                for n in lacking]
    return out


def row_key(form_id: str, data: dict) -> list[str] | None:
    """What tells the record of a row from the others (folded: «Субботник  в парке» and
    «субботник в парке» are one), or None when the row gives none of it."""
    key = [fold(data.get(f) or "") for f in IDENTITY[form_id]]
    return key if any(key) else None
