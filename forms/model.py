"""Data shapes of the forms engine: form, section, field, rule definitions and findings."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

FIELD_TYPES = (
    "integer", "decimal", "text", "date", "boolean", "choice", "multi_choice", "counts", "roster",
)
SEVERITIES = ("error", "warning", "info")
# What a figure of a field means when reports add records up (DOMAIN decision 2): a stock is
# the state at the end of a month (a period's figure: each org unit's latest report, summed),
# a flow happens during the month (summed over the months).
AGGREGATIONS = ("stock", "flow")
# How the dashboard draws a field: pie / bar / barh (horizontal) / ranked (horizontal bars of
# the categories that occur, largest on top) for breakdowns; line: a series of the trend.
CHARTS = ("pie", "bar", "barh", "ranked", "line")
# What a number counts, for rules that relate figures (hours per volunteer, ...).
MEASURES = ("volunteers", "hours", "positions", "events", "registered_orgs")


class DefinitionError(ValueError):
    """A form definition is malformed. The message names the file and the line."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path:
            where = f"{Path(self.path).name}:{line}: " if line else f"{Path(self.path).name}: "
        super().__init__(where + message)


@dataclass
class FieldDef:
    id: str
    type: str
    label: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: str | None = None
    personal: bool = False
    unit: str | None = None
    columns: list[FieldDef] = field(default_factory=list)
    required_rule: str | None = None   # rule id reported when a required value is missing
    review: bool = False               # a label needs a native speaker's check
    max_length: int | None = None
    extra: dict = field(default_factory=dict)
    aggregation: str | None = None     # "stock" | "flow" (AGGREGATIONS); None: not a figure
    headline: bool = False             # one of the headline figures (dashboard, summary)
    headline_order: int | None = None  # position among them (default: order of definition)
    short_label: dict[str, str] = field(default_factory=dict)  # headline / chart name
    chart: str | None = None           # CHARTS: how the dashboard draws it
    per_capita: bool = False           # compared per 1,000 residents between regions (VR-04)
    measure: str | None = None         # MEASURES: what the number counts
    group_by: str | None = None        # a roster: its flow columns also summed per this column

    def name(self, lang: str = "ru") -> str:
        """The short name (headline, chart) in `lang`, else the label."""
        return (self.short_label.get(lang) or self.label.get(lang) or self.short_label.get("ru")
                or self.label.get("ru") or self.id)

    def column(self, cid: str) -> FieldDef:
        for col in self.columns:
            if col.id == cid:
                return col
        raise KeyError(f"roster {self.id!r} has no column {cid!r}")


@dataclass
class Section:
    id: str
    title: dict[str, str]
    fields: list[FieldDef]


@dataclass
class Rule:
    id: str
    severity: str
    expr: str
    fields: list[str]
    message: str
    when: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    each: str | None = None  # a roster: the rule runs once per row (forms/validate.py)


@dataclass
class FormDef:
    id: str
    version: int
    title: dict[str, str]
    sections: list[Section]
    rules: list[Rule]
    unique_per_period: bool = False
    date_field: str | None = None
    source_path: str = ""
    definition_text: str = ""
    description: dict[str, str] = field(default_factory=dict)
    requires_engine: int = 1  # the forms engine it needs (forms.published.ENGINE_VERSION)

    # A definition is not changed after loading: its field list and index are built once.
    @cached_property
    def fields(self) -> list[FieldDef]:
        return [f for s in self.sections for f in s.fields]

    @cached_property
    def _fields_by_id(self) -> dict[str, FieldDef]:
        return {f.id: f for f in reversed(self.fields)}  # the first of a repeated id wins

    @cached_property
    def numeric_fields(self) -> list[FieldDef]:
        """Fields with numbers in them: integer, decimal and counts (per-category numbers)."""
        return [f for f in self.fields if f.type in ("integer", "decimal", "counts")]

    # --- field semantics (aggregation, headline, chart, measure: forms/loader.py) -------------
    @cached_property
    def stock_fields(self) -> list[FieldDef]:
        """Top-level fields whose period figure is each org unit's latest value, summed."""
        return [f for f in self.fields if f.aggregation == "stock"]

    @cached_property
    def flow_fields(self) -> list[FieldDef]:
        """Top-level fields summed over the months (rosters: see `roster_flows`)."""
        return [f for f in self.fields if f.aggregation == "flow" and f.type != "roster"]

    @cached_property
    def roster_flows(self) -> list[tuple[FieldDef, list[FieldDef]]]:
        """(roster, its flow columns) for every roster with summed columns."""
        out = []
        for f in self.fields:
            cols = [c for c in f.columns if c.aggregation == "flow"]
            if cols:
                out.append((f, cols))
        return out

    @cached_property
    def figure_fields(self) -> list[FieldDef]:
        """Every field and roster column with a figure, in the order of the definition."""
        out = []
        for f in self.fields:
            if f.aggregation and f.type != "roster":
                out.append(f)
            out.extend(c for c in f.columns if c.aggregation)
        return out

    @cached_property
    def headline_fields(self) -> list[FieldDef]:
        """The headline figures, by `headline_order`, then in the order of the definition."""
        heads = [f for f in self.figure_fields if f.headline]
        big = len(heads)
        return sorted(heads, key=lambda f: big if f.headline_order is None else f.headline_order)

    @cached_property
    def chart_fields(self) -> list[FieldDef]:
        return [f for f in self.figure_fields if f.chart]

    @cached_property
    def count_enums(self) -> dict[str, str]:
        """Field or column id -> the enumeration its values (or counts) are codes of."""
        out: dict[str, str] = {}
        for f in self.fields:
            for g in (f, *f.columns):
                if g.choices and g.id not in out:
                    out[g.id] = g.choices
        return out

    def measure_field(self, measure: str) -> FieldDef | None:
        """The top-level numeric field counting `measure` (MEASURES), or None."""
        return self._measures.get(measure)

    @cached_property
    def events_roster(self) -> tuple[FieldDef, dict[str, str]] | None:
        """(roster, {measure: column id}) of the first roster whose rows count events (a
        column with `measure = "events"`), or None. Callers only read it."""
        for f in self.fields:
            cols = {c.measure: c.id for c in f.columns if c.measure}
            if "events" in cols:
                return f, cols
        return None

    @cached_property
    def _measures(self) -> dict[str, FieldDef]:
        return {f.measure: f for f in reversed(self.fields) if f.measure}  # the first wins

    @cached_property
    def roster_fields(self) -> list[FieldDef]:
        """The roster (list) fields, in form order."""
        return [f for f in self.fields if f.type == "roster"]

    @cached_property
    def text_fields(self) -> list[FieldDef]:
        """The text fields and the rosters (whose text columns the text rules read), in
        form order."""
        return [f for f in self.fields if f.type in ("text", "roster")]

    def field(self, fid: str) -> FieldDef:
        try:
            return self._fields_by_id[fid]
        except KeyError:
            raise KeyError(f"form {self.id!r} has no field {fid!r}") from None

    def has_field(self, fid: str) -> bool:
        return fid in self._fields_by_id

    def has_fields(self, ids) -> bool:
        """Whether every id in `ids` (e.g. a record's data keys) is a field of the form."""
        return self._fields_by_id.keys() >= ids

    def personal_fields(self) -> list[str]:
        """Paths of personal fields: `full_name` or `participants.full_name` for columns."""
        out = []
        for f in self.fields:
            if f.personal:
                out.append(f.id)
            out.extend(f"{f.id}.{c.id}" for c in f.columns if c.personal)
        return out


def form_plan(build):
    """Decorator: `build(form)` computed once per form definition and kept on it (a loaded
    definition does not change; a reloaded one is a new object). Callers only read it."""
    attr = f"_plan_{build.__module__}.{build.__qualname__}"

    def plan(form):
        hit = form.__dict__.get(attr, _NO_PLAN)
        if hit is _NO_PLAN:
            hit = form.__dict__[attr] = build(form)
        return hit
    plan.__doc__, plan.__name__ = build.__doc__, build.__name__
    return plan


_NO_PLAN = object()


def for_forms(applies):
    """Decorator of a quality rule `check(q)` that finds nothing on a form unless
    `applies(form)`: forms.quality then plans once per form which rules to run at all."""
    def wrap(check):
        @functools.wraps(check)
        def guarded(q):
            return check(q) if applies(q.form) else []
        guarded.applies = applies  # type: ignore[attr-defined]
        return guarded
    return wrap


@dataclass
class Finding:
    rule: str
    severity: str
    fields: list[str]
    message_code: str
    params: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule, "severity": self.severity, "fields": list(self.fields),
            "message_code": self.message_code, "params": dict(self.params),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Finding:
        return cls(d["rule"], d["severity"], list(d.get("fields", [])), d["message_code"],
                   dict(d.get("params", {})))

    def text(self, lang: str = "ru", form=None) -> str:
        from forms.messages import message_text
        return message_text(self.message_code, lang, self.params, form=form)


def has_errors(findings) -> bool:
    return any(f.severity == "error" for f in findings)
