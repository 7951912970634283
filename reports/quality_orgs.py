"""VR-18 duplicate counting of organizations (with VR-31 spellings), per region.

Organization names are free text: the `organization` column of focus-group and seminar lists
and the event form's `organizer_name`. Within a region, names sharing an `org_key` (or keys
that differ by a typo, `same_org`) are one organization: `distinct_organizations` counts it
once, with its most used spelling as the display name, and `organization_findings` warns on
each record that writes it in a less used spelling (`review_org_variants`). Spellings the
organization registry lists for one entry (its names and aliases, reports.registry) are one
organization however far apart they are.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from forms.orgnames import org_key, same_org
from reports.aggregate import parse_period, region_of
from reports.headers import ROSTERS
from reports.quality_review import finding
from reports.registry import FORM as REGISTRY_FORM
from reports.registry import alias_keys, duplicate_entries
from reports.text import clean_text

EVENT_FIELD = "organizer_name"


def org_mentions(rec: dict) -> list[tuple[str, str]]:
    """(name as written, whitespace cleaned; field path) for every organization name."""
    form = rec.get("form")
    if form == "event":
        written = [((rec.get("data") or {}).get(EVENT_FIELD), EVENT_FIELD)]
    elif form in ROSTERS:
        fid = ROSTERS[form][0]
        rows = (rec.get("data") or {}).get(fid)
        written = [(row.get("organization"), f"{fid}[{i}].organization")
                   for i, row in enumerate(rows if isinstance(rows, list) else [])
                   if isinstance(row, dict)]
    else:
        return []
    out = []
    for value, path in written:
        if isinstance(value, str):
            name = clean_text(value)[0]
            if org_key(name):
                out.append((name, path))
    return out


@dataclass
class _Org:
    """One organization in one region: its spellings and the records using each."""
    key: str
    spellings: dict = field(default_factory=lambda: defaultdict(dict))  # name -> {id: [paths]}
    records: dict = field(default_factory=dict)                          # id -> record

    def ranked(self) -> list[tuple[str, int]]:
        """(spelling, records) most used first; ties: more rows, then the first written."""
        order = {name: i for i, name in enumerate(self.spellings)}      # first seen first
        rows = Counter({name: sum(map(len, ids.values()))
                        for name, ids in self.spellings.items()})
        counts = [(name, len(ids)) for name, ids in self.spellings.items()]
        return sorted(counts, key=lambda kv: (-kv[1], -rows[kv[0]], order[kv[0]]))


def _units_map(units) -> dict | None:
    if isinstance(units, dict):
        return units
    return {u["id"]: u for u in units or []} or None


def _alike(orgs: dict[str, _Org], key: str, threshold: int) -> _Org | None:
    """An organization of the region whose key is a typo away from `key` (rapidfuzz picks
    the few closest keys, `same_org` decides)."""
    if not threshold:
        return None
    near = process.extract(key, list(orgs), scorer=fuzz.ratio, score_cutoff=threshold, limit=5)
    return next((orgs[k] for k, _, _ in near if same_org(k, key, threshold)), None)


def _group(records, units, threshold: int) -> dict[str, list[_Org]]:
    """region -> organizations; a key joins an earlier key of the region it fuzzily matches."""
    regions: dict[str, dict[str, _Org]] = defaultdict(dict)
    known = alias_keys(records)             # spellings the registry knows are one entry
    named = [(rec, found) for rec in records if not rec.get("deleted")
             and (found := org_mentions(rec))]  # a record naming none changes nothing
    named.sort(key=lambda rf: (rf[0]["period"], str(rf[0].get("created_at") or ""),
                               rf[0]["id"]))
    for rec, found in named:
        region = region_of(rec["org_unit"], units)
        orgs = regions[region]
        for name, path in found:
            key = known.get((region, org_key(name)), org_key(name))
            if key not in orgs:
                orgs[key] = _alike(orgs, key, threshold) or _Org(key)
            org = orgs[key]
            org.spellings[name].setdefault(rec["id"], []).append(path)
            org.records[rec["id"]] = rec
    out = {}
    for region, orgs in regions.items():
        unique = {id(o): o for o in orgs.values()}
        out[region] = list(unique.values())
    return out


def organization_findings(records: list[dict], t, units=None) -> list[dict]:
    """VR-18 (WARN): a record writes a region's organization unlike most other records."""
    units = _units_map(units)
    out = []
    for region, orgs in _group(records, units, t.org_fuzzy).items():
        for org in orgs:
            ranked = org.ranked()
            if len(ranked) < 2:
                continue
            usual, usual_count = ranked[0]
            variants = [f"«{name}» ({n})" for name, n in ranked]
            done = set()
            for name, count in ranked[1:]:
                for rid, paths in org.spellings[name].items():
                    if rid in done:
                        continue
                    done.add(rid)
                    out.append(finding(org.records[rid], "VR-18", "warning",
                                       "review_org_variants", paths,
                                       {"region": region, "name": name, "count": count,
                                        "usual": usual, "usual_count": usual_count,
                                        "variants": variants}, units))
    return out


def registry_findings(records: list[dict], units=None) -> list[dict]:
    """VR-18 (WARN): a registry entry repeating another (same БИН, or same name in the
    region); merge them (`esep registry merge`)."""
    out = []
    entries = [r for r in records if r.get("form") == REGISTRY_FORM]  # not the 100,000 others
    for rec, other, how in duplicate_entries(entries):
        out.append(finding(rec, "VR-18", "warning", "registry_entry_repeated", ["name_ru"],
                           {"name": (rec.get("data") or {}).get("name_ru") or "",
                            "other": other.name, "other_id": other.id, "how": how}, units))
    return out


def distinct_organizations(records: list[dict], region: str | None = None,
                           period: str | None = None, *, units=None,
                           fuzzy: int = 92) -> list[dict]:
    """Each organization once per region: key, display name (most used spelling), records.

    `period` is a period spec (YYYY, YYYY-MM, YYYY-MM..YYYY-MM); `region` a region code."""
    units = _units_map(units)
    start, end = parse_period(period) if period else ("0000-00", "9999-99")
    chosen = [r for r in records if start <= r["period"] <= end
              and (region is None or region_of(r["org_unit"], units) == region)]
    out: list[dict[str, Any]] = []
    for reg, orgs in sorted(_group(chosen, units, fuzzy).items()):
        for org in orgs:
            ranked = org.ranked()
            out.append({"region": reg, "key": org.key, "name": ranked[0][0],
                        "records": len(org.records),
                        "spellings": dict(ranked)})
    out.sort(key=lambda o: (o["region"], -o["records"], o["name"]))
    return out
