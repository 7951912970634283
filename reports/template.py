"""The monthly-report workbook: `esep template monthly_report` writes it, `esep import
monthly_report FILE.xlsx` reads it back (with a diff against what is stored).

Sheet 1 has one row per value: label (chosen language) | value (the only unlocked cells) |
last month's value for reference | hidden field key. Choices get drop-down validation from
a hidden sheet of labels; multi-choice fields are one yes/no row per code; the development
events roster is its own sheet. All sheets are protected (no password: the protection
stops accidental edits of labels and keys, not a determined user).
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from forms.periods import period_words
from reports._ref import enum_codes, label, load_form_or_none
from reports.xlsx_util import print_setup

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
YES_NO = {"ru": ("да", "нет"), "kk": ("иә", "жоқ"), "en": ("yes", "no")}
META_SHEET, LIST_SHEET, ROSTER_ROWS = "_meta", "_lists", 30
HEAD = {"ru": ("Показатель", "Значение", "Прошлый месяц"),
        "kk": ("Көрсеткіш", "Мәні", "Өткен ай"), "en": ("Item", "Value", "Last month")}


class TemplateError(ValueError):
    pass


def _lab(obj, lang):
    return obj.get(lang) or obj.get("ru") or ""


def _existing(store, org_unit, period):
    recs = store.list_records(form="monthly_report", org_unit=org_unit, period=period)
    return recs[0] if recs else None


def _previous(store, org_unit, period):
    earlier = [r for r in store.list_records(form="monthly_report", org_unit=org_unit)
               if r["period"] < period]
    return max(earlier, key=lambda r: r["period"]) if earlier else None


class _Lists:
    """Hidden sheet of drop-down labels: one column per enumeration."""

    def __init__(self, wb, lang):
        self.ws = wb.create_sheet(LIST_SHEET)
        self.ws.sheet_state = "hidden"
        self.lang, self.cols = lang, {}

    def ref(self, enum: str) -> str:
        if enum not in self.cols:
            col = len(self.cols) + 1
            labels = [label(enum, c, self.lang) for c in enum_codes(enum)] if enum != "_yn" \
                else list(YES_NO.get(self.lang, YES_NO["ru"]))
            for i, text in enumerate(labels, start=1):
                self.ws.cell(i, col, text)
            letter = self.ws.cell(1, col).column_letter
            self.cols[enum] = f"'{LIST_SHEET}'!${letter}$1:${letter}${max(len(labels), 1)}"
        return self.cols[enum]


def write_template(store, org_unit: str, period: str, out_path, *, lang: str = "ru") -> Path:
    form = load_form_or_none("monthly_report")
    if form is None:
        raise TemplateError("the monthly_report form definition is not available")
    units = {u["id"]: u for u in store.org_units()}
    if units and org_unit not in units:
        raise TemplateError(f"unknown org unit {org_unit!r}")
    rec = _existing(store, org_unit, period)
    prev = _previous(store, org_unit, period)
    wb = Workbook()
    ws = wb.active
    ws.title = _lab(form.title, lang)[:31] or "report"
    lists = _Lists(wb, lang)
    name = (units.get(org_unit) or {}).get(f"name_{lang}") or \
        (units.get(org_unit) or {}).get("name_ru") or org_unit
    # the month in words; the reader takes it back from the words (reports.wide_where)
    ws.append([_lab(form.title, lang), f"{name} ({org_unit})", period_words(period, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(HEAD.get(lang, HEAD["ru"])))
    for c in ws[2]:
        c.font = Font(bold=True)
    data, old = (rec or {}).get("data") or {}, (prev or {}).get("data") or {}
    for section in form.sections:
        ws.append([_lab(section.title, lang)])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for fd in section.fields:
            if fd.type == "roster":
                _roster_sheet(wb, fd, data.get(fd.id) or [], lists, lang)
            else:
                _field_rows(ws, fd, data, old, lists, lang)
    _finish(ws)
    _meta(wb, org_unit, period, lang, form, rec)
    print_setup(wb)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _field_rows(ws, fd, data, old, lists, lang):
    head = _lab(fd.label, lang) + (f" ({fd.unit})" if fd.unit else "")
    value = data.get(fd.id)
    if fd.type == "counts":
        ws.append([head])
        for code in enum_codes(fd.choices):
            _input(ws, f"   {label(fd.choices, code, lang)}", (value or {}).get(code),
                   (old.get(fd.id) or {}).get(code), f"{fd.id}.{code}", "whole")
    elif fd.type == "multi_choice":
        ws.append([head])
        yes, no = YES_NO.get(lang, YES_NO["ru"])
        for code in enum_codes(fd.choices):
            chosen = yes if code in (value or []) else (no if value is not None else None)
            _input(ws, f"   {label(fd.choices, code, lang)}", chosen, None,
                   f"{fd.id}.{code}", lists.ref("_yn"))
    elif fd.type == "choice":
        shown = label(fd.choices, value, lang) if value else None
        prev = label(fd.choices, old.get(fd.id), lang) if old.get(fd.id) else None
        _input(ws, head, shown, prev, fd.id, lists.ref(fd.choices))
    else:
        kind = {"integer": "whole", "decimal": "decimal"}.get(fd.type)
        _input(ws, head, value, old.get(fd.id) if kind else None, fd.id, kind)


def _input(ws, text, value, previous, key, check):
    ws.append([text, value, previous, key])
    cell = ws.cell(ws.max_row, 2)
    cell.protection = Protection(locked=False)
    cell.fill = INPUT_FILL
    if check:
        if check in ("whole", "decimal"):
            dv = DataValidation(type=check, operator="greaterThanOrEqual", formula1="0",
                                allow_blank=True, showErrorMessage=True)
        else:
            dv = DataValidation(type="list", formula1=f"={check}", allow_blank=True,
                                showErrorMessage=True)
        ws.add_data_validation(dv)
        dv.add(cell)


def _finish(ws):
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].hidden = True
    ws.protection.sheet = True
    ws.freeze_panes = "B3"


def _roster_sheet(wb, fd, rows, lists, lang):
    ws = wb.create_sheet(_lab(fd.label, lang)[:31] or fd.id)
    cols = [c for c in fd.columns if c.id != "no"]
    ws.append([_lab(c.label, lang) for c in cols])
    ws.append([f"{fd.id}.{c.id}" for c in cols])
    ws.row_dimensions[2].hidden = True
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in range(ROSTER_ROWS):
        row = rows[r] if r < len(rows) else {}
        for j, col in enumerate(cols, start=1):
            v = row.get(col.id)
            cell = ws.cell(3 + r, j, label(col.choices, v, lang) if col.choices and v else v)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
    for j, col in enumerate(cols, start=1):
        ws.column_dimensions[ws.cell(1, j).column_letter].width = 24
        if col.choices:
            dv = DataValidation(type="list", formula1=f"={lists.ref(col.choices)}",
                                allow_blank=True)
        elif col.type in ("integer", "decimal"):
            dv = DataValidation(type="whole" if col.type == "integer" else "decimal",
                                operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        else:
            continue
        ws.add_data_validation(dv)
        letter = ws.cell(1, j).column_letter
        dv.add(f"{letter}3:{letter}{2 + ROSTER_ROWS}")
    ws.protection.sheet = True


def _meta(wb, org_unit, period, lang, form, rec):
    ws = wb.create_sheet(META_SHEET)
    for k, v in (("form", form.id), ("form_version", form.version), ("org_unit", org_unit),
                 ("period", period), ("lang", lang), ("record_id", (rec or {}).get("id"))):
        ws.append([k, v])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def import_monthly_report(store, path, *, user, dry_run=False, lang="ru", reason=None):
    from reports.template_read import read_template

    return read_template(store, Path(path), user=user, dry_run=dry_run, reason=reason,
                         lang=lang)


__all__ = ["TemplateError", "import_monthly_report", "write_template"]
