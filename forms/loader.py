"""Read form definitions (forms/definitions/*.toml) into FormDef objects, checking them.

Every problem raises DefinitionError naming the file and the line (found by searching the
TOML text for the offending id or key). Several versions of one form may coexist, each in
its own file (`monthly_report.toml`, `monthly_report.v2.toml`, ...). The format:

    id = "event"                  version = 1 (a positive integer)
    requires_engine = 1           (optional: the forms engine it needs, forms.ENGINE_VERSION)
    title = {ru, kk, en}          description = {ru, kk, en} (optional)
    unique_per_period = true      (one record per org unit and YYYY-MM period)
    date_field = "date_start"     (the period is that date's month)
    [[sections]]  id, title{ru,kk,en}
    [[sections.fields]]  id (snake_case), type, label{ru,kk,en}, help{...}, required,
        min, max, choices (an enumeration of resources/enums), personal, unit (required on
        hours fields, VR-28), max_length, required_rule (rule id reported when missing),
        review (a label needs a native speaker), and for the GUI: auto, multiline, default,
        may_span (a date that may leave the reporting month), check (a text format:
        "bin" = a БИН/ИИН with its control digit, forms/identifiers.py) -> FieldDef.extra
    [[sections.fields.columns]]  the columns of a roster, same keys (no rosters/counts)
    [[rules]]  id, severity (error|warning|info), expr, when (guard), fields,
        message (a code of resources/messages.toml), params = {name = "expression"},
        each = "roster" (optional: the rule runs once per row of that roster; its names are
        the row's columns, `row` (1-based) and `earlier` (the rows above); `fields` lists
        columns and the finding points at `roster[i].column`)

Field semantics (what a figure means; read by reports, the dashboard and the quality rules):
    aggregation = "stock" | "flow"   a stock is each org unit's latest value, summed; a flow is
                                     summed over the months (integer, decimal, counts, choice,
                                     multi_choice: choices count how many records chose a code)
    headline = true, headline_order = n   among the headline figures (integer / decimal)
    short_label = {ru, kk, en}       the name on the dashboard and in charts (default: label)
    chart = "pie" | "bar" | "barh" | "ranked" | "line"   how the dashboard draws it (line: a
                                     number in the trend over months; the others: breakdowns)
    per_capita = true                compared between regions per 1,000 residents (VR-04)
    measure = "volunteers" | "hours" | "positions" | "events" | "registered_orgs"
    group_by = "column"              a roster: its flow columns are also summed per that column

A later version of a form states only what changed (`extends`): a file with the same `id`, its
own `version` and `extends = <earlier version>` (found in the same folder) is that version with
    title, description, unique_per_period, date_field   replaced when given
    remove_fields = ["id", ...]      fields dropped
    [fields.<id>]                    keys replaced in an inherited field or roster column
    [[add_fields]]                   a new field; `after = "<field id>"` places it after that
                                     field, `section = "<section id>"` at the end of a section
    [[add_sections]]                 a new section (with its [[add_sections.fields]]) after the
                                     section `after = "<section id>"` (first without `after`)
    remove_rules = ["id", ...]       rules dropped
    [[rules]]                        a rule replacing the inherited rule of that id, else added
Applied in this order. The form's `definition_text` is then the complete definition (TOML).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn

import tomli_w

from forms.checks import check_form
from forms.extends import resolve as resolve_extends
from forms.model import (
    AGGREGATIONS,
    CHARTS,
    MEASURES,
    DefinitionError,
    FieldDef,
    FormDef,
    Rule,
    Section,
)
from forms.paths import definitions_dir

LANGS = ("ru", "kk", "en")
_FIELD_KEYS = {
    "id", "type", "label", "help", "required", "min", "max", "choices", "personal", "unit",
    "columns", "required_rule", "review", "max_length", "auto", "multiline", "default",
    "may_span", "aggregation", "headline", "headline_order", "short_label", "chart",
    "per_capita", "measure", "group_by", "check",
}
_RULE_KEYS = {"id", "severity", "expr", "fields", "message", "when", "params", "note", "each"}


def find_line(text: str, *needles: str, key: str | None = None, nth: int = 1) -> int | None:
    """1-based line of the first needle found (an `id = "x"` assignment preferred).

    With `key`, the line of `key = ...` inside the table that starts at the id is returned;
    `nth` picks a later occurrence of the id (for duplicates).
    """
    for needle in needles:
        if not needle:
            continue
        pat = re.compile(r'\bid\s*=\s*["\']' + re.escape(needle) + r'["\']')
        for pattern in (pat, re.compile(re.escape(needle))):
            matches = list(pattern.finditer(text))
            if not matches:
                continue
            start = matches[min(nth, len(matches)) - 1].start()
            if key:
                start = _key_in_table(text, start, key)
            return text.count("\n", 0, start) + 1
    return None


def _key_in_table(text: str, start: int, key: str) -> int:
    """Offset of `key = ` in the table containing `start` (up to the next [header])."""
    table_start = text.rfind("\n[", 0, start) + 1
    nxt = re.compile(r"^\s*\[", re.MULTILINE).search(text, start)
    end = nxt.start() if nxt else len(text)
    m = re.compile(r"^\s*" + re.escape(key) + r"\s*=", re.MULTILINE).search(text, table_start, end)
    return m.start() + len(m.group(0)) - len(m.group(0).lstrip()) if m else start


def form_from_text(text: str, path: str | Path = "<text>", *,
                   folder: str | Path | None = None) -> FormDef:
    """Parse and check one definition given as TOML text. A version with `extends` is
    completed from its base version in `folder` (default: the file's own folder, else the
    definitions folder); its `definition_text` is then the complete definition."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_msg(str(exc))
        raise DefinitionError(f"invalid TOML: {exc}", path=path, line=line) from None
    ctx = _Ctx(text, path)
    if "extends" in doc:
        doc = resolve_extends(doc, _base_folder(path, folder), ctx.fail)
        ctx.definition_text = tomli_w.dumps(doc)
    form = _build_form(doc, ctx)
    check_form(form, ctx.fail)
    return form


def _base_folder(path, folder) -> Path:
    if folder is not None:
        return Path(folder)
    parent = Path(path).parent
    return parent if str(path) != "<text>" and parent.is_dir() else definitions_dir()


def _line_from_msg(msg: str) -> int | None:
    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else None


class _Ctx:
    def __init__(self, text: str, path):
        self.text, self.path = text, str(path)
        self.definition_text = text  # what the form publishes: the complete definition

    def fail(self, message: str, *needles: str, key: str | None = None,
             nth: int = 1) -> NoReturn:
        line = find_line(self.text, *needles, key=key, nth=nth) or 1
        raise DefinitionError(message, path=self.path, line=line)


def _unchecked(table: dict, key: str) -> Any:
    """A value as parsed, possibly missing or of the wrong type: check_form judges it once the
    whole form is built (a broken definition file is refused there, naming its line)."""
    return table.get(key)


def _labels(d, what: str, ctx: _Ctx, needle: str, *, required=True) -> dict[str, str]:
    if d is None and not required:
        return {}
    if not isinstance(d, dict) or not all(isinstance(d.get(lang), str) and d[lang].strip()
                                          for lang in LANGS):
        ctx.fail(f"{what} needs non-empty ru, kk and en texts", needle,
                 key=what.rsplit(": ", 1)[-1] if ": " in what else None)
    return {k: v for k, v in d.items() if k in LANGS}


def _build_form(doc: dict, ctx: _Ctx) -> FormDef:
    fid = doc.get("id")
    if not isinstance(fid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", fid):
        ctx.fail(f"form id must be snake_case text, got {fid!r}", "id")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        ctx.fail(f"form {fid}: version must be a positive integer, got {version!r}", "version")
    sections = doc.get("sections")
    if not isinstance(sections, list) or not sections:
        ctx.fail(f"form {fid}: no [[sections]]", "sections", fid)
    return FormDef(
        id=fid, version=version,
        title=_labels(doc.get("title"), f"form {fid}: title", ctx, "title"),
        description=_labels(doc.get("description"), "description", ctx, "description",
                            required=False),
        sections=[_build_section(s, ctx) for s in sections],
        rules=[_build_rule(r, ctx) for r in doc.get("rules", [])],
        unique_per_period=bool(doc.get("unique_per_period", False)),
        date_field=doc.get("date_field"),
        source_path=ctx.path, definition_text=ctx.definition_text,
        requires_engine=_requires_engine(doc, ctx),
    )


def _requires_engine(doc: dict, ctx: _Ctx) -> int:
    """The engine version the definition needs (forms.published.ENGINE_VERSION); 1 if absent."""
    value = doc.get("requires_engine", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        ctx.fail(f"requires_engine must be a positive integer, got {value!r}", "requires_engine")
    return value


def _build_section(s, ctx: _Ctx) -> Section:
    if not isinstance(s, dict) or not isinstance(s.get("id"), str):
        ctx.fail("every [[sections]] needs an id", "[[sections]]")
    fields = s.get("fields")
    if not isinstance(fields, list) or not fields:
        ctx.fail(f"section {s['id']!r} has no fields", s["id"])
    return Section(s["id"], _labels(s.get("title"), f"section {s['id']!r}: title", ctx, s["id"]),
                   [_build_field(f, ctx, in_roster=False) for f in fields])


def _build_field(f, ctx: _Ctx, *, in_roster: bool) -> FieldDef:
    if not isinstance(f, dict) or not isinstance(f.get("id"), str):
        ctx.fail("a field without an id", "fields")
    fid = f["id"]
    if not re.fullmatch(r"[a-z][a-z0-9_]*", fid):
        ctx.fail(f"field id {fid!r} must be snake_case", fid)
    unknown = set(f) - _FIELD_KEYS
    if unknown:
        ctx.fail(f"field {fid!r}: unknown key(s) {sorted(unknown)}", fid)
    cols = f.get("columns", [])
    if not isinstance(cols, list):
        ctx.fail(f"field {fid!r}: columns must be a list of tables", fid, key="columns")
    _check_scalar_keys(f, fid, ctx)
    if in_roster and cols:
        ctx.fail(f"column {fid!r}: a roster column cannot itself have columns", fid)
    known = {"id", "type", "label", "help", "required", "min", "max", "choices", "personal",
             "unit", "required_rule", "review", "max_length", *_SEMANTIC_KEYS}
    extra = {k: v for k, v in f.items() if k not in known and k != "columns"}
    return _with_semantics(FieldDef(
        id=fid, type=_unchecked(f, "type"),
        label=_labels(f.get("label"), f"field {fid!r}: label", ctx, fid),
        help=_labels(f.get("help"), f"field {fid!r}: help", ctx, fid, required=False),
        required=bool(f.get("required", False)), min=f.get("min"), max=f.get("max"),
        choices=f.get("choices"), personal=bool(f.get("personal", False)), unit=f.get("unit"),
        columns=[_build_field(c, ctx, in_roster=True) for c in cols],
        required_rule=f.get("required_rule"), review=bool(f.get("review", False)),
        max_length=f.get("max_length"), extra=extra,
    ), f, ctx)


def _check_scalar_keys(f: dict, fid: str, ctx: _Ctx) -> None:
    checks = (("max_length", lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
               "a positive integer"),
              ("required_rule", lambda v: isinstance(v, str), "text"),
              ("unit", lambda v: isinstance(v, str), "text"),
              ("type", lambda v: isinstance(v, str), "text"))
    for key, ok, what in checks:
        if key in f and not ok(f[key]):
            ctx.fail(f"field {fid!r}: {key} must be {what}, got {f[key]!r}", fid, key=key)
    for key in ("required", "personal", "review", "auto", "multiline", "may_span"):
        if key in f and not isinstance(f[key], bool):
            ctx.fail(f"field {fid!r}: {key} must be true or false, got {f[key]!r}", fid, key=key)


# --- field semantics: what a figure means (aggregation, headline, chart, measure) -----------

_SEMANTIC_KEYS = ("aggregation", "headline", "headline_order", "short_label", "chart",
                  "per_capita", "measure", "group_by")
_FIGURE_TYPES = ("integer", "decimal", "counts", "choice", "multi_choice", "roster")
_SCALAR_TYPES = ("integer", "decimal")


def _with_semantics(fd: FieldDef, f: dict, ctx: _Ctx) -> FieldDef:
    """Read and check the semantic keys of field `f` into `fd` (see the module docstring)."""
    fid = fd.id
    for key, allowed in (("aggregation", AGGREGATIONS), ("chart", CHARTS),
                         ("measure", MEASURES)):
        if key in f and f[key] not in allowed:
            ctx.fail(f"field {fid!r}: {key} must be one of {', '.join(allowed)}, "
                     f"got {f[key]!r}", fid, key=key)
    for key in ("headline", "per_capita"):
        if key in f and not isinstance(f[key], bool):
            ctx.fail(f"field {fid!r}: {key} must be true or false, got {f[key]!r}", fid, key=key)
    order = f.get("headline_order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int)):
        ctx.fail(f"field {fid!r}: headline_order must be an integer, got {order!r}", fid,
                 key="headline_order")
    fd.aggregation, fd.chart, fd.measure = f.get("aggregation"), f.get("chart"), f.get("measure")
    fd.headline, fd.per_capita = f.get("headline", False), f.get("per_capita", False)
    fd.headline_order, fd.group_by = order, f.get("group_by")
    fd.short_label = _labels(f.get("short_label"), f"field {fid!r}: short_label", ctx, fid,
                             required=False)
    _check_semantics(fd, ctx)
    return fd


def _check_semantics(fd: FieldDef, ctx: _Ctx) -> None:
    fid, scalar = fd.id, fd.type in _SCALAR_TYPES

    def need(ok: bool, what: str, key: str) -> None:
        if not ok:
            ctx.fail(f"field {fid!r}: {what}", fid, key=key)

    if fd.aggregation:
        need(fd.type in _FIGURE_TYPES, f"a {fd.type} field has no aggregation", "aggregation")
    if fd.headline:
        need(scalar and fd.aggregation is not None,
             "a headline figure must be an integer or decimal with an aggregation", "headline")
    if fd.chart:
        need(fd.aggregation is not None, "a chart needs an aggregation", "chart")
        need(scalar == (fd.chart == "line"),
             "chart = \"line\" is for numbers, the other charts for categories", "chart")
    if fd.per_capita:
        need(fd.aggregation == "stock" and fd.type in (*_SCALAR_TYPES, "counts"),
             "per_capita needs a stock number or counts", "per_capita")
    if fd.measure:
        need(scalar, "a measure is for integer or decimal fields", "measure")
    if fd.group_by is not None:
        need(fd.type == "roster" and fd.group_by in {c.id for c in fd.columns},
             "group_by must name a column of this roster", "group_by")


def _build_rule(r, ctx: _Ctx) -> Rule:
    if not isinstance(r, dict) or not isinstance(r.get("id"), str):
        ctx.fail("every [[rules]] needs an id", "[[rules]]")
    unknown = set(r) - _RULE_KEYS
    if unknown:
        ctx.fail(f"rule {r['id']!r}: unknown key(s) {sorted(unknown)}", r["id"])
    fields = r.get("fields", [])
    params = r.get("params", {})
    if not isinstance(fields, list) or not isinstance(params, dict):
        ctx.fail(f"rule {r['id']!r}: fields must be a list and params a table", r["id"])
    return Rule(id=r["id"], severity=_unchecked(r, "severity"), expr=_unchecked(r, "expr"),
                fields=[str(x) for x in fields], message=_unchecked(r, "message"),
                when=r.get("when"), params={str(k): v for k, v in params.items()},
                each=r.get("each"))


# The registry lives in forms/registry.py; its names stay importable from here.
from forms.registry import (
    UnknownForm,
    all_forms,
    list_forms,
    load_file,
    load_form,
    reload_forms,
)

__all__ = ["UnknownForm", "all_forms", "find_line", "form_from_text", "list_forms", "load_file",
           "load_form", "reload_forms"]
