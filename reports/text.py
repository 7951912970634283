"""Text hygiene on the way in (DOMAIN VR-31) and person matching across rosters (VR-20).

`clean_text` NFC-normalises, collapses whitespace and NBSPs, rejoins hyphenation splits and
reports what it could not fix (unbalanced «», mixed Latin/Cyrillic tokens, initials without a
dot). `person_key` / `same_person` compare names across scripts (Cyrillic ↔ Latin) and
initials vs full names, using rapidfuzz for the fuzzy part.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from forms.quality_text import clean_text as normalize_text
from forms.quality_text import initials_problem, text_problems

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2000-\u200b\ufeff]+")
_FIXED_BY_CLEANING = ("text_whitespace", "text_hyphenation", "text_not_nfc")
_NON_WORD = re.compile(r"[^\w\s]+")

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_TRANS = str.maketrans(_CYR)
# Latin spellings that differ between transliteration schemes, folded to one form.
_LATIN_FOLD = [("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("kh", "h"), ("ts", "c"),
               ("q", "k"), ("w", "v"), ("x", "h"), ("y", "i"), ("ph", "f")]
_DOUBLE = re.compile(r"(\w)\1+")


@dataclass(frozen=True)
class TextIssue:
    code: str          # a VR-31 message code of forms.quality_text (text_mixed_script, ...)
    detail: str


def clean_text(value) -> tuple[str, tuple[TextIssue, ...]]:
    """Return the cleaned text and the problems that need a person's eye (VR-31).

    The normalisation and the checks are the forms engine's (one implementation of VR-31);
    what cleaning fixes by itself (spaces, NBSPs, hyphenation splits) is not reported."""
    if value is None:
        return "", ()
    return _clean_str(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=8192)
def _clean_str(text: str) -> tuple[str, tuple[TextIssue, ...]]:
    text = normalize_text(_SPACES.sub(" ", text))
    issues = tuple(TextIssue(code, params.get("token", text))
                   for code, params in text_problems(text) if code not in _FIXED_BY_CLEANING)
    return text, issues


def name_issues(text: str) -> list[TextIssue]:
    """Initials format in a person's name: 'Саги А.' is right, 'Саги А' or 'А.Б' is not."""
    bad = initials_problem(text)
    return [TextIssue("text_initials", bad)] if bad else []


def fold(text) -> str:
    """Case-, space- and punctuation-insensitive form for header and label matching."""
    text = unicodedata.normalize("NFC", str(text or "")).lower().replace("ё", "е")
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)
def translit(text: str) -> str:
    """Cyrillic (Russian and Kazakh letters) -> Latin, folded across common spellings."""
    text = unicodedata.normalize("NFC", text).lower().translate(_TRANS)
    if not text.isascii():                       # accented Latin letters: drop the marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for old, new in _LATIN_FOLD:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


def name_tokens(name: str) -> list[str]:
    return [t for t in translit(_NON_WORD.sub(" ", name)).split() if t]


def person_key(name: str, organization: str = "") -> str:
    """Exact key for duplicates inside one list: same name (any script) + same organization."""
    toks = " ".join(sorted(name_tokens(name)))
    org = " ".join(name_tokens(organization)) if organization else ""
    return f"{toks}|{org}"


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
