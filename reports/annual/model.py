"""The annual report as plain data: sections of paragraphs, tables and chart series.

The builders (reports.annual.build_*) fill it from the records through the aggregation code
of the dashboard and the summary workbook; the writers (docx_out, xlsx_out, pdf_out) only
present it. A missing source is a paragraph in words and no table, never a row of zeros.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user cancelled the report while it was being built or written."""


@dataclass
class Table:
    id: str                      # stable key (Word: the table's alt-text title; Excel: sheet)
    title: str
    columns: list[str]
    rows: list[list]             # cells: int, float or str (a str says what is missing)
    note: str = ""


UPRIGHT_MAX = 8     # categories an upright bar chart shows; more are drawn across


@dataclass
class Chart:
    id: str
    title: str
    table: str                   # the table whose rows it draws
    kind: str                    # "bar", "barh", "pie"
    categories: list[str]
    series: dict[str, list[float]]
    lang: str = "ru"             # the report's: how its numbers are written (build_annual)

    @property
    def drawn_kind(self) -> str:
        """How every renderer draws it: upright bars for a few categories, bars across for
        more (their names stay readable instead of slanted over each other)."""
        return "barh" if self.kind == "bar" and len(self.categories) > UPRIGHT_MAX else self.kind


Block = str | Table | Chart     # a paragraph, a table or a chart of a section


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)     # in the order they are shown

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, Chart)]


@dataclass
class AnnualReport:
    year: int
    region: str | None
    lang: str
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables()]

    def charts(self) -> list[Chart]:
        return [c for s in self.sections for c in s.charts()]

    def table(self, table_id: str) -> Table:
        return next(t for t in self.tables() if t.id == table_id)


def pct(part, whole) -> float | None:
    """A share in per cent, one decimal; None where the whole is 0."""
    return round(100.0 * part / whole, 1) if whole else None
