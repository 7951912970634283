"""A synthetic reporting year (demo data, acceptance tests, benchmarks).

`synthetic_year()` builds monthly reports for 20 regions whose aggregation must reproduce the
seed report's headline totals (DOMAIN §4): 217,391 volunteers (stock), 1,161,613 hours,
64,799 positions, 609 registered organizations, 1,882 initiative groups, 127 development
events (98 Jan-Nov + 29 in December) with 5,180 participants and 463 hours. Earlier months
carry smaller stocks and some org units stop reporting early, so summing every month, or
taking December only, gives a wrong answer: only "latest report per org unit" is right.
"""
from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from typing import Any

from reports._ref import enum_codes, label

REGIONS = ["AST", "ALA", "SHY", "ABA", "AKM", "AKT", "ALM", "ATY", "VKO", "ZHA", "ZHT", "ZKO",
           "KAR", "KOS", "KZY", "MAN", "PAV", "SKO", "TUR", "ULY"]
CITIES = {"AST", "ALA", "SHY"}
DIRECTIONS = ["MED", "EDU", "ART", "HUM", "DON", "ZOO", "MEDIA", "SEARCH", "EVENT", "CRISIS",
              "HOSPICE", "SPECIAL", "CHILD", "PRISON", "ELDER", "PUBLIC", "ADDICT", "SPORT",
              "EMERG", "ECO", "ETHNO", "ANTICOR"]
SUPPORT = ["INFO", "COORD", "ADMIN", "GEAR", "INVENTORY", "VOLUNTEERS", "TRANSPORT", "FINANCE"]
TARGETS = {"volunteers_total": 217_391, "registered_orgs_count": 609,
           "initiative_groups_count": 1_882, "volunteer_hours": 1_161_613,
           "volunteer_positions": 64_799}
DEV_TARGETS = {"events_jan_nov": 98, "events_dec": 29, "participants": 5_180, "hours": 463}
AGE_W = [4, 22, 38, 16, 11, 6, 3]
OCC_W = [30, 28, 22, 8, 4, 8]
# DOMAIN §4 H8-H12, the occupation extremes of the regions' latest reports: Almaty's
# schoolchildren and students (the largest), Kyzylorda's schoolchildren (the fewest), the three
# lowest student counts, and the largest shares of employed and unemployed volunteers.
OCC_CELLS = {"ALA": {"SCHOOL": 18_993, "STUDENT": 20_023}, "KZY": {"SCHOOL": 132},
             "ATY": {"STUDENT": 312}, "ABA": {"STUDENT": 555}, "SHY": {"STUDENT": 560}}
OCC_SHARES = {"KZY": {"EMPLOYED": 0.46}, "ALM": {"UNEMPLOYED": 0.20},
              "ABA": {"UNEMPLOYED": 0.16}}
ALA_SHARE = 0.24    # Almaty city's share of all volunteers: room for H8's 39,016


def split(total: int, weights: Sequence[float]) -> list[int]:
    """Integers proportional to weights that sum exactly to total (largest remainder)."""
    s = float(sum(weights)) or 1.0
    raw = [total * w / s for w in weights]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def district_names(region: dict[str, str], n: int) -> dict[str, str]:
    """A made-up district's name in each language: «Карагандинская область, район 2»
    (a Kazakh clerk trying the demo read «KAR район 2» before)."""
    return {"name_ru": f"{region['name_ru']}, район {n}",
            "name_kk": f"{region['name_kk']}, {n}-аудан",
            "name_en": f"{region['name_en']}, district {n}"}


def org_units(scale: int = 1, seed: int = 7) -> list[dict]:
    """Regions and districts: cities report as a whole; oblasts by district (some also at
    region level). `scale` multiplies the number of districts."""
    rng = random.Random(seed)
    units = []
    for i, code in enumerate(REGIONS):
        names = {f"name_{lang}": label("regions", code, lang) for lang in ("ru", "kk", "en")}
        units.append({"id": code, "kind": "region", "region": code, **names,
                      "reports": code in CITIES or i % 6 == 0})
        if code in CITIES:
            continue
        for d in range(rng.randint(2, 4) * scale):
            units.append({"id": f"{code}-D{d + 1:02d}", "kind": "district", "region": code,
                          **district_names(names, d + 1), "reports": True})
    return units


def _stock_series(final: int, months: int) -> list[int]:
    """Gradual growth towards `final` (≈2-3 % a month), never a jump."""
    return [round(final * (0.75 + 0.25 * (m + 1) / months)) for m in range(months - 1)] + [final]


def _record(rng, unit: str, period: str, data: dict, year: int) -> dict:
    month = int(period[5:])
    nxt = f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"
    return {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "form": "monthly_report",
            "form_version": 1, "org_unit": unit, "period": period, "status": "submitted",
            "data": data, "justification": None, "review_comment": None, "revision": 1,
            "version": None, "deleted": False, "updated_at": f"{nxt}-05T10:00:00Z",
            "created_at": f"{nxt}-0{rng.randint(1, 5)}T09:00:00Z", "updated_by": "demo"}


def _breakdown(total: int, rng) -> dict:
    female = round(total * rng.uniform(0.52, 0.6))
    return {"gender": {"F": female, "M": total - female},
            "age": dict(zip(enum_codes("age_bands"), split(total, AGE_W))),
            "occupation": dict(zip(enum_codes("occupations"), split(total, OCC_W)))}


def _last_months(units: list[dict]) -> dict[str, int]:
    """Every 7th reporting unit stops in October: its latest report is not December's."""
    return {u["id"]: (10 if i % 7 == 3 else 12) for i, u in enumerate(units)}


def synthetic_year(year: int = 2023, *, scale: int = 1, seed: int = 7, factor: float = 1.0,
                   unit_seed: int | None = None) -> tuple[list, list]:
    """(monthly report records, org units). Totals are exact at scale=1, ×scale otherwise;
    `factor` scales every target (an earlier, smaller year); `unit_seed` keeps the same org
    units across years generated with different seeds."""
    rng = random.Random(seed)
    units = org_units(scale, seed if unit_seed is None else unit_seed)
    reporting = [u for u in units if u["reports"]]
    last = _last_months(reporting)
    target = {k: round(v * factor) for k, v in TARGETS.items()}
    stocks = {k: split(target[k] * scale, _unit_weights(rng, reporting, k))
              for k in ("volunteers_total", "registered_orgs_count", "initiative_groups_count")}
    cells = [(u["id"], m) for u in reporting for m in range(1, last[u["id"]] + 1)]
    flows = {k: split(target[k] * scale, _flow_weights(rng, cells))
             for k in ("volunteer_hours", "volunteer_positions")}
    dev = _dev_rows(rng, cells, scale, factor)
    index = {u["id"]: i for i, u in enumerate(reporting)}
    series = {(unit, k): _stock_series(stocks[k][index[unit]], last[unit])
              for unit in index for k in stocks}
    records = []
    for ci, (unit, month) in enumerate(cells):
        data: dict[str, Any] = {k: series[(unit, k)][month - 1] for k in stocks}
        data.update(_breakdown(data["volunteers_total"], rng))
        data.update({k: flows[k][ci] for k in flows})
        data.update(_events(rng))
        data.update(_support(rng))
        data["dev_events"] = dev.get(ci, [])
        records.append(_record(rng, unit, f"{year}-{month:02d}", data, year))
    _calibrate_occupations(records, reporting, last, scale * factor)
    return records, units


def _unit_weights(rng, reporting: list[dict], key: str) -> list[float]:
    weights = [rng.uniform(1, 3) for _ in reporting]
    big = [i for i, u in enumerate(reporting) if u["region"] == "ALA"]
    if key == "volunteers_total" and big:
        rest = sum(w for i, w in enumerate(weights) if i not in big)
        for i in big:
            weights[i] = ALA_SHARE / (1 - ALA_SHARE) * rest / len(big)
    return weights


def _calibrate_occupations(records: list[dict], reporting: list[dict], last: dict,
                           scale: float) -> None:
    """Set the occupation cells of each unit's latest report so that the regions' sums give
    H8-H12 (counts ×scale, shares as they are); the other cells follow OCC_W."""
    codes = enum_codes("occupations")
    latest = {(r["org_unit"], int(r["period"][5:])): r for r in records}
    for region in set(OCC_CELLS) | set(OCC_SHARES):
        recs = [latest[(u["id"], last[u["id"]])] for u in reporting if u["region"] == region]
        totals = [r["data"]["volunteers_total"] for r in recs]
        fixed = {c: round(v * scale) for c, v in OCC_CELLS.get(region, {}).items()}
        fixed |= {c: round(v * sum(totals)) for c, v in OCC_SHARES.get(region, {}).items()}
        parts = {c: split(v, totals) for c, v in fixed.items()}
        free = [(c, w) for c, w in zip(codes, OCC_W) if c not in fixed]
        for j, rec in enumerate(recs):
            occ = {c: parts[c][j] for c in fixed}
            rest = totals[j] - sum(occ.values())
            if rest < 0:
                raise ValueError(f"synthetic year: {region} too small for its H8-H12 cells")
            occ.update(zip([c for c, _ in free], split(rest, [w for _, w in free])))
            rec["data"]["occupation"] = {c: occ[c] for c in codes}


def _flow_weights(rng, cells: list) -> list[float]:
    """A unit's size × a mild season × ±3 % noise: flows vary smoothly month to month."""
    size = {u: rng.uniform(1, 3) for u, _ in cells}
    return [size[u] * (1 + 0.03 * math.sin(math.pi * m / 6)) * rng.uniform(0.97, 1.03)
            for u, m in cells]


def _events(rng) -> dict:
    total = rng.randint(8, 40)
    picks = rng.sample(DIRECTIONS, 5)
    by_dir = dict(zip(picks, split(total, [rng.uniform(1, 4) for _ in picks])))
    fmt = dict(zip(["OFFLINE", "ONLINE", "AUTO"], split(total, [7, 2, 1])))
    return {"events_total": total, "events_by_direction": by_dir, "events_by_format": fmt}


def _support(rng) -> dict:
    choice = rng.choice(["YES", "YES", "NO", "NOT_NEEDED"])
    types = sorted(rng.sample(SUPPORT, rng.randint(1, 3))) if choice == "YES" else []
    return {"rfo_support_provided": choice, "rfo_support_types": types}


def _dev_rows(rng, cells: list, scale: int, factor: float = 1.0) -> dict[int, list]:
    """127 development events (98 Jan-Nov, 29 December) as roster rows on random reports."""
    early = [i for i, (_, m) in enumerate(cells) if m <= 11]
    dec = [i for i, (_, m) in enumerate(cells) if m == 12]
    counts: dict[int, int] = {}
    for pool, total in ((early, DEV_TARGETS["events_jan_nov"]), (dec, DEV_TARGETS["events_dec"])):
        for _ in range(round(total * factor) * scale):
            i = rng.choice(pool)
            counts[i] = counts.get(i, 0) + 1
    keys = sorted(counts)
    parts = split(round(DEV_TARGETS["participants"] * factor) * scale, [counts[k] for k in keys])
    hours = split(round(DEV_TARGETS["hours"] * factor) * scale, [counts[k] for k in keys])
    types = ["TRAINING", "TEAMBUILDING", "NGO_CAPACITY", "AWARD"]
    out = {}
    for k, p, h in zip(keys, parts, hours):
        out[k] = [{"dev_event_type": "AWARD" if cells[k][1] == 12 else rng.choice(types[:3]),
                   "dev_events_count": counts[k], "dev_participants": p, "dev_hours": h,
                   "dev_organizer": "RFO_MRC", "occasion": "REGULAR"}]
    return out
