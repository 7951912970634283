"""Names across scripts (DOMAIN VR-20): Cyrillic with Russian and Kazakh letters ↔ Latin,
folded across transliteration schemes; spellings compared with rapidfuzz, initials against full
names. Whether two roster rows are one person is `forms.people`.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^\w\s]+")

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_TRANS = str.maketrans(_CYR)
# Kazakh Latin letters that are no plain letter with a mark: «ı» (і, ы, и), «ý» (у).
_KAZAKH_LATIN = str.maketrans({"ı": "i", "ý": "u"})
# Latin spellings that differ between transliteration schemes, folded to one form.
_LATIN_FOLD = [("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("kh", "h"), ("ts", "c"),
               ("q", "k"), ("w", "v"), ("x", "h"), ("y", "i"), ("ph", "f")]
_DOUBLE = re.compile(r"(\w)\1+")


@functools.lru_cache(maxsize=65536)
def translit(text: str) -> str:
    """Cyrillic (Russian and Kazakh letters) -> Latin, folded across common spellings."""
    text = unicodedata.normalize("NFC", text).lower().translate(_TRANS).translate(_KAZAKH_LATIN)
    if not text.isascii():                       # accented Latin letters: drop the marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for old, new in _LATIN_FOLD:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


def name_tokens(name: str) -> list[str]:
    return [t for t in translit(_NON_WORD.sub(" ", name)).split() if t]


def same_person(a: str, b: str, threshold: int = 85) -> bool:
    """True if two names denote the same person (scripts, spelling, initials vs full name).

    Word tokens are paired one to one (rapidfuzz ratio >= threshold each, at least two
    pairs, extra words such as a patronymic allowed); initials must match the first letters
    of the remaining words."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    def words(tokens):
        return sum(1 for t in tokens if len(t) > 1)

    if (words(ta), len(ta)) > (words(tb), len(tb)):
        ta, tb = tb, ta
    return _tokens_match(ta, tb, threshold)


def _tokens_match(short: list[str], full: list[str], threshold: int) -> bool:
    words = [t for t in short if len(t) > 1]
    initials = [t for t in short if len(t) == 1]
    if len(words) + len(initials) < 2 or not words:
        return False
    rest = [t for t in full]
    for w in sorted(words, key=len, reverse=True):
        cands = [t for t in rest if len(t) > 1]
        if not cands:
            return False
        best = max(cands, key=lambda t: fuzz.ratio(w, t))
        if fuzz.ratio(w, best) < threshold:
            return False
        rest.remove(best)
    for ini in initials:
        hit = next((t for t in rest if t.startswith(ini)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def block_keys(name: str) -> set[str]:
    """Blocking keys for fuzzy matching: first three letters of every word token."""
    return {t[:3] for t in name_tokens(name) if len(t) > 1}
