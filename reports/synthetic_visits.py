"""The synthetic national year behind `esep demo` and the annual report (DOMAIN §4, §6).

`synthetic_national(year)` = three years of monthly reports (the year and the two before it,
`reports.synthetic.synthetic_year`, same org units) calibrated to the report: gender shares
(H7), regions supported every month / never (H49); plus the records the annual report reads
besides them: events (form `event` v2, with `data_source` / `known_to_rfo`), hotline appeals
(H24, v2 with closing dates), seminars (H34, §6.2), leadership meetings (§6.1), focus groups (H35, H36) and the
civil-servant questionnaire (H37-H44), and the surveys (reports.synthetic_surveys). Every
record is valid for its form.
"""
from __future__ import annotations

import datetime as dt
import random
import uuid

from reports._ref import enum_codes
from reports.synthetic import REGIONS, split, synthetic_year
from reports.synthetic_registry import synthetic_registry
from reports.synthetic_surveys import synthetic_surveys

PREVIOUS = {1: 0.87, 2: 0.74}            # earlier years' size relative to the year
FEMALE = {0: 121_739, 1: 0.54, 2: 0.497}  # H7: 2023 exact (56 %), 2022 54 %, 2021 49.7 %
SUPPORT_EVERY_MONTH = ("SHY", "KAR", "ULY")
SUPPORT_NEVER = ("ZKO",)
HOTLINE = {"total": 2_712, "whatsapp": 1_356, "related": 2_034}
RESPONSE_DAYS = (0, 1, 1, 2, 2, 3, 4, 6, 10)     # days to close, dealt in turn
SEMINAR_PARTICIPANTS = {"VKO": 27, "TUR": 8, "SHY": 6, "ZHA": 7, "MAN": 9, "AKM": 8}
MEETINGS = {"HELD_REPLACED": ("KZY", "ZHA", "MAN"), "NOT_HELD": ("AKT", "SHY"),
            "NOT_HELD_BY_AKIMAT": ("KAR",)}
FG_CATEGORIES = {"SYSTEMIC": 132, "SYSTEMIC.CHARITY": 17, "STUDENT.MASS_BIRGEMIZ": 89,
                 "STUDENT.NOT_VOLUNTEERING": 28, "STATE": 117}   # H35: 149 + 117 + 117 = 383
FG_RATINGS = {"SATISFIED": ("AST", "ATY", "KOS"), "UNAWARE": ("ALM", "ULY"),
              "MINIMAL": ("AKT", "KZY", "ZKO")}                  # the other 12: WEAK_YOUTH_ONLY
CS_DEPARTMENTS = {"YOUTH_MRC": 36, "INTPOL": 23, "DCHS": 19, "DVD": 18, "EDUC": 10,
                  "NOT_STATED": 42, "AKIMAT": 14, "SOCDEV": 12, "SPORT": 10, "HEALTH": 8,
                  "CULTURE": 7}                                   # H38, Σ 199
CS_ANSWERS = {
    "q1_interaction": {"REGULAR": 132, "ONE_OFF": 34, "NEVER": 33},
    "q2_known_orgs_status": {"NONE_KNOWN": 52, "NAMED": 147},
    "q3_difficulties": {"NO_PROBLEMS": 81, "ADMIN_FIN": 16, "IGNORANCE": 13,
                        "BUREAUCRACY": 11, "NO_ANSWER": 78},
    "q4_effects": {"POSITIVE": 168, "NO_ANSWER": 31},
    "q5_problem_areas": {"NO_PROBLEMS": 13, "NO_ANSWER": 42, "ECOLOGY": 52, "ELDERLY": 38,
                         "DISABILITY": 30, "EMERGENCY": 24},
    "q6_proposals": {"NO_ANSWER": 77, "MEDIA": 44, "TRAINING": 38, "MOTIVATION": 40},
}
MULTI = ("q3_difficulties", "q5_problem_areas", "q6_proposals")


def _id(rng) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _rec(rng, form: str, version: int, unit: str, date: str, data: dict) -> dict:
    return {"id": _id(rng), "form": form, "form_version": version, "org_unit": unit,
            "period": date[:7], "status": "submitted", "data": data, "justification": None,
            "review_comment": None, "revision": 1, "version": None, "deleted": False,
            "updated_at": f"{date}T12:00:00Z", "created_at": f"{date}T11:00:00Z",
            "updated_by": "demo"}


def synthetic_national(year: int = 2023, *, events: int = 3_000, scale: int = 1,
                       seed: int = 7) -> tuple[list, list]:
    """(records of every form, org units) for `year`; monthly reports also for the two
    previous years. `events` event records (×scale)."""
    records, units = synthetic_year(year, scale=scale, seed=seed)
    _calibrate(records, year, FEMALE[0] * scale)
    for back, factor in PREVIOUS.items():
        older, _ = synthetic_year(year - back, scale=scale, seed=seed + back, factor=factor,
                                  unit_seed=seed)
        _calibrate(older, year - back, FEMALE[back])
        records += older
    rng = random.Random(seed * 31 + year)
    records += synthetic_events(rng, units, year, events * scale)
    records += _hotline(rng, year) + _seminars(rng, year) + _meetings(rng, year)
    records += _focus_groups(rng, year) + _questionnaire(rng, year)
    records += synthetic_surveys(random.Random(seed * 37 + year), year,
                                 lambda *a: _rec(rng, *a))
    records += synthetic_registry(random.Random(seed * 41 + year), records, units, year,
                                  lambda *a: _rec(rng, *a))
    return records, units


def _calibrate(records: list[dict], year: int, female) -> None:
    """Exact female total (an int) or share (a float) of the year's stock; support months."""
    latest: dict[str, dict] = {}
    for r in records:
        if r["org_unit"] not in latest or r["period"] > latest[r["org_unit"]]["period"]:
            latest[r["org_unit"]] = r
    total = sum(r["data"]["volunteers_total"] for r in latest.values())
    target = female if isinstance(female, int) else round(total * female)
    units = sorted(latest)
    final = dict(zip(units, split(target, [latest[u]["data"]["volunteers_total"]
                                           for u in units])))
    for r in records:
        d, last = r["data"], latest[r["org_unit"]]["data"]
        f = round(d["volunteers_total"] * final[r["org_unit"]] / last["volunteers_total"])
        d["gender"] = {"F": f, "M": d["volunteers_total"] - f}
        _support(r, year)


def _support(r: dict, year: int) -> None:
    """H49: some regions supported every month, ZKO never, the others missed a month."""
    region, month = r["org_unit"].split("-", 1)[0], int(r["period"][5:])
    d = r["data"]
    if region in SUPPORT_EVERY_MONTH:
        d["rfo_support_provided"], d["rfo_support_types"] = "YES", d["rfo_support_types"] or [
            "INFO"]
    elif region in SUPPORT_NEVER or month == 1 + REGIONS.index(region) % 12:
        d["rfo_support_provided"], d["rfo_support_types"] = "NO", []


def _date(rng, year: int, months=range(1, 13)) -> str:
    return f"{year}-{rng.choice(list(months)):02d}-{rng.randint(1, 28):02d}"


def _units_by_region(units: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u in units:
        if u["kind"] == "district" or u["id"] in ("AST", "ALA", "SHY"):
            out.setdefault(u["region"], []).append(u["id"])
    return out


def _source(rng) -> tuple[str, str]:
    """Most events come from the RFO (known to it); the others are grant projects and survey
    answers, about half of them known to the RFO (the report's 40-60 % guess)."""
    x = rng.random()
    if x < 0.8:
        return "RFO", "YES"
    source = "CPGI_GRANT" if x < 0.9 else ("REPUBLICAN_PROJECT" if x < 0.95 else "SURVEY")
    y = rng.random()
    return source, "YES" if y < 0.48 else ("NO" if y < 0.95 else "UNKNOWN")


def synthetic_events(rng, units: list[dict], year: int, n: int) -> list[dict]:
    """`n` event records (form `event` v2) spread over the regions' org units."""
    where = _units_by_region(units)
    regions = sorted(where)
    dirs, tags = enum_codes("directions"), enum_codes("content_tags")
    out = []
    for i in range(n):
        region = regions[i % len(regions)] if i < len(regions) else rng.choice(regions)
        source, known = _source(rng)
        vols = rng.randint(3, 60)
        organizer = rng.choice(["REG_ORG", "INIT_GROUP", "MRC", "RFO", "STATE_BODY"])
        volunteering = rng.choices(["YES", "DOUBTFUL", "NO"], [90, 7, 3])[0]
        data = {"title": f"Акция {i + 1}", "date_start": _date(rng, year),
                "primary_direction": rng.choice(dirs),
                "formats": [rng.choices(["OFFLINE", "ONLINE", "AUTO"], [7, 2, 1])[0]],
                "content_tags": sorted(rng.sample(tags, rng.randint(1, 2))),
                "is_volunteering": volunteering, "organizer_type": organizer,
                "participation_voluntary": True, "data_source": source, "known_to_rfo": known,
                "volunteers_count": vols, "volunteer_positions": vols + rng.randint(0, 5),
                "volunteer_hours": float(vols * rng.randint(2, 6)),
                "beneficiaries_count": rng.randint(0, 300)}
        if rng.random() < 0.3:
            data["partner_agencies"] = sorted(rng.sample(["DCHS", "EDUC", "HEALTH", "CULTURE",
                                                          "SPORT", "AKIMAT", "DVD"], 2))
        if rng.random() < 0.5:
            data["outcome_text"] = "Итог: помощь оказана"
        out.append(_rec(rng, "event", 2, rng.choice(where[region]), data["date_start"], data))
    return out


def _hotline(rng, year: int) -> list[dict]:
    """H24: 2,712 appeals, half through WhatsApp, 75 % about volunteering."""
    channels = ["WHATSAPP"] * HOTLINE["whatsapp"] + [
        rng.choice(["PHONE", "TELEGRAM", "INSTAGRAM", "EMAIL", "WEBSITE"])
        for _ in range(HOTLINE["total"] - HOTLINE["whatsapp"])]
    rng.shuffle(channels)
    out = []
    for i, channel in enumerate(channels):
        related = i < HOTLINE["related"]
        purpose = rng.choice(["JOIN", "COOPERATION", "HELP_REQUEST", "CV_CHECK", "AWARD"]) \
            if related else "OTHER_NONVOL"
        result = rng.choice(["PROCESSED", "RESOLVED", "RESOLVED", "IN_PROGRESS"])
        data = {"received_at": _date(rng, year), "channel": channel, "purpose": purpose,
                "volunteering_related": related, "applicant_country": "KZ",
                "applicant_region": rng.choice(REGIONS), "result_status": result,
                "closed": result != "IN_PROGRESS"}
        if data["closed"]:                   # answered the same day up to 10 days later
            data["closed_at"] = str(dt.date.fromisoformat(data["received_at"]) +
                                    dt.timedelta(days=RESPONSE_DAYS[i % len(RESPONSE_DAYS)]))
        out.append(_rec(rng, "hotline_appeal", 2, "AST", data["received_at"], data))
    return out


def _visit_date(year: int, i: int) -> str:
    """The expert tour: September 4 to October 31, one region after another."""
    day = 4 + i * 3
    return f"{year}-09-{day:02d}" if day <= 30 else f"{year}-10-{day - 30:02d}"


def _seminars(rng, year: int) -> list[dict]:
    depts = enum_codes("departments")[:16]
    out = []
    for i, region in enumerate(REGIONS):
        data = {"date": _visit_date(year, i), "region": region, "city": f"г. {region}",
                "participants_count": SEMINAR_PARTICIPANTS.get(region, rng.randint(10, 25)),
                "departments_present": sorted(rng.sample(depts, rng.randint(3, 8))),
                "engagement_level": rng.choice(["HIGH", "MEDIUM", "LOW"])}
        out.append(_rec(rng, "seminar", 1, region, data["date"], data))
    return out


def _meetings(rng, year: int) -> list[dict]:
    status_of = {r: s for s, regions in MEETINGS.items() for r in regions}
    out = []
    for i, region in enumerate(REGIONS):
        status = status_of.get(region, "HELD")
        date = _visit_date(year, i)
        data = {"region": region, "planned_date": date, "official_position": "DEPUTY_AKIM",
                "status": status}
        if status in ("HELD", "HELD_REPLACED"):
            data["actual_date"] = date
        if status == "HELD_REPLACED":
            data.update(replacement_official_name="Заместитель",
                        replacement_official_position="советник акима")
        out.append(_rec(rng, "leadership_meeting", 1, region, date, data))
    return out


def _focus_groups(rng, year: int) -> list[dict]:
    """H35: 383 participants by category over 20 groups; H36: Q4 ratings per region."""
    cats = [c for c, n in FG_CATEGORIES.items() for _ in range(n)]
    rng.shuffle(cats)
    sizes = split(len(cats), [1] * len(REGIONS))
    rating_of = {r: s for s, regions in FG_RATINGS.items() for r in regions}
    out, start = [], 0
    for i, region in enumerate(REGIONS):
        mine = cats[start:start + sizes[i]]
        start += sizes[i]
        people = [{"no": k + 1, "full_name": _name(start - sizes[i] + k),
                   "participant_category": c, "consent": "YES"} for k, c in enumerate(mine)]
        answers = [{"question": q, "answer_text": f"Ответ на {q}",
                    "direction": rng.choice(["EDU", "ECO", "ELDER", "SPORT"])}
                   for q in ("Q1", "Q2", "Q3", "Q5")]
        answers.insert(3, {"question": "Q4", "answer_text": "Оценка работы РФО",
                           "rfo_rating": rating_of.get(region, "WEAK_YOUTH_ONLY")})
        date = _visit_date(year, i)
        data = {"date": date, "region": region, "city": f"г. {region}",
                "participants": people, "declared_total": len(people), "answers": answers}
        out.append(_rec(rng, "focus_group", 2, region, date, data))
    return out


LAST = ["Ахметов", "Жубанов", "Сериков", "Ким", "Оспанов", "Петренко", "Утепов", "Нурланов",
        "Бекова", "Исаева", "Омаров", "Садыков", "Мусина", "Темиров", "Қасымов", "Әлиева",
        "Жақсылықов", "Иванова", "Токтаров", "Рахимова"]
FIRST = ["Ерлан", "Айгерим", "Дамир", "Асель", "Мадина", "Бауыржан", "Жанар", "Нұрлан",
         "Әсем", "Ғалым", "Дина", "Серік", "Айдана", "Тимур", "Ләззат", "Олжас", "Мария",
         "Арман", "Гүлназ", "Руслан"]


def _name(i: int) -> str:
    """A distinct full name for each of 400 people."""
    return f"{LAST[i % 20]} {FIRST[(i // 20) % 20]}"


def _column(counts: dict[str, int], rng) -> list[str]:
    out = [c for c, n in counts.items() for _ in range(n)]
    rng.shuffle(out)
    return out


def _questionnaire(rng, year: int) -> list[dict]:
    """H37-H44: 199 respondents at the seminars."""
    columns = {"department": _column(CS_DEPARTMENTS, rng)}
    columns.update({q: _column(c, rng) for q, c in CS_ANSWERS.items()})
    out = []
    for i in range(199):
        region = REGIONS[i % len(REGIONS)]
        date = _visit_date(year, REGIONS.index(region))
        data: dict[str, str | list[str]] = {"date": date, "region": region,
                                            "city": f"г. {region}"}
        for q, col in columns.items():
            data[q] = [col[i]] if q in MULTI else col[i]
        if data["q2_known_orgs_status"] == "NAMED":
            data["q2_known_orgs"] = "ОО «Волонтёры»"
        out.append(_rec(rng, "cs_questionnaire", 1, region, date, data))
    return out
