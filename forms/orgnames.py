"""Organization name keys for deduplication (DOMAIN VR-18, VR-31).

`org_key` maps every way an organization's name is written to one Latin key: NFC + casefold,
NBSPs and runs of spaces collapsed, quotes and punctuation dropped, Latin/Cyrillic homoglyphs
inside a mixed-script word folded to the word's main script, Cyrillic (Russian and Kazakh
letters) transliterated with `forms.names.translit` (the VR-20 person-matching
transliteration), and a leading or trailing legal form (ОО, ОФ, ЧУ, ҚБ, «қоры» …, from
`resources/enums/legal_forms.toml`, DOMAIN §2.19) removed. So «Жубанов жылуы»,
"Zhubanov Zhyluy" and "ОО «Жубанов Жылуы»" share a key, "Жас Отан" and "Жас Ұлан" do not.

`same_org` is the conservative fuzzy fallback (rapidfuzz) for keys that differ by a typo:
same number of words, the same numbers, the whole key very alike, every differing word long
and fairly alike.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

from forms.names import translit
from forms.reference import get_enum

_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)      # quotes, punctuation, NBSP, spaces
_LETTERS = re.compile(r"[^\W\d_]+")                # translit folds doubles: not in "11"
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters that look alike in the two scripts (before casefolding: "H" is "Н", "h" is "һ").
_LAT_HOMO, _CYR_HOMO = "ABCEHIKMOPTXYacehiopxy", "АВСЕНІКМОРТХУасеһіорху"
_TO_CYR = str.maketrans(_LAT_HOMO, _CYR_HOMO)
_TO_LAT = str.maketrans(_CYR_HOMO, _LAT_HOMO)
_EXTRA_LATIN = str.maketrans({"ı": "i"})              # Kazakh Latin (2021) dotless i
_LEGAL_FORM_KEYS = ("abbr", "abbr_kk", "variants")
_LEGAL_FORM_LABELS = ("ru", "kk")
_WORD_MIN, _WORD_LEN = 80, 5      # same_org: a differing word: least ratio, least length


def _fold_homoglyphs(word: str) -> str:
    """A word mixing scripts ("Аudi", Latin "OO" among Cyrillic) is written in its main one."""
    lat, cyr = len(_LATIN.findall(word)), len(_CYRILLIC.findall(word))
    if not lat or not cyr:
        return word
    return word.translate(_TO_LAT if lat >= cyr else _TO_CYR)


def _words(text: str) -> list[str]:
    """Casefolded words, homoglyphs folded, transliterated to the one Latin form."""
    s = _SEPARATORS.sub(" ", unicodedata.normalize("NFC", str(text)))
    words = (_fold_homoglyphs(w).casefold().translate(_EXTRA_LATIN) for w in s.split())
    words = (_LETTERS.sub(lambda m: translit(m.group()), w) for w in words)
    return [w for w in words if w]


@functools.cache
def legal_forms() -> tuple[tuple[str, ...], ...]:
    """Word sequences of every legal-form abbreviation, variant and label, longest first."""
    names: set[str] = set()
    for item in get_enum("legal_forms").items:
        for key in _LEGAL_FORM_KEYS:
            value = item.extra.get(key)
            names.update([value] if isinstance(value, str) else value or [])
        names.update(item.labels[k] for k in _LEGAL_FORM_LABELS if item.labels.get(k))
    seqs = {tuple(_words(n)) for n in names}
    return tuple(sorted((s for s in seqs if s), key=len, reverse=True))


def _strip_legal_form(words: list[str]) -> list[str]:
    """Drop one legal form at the start and one at the end, never the whole name."""
    for form in legal_forms():
        n = len(form)
        if len(words) > n and tuple(words[:n]) == form:
            words = words[n:]
            break
    for form in legal_forms():
        n = len(form)
        if len(words) > n and tuple(words[-n:]) == form:
            words = words[:-n]
            break
    return words


@functools.lru_cache(maxsize=16384)
def org_key(name: str) -> str:
    """Normalization key of an organization name ('' for a blank name)."""
    if not isinstance(name, str) or not name.strip():
        return ""
    return " ".join(_strip_legal_form(_words(name)))


def same_org(a: str, b: str, threshold: int = 92) -> bool:
    """Two keys that differ only by a typo: same word count and numbers, the whole keys alike
    (rapidfuzz ratio >= threshold), each differing word fairly alike and 5+ letters long (in
    short words a typo cannot be told from another word: «Жастар үні» / «Жастар үйі»)."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not threshold or len(wa) != len(wb) or min(len(a), len(b)) < 8:
        return False
    if fuzz.ratio(a, b) < threshold:
        return False
    for x, y in zip(wa, wb):
        if x != y and (any(c.isdigit() for c in x + y) or min(len(x), len(y)) < _WORD_LEN
                       or fuzz.ratio(x, y) < _WORD_MIN):
            return False
    return True
