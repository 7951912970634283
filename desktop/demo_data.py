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


def split(total: int, shares: dict[str, int]) -> dict[str, int]:
    """`total` split by percentage `shares`; the last code takes the rounding rest."""
    codes = list(shares)
    out = {c: total * shares[c] // 100 for c in codes[:-1]}
    out[codes[-1]] = total - sum(out.values())
    return out


def monthly_data(total: int, *, complete: bool = False) -> dict:
    """A monthly report of `total` volunteers; `complete` fills every breakdown the
    validator needs for a report that can be submitted."""
    female = total * 55 // 100
    data = {"volunteers_total": total, "gender": {"F": female, "M": total - female},
            "registered_orgs_count": 12, "initiative_groups_count": 4, "events_total": 9,
            "volunteer_hours": float(total * 3), "volunteer_positions": total // 2,
            "rfo_support_provided": "YES"}
    if complete:
        data.update({
            "registered_orgs_count": 8, "initiative_groups_count": 12,
            "age": split(total, {"A14_17": 20, "A18_28": 45, "A29_35": 20, "A36_50": 15}),
            "occupation": split(total, {"SCHOOL": 20, "STUDENT": 40, "EMPLOYED": 30,
                                        "PENSIONER": 10}),
            "events_by_direction": {"EDU": 3, "ECO": 2, "SPORT": 2, "ELDER": 2},
            "events_by_format": {"OFFLINE": 7, "ONLINE": 2},
            "rfo_support_types": ["INFO", "COORD", "PREMISES"],
            "dev_events": [{"no": 1, "dev_event_type": "TRAINING", "dev_events_count": 1,
                            "dev_participants": 25, "dev_hours": 4.0,
                            "dev_organizer": "RFO_MRC"}]})
    return data


def seed_demo(store, *, months: int = 14, user: str = "aigerim", submitted: int = 0,
              ) -> list[dict]:
    """Org units plus monthly reports of SHY-ABAY for ``months`` months from 2024-01; the
    first ``submitted`` of them are complete and submitted, the rest stay drafts."""
    store.upsert_org_units(DEMO_UNITS)
    saved = []
    for n in range(months):
        year, month = divmod(2024 * 12 + n, 12)
        record = {"id": str(uuid.uuid4()), "form": "monthly_report", "org_unit": "SHY-ABAY",
                  "period": f"{year:04d}-{month + 1:02d}", "status": "draft",
                  "data": monthly_data(580 + 4 * n, complete=n < submitted)}
        rec = store.save_record(record, user=user)
        if n < submitted:
            rec, _findings = store.submit_record(
                rec["id"], user=user, justification="Данные сверены с журналом волонтёров.")
        saved.append(rec)
    return saved
