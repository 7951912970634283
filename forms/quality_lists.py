"""List rules: VR-20 (roster numbering, duplicates, same person elsewhere), VR-21 (a state
list posing as a focus group), VR-24 (absent key departments), VR-35 (non-civil-servants on a
seminar list), VR-32 (repeated events)."""
from __future__ import annotations

import re
import unicodedata

from forms.model import Finding
from forms.thresholds import th

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def norm_name(s) -> str:
    """Case-, ё/е-, punctuation- and space-insensitive form of a name or organization."""
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFKC", s).casefold().replace("ё", "е")
    return " ".join(_PUNCT.sub(" ", s).split())


def _rosters(q):
    for f in q.form.fields:
        rows = q.data.get(f.id)
        if f.type == "roster" and isinstance(rows, list):
            yield f, rows


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


def _person_keys(f, rows):
    """(index, name key, org key, raw name) for rows that have a full_name."""
    org_col = next((c for c in ("organization", "department") if c in
                    [col.id for col in f.columns]), None)
    for i, row in enumerate(rows):
        if isinstance(row, dict) and norm_name(row.get("full_name")):
            yield i, norm_name(row["full_name"]), norm_name(row.get(org_col)), row["full_name"]


def vr20_duplicates(q) -> list[Finding]:
    """The same name and organization twice in one list: a warning that needs a look (a
    justification), never a blocking error — namesakes are common."""
    out = []
    for f, rows in _rosters(q):
        if "full_name" not in [c.id for c in f.columns]:
            continue
        seen: dict[tuple[str, str], int] = {}
        for i, name, org, raw in _person_keys(f, rows):
            if (name, org) in seen:
                out.append(Finding("VR-20", "warning", [f"{f.id}[{i}].full_name"],
                                   "roster_duplicate_person",
                                   {"field": f.id, "row": i + 1, "first_row": seen[(name, org)] + 1,
                                    "name": raw}))
            else:
                seen[(name, org)] = i
    return out


def _other_lists(q):
    """Normalized names of people on other lists: context['other_rosters']."""
    others = q.context.get("other_rosters")
    if not isinstance(others, list):
        return {}
    index: dict[str, dict] = {}
    for entry in others:
        if not isinstance(entry, dict) or entry.get("record_id") == q.record.get("id"):
            continue
        names = list(entry.get("names") or [])
        names += [r.get("full_name") for r in entry.get("rows") or [] if isinstance(r, dict)]
        for n in names:
            if norm_name(n):
                index.setdefault(norm_name(n), entry)
    return index


def vr20_elsewhere(q) -> list[Finding]:
    index = _other_lists(q)
    if not index:
        return []
    out = []
    for f, rows in _rosters(q):
        for i, name, _org, raw in _person_keys(f, rows):
            hit = index.get(name)
            if hit is not None:
                out.append(Finding("VR-20", "warning", [f"{f.id}[{i}].full_name"],
                                   "person_in_other_list",
                                   {"row": i + 1, "name": raw,
                                    "org_unit": str(hit.get("org_unit") or hit.get("region") or "?"),
                                    "record": str(hit.get("record_id") or "?")}))
    return out


def vr24_key_departments(q) -> list[Finding]:
    from forms.reference import get_enum
    present = q.data.get("departments_present")
    if not q.form.has_field("departments_present") or not isinstance(present, list):
        return []
    keys = [i.code for i in get_enum("departments").items if i.extra.get("key_department")]
    absent = [c for c in keys if c not in present]
    if not absent:
        return []
    return [Finding("VR-24", "info", ["departments_present"], "key_departments_absent",
                    {"departments": absent, "count": len(absent)})]


def vr35_not_civil_servant(q) -> list[Finding]:
    rows = q.data.get("attendees")
    if q.form.id != "seminar" or not isinstance(rows, list):
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


def vr21_state_list(q) -> list[Finding]:
    """A focus-group list whose organizations are mostly state departments is probably the
    seminar's attendance sheet (the SKO case: 24 of 24 rows from state bodies)."""
    from forms.reference import resolve_department
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


def vr32_repeated_event(q) -> list[Finding]:
    if q.form.id != "event":
        return []
    key = _event_key(q.data)
    if key is None:
        return []
    for r in q.history:
        if _event_key(r["data"]) == key:
            return [Finding("VR-32", "warning", ["title", "date_start"], "event_repeated",
                            {"record": str(r.get("id") or "?"), "period": str(r.get("period") or ""),
                             "title": q.data.get("title")})]
    return []


def _event_key(data: dict):
    title, date = norm_name(data.get("title")), data.get("date_start")
    if not title or not isinstance(date, str):
        return None
    org = norm_name(data.get("organizer_name")) or str(data.get("organizer_type") or "")
    return title, date, org


CHECKS = [vr20_numbering, vr20_duplicates, vr20_elsewhere, vr21_state_list,
          vr24_key_departments, vr35_not_civil_servant, vr32_repeated_event]
