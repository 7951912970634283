"""Attendance lists as people send them: read -> preview -> commit (issue 11).

    preview = read_list(path, "focus_group", period="2023-09", mapping=None,
                        set_values={"participant_category": "STUDENT"},
                        progress=lambda rows: ..., cancelled=lambda: False)
    preview.header_row, preview.columns (file header -> field, with confidence),
    preview.rows / preview.source_rows (rows to add), preview.skipped (row, kind, text),
    preview.problems (findings on exact cells), preview.values (from title rows and --set)

A GUI drives the same function (a mapping corrects the detected one; `progress` is called
every PROGRESS_EVERY rows; `cancelled()` returning True stops with ImportCancelled) and
commits through reports.io. Only an unreadable file or no name column refuses
(FileProblem / HeaderError); everything else is a finding on a draft.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from reports.headers import (
    HEADER_SCAN_ROWS,
    IGNORE,
    NOT_THERE,
    ROSTERS,
    ColumnMap,
    HeaderError,
    find_header,
    is_attendance,
)
from reports.intake_rows import (
    is_absent,
    looks_like_name,
    skip_kind,
    title_values,
    total_count,
)
from reports.intake_set import split_set_values
from reports.intake_text import at, say
from reports.readers import DEFAULT_ROW_LIMIT, FileProblem, iter_rows
from reports.readers_layout import (
    fill_down,
    hidden_read_columns,
    hidden_rows,
    join_continuations,
    visible_sheets,
)
from reports.roster import (
    Problem,
    RosterBuilder,
    cell_text,
    read_cell_choice,
)
from reports.text import fold

PROGRESS_EVERY = 1000
# The record's field for the count a total line under the list declares.
DECLARED = {"focus_group": "declared_total", "seminar": "participants_count"}


class ImportCancelled(Exception):
    """The person cancelled the reading; nothing was imported."""


@dataclass
class Column:
    index: int                 # 0-based column in the file
    header: str                # the file's own header text
    field: str | None          # roster column id, IGNORE, or None (not recognised)
    confidence: str            # "sure", "unsure", "mapped" (given by the person), "none"


@dataclass
class Skipped:
    row: int
    kind: str                  # header_repeat, column_numbers, total, walk_ins, no_name,
                               # absent, note, repeat, section
    text: str
    count: int | None = None   # walk-ins; for a repeat, the row of the person's first line

    def line(self, lang: str = "ru") -> str:
        why = say(f"skip.{self.kind}", lang, count=self.count)
        return say("skipped_line", lang, row=self.row, why=why, text=self.text)


@dataclass
class Preview:
    form_id: str
    header_row: int
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    values: dict = field(default_factory=dict)      # record-level: date, city, region, ...
    cmap: ColumnMap | None = None
    sheet: str | None = None                        # the sheet read (None: a .csv, .docx)

    def mapping(self) -> dict[str, str]:
        return {c.header: c.field for c in self.columns if c.field not in (None, IGNORE)}


def _columns(cmap: ColumnMap, header: tuple, mapping: dict | None) -> list[Column]:
    given = set()
    for key in mapping or {}:
        given.add(str(key).strip().casefold())
    out = []
    for c, cell in enumerate(header):
        if cell in (None, ""):
            continue
        text = " ".join(str(cell).split())
        fid = "full_name" if c in cmap.name_parts else cmap.columns.get(c) or cmap.unsure.get(c)
        sure = ("mapped" if text.casefold() in given or (c + 1) in (mapping or {})
                else "sure" if c in cmap.columns else "unsure" if fid else "none")
        out.append(Column(c, text, fid, sure))
    return out


def _period_year(period: str | None) -> int:
    return int(period[:4]) if period else dt.date.today().year


def read_list(path, form_id: str, *, mapping: dict | None = None, sheet: str | None = None,
              period: str | None = None, set_values: dict | None = None,
              existing: list[dict] | None = None, lang: str = "ru",
              row_limit: int = DEFAULT_ROW_LIMIT,
              progress: Callable[[int], None] | None = None,
              cancelled: Callable[[], bool] | None = None,
              recall: Callable[[tuple], dict | None] | None = None) -> Preview:
    """Read an attendance list into a Preview (nothing is written). `recall(header row)`, given
    the row found as without a mapping, may answer the mapping remembered for it
    (reports.import_memory), used when no `mapping` is given: the file is read once."""
    repaired: list[Problem] = []
    merges: list = []
    sheet, notes = _list_sheet(Path(path), form_id, mapping, sheet, lang)
    rows = iter_rows(Path(path), sheet=sheet, row_limit=row_limit,
                     on_repair=lambda wrong, right: repaired.append(Problem(
                         None, None, None, "text_encoding_repaired", say(
                             "text_encoding_repaired", lang, wrong=wrong, right=right),
                         "warning")), on_merges=merges.extend)
    head = _head_rows(rows, Path(path))
    recalled = _recalled(head, form_id, recall)
    cmap = find_header(head, form_id, mapping or recalled)
    header = cmap.header_cells or head[cmap.header_row - 1]
    set_notes: list[Problem] = []
    per_row, record = split_set_values(form_id, set_values, lang, set_notes)
    preview = Preview(form_id, cmap.header_row, _columns(cmap, header, mapping), cmap=cmap,
                      sheet=sheet)
    for c, fid in list(cmap.unsure.items()):      # a resemblance is used, and said so
        if fid not in cmap.columns.values():
            cmap.columns[c] = fid
            cmap.headers[c] = " ".join(str(header[c]).split())
    year = _period_year(period)
    for row in head[:cmap.first_header_row - 1]:
        for k, v in title_values(row, year).items():
            preview.values.setdefault(k, v)
    builder = RosterBuilder(form_id, cmap, existing=existing, lang=lang, defaults=per_row)
    n = cmap.header_row
    for row in _merged_down(itertools.chain(head[n:], rows), merges, cmap):
        n += 1
        _take(preview, builder, n, row, header)
        if n % PROGRESS_EVERY == 0:
            if progress:
                progress(n)
            if cancelled and cancelled():
                raise ImportCancelled(path)
    built = builder.finish(start_no=len(existing or []) + 1)
    preview.rows, preview.source_rows = built.rows, built.source_rows
    preview.problems = set_notes + notes + repaired + built.problems + \
        _hidden_people(Path(path), sheet, preview, cmap, lang) + \
        _list_findings(preview, cmap, header, lang)
    preview.values.update(record)
    return preview


def _merged_down(rows, merges: list, cmap: ColumnMap) -> Iterator[tuple]:
    """The rows under the header with their merges read (reports.readers_layout): a person
    over two rows joined, a cell merged over a group given to each row. A header's own
    merges («№» over two header rows) stay as they are."""
    n = cmap.header_row
    below = [m for m in merges if m[0] >= n]
    keys = cmap.name_parts or [c for c, f in cmap.columns.items() if f == "full_name"]
    no_col = next((c for c, f in cmap.columns.items() if f == "no"), None)
    filled = fill_down(rows, [m for m in below if m[1] not in (*keys, no_col)], n)
    return join_continuations(filled, below, keys, no_col, n)


def _list_sheet(path: Path, form_id: str, mapping, sheet, lang) -> tuple[str | None, list]:
    """The sheet that holds the list: the one asked for, else the first whose top rows have
    a header (a cover or an instruction sheet in front is passed over, and said so; lists on
    later sheets, a seminar's second day, are named: they are not read; a hidden sheet is
    passed over, and said so)."""
    sheets, hidden = visible_sheets(path, sheet, lang)
    notes = [Problem(None, None, None, h["code"], h["message"], "warning") for h in hidden]
    if len(sheets) < 2:
        return sheets[0], notes
    lists = [name for name in sheets if _has_header(path, name, form_id, mapping)]
    if not lists:
        return sheets[0], notes
    notes += [] if lists[0] == sheets[0] else [Problem(None, None, None, "list_on_sheet", say(
        "list_on_sheet", lang, sheet=lists[0], first=sheets[0]), "warning")]
    if len(lists) > 1:
        notes.append(Problem(None, None, None, "more_lists", say(
            "more_lists", lang, sheet=lists[0], others=", ".join(f"«{s}»" for s in lists[1:])),
            "warning"))
    return lists[0], notes


def _has_header(path: Path, sheet, form_id: str, mapping) -> bool:
    head = list(itertools.islice(iter_rows(path, sheet=sheet), HEADER_SCAN_ROWS))
    try:
        find_header(head, form_id, mapping)
    except HeaderError:
        return False
    return True


def _recalled(head: list[tuple], form_id: str, recall) -> dict | None:
    """What `recall` answers for the header row found in `head` without a mapping (None: no
    recall, or no such row)."""
    if recall is None:
        return None
    try:
        return recall(head[find_header(head, form_id).header_row - 1])
    except (HeaderError, IndexError):
        return recall(None)


def _head_rows(rows: Iterator[tuple], path: Path) -> list[tuple]:
    """The first HEADER_SCAN_ROWS rows, where the title and the header are looked for."""
    head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    if not any(any(v not in (None, "") for v in r) for r in head):
        raise FileProblem(f"{path.name}: the file has no data", "file_empty", file=path.name)
    return head


def _take(preview: Preview, builder: RosterBuilder, n: int, row: tuple, header: tuple) -> None:
    if not row or all(v in (None, "") for v in row):
        return
    kind, count = skip_kind(row, header)
    if kind is None and _section(builder, n, row):
        kind = "section"
    if kind is None:
        kind = _not_a_person(builder.cmap, row)
    if kind is None and (first := builder.repeat_of(row)):
        kind, count = "repeat", first
    if kind == "header_repeat":
        builder.block += 1
    if kind is None:
        builder.add(n, row)
        return
    text = " | ".join(cell_text(c) or "" for c in row if c not in (None, ""))
    preview.skipped.append(Skipped(n, kind, text, count))
    if kind == "no_name":
        builder.out.problems.append(builder._p(n, "full_name", "required", say(
            "required", builder.lang)))
    if kind == "absent":
        builder.pass_number(n, row)
    if kind == "total" and (declared := total_count(row)) is not None:
        preview.values.setdefault(DECLARED[preview.form_id], declared)   # VR-20 / VR-24
    if kind == "walk_ins":
        preview.values["unregistered_attendees"] = \
            preview.values.get("unregistered_attendees", 0) + count


def _not_a_person(cmap: ColumnMap, row: tuple) -> str | None:
    """absent: marked as not come in a column read and ignored (a note, the signature);
    no_name: values but no name; note: a line of text only in columns that hold no value of
    a person (a second title, a day's caption) or, alone in the name column, text that is no
    name («Ответственный: ____ Сидоров П.А.», «М.П.»); None: a person (or a numbered blank
    line)."""
    if _marked_absent(cmap, row):
        return "absent"
    if name := _name_of(cmap, row):
        alone = not _has_values(cmap, row, besides=("full_name",))
        return "note" if alone and not looks_like_name(name) else None
    if _has_values(cmap, row):
        return "no_name"
    texts = [c for c in row if isinstance(c, str) and any(ch.isalpha() for ch in c)]
    return "note" if texts else None


def _section(builder: RosterBuilder, n: int, row: tuple) -> bool:
    """A line alone in its row that names a category («Студенческие организации», «2.
    Представители МРЦ …», «3. Студенты») or, in a seminar, a department: the people under
    it, up to the next such line, take it unless they have their own. A short word or an
    abbreviation is read as a cell is (reports.roster.read_cell_choice), its note said on
    the line's row; a line that fits several options ends the section above, said so."""
    cells = [(c, v) for c, v in enumerate(row) if v not in (None, "")]
    if len(cells) != 1 or not isinstance(cells[0][1], str):
        return False
    text = _SECTION_NUMBER.sub("", cells[0][1])
    for fid in ("participant_category", "department"):
        if fid not in ROSTERS[builder.form_id][1] or not text.strip():
            continue
        code, note = read_cell_choice(fid, text, builder.lang)
        if note is not None and (code or note[0] == "choice_ambiguous"):
            column = builder.cmap.headers.get(cells[0][0]) or get_column_letter(cells[0][0] + 1)
            builder.out.problems.append(Problem(n, column, fid, note[0], at(
                n, column, builder.lang) + note[1], "warning"))
        if code is None and note is not None and note[0] == "choice_ambiguous":
            builder.section = {}     # a new section, of no one option: the rows keep theirs
            return False
        if code is not None:
            builder.section = {fid: code}
            return True
    return False


_SECTION_NUMBER = re.compile(r"^\s*([0-9]+|[IVX]+)\s*[.)]\s*")


def _marked_absent(cmap: ColumnMap, row: tuple) -> bool:
    """«не явился» in a column read and ignored, or «н» / «-» / «жоқ» where attendance is
    marked."""
    for c, f in cmap.columns.items():
        if f != IGNORE or c >= len(row) or row[c] in (None, ""):
            continue
        mark = (cell_text(row[c]) or "").strip().lower()
        if is_absent(row[c]) or (is_attendance(cmap.headers.get(c))
                                 and (mark in NOT_THERE or fold(mark) in NOT_THERE)):
            return True
    return False


def _name_of(cmap: ColumnMap, row: tuple) -> str:
    return (cell_text(cmap.name_of(row)) or "").strip()


def _has_values(cmap: ColumnMap, row: tuple, besides: tuple = ()) -> bool:
    """Anything besides the row number (and the fields `besides`) in the mapped columns."""
    return any(c < len(row) and row[c] not in (None, "") for c, f in cmap.columns.items()
               if f not in ("no", IGNORE, *besides) and c not in cmap.name_parts)


def _hidden_people(path: Path, sheet, preview: Preview, cmap: ColumnMap,
                   lang: str) -> list[Problem]:
    """A person on a row the workbook hides is imported, and said so: was he there? A
    column hidden and read into the people's fields is said once."""
    read = {c: (cmap.headers.get(c) or get_column_letter(c + 1), f if f != IGNORE else None)
            for c, f in cmap.columns.items() if f != IGNORE or c in cmap.name_parts}
    columns = [Problem(None, p["column"], p["field"], p["code"], p["message"], "warning")
               for p in hidden_read_columns(path, sheet, read, lang)] if preview.rows else []
    hidden = hidden_rows(path, sheet)
    column = next((cmap.headers.get(c) for c, f in cmap.columns.items() if f == "full_name"),
                  None) or "full_name"
    return columns + [Problem(n, column, "full_name", "row_hidden", at(n, column, lang) + say(
        "row_hidden", lang, name=row.get("full_name", "")), "warning")
        for row, n in zip(preview.rows, preview.source_rows) if n in hidden]


def _list_findings(preview: Preview, cmap: ColumnMap, header: tuple,
                   lang: str) -> list[Problem]:
    """Whole-list findings: required columns the file lacks, columns only guessed."""
    from reports._ref import field_label, load_form_or_none

    form = load_form_or_none(preview.form_id)
    roster = form.field(ROSTERS[preview.form_id][0]) if form else None
    out = []
    present = cmap.fields()
    for col in [c for c in (roster.columns if roster else []) if c.required]:
        missing = [r for r in preview.rows if col.id not in r]
        if col.id not in present and missing:
            label = col.label.get(lang) or col.label.get("ru") or col.id
            params = {"label": label, "count": len(missing), "field": col.id}
            out.append(Problem(None, None, col.id, "column_missing",
                               say("column_missing", lang, **params), "warning", params))
    for c in preview.columns:
        if c.confidence != "unsure" or not c.field:  # an unsure column names its guess
            continue
        if roster is not None and c.field in {col.id for col in roster.columns}:
            label = roster.column(c.field).label.get(lang) or c.field
        else:
            label = field_label(form, c.field, lang) if form else c.field
        out.append(Problem(cmap.header_row, c.header, c.field, "column_unsure", say(
            "column_unsure", lang, column=c.header, label=label), "warning"))
    return out
