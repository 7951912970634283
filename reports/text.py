"""Text hygiene on the way in (DOMAIN VR-31).

`clean_text` NFC-normalises, collapses whitespace and NBSPs, rejoins hyphenation splits,
writes Latin twins typed inside a Cyrillic word («Серiкқызы», «Дəурен») in Cyrillic and
reports what it could not fix (unbalanced «», mixed Latin/Cyrillic tokens, initials without a
dot). Person and organization matching across scripts is `forms.names` / `forms.orgnames`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from forms.names import translit
from forms.quality_text import clean_text as normalize_text
from forms.quality_text import initials_problem, text_problems

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2000-\u200b\ufeff]+")
_FIXED_BY_CLEANING = ("text_whitespace", "text_hyphenation", "text_not_nfc")
_NON_WORD = re.compile(r"[^\w\s]+")

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


# Latin letters typed for their Cyrillic (Kazakh) twins: «Серiкқызы», «Дəурен», «Kим».
_TWINS = str.maketrans("aceopxyihkmABCEHIKMOPTXYƏə", "асеорхуіһкмАВСЕНІКМОРТХУӘә")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_TWIN = re.compile("[aceopxyihkmABCEHIKMOPTXYƏə]")
_OTHER_LATIN = re.compile(r"[A-Za-z\u0100-\u02af]")


def cyrillic_twins(text: str) -> str:
    """Each word of Cyrillic letters with Latin twins among them, written in Cyrillic only;
    a word with a Latin letter that has no twin (a real mix) is left for VR-31 to report."""
    def word(m: re.Match) -> str:
        w = m.group(0)
        if not _CYRILLIC.search(w) or not _LATIN_TWIN.search(w) \
                or _OTHER_LATIN.search(_LATIN_TWIN.sub("", w)):
            return w
        return w.translate(_TWINS)
    return _WORD.sub(word, text) if _OTHER_LATIN.search(text) else text


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@functools.lru_cache(maxsize=8192)
def _clean_str(text: str) -> tuple[str, tuple[TextIssue, ...]]:
    text = cyrillic_twins(normalize_text(_SPACES.sub(" ", text)))
    issues = tuple(TextIssue(code, params.get("token", text))
                   for code, params in text_problems(text) if code not in _FIXED_BY_CLEANING)
    return text, issues


def name_issues(text: str) -> list[TextIssue]:
    """Initials format in a person's name: 'Саги А.' is right, 'Саги А' or 'А.Б' is not."""
    bad = initials_problem(text)
    return [TextIssue("text_initials", bad)] if bad else []


_PLAIN = str.maketrans("әіңғүұқөһ", "аингуукох")


def plain_kazakh(folded: str) -> str:
    """A folded text with its Kazakh letters as the Russian look-alikes a keyboard without
    them gives («Студенттік ұйымдар» -> «студенттик уйымдар»), for lookups that must match
    both ways of typing."""
    return cyrillic_twins(folded).translate(_PLAIN)


def fold(text) -> str:
    """Case-, space- and punctuation-insensitive form for header and label matching."""
    text = unicodedata.normalize("NFC", str(text or "")).lower().replace("ё", "е")
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def latin_spelling(folded: str) -> str | None:
    """A folded header or name in the one Latin spelling (forms.names.translit) both a
    Cyrillic name and Kazakh typed in the Latin alphabet fold to: «іс шара атауы» and
    «Is-shara atauy» -> "is sara ataui", «қоңырау күні» and «Qońyraý kúni» -> "konirau
    kuni". What the header matchers (attendance lists, surveys, a district's lists) compare
    a header without Cyrillic letters by; None for a text in Cyrillic (read as written)."""
    return None if _CYRILLIC.search(folded) else translit(folded)


def latin_of_name(folded: str) -> str | None:
    """A Cyrillic name's Latin spelling (`latin_spelling`'s), None for a Latin name."""
    return translit(folded) if _CYRILLIC.search(folded) else None
