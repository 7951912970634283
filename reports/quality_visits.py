"""Scope-level checks of events, lists and visits: VR-19, VR-20, VR-21, VR-22, VR-24."""
from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from forms.names import block_keys
from forms.people import person_key, person_match
from reports._ref import resolve_department
from reports.aggregate import region_of
from reports.headers import ROSTERS
from reports.quality_review import finding

VISIT_FORMS = ("seminar", "focus_group", "leadership_meeting")


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def event_findings(events: list[dict], t, units=None) -> list[dict]:
    """VR-19: most of a unit-month's event rows were entered in the month's last 2 days
    (or later): the data was collected in one go, not as the events happened."""
    groups = defaultdict(list)
    for e in events:
        if e.get("created_at"):
            groups[(e["org_unit"], e["period"])].append(e)
    out = []
    for (_, period), recs in groups.items():
        if len(recs) < t.bulk_min_rows:
            continue
        y, m = int(period[:4]), int(period[5:])
        cutoff = dt.date(y, m, calendar.monthrange(y, m)[1]) - dt.timedelta(days=1)
        share = _late_share(recs, cutoff, t.bulk_share)
        if share is not None:
            rec = max(recs, key=lambda r: r["created_at"])
            out.append(finding(rec, "VR-19", "info", "review_bulk_entry", [],
                               {"share": round(100 * share), "period": period,
                                "rows": len(recs)}, units))
    return out


def _late_share(recs: list[dict], cutoff: dt.date, least: float) -> float | None:
    """The share of `recs` created on `cutoff` or later (an unreadable date counts late), or
    None when it is below `least` (known once too many were created earlier: most months)."""
    n, early = len(recs), 0
    for r in recs:
        if (_date(r["created_at"]) or cutoff) < cutoff:
            early += 1
            if (n - early) / n < least:
                return None
    return (n - early) / n if (n - early) / n >= least else None


def _rows(rec) -> list[dict]:
    field = ROSTERS.get(rec["form"], (None,))[0]
    rows = (rec.get("data") or {}).get(field) if field else None
    return [r for r in rows or [] if isinstance(r, dict)]


def roster_findings(records: list[dict], t, units=None) -> list[dict]:
    lists = [(r, _rows(r)) for r in records if r["form"] in ROSTERS]  # each list's rows once
    seminars = defaultdict(list)  # region -> its seminars, found once for every focus group
    for r in records:
        if r["form"] == "seminar":
            seminars[region_of(r["org_unit"], units)].append(r)
    out = []
    for rec, rows in lists:
        out += _inside_list(rec, rows, units)
        if rec["form"] == "focus_group":
            out += _focus_group(rec, rows, seminars, t, units)
    out += _across_lists(lists, units)
    return out


def _inside_list(rec, rows: list[dict], units) -> list[dict]:
    seen: dict[str, object] = {}
    out = []
    for i, row in enumerate(rows, start=1):
        no = row.get("no") or i
        if not row.get("full_name"):
            continue
        key = person_key(row["full_name"], row.get("organization", ""))
        if key in seen:          # namesakes are common: a look, never a block
            out.append(finding(rec, "VR-20", "warning", "review_duplicate_person",
                               [f"{ROSTERS[rec['form']][0]}[{no}].full_name"],
                               {"row": no, "first": seen[key]}, units))
        seen.setdefault(key, no)
    return out


def _across_lists(lists: list[tuple[dict, list]], units) -> list[dict]:
    """The same person (name and organization agree, any script) in lists of two regions: a
    warning; a namesake (only the names agree) at most info. `lists`: (record, its rows)."""
    index: dict = defaultdict(lambda: defaultdict(list))  # block key -> region -> people
    named = [(rec, region_of(rec["org_unit"], units), rows) for rec, rows in lists
             if any(row.get("full_name") for row in rows)]
    if len({region for _, region, _ in named}) < 2:
        return []  # one region's lists (a region's desktop): nobody to compare with
    people = [(rec, region, row["full_name"], row.get("organization") or "")
              for rec, region, rows in named for row in rows if row.get("full_name")]
    for p in people:
        for k in block_keys(p[2]):
            index[k][p[1]].append(p)
    flagged: set = set()
    out = []
    for rec, region, name, org in people:
        for orec, oregion, oname, oorg in _other_regions(index, name, region):
            if (rec["id"], orec["id"], name) in flagged:
                continue
            match = person_match(name, org, oname, oorg)
            if match:
                flagged.add((rec["id"], orec["id"], name))
                out.append(_two_regions(rec, orec, match, name, oregion, units))
    return out


def _other_regions(index, name: str, region) -> list:
    """The people of other regions' lists sharing a blocking key with `name`, each once:
    a region's own people are never candidates, so a region's review compares nobody."""
    cands = {id(c): c for k in block_keys(name) for oregion, block in index[k].items()
             if oregion != region for c in block}
    return list(cands.values())


def _two_regions(rec, orec, match, name, oregion, units) -> dict:
    same = match == "same"
    return finding(rec, "VR-20", "warning" if same else "info",
                   "review_person_two_regions" if same else "review_namesake_two_regions",
                   [ROSTERS[rec["form"]][0]],
                   {"name": name, "other": oregion, "other_record": orec["id"]}, units)


def _focus_group(rec, rows: list[dict], seminars, t, units) -> list[dict]:
    out = []
    for i, row in enumerate(rows, start=1):
        if not row.get("participant_category"):
            out.append(finding(rec, "VR-21", "error", "review_category_missing",
                               [f"participants[{row.get('no') or i}].participant_category"],
                               {"row": row.get("no") or i}, units))
    state = sum(1 for r in rows if str(r.get("participant_category", "")).startswith("STATE"))
    if rows and state / len(rows) > t.state_share:
        out.append(finding(rec, "VR-21", "warning", "review_state_share", ["participants"],
                           {"share": round(100 * state / len(rows))}, units))
    seminar = _matching_seminar(rec, rows, seminars, t, units)
    if seminar:
        out.append(finding(rec, "VR-21", "warning", "review_fg_like_seminar", ["participants"],
                           {"other": seminar["id"]}, units))
    return out


def _matching_seminar(rec, rows, seminars, t, units):
    """The seminar of the focus group's region whose departments its participants come from
    (`seminars`: region -> its seminars)."""
    depts = [resolve_department(r.get("organization") or "") for r in rows]
    depts = [d for d in depts if d]
    if not rows or len(depts) < 0.5 * len(rows):
        return None
    day = _date(rec["data"].get("date"))
    for s in seminars.get(region_of(rec["org_unit"], units), ()):
        sday = _date(s["data"].get("date"))
        if day and sday and abs((sday - day).days) > t.visit_days:
            continue
        present = set(s["data"].get("departments_present") or [])
        if present and sum(1 for d in depts if d in present) >= 0.8 * len(depts):
            return s
    return None


VISIT_DATES = ("date", "actual_date", "planned_date")  # a visit's date: its form's first given


def _visit_field(rec) -> str:
    """The field that dates a visit record (named in its VR-22 findings)."""
    d = rec.get("data") or {}
    return next((k for k in VISIT_DATES if d.get(k)), VISIT_DATES[0])


def _visit_date(rec) -> dt.date | None:
    return _date((rec.get("data") or {}).get(_visit_field(rec)))


def visit_findings(records: list[dict], t, units=None) -> list[dict]:
    dated = [(r, _visit_date(r)) for r in records if r["form"] in VISIT_FORMS]
    visits = [(r, d) for r, d in dated if d]
    out = _visit_spread(visits, t, units) + _same_day_two_regions(visits, units)
    for r, d in visits:
        if d.weekday() >= 5:
            out.append(finding(r, "VR-22", "info", "review_weekend", [_visit_field(r)],
                               {"date": d.isoformat()}, units))
    for r in records:
        if r["form"] == "seminar":
            out += _seminar(r, units)
    return out


def _visit_spread(visits, t, units) -> list[dict]:
    groups = defaultdict(list)
    for r, d in visits:
        key = (region_of(r["org_unit"], units), (r.get("data") or {}).get("visit_id") or "")
        groups[key].append((r, d))
    out = []
    for (region, _), items in groups.items():
        days = sorted(d for _, d in items)
        mid = days[len(days) // 2]
        for r, d in items:
            if abs((d - mid).days) > t.visit_days:
                out.append(finding(r, "VR-22", "warning", "review_visit_spread", [_visit_field(r)],
                                   {"region": region, "days": abs((d - mid).days)}, units))
    return out


def _same_day_two_regions(visits, units) -> list[dict]:
    groups = defaultdict(list)
    for r, d in visits:
        who = r.get("created_by") or r.get("updated_by")
        if who:
            groups[(who, d)].append(r)
    out = []
    for (who, d), recs in groups.items():
        regions = sorted({region_of(r["org_unit"], units) for r in recs})
        if len(regions) > 1:
            out += [finding(r, "VR-22", "warning", "review_two_regions_same_day",
                            [_visit_field(r)],
                            {"date": d.isoformat(), "who": who, "regions": ", ".join(regions)},
                            units) for r in recs]
    return out


def _seminar(rec, units) -> list[dict]:
    d, out = rec.get("data") or {}, []
    if d.get("participants_count") in (None, ""):
        out.append(finding(rec, "VR-24", "error", "review_participants_missing",
                           ["participants_count"], {}, units))
    present = set(d.get("departments_present") or [])
    absent = [k for k in _key_departments() if k not in present]
    if absent:
        out.append(finding(rec, "VR-24", "info", "review_key_departments_absent",
                           ["departments_present"], {"absent": ", ".join(absent)}, units))
    return out


def _key_departments() -> list[str]:
    """The key departments of VR-24: reference data (`key_department` in departments.toml)."""
    from forms.reference import get_enum

    return [i.code for i in get_enum("departments").items if i.extra.get("key_department")]
