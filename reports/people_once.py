"""VR-18 for people: a person listed in the rosters of several records of one region and
month (focus-group participants, seminar attendees) is one person, counted once there
(DOMAIN VR-18), whichever organization each list names.

One person: the same full name as `forms.names` reads it (scripts and Latin look-alikes,
ё/е, case, stray spaces, word order); a name with initials or without its patronymic joins
the one fuller name of the region and month it fits, never one of two; phones agree when
both rows have one — two namesakes whose phones differ stay two people, and a row without a
phone then joins neither of them. Inside one list a repeated name is VR-20's business
(`reports.quality_visits`); here only lists of different records are compared.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from forms.names import name_tokens, same_person
from forms.orgnames import org_key, same_org
from forms.people import phone_key
from reports.aggregate import dated_period, stated_region
from reports.headers import ROSTERS

# The lists whose people are volunteers of organizations (VR-18 counts a volunteer once):
# a focus group's participants name their organization; a seminar's civil servants name a
# department, which is no volunteer organization.
VOLUNTEER_LISTS = ("focus_group",)


@dataclass(frozen=True)
class Listing:
    """One roster row: a person as one list names them."""
    record: dict
    no: object            # the row's № (its place when it has none)
    name: str
    org: str
    phone: str            # `phone_key`: "" when the row gives none
    row: dict

    @property
    def field(self) -> str:
        return f"{ROSTERS[self.record['form']][0]}[{self.no}].full_name"


def listings(rec: dict) -> list[Listing]:
    """The named rows of `rec`'s roster (none when its form keeps no roster)."""
    field = ROSTERS.get(rec.get("form") or "", (None,))[0]
    rows = (rec.get("data") or {}).get(field) if field else None
    out = []
    for i, row in enumerate(rows or [], start=1):
        if isinstance(row, dict) and name_tokens(str(row.get("full_name") or "")):
            org = row.get("organization") or row.get("department") or ""
            out.append(Listing(rec, row.get("no") or i, str(row["full_name"]), str(org),
                               phone_key(row.get("phone")), row))
    return out


def region_months(records, units=None) -> dict[tuple[str, str], list[Listing]]:
    """(region, month) -> the roster rows of the records held there: the region a visit
    names (else its org unit's) and the month of its period (else of its date)."""
    out: dict = defaultdict(list)
    for rec in records:
        if rec.get("form") in ROSTERS and not rec.get("deleted"):
            month = dated_period(rec)
            if month:
                out[(stated_region(rec, units), month)] += listings(rec)
    return out


def people(rows: list[Listing]) -> list[list[Listing]]:
    """The people of one region and month: each a list of its rows, in the rows' order."""
    by_name: dict[str, list[Listing]] = defaultdict(list)
    for r in rows:
        by_name[_name_key(r.name)].append(r)
    fuller = _fuller_names(by_name)
    merged: dict[str, list[Listing]] = defaultdict(list)
    for key, its in by_name.items():
        merged[fuller.get(key, key)] += its
    out = [p for its in merged.values() for p in _by_phone(its)]
    order = {id(r): i for i, r in enumerate(rows)}
    for p in out:
        p.sort(key=lambda r: order[id(r)])
    return sorted(out, key=lambda p: order[id(p[0])])


def count_once(records, units=None) -> int:
    """The people of these records' rosters, each once per region and month (VR-18)."""
    return sum(len(people(rows)) for rows in region_months(records, units).values())


def _name_key(name: str) -> str:
    return " ".join(sorted(name_tokens(name)))


def _words(key: str) -> int:
    return sum(1 for t in key.split() if len(t) > 1)


def _fuller_names(by_name: dict[str, list[Listing]]) -> dict[str, str]:
    """Name key -> the one fuller name key it fits (initials for words, a patronymic
    left out), for the keys that fit exactly one; followed to the fullest."""
    keys_with: dict[str, set[str]] = defaultdict(set)
    for key in by_name:
        for tok in key.split():
            keys_with[tok].add(key)
    fits: dict[str, str] = {}
    for key, its in by_name.items():
        words = [t for t in key.split() if len(t) > 1]
        if not words:
            continue
        cands = set.intersection(*(keys_with[t] for t in words))
        found = [c for c in cands if _words(c) > _words(key)
                 and same_person(its[0].name, by_name[c][0].name, threshold=100)]
        if len(found) == 1:
            fits[key] = found[0]
    for key in list(fits):
        seen = {key}
        while fits[key] in fits and fits[key] not in seen:
            seen.add(fits[key])
            fits[key] = fits[fits[key]]
    return fits


def _by_phone(rows: list[Listing]) -> list[list[Listing]]:
    """Rows of one name split by phone: one person per phone; the rows without one join
    the only phone there is, or stay one more person when phones differ."""
    phones: dict[str, list[Listing]] = defaultdict(list)
    for r in rows:
        phones[r.phone].append(r)
    bare = phones.pop("", [])
    if len(phones) <= 1:
        return [rows]
    return list(phones.values()) + ([bare] if bare else [])


def other_org(a: Listing, b: Listing) -> bool:
    """Both rows name an organization and they are not the same one (any script, legal
    form or spelling: `forms.orgnames`)."""
    ka, kb = org_key(a.org), org_key(b.org)
    return bool(ka and kb) and not same_org(ka, kb)


def person_findings(records, units=None) -> list[dict]:
    """VR-18 (WARN): one person in the lists of two records of one region and month, under
    different organizations — one finding on each such record, naming the first other record
    and both organizations (the region's figures count the person once). Said only where
    both lists give the same phone: by name alone a namesake is as likely (VR-20 calls the
    same name under another organization a namesake), and a region's month of lists
    typed without phones would warn on every common name."""
    from reports.quality_review import finding

    out = []
    volunteers = [r for r in records if r.get("form") in VOLUNTEER_LISTS]
    for (_region, month), rows in region_months(volunteers, units).items():
        for person in people(rows):
            first: dict[str, Listing] = {}
            for r in person:                      # the person's first row in each record
                first.setdefault(r.record["id"], r)
            for a in first.values():
                others = [b for b in first.values() if b is not a and other_org(a, b)
                          and a.phone and a.phone == b.phone]
                if others:  # one finding a record, naming the first other list (linear)
                    b = others[0]
                    out.append(finding(a.record, "VR-18", "warning",
                                       "review_person_several_orgs", [a.field],
                                       {"name": a.name, "org": a.org, "period": month,
                                        "other_org": b.org, "other_record": b.record["id"],
                                        "others": len(others)}, units))
    return out
