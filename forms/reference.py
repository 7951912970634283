"""Reference enumerations: `resources/enums/<name>.toml`, loaded with stdlib tomllib, cached.

Each file has `name`, `title = {ru, kk, en}` and `[[item]]` tables with `code`, `ru`, `kk`,
`en`, optional `review` and any extra keys (kept in `EnumItem.extra`); optional top-level
`version` (1 when absent) and `requires_engine`. The centre may publish a newer version
(forms/published.py): the newest published one is then read instead of the file. No Qt here.
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from forms.paths import resources_dir
from forms.published import PublishedSet, active

LANGS = ("ru", "kk", "en")
_RESERVED = {"code", "review", *LANGS}


class UnknownEnumeration(KeyError):
    """Raised by get_enum() for a name with no file in resources/enums/."""

    def __init__(self, name: str):
        self.name = name
        known = ", ".join(enum_names()) or "none"
        super().__init__(f"unknown enumeration {name!r} (known: {known})")

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]


class EnumerationError(ValueError):
    """A reference file is malformed (names the file, item and key)."""


@dataclass(frozen=True)
class EnumItem:
    code: str
    labels: dict[str, str]
    review: bool = False
    extra: dict = field(default_factory=dict)

    def label(self, lang: str = "ru") -> str:
        return self.labels.get(lang) or self.labels.get("ru") or self.code

    def short_label(self, lang: str = "ru") -> str:
        """The `short` label for a cell or a heading where the item has one, else label()."""
        short = self.extra.get("short")
        if isinstance(short, dict) and (short.get(lang) or short.get("ru")):
            return short.get(lang) or short["ru"]
        return self.label(lang)

    def __hash__(self) -> int:  # labels/extra are dicts; equal items share a code
        return hash(self.code)


class Enumeration:
    """One enumeration; `meta` holds extra top-level keys of the file (e.g. `set`)."""

    def __init__(self, name: str, title: dict, items: list[EnumItem], meta: dict | None = None):
        self.name, self.title, self.meta = name, dict(title), dict(meta or {})
        self._items = tuple(items)
        self._by_code = {it.code: it for it in self._items}

    @property
    def items(self) -> list[EnumItem]:
        return list(self._items)  # a copy: the cached enumeration is shared

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self._items]

    def item(self, code: str) -> EnumItem:
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise KeyError(f"enumeration {self.name!r} has no code {code!r}") from None

    def label(self, code: str, lang: str = "ru") -> str:
        return self.item(code).label(lang)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Enumeration({self.name!r}, {len(self)} items)"


def enums_dir() -> Path:
    return resources_dir() / "enums"


def enum_names() -> list[str]:
    """Shipped and published enumerations (forms/published.py: the active set)."""
    return _enum_names(active())


@functools.lru_cache(maxsize=16)
def _enum_names(pset: PublishedSet) -> list[str]:
    return sorted({p.stem for p in enums_dir().glob("*.toml")} | pset.enum_names())


def get_enum(name: str | None) -> Enumeration:
    """The enumeration `name`: its newest published version, else the shipped file."""
    return _get_enum(name, active())


def enum_code_set(name: str | None) -> frozenset[str]:
    """The codes of enumeration `name` (empty when unknown), made once per enumeration and
    published set: every choice of every record asks."""
    return _code_set(name, active())


@functools.lru_cache(maxsize=1024)
def _code_set(name: str | None, pset: PublishedSet) -> frozenset[str]:
    try:
        return frozenset(_get_enum(name, pset).codes)
    except UnknownEnumeration:
        return frozenset()


@functools.lru_cache(maxsize=1024)
def _get_enum(name: str | None, pset: PublishedSet) -> Enumeration:
    if not isinstance(name, str) or not name or set(name) & {"/", "\\"}:
        raise UnknownEnumeration(str(name))
    entry = pset.enum(name)
    if entry is not None:
        return _build(name, entry.file_name, tomllib.loads(entry.text))
    path = enums_dir() / f"{name}.toml"
    if not path.is_file():
        raise UnknownEnumeration(name)
    with path.open("rb") as fh:
        try:
            doc = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise EnumerationError(f"{path.name}: invalid TOML: {exc}") from exc
    return _build(name, path.name, doc)


def enum_from_text(text: str, path: str, name: str | None = None) -> Enumeration:
    """Parse and check one enumeration given as TOML text (a published one); a problem raises
    DefinitionError naming the file and line."""
    from forms.loader import find_line
    from forms.model import DefinitionError

    fname = Path(path).name
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        from forms.published import toml_line
        raise DefinitionError(f"invalid TOML: {exc}", path=path, line=toml_line(exc)) from None
    found = doc.get("name")
    if not isinstance(found, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", found) or \
            (name is not None and found != name):
        want = f"{name!r}" if name else "snake_case text"
        raise DefinitionError(f"name must be {want}, got {found!r}", path=path,
                              line=find_line(text, "name") or 1)
    try:
        return _build(found, fname, doc)
    except EnumerationError as exc:
        pos = re.search(r"item (\d+)", str(exc))
        line = find_line(text, "[[item]]", nth=int(pos.group(1))) if pos else None
        raise DefinitionError(str(exc).removeprefix(f"{fname}: "), path=path,
                              line=line or 1) from None


def enum_version(enum: Enumeration) -> int:
    """An enumeration's version: its `version` key (1 when absent, as in shipped files)."""
    value = enum.meta.get("version", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def _build(name: str, fname: str, doc: dict) -> Enumeration:
    if doc.get("name", name) != name:
        raise EnumerationError(f"{fname}: name = {doc['name']!r} does not match file name")
    raw = doc.get("item")
    if not isinstance(raw, list) or not raw:
        raise EnumerationError(f"{fname}: no [[item]] entries")
    items, seen = [], set()
    for pos, entry in enumerate(raw, start=1):
        item = _build_item(fname, pos, entry)
        if item.code in seen:
            raise EnumerationError(f"{fname}: item {pos}: duplicate code {item.code!r}")
        seen.add(item.code)
        items.append(item)
    meta = {k: v for k, v in doc.items() if k not in ("name", "title", "item")}
    return Enumeration(name, dict(doc.get("title", {})), items, meta)


def _build_item(fname: str, pos: int, entry: dict) -> EnumItem:
    if not isinstance(entry, dict):
        raise EnumerationError(f"{fname}: item {pos}: expected a [[item]] table")
    code = entry.get("code")
    if not isinstance(code, str) or not code.strip():
        raise EnumerationError(f"{fname}: item {pos}: missing or empty 'code'")
    labels = {lang: entry[lang] for lang in LANGS if isinstance(entry.get(lang), str)}
    if not labels.get("ru", "").strip():
        raise EnumerationError(f"{fname}: item {pos} ({code}): missing Russian label 'ru'")
    extra = {k: v for k, v in entry.items() if k not in _RESERVED}
    return EnumItem(code, labels, bool(entry.get("review", False)), extra)


# --- free-text matching ------------------------------------------------------------------

_QUOTES = "\"'«»„“”‘’`´‹›"
_PUNCT = re.compile(r"[.,;:()\[\]!?/\\|]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"\([^()]*\)")
_LAT_DIGRAPHS = (("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("gh", "г"),
                 ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"))
_LAT_CYR = str.maketrans({
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "у", "x": "кс", "y": "ы", "z": "з", "ä": "ә",
    "ö": "ө", "ü": "ү", "ū": "ұ", "ı": "ы", "ğ": "ғ", "ş": "ш", "ç": "ч", "ñ": "ң",
    # the Kazakh Latin alphabet of 2018-2021: «Júıeli», «jáne», «Laýazymy», «ǵ», «ń»
    "á": "ә", "ó": "ө", "ú": "ү", "ý": "у", "ǵ": "ғ", "ń": "ң"})
# Kazakh-only letters folded onto the nearest Russian letter (before stemming).
_KK_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")
# Letters that spellings confuse (after stemming): ы/и/й, э/е, ю/у, я/а, ь, ъ, щ/ш.
_SOUND_FOLD = str.maketrans({"ы": "и", "й": "и", "э": "е", "ю": "у", "я": "а", "ь": None,
                             "ъ": None, "щ": "ш"})
# Russian case/adjective endings and common Kazakh case suffixes (after letter folding).
_ENDING_WORDS = (
    "ского скому ской ская скую ский ском ских ские ого его ому ему ой ей ая яя ую юю ий ый "
    "ые ие ых их ом ем ам ям ах ях ами ями ния нии нию ние а я о е у ю ы и ь й "
    "нын нин дын дин тын тин ында инде да де та те сы си")
_ENDINGS = tuple(sorted(_ENDING_WORDS.split(), key=len, reverse=True))
_FILLER = {"г", "гор", "город", "города", "городе", "в", "во", "по", "при", "the", "of", "city"}


def normalize_label(text: str) -> str:
    """Case-, space-, NBSP-, ё/е-, dash-, punctuation- and quote-insensitive form of a label."""
    s = unicodedata.normalize("NFKC", str(text)).casefold().replace("ё", "е")
    s = s.translate({ord(c): " " for c in _QUOTES})
    s = _DASHES.sub(" ", _PUNCT.sub(" ", s))
    return _SPACES.sub(" ", s).strip()


def _stem(token: str) -> str:
    for end in _ENDINGS:
        if token.endswith(end) and len(token) - len(end) >= 3:
            return token[: -len(end)]
    return token


def _tokens(text: str) -> tuple[str, ...]:
    """Loose tokens: Latin transliterated to Cyrillic, Kazakh letters folded, endings cut."""
    s = normalize_label(text)
    for lat, cyr in _LAT_DIGRAPHS:
        s = s.replace(lat, cyr)
    s = s.translate(_LAT_CYR).translate(_KK_FOLD)
    out = (_stem(t).translate(_SOUND_FOLD) for t in s.split() if t not in _FILLER)
    return tuple(t for t in out if t)


def label_tokens(text: str) -> tuple[str, ...]:
    """The loose tokens `resolve` compares names by (transliterated, Kazakh letters folded,
    endings cut): what other matchers of names written in ru / kk / en reuse."""
    return _tokens(text)


def item_names(item: EnumItem) -> list[str]:
    """Every name an item is known by: labels, variants, short labels, centre names."""
    names = list(item.labels.values()) + list(item.extra.get("variants", []))
    short = item.extra.get("short")
    if isinstance(short, dict):
        names += list(short.values())
    names += [item.extra[k] for k in ("centre", "centre_kk") if item.extra.get(k)]
    names = [n for n in names if isinstance(n, str) and n.strip()]
    bare = (_PARENS.sub(" ", n).strip() for n in names if "(" in n)
    return names + [b for b in bare if b]


def _name_index(enum_name: str) -> tuple[dict, dict]:
    return _name_index_in(enum_name, active())


@functools.lru_cache(maxsize=256)
def _name_index_in(enum_name: str, _pset: PublishedSet) -> tuple[dict, dict]:
    """(exact key -> code, token key -> code); keys shared by two codes map to None."""
    exact: dict[str, str | None] = {}
    loose: dict[tuple, str | None] = {}
    for item in get_enum(enum_name).items:
        for name in item_names(item) + [item.code]:
            _claim(exact, normalize_label(name), item.code)
            _claim(loose, _tokens(name), item.code)
    return exact, loose


def _claim(index: dict, key: str | tuple[str, ...], code: str) -> None:
    """index[key] = code, or None when another code has that key already (ambiguous)."""
    if key:
        index[key] = code if index.get(key, code) == code else None


def resolve(enum_name: str, text: str | None, *, contained: bool = True) -> str | None:
    """Code of the item whose label/variant matches `text`, or None (unknown or ambiguous).

    Tries, in order: the exact normalized text; loose tokens (transliteration, Kazakh
    letters, Russian/Kazakh endings); with `contained`, the longest name found as a run of
    words inside the text (e.g. "Управление образования Акмолинской области").
    """
    if text is None or not str(text).strip():
        return None
    if isinstance(text, str):  # the same names recur on every list: resolved once each
        return _resolve_text(enum_name, text, contained, active())
    return _resolve(enum_name, text, contained)


@functools.lru_cache(maxsize=8192)
def _resolve_text(enum_name: str, text: str, contained: bool,
                  _pset: PublishedSet) -> str | None:
    """Cached per published set: a published enumeration resolves anew."""
    return _resolve(enum_name, text, contained)


def _resolve(enum_name: str, text, contained: bool) -> str | None:
    exact, loose = _name_index(enum_name)
    key = normalize_label(text)
    if key in exact:
        return exact[key]
    toks = _tokens(text)
    if toks in loose:
        return loose[toks]
    if _BILINGUAL.search(str(text)):  # «Донорство / Донорлық»: a bilingual form's one option
        halves = {_resolve(enum_name, h, False) for h in _BILINGUAL.split(str(text))}
        if len(halves) == 1 and None not in halves:
            return halves.pop()
    return _longest_contained(loose, toks) if contained else None


_BILINGUAL = re.compile(r"\s+/\s+")


def _longest_contained(loose: dict, toks: tuple) -> str | None:
    best_len, found = 0, set[str]()
    for key, code in loose.items():
        n = len(key)
        if n < best_len or n > len(toks):
            continue
        if any(toks[i:i + n] == key for i in range(len(toks) - n + 1)):
            if n > best_len:
                best_len, found = n, set()
            found.add(code)
    return found.pop() if len(found) == 1 else None


def resolve_region(text: str | None) -> str | None:
    """Region code for a free-text region name ("Шымкенте" -> "SHY"), or None."""
    return resolve("regions", text)


def resolve_department(text: str | None) -> str | None:
    """Department code for a free-text name ("Департамент полиции" -> "DVD"), or None."""
    return resolve("departments", text)


def clear_cache() -> None:
    """Forget loaded files (tests, or after resources were replaced at run time)."""
    from forms import choice_words

    for fn in (_enum_names, _get_enum, _code_set, _name_index_in, _resolve_text):
        fn.cache_clear()
    choice_words.clear_cache()
