"""Event and monthly-report records typed out for the issue-16 tests (events fill the report)."""
from __future__ import annotations

import uuid


def event(unit: str, date: str, *, direction="MED", formats=("OFFLINE",), counted="YES",
          hours=None, positions=None, volunteers=5) -> dict:
    data = {"title": f"Акция {date}", "date_start": date, "primary_direction": direction,
            "formats": list(formats), "is_volunteering": counted, "organizer_type": "RFO",
            "volunteers_count": volunteers, "data_source": "RFO", "known_to_rfo": "YES"}
    if hours is not None:
        data["volunteer_hours"] = hours
    if positions is not None:
        data["volunteer_positions"] = positions
    return {"id": str(uuid.uuid4()), "form": "event", "form_version": 2, "org_unit": unit,
            "period": date[:7], "status": "draft", "data": data, "justification": None}


# three counted events of SHY-ABAY in 2026-03 and three that must not count
MARCH = [
    event("SHY-ABAY", "2026-03-02", direction="MED", formats=("OFFLINE",), hours=40,
          positions=8),
    event("SHY-ABAY", "2026-03-10", direction="ECO", formats=("OFFLINE", "ONLINE"),
          hours=12.5, positions=5),
    event("SHY-ABAY", "2026-03-28", direction="MED", formats=("AUTO",), hours=7,
          positions=3),
    event("SHY-ABAY", "2026-03-15", direction="EDU", counted="NO", hours=100, positions=50),
    event("SHY-ABAY", "2026-03-16", direction="EDU", counted="DOUBTFUL", hours=9, positions=9),
    event("SHY-ABAY", "2026-04-01", direction="MED", hours=1000, positions=100),
    event("SHY-ENBEKSHI", "2026-03-05", direction="MED", hours=1000, positions=100),
]
MARCH_SUMS = {"events_total": 3, "events_by_direction": {"MED": 2, "ECO": 1},
              "events_by_format": {"OFFLINE": 2, "ONLINE": 1, "AUTO": 1},
              "volunteer_hours": 59.5, "volunteer_positions": 16}


def seed_events(store, events=MARCH) -> None:
    for e in events:
        store.save_record(e, user="aigerim")
