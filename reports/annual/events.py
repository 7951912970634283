"""Tallies of event and hotline-appeal records that no other report makes yet: content tags,
volunteering marks, outcomes, partner agencies per region; appeals by channel and purpose.
Records are chosen with reports.aggregate.select, like every other report."""
from __future__ import annotations

from collections import Counter, defaultdict

from reports.aggregate import region_of, select
from reports.hotline import answered_within, response_summary

NOT_VOLUNTEERING = ("NO", "DOUBTFUL")


def _n(value) -> float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def event_records(records, year: int, region: str | None, units: dict | None) -> list[dict]:
    return select(records, str(year), region=region, units=units, form="event")


def event_tally(events: list[dict], units: dict | None) -> dict:
    """Content tags, volunteering marks, figures and partner agencies, overall and per
    region (the region of the event's org unit)."""
    tags: Counter = Counter()
    partners: Counter = Counter()
    regions: dict[str, dict] = defaultdict(_region_cell)
    for r in events:
        data = r.get("data") or {}
        cell = regions[region_of(r["org_unit"], units)]
        cell["events"] += 1
        mark = data.get("is_volunteering")
        cell["marks"][mark if mark in ("YES", *NOT_VOLUNTEERING) else "UNSPECIFIED"] += 1
        for key in ("volunteers_count", "volunteer_positions", "volunteer_hours",
                    "beneficiaries_count"):
            cell[key] += _n(data.get(key))
        cell["with_outcome"] += bool((data.get("outcome_text") or "").strip())
        for tag in data.get("content_tags") or []:
            tags[tag] += 1
            cell["tags"][tag] += 1
        for dept in data.get("partner_agencies") or []:
            partners[dept] += 1
    return {"events": len(events), "tags": dict(tags), "partners": dict(partners),
            "by_region": dict(sorted(regions.items()))}


def _region_cell() -> dict:
    return {"events": 0, "marks": Counter(), "tags": Counter(), "volunteers_count": 0,
            "volunteer_positions": 0, "volunteer_hours": 0, "beneficiaries_count": 0,
            "with_outcome": 0}


def hotline_tally(records, year: int, region: str | None, units: dict | None) -> dict:
    """Appeals of the year by channel, purpose and result; volunteering-related; closed; the
    response time of those closed with a date (reports.hotline).
    The region of an appeal is the applicant's region."""
    chosen = select(records, str(year), region=region, units=units, form="hotline_appeal",
                    region_fn=lambda r, u: (r.get("data") or {}).get("applicant_region") or "")
    channels: Counter[str] = Counter()
    purposes: Counter[str] = Counter()
    related = closed = 0
    for r in chosen:
        data = r.get("data") or {}
        channels[data.get("channel") or "OTHER"] += 1
        purposes[data.get("purpose") or "OTHER_NONVOL"] += 1
        related += data.get("volunteering_related") is True
        closed += data.get("closed") is True
    return {"appeals": len(chosen), "channels": channels, "purposes": purposes,
            "related": related, "closed": closed, "response": response_summary(chosen),
            "within": answered_within(chosen)}
