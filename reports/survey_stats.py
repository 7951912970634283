"""Aggregates of the volunteer and organization surveys (forms volunteer_survey, org_survey):
answers counted per option, sums of the numbers given, size and hours bands, the awareness
statements. The annual report (reports/annual/build_survey*.py) presents them; records are
chosen with reports.aggregate.select like every other report. A question nobody answered
counts nothing: a share is over those who answered it.
"""
from __future__ import annotations

from collections import Counter
from statistics import mean

from forms.reference import get_enum
from reports.aggregate import select, stated_region

# Diagram 5 groups the funding sources in pairs (DOMAIN §2.9, H18).
FUNDING_GROUPS = {"own": ("OWN", "NONE"), "donors": ("SPONSOR", "CROWD"),
                  "grants": ("STATE_GRANT", "SMALL_GRANT")}
# Diagram 14: volunteer hours a month, bands [low, high) (None: no upper bound).
HOURS_BANDS = ((0, 5), (5, 10), (10, 20), (20, 40), (40, None))
AWARENESS_FIELDS = tuple(f"awareness_a{i}" for i in range(5))
NOT_KNOWN = "DID_NOT_KNOW"


def survey_records(records, form: str, year: int, region: str | None,
                   units: dict | None) -> list[dict]:
    """The live answers of `form` dated in `year`, in `region` (the region the answer names)."""
    return select(records, str(year), region=region, units=units, form=form,
                  region_fn=stated_region)


def _given(value) -> bool:
    return value is not None and value != "" and value != []


def answered(records: list[dict], field: str) -> list[dict]:
    """The records that answer `field`."""
    return [r for r in records if _given((r.get("data") or {}).get(field))]


def option_counts(records: list[dict], field: str) -> Counter:
    """How many answers name each option of a choice or multiple-choice field."""
    counts: Counter = Counter()
    for r in records:
        value = (r.get("data") or {}).get(field)
        if isinstance(value, list):
            counts.update(dict.fromkeys(value, 1))
        elif _given(value):
            counts[value] += 1
    return counts


def numbers(records: list[dict], field: str) -> list[float]:
    out = []
    for r in records:
        value = (r.get("data") or {}).get(field)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(value)
    return out


def number_summary(records: list[dict], field: str) -> dict:
    """Sum (two decimals: a sum of decimals), count, mean (one decimal), minimum, maximum of
    the numbers given."""
    values = numbers(records, field)
    if not values:
        return {"sum": 0, "n": 0, "mean": None, "min": None, "max": None}
    return {"sum": round(sum(values), 2), "n": len(values), "mean": round(mean(values), 1),
            "min": min(values), "max": max(values)}


def org_kinds(orgs: list[dict]) -> dict[str, dict]:
    """Per status (org_kinds): how many answered and their years active (H14, H16)."""
    out = {}
    for code in get_enum("org_kinds").codes:
        mine = [r for r in orgs if (r.get("data") or {}).get("org_type") == code]
        if mine:
            out[code] = {"count": len(mine), **number_summary(mine, "years_active")}
    return out


def size_band_of(value) -> str | None:
    """The Table 1 band whose [min, max] holds `value` (the bands have gaps: None there)."""
    for item in get_enum("org_size_bands").items:
        if item.extra["min"] <= value <= item.extra["max"]:
            return item.code
    return None


def size_bands(orgs: list[dict]) -> Counter:
    """Organizations per size band: the band answered, else the band of the number given."""
    counts: Counter = Counter()
    for r in orgs:
        data = r.get("data") or {}
        band = data.get("size_band")
        number = data.get("volunteers_attracted_12m")
        if not band and isinstance(number, int) and not isinstance(number, bool):
            band = size_band_of(number)
        if band:
            counts[band] += 1
    return counts


def funding_groups(counts: Counter) -> dict[str, float | None]:
    """Each group's share of all funding mentions, in per cent (one decimal)."""
    total = sum(counts.values())
    return {k: round(100.0 * sum(counts[c] for c in codes) / total, 1) if total else None
            for k, codes in FUNDING_GROUPS.items()}


def hours_band(value: float) -> int:
    return next(i for i, (lo, hi) in enumerate(HOURS_BANDS) if value >= lo and
                (hi is None or value < hi))


def hours_bands(volunteers: list[dict]) -> Counter:
    """Respondents per band of hours a month (index into HOURS_BANDS)."""
    return Counter(hours_band(v) for v in numbers(volunteers, "hours_per_month"))


def awareness(volunteers: list[dict]) -> list[tuple[str, int, int]]:
    """(field, answered, did not know) of each awareness statement (H25)."""
    out = []
    for field in AWARENESS_FIELDS:
        got = option_counts(volunteers, field)
        out.append((field, sum(got.values()), got[NOT_KNOWN]))
    return out
