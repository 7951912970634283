"""Review bench data with realistic variation, from the synthetic generators
(reports.synthetic, reports.synthetic_visits): two years of monthly reports, events (2 % of
them entered twice: VR-32), focus groups and seminars with participant lists drawn from a
shared pool of names (the same people on several lists: VR-20) and leadership meetings.

- `district(n)`: one district's records (its monthly reports, lists and n - those events):
  10 × n makes every (form, org unit) history 10 × deeper.
- `region(n)`: one region at `scale = n / 1000` (4 × scale districts): 10 × n makes the
  region 10 × broader, every form's share kept (~10 % monthly reports, ~3 % lists).
"""
from __future__ import annotations

import random

REGION = "ALM"
YEARS = (2022, 2023)
NAMES = 600  # the pool of people the lists draw from


def _units(scale: int) -> list[dict]:
    from reports.synthetic import org_units

    return [u for u in org_units(scale) if u["region"] == REGION]


def _monthly(units: list[dict]) -> list[dict]:
    """Two years of the units' monthly reports: each district's series is a national
    district's from synthetic_year (scale 1; its calibration does not scale), the k-th reuse
    multiplied by k (whole numbers, so every sum still adds up and no two units repeat)."""
    import copy
    import uuid

    from reports.synthetic import synthetic_year

    out = []
    for back, year in enumerate(reversed(YEARS)):
        recs, _ = synthetic_year(year, seed=7 + back, unit_seed=7)
        bases = sorted({r["org_unit"] for r in recs if "-D" in r["org_unit"]})
        by_unit: dict[str, list[dict]] = {}
        for r in recs:
            by_unit.setdefault(r["org_unit"], []).append(r)
        for k, u in enumerate(x for x in units if x["kind"] == "district"):
            factor = 1 + k // len(bases)
            for r in by_unit[bases[k % len(bases)]]:
                out.append(dict(r, id=str(uuid.uuid4()), org_unit=u["id"],
                                data=_times(copy.deepcopy(r["data"]), factor)))
    return out


def _times(data: dict, factor: int) -> dict:
    """The figures (numbers and breakdowns, not the rows of lists) times `factor`."""
    def times(v):
        if isinstance(v, bool) or not isinstance(v, (int, float, dict)):
            return v
        return {k: times(x) for k, x in v.items()} if isinstance(v, dict) else v * factor
    return {k: times(v) for k, v in data.items()}


def _person(rng) -> tuple[str, str]:
    from reports.synthetic_visits import FIRST, LAST

    i = rng.randrange(NAMES)
    return f"{LAST[i % 20]} {FIRST[(i // 20) % 20]}", f"Организация {i % 37}"


def _lists(rng, where: list[str], n: int) -> list[dict]:
    from reports.synthetic_visits import _rec, enum_codes

    cats, depts = enum_codes("fg_categories"), enum_codes("departments")
    out = []
    for i in range(n):
        date = f"{rng.choice(YEARS)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people = [_person(rng) for _ in range(rng.randint(12, 20))]
        if i % 2:
            rows = [{"no": k + 1, "full_name": name, "organization": org,
                     "participant_category": rng.choice(cats),
                     "consent": "YES"} for k, (name, org) in enumerate(people)]
            data = {"date": date, "region": REGION, "city": "г. Талдыкорган",
                    "participants": rows, "declared_total": len(rows), "answers": []}
            out.append(_rec(rng, "focus_group", 2, rng.choice(where), date, data))
        else:
            rows = [{"no": k + 1, "full_name": name, "department": rng.choice(depts),
                     "consent": "YES"} for k, (name, _) in enumerate(people)]
            data = {"date": date, "region": REGION, "city": "г. Талдыкорган",
                    "participants_count": len(rows), "attendees": rows,
                    "departments_present": sorted(rng.sample(depts, 4)), "engagement_level": "MEDIUM"}
            out.append(_rec(rng, "seminar", 1, rng.choice(where), date, data))
    return out


def _meetings(rng, where: list[str], n: int) -> list[dict]:
    from reports.synthetic_visits import _rec

    out = []
    for _ in range(n):
        date = f"{rng.choice(YEARS)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        data = {"region": REGION, "planned_date": date, "actual_date": date,
                "official_position": "DEPUTY_AKIM", "status": "HELD"}
        out.append(_rec(rng, "leadership_meeting", 1, rng.choice(where), date, data))
    return out


def _events(rng, units: list[dict], n: int) -> list[dict]:
    from reports.synthetic_visits import synthetic_events

    out = []
    for year in YEARS:
        out += synthetic_events(rng, units, year, n // len(YEARS) + (year == YEARS[0]) *
                                (n % len(YEARS)))
    for e in out[: n // 50]:  # entered twice: the same title, date and organizer (VR-32)
        twin = out[rng.randrange(len(out))]
        if twin is not e and twin["org_unit"] == e["org_unit"]:
            e["data"] = {**e["data"], **{k: twin["data"][k] for k in
                                         ("title", "date_start", "organizer_type")}}
            e["period"] = twin["period"]
    return out


def _fill(rng, units: list[dict], monthly: list[dict], n: int) -> list[dict]:
    where = [u["id"] for u in units if u["kind"] == "district"]
    lists = _lists(rng, where, max(2, n * 3 // 100))
    meetings = _meetings(rng, where, max(1, n // 100))
    done = monthly + lists + meetings
    return done + _events(rng, [u for u in units if u["id"] in where],
                          max(0, n - len(done)))


def district(n: int, seed: int = 1) -> tuple[list[dict], list[dict]]:
    """(records, org units): one district's n records."""
    units = _units(1)
    one = [u for u in units if u["kind"] == "district"][:1]
    return _fill(random.Random(seed), one, _monthly(one), n), units


def region(n: int, seed: int = 1) -> tuple[list[dict], list[dict]]:
    """(records, org units): one region's n records (its units at scale n / 1000)."""
    scale = max(1, round(n / 1000))
    units = _units(scale)
    return _fill(random.Random(seed), units, _monthly(units), n), units
