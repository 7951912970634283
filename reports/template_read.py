"""Reading a filled monthly-report workbook back (see reports.template): values -> typed data,
problems with row and column, a per-field diff against the stored report, one save. A figure
is read as a list's and a region's table's are (reports.survey_values.put_figure); any error
refuses the whole workbook, nothing is saved."""
from __future__ import annotations

import re
import uuid
from pathlib import Path

from forms.choice_words import read_cell
from reports._ref import enum_codes, enum_labels, load_form_or_none
from reports.figure_words import as_typed
from reports.io import ImportFailed, ImportResult, _commit
from reports.readers import iter_rows, kind_of, workbook_sheets
from reports.survey_values import CellProblem, put_figure
from reports.template import HEAD, LIST_SHEET, META_SHEET
from reports.text import clean_text, fold

YES = {"да", "иә", "yes", "1", "true", "x", "✓", "+", "ия"}
NO = {"нет", "жоқ", "no", "0", "false", "-"}


class _Parser:
    """Typed values of the workbook's cells; a cell that cannot be read is a problem in the
    person's language, naming its row, its column as the sheet heads it and the field."""

    def __init__(self, form, lang: str = "ru"):
        self.form, self.lang = form, lang
        self.data: dict = {}
        self.problems: list[dict] = []
        self.value_column = "B"  # what the sheet's header row calls it («Значение»)

    def problem(self, row, col, key, code, value=None, severity="error", *, said=None,
                **params):
        """A problem `code`, its message the text of `said` (default: of `code`)."""
        from forms import message_text

        params = {"field": key, "value": value, "key": key, **params}
        self.problems.append({"row": row, "column": col, "field": key, "code": code,
                              "message": message_text(said or code, self.lang, params,
                                                      form=self.form),
                              "severity": severity})

    def choice(self, row, col, key, enum: str, value) -> str | None:
        """The option of a cell (forms.choice_words.read_cell), a note or an error said."""
        code, note = read_cell(enum, value, self.lang)
        if note is not None:
            self.problem(row, col, key, note[0], severity=note[2], **note[1])
        return code

    def cell(self, row: int, key: str, value) -> None:
        fid, _, code = key.partition(".")
        try:
            fd = self.form.field(fid)
        except KeyError:
            return self.problem(row, "D", key, "tpl_unknown_key")
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if fd.type == "counts":
            self.figure(row, self.value_column, key, fd, value, self.data.setdefault(fid, {}),
                        code)
        elif fd.type == "multi_choice":
            word = fold(value)
            if word in YES:
                self.data.setdefault(fid, []).append(code)
            elif word in NO:
                self.data.setdefault(fid, [])
            else:
                self.problem(row, self.value_column, key, "tpl_not_yes_no", value)
        elif fd.type == "choice":
            hit = self.choice(row, self.value_column, key, fd.choices, value)
            if hit is not None:
                self.data[fid] = hit
        elif fd.type in ("integer", "decimal"):
            self.figure(row, self.value_column, key, fd, value, self.data, fid)
        else:
            self.data[fid] = clean_text(value)[0]

    def figure(self, row, col, key, fd, value, target: dict, slot: str) -> None:
        """A figure cell into target[slot], read as a list's and a region's table's are
        (survey_values.put_figure): «22 человека», «1 200»; «2 ч. 30 мин» of hours with a
        note; «25+5», «около 30», «5-6» refused saying why and what to type."""
        got: dict = {}
        try:
            note = put_figure(fd, value, got, self.lang)
        except CellProblem as exc:
            note = exc
        if fd.id in got:
            target[slot] = got[fd.id]
        if note is not None:
            from forms import message_text

            why = message_text(note.code, self.lang, note.params)
            self.problem(row, col, key, note.code, as_typed(value), note.severity,
                         said="wide_cell", why=why)


def _sheets(path: Path) -> dict[str | None, list[tuple]]:
    """Every sheet's rows (.xlsx, or the workbook saved again as .xls / .ods), by name."""
    return {name: list(iter_rows(path, sheet=name)) for name in workbook_sheets(path)}


def _meta(sheets: dict, store, path: Path, lang: str) -> dict:
    """The workbook's _meta sheet; a workbook copied into a new file without it (the sheet
    is hidden) gives its district and month by its title row instead."""
    from forms import message_text

    if META_SHEET in sheets:
        return {str(r[0]): r[1] for r in sheets[META_SHEET] if r and r[0]}
    meta = title_meta(next(iter(sheets.values()), []), store)
    if meta is None:
        raise ImportFailed(message_text("tpl_not_template", lang, {
            "file": path.name, "sheet": META_SHEET}), "not_template")
    return meta


def title_meta(rows: list[tuple], store) -> dict | None:
    """{org_unit, period} of a sheet whose first rows are the workbook's title row
    («Волонтёрство в цифрах | Абайский район (SHY-ABAY) | 2024-03») and header row
    («Показатель | Значение»), retyped or copied; else None (a region's table titled so)."""
    from reports.wide_where import UnitMatcher, period_in

    first = [*(rows[0] if rows else ()), None, None, None][:3]
    second = (rows[1] if len(rows) > 1 else ()) or (None,)
    form = load_form_or_none("monthly_report")
    if form is None or fold(first[0]) not in {fold(t) for t in form.title.values()} or \
            fold(second[0]) not in {fold(h[0]) for h in HEAD.values()}:
        return None
    year, month = period_in(first[2])
    own = re.search(r"\(([^()]+)\)\s*$", str(first[1] or ""))
    unit = own.group(1).strip() if own else UnitMatcher(store).match(first[1])
    if not (year and month and unit):
        return None
    return {"form": "monthly_report", "org_unit": unit, "period": f"{year}-{month:02d}"}


_UNIT_TAIL = re.compile(r"\s*\([^()]*\)\s*$")


def _label_keys(form, rows: list[tuple]) -> dict[int, str]:
    """Row number -> field key of a sheet retyped without the hidden key column: each label
    in column A as the workbook writes it (any language, a breakdown's categories under
    their group's label)."""
    from reports.wide_columns import _key, _names

    scalars, groups, cats = _names(form.id)
    multi = {_key(t): fd.id for fd in form.fields if fd.type == "multi_choice"
             for t in fd.label.values()}
    cats = {**cats, **{fid: {_key(t): c for t, c in enum_labels(form.field(fid).choices).items()}
                       for fid in multi.values()}}
    out: dict[int, str] = {}
    group = None
    for i, row in enumerate(rows[2:], start=3):
        raw = str(row[0]) if row and row[0] is not None else ""
        known = {*scalars, *groups, *multi, *cats.get(group or "", {})}
        text = next((t for t in (_key(raw), _key(_UNIT_TAIL.sub("", raw)))   # «… (ч/мес)»
                     if t in known), "")
        if text in groups or text in multi:
            group = groups.get(text) or multi[text]
        elif group and text in cats.get(group, {}):
            out[i] = f"{group}.{cats[group][text]}"
        elif scalars.get(text):
            out[i], group = scalars[text], None
    return out


def _read(sheets: dict, form, parser: _Parser) -> None:
    rows: list[tuple] = next(iter(sheets.values()), [])
    keys: dict[int, str] = {i: row[3] for i, row in enumerate(rows, start=1)
            if len(row) >= 4 and isinstance(row[3], str) and row[3]}
    keys = keys or _label_keys(form, rows)
    for i, row in enumerate(rows, start=1):
        if i == 2 and len(row) >= 2 and row[1]:
            parser.value_column = str(row[1])
        key = keys.get(i)
        if key:
            parser.cell(i, key, row[1] if len(row) > 1 else None)
        elif i > 2 and len(row) > 1 and str(row[1] or "").strip():
            parser.problem(i, parser.value_column, None, "tpl_row_without_key", row[1],
                           "warning", label=clean_text(row[0] or "")[0])
    for name, sheet in list(sheets.items())[1:]:
        if name in (META_SHEET, LIST_SHEET):
            continue
        keys_row = sheet[1] if len(sheet) > 1 else ()
        if not keys_row or not isinstance(keys_row[0], str) or "." not in keys_row[0]:
            continue
        _read_roster(form, parser, keys_row, sheet[2:], sheet[0])


def _read_roster(form, parser, keys, rows, labels=()) -> None:
    fid = keys[0].split(".")[0]
    fd = form.field(fid)
    heads = {k: str(h) for k, h in zip(keys, labels) if h}  # the columns as the sheet heads them
    out: list[dict] = []
    for r, row in enumerate(rows, start=3):
        if all(v in (None, "") for v in row):
            continue
        item: dict[str, object] = {}
        for key, value in zip(keys, row):
            col = fd.column(key.split(".", 1)[1])
            if value in (None, ""):
                continue
            if col.choices:
                item[col.id] = parser.choice(r, heads.get(key, key), key, col.choices, value)
            elif col.type in ("integer", "decimal"):
                parser.figure(r, heads.get(key, key), key, col, value, item, col.id)
            else:
                item[col.id] = clean_text(value)[0]
        item["no"] = len(out) + 1
        out.append(item)
    if out:
        parser.data[fid] = out


def _merged(form, stored: dict, read: dict, *, from_record: bool) -> dict:
    """The record's data after the workbook. Written from this very record (its _meta names
    it), a cell emptied by hand clears the value. Otherwise the workbook never showed the
    stored values (made before the report existed, or in another folder): its blanks are
    «not filled in» and what is saved stays, a breakdown's other categories too."""
    if from_record:
        template_fields = {f.id for f in form.fields}
        return {**{k: v for k, v in stored.items() if k not in template_fields}, **read}
    data = dict(stored)
    for key, value in read.items():
        both = isinstance(value, dict) and isinstance(data.get(key), dict)
        data[key] = {**data[key], **value} if both else value
    return data


def _diff(old: dict, new: dict) -> list[dict]:
    keys = sorted(set(old) | set(new))
    return [{"field": k, "old": old.get(k), "new": new.get(k)} for k in keys
            if old.get(k) != new.get(k)]


def _rule_said(rule: str) -> str:
    """A finding's rule before its text when it is a documented rule (DOMAIN.md's «VR-08: »);
    the engine's own ids («required», «dates-order») are no words of the person's language."""
    return f"{rule}: " if str(rule).startswith("VR-") else ""


def _findings(store, form, rec, lang: str = "ru") -> list[dict]:
    try:
        from forms import message_text, validate_record
    except ImportError:
        return []
    out = []
    for f in validate_record(form, rec, history=store.history_for(rec)):
        out.append({"row": None, "column": None, "field": ",".join(f.fields), "code": f.rule,
                    "message": _rule_said(f.rule) + message_text(f.message_code, lang, f.params,
                                                                 form=form),
                    "severity": "warning", "rule_severity": f.severity})
    return out


def read_template(store, path: Path, *, user, dry_run=False, reason=None,
                  lang: str = "ru") -> ImportResult:
    from forms import message_text

    kind_of(path)
    sheets = _sheets(path)
    meta = _meta(sheets, store, path, lang)
    form = load_form_or_none(meta.get("form") or "monthly_report")
    if form is None or form.id != "monthly_report":
        raise ImportFailed(message_text("tpl_wrong_form", lang, {
            "file": path.name, "form": meta.get("form")}), "not_template")
    parser = _Parser(form, lang)
    _read(sheets, form, parser)
    unit, period = meta.get("org_unit"), meta.get("period")
    stored = store.list_records(form="monthly_report", org_unit=unit, period=period)
    old = stored[0] if stored else None
    data = _merged(form, (old or {}).get("data") or {}, parser.data,
                   from_record=old is not None and meta.get("record_id") == old["id"])
    for k, v in ((old or {}).get("data") or {}).items():
        if k not in data and v in ([], {}, "", None):
            data[k] = v                              # an empty value is not a change
    for fid in [f.id for f in form.fields if f.type == "counts"]:
        if fid in data:
            data[fid] = {c: data[fid][c] for c in enum_codes(form.field(fid).choices)
                         if c in data[fid]} or data[fid]
    rec = dict(old) if old else {"id": str(uuid.uuid4()), "form": "monthly_report",
                                 "org_unit": unit, "period": period, "status": "draft"}
    rec["data"] = data
    errors = any(p["severity"] == "error" for p in parser.problems)
    problems = parser.problems + ([] if errors else _findings(store, form, rec, lang))
    result = ImportResult(records=[rec], problems=problems,
                          diff=_diff((old or {}).get("data") or {}, data))
    if dry_run or not result.diff and not result.errors:
        return result
    if old is not None and old["status"] == "submitted" and not (reason or "").strip():
        raise ImportFailed(message_text("tpl_submitted_needs_reason", lang, {
            "file": path.name, "unit": unit, "period": period, "n": len(result.diff)}),
            "reason_required")
    _commit(store, result, user=user, update=True,
            reason=reason or "import from the monthly-report workbook")
    return result
