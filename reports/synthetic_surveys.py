"""Synthetic survey answers of the demo year, calibrated to DOMAIN §4 (`esep demo`).

`synthetic_surveys(rng, year)` -> 131 organization answers (H14, H16, H17, H18, H28) and
260 volunteer answers (H19, H21, H22, H25, H29), every one valid for its form. Where the
report's figures cannot all hold as exact integers, the choice is written beside the number.
"""
from __future__ import annotations

from reports._ref import enum_codes
from reports.synthetic import REGIONS, split

ORG_KINDS = {"REGISTERED": (93, 6, 1, 23), "INITIATIVE_GROUP": (38, 5, 1, 17)}  # H14, H16:
# count, mean years active, min, max
SIZE_BANDS = {"LT100": 71, "B100_750": 49, "B1000_1500": 6, "B2000_5000": 4, "B30000": 1}
ATTRACTED = 30_000     # H17: the numbers given sum to ≈ 30,000, so the one organization of
# the 30,000 band answered the band only (with its number the sum could not be 30,000)
INVOLVED = 59_835      # H28
HOURS_PER_MONTH = 2_083_500   # H28 "> 2,000,000"; × 12 ≈ 25 M a year (H32, the likely case)
FUNDING = {"OWN": 40, "NONE": 32, "SPONSOR": 21, "CROWD": 15, "STATE_GRANT": 18,
           "SMALL_GRANT": 10, "OTHER": 36}   # H18, of 172 mentions: 41.9 / 20.9 / 16.3 %
VOLUNTEERS = 260
DIRECTIONS_EVER = {"HUM": 122, "ECO": 117, "EDU": 111, "EVENT": 97, "PUBLIC": 93, "ZOO": 82,
                   "ELDER": 72, "MEDIA": 70, "SPORT": 70, "EMERG": 64, "ETHNO": 25,
                   "HOSPICE": 14, "PRISON": 2, "MED": 47, "ART": 31, "DON": 44, "SEARCH": 29,
                   "CRISIS": 27, "SPECIAL": 36, "CHILD": 50, "ADDICT": 33}   # H19, of 260
ONLINE, AUTO = 134, 24      # H21: 51.5 % / 9.2 % of 260
PROBLEMS = {"RESOURCES": 70, "SYSTEMIC": 46, "NO_INTEREST": 28, "EXECUTION": 26,
            "LOW_AWARENESS": 20, "REJECTION": 10}   # H22: 200 named one problem, 35 … 5 %
AWARENESS = {"awareness_a0": (200, 2), "awareness_a1": (249, 63), "awareness_a2": (250, 60),
             "awareness_a3": (250, 30), "awareness_a4": (200, 17)}   # H25: (answered, did
# not know) = 1 / 25.3 / 24 / 12 / 8.5 %
HOURS_PER_YEAR = (93_642, 1, 6_500)   # H29: sum, min, max over the 260 (mean 360.2)


def _spread(rng, total: int, n: int, low: int, high: int) -> list[int]:
    """`n` whole numbers from low to high summing to `total` (one of them low, one high)."""
    rest = split(total - low - high - (n - 2) * low, [rng.uniform(0.5, 1.5)
                                                       for _ in range(n - 2)])
    values = [low, high] + [low + x for x in rest]
    assert all(low <= v <= high for v in values) and sum(values) == total
    rng.shuffle(values)
    return values


def _date(rng, year: int) -> str:
    return f"{year}-{rng.randint(10, 11)}-{rng.randint(1, 28):02d}"


def _orgs_data(rng) -> list[dict]:
    out: list[dict] = []
    for kind, (n, avg, low, high) in ORG_KINDS.items():
        for years in _spread(rng, n * avg, n, low, high):
            out.append({"org_type": kind, "years_active": years})
    rng.shuffle(out)
    bands = [b for b, n in SIZE_BANDS.items() for _ in range(n)]
    attracted = _attracted(rng)
    for i, (d, band) in enumerate(zip(out, bands)):
        d["size_band"] = band
        if band in attracted:
            d["volunteers_attracted_12m"] = attracted[band].pop()
        d["org_name"] = f"Волонтёрское объединение «Пример {i + 1}»"
    involved = split(INVOLVED, [d.get("volunteers_attracted_12m", 30_000) + 20 for d in out])
    hours = split(HOURS_PER_MONTH, involved)
    for d, people, h in zip(out, involved, hours):
        d["volunteers_involved"], d["volunteer_hours_per_month"] = people, h
    return out


def _attracted(rng) -> dict[str, list[int]]:
    """Exact numbers of the bands but the top one, summing to ATTRACTED (H17)."""
    got = {"LT100": [rng.randint(10, 99) for _ in range(SIZE_BANDS["LT100"])],
           "B1000_1500": [rng.randint(1000, 1500) for _ in range(SIZE_BANDS["B1000_1500"])],
           "B2000_5000": [rng.randint(2000, 2600) for _ in range(SIZE_BANDS["B2000_5000"])]}
    rest = ATTRACTED - sum(sum(v) for v in got.values())
    got["B100_750"] = _spread(rng, rest, SIZE_BANDS["B100_750"], 100, 750)
    return got


def synthetic_org_surveys(rng, year: int) -> list[dict]:
    dirs = [c for c in enum_codes("directions") if c != "ANTICOR"]
    out = []
    for d, funding in zip(_orgs_data(rng), _dealt(rng, FUNDING, sum(SIZE_BANDS.values()))):
        d.update({"answered_on": _date(rng, year), "region": rng.choice(REGIONS),
                  "directions": sorted(rng.sample(dirs, rng.randint(1, 4)))})
        if funding:
            d["funding_sources"] = funding
        out.append(d)
    return out


def _dealt(rng, counts: dict[str, int], n: int) -> list[list[str]]:
    """Each code given to `counts[code]` of `n` respondents (chosen at random)."""
    lists: list[list[str]] = [[] for _ in range(n)]
    for code, count in counts.items():
        for i in rng.sample(range(n), count):
            lists[i].append(code)
    return lists


def _cover(lists: list[list[str]]) -> list[list[str]]:
    """Every respondent names at least one option: an empty list takes one from a list of
    several, so each option keeps its count."""
    for empty in (x for x in lists if not x):
        donor = next(x for x in lists if len(x) > 1)
        empty.append(donor.pop())
    return lists


def _volunteer(rng, year: int, ever: list[str]) -> dict:
    skills = enum_codes("volunteer_skills")
    return {"answered_on": _date(rng, year), "region": rng.choice(REGIONS),
            "gender": rng.choices(["F", "M"], [62, 38])[0],
            "age_band": rng.choices(["A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"],
                                    [10, 45, 18, 17, 6, 4])[0],
            "occupation": rng.choices(["SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED",
                                       "PENSIONER", "OTHER"], [10, 35, 38, 8, 4, 5])[0],
            "affiliation": rng.choice(["ORG", "GROUP", "SELF"]),
            "directions_ever": sorted(ever),
            "directions_last_12m": sorted(c for c in ever if rng.random() < 0.7),
            "skills_used": sorted(rng.sample(skills, rng.randint(1, 3))),
            "positions_per_year": rng.randint(1, 30)}


def synthetic_volunteer_surveys(rng, year: int) -> list[dict]:
    n = VOLUNTEERS
    out = [_volunteer(rng, year, ever) for ever in _cover(_dealt(rng, DIRECTIONS_EVER, n))]
    online, auto = set(rng.sample(range(n), ONLINE)), set(rng.sample(range(n), AUTO))
    problems = [p for p, k in PROBLEMS.items() for _ in range(k)]
    total, low, high = HOURS_PER_YEAR
    for i, (d, year_hours) in enumerate(zip(out, _spread(rng, total, n, low, high))):
        d["online_experience"], d["auto_experience"] = i in online, i in auto
        d["hours_per_year"] = year_hours
        d["hours_per_month"] = round(year_hours / 12, 1)
        if i < len(problems):
            d["problem_categories"] = [problems[i]]
    rng.shuffle(out)
    for field, (answered, not_known) in AWARENESS.items():
        for k, i in enumerate(rng.sample(range(n), answered)):
            out[i][field] = "DID_NOT_KNOW" if k < not_known else "KNEW"
    return out


def synthetic_surveys(rng, year: int, record) -> list[dict]:
    """Both surveys as records: record(form, version, org unit, date, data) makes one (the
    org unit is the region answered, as a region's user sees its region's answers)."""
    return [record("org_survey", 1, d["region"], d["answered_on"], d)
            for d in synthetic_org_surveys(rng, year)] + [
        record("volunteer_survey", 1, d["region"], d["answered_on"], d)
        for d in synthetic_volunteer_surveys(rng, year)]
