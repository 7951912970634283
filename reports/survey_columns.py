"""A survey export's columns matched to the form's questions (reports.survey_import): by
their text in Russian, Kazakh (Latin letters too) or English, a close spelling passing
rapidfuzz's MATCH_MIN, a question exported a column per option read as one."""
from __future__ import annotations

import itertools
import re
from collections import Counter

from rapidfuzz import fuzz

from reports.list_names import EXTRA_NAMES
from reports.survey_identity import SUBMITTED_AT
from reports.survey_options import option_columns
from reports.text import fold, latin_of_name, latin_spelling

MATCH_MIN = 85                                   # rapidfuzz ratio for a close header
# The date column: a submission time (Microsoft Forms: when it was completed), a clerk's date
TIMESTAMP = [*SUBMITTED_AT, "дата и время", "уақыты", "дата", "күні", "date"]
_NUMBERING = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")
# Google Forms writes a grid question's rows as «Question [Row]»: the row is the statement.
_GRID_ROW = re.compile(r"\[([^\[\]]+)\]\s*$")
# «… (по одной в строке)», «… (можно выбрать несколько)»: a note a header or a label may lack
NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def column_key(text) -> str:
    """A header or a label as compared: its numbering, footnote mark and case left out."""
    return fold(_NUMBERING.sub("", str(text or "")).rstrip("* "))


def column_names(form) -> dict[str, list[str]]:
    """Field id -> folded names its column may carry."""
    extra = EXTRA_NAMES.get(form.id, {})
    fields = [f for f in form.fields if f.type != "roster"]
    out = {f.id: [column_key(v) for v in [*f.label.values(), *extra.get(f.id, [])]]
           for f in fields}
    short = {f.id: {column_key(NOTE.sub("", v)) for v in f.label.values() if NOTE.search(v)}
             for f in fields}
    taken = Counter(k for keys in [*out.values(), *short.values()] for k in set(keys))
    for fid, keys in short.items():          # a question's text without its note, if no other's
        out[fid] += [k for k in keys if taken[k] == 1]
    if form.date_field:
        out[form.date_field] += [column_key(t) for t in TIMESTAMP]
    return out


def match_columns(headers: list[str], form) -> dict[int, str]:
    """0-based column -> field id: the best-scoring pairs first, each field and column once
    (a question exported a column per option has them all, not its joined cell)."""
    names = column_names(form)
    latins = {fid: [t for k in keys if (t := latin_of_name(k))] for fid, keys in names.items()}
    options = option_columns(headers, form, names, column_key)
    scored = []
    for col, header in enumerate(headers):
        # as written, else without its note, as a grid's row or its KoBo group, one point less
        bare = NOTE.sub("", header.rstrip("* "))
        texts = [(h, cut) for h, cut in ((column_key(header), 0), (column_key(bare), 1),
                                         (column_key(bare.rsplit("/", 1)[-1]), 1),
                                         *((column_key(g), 1)
                                           for g in _GRID_ROW.findall(header)))
                 if h and col not in options]
        # Kazakh typed in the Latin alphabet («Is-shara atauy»): as its Cyrillic names, less
        latin = [(t, cut + 1) for h, cut in texts if (t := latin_spelling(h))]
        for fid, keys in names.items():
            score = max(itertools.chain((_similar(h, k) - cut for h, cut in texts for k in keys),
                                        (_similar(h, k) - cut for h, cut in latin
                                         for k in latins[fid])), default=0)
            if score >= MATCH_MIN:
                scored.append((-score, col, fid))
    out: dict[int, str] = {}
    for _neg, col, fid in sorted(scored):
        if col not in out and fid not in out.values():
            out[col] = fid
    split = {c: fid for c, (fid, _code) in options.items()}
    return {c: f for c, f in out.items() if f not in split.values()} | split


def _similar(a: str, b: str) -> float:
    return 100 if a == b else fuzz.ratio(a, b)
