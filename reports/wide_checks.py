"""The columns of a region's monthly table said (reports.wide_read.WideReader): figures
in a column with no header or one no indicator takes are errors, not dropped unseen."""
from __future__ import annotations

from dataclasses import replace

from reports.intake import Skipped
from reports.wide_cells import _empty
from reports.wide_columns import GROUP_SUM, HEADER_SCAN, SKIP, Header, is_transposed
from reports.wide_where import period_in


def _unheaded(reader, header: Header, figures: dict[int, list]) -> None:
    """Figures in a column with no header at all (a header cell merged over it that the
    header rows do not reach) are an error, not dropped unseen; row numbers are not."""
    from openpyxl.utils import get_column_letter

    named = {c.index for c in header.columns}
    for i, values in sorted(figures.items()):
        if i in named or values == list(range(1, len(values) + 1)):
            continue
        reader.problem(header.row + 1, get_column_letter(i + 1), "wide_column_unmatched",
                       column=str(i + 1))


def without_header(reader, name: str | None, rows: list[tuple]) -> None:
    """A sheet with no header row: one turned on its side is said (and the file refused for it
    when no sheet has a header), one with text in it skipped with a warning."""
    if is_transposed(rows, reader.form.id):
        reader.transposed.append(name)
        reader.problem(None, None, "wide_sheet_transposed", "warning")
    elif any(any(not _empty(c) for c in r) for r in rows):
        reader.problem(None, None, "wide_sheet_skipped", "warning", rows=HEADER_SCAN)


def column_problems(reader, header: Header, figures: dict[int, list]) -> None:
    """A sheet's columns said: figures under no header or under a header no indicator
    takes (errors), one indicator in two columns, a column skipped, a group's sum."""
    _unheaded(reader, header, figures)
    first: dict[str, str] = {}
    months = _months_across(header)
    if months:
        reader.problem(header.first + 1, None, "wide_months_across", months=", ".join(months))
    for c in sorted(header.columns, key=lambda c: c.index):
        if not c.key or not reader.form.has_field(c.key.partition(".")[0]):
            continue
        if c.key in first and not months:
            reader.problem(header.row + 1, c.header, "wide_column_twice", key=c.key,
                           field=reader.label(c.key), other=first[c.key],
                           column=c.names[0])
        first.setdefault(c.key, c.header)
    for c in header.columns:
        if c.key is None and c.index in figures:
            reader.problem(header.row + 1, c.header, "wide_column_unmatched",
                           column=c.names[0])
        elif c.key is None:
            if ("skipped", c.header) not in reader.said:  # once a file, not once a sheet
                reader.said.add(("skipped", c.header))
                reader.problem(header.row + 1, c.header, "wide_column_skipped", "warning")
        elif c.key.startswith(GROUP_SUM + ":"):
            reader.problem(header.row + 1, c.header, "wide_column_group_sum", "warning")


def _month_groups(header: Header) -> dict[str, list[int]]:
    """The columns under each month of a sheet whose group cells over its columns are
    months («Январь» over «Количество волонтёров | Часы», then «Февраль» …)."""
    groups: dict[str, list[int]] = {}
    for c in header.columns:
        group, sep, _below = c.header.partition(" / ")
        if sep and c.key not in (None, SKIP) and period_in(group)[1]:
            groups.setdefault(group, []).append(c.index)
    return groups


def _months_across(header: Header) -> list[str]:
    """The months side by side of a sheet none of whose months has a year (else each is
    read as its own month, `month_blocks`); [] for any other sheet."""
    groups = _month_groups(header)
    return list(groups) if len(groups) > 1 else []


def month_blocks(header: Header, known) -> list[tuple[Header, str | None]]:
    """Each month of a sheet with months side by side, as (the header with the other months'
    columns skipped, YYYY-MM); the year from the month's cell or `known` (a year, or the
    sheet's YYYY-MM). [] for any other sheet, or when no year is known."""
    groups = _month_groups(header)
    out: list[tuple[Header, str | None]] = []
    for group, cols in groups.items() if len(groups) > 1 else ():
        year, month = period_in(group)
        year = year or (int(str(known)[:4]) if known else None)
        if not (year and month):
            return []
        others = {i for g, cs in groups.items() if g != group for i in cs}
        out.append((replace(header, columns=[replace(c, key=SKIP) if c.index in others else c
                                             for c in header.columns]), f"{year}-{month:02d}"))
    return out


def region_totals(reader, first_row: int, first_skip: int) -> None:
    """A row naming the region among rows of its districts is the region's total: it is
    listed as skipped (once, a sheet read once a month too), never stored next to the
    districts (it would count them twice)."""
    rows = reader.rows[first_row:]
    regions = {reader.units.region_of(r.unit) for r in rows
               if r.unit not in reader.units.regions}
    for r in [r for r in rows if r.unit in regions]:
        reader.rows.remove(r)
        del reader.seen[(r.unit, r.period)]
        reader.skipped.append(Skipped(r.row, "total", r.text))
    once = {(s.row, s.kind): s for s in reversed(reader.skipped[first_skip:])}
    reader.skipped[first_skip:] = sorted(once.values(), key=reader.skipped.index)
