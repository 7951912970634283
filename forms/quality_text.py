"""Text rules: VR-09 / VR-10 / VR-11 keyword screens and VR-31 text hygiene.

`clean_text()` is the on-save normalisation (NFC, NBSP and whitespace collapse) that the store
or the GUI may apply; VR-31 warns about text that it would change and about what it cannot fix
(unbalanced «», mixed Latin/Cyrillic tokens, initials without a dot, hyphenation splits).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from forms.model import Finding, for_forms, form_plan
from forms.thresholds import th, thresholds

_WS = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\u00a0\u2007\u202f]")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_LAT = re.compile(r"[A-Za-z]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_BAD_INITIAL = re.compile(r"(?:^|\s)([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])(?=\s|$|,)")
_INITIALS_GLUED = re.compile(r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])(?!\.)\b")
_HYPHEN_REJOIN = re.compile(r"(\w)-\s*/\s*(\w)")
_HYPHEN_SPLIT = re.compile(r"\w-\s*/\s*\w|\u00ad")


_NBSPS = re.compile(r"[\u00a0\u2007\u202f]")
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def clean_text(s: str) -> str:
    """NFC-normalise, rejoin hyphenation splits ("Алма-/ты"), turn NBSPs into spaces,
    collapse runs of spaces, strip the ends."""
    s = unicodedata.normalize("NFC", s)
    if "/" in s or "\u00ad" in s:
        s = _HYPHEN_REJOIN.sub(r"\1\2", s).replace("\u00ad", "")
    s = _NBSPS.sub(" ", s)
    if "\n" not in s:  # the usual case: one line
        return _SPACE_RUN.sub(" ", s).strip()
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in s.split("\n")]
    return "\n".join(lines).strip()


def _event_text(q) -> str:
    parts = [q.data.get(k) for k in ("title", "description")]
    return " ".join(p for p in parts if isinstance(p, str)).casefold()


def _hit(text: str, keywords, exceptions=()) -> str | None:
    for exc in _folded(tuple(exceptions)):
        text = text.replace(exc[1], " ")
    for kw, folded in _folded(tuple(keywords)):
        if folded in text:
            return kw
    return None


def _event_hit(q, rule: str, exceptions: bool = True) -> str | None:
    """`_hit` of the event's text (`_event_text`) with `rule`'s keywords (and exceptions)."""
    return _screen(rule, exceptions)(_event_text(q))


_SCREENS: dict[tuple[str, bool], tuple[dict, Callable[[str], str | None]]] = {}


def _screen(rule: str, exceptions: bool) -> Callable[[str], str | None]:
    """`text -> _hit(text, rule's keywords, its exceptions)` for the current thresholds table
    (a new table, forms.registry.reload_forms, makes a new one): one regular expression tells
    that no keyword (and no exception) occurs, the usual answer, instead of a search per
    word; otherwise `_hit` itself decides."""
    table = thresholds()
    entry = _SCREENS.get((rule, exceptions))
    if entry is None or entry[0] is not table:
        words = th(rule, "keywords", [])
        excepted = th(rule, "exceptions", []) if exceptions else ()
        any_word, any_exception = _any_of(words), _any_of(excepted)

        def screen(text: str) -> str | None:
            if (excepted and any_exception.search(text)) or any_word.search(text):
                return _hit(text, words, excepted)
            return None
        entry = _SCREENS[(rule, exceptions)] = (table, screen)
    return entry[1]


def _any_of(words) -> re.Pattern:
    """Matches where any of `words` (casefolded, as `_hit` compares them) occurs."""
    return re.compile("|".join(re.escape(folded) for _w, folded in _folded(tuple(words))))


@functools.lru_cache(maxsize=64)
def _folded(words: tuple) -> tuple[tuple[str, str], ...]:
    """(word, its casefold) for a threshold's word list: folded once, not per record."""
    return tuple((w, w.casefold()) for w in words)


@for_forms(lambda form: form.has_field("is_volunteering") and form.has_field("title"))
def vr09_keywords(q) -> list[Finding]:
    kw = _event_hit(q, "vr09")
    if not kw or q.data.get("is_volunteering") in ("NO", "DOUBTFUL"):
        return []
    return [Finding("VR-09", "warning", ["is_volunteering", "title", "description"],
                    "maybe_not_volunteering", {"keyword": kw})]


@for_forms(lambda form: form.has_field("non_volunteer_events_flagged"))
def vr09_typical_events(q) -> list[Finding]:
    """Monthly report: entertainment among the "typical events" but none flagged «*»."""
    text = q.data.get("typical_events_text")
    if not isinstance(text, str):
        return []
    kw = _screen("vr09", True)(text.casefold())
    flagged = q.data.get("non_volunteer_events_flagged")
    if not kw or (isinstance(flagged, int) and flagged > 0):
        return []
    return [Finding("VR-09", "warning", ["typical_events_text", "non_volunteer_events_flagged"],
                    "typical_events_not_volunteering", {"keyword": kw})]


def vr10_public_spaces(q) -> list[Finding]:
    if q.data.get("primary_direction") != "ECO":
        return []
    kw = _event_hit(q, "vr10", exceptions=False)
    if not kw:
        return []
    return [Finding("VR-10", "warning", ["primary_direction"], "suggest_public_spaces",
                    {"keyword": kw, "suggested": "PUBLIC"})]


def vr11_charity(q) -> list[Finding]:
    if q.data.get("organizer_type") != "STATE_BODY":
        return []
    kw = _event_hit(q, "vr11", exceptions=False)
    if not kw:
        return []
    return [Finding("VR-11", "warning", ["organizer_type", "title", "description"],
                    "charity_not_volunteering", {"keyword": kw})]


# --- VR-31 text hygiene ---------------------------------------------------------------------

def text_problems(s: str, *, is_name: bool = False) -> list[tuple[str, dict]]:
    """(message_code, params) for each hygiene problem in `s`."""
    return [(code, dict(params)) for code, params in _problems(s, is_name)]


@functools.lru_cache(maxsize=8192)
def _problems(s: str, is_name: bool) -> tuple[tuple[str, dict], ...]:
    """`text_problems`, made once per text (a region's records repeat their texts: the same
    titles, places and outcomes); callers copy the params."""
    out: list[tuple[str, dict]] = []
    if not unicodedata.is_normalized("NFC", s):
        out.append(("text_not_nfc", {}))
    if _WS.search(s) or s != s.strip():
        out.append(("text_whitespace", {}))
    if not _quotes_balanced(s):
        out.append(("text_unbalanced_quotes", {}))
    mixed = _mixed_token(s)
    if mixed:
        out.append(("text_mixed_script", {"token": mixed}))
    if _HYPHEN_SPLIT.search(s):
        out.append(("text_hyphenation", {}))
    bad = initials_problem(s) if is_name else None
    if bad:
        out.append(("text_initials", {"token": bad}))
    return tuple(out)


def _mixed_token(s: str) -> str | None:
    """The first word mixing Latin and Cyrillic letters (a homoglyph), if any."""
    if not (_LAT.search(s) and _CYR.search(s)):  # most texts use one script
        return None
    return next((t for t in _TOKEN.findall(s) if _LAT.search(t) and _CYR.search(t)), None)


def initials_problem(s: str) -> str | None:
    """An initial without its dot ('Саги А') or two glued ones ('А.Б'), as written."""
    m = _BAD_INITIAL.search(s) or _INITIALS_GLUED.search(s)
    return m.group(1) if m else None


def _quotes_balanced(s: str) -> bool:
    if "«" not in s and "»" not in s:  # most texts quote nothing
        return True
    depth = 0
    for ch in s:
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _text_values(q):
    """(path, value, is_name) for every text field and text roster cell."""
    get = q.data.get
    for fid, is_name, cols in _text_plan(q.form):
        v = get(fid)
        if cols is None:
            if isinstance(v, str):
                yield fid, v, is_name
        elif isinstance(v, list):
            for i, row in enumerate(v):
                if not isinstance(row, dict):
                    continue
                for cid, col_is_name in cols:
                    if isinstance(row.get(cid), str):
                        yield f"{fid}[{i}].{cid}", row[cid], col_is_name


@form_plan
def _text_plan(form) -> tuple:
    """(id, is a name, None) of each text field and (id, is a name, its text columns as
    (id, is a name)) of each roster, in form order."""
    return tuple((f.id, f.id.endswith("name"), None) if f.type == "text" else
                 (f.id, False, tuple((c.id, c.id.endswith("name")) for c in f.columns
                                     if c.type == "text"))
                 for f in form.text_fields if f.type in ("text", "roster"))


def vr31_hygiene(q) -> list[Finding]:
    found = [(path, problems) for path, value, is_name in _text_values(q)
             if (problems := _problems(value, is_name))]
    if not found:  # the common case: clean texts
        return []
    out = []
    per_code: dict[str, int] = {}
    limit = th("vr31", "max_findings_per_problem", 30)
    for path, problems in found:
        for code, params in problems:  # params copied below
            per_code[code] = per_code.get(code, 0) + 1
            if per_code[code] > limit:
                continue
            out.append(Finding("VR-31", "warning", [path], code, {"field": path, **params}))
    return out


CHECKS = [vr09_keywords, vr09_typical_events, vr10_public_spaces, vr11_charity, vr31_hygiene]
