"""Message texts for finding codes: resources/messages.toml, one table per code (ru/kk/en)."""
from __future__ import annotations

import functools
import re
import string

from forms.paths import resources_dir

LANGS = ("ru", "kk", "en")
# Where a message is shown: the command line names its options («--period ГГГГ-ММ»), the
# desktop its own boxes and buttons («Период:» in the import window). A message's `{hint}`
# (what to do) has a text for each: `[code.hint.cli]` and `[code.hint.desktop]`, ru/kk/en.
SURFACES = ("cli", "desktop")
_SURFACE = {"now": "cli"}


def set_surface(name: str) -> None:
    """Say the `{hint}` of every message for `name` from now on: the desktop sets "desktop"
    when it starts (desktop/app.run_gui; every desktop/context.AppContext too), the CLI
    "cli" before a command runs (cli/main.py)."""
    if name not in SURFACES:
        raise ValueError(f"unknown surface {name!r}; one of {SURFACES}")
    _SURFACE["now"] = name


@functools.cache
def _doc() -> dict:
    import tomllib  # here, not at import: the desktop sets its surface as it starts (~4 ms)

    with (resources_dir() / "messages.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def messages() -> dict[str, dict[str, str]]:
    return {code: {k: v for k, v in texts.items() if k in LANGS}
            for code, texts in _doc().items() if isinstance(texts, dict)}


@functools.cache
def hints() -> dict[str, dict[str, dict[str, str]]]:
    """code -> surface -> lang -> the text of the message's `{hint}`."""
    return {code: texts["hint"] for code, texts in _doc().items()
            if isinstance(texts, dict) and isinstance(texts.get("hint"), dict)}


def with_hint(template: str, hint: dict | None, lang: str, where: str | None = None) -> str:
    """`template` with its `{hint}` said for the surface `where` (default: the one set),
    in `lang` (ru when the hint has no text in it); a template without one as it is."""
    if not hint or "{hint}" not in template:
        return template
    said = hint.get(where or _SURFACE["now"]) or hint.get("cli") or {}
    return template.replace("{hint}", said.get(lang) or said.get("ru") or "")


def has_message(code: str) -> bool:
    return code in messages()


class _Keep(dict):
    """format_map helper: unknown placeholders stay visible as {name}."""

    def __missing__(self, key):
        return "{" + key + "}"


def _fmt(value) -> str:
    kind = type(value)
    if kind is str or kind is int:  # most params: their text as it is (the last line below)
        return str(value)
    if isinstance(value, float):  # a ratio or a mean: two decimals say enough (0.33, not 0.333333)
        if abs(value) >= 1e15:
            return str(value)
        return f"{round(value, 2):.15g}" if abs(value) >= 0.01 else f"{value:g}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_fmt(v) for v in value)
    return str(value)


# params holding lists of enumeration codes, shown as labels
_ENUM_PARAMS = {"departments": "departments", "occupations": "occupations"}
_PATH = re.compile(r"^([a-z0-9_]+)(?:\[(\d+)\])?(?:\.(.+))?$")
_ROW = {"ru": "строка", "en": "row"}


def field_label(form, path: str, lang: str = "ru") -> str:
    """Human label of a field path: `participants[3].full_name` -> «Участники, строка 4: Ф.И.О.»."""
    m = _PATH.match(str(path))
    if form is None or not m or not form.has_field(m.group(1)):
        return str(path)
    f = form.field(m.group(1))
    text = f.label.get(lang) or f.label.get("ru") or f.id
    if m.group(2) is not None:
        n = int(m.group(2)) + 1
        text += f", {n}-жол" if lang == "kk" else f", {_ROW.get(lang, 'row')} {n}"
    sub = m.group(3)
    if sub and f.type == "roster" and sub in [c.id for c in f.columns]:
        col = f.column(sub)
        text += ": " + (col.label.get(lang) or col.label.get("ru") or col.id)
    elif sub and f.choices:
        text += ": " + _enum_label(f.choices, sub, lang)
    return text


TEXT_SHOWN = 60   # characters of a changed text a message quotes


def changes_text(form, changes: list, lang: str = "ru") -> str:
    """`[[path, old, new], ...]` as «label»: old → new; … in `lang`: a choice's codes as the
    form's labels of them, a text quoted (its first TEXT_SHOWN characters), nothing as «—»."""
    return "; ".join(f"«{field_label(form, path, lang)}»: {_value_text(form, path, old, lang)}"
                     f" → {_value_text(form, path, new, lang)}" for path, old, new in changes)


def _value_text(form, path: str, value, lang: str) -> str:
    if value in (None, "", [], {}):
        return "—"
    f = form.field(path) if form is not None and form.has_field(path) else None
    if f is not None and f.choices and isinstance(value, (str, list)):
        codes = value if isinstance(value, list) else [value]
        return ", ".join(_enum_label(f.choices, str(c), lang) for c in codes)
    if isinstance(value, str):
        return f"«{value[:TEXT_SHOWN]}…»" if len(value) > TEXT_SHOWN else f"«{value}»"
    return _fmt(value)


def _enum_label(enum: str, code: str, lang: str) -> str:
    from forms.reference import get_enum
    try:
        return get_enum(enum).label(code, lang)
    except (KeyError, ValueError):
        return code


def plural_index(lang: str, n: int) -> int:
    """Which plural form a count takes: ru one / few / many (1, 2–4, 5+ and 11–14), en one /
    other; kk has one form (a noun after a numeral stays singular)."""
    n = abs(int(n))
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    if lang == "kk":
        return 0
    return 0 if n == 1 else 1


class _PluralFormatter(string.Formatter):
    """`{n:plural:изменение|изменения|изменений}` picks the form for the count `n`; the
    placeholder stays `n` in every language (forms as many as the language has)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value, format_spec: str):
        if format_spec.startswith("plural:"):
            return _plural_form(self.lang, str(value), format_spec[len("plural:"):].split("|"))
        return super().format_field(value, format_spec)


def plural_format(template: str, lang: str, params: dict) -> str:
    """`template` filled with `params`, plural forms chosen for `lang`."""
    return _PluralFormatter(lang).vformat(template, (), params)


@functools.lru_cache(maxsize=4096)
def _compiled(template: str) -> tuple | None:
    """`template` parsed once: (literal, field name, plural forms or None) parts, what
    `_PluralFormatter.vformat` does with it; None when a field is more than a plain
    `{name}` or `{name:plural:...}` (an index, attribute, conversion or other spec: left to
    the formatter) or the template does not parse."""
    parts: list[tuple[str, str | None, list[str] | None]] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    for literal, name, spec, conversion in parsed:
        if name is None:
            parts.append((literal, None, None))
            continue
        spec = spec or ""
        if not name.isidentifier() or conversion or (spec and not spec.startswith("plural:")) \
                or "{" in spec or "}" in spec:
            return None
        parts.append((literal, name, spec[len("plural:"):].split("|") if spec else None))
    return tuple(parts)


def _plural_form(lang: str, value: str, forms: list[str]) -> str:
    """The form `{n:plural:...}` shows for `value` (as `_PluralFormatter.format_field`); a
    fraction takes the form of 2 («в 23.3 раза», "1.5 times"), anything else the last."""
    try:
        index = plural_index(lang, int(value))
    except ValueError:
        try:
            float(value)
            index = plural_index(lang, 2)
        except ValueError:
            index = len(forms) - 1
    return forms[min(index, len(forms) - 1)]


def _fill(template: str, lang: str, values: _Keep) -> str:
    """`template` filled with the texts of `values`: the compiled parts when plain, else the
    formatter (same text either way)."""
    parts = _compiled(template)
    if parts is None:
        return _PluralFormatter(lang).vformat(template, (), values)
    out = []
    for literal, name, forms in parts:
        out.append(literal)
        if name is not None:
            value = values[name]
            out.append(value if forms is None else _plural_form(lang, value, forms))
    return "".join(out)


def message_text(code: str, lang: str = "ru", params: dict | None = None, *, form=None,
                 where: str | None = None) -> str:
    """The text of `code` in `lang` (falls back to ru, then to the code) with params filled,
    its `{hint}` said for the surface `where` (default: the one set, `set_surface`).

    With `form`, a `field` param (a field path) is shown as the field's label in `lang`; a
    `changes` param is said by `changes_text`.
    """
    texts = messages().get(code)
    if not texts:
        return code if not params else f"{code} {params}"
    template = with_hint(texts.get(lang) or texts.get("ru") or code, hints().get(code), lang,
                         where)
    params = dict(params or {})
    if isinstance(params.get("changes"), list):
        params["changes"] = changes_text(form, params["changes"], lang)
    if form is not None and "field" in params:
        params["field"] = field_label(form, params["field"], lang)
    for key, enum in _ENUM_PARAMS.items():
        if isinstance(params.get(key), list):
            params[key] = [_enum_label(enum, str(c), lang) for c in params[key]]
    values = _Keep({k: _fmt(v) for k, v in params.items()})
    try:
        return _fill(template, lang, values)
    except (ValueError, IndexError, KeyError):
        return template
