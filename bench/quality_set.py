"""The quality benchmark set: two years of monthly reports of a realistic country, with a key
of planted problems.

Independent of the code under test (no reports.quality_* / forms.quality* / reports.synthetic):
20 regions, ~250 districts of very different sizes (small ones with 0-20 volunteers and events,
medium, large), seasonal flows (summer and December peaks), growth across the years, months
without events, a few missing reports, districts that start mid-year, one-off large events,
districts that always report rounded estimates. Then problems are planted and listed in the key
as {kind, org_unit, period, fields[, other]}.
"""
from __future__ import annotations

import math
import random
import uuid

REGIONS = ["AST", "ALA", "SHY", "ABA", "AKM", "AKT", "ALM", "ATY", "VKO", "ZHA", "ZHT", "ZKO",
           "KAR", "KOS", "KZY", "MAN", "PAV", "SKO", "TUR", "ULY"]
YEARS = (2023, 2024)
SEASON = [0.7, 0.8, 0.9, 1.0, 1.1, 1.3, 1.4, 1.3, 1.0, 0.95, 0.9, 1.45]   # Jan..Dec, flows
AGES = ["U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"]
OCCS = ["SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED", "PENSIONER", "OTHER"]
DIRS = ["MED", "EDU", "ART", "HUM", "DON", "ZOO", "MEDIA", "SEARCH", "EVENT", "CHILD", "ELDER",
        "PUBLIC", "SPORT", "ECO"]
SUPPORT = ["INFO", "COORD", "ADMIN", "VOLUNTEERS", "TRANSPORT", "PREMISES", "MEDIA"]
SIZES = {  # share, volunteers range, events/month range, positions per event, hours/position
    "small": (0.35, (2, 20), (0.2, 2.5), (2, 6), (2, 6)),
    "medium": (0.45, (80, 600), (3, 12), (4, 12), (3, 10)),
    "large": (0.20, (1500, 6000), (12, 40), (6, 18), (3, 8)),
}
# planted problems per kind (org-unit-months; bulk entry plants whole years)
PLANTS = {"copy_prev": 14, "copy_last_year": 14, "near_copy": 14, "jump_x10": 14,
          "drop_tenth": 14, "sum_mismatch": 14, "support_no_type": 14, "implausible_hours": 14,
          "target_growth": 12, "round_inflation": 12, "identical_across": 12, "bulk_entry": 3}


def periods() -> list[str]:
    return [f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)]


def _split(total: int, weights: list[float], rng: random.Random) -> list[int]:
    """Largest-remainder split of `total` by (slightly jittered) weights."""
    w = [x * rng.uniform(0.97, 1.03) for x in weights]
    s = sum(w)
    raw = [total * x / s for x in w]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[:total - sum(parts)]:
        parts[i] += 1
    return parts


def _poisson(lam: float, rng: random.Random) -> int:
    if lam > 50:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    k, p, limit = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def country(seed: int = 12) -> list[dict]:
    """Org units: 20 regions and ~250 districts with their reporting profile."""
    rng = random.Random(seed)
    units = []
    for i, region in enumerate(REGIONS):
        units.append({"id": region, "kind": "region", "region": region, "name_ru": region})
        for d in range(rng.randint(9, 16)):
            units.append(_district(rng, region, d + 1))
    return units


def _district(rng: random.Random, region: str, n: int) -> dict:
    r, size = rng.random(), "large"
    for name, (share, *_rest) in SIZES.items():
        if r < share:
            size = name
            break
        r -= share
    _s, vols, events, ppe, hpp = SIZES[size]
    start = 0
    if rng.random() < 0.08:
        start = rng.randint(3, 20)             # starts reporting mid-way (month index)
    return {"id": f"{region}-D{n:02d}", "kind": "district", "region": region,
            "name_ru": f"{region} район {n}", "size": size, "start": start,
            "v0": rng.randint(*vols), "growth": rng.uniform(0.0, 0.22),
            "events": rng.uniform(*events), "ppe": rng.uniform(*ppe), "hpp": rng.uniform(*hpp),
            "female": rng.uniform(0.5, 0.65), "rounds": rng.random() < 0.1,
            "ages": [rng.uniform(0.3, 3) for _ in AGES], "occs": [rng.uniform(0.2, 3) for _ in OCCS],
            "dirs": rng.sample(DIRS, rng.randint(2, 5)), "orgs": rng.randint(0, 12),
            "support": rng.uniform(0.3, 0.9)}


def _stock(u: dict, t: int, rng: random.Random) -> int:
    v = u["v0"] * (1 + u["growth"]) ** (t / 12)
    if u["size"] == "small":
        return max(0, round(v + rng.choice([-1, 0, 0, 0, 1])))
    v = round(v * rng.uniform(0.98, 1.02))
    return round(v, -1) if u["rounds"] else v


def _flows(u: dict, t: int, rng: random.Random) -> dict:
    month = t % 12
    grow = (1 + u["growth"]) ** (t / 12)
    quiet = u["size"] != "small" and rng.random() < 0.03          # a month without events
    events = 0 if quiet else _poisson(u["events"] * SEASON[month] * grow, rng)
    positions = sum(max(1, _poisson(u["ppe"], rng)) for _ in range(events))
    if events and rng.random() < 0.02:                            # one-off large event
        big = round(u["ppe"] * rng.uniform(5, 15))
        events, positions = events + 1, positions + big
    hours = round(positions * u["hpp"] * rng.uniform(0.8, 1.2) * 2) / 2
    dirs = {}
    for _ in range(events):
        d = rng.choice(u["dirs"])
        dirs[d] = dirs.get(d, 0) + 1
    online = sum(1 for _ in range(events) if rng.random() < 0.15)
    both = sum(1 for _ in range(events) if rng.random() < 0.05)
    fmt = {"OFFLINE": events - online + both, "ONLINE": online} if events else {}
    return {"events_total": events, "events_by_direction": dirs, "events_by_format": fmt,
            "volunteer_hours": hours, "volunteer_positions": positions}


def _data(u: dict, t: int, rng: random.Random, stock: int) -> dict:
    female = round(stock * u["female"])
    provided = "YES" if rng.random() < u["support"] else rng.choice(["NO", "NOT_NEEDED"])
    data = {"volunteers_total": stock, "gender": {"F": female, "M": stock - female},
            "age": dict(zip(AGES, _split(stock, u["ages"], rng))),
            "occupation": dict(zip(OCCS, _split(stock, u["occs"], rng))),
            "registered_orgs_count": u["orgs"] + t // 8,
            "initiative_groups_count": 2 * u["orgs"] + t // 6,
            "rfo_support_provided": provided,
            "rfo_support_types": rng.sample(SUPPORT, rng.randint(1, 3)) if provided == "YES"
            else []}
    data.update(_flows(u, t, rng))
    return data


def _stamp(period: str, rng: random.Random) -> tuple[str, str]:
    y, m = int(period[:4]), int(period[5:])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    day, hour = rng.randint(1, 8), rng.randint(8, 18)
    created = f"{y:04d}-{m:02d}-{day:02d}T{hour:02d}:{rng.randint(0, 59):02d}:00Z"
    upd_day = min(28, day + rng.choice([0, 0, 1, 2]))
    return created, f"{y:04d}-{m:02d}-{upd_day:02d}T{hour:02d}:{rng.randint(0, 59):02d}:30Z"


def clean_records(units: list[dict], seed: int = 12) -> list[dict]:
    rng = random.Random(seed + 1)
    out = []
    for u in units:
        if u["kind"] != "district":
            continue
        for t, period in enumerate(periods()):
            if t < u["start"] or rng.random() < 0.01:                # not started / missing
                continue
            created, updated = _stamp(period, rng)
            out.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "form": "monthly_report", "form_version": 1, "org_unit": u["id"],
                        "period": period, "status": "submitted", "revision": 1,
                        "deleted": False, "created_at": created, "updated_at": updated,
                        "data": _data(u, t, rng, _stock(u, t, rng))})
    return out


def build(seed: int = 12) -> tuple[list[dict], list[dict], list[dict]]:
    """(org units, records, key of planted problems)."""
    from bench.quality_plant import plant

    units = country(seed)
    records = clean_records(units, seed)
    key = plant(records, units, random.Random(seed + 2), PLANTS)
    return units, records, key
