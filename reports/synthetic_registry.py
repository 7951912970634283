"""The demo's organization registry (DOMAIN §4 H15): the ministry counts more than 680
registered organizations where the front offices' reports name 609. Each region's registry
holds its share of REGISTRY_TOTAL registered organizations (in proportion to the registered
organizations its latest reports name), every entry with a valid БИН."""
from __future__ import annotations

from collections.abc import Callable

from forms.identifiers import control_digit
from reports.aggregate import latest_per_unit, region_of
from reports.synthetic import split

REGISTRY_TOTAL = 684       # H15: "> 680" registered organizations in the ministry's registry
WORDS = ["Жастар", "Болашақ", "Қамқор", "Мейірім", "Шапағат", "Достық", "Жігер", "Ынтымақ"]
LEGAL_FORMS = ["OO", "OF", "OYUL"]


def _bin(rng) -> str:
    while True:
        head = f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}4" + \
            "".join(str(rng.randint(0, 9)) for _ in range(6))
        check = control_digit(head)
        if check is not None:
            return head + str(check)


def synthetic_registry(rng, records: list[dict], units: list[dict], year: int,
                       make: Callable[..., dict]) -> list[dict]:
    """Registry entries (form `organization`), one record each, kept at the region's unit."""
    umap = {u["id"]: u for u in units}
    per_region: dict[str, int] = {}
    reports = [r for r in records if r["form"] == "monthly_report"
               and r["period"].startswith(str(year))]
    for r in latest_per_unit(reports).values():
        region = region_of(r["org_unit"], umap)
        per_region[region] = per_region.get(region, 0) + r["data"]["registered_orgs_count"]
    regions = sorted(per_region)
    counts = split(REGISTRY_TOTAL, [per_region[r] for r in regions])
    out = []
    for region, n in zip(regions, counts):
        for i in range(n):
            name = f"ОО «{rng.choice(WORDS)} {region}-{i + 1}»"
            data = {"name_ru": name, "org_type": "REGISTERED", "region": region,
                    "legal_form": rng.choice(LEGAL_FORMS), "bin": _bin(rng)}
            out.append(make("organization", 1, region, f"{year}-01-15", data))
    return out
