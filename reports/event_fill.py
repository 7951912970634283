"""Events fill the monthly report (issue 16): the one place that sums a district's event records
of a month into the monthly report's figures.

Only events counted as volunteering (`is_volunteering` = YES on the event form) are summed.
The figures: events in all (`measure = "events"`), events by direction (each event under its
primary direction) and by format (a combined event under every one of its formats), volunteer
hours and positions (the fields marked `measure = "hours"` / `"positions"` in both forms).
The desktop offers the result for review («Заполнить из мероприятий»); the scope review
compares a submitted report with it (`event_mismatch_findings`).
"""
from __future__ import annotations

from forms import load_form

EVENT_FORM = "event"
REPORT_FORM = "monthly_report"
COUNTED = "YES"                         # is_volunteering code of an event that counts
# monthly report breakdown field -> the event's choice field it counts
BREAKDOWNS = {"events_by_direction": "primary_direction", "events_by_format": "formats"}
SUMMED = ("hours", "positions")        # measures summed from the events into the report


def counted(event: dict) -> bool:
    """Is this event record summed into the monthly report?"""
    return (not event.get("deleted") and event.get("form") == EVENT_FORM
            and (event.get("data") or {}).get("is_volunteering") == COUNTED)


def month_events(store, org_unit: str, period: str) -> list[dict]:
    """The event records of `org_unit` in `period` (YYYY-MM) that count as volunteering."""
    return [e for e in store.list_records(form=EVENT_FORM, org_unit=org_unit, period=period)
            if counted(e)]


def _measure_id(version, measure: str, fields: dict) -> str | None:
    """The id of the event form's `measure` field in `version`; `fields` keeps each form
    version's measure field."""
    key = (version, measure)
    if key not in fields:
        try:
            fields[key] = load_form(EVENT_FORM, version).measure_field(measure)
        except (KeyError, ValueError):
            fields[key] = None
    fd = fields[key]
    return fd.id if fd else None


def _measure_sums(events: list[dict], measures: list[str], fields: dict) -> list:
    """Per measure, the sum of the events' figures (a figure not a number counts 0)."""
    values: list[list] = [[] for _ in measures]
    ids: dict = {}                      # form version -> the measures' field ids
    for e in events:
        version = e.get("form_version")
        fids = ids.get(version)
        if fids is None:
            fids = ids[version] = [_measure_id(version, m, fields) for m in measures]
        data = e.get("data") or {}
        for fid, into in zip(fids, values):
            value = data.get(fid) if fid else None
            into.append(value if isinstance(value, (int, float))
                        and not isinstance(value, bool) else 0)
    return [sum(v) for v in values]


def _counts(events: list[dict], source: str) -> dict[str, int]:
    """How many events chose each code of their choice field `source`."""
    counts: dict[str, int] = {}
    for e in events:
        value = (e.get("data") or {}).get(source)
        for code in value if isinstance(value, list) else [value] if value else []:
            counts[code] = counts.get(code, 0) + 1
    return counts


def sum_events(events: list[dict], fields: dict | None = None) -> dict:
    """The monthly report's event figures from these events (only the counted ones).
    `fields`: the forms looked up, kept by a caller that sums many months (a review)."""
    return sum_counted([e for e in events if counted(e)], fields)


def sum_counted(events: list[dict], fields: dict | None = None, *,
                breakdowns: bool = True) -> dict:
    """`sum_events` of events already `counted`; `breakdowns=False` leaves the by-direction
    and by-format counts out (a caller that compares the totals only)."""
    fields = {} if fields is None else fields
    report = fields.get(REPORT_FORM)
    if report is None:
        report = fields[REPORT_FORM] = load_form(REPORT_FORM)
    out: dict = {}
    total = report.measure_field("events")
    if total is not None:
        out[total.id] = len(events)
    for fid, source in BREAKDOWNS.items() if breakdowns else ():
        out[fid] = _counts(events, source)
    summed = [(m, fd) for m in SUMMED if (fd := report.measure_field(m)) is not None]
    amounts = _measure_sums(events, [m for m, _ in summed], fields)
    for (_, fd), amount in zip(summed, amounts):
        out[fd.id] = round(amount, 2) if fd.type == "decimal" else int(amount)
    return out


def fill_from_events(store, report: dict) -> dict:
    """The report's data with its event figures replaced by the sums of the month's events."""
    sums = sum_events(month_events(store, report["org_unit"], report["period"]))
    return {**(report.get("data") or {}), **sums}
