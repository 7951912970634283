"""A region's own monthly table («Волонтёрство в цифрах» as a front office keeps it) into
monthly_report drafts: one sheet per month or a «Месяц» column, one row per district, the
indicators as columns (reports.wide_columns), the district and the month as reports.wide_where
finds them. Total rows, repeated headers and column numbers are skipped and listed. Each row
becomes a record of its org unit and month: a stored one is updated with the fields the file
has (other data kept), else a new draft. A row that changes a submitted report is a
correction with the import's reason (asked when missing, as for a monthly workbook); an
approved one stays closed (forms.lifecycle decides). A cell that cannot be read is an error naming
its row, its column as the file heads it, why and what is allowed (a figure as a list's:
«25+5», «около 30» refused saying what to type, «2 ч. 30 мин» of hours read with a note,
reports.wide_cells.figure_into); the forms engine's findings are warnings. A dry run writes
nothing; an import is one store transaction (reports.io._commit).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forms import load_form, message_text
from forms.choice_words import read_cell
from reports.figure_words import as_typed
from reports.intake import Skipped
from reports.intake_rows import is_header_repeat, region_in, skip_kind
from reports.io import ImportFailed, ImportResult, _commit
from reports.readers import iter_rows, workbook_sheets
from reports.readers_formulas import uncached_formulas
from reports.readers_layout import hidden_read_columns, hidden_sheets
from reports.text import clean_text
from reports.wide_cells import (
    _cell,
    _empty,
    _is_figure,
    carry_down,
    figure_into,
    is_total,
    zero_of,
)
from reports.wide_checks import column_problems, month_blocks, region_totals, without_header
from reports.wide_columns import (
    GROUP_SUM,
    HEADER_SCAN,
    ORG,
    PERIOD,
    ROW_NO,
    SKIP,
    Header,
    apply_mapping,
    find_header,
)
from reports.wide_records import build_records, needs_reason, rows_said
from reports.wide_where import (
    UnitMatcher,
    month_line,
    period_in,
    period_text,
    sheet_period,
    unit_column,
    unit_key,
)

FORM_ID = "monthly_report"
@dataclass
class WideRow:
    sheet: str | None
    row: int
    unit: str
    period: str
    data: dict
    text: str = ""                                # the row as typed (for a skipped line)


class WideReader:
    """Reads the sheets one by one; `rows`, `problems`, `skipped` gather what they hold."""

    def __init__(self, store, path: Path, lang: str, *, mapping=None, org_unit=None,
                 period=None):
        self.path, self.lang, self.form = path, lang, load_form(FORM_ID)
        self.mapping, self.period = dict(mapping or {}), period
        self.units = UnitMatcher(store)
        self.rows: list[WideRow] = []
        self.problems: list[dict] = []
        self.skipped: list[Skipped] = []
        self.headers: dict[str | None, Header] = {}
        self.transposed: list[str | None] = []    # sheets with the districts across
        self.sheet: str | None = None
        self.region: str | None = None            # the region the title rows name
        self.sheet_unit: str | None = None        # a sheet named by its district
        self.multi = False
        self.by_month = False                     # some sheets are named by their month
        self.seen: dict[tuple[str, str], tuple[str | None, int]] = {}
        self.mapped: set = set()                  # the --map columns found
        self.said: set = set()                    # problems said once for the whole file
        self.unknown: dict[str, tuple[dict, list[dict]]] = {}  # a district name not known
        self.above: dict[int, object] = {}        # the last month / district of the sheet
        self.org_unit = self._option_unit(org_unit)

    # --- problems ------------------------------------------------------------------------
    def say(self, code: str, **params) -> str:
        return message_text(code, self.lang, params, form=self.form)

    def problem(self, row, where, code, severity="error", key=None, **params) -> None:
        text = self.on_sheet(self.say(code, **params))
        self.problems.append({"row": row, "column": where, "field": key, "code": code,
                              "message": text, "severity": severity, "sheet": self.sheet})

    def on_sheet(self, text: str) -> str:
        """«Лист «Январь»: » in front of a problem of a workbook of several sheets."""
        if self.multi and self.sheet is not None:
            return self.say("wide_on_sheet", sheet=self.sheet) + text
        return text

    def _option_unit(self, org_unit):
        if not org_unit:
            return None
        unit = self.units.match(org_unit)
        if unit is None:
            self.problem(None, None, "wide_unknown_unit", text=org_unit, **self.units.said_known(self.region, self.lang))
        return unit

    # --- a sheet -------------------------------------------------------------------------
    def read(self, sheets: list[str | None], hidden: frozenset[str] = frozenset()) -> None:
        """`hidden`: the sheets the workbook hides (last year's, a draft), each skipped with a
        warning naming it (--sheet reads one)."""
        self.multi = len(sheets) > 1
        self.by_month = self.multi and any(period_in(n)[1] for n in sheets if n)
        for name in sheets:
            self.sheet = name
            if name in hidden:
                self.problem(None, None, "sheet_hidden", "warning", sheet=name)
                continue
            self.read_sheet(name, list(iter_rows(self.path, sheet=name)))
        self.sheet = None
        for said, places in self.unknown.values():
            if len(places) > 1:
                said["message"] += " " + self.say("wide_same_name_rows", rows=rows_said(places))
        for key in self.mapping:
            if key not in self.mapped:
                self.problem(None, None, "wide_map_column", column=key)

    def read_sheet(self, name: str | None, rows: list[tuple]) -> None:
        header = find_header(rows, FORM_ID)
        if header is None:
            return without_header(self, name, rows)
        self.headers[name] = header
        self._apply_mapping(header)
        keys = {c.key: c.index for c in sorted(header.columns, key=lambda c: -c.index)
                if c.key}                           # the first district column, month column
        org, per = keys.get(ORG), keys.get(PERIOD)
        if org is None and self.org_unit is None:
            org = self._unnamed_unit_column(rows, header, set(keys.values()))
        self.sheet_unit = self.units.match(name) if org is None and name else None
        titles = [" ".join(str(c) for c in r if not _empty(c)) for r in rows[:header.first]]
        self.region = next((r for t in titles if (r := region_in(t))), self.region)
        fixed, year = self._when(name, titles, per)
        if per is None and fixed is None and self.by_month:
            self.problem(None, None, "wide_sheet_summary", "warning", sheet=name)
            return                               # «Свод»: the year beside its months
        heads = rows[header.first:header.row + 1]
        first_row, first_skip, data_rows = len(self.rows), len(self.skipped), 0
        said = len(self.problems)
        for h, when in month_blocks(header, year or fixed) or [(header, fixed)]:
            data_rows = self._rows(rows, heads, h, org, per, when, year)
        self.problems[said:] = list({(p["row"], p["column"], p["message"]): p
                                     for p in self.problems[said:]}.values())
        if data_rows:                            # a hidden column read: said once a sheet
            self.problems += [p | {"sheet": name, "message": self.on_sheet(p["message"])}
                              for p in hidden_read_columns(self.path, name, header.read(),
                                                           self.lang)]
        region_totals(self, first_row, first_skip)
        if data_rows and org is None and not (self.org_unit or self.sheet_unit) \
                and "unit" not in self.said:
            self.problem(None, None, "wide_no_unit_column")
            self.said.add("unit")

    def _rows(self, rows, heads, header: Header, org, per, fixed, year) -> int:
        """The sheet's rows under its header read as `header` says (a month of a quarter's
        sheet, once a month); how many rows held figures."""
        figures: dict[int, list] = {}
        self.above, data_rows = {}, 0
        for n, row in enumerate(rows[header.row + 1:], start=header.row + 2):
            if per is None and (month := month_line(row, year or fixed)):
                fixed = month                    # «Февраль 2024» over its block of rows
                self.skipped.append(Skipped(n, "month_line", self._row_text(row), None))
                continue
            if all(_empty(c) for c in row) or self._skipped(n, row, heads, header, org):
                continue
            data_rows += 1
            for i, c in enumerate(row):
                if _is_figure(c):
                    figures.setdefault(i, []).append(c)
            self._row(n, row, header, org, per, fixed, year)
        column_problems(self, header, figures)
        return data_rows

    def _when(self, name, titles: list[str], per: int | None) -> tuple[str | None, int | None]:
        """(the sheet's month, or None; the year of a month written without one)."""
        if per is None:
            return sheet_period(name, titles + self._file_title(), self.period)
        return None, next((y for t in [*titles, name, *self._file_title()]   # «Январь» in
                           if t and (y := period_in(t)[0])), None)          # a «2024» sheet

    def _file_title(self) -> list[str]:
        """The file's name as the last title: «Шымкент_январь_2024.xlsx» gives its month to
        its one sheet; a workbook of sheets takes only its year («Январь» of «…_2024.xlsx»)."""
        if not self.multi:
            return [self.path.stem]
        year = period_in(self.path.stem)[0]
        return [str(year)] if year else []

    def _skipped(self, n: int, row: tuple, heads: list[tuple], header: Header,
                 org: int | None) -> bool:
        kind, count = skip_kind(row, heads[-1])
        if kind is None and len(heads) > 1 and is_header_repeat(row, heads[0]):
            kind = "header_repeat"
        first = next((c for c in row if isinstance(c, str) and c.strip()), None)
        if kind is None and is_total(_cell(row, org) if org is not None else first):
            kind = "total"
        if kind is None and not any(not _empty(_cell(row, c.index)) for c in header.columns
                                    if c.key not in (ORG, PERIOD, ROW_NO, SKIP)):
            kind = "no_figures"                  # a section title, a district left blank
        if kind is None:
            return False
        self.skipped.append(Skipped(n, kind, self._row_text(row), count))
        return True

    def _row_text(self, row: tuple) -> str:
        text = " | ".join(as_typed(c) for c in row if not _empty(c))[:80]
        return f"{self.sheet}: {text}" if self.multi and self.sheet else text

    def _apply_mapping(self, header: Header) -> None:
        for key, col, ok in apply_mapping(header, self.mapping, self.form):
            self.mapped.add(key)
            target = self.mapping[key]
            if not ok and ("map", target) not in self.said:
                self.said.add(("map", target))
                self.problem(None, col.header, "wide_map_field", column=col.header,
                             field_key=target)

    # --- a row ---------------------------------------------------------------------------
    def _row(self, n, row, header, org, per, fixed, year) -> None:
        row = carry_down(row, self.above, (per, org if per is not None else None))
        unit = self._unit(n, row, header, org)
        period = self._period(n, row, header, per, fixed, year)
        data = self._values(n, row, header)
        if unit is None or period is None:
            return
        first = self.seen.get((unit, period))
        if first is not None:
            where = f"{first[1]} ({first[0]})" if first[0] != self.sheet else first[1]
            self.problem(n, None, "wide_duplicate", unit=unit, period=period, first=where)
            return
        self.seen[(unit, period)] = (self.sheet, n)
        self.rows.append(WideRow(self.sheet, n, unit, period, data, self._row_text(row)))

    def _column(self, header: Header, index: int | None) -> str | None:
        return next((c.header for c in header.columns if c.index == index), None)

    def _unnamed_unit_column(self, rows, header: Header, taken: set[int]) -> int | None:
        from openpyxl.utils import get_column_letter

        from reports.wide_columns import WideColumn

        index = unit_column(rows[header.row + 1:], taken, self.units)
        if index is not None:
            header.columns = [c for c in header.columns if c.index != index]
            letter = get_column_letter(index + 1)
            header.columns.append(WideColumn(index, letter, (letter,), ORG))
        return index

    def _unit(self, n, row, header, org) -> str | None:
        if org is None:
            return self.org_unit or self.sheet_unit
        text = _cell(row, org)
        if _empty(text):
            self.problem(n, self._column(header, org), "wide_no_unit")
            return None
        unit = self.units.match(text)
        if unit is None:
            self._unknown_unit(n, self._column(header, org), str(text))
        elif self.region is None:
            self.region = self.units.region_of(unit)
        return unit

    def _unknown_unit(self, n: int, where, text: str) -> None:
        """An unknown district is said once per name (a table of twelve monthly sheets
        names it twelve times); the rows of its repeats are added at the end of read()."""
        key = unit_key(text)
        if key not in self.unknown:
            code = "wide_unknown_unit" if self.units.units else "wide_no_units_known"
            self.problem(n, where, code, text=text, **self.units.said_known(self.region, self.lang))
            self.unknown[key] = (self.problems[-1], [])
        if {"row": n, "sheet": self.sheet} not in self.unknown[key][1]:   # once a month
            self.unknown[key][1].append({"row": n, "sheet": self.sheet})

    def _period(self, n, row, header, per, fixed, year) -> str | None:
        if per is None:
            if fixed is None:
                self._no_period(n, header)
            return fixed
        value = _cell(row, per)
        y, m = period_in(value)
        y = y or year or (int(self.period[:4]) if self.period else None)
        if m and y:
            return period_text(y, m)
        code = "wide_no_year" if m else "wide_empty_period" if _empty(value) else "wide_bad_period"
        self.problem(n, self._column(header, per), code, value=as_typed(value))
        return None

    def _no_period(self, n, header) -> None:
        if ("period", self.sheet) not in self.said:
            self.said.add(("period", self.sheet))
            self.problem(None, None, "wide_no_period", sheet=self.sheet or self.path.name)

    def _values(self, n: int, row: tuple, header: Header) -> dict:
        data: dict = {}
        reported = {c.key.partition(".")[0] for c in header.columns  # breakdowns with figures
                    if c.key and "." in c.key and not _empty(_cell(row, c.index))}
        for c in header.columns:
            value = _cell(row, c.index)
            if c.key in (None, SKIP, ORG, PERIOD, ROW_NO) or c.key.startswith(GROUP_SUM + ":"):
                continue
            fid = c.key.partition(".")[0]
            fd = self.form.field(fid)
            kind = "integer" if fd.type == "counts" else fd.type
            if kind in ("integer", "decimal") and zero_of(value, fid in reported):
                value = 0
            elif _empty(value):
                continue
            if kind in ("integer", "decimal"):
                figure_into(self, n, c, fd, value, data)
            elif kind == "choice":
                data[fid] = self._choice(n, c.header, fd, value)
            else:
                data[fid] = clean_text(value)[0]
        return {k: v for k, v in data.items() if v is not None}

    def label(self, key: str) -> str:
        """«Пол волонтёров: Женщины» of gender.F in the person's language."""
        from reports._ref import field_label, label

        fid, _, code = key.partition(".")
        name = field_label(self.form, fid, self.lang)
        return f"{name}: {label(self.form.field(fid).choices, code, self.lang)}" if code \
            else name

    def _choice(self, n, column, fd, value):
        code, note = read_cell(fd.choices, value, self.lang)   # forms.choice_words
        if note is not None:
            self.problem(n, column, note[0], note[2], key=fd.id, field=fd.id, **note[1])
        return code


def read_wide(store, path, *, user, dry_run=False, lang="ru", mapping=None, sheet=None,
              org_unit=None, period=None, reason=None) -> ImportResult:
    path = Path(path)
    if uncached_formulas(path):
        raise ImportFailed(message_text("import_formulas_without_values", lang,
                                        {"file": path.name}), "formulas_without_values")
    reader = WideReader(store, path, lang, mapping=mapping, org_unit=org_unit, period=period)
    reader.read([sheet] if sheet else workbook_sheets(path),
                frozenset() if sheet else frozenset(hidden_sheets(path)))
    if not reader.headers:
        code = "wide_transposed" if reader.transposed else "wide_no_header"
        params = {"file": path.name, "rows": HEADER_SCAN}
        raise ImportFailed(message_text(code, lang, params), "not_template")
    if not reader.rows and not reader.problems:
        first = next(iter(reader.headers.values()))
        raise ImportFailed(message_text("import_no_rows", lang, {
            "file": path.name, "row": first.row + 1}), "no_rows")
    records, diff, findings, corrections = build_records(store, reader, reason)
    first = next(iter(reader.headers.values()))
    result = ImportResult(records=records, problems=reader.problems + findings, diff=diff,
                          mapping=_mapping_seen(reader), header_row=first.row + 1,
                          skipped=reader.skipped, layout="wide", sheet=sheet)
    if dry_run or (not diff and not result.errors):
        return result
    if corrections and not result.errors and not (reason or "").strip():
        raise ImportFailed(needs_reason(reader, records, corrections), "reason_required",
                           result.problems)
    _commit(store, result, user=user, update=False, corrections=set(corrections),
            reason=reason or "import of a region's monthly table")
    return result


def _mapping_seen(reader: WideReader) -> dict:
    """Each header as the file names it -> the field it was read as."""
    shown = {ORG: "org_unit", PERIOD: "period"}
    return {c.header: shown.get(c.key, c.key) for h in reader.headers.values()
            for c in h.columns if c.key and c.key != SKIP
            and not c.key.startswith(GROUP_SUM + ":")}
