"""The annual report from the demo year: the document reproduces DOMAIN §4's headline figures,
and EVERY table of the .docx equals an aggregation computed here directly from the records
(plain loops over the records, not the report's builder)."""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import pytest
from docx import Document
from docx.oxml.ns import qn

from forms.reference import get_enum
from reports.annual import build_annual, write_report
from reports.synthetic_visits import synthetic_national
from tests.annual_survey_checks import CHECKS as SURVEY_CHECKS
from tests.annual_survey_checks import orgs

YEAR = 2023


def lab(enum: str, code: str) -> str:
    return get_enum(enum).label(code, "ru")


def cell(text: str):
    raw = text.replace("\u202f", "").replace(",", ".")   # «30,2»: the Russian decimal comma
    for kind in (int, float):
        try:
            return kind(raw)
        except ValueError:
            pass
    return text


def docx_tables(path) -> dict[str, list[list]]:
    out = {}
    for table in Document(str(path)).tables:
        key = table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
        out[key] = [[cell(c.text) for c in row.cells] for row in table.rows[1:]]
    return out


@pytest.fixture(scope="module")
def demo():
    return synthetic_national(YEAR)


@pytest.fixture(scope="module")
def doc(demo, tmp_path_factory):
    records, units = demo
    report = build_annual(records, units, YEAR, lang="ru")
    path = write_report(report, tmp_path_factory.mktemp("annual") / "report.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    return docx_tables(path), text, path


# --- direct aggregation -------------------------------------------------------------------
def region(unit: str) -> str:
    return unit.split("-", 1)[0]


def monthly(records, year=YEAR):
    return [r for r in records if r["form"] == "monthly_report" and r["period"][:4] == str(year)]


def latest(records, year=YEAR) -> list[dict]:
    out: dict = {}
    for r in monthly(records, year):
        if r["org_unit"] not in out or r["period"] > out[r["org_unit"]]["period"]:
            out[r["org_unit"]] = r
    return list(out.values())


def pct(a, b):
    return round(100.0 * a / b, 1)


def of_form(records, form):
    return [r for r in records if r["form"] == form and r["period"][:4] == str(YEAR)]


def rname(code):
    return lab("regions", code)


def by_label(rows):
    return {r[0]: r[1:] for r in rows}


def counted(counts: Counter, enum: str, order="count"):
    total = sum(counts.values())
    return {lab(enum, c): [n, pct(n, total)] for c, n in counts.items() if n}


def expect_headline(records):
    out = []
    keys = ("volunteers_total", "registered_orgs_count", "initiative_groups_count")
    for y in (YEAR - 2, YEAR - 1, YEAR):
        col = [sum(r["data"][k] for r in latest(records, y)) for k in keys]
        col += [sum(r["data"][k] for r in monthly(records, y))
                for k in ("events_total", "volunteer_hours", "volunteer_positions")]
        dev = [row for r in monthly(records, y) for row in r["data"]["dev_events"]]
        col += [sum(d[k] for d in dev) for k in ("dev_events_count", "dev_participants",
                                                 "dev_hours")]
        out.append(col)
    return [list(x) for x in zip(*out)]


def test_headline_figures_of_domain_4(doc):
    tables, text, _ = doc
    col = [r[3] for r in tables["headline"]]       # H4, H15, H27, H30, H23
    assert col[:3] == [217_391, 609, 1_882] and col[4:] == [1_161_613, 64_799, 127, 5_180, 463]
    assert tables["gender"][2] == [2023, 121_739, 95_652, 56.0, 44.0]
    assert tables["gender"][1][3:] == [54.0, 46.0] and tables["gender"][0][3:] == [49.7, 50.3]
    assert "январь–ноябрь 98, декабрь 29" in text
    assert "2\u202f712" in text and "2\u202f034 (75 %)" in text
    assert by_label(tables["hotline_channels"])[lab("hotline_channels", "WHATSAPP")] == [1_356, 50.0]
    scen = by_label(tables["economics_scenarios"])
    assert [2_000_000, 3_456_000_000] in scen.values()
    every = ", ".join(sorted(rname(g) for g in ("SHY", "KAR", "ULY")))     # H49
    assert f"Поддержка оказывалась каждый месяц: {every}." in text
    assert f"Поддержки не было ни разу за год: {rname('ZKO')}." in text
    assert sum(r[1] for r in tables["fg_categories"]) == 383
    seminars = {r[0]: r[2] for r in tables["seminars"]}
    assert seminars[rname("VKO")] == 27 and seminars[rname("MAN")] == 9
    statuses = Counter(r[1] for r in tables["meetings"])
    assert statuses[lab("meeting_statuses", "HELD")] == 14
    assert statuses[lab("meeting_statuses", "NOT_HELD")] == 2
    answers = {(r[0], r[1]): r[2] for r in tables["cs_answers"]}
    assert answers[("3. Трудности", lab("cs_difficulties", "NO_ANSWER"))] == 78
    assert "Нет данных опроса" not in text
    # H15: the registry's registered organizations beside the front offices' 609
    assert "В реестре организаций — 684 зарегистрированных организаций, в отчётах " \
        "фронт-офисов — 609: разница 75." in text


def test_occupation_extremes_of_domain_4(doc):
    """H8-H12: Almaty leads schoolchildren and students, Kyzylorda has the fewest
    schoolchildren, the three lowest student counts, the largest shares of employed and of
    unemployed volunteers."""
    tables, _, _ = doc
    occ = [lab("occupations", c) for c in ("SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED")]
    extremes = by_label(tables["occupation_extremes"])
    assert extremes[occ[0]] == [rname("ALA"), 18_993, rname("KZY"), 132]
    assert extremes[occ[1]] == [rname("ALA"), 20_023, rname("ATY"), 312]
    heads = tables["occupation_regions"]
    students = sorted((r[2], r[0]) for r in heads)[:3]
    assert students == [(312, rname("ATY")), (555, rname("ABA")), (560, rname("SHY"))]
    shares = {r[0]: r[1:] for r in tables["occupation_shares"]}
    employed = max(shares.items(), key=lambda kv: kv[1][2])
    assert employed == (rname("KZY"), employed[1]) and round(employed[1][2]) == 46
    unemployed = sorted(shares.items(), key=lambda kv: kv[1][3])[-2:]
    assert [(r, round(v[3])) for r, v in unemployed] == [(rname("ABA"), 16), (rname("ALM"), 20)]


def test_every_table_equals_a_direct_aggregation(demo, doc):
    records, units = demo
    tables, _, _ = doc
    checks = {name[7:]: fn for name, fn in globals().items() if name.startswith("expect_")}
    checks.pop("headline")
    checks.update(SURVEY_CHECKS)
    assert set(tables) == set(checks) | {"headline"}
    assert [r[1:] for r in tables["headline"]] == expect_headline(records)
    for key, fn in checks.items():
        fn(records, units, tables[key])


def expect_volunteers_by_region(records, units, rows):
    exp = defaultdict(lambda: [0, 0, 0])
    for i, y in enumerate((YEAR - 2, YEAR - 1, YEAR)):
        for r in latest(records, y):
            exp[rname(region(r["org_unit"]))][i] += r["data"]["volunteers_total"]
    assert by_label(rows) == dict(exp)


def expect_gender(records, units, rows):
    for row, y in zip(rows, (YEAR - 2, YEAR - 1, YEAR)):
        f = sum(r["data"]["gender"]["F"] for r in latest(records, y))
        m = sum(r["data"]["gender"]["M"] for r in latest(records, y))
        assert row == [y, f, m, pct(f, f + m), pct(m, f + m)]


def _stock_counts(records, key):
    c = Counter()
    for r in latest(records):
        c.update(r["data"][key])
    return c


def expect_age(records, units, rows):
    assert by_label(rows) == counted(_stock_counts(records, "age"), "age_bands")


def expect_occupation(records, units, rows):
    assert by_label(rows) == counted(_stock_counts(records, "occupation"), "occupations")


def _occ_by_region(records):
    out = defaultdict(Counter)
    for r in latest(records):
        out[region(r["org_unit"])].update(r["data"]["occupation"])
    return out


def expect_occupation_regions(records, units, rows):
    codes = get_enum("occupations").codes
    exp = {rname(g): [c[k] for k in codes] + [sum(c.values())]
           for g, c in _occ_by_region(records).items()}
    assert by_label(rows) == exp


def expect_occupation_shares(records, units, rows):
    codes = get_enum("occupations").codes
    exp = {rname(g): [pct(c[k], sum(c.values())) for k in codes]
           for g, c in _occ_by_region(records).items()}
    assert by_label(rows) == exp


def expect_occupation_extremes(records, units, rows):
    occ = _occ_by_region(records)
    for row, code in zip(rows, get_enum("occupations").codes):
        values = {g: c[code] for g, c in occ.items()}
        hi, lo = max(values, key=values.get), min(values, key=values.get)
        assert row == [lab("occupations", code), rname(hi), values[hi], rname(lo), values[lo]]


def expect_organizations(records, units, rows):
    exp = defaultdict(lambda: [0, 0])
    for r in latest(records):
        cell = exp[rname(region(r["org_unit"]))]
        cell[0] += r["data"]["registered_orgs_count"]
        cell[1] += r["data"]["initiative_groups_count"]
    kept = Counter(rname(r["data"]["region"]) for r in records if r["form"] == "organization"
                   and r["data"]["org_type"] == "REGISTERED")
    assert by_label(rows) == {k: [a, kept[k], b, round(b / a, 2)] for k, (a, b) in exp.items()}


def _flow_counts(records, key):
    c = Counter()
    for r in monthly(records):
        c.update(r["data"][key])
    return c


def expect_events_by_direction(records, units, rows):
    assert by_label(rows) == counted(_flow_counts(records, "events_by_direction"), "directions")


def expect_events_by_format(records, units, rows):
    assert by_label(rows) == counted(_flow_counts(records, "events_by_format"), "event_formats")


def expect_events_by_content(records, units, rows):
    c = Counter(t for r in of_form(records, "event") for t in r["data"]["content_tags"])
    assert by_label(rows) == counted(c, "content_tags")


def expect_typical_events(records, units, rows):
    exp = defaultdict(Counter)
    for r in of_form(records, "event"):
        exp[rname(region(r["org_unit"]))].update(["n", r["data"]["is_volunteering"]])
    assert {r[0]: r[1:5] for r in rows} == {
        k: [c["n"], c["YES"], c["DOUBTFUL"], c["NO"]] for k, c in exp.items()}


def expect_outcomes(records, units, rows):
    exp = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for r in of_form(records, "event"):
        d, cell = r["data"], exp[rname(region(r["org_unit"]))]
        for i, v in enumerate([1, d["volunteers_count"], d["volunteer_positions"],
                               d["volunteer_hours"], d["beneficiaries_count"],
                               int(bool(d.get("outcome_text")))]):
            cell[i] += v
    assert by_label(rows) == {k: v for k, v in exp.items()}


def expect_partnerships(records, units, rows):
    c = Counter(p for r in of_form(records, "event") for p in r["data"].get("partner_agencies", []))
    assert by_label(rows) == {lab("departments", k): [n] for k, n in c.items()}


def expect_support_months(records, units, rows):
    seen, yes = set(), set()
    for r in monthly(records):
        key = (region(r["org_unit"]), int(r["period"][5:]))
        seen.add(key)
        if r["data"]["rfo_support_provided"] == "YES":
            yes.add(key)
    regions = {g for g, _ in seen}
    exp = {rname(g): ["да" if (g, m) in yes else "нет" if (g, m) in seen else "—"
                      for m in range(1, 13)] for g in regions}
    exp = {k: v + [v.count("да")] for k, v in exp.items()}
    assert by_label(rows) == exp
    assert exp[rname("SHY")][-1] == exp[rname("KAR")][-1] == exp[rname("ULY")][-1] == 12
    assert exp[rname("ZKO")][-1] == 0


def expect_support_types(records, units, rows):
    c = Counter(t for r in monthly(records) for t in r["data"]["rfo_support_types"])
    assert by_label(rows) == {lab("support_types", k): [n] for k, n in c.items()}


def expect_dev_events(records, units, rows):
    exp = defaultdict(lambda: [0, 0, 0])
    for r in monthly(records):
        for d in r["data"]["dev_events"]:
            cell = exp[lab("dev_event_types", d["dev_event_type"])]
            for i, k in enumerate(("dev_events_count", "dev_participants", "dev_hours")):
                cell[i] += d[k]
    assert by_label(rows) == dict(exp)


def _hotline(records, key, enum, rows):
    c = Counter(r["data"][key] for r in of_form(records, "hotline_appeal"))
    assert by_label(rows) == counted(c, enum)


def expect_hotline_channels(records, units, rows):
    _hotline(records, "channel", "hotline_channels", rows)


def expect_hotline_purposes(records, units, rows):
    _hotline(records, "purpose", "hotline_purposes", rows)


def expect_economics_regions(records, units, rows):
    hours = Counter()
    for r in monthly(records):
        hours[rname(region(r["org_unit"]))] += r["data"]["volunteer_hours"]
    exp = {k: [h, 1728, h * 1728] for k, h in hours.items()}
    total = sum(hours.values())
    exp["Итого"] = [total, "—", total * 1728]
    assert by_label(rows) == exp


def expect_economics_scenarios(records, units, rows):
    total = sum(r["data"]["volunteer_hours"] for r in monthly(records))
    minimum = math.ceil(total / 1e6) * 1_000_000
    likely = round(sum(d["volunteer_hours_per_month"] for d in orgs(records)) * 12 / 1e6) * 10**6
    assert [r[1:] for r in rows] == [[total, total * 1728], [minimum, minimum * 1728],
                                     [likely, likely * 1728]]
    assert rows[2][1:] == [25_000_000, 43_200_000_000]         # H31, H32


def expect_fg_categories(records, units, rows):
    c = Counter(p["participant_category"] for r in of_form(records, "focus_group")
                for p in r["data"]["participants"])
    assert by_label(rows) == {lab("fg_categories", k): [n] for k, n in c.items()}


def expect_fg_questions(records, units, rows):
    c, coded = Counter(), Counter()
    for r in of_form(records, "focus_group"):
        for a in r["data"]["answers"]:
            c[a["question"]] += 1
            coded[a["question"]] += bool(a.get("direction") or a.get("topic"))
    assert [r[1:] for r in rows] == [[c[q], coded[q]] for q in get_enum("fg_questions").codes]


def expect_fg_ratings(records, units, rows):
    codes = get_enum("fg_rfo_ratings").codes
    exp = {}
    for r in of_form(records, "focus_group"):
        got = Counter(a.get("rfo_rating") for a in r["data"]["answers"])
        exp[rname(r["data"]["region"])] = [got[k] for k in codes]
    assert by_label(rows) == exp
    satisfied = sorted(k for k, v in exp.items() if v[0])
    assert satisfied == sorted(rname(g) for g in ("AST", "ATY", "KOS"))


def expect_seminars(records, units, rows):
    exp = defaultdict(lambda: [0, 0])
    for r in of_form(records, "seminar"):
        exp[rname(r["data"]["region"])][0] += 1
        exp[rname(r["data"]["region"])][1] += r["data"]["participants_count"]
    assert by_label(rows) == dict(exp)


def expect_seminar_departments(records, units, rows):
    c = Counter(d for r in of_form(records, "seminar") for d in r["data"]["departments_present"])
    assert by_label(rows) == {lab("departments", k): [n] for k, n in c.items()}


def expect_meetings(records, units, rows):
    exp = {rname(r["data"]["region"]): [lab("meeting_statuses", r["data"]["status"])]
           for r in of_form(records, "leadership_meeting")}
    assert by_label(rows) == exp


def expect_cs_answers(records, units, rows):
    c = Counter()
    for r in of_form(records, "cs_questionnaire"):
        for q, v in r["data"].items():
            for answer in v if isinstance(v, list) else [v]:
                c[(q, answer)] += 1
    enums = {"department": "cs_departments", "q1_interaction": "cs_interaction",
             "q2_known_orgs_status": "cs_known_orgs", "q3_difficulties": "cs_difficulties",
             "q4_effects": "cs_effects", "q5_problem_areas": "cs_problem_areas",
             "q6_proposals": "cs_proposals"}
    got = {(q, a): n for q, a, n in rows}
    assert len(got) == len(rows) and sum(got.values()) == sum(
        n for (q, _), n in c.items() if q in enums)
    heads = {}
    for q, a, n in rows:
        heads.setdefault(q, []).append((a, n))
    for head, (q, enum) in zip(heads, enums.items()):
        assert dict(heads[head]) == {lab(enum, a): n for (qq, a), n in c.items() if qq == q}


def expect_completeness(records, units, rows):
    with_districts = {u["region"] for u in units if u["kind"] == "district"}
    reports = {(r["org_unit"], r["period"]): r for r in monthly(records)}
    region_level = {u for u, _ in reports}
    exp = defaultdict(lambda: [0, 0, 0])
    for u in units:
        if u["kind"] != "district" and u["id"] in with_districts and u["id"] not in region_level:
            continue
        for m in range(1, 13):
            cell = exp[rname(u["region"])]
            cell[0] += 1
            r = reports.get((u["id"], f"{YEAR}-{m:02d}"))
            if r:
                cell[1] += 1
                due = f"{YEAR + (m == 12)}-{m % 12 + 1:02d}-10T23:59:59Z"
                cell[2] += r["updated_at"] <= due
    assert by_label(rows) == {k: [e, g, o, pct(g, e), pct(o, e)] for k, (e, g, o) in exp.items()}


def expect_findings(records, units, rows):
    from reports.quality_review import review

    scoped = [r for r in records if r["period"][:4] == str(YEAR)]
    slow = ("event", "hotline_appeal")
    found = review([r for r in scoped if r["form"] not in slow], units=units)
    found += review([r for r in scoped if r["form"] in slow], units=units, use_forms=False)
    sev = {"error": "ошибка", "warning": "предупреждение", "info": "к сведению"}
    exp = Counter((f["rule"], sev[f["severity"]]) for f in found)
    # each rule named in words beside its id: «VR-06 · Неправдоподобные часы», never a bare id
    assert all(" · " in r[0] for r in rows)
    assert {(r[0].split(" · ")[0], r[1]): r[2] for r in rows} == dict(exp)
    assert len(rows) == len(exp)


def _sources(records):
    c = Counter((r["data"]["data_source"], r["data"]["known_to_rfo"])
                for r in of_form(records, "event"))
    return c


def expect_coverage(records, units, rows):
    c = _sources(records)
    exp = {}
    for s in {s for s, _ in c}:
        vals = [c[(s, k)] for k in ("YES", "NO", "UNKNOWN")]
        exp[lab("data_sources", s)] = vals + [sum(vals)]
    assert by_label(rows) == exp


def expect_capture(records, units, rows):
    c = _sources(records)
    n1 = sum(n for (s, k), n in c.items() if k == "YES")
    n2 = sum(n for (s, k), n in c.items() if s != "RFO" and k in ("YES", "NO"))
    m = sum(n for (s, k), n in c.items() if s != "RFO" and k == "YES")
    est = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    sd = math.sqrt((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2)))
    got = [r[1] for r in rows]
    assert got[:6] == [n1, n2, m, round(n1 * n2 / m), round(est), round(est - 1.96 * sd)] or \
        got[:5] == [n1, n2, m, round(n1 * n2 / m), round(est)]
    assert abs(got[5] - (est - 1.96 * sd)) <= 1 and abs(got[6] - (est + 1.96 * sd)) <= 1
    assert got[7] == round(100 * n1 / est, 1)
    assert 40 <= got[7] <= 60      # the report's «40-60 %» guess, now measured
