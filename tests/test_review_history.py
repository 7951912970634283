"""The scope review of monthly reports (issue 12): a month reviewed alone finds exactly what
the year's review finds for that month, on a real SQLite store; planted problems are found
once, in the user's language, with field labels."""
from __future__ import annotations

import random
import re
import uuid

import pytest

from forms.messages import messages
from reports.quality_review import distinct_lines, review, review_store
from store import open_store

UNITS = [{"id": "AKM", "kind": "region", "region": "AKM", "name_ru": "Акмолинская"}] + [
    {"id": f"AKM-D{i}", "kind": "district", "region": "AKM", "name_ru": f"Район {i}"}
    for i in range(1, 6)]
PERIODS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]


def _data(rng, volunteers: int, events: int) -> dict:
    female = volunteers * 11 // 20
    positions = events * rng.randint(4, 9)
    age = [volunteers // 3, volunteers // 3]
    occ = [volunteers // 2]
    return {"volunteers_total": volunteers, "gender": {"F": female, "M": volunteers - female},
            "age": {"A14_17": age[0], "A18_28": age[1], "A29_35": volunteers - sum(age)},
            "occupation": {"STUDENT": occ[0], "EMPLOYED": volunteers - occ[0]},
            "registered_orgs_count": 4, "initiative_groups_count": 9,
            "events_total": events, "events_by_direction": {"EDU": events} if events else {},
            "events_by_format": {"OFFLINE": events} if events else {},
            "volunteer_hours": round(positions * rng.uniform(2.5, 3.5), 1),
            "volunteer_positions": positions, "rfo_support_provided": "NO",
            "rfo_support_types": []}


def _records() -> list[dict]:
    rng = random.Random(5)
    out = []
    for u in UNITS[1:]:
        base = rng.randint(150, 400)
        for t, p in enumerate(PERIODS):
            nxt = PERIODS[t + 1] if t + 1 < len(PERIODS) else "2025-01"
            out.append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{u['id']}/{p}")), "form": "monthly_report", "form_version": 1,
                        "org_unit": u["id"], "period": p, "status": "submitted",
                        "updated_at": f"{nxt}-0{rng.randint(1, 6)}T10:00:00Z",
                        "data": _data(rng, round(base * (1 + 0.01 * t)) + rng.randint(-3, 3),
                                      rng.randint(5, 12))})
    by = {(r["org_unit"], r["period"]): r for r in out}
    by[("AKM-D1", "2024-03")]["data"] = dict(by[("AKM-D1", "2023-03")]["data"])  # last year
    d = by[("AKM-D2", "2023-06")]["data"]                                       # ×10 typo
    d["volunteer_hours"] = d["volunteer_hours"] * 10
    d = by[("AKM-D3", "2023-09")]["data"]                                       # a tenth
    v = d["volunteers_total"] // 10
    d.update(volunteers_total=v, gender={"F": v // 2, "M": v - v // 2},
             age={"A14_17": v // 2, "A18_28": v - v // 2, "A29_35": 0},
             occupation={"STUDENT": v, "EMPLOYED": 0})
    by[("AKM-D4", "2024-05")]["data"] = dict(by[("AKM-D4", "2024-04")]["data"])  # last month
    by[("AKM-D5", "2023-11")]["data"]["gender"]["F"] += 7                       # sums
    return out


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "review.sqlite3", user="coordinator")
    s.upsert_org_units(UNITS)
    s.import_records(_records(), user="coordinator")
    yield s
    s.close()


def _key(f: dict) -> tuple:
    return (f["record_id"], f.get("rule_detail") or f["rule"], f["severity"],
            f["message_code"], f["message"])


def test_month_review_equals_year_review_on_a_store(store):
    whole = review_store(store)
    assert whole, "the planted problems must be found"
    for year in ("2023", "2024"):
        year_found = review_store(store, spec=year)
        for p in [q for q in PERIODS if q.startswith(year)]:
            month = sorted(map(_key, review_store(store, spec=p)))
            assert month == sorted(_key(f) for f in year_found if f["period"] == p), p
            assert month == sorted(_key(f) for f in whole if f["period"] == p), p


def _found(findings, unit, period) -> set:
    return {f.get("rule_detail") or f["rule"] for f in findings
            if f["org_unit"] == unit and f["period"] == period}


def test_planted_problems_are_found_month_by_month_and_reported_once(store):
    assert "VR-01-year" in _found(review_store(store, spec="2024-03"), "AKM-D1", "2024-03")
    assert "VR-02-jump" in _found(review_store(store, spec="2023-06"), "AKM-D2", "2023-06")
    assert "VR-02-drop" in _found(review_store(store, spec="2023-09"), "AKM-D3", "2023-09")
    assert "VR-01-prev" in _found(review_store(store, spec="2024-05"), "AKM-D4", "2024-05")
    assert "VR-03" in _found(review_store(store, spec="2023-11"), "AKM-D5", "2023-11")
    after = review_store(store, spec="2023-07..2023-08") + review_store(store, spec="2023-10")
    assert not [f for f in after if f["severity"] != "info"], after
    # imported history (created_at = import time) is not "typed in at once"
    assert not [f for f in review_store(store) if f["rule"] == "VR-19"]


def test_months_typed_in_at_once_are_flagged():
    recs = [r for r in _records() if r["org_unit"] == "AKM-D1"]
    for r in recs:
        if r["period"] < "2024-01":
            r["updated_at"] = r["created_at"] = "2024-01-04T16:00:00Z"
    found = [f for f in review(recs, units=UNITS, use_forms=False, period="2023")
             if f["rule"] == "VR-19"]
    # each month says it (a month reviewed alone too), one text naming the whole batch
    assert [f["period"] for f in found] == PERIODS[:12], found
    assert all(f["params"] == {"count": 12, "months": "2023-01 – 2023-12",
                               "date": "2024-01-04"} for f in found)
    assert "(2023-01 – 2023-12)" in found[0]["message"]
    assert distinct_lines(found) == found[:1]   # a list shows the batch once
    alone = [f for f in review(recs, units=UNITS, use_forms=False, period="2023-03")
             if f["rule"] == "VR-19"]
    assert [f["message"] for f in alone] == [found[0]["message"]]


def test_two_batches_of_one_unit_are_two_findings():
    """Half a year typed in on one day, the other half (but September, sent in time) a week
    later: two batches, each one finding naming its months."""
    recs = [r for r in _records() if r["org_unit"] == "AKM-D2"]
    for r in recs:
        if "2023-01" <= r["period"] <= "2023-06":
            r["updated_at"] = r["created_at"] = "2024-02-01T09:00:00Z"
        elif "2023-07" <= r["period"] <= "2023-12" and r["period"] != "2023-09":
            r["updated_at"] = r["created_at"] = "2024-02-08T15:30:00Z"
    found = [f for f in review(recs, units=UNITS, use_forms=False, lang="en")
             if f["rule"] == "VR-19"]
    lines = distinct_lines(found)
    assert [(f["period"], f["params"]["months"]) for f in lines] == [
        ("2023-01", "2023-01 – 2023-06"), ("2023-07", "2023-07 – 2023-08, 2023-10 – 2023-12")]
    assert len(found) == 11 and "2023-09" not in {f["period"] for f in found}
    assert "for 5 months (2023-07 – 2023-08, 2023-10 – 2023-12) were entered at once " \
           "(2024-02-08)" in lines[1]["message"]


def test_texts_use_labels_and_one_language(store):
    for lang in ("ru", "kk", "en"):
        for f in review_store(store, lang=lang):
            assert not re.search(r"\b[a-z_]+\.[A-Z0-9_]+\b|volunteers_total|volunteer_hours",
                                 f["message"]), f["message"]
    for code, texts in messages().items():
        if not code.startswith("review_"):
            continue
        for lang in ("ru", "kk"):
            plain = re.sub(r"\{[a-z_]+(:plural:([^}]*))?\}", r"\2", texts[lang])  # forms kept
            assert not re.search(r"[A-Za-z]{3,}", plain), (code, lang, texts[lang])
        assert not re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІі]", texts["en"]), (code, texts["en"])


SEASON = [0.7, 0.75, 0.9, 1.0, 1.1, 1.6, 1.7, 1.5, 1.15, 1.1, 1.0, 1.3]  # a summer of camps


def test_a_season_seen_a_year_before_is_no_jump_an_inflated_one_is():
    """June's volunteers rise to 1.6 × the spring every year: the second June is no jump (its
    level is last June's), while a June typed at three times that still is."""
    rng = random.Random(11)
    recs = []
    for unit in ("AKM-D1", "AKM-D2"):
        for t, p in enumerate(PERIODS):
            v = round(120 * SEASON[t % 12] * (1 + 0.004 * t)) + rng.randint(-4, 4)
            recs.append({"id": f"{unit}/{p}", "form": "monthly_report", "form_version": 1,
                         "org_unit": unit, "period": p, "status": "submitted",
                         "updated_at": f"{p}-28T10:00:00Z", "created_at": f"{p}-28T10:00:00Z",
                         "data": _data(rng, v, rng.randint(5, 12))})
    inflated = next(r for r in recs if r["id"] == "AKM-D2/2024-06")["data"]
    inflated.update(_data(rng, inflated["volunteers_total"] * 3, inflated["events_total"]))
    found = review(recs, units=UNITS, use_forms=False, period="2024")
    jumps = {(f["org_unit"], f["period"]) for f in found if f.get("rule_detail") == "VR-02-jump"}
    assert jumps == {("AKM-D2", "2024-06")}, jumps


def test_a_sparse_table_copied_from_last_month_is_found():
    """A region's own table keeps six indicators, not the whole form: its October typed as a
    copy of September (every figure the same) is said, though one year of six cells is too
    short a series to learn from alone; the stock that never moves (the district's four
    organizations) adds nothing, and a month that is not a copy is quiet."""
    rng = random.Random(5)
    recs = []
    for t, p in enumerate(PERIODS[:12]):
        v = 120 + rng.randint(-15, 15)
        f = v // 2 + rng.randint(-6, 6)
        data = {"volunteers_total": v, "gender": {"F": f, "M": v - f},
                "events_total": rng.randint(4, 9), "volunteer_hours": v * rng.randint(3, 6),
                "registered_orgs_count": 4}
        recs.append({"id": f"AKM-D1/{p}", "form": "monthly_report", "form_version": 1,
                     "org_unit": "AKM-D1", "period": p, "status": "submitted",
                     "updated_at": f"{p}-28T10:00:00Z", "created_at": f"{p}-28T10:00:00Z",
                     "data": data})
    recs[9]["data"] = dict(recs[8]["data"], gender=dict(recs[8]["data"]["gender"]))
    found = review(recs, units=UNITS, use_forms=False, period="2023")
    copies = [(f["period"], f.get("rule_detail")) for f in found if f["rule"] == "VR-01"]
    assert copies == [("2023-10", "VR-01-prev")], copies


def test_a_list_says_a_finding_of_many_months_once_with_its_months():
    """A field left empty all year is one line on its first month naming the others, not
    one line hiding the other eleven months (nor twelve alike)."""
    same = [{"org_unit": "AKM-D1", "rule": "required", "period": p, "record_id": p,
             "message": "Поле «Возрастной состав» обязательно для заполнения"}
            for p in PERIODS[:12] if p != "2023-05"]
    other = dict(same[0], org_unit="AKM-D2")
    lines = distinct_lines(same + [other], "ru")
    assert [(f["org_unit"], f["period"], f["message"]) for f in lines] == [
        ("AKM-D1", "2023-01", ("Поле «Возрастной состав» обязательно для заполнения. "
                              "То же за 2023-02 – 2023-04, 2023-06 – 2023-12.")),
        ("AKM-D2", "2023-01", "Поле «Возрастной состав» обязательно для заполнения")]
    assert same[0]["message"].endswith("заполнения")  # the findings themselves unchanged
