"""A small, realistic local database for screenshots and manual trials (no Qt here)."""
from __future__ import annotations

import uuid

DEMO_UNITS = [
    {"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "г. Шымкент",
     "name_kk": "Шымкент қаласы", "name_en": "Shymkent"},
    {"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абайский район",
     "name_kk": "Абай ауданы", "name_en": "Abay district"},
    {"id": "SHY-ALFARABI", "kind": "district", "region": "SHY",
     "name_ru": "Аль-Фарабийский район", "name_kk": "Әл-Фараби ауданы",
     "name_en": "Al-Farabi district"},
    {"id": "SHY-ENBEKSHI", "kind": "district", "region": "SHY", "name_ru": "Енбекшинский район",
     "name_kk": "Еңбекші ауданы", "name_en": "Enbekshi district"},
]
DEMO_USER = {"username": "aigerim", "role": "district", "region": "SHY",
             "district": "SHY-ABAY"}


def monthly_data(total: int) -> dict:
    female = total * 55 // 100
    return {"volunteers_total": total, "gender": {"F": female, "M": total - female},
            "registered_orgs_count": 12, "initiative_groups_count": 4, "events_total": 9,
            "volunteer_hours": float(total * 3), "volunteer_positions": total // 2,
            "rfo_support_provided": "YES"}


def seed_demo(store, *, months: int = 14, user: str = "aigerim") -> list[dict]:
    """Org units plus monthly reports of SHY-ABAY for the last ``months`` months of 2024-25."""
    store.upsert_org_units(DEMO_UNITS)
    saved = []
    for n in range(months):
        year, month = divmod(2024 * 12 + n, 12)
        record = {"id": str(uuid.uuid4()), "form": "monthly_report", "org_unit": "SHY-ABAY",
                  "period": f"{year:04d}-{month + 1:02d}", "status": "draft",
                  "data": monthly_data(580 + 4 * n)}
        saved.append(store.save_record(record, user=user))
    return saved
