"""Direct aggregations of the survey and hotline records for tests/test_reports_annual.py:
each `expect_<table id>(records, units, rows)` recomputes a table of the annual report's
section 2 (and the hotline response time) with plain loops over the records."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from statistics import median

from forms import load_form
from forms.reference import get_enum

YEAR = 2023


def lab(enum: str, code: str) -> str:
    return get_enum(enum).label(code, "ru")


def pct(a, b):
    return round(100.0 * a / b, 1)


def answers(records, form):
    return [r["data"] for r in records if r["form"] == form and r["period"][:4] == str(YEAR)]


def orgs(records):
    return answers(records, "org_survey")


def vols(records):
    return answers(records, "volunteer_survey")


def _multi(rows_of, key):
    c = Counter()
    for d in rows_of:
        c.update(d.get(key) or [])
    return c


def latest_figure(records, key):
    out: dict = {}
    for r in records:
        if r["form"] != "monthly_report" or r["period"][:4] != str(YEAR):
            continue
        if r["org_unit"] not in out or r["period"] > out[r["org_unit"]]["period"]:
            out[r["org_unit"]] = r
    c = Counter()
    for r in out.values():
        c.update(r["data"][key])
    return c


def expect_survey_composition(records, units, rows):
    exp = {}
    for enum, key, field in (("genders", "gender", "gender"), ("age_bands", "age", "age_band"),
                             ("occupations", "occupation", "occupation")):
        rfo = latest_figure(records, key)
        mine = Counter(d[field] for d in vols(records) if d.get(field))
        for code in set(rfo) | set(mine):
            if rfo[code] or mine[code]:
                exp[lab(enum, code)] = [pct(rfo[code], sum(rfo.values())),
                                        pct(mine[code], sum(mine.values()))]
    assert {r[0]: r[1:] for r in rows} == exp


def expect_survey_directions(records, units, rows):
    v = vols(records)
    ever, recent = _multi(v, "directions_ever"), _multi(v, "directions_last_12m")
    n_ever = sum(1 for d in v if d.get("directions_ever"))
    n_recent = sum(1 for d in v if d.get("directions_last_12m"))
    exp = {lab("directions", c): [ever[c], pct(ever[c], n_ever), recent[c],
                                  pct(recent[c], n_recent)] for c in set(ever) | set(recent)}
    assert {r[0]: r[1:] for r in rows} == exp
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)


def expect_survey_experience(records, units, rows):
    v = vols(records)
    exp = []
    for field in ("online_experience", "auto_experience"):
        given = [d[field] for d in v if field in d]
        exp.append([sum(given), len(given), pct(sum(given), len(given))])
    assert [r[1:] for r in rows] == exp


def _counted(rows, counts, enum, whole):
    assert {r[0]: r[1:] for r in rows} == {lab(enum, c): [n, pct(n, whole)]
                                          for c, n in counts.items() if n}


def expect_survey_skills(records, units, rows):
    v = vols(records)
    _counted(rows, _multi(v, "skills_used"), "volunteer_skills",
             sum(1 for d in v if d.get("skills_used")))


def expect_survey_problems(records, units, rows):
    c = _multi(vols(records), "problem_categories")
    _counted(rows, c, "problem_categories", sum(c.values()))


def expect_survey_hours(records, units, rows):
    bands = [(0, 5), (5, 10), (10, 20), (20, 40), (40, 10**9)]
    hours = [d["hours_per_month"] for d in vols(records) if "hours_per_month" in d]
    counts = [sum(1 for h in hours if lo <= h < hi) for lo, hi in bands]
    assert [r[1:] for r in rows] == [[n, pct(n, len(hours))] for n in counts]


def expect_survey_hours_totals(records, units, rows):
    exp = []
    for field in ("hours_per_month", "hours_per_year", "positions_per_year"):
        x = [d[field] for d in vols(records) if field in d]
        exp.append([len(x), round(sum(x), 2), round(sum(x) / len(x), 1), min(x), max(x)])
    assert [r[1:] for r in rows] == exp


def expect_survey_awareness(records, units, rows):
    form = load_form("volunteer_survey")
    exp = []
    for i in range(5):
        field = f"awareness_a{i}"
        got = [d[field] for d in vols(records) if d.get(field)]
        k = got.count("DID_NOT_KNOW")
        exp.append([form.field(field).label["ru"], len(got), k, pct(k, len(got))])
    assert rows == exp


def expect_survey_orgs(records, units, rows):
    exp = {}
    for kind in ("REGISTERED", "INITIATIVE_GROUP"):
        years = [d["years_active"] for d in orgs(records) if d["org_type"] == kind]
        exp[lab("org_kinds", kind)] = [len(years), pct(len(years), len(orgs(records))),
                                       round(sum(years) / len(years), 1), min(years),
                                       max(years)]
    assert {r[0]: r[1:] for r in rows} == exp


def expect_survey_size_bands(records, units, rows):
    items = get_enum("org_size_bands").items
    c = Counter()
    for d in orgs(records):
        band = d.get("size_band") or next(
            (it.code for it in items if it.extra["min"] <= d["volunteers_attracted_12m"]
             <= it.extra["max"]), None)
        c[band] += 1
    total = sum(c.values())
    assert [[str(r[0])] + r[1:] for r in rows] == [      # the band «30000» reads as a number
        [lab("org_size_bands", it.code), c[it.code], pct(c[it.code], total)] for it in items]


def expect_survey_org_totals(records, units, rows):
    exp = []
    for field in ("volunteers_attracted_12m", "volunteers_involved",
                  "volunteer_hours_per_month"):
        x = [d[field] for d in orgs(records) if field in d]
        exp.append([sum(x), len(x)])
    assert [r[1:] for r in rows[:3]] == exp
    assert rows[3][1] == round(exp[2][0] / exp[1][0], 1)


def expect_survey_funding(records, units, rows):
    o = orgs(records)
    c = _multi(o, "funding_sources")
    n = sum(1 for d in o if d.get("funding_sources"))
    assert {r[0]: r[1:] for r in rows} == {
        lab("funding_sources", k): [v, pct(v, sum(c.values())), pct(v, n)] for k, v in c.items()}


def expect_survey_org_directions(records, units, rows):
    o = orgs(records)
    _counted(rows, _multi(o, "directions"), "directions",
             sum(1 for d in o if d.get("directions")))


def response_days(records):
    out = []
    for d in answers(records, "hotline_appeal"):
        if d.get("closed_at"):
            out.append((dt.date.fromisoformat(d["closed_at"]) -
                        dt.date.fromisoformat(d["received_at"])).days)
    return out


def expect_hotline_response(records, units, rows):
    days = response_days(records)
    assert [r[1] for r in rows] == [len(days), round(sum(days) / len(days), 1), median(days),
                                    max(days), pct(sum(1 for d in days if d <= 3), len(days))]


CHECKS = {name[7:]: fn for name, fn in dict(globals()).items() if name.startswith("expect_")}
