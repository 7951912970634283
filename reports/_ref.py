"""Thin, tolerant access to reference data and form definitions (forms.reference, forms).

Reports must keep working (with codes instead of labels) when an enumeration is missing,
so every lookup here degrades to the code itself instead of raising.
"""
from __future__ import annotations

import functools

# Fallback code lists (CONTRACTS §1) used only for ordering when an enumeration is absent.
_FALLBACK_CODES = {
    "genders": ["F", "M"],
    "age_bands": ["U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"],
    "occupations": ["SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED", "PENSIONER", "OTHER"],
    "event_formats": ["OFFLINE", "ONLINE", "AUTO"],
    "support_provided": ["YES", "NO", "NOT_NEEDED"],
    "dev_event_types": ["TRAINING", "TEAMBUILDING", "NGO_CAPACITY", "AWARD"],
}

# Field ids of the monthly report that hold an enumeration's counts.
COUNT_ENUMS = {
    "gender": "genders", "age": "age_bands", "occupation": "occupations",
    "events_by_direction": "directions", "events_by_format": "event_formats",
    "rfo_support_types": "support_types", "dev_event_type": "dev_event_types",
    "rfo_support_provided": "support_provided",
}


@functools.cache
def _enum(name: str):
    try:
        from forms.reference import get_enum

        return get_enum(name)
    except Exception:  # missing file or reference module not ready: fall back to codes
        return None


def enum_codes(name: str) -> list[str]:
    e = _enum(name)
    if e is not None and len(e):
        return list(e.codes)
    return list(_FALLBACK_CODES.get(name, []))


def label(enum_name: str, code: str, lang: str = "ru") -> str:
    e = _enum(enum_name)
    if e is None or code not in e:
        return str(code)
    return e.label(code, lang)


def enum_labels(name: str) -> dict[str, str]:
    """Every label (ru/kk/en) and code of an enumeration, normalised -> code."""
    from reports.text import fold

    e = _enum(name)
    out: dict[str, str] = {}
    if e is None:
        return {fold(c): c for c in _FALLBACK_CODES.get(name, [])}
    for item in e.items:
        out[fold(item.code)] = item.code
        for text in item.labels.values():
            if text:
                out[fold(text)] = item.code
        for variant in item.extra.get("variants", []) or []:
            out[fold(variant)] = item.code
        short = item.extra.get("short")
        for text in (short.values() if isinstance(short, dict) else []):
            out[fold(text)] = item.code
    return out


def load_form_or_none(form_id: str):
    try:
        from forms import load_form

        return load_form(form_id)
    except Exception:
        return None


def field_label(form, fid: str, lang: str = "ru") -> str:
    if form is None:
        return fid
    try:
        fd = form.field(fid)
    except Exception:
        return fid
    return fd.label.get(lang) or fd.label.get("ru") or fid


def resolve_region(text: str) -> str | None:
    try:
        from forms.reference import resolve_region as _rr

        return _rr(text)
    except Exception:
        return None


def resolve_department(text: str) -> str | None:
    try:
        from forms.reference import resolve_department as _rd

        return _rd(text)
    except Exception:
        return None
