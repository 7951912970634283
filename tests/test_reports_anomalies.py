"""Acceptance (2): anomalies planted in a generated year are found by the data-quality review
(recall >= 95 %, false alarms <= 5 %), plus unit checks of the visit and list rules."""
from __future__ import annotations

import copy
import random
import uuid

import pytest

from reports.quality_review import filter_findings, review
from reports.synthetic import REGIONS, synthetic_year

SURNAMES = ["Ахметов", "Жубанов", "Нурланов", "Сериков", "Токаев", "Кенжебеков", "Муратов",
            "Бекмуханов", "Оспанов", "Иванов", "Петренко", "Ким", "Абенов", "Сагинтаев",
            "Утепов", "Жаксылыков", "Рахимов", "Есенов", "Тулегенов", "Байжанов", "Кожахметов",
            "Смагулов", "Дюсенов", "Исаев", "Шарипов", "Мамыров", "Галиев", "Сидоров",
            "Кузнецов", "Ержанов"]
GIVEN = ["Ерлан", "Айгерим", "Дамир", "Асель", "Нурсултан", "Мадина", "Бауыржан", "Жанар",
         "Олег", "Светлана", "Тимур", "Гульнара", "Арман", "Динара", "Серик", "Алия", "Марат",
         "Камила", "Виктор", "Дана"]
KINDS = {"copied": "VR-01", "jump": "VR-02", "support": "VR-07", "sums": "VR-03",
         "dup_rows": "VR-20", "two_regions": "VR-20", "last_day": "VR-19"}
PER_KIND = 10


def _rec(form, unit, period, data, created_at):
    return {"id": str(uuid.uuid4()), "form": form, "form_version": 1, "org_unit": unit,
            "period": period, "status": "submitted", "data": data, "revision": 1,
            "deleted": False, "updated_at": created_at, "updated_by": "gen",
            "created_at": created_at}


def _rosters(rng):
    names = rng.sample([f"{s} {g}" for s in SURNAMES for g in GIVEN], 40 * 12)
    out = []
    for i, region in enumerate(REGIONS + REGIONS):
        rows = [{"no": j + 1, "full_name": names[i * 12 + j], "organization": f"Орг {j}",
                 "participant_category": "SYSTEMIC", "consent": "YES"} for j in range(12)]
        out.append(_rec("focus_group", region, "2023-09",
                        {"date": "2023-09-14", "city": "X", "participants": rows},
                        "2023-09-14T12:00:00Z"))
    return out


def _events(rng, units):
    out = []
    for unit in units:
        for month in range(1, 13):
            for k in range(4):
                day = rng.randint(1, 25)
                data = {"title": f"Акция {k}", "date_start": f"2023-{month:02d}-{day:02d}"}
                out.append(_rec("event", unit, f"2023-{month:02d}", data,
                                f"2023-{month:02d}-{day + 1:02d}T10:00:00Z"))
    return out


def _plant(rng, reports, rosters, events):
    planted = {}                                   # record id -> kind
    by_unit = {}
    for r in reports:
        by_unit.setdefault(r["org_unit"], {})[r["period"]] = r
    units = [u for u, s in by_unit.items() if len(s) == 12]
    rng.shuffle(units)
    kinds = ["copied", "jump", "support", "sums"]
    for i, kind in enumerate(k for k in kinds for _ in range(PER_KIND)):
        series = by_unit[units[i]]
        m = 12 if kind == "jump" else rng.randint(5, 11)   # a jump's drop-back is no anomaly
        rec = series[f"2023-{m:02d}"]
        d = rec["data"]
        if kind == "copied":
            rec["data"] = copy.deepcopy(series[f"2023-{m - 1:02d}"]["data"])
        elif kind == "jump":
            d["volunteers_total"] *= 10
            for fid in ("gender", "age", "occupation"):
                d[fid] = {c: v * 10 for c, v in d[fid].items()}
        elif kind == "support":
            d.update(rfo_support_provided="YES", rfo_support_types=[])
        else:
            d["gender"]["F"] += 37
        planted[rec["id"]] = kind
    for rec in rosters[:PER_KIND]:                 # duplicate rows inside a list
        rows = rec["data"]["participants"]
        rows.append(dict(rows[3], no=len(rows) + 1))
        planted[rec["id"]] = "dup_rows"
    for a, b in zip(rosters[20:20 + PER_KIND], rosters[30:40]):
        rows = b["data"]["participants"]            # same person in two regions, in Latin
        name = a["data"]["participants"][0]["full_name"]
        from forms.names import translit

        rows.append({"no": len(rows) + 1, "full_name": translit(name).title(),
                     "organization": "X", "participant_category": "SYSTEMIC"})
        planted[(a["id"], b["id"])] = "two_regions"
    groups = {}
    for e in events:
        groups.setdefault((e["org_unit"], e["period"]), []).append(e)
    for key in rng.sample(sorted(groups), PER_KIND):  # rows all entered on the last day
        for e in groups[key]:
            last = {"02": "28", "04": "30", "06": "30", "09": "30", "11": "30"}.get(
                key[1][5:], "31")
            e["created_at"] = f"{key[1]}-{last}T18:00:00Z"
        planted[tuple(e["id"] for e in groups[key])] = "last_day"
    return planted


@pytest.fixture(scope="module")
def planted_review():
    rng = random.Random(2023)
    reports, units = synthetic_year(2023)
    reports = copy.deepcopy(reports)
    rosters = _rosters(rng)
    events = _events(rng, sorted({r["org_unit"] for r in reports})[:12])
    planted = _plant(rng, reports, rosters, events)
    findings = review(reports + rosters + events, units=units)
    return reports + rosters + events, planted, findings


def test_planted_anomalies_recall_and_false_alarms(planted_review):
    records, planted, findings = planted_review
    measured = set(KINDS.values())
    flagged = {}
    for f in findings:
        if f["rule"] in measured:
            flagged.setdefault(f["record_id"], set()).add(f["rule"])
    hits, total = 0, 0
    misses = []
    for key, kind in planted.items():
        ids = key if isinstance(key, tuple) else (key,)
        total += 1
        if any(KINDS[kind] in flagged.get(i, ()) for i in ids):
            hits += 1
        else:
            misses.append((kind, ids[0]))
    planted_ids = {i for k in planted for i in (k if isinstance(k, tuple) else (k,))}
    clean = [r["id"] for r in records if r["id"] not in planted_ids]
    false = [i for i in clean if i in flagged]
    recall = hits / total
    false_rate = len(false) / len(clean)
    print(f"\nplanted anomalies: {total}, found: {hits}, recall {recall:.1%}; "
          f"clean records: {len(clean)}, falsely flagged: {len(false)}, "
          f"false-alarm rate {false_rate:.2%}")
    assert total == 7 * PER_KIND
    from collections import Counter
    print(Counter(f["rule"] + ":" + f["source"] for f in findings
                  if f["record_id"] in set(false) and f["rule"] in measured))
    assert recall >= 0.95, misses
    assert false_rate <= 0.05, [(f["rule"], f["message"]) for f in findings
                                if f["record_id"] in false][:10]


def test_findings_link_record_and_filter(planted_review):
    _, _, findings = planted_review
    f = filter_findings(findings, rule="VR-03")[0]
    assert f["record_id"] and f["org_unit"] and f["period"] and f["message"]
    assert "волонтёров" in f["message"] or f["source"] == "form"
    assert all(x["severity"] == "error" for x in filter_findings(findings, severity="error"))
    unit = f["org_unit"]
    assert {x["org_unit"] for x in filter_findings(findings, org_unit=unit)} == {unit}


def _visit(form, region, date, data, who="expert1"):
    rec = _rec(form, region, date[:7], dict(data, date=date), f"{date}T10:00:00Z")
    rec["created_by"] = who
    return rec


def test_visit_rules_vr21_vr22_vr24():
    sem = _visit("seminar", "KAR", "2023-10-23", {"departments_present": ["DVD", "DCHS"]})
    sem_missing = _visit("seminar", "MAN", "2023-10-16", {"participants_count": 9,
                                                         "departments_present": ["EDUC"]})
    fg_far = _visit("focus_group", "KAR", "2023-09-24", {"participants": [
        {"no": 1, "full_name": "А Б", "organization": "Департамент полиции",
         "participant_category": "STATE"},
        {"no": 2, "full_name": "В Г", "organization": "ДЧС", "participant_category": "STATE"},
        {"no": 3, "full_name": "Д Е", "organization": "Фонд"}]})
    fg_same = _visit("focus_group", "KAR", "2023-10-24", fg_far["data"]["participants"] and {
        "participants": copy.deepcopy(fg_far["data"]["participants"])})
    meeting = _visit("leadership_meeting", "SKO", "2023-10-23", {"actual_date": "2023-10-23"})
    found = review([sem, sem_missing, fg_far, fg_same, meeting], use_forms=False)
    rules = {(f["record_id"], f["message_code"]) for f in found}
    assert (sem["id"], "review_participants_missing") in rules                     # VR-24
    assert (sem_missing["id"], "review_key_departments_absent") in rules
    assert (fg_far["id"], "review_visit_spread") in rules                          # VR-22
    assert (fg_far["id"], "review_weekend") in rules                               # Sunday
    assert (fg_far["id"], "review_category_missing") in rules                      # VR-21
    assert (fg_far["id"], "review_state_share") in rules
    assert (fg_same["id"], "review_fg_like_seminar") in rules
    assert (meeting["id"], "review_two_regions_same_day") in rules                 # same expert
    assert (sem["id"], "review_two_regions_same_day") in rules


def test_growth_near_target_and_registry_vr14_vr17():
    recs, units = synthetic_year(2023)
    nxt = []
    for r in recs:
        if r["period"] == "2023-12":
            n = copy.deepcopy(r)
            n.update(id=str(uuid.uuid4()), period="2024-12")
            d = n["data"]
            d["volunteers_total"] = round(d["volunteers_total"] * 1.3)
            nxt.append(n)
    found = review(recs + nxt, units=units, registry={"ALA": 10_000}, use_forms=False)
    growth = filter_findings(found, rule="VR-14")
    assert growth and {f["record_id"] for f in growth} <= {n["id"] for n in nxt}
    gap = filter_findings(found, rule="VR-17", region="ALA")
    assert gap and gap[0]["message_code"] == "review_registry_gap"
