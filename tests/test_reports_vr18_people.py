"""VR-18 for people: a person on the lists of several records of one region and month is
one person — flagged when the lists name different organizations, counted once in the
annual report's focus-group figure — on a real SQLite store; namesakes whose phones differ
stay two people."""
from __future__ import annotations

import uuid

import pytest
from test_forms_samples import fg_participant, focus_group_data, seminar_data

from forms.messages import messages
from reports.annual import build_annual
from reports.annual.build_visits import participant_categories
from reports.people_once import count_once, people, region_months
from reports.quality_review import review_store, store_records
from store import open_store

UNITS = [{"id": "KAR", "kind": "region", "region": "KAR", "name_ru": "Карагандинская"},
         {"id": "KAR-D01", "kind": "district", "region": "KAR", "name_ru": "Темиртау"},
         {"id": "PAV", "kind": "region", "region": "PAV", "name_ru": "Павлодарская"}]


def _id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"vr18-people/{name}"))


def _rec(name, form, unit, date, data) -> dict:
    return {"id": _id(name), "form": form, "form_version": 1, "org_unit": unit,
            "period": date[:7], "status": "submitted", "updated_at": f"{date}T18:00:00Z",
            "data": dict(data, date=date)}


def _fg(name, unit, date, *rows) -> dict:
    people_rows = [fg_participant(i + 1, *row[:2], **row[2]) for i, row in enumerate(rows)]
    return _rec(name, "focus_group", unit, date, focus_group_data(
        participants=people_rows, unregistered_attendees=0, declared_total=len(rows)))


def _seminar(name, unit, date, full_name, org) -> dict:
    data = seminar_data()
    data["attendees"] = [dict(data["attendees"][0], full_name=full_name, organization=org),
                         data["attendees"][1]]
    return _rec(name, "seminar", unit, date, data)


def _records() -> list[dict]:
    """Karaganda, March 2024: two focus groups (the oblast's and Temirtau's) and a seminar,
    typed by different people; April and Pavlodar as controls."""
    tel = {"phone": "+7 701 234 56 78"}
    return [
        _fg("fg-kar", "KAR", "2024-03-14",
            ("Сейткали Айгерим", "ОО «Жастар үні»", tel),
            ("Ахметов Ерлан", "Молодёжный ресурсный центр", {"phone": "8 (702) 111-22-33"}),
            ("Омарова Дана", "ОФ «Мейірім»", {}),
            ("Ким Виктор", "Лига волонтёров", {}),
            ("Жумабаева Гульнара", "Bastau", {}),
            ("Жумабаева Гульнара", "Bastau", {})),            # typed twice: VR-20's case
        _fg("fg-tem", "KAR-D01", "2024-03-27",
            ("СЕЙТКАЛИ  Айгерим ", "Асыл жүрек", {"phone": "87012345678"}),
            ("Ахметов Ерлан", "Bastau", {"phone": "+7 747 999 88 77"}),   # a namesake
            ("Омарова Д.", "Жасыл әлем", {}),
            ("Ким Виктор", "«Лига волонтёров»", {}),           # same person, same org
            ("Нурланова Салтанат", "Жасыл әлем", {})),
        _seminar("sem-kar", "KAR", "2024-03-20", "Сeйткали Айгерим",   # a Latin «e»
                 "Управление образования"),
        _fg("fg-kar-apr", "KAR", "2024-04-11",
            ("Сейткали Айгерим", "Bastau", tel)),
        _fg("fg-pav", "PAV", "2024-03-15",
            ("Сейткали Айгерим", "Qoldau", {})),
    ]


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "vr18.sqlite3", user="coordinator")
    s.upsert_org_units(UNITS)
    s.import_records(_records(), user="coordinator")
    yield s
    s.close()


def _people_findings(findings) -> list[dict]:
    return [f for f in findings if f["message_code"] == "review_person_several_orgs"]


def _pairs(findings) -> set:
    return {(f["record_id"], f["params"]["other_record"], f["params"]["name"])
            for f in _people_findings(findings)}


def test_one_person_in_lists_of_two_organizations_is_flagged_on_both(store):
    found = review_store(store, use_forms=False)
    fg, tem, sem = _id("fg-kar"), _id("fg-tem"), _id("sem-kar")
    # one finding a record and person, naming the first other list; a seminar's civil
    # servants name departments, not volunteer organizations: no part of this rule
    # by name alone (Омарова Дана / Омарова Д., no phones) a namesake is as likely: counted
    # once, not warned
    assert _pairs(found) == {
        (fg, tem, "Сейткали Айгерим"), (tem, fg, "СЕЙТКАЛИ  Айгерим ")}
    assert not [f for f in _people_findings(found) if f["record_id"] == sem]
    assert {f["params"]["others"] for f in _people_findings(found)} == {1}
    f = next(f for f in _people_findings(found)
             if f["record_id"] == fg and f["params"]["other_record"] == tem)
    assert (f["rule"], f["severity"], f["region"], f["period"]) == (
        "VR-18", "warning", "KAR", "2024-03")
    assert f["fields"] == ["participants[1].full_name"]
    assert f["params"]["org"] == "ОО «Жастар үні»" and f["params"]["other_org"] == "Асыл жүрек"


def test_the_finding_names_both_records_and_organizations_in_each_language(store):
    fg, tem = _id("fg-kar"), _id("fg-tem")
    for lang, words in (("ru", "учтён один раз"), ("kk", "бір рет есептелді"),
                        ("en", "count this person once")):
        f = next(f for f in _people_findings(review_store(store, use_forms=False, lang=lang))
                 if f["record_id"] == tem and f["params"]["other_record"] == fg
                 and f["params"]["name"].startswith("СЕЙТКАЛИ"))
        assert fg in f["message"] and "Асыл жүрек" in f["message"], lang
        assert "ОО «Жастар үні»" in f["message"] and "2024-03" in f["message"], lang
        assert words in f["message"] and "{" not in f["message"], lang
    assert set(messages()["review_person_several_orgs"]) >= {"ru", "kk", "en"}


def test_namesakes_same_list_twice_and_same_org_are_not_this_rule(store):
    names = {f["params"]["name"] for f in _people_findings(review_store(store))}
    assert not names & {"Ахметов Ерлан", "Ким Виктор", "«Лига волонтёров»",
                        "Жумабаева Гульнара", "Нурланова Салтанат"}
    twice = [f for f in review_store(store) if f["message_code"] == "review_duplicate_person"]
    assert [(f["record_id"], f["rule"]) for f in twice] == [(_id("fg-kar"), "VR-20")]
    assert not [f for f in _people_findings(review_store(store))
                if f["period"] == "2024-04" or f["region"] == "PAV"]


def test_a_month_reviewed_alone_finds_what_the_whole_range_finds(store):
    whole = _pairs(review_store(store))
    for spec in ("2024-03", "2024-04", "2024"):
        alone = _pairs(review_store(store, spec=spec))
        assert alone == {p for p in whole if spec in ("2024", "2024-03")}, spec
    assert _pairs(review_store(store, region="KAR")) == whole


def test_a_person_counts_once_per_region_and_month(store):
    recs = store_records(store)
    groups = region_months(recs, {u["id"]: u for u in UNITS})
    march = [[r.name for r in p] for p in people(groups[("KAR", "2024-03")])]
    assert max(march, key=len) == ["Сейткали Айгерим", "Сeйткали Айгерим",
                                          "СЕЙТКАЛИ  Айгерим "]
    assert ["Омарова Дана", "Омарова Д."] in march
    assert ["Ахметов Ерлан"] in march and march.count(["Ахметов Ерлан"]) == 2
    # Karaganda March: Сейткали, Ахметов ×2, Омарова, Ким, Жумабаева, Нурланова, Нурланов
    # (the seminar's second attendee): 13 rows. April 1, Pavlodar 1.
    assert len(march) == 8 and sum(len(p) for p in march) == 13
    assert count_once(recs, {u["id"]: u for u in UNITS}) == 10


def test_an_initial_fitting_two_people_joins_neither():
    recs = [_fg("a", "KAR", "2024-03-02", ("Омарова Дана", "Bastau", {}),
                ("Омарова Динара", "Bastau", {})),
            _fg("b", "KAR", "2024-03-09", ("Омарова Д.", "Qoldau", {}))]
    rows = region_months(recs)[("KAR", "2024-03")]
    assert sorted(len(p) for p in people(rows)) == [1, 1, 1]
    recs[0]["data"]["participants"][1]["full_name"] = "Ахметова Динара"
    rows = region_months(recs)[("KAR", "2024-03")]
    assert sorted(len(p) for p in people(rows)) == [1, 2]


def test_a_row_without_phone_joins_no_namesake_whose_phones_differ():
    recs = [_fg("a", "KAR", "2024-03-02", ("Ахметов Ерлан", "Bastau", {"phone": "87021112233"}),
                ("Ахметов Ерлан", "Qoldau", {"phone": "87479998877"})),
            _fg("b", "KAR", "2024-03-09", ("Ахметов  Ерлан", "Bastau", {}))]
    assert count_once(recs) == 3
    recs[0]["data"]["participants"].pop()
    assert count_once(recs) == 1


def test_the_annual_report_counts_focus_group_participants_once(store):
    recs = store_records(store)
    umap = {u["id"]: u for u in UNITS}
    groups = [r for r in recs if r["form"] == "focus_group"]
    assert sum(participant_categories(groups, umap).values()) == 9   # 13 rows listed
    report = build_annual(recs, UNITS, 2024, lang="en")
    blocks = [b for s in report.sections if s.id == "visits" for b in s.blocks]
    assert "registered participants: 9;" in next(b for b in blocks if isinstance(b, str)
                                                  and b.startswith("Focus groups"))
    table = next(b for b in blocks if getattr(b, "id", "") == "fg_categories")
    assert sum(row[1] for row in table.rows) == 9
    assert "counted once" in table.note


def test_a_person_on_many_lists_gives_one_finding_a_list():
    """Thirty lists of one month naming the same volunteer under thirty organizations: one
    finding on each list (naming the first other one and how many there are), not one for
    each pair of lists — a region's review of 100,000 records held 45,000 pair findings."""
    from reports.people_once import person_findings

    recs = [_fg(f"many-{i}", "KAR", f"2024-05-{i % 28 + 1:02d}",
                ("Сейткали Айгерим", f"Организация {i}", {"phone": "+7 701 234 56 78"}))
            for i in range(30)]
    found = person_findings(recs, {u["id"]: u for u in UNITS})
    assert len(found) == 30 and {f["params"]["others"] for f in found} == {29}
