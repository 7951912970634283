"""The organization registry (DOMAIN E15, issue 16): `organization` records, synced like every
record, kept by the region and central.

One organization is one entry: found by its БИН, else by its normalised name in the region
(forms.orgnames.org_key: Cyrillic, Latin and Kazakh spellings, legal forms and homoglyphs
folded; `same_org` for a typo). Here: the entries of a set of records, import of a list with
de-duplication, merging two entries (their spellings kept as aliases), ranked linking
suggestions for a name written elsewhere, and the per-region counts VR-17 compares with.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from forms.identifiers import is_valid_bin
from forms.orgnames import org_key, same_org

FORM = "organization"
NAME_FIELDS = ("name_ru", "name_kk")
SUGGEST_MIN = 70                      # rapidfuzz token_sort_ratio of keys worth showing
# form -> the field naming an organization that a person links to a registry entry
LINKED_NAMES = {"event": "organizer_name", "org_survey": "org_name",
                "volunteer_survey": "organization_name"}


class RegistryError(ValueError):
    pass


def aliases_of(data: dict) -> list[str]:
    text = data.get("aliases") or ""
    return [a.strip() for a in str(text).splitlines() if a.strip()]


def names_of(data: dict) -> list[str]:
    """Every spelling of an entry: its names, then its aliases (no repeats)."""
    out: list[str] = []
    for name in [*(data.get(f) for f in NAME_FIELDS), *aliases_of(data)]:
        if isinstance(name, str) and name.strip() and name.strip() not in out:
            out.append(name.strip())
    return out


@dataclass
class Entry:
    id: str
    region: str
    data: dict
    keys: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.data.get("name_ru") or self.data.get("name_kk") or self.id

    @property
    def bin(self) -> str | None:
        return self.data.get("bin") or None


def entries(records: list[dict]) -> list[Entry]:
    """The live registry entries among `records`."""
    out = []
    for r in records:
        if r.get("form") != FORM or r.get("deleted"):
            continue
        data = r.get("data") or {}
        out.append(Entry(r["id"], data.get("region") or r.get("org_unit") or "", data,
                         {k for k in map(org_key, names_of(data)) if k}))
    return out


def find_duplicate(data: dict, pool: list[Entry]) -> tuple[Entry, str] | None:
    """The entry `data` repeats, and how ("bin" or "name"): by БИН anywhere, else by a name
    key of the same region (or a key a typo away)."""
    bin_ = data.get("bin")
    if bin_:
        hit = next((e for e in pool if e.bin == bin_), None)
        if hit is not None:
            return hit, "bin"
    keys = {k for k in map(org_key, names_of(data)) if k}
    for e in pool:
        if e.region != data.get("region") or (bin_ and e.bin and e.bin != bin_):
            continue
        if keys & e.keys or any(same_org(a, b) for a in keys for b in e.keys):
            return e, "name"
    return None


def merged_data(keep: dict, other: dict) -> dict:
    """`keep` with the blanks filled from `other`, its directions added and every spelling of
    `other` kept among the aliases."""
    if keep.get("bin") and other.get("bin") and keep["bin"] != other["bin"] and all(
            is_valid_bin(x) for x in (keep["bin"], other["bin"])):
        raise RegistryError(f"different BINs: {keep['bin']} and {other['bin']}; these are two "
                            "organizations")
    out = dict(keep)
    for k, v in other.items():
        if k not in ("aliases", "directions") and out.get(k) in (None, "", []):
            out[k] = v
    dirs = list(keep.get("directions") or [])
    out["directions"] = dirs + [d for d in other.get("directions") or [] if d not in dirs]
    if not out["directions"]:
        del out["directions"]
    own = names_of({k: out.get(k) for k in NAME_FIELDS})
    aliases = [n for n in [*aliases_of(keep), *names_of(other)] if n not in own]
    seen: list[str] = []
    for a in aliases:
        if a not in seen:
            seen.append(a)
    if seen:
        out["aliases"] = "\n".join(seen)
    return out


def merge(store, keep_id: str, drop_id: str, *, user: str) -> dict:
    """Merge entry `drop_id` into `keep_id`: one entry with both spellings; the other is
    deleted (its id named in the audit reason). Returns the kept record."""
    keep, drop = store.get_record(keep_id), store.get_record(drop_id)
    for rid, rec in ((keep_id, keep), (drop_id, drop)):
        if rec is None or rec.get("deleted") or rec.get("form") != FORM:
            raise RegistryError(f"{rid}: no such registry entry")
    if keep_id == drop_id:
        raise RegistryError("an entry cannot be merged with itself")
    data = merged_data(keep["data"], drop["data"])
    reason = f"registry merge: {drop_id} into {keep_id}"
    saved = store.save_record(dict(keep, data=data), user=user, reason=reason)
    store.delete_record(drop_id, user=user, reason=reason)
    return saved


def suggest(name: str, pool: list[Entry], *, region: str | None = None,
            limit: int = 5) -> list[tuple[Entry, int]]:
    """Registry entries a name written elsewhere may mean, best first, with a score 0-100
    (100: the same normalised name or alias; the region's own entries first on a tie)."""
    key = org_key(name)
    if not key:
        return []
    scored = []
    for e in pool:
        best = max((100 if k == key else int(fuzz.token_sort_ratio(k, key))
                    for k in e.keys), default=0)
        if best >= SUGGEST_MIN:
            scored.append((e, best))
    scored.sort(key=lambda es: (-es[1], es[0].region != region, es[0].name))
    return scored[:limit]


def registry_counts(records: list[dict]) -> dict[str, int]:
    """Registered organizations of the registry per region (VR-17 compares the monthly
    reports' registered_orgs_count with these)."""
    out: dict[str, int] = {}
    for e in entries(records):
        if e.data.get("org_type") == "REGISTERED" and e.region:
            out[e.region] = out.get(e.region, 0) + 1
    return out


def duplicate_entries(records: list[dict]) -> list[tuple[dict, Entry, str]]:
    """(record, the earlier entry it repeats, "bin" | "name") for every registry entry that
    another one already holds (VR-18: two regions or two people entered one organization)."""
    by_id = {r["id"]: r for r in records}
    seen: list[Entry] = []
    out = []
    for e in sorted(entries(records), key=lambda e: (str(by_id[e.id].get("period")), e.id)):
        hit = find_duplicate(e.data, seen)
        if hit is not None:
            out.append((by_id[e.id], hit[0], hit[1]))
        seen.append(e)
    return out


def alias_keys(records: list[dict]) -> dict[tuple[str, str], str]:
    """(region, name key) -> the entry's main key, for every spelling of every entry (VR-18
    counts the spellings the registry knows as one organization)."""
    out: dict[tuple[str, str], str] = {}
    for e in entries(records):
        main = org_key(e.name)
        for k in e.keys:
            out.setdefault((e.region, k), main)
    return out
