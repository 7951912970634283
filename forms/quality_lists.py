"""List rules: VR-20 (roster numbering, duplicates, same person elsewhere), VR-21 (a state
list posing as a focus group), VR-24 (absent key departments), VR-35 (non-civil-servants on a
seminar list), VR-32 (repeated events)."""
from __future__ import annotations

import functools
import re
import unicodedata

from forms.model import Finding, for_forms
from forms.names import block_keys
from forms.people import person_key, person_match
from forms.reference import get_enum, resolve_department
from forms.thresholds import th

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def norm_name(s) -> str:
    """Case-, ё/е-, punctuation- and space-insensitive form of a name or organization."""
    if not isinstance(s, str):
        return ""
    return _norm_text(s)


@functools.lru_cache(maxsize=16384)
def _norm_text(s: str) -> str:
    """norm_name of a text, kept for the recently seen ones: a record's title and organizer
    are normalised again for its group's history index (VR-32)."""
    s = unicodedata.normalize("NFKC", s).casefold().replace("ё", "е")
    return " ".join(_PUNCT.sub(" ", s).split())


def _rosters(q):
    for f in q.form.roster_fields:
        rows = q.data.get(f.id)
        if isinstance(rows, list):
            yield f, rows


def _with_column(cid: str):
    """for_forms: a form with a roster that has column `cid`."""
    return lambda form: any(c.id == cid for f in form.roster_fields for c in f.columns)


@for_forms(_with_column("no"))
def vr20_numbering(q) -> list[Finding]:
    out = []
    for f, rows in _rosters(q):
        if "no" not in [c.id for c in f.columns]:
            continue
        nos = [r.get("no") if isinstance(r, dict) else None for r in rows]
        if all(n is None for n in nos):
            continue
        for i, n in enumerate(nos):
            if n != i + 1:
                out.append(Finding("VR-20", "error", [f"{f.id}[{i}].no"], "roster_numbering",
                                   {"field": f.id, "row": i + 1, "expected": i + 1,
                                    "found": n if n is not None else "—"}))
                break
    return out


def _people(f, rows):
    """(index, raw name, organization) for rows that have a full_name."""
    org_col = next((c for c in ("organization", "department") if c in
                    [col.id for col in f.columns]), None)
    for i, row in enumerate(rows):
        if isinstance(row, dict) and norm_name(row.get("full_name")):
            yield i, row["full_name"], str(row.get(org_col) or "") if org_col else ""


@for_forms(_with_column("full_name"))
def vr20_duplicates(q) -> list[Finding]:
    """The same name and organization twice in one list: a warning that needs a look (namesakes
    are common), never a block."""
    out = []
    for f, rows in _rosters(q):
        if "full_name" not in [c.id for c in f.columns]:
            continue
        seen: dict[str, int] = {}
        for i, raw, org in _people(f, rows):
            key = person_key(raw, org)
            if key in seen:
                out.append(Finding("VR-20", "warning", [f"{f.id}[{i}].full_name"],
                                   "roster_duplicate_person",
                                   {"field": f.id, "row": i + 1, "first_row": seen[key] + 1,
                                    "name": raw}))
            else:
                seen[key] = i
    return out


def _other_lists(q) -> dict[str, list[tuple[str, str, dict]]]:
    """People on other lists (context['other_rosters']) by blocking key: (name, org, entry)."""
    others = q.context.get("other_rosters")
    if not isinstance(others, list):
        return {}
    index: dict[str, list[tuple[str, str, dict]]] = {}
    for entry in others:
        if not isinstance(entry, dict) or entry.get("record_id") == q.record.get("id"):
            continue
        people = [(n, "") for n in entry.get("names") or []]
        people += [(r.get("full_name"), str(r.get("organization") or r.get("department") or ""))
                   for r in entry.get("rows") or [] if isinstance(r, dict)]
        for name, org in people:
            if isinstance(name, str) and norm_name(name):
                for k in block_keys(name):
                    index.setdefault(k, []).append((name, org, entry))
    return index


def _best_match(index, raw: str, org: str):
    """('same' | 'namesake', entry) of the closest person on another list, or None."""
    found = None
    for k in block_keys(raw):
        for name, oorg, entry in index.get(k, ()):
            match = person_match(raw, org, name, oorg)
            if match == "same":
                return match, entry
            found = found or (match and (match, entry))
    return found


def vr20_elsewhere(q) -> list[Finding]:
    """The same person (name and organization agree) on another list: a warning; a namesake
    (only the name agrees) is info."""
    index = _other_lists(q)
    out: list[Finding] = []
    for f, rows in _rosters(q) if index else ():
        for i, raw, org in _people(f, rows):
            hit = _best_match(index, raw, org)
            if hit:
                match, entry = hit
                out.append(Finding(
                    "VR-20", "warning" if match == "same" else "info",
                    [f"{f.id}[{i}].full_name"],
                    "person_in_other_list" if match == "same" else "namesake_in_other_list",
                    {"row": i + 1, "name": raw,
                     "org_unit": str(entry.get("org_unit") or entry.get("region") or "?"),
                     "record": str(entry.get("record_id") or "?")}))
    return out


@for_forms(lambda form: form.has_field("departments_present"))
def vr24_key_departments(q) -> list[Finding]:
    present = q.data.get("departments_present")
    if not isinstance(present, list):
        return []
    keys = [i.code for i in get_enum("departments").items if i.extra.get("key_department")]
    absent = [c for c in keys if c not in present]
    if not absent:
        return []
    return [Finding("VR-24", "info", ["departments_present"], "key_departments_absent",
                    {"departments": absent, "count": len(absent)})]


@for_forms(lambda form: form.id == "seminar")
def vr35_not_civil_servant(q) -> list[Finding]:
    rows = q.data.get("attendees")
    if not isinstance(rows, list):
        return []
    markers = th("vr35", "ngo_markers", [])
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        text = " ".join(str(row.get(k) or "") for k in ("organization", "position"))
        words = set(re.findall(r"\w+", text))
        low = text.casefold()
        hit = next((m for m in markers if (m in words if m.isupper() else m.casefold() in low)),
                   None)
        if hit:
            out.append(Finding("VR-35", "warning", [f"attendees[{i}].organization"],
                               "attendee_not_civil_servant",
                               {"row": i + 1, "name": str(row.get("full_name") or ""),
                                "marker": hit}))
    return out


@for_forms(lambda form: form.id == "focus_group")
def vr21_state_list(q) -> list[Finding]:
    """A focus-group list whose organizations are mostly state departments is probably the
    seminar's attendance sheet (the SKO case: 24 of 24 rows from state bodies)."""
    rows = q.data.get("participants")
    if q.form.id != "focus_group" or not isinstance(rows, list):
        return []
    orgs = [r.get("organization") for r in rows if isinstance(r, dict)]
    orgs = [o for o in orgs if isinstance(o, str) and o.strip()]
    if len(orgs) < th("vr21", "min_rows_for_list_check", 5):
        return []
    state = sum(1 for o in orgs if resolve_department(o))
    share = state / len(orgs)
    if share < th("vr21", "department_share_max", 0.8):
        return []
    return [Finding("VR-21", "warning", ["participants"], "focus_group_looks_like_seminar",
                    {"share": round(share * 100), "rows": len(orgs)})]


@for_forms(lambda form: form.id == "event")
def vr32_repeated_event(q) -> list[Finding]:
    """The same title, date and organizer as an event in the history (the oldest one is
    named); the history's keys are normalised once per form and org unit, not per record."""
    key = _event_key(q.data)
    if key is None:
        return []
    r = q.hist.first("event_key", _record_event_key, key)
    if r is None:
        return []
    return [Finding("VR-32", "warning", ["title", "date_start"], "event_repeated",
                    {"record": str(r.get("id") or "?"), "period": str(r.get("period") or ""),
                     "title": q.data.get("title")})]


def _record_event_key(record: dict):
    return _event_key(record["data"])


def _event_key(data: dict):
    title, date = norm_name(data.get("title")), data.get("date_start")
    if not title or not isinstance(date, str):
        return None
    org = norm_name(data.get("organizer_name")) or str(data.get("organizer_type") or "")
    return title, date, org


CHECKS = [vr20_numbering, vr20_duplicates, vr20_elsewhere, vr21_state_list,
          vr24_key_departments, vr35_not_civil_servant, vr32_repeated_event]
