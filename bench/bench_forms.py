"""Forms engine benchmarks: validating monthly reports with a year of history, and loading
every definition from disk."""
from __future__ import annotations

import time

N_RECORDS = 2000
TARGET_MS_PER_RECORD = 2.0
TARGET_LOAD_MS = 500.0


def _row(name, value, unit, target, ok):
    return (name, value, unit, target, f"{value / target:.2f}" if target else "-", ok)


def _sample(i: int) -> dict:
    k = 1 + (i % 17) / 100
    total = round(604 * k)
    f = round(total * 0.55)
    return {
        "volunteers_total": total, "gender": {"F": f, "M": total - f},
        "age": {"A14_17": total // 3, "A18_28": total - total // 3},
        "occupation": {"SCHOOL": total // 2, "STUDENT": total - total // 2},
        "registered_orgs_count": 12, "initiative_groups_count": 41, "events_total": 37,
        "events_by_direction": {"ECO": 20, "PUBLIC": 17}, "events_by_format": {"OFFLINE": 37},
        "volunteer_hours": 2400.0 * k, "volunteer_positions": 500, "rfo_support_provided": "NO",
        "dev_events": [{"no": 1, "dev_event_type": "TRAINING", "dev_events_count": 2,
                        "dev_participants": 50, "dev_hours": 6.0}],
    }


def _record(i: int, period: str) -> dict:
    return {"id": f"r{i}", "form": "monthly_report", "form_version": 1, "org_unit": "SHY",
            "period": period, "status": "draft", "data": _sample(i)}


def bench_validate() -> list:
    from forms import load_form, validate_record
    form = load_form("monthly_report")
    history = [_record(100 + m, f"2023-{m:02d}") for m in range(1, 13)]
    records = [_record(i, "2024-01") for i in range(N_RECORDS)]
    t0 = time.perf_counter()
    for rec in records:
        validate_record(form, rec, history=history)
    ms = (time.perf_counter() - t0) * 1000 / N_RECORDS
    return [_row("forms: validate monthly report + 12-month history", round(ms, 3),
                 "ms/rec", TARGET_MS_PER_RECORD, ms <= TARGET_MS_PER_RECORD)]


def bench_load() -> list:
    from forms.loader import all_forms, reload_forms
    t0 = time.perf_counter()
    reload_forms()
    n = len(all_forms())
    ms = (time.perf_counter() - t0) * 1000
    return [_row(f"forms: parse and check all {n} definitions", round(ms, 1), "ms",
                 TARGET_LOAD_MS, ms <= TARGET_LOAD_MS)]


def run() -> list:
    return bench_load() + bench_validate()
