"""The columns of a region's monthly table said (reports.wide_read.WideReader): figures
in a column with no header or one no indicator takes are errors, not dropped unseen."""
from __future__ import annotations

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


def _months_across(header: Header) -> list[str]:
    """The months of a sheet whose group cells over its columns are months («Январь» over
    «Количество волонтёров | Часы», then «Февраль» …): several months side by side, which a
    sheet of one month or a «Месяц» column is read as; [] for any other sheet."""
    groups: dict[str, set[str]] = {}
    for c in header.columns:
        group, sep, _below = c.header.partition(" / ")
        if sep and c.key not in (None, SKIP) and period_in(group)[1]:
            groups.setdefault(group, set()).add(c.key)
    return list(groups) if len(groups) > 1 else []
