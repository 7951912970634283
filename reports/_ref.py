"""Reference data and form definitions as the reports need them (forms.reference, forms).

The enumerations and definitions ship with the program, so a missing one is a real error and
is not papered over here; only an unknown *code* (old data, a typo in a file) shows as itself.
"""
from __future__ import annotations

from forms import UnknownForm, load_form
from forms.reference import get_enum, resolve_department, resolve_region

__all__ = ["count_enums", "enum_codes", "enum_labels", "field_label", "label",
           "load_form_or_none", "resolve_department", "resolve_region"]


def count_enums(form_id: str = "monthly_report") -> dict[str, str]:
    """Field (or roster column) id -> the enumeration of its codes, as the form's `choices`
    declare it (FormDef.count_enums)."""
    return load_form(form_id).count_enums


def enum_codes(name: str) -> list[str]:
    return list(get_enum(name).codes)


def label(enum_name: str, code: str, lang: str = "ru") -> str:
    e = get_enum(enum_name)
    return e.label(code, lang) if code in e else str(code)


def enum_labels(name: str) -> dict[str, str]:
    """Every label (ru/kk/en), variant and short name of an enumeration, normalised -> code."""
    from reports.text import fold

    out: dict[str, str] = {}
    for item in get_enum(name).items:
        out[fold(item.code)] = item.code
        short = item.extra.get("short")
        texts = [*item.labels.values(), *(item.extra.get("variants") or []),
                 *(short.values() if isinstance(short, dict) else [])]
        out.update({fold(text): item.code for text in texts if text})
    return out


def load_form_or_none(form_id: str):
    """The latest definition of a form, or None for an id that is no form."""
    try:
        return load_form(form_id)
    except UnknownForm:
        return None


def field_label(form, fid: str, lang: str = "ru") -> str:
    if form is None or not form.has_field(fid):
        return fid
    fd = form.field(fid)
    return fd.label.get(lang) or fd.label.get("ru") or fid
