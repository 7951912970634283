"""VR-13 in the scope review: figures a district submitted and someone changed afterwards
(a region coordinator's correction, a month's workbook imported again over it) are a warning
naming who, when, why and the figures, in the user's language; a district's own
resubmission after a return is not. Real SQLite store, records typed as a district does."""
from __future__ import annotations

import pytest

from reports.quality_review import review_store
from reports.review_incremental import IncrementalReview
from store import open_store

UNITS = [{"id": "PAV", "kind": "region", "region": "PAV", "name_ru": "Павлодарская область"},
         {"id": "PAV-BAY", "kind": "district", "region": "PAV", "name_ru": "Баянаульский район"},
         {"id": "PAV-MAY", "kind": "district", "region": "PAV", "name_ru": "Майский район"}]


def _data(volunteers: int, hours: float) -> dict:
    f = volunteers * 4 // 7
    return {"volunteers_total": volunteers, "gender": {"F": f, "M": volunteers - f},
            "age": {"A14_17": volunteers // 3, "A18_28": volunteers - volunteers // 3},
            "occupation": {"SCHOOL": volunteers // 2, "STUDENT": volunteers - volunteers // 2},
            "registered_orgs_count": 2, "initiative_groups_count": 6, "events_total": 8,
            "events_by_direction": {"HUM": 3, "ECO": 3, "SPORT": 2},
            "events_by_format": {"OFFLINE": 7, "ONLINE": 1}, "volunteer_hours": hours,
            "volunteer_positions": 85, "rfo_support_provided": "YES",
            "rfo_support_types": ["INFO", "MEDIA"]}


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "region.sqlite3", user="zh.kairatkyzy")
    s.upsert_org_units(UNITS)
    yield s
    s.close()


def _submitted(store, unit: str, period: str, data: dict, user: str) -> str:
    rec = store.save_record({"form": "monthly_report", "org_unit": unit, "period": period,
                             "data": data}, user=user)
    store.submit_record(rec["id"], user=user)
    return rec["id"]


def _corrections(found: list[dict]) -> list[dict]:
    return [f for f in found if f["rule"] == "VR-13"]


def test_a_coordinators_correction_is_said_with_the_figures(store):
    rid = _submitted(store, "PAV-BAY", "2026-10", _data(357, 237.7), "zh.kairatkyzy")
    assert not _corrections(review_store(store))
    store.correct_record(rid, {"volunteers_total": 420, "gender": {"F": 250, "M": 170},
                               "age": {"A14_17": 182, "A18_28": 238},
                               "occupation": {"SCHOOL": 241, "STUDENT": 179}},
                         user="coordinator", reason="Уточнено по данным акимата")
    found = _corrections(review_store(store, spec="2026-10", lang="ru"))
    assert len(found) == 1, found
    f = found[0]
    assert (f["record_id"], f["severity"], f["rule_detail"]) == (rid, "warning",
                                                                 "VR-13-corrected")
    assert "«Количество волонтёров»: 357 → 420" in f["message"]
    assert "coordinator" in f["message"] and "Уточнено по данным акимата" in f["message"]
    assert "zh.kairatkyzy" in f["message"] and "(всего изменено значений: 5)" in f["message"]
    kk = _corrections(review_store(store, lang="kk"))[0]["message"]
    assert "«Волонтерлер саны»: 357 → 420" in kk and "өзгертілді" in kk
    en = _corrections(review_store(store, lang="en"))[0]["message"]
    assert en.startswith("«Number of volunteers»: 357 → 420 (5 values changed in all): the "
                         "submitted data were changed after submission by coordinator")
    # the desktop's incremental review says the same
    assert _corrections(IncrementalReview().run(store, lang="ru")) == found


def test_a_resubmission_after_a_return_is_no_correction(store):
    rid = _submitted(store, "PAV-MAY", "2026-09", _data(41, 60.5), "b.tokhtarov")
    store.set_review(rid, "returned", user="coordinator", comment="Проверьте часы")
    rec = store.get_record(rid)
    store.save_record(dict(rec, data=_data(41, 66.0)), user="b.tokhtarov")
    store.submit_record(rid, user="b.tokhtarov")
    assert store.get_record(rid)["revision"] == 2
    assert not _corrections(review_store(store))


def test_a_month_imported_again_over_its_submitted_report_is_said(store):
    """The same month delivered twice: the second file, with a reason, overwrites figures
    already submitted; the review names them."""
    rid = _submitted(store, "PAV-MAY", "2026-11", _data(45, 69.7), "b.tokhtarov")
    second = dict(store.get_record(rid))
    second["data"] = dict(second["data"], volunteer_hours=97.6)
    store.save_record(second, user="b.tokhtarov", reason="повторная отправка отчёта")
    found = _corrections(review_store(store, lang="en"))
    assert [f["params"]["field"] for f in found] == ["volunteer_hours"]
    assert found[0]["message"].startswith(
        "«Volunteer hours in the reporting month»: 69.7 → 97.6 (1 value changed in all)")


def test_a_corrected_choice_and_text_are_said_by_their_words(store):
    """A choice changed after submission is said by its labels in the reader's language, a
    text quoted; still one finding for the record, the figure first."""
    rid = _submitted(store, "PAV-BAY", "2026-08", _data(357, 237.7), "zh.kairatkyzy")
    store.correct_record(rid, {"rfo_support_provided": "NOT_NEEDED", "rfo_support_types": [],
                               "coverage_note": "без двух сельских школ",
                               "volunteer_hours": 240.5},
                         user="coordinator", reason="сверено с актом")
    found = _corrections(review_store(store, lang="ru"))
    assert len(found) == 1, found
    ru = found[0]["message"]
    assert ru.startswith("«Количество волонтёрских часов за отчётный месяц»: 237.7 → 240.5; "
                         "«Помощь РФО оказывалась»: Да → Не требовалась; "
                         "«Характер (вид) помощи РФО»: Информационная помощь, "
                         "Медиасопровождение (видеосъёмка, СМИ, соцсети) → —; "), ru
    assert "«Примечание о полноте данных (не вошедшие источники)»: — → " \
           "«без двух сельских школ» (всего изменено значений: 4)" in ru, ru
    kk = _corrections(review_store(store, lang="kk"))[0]["message"]
    assert "Иә → Қажет болмады" in kk, kk
    en = _corrections(review_store(store, lang="en"))[0]["message"]
    assert "«Front-office support provided»: Yes → Not needed" in en, en


def test_a_text_alone_corrected_is_said_too(store):
    rid = _submitted(store, "PAV-MAY", "2026-07", _data(41, 60.5), "b.tokhtarov")
    store.correct_record(rid, {"rfo_support_provided": "NO"}, user="coordinator",
                         reason="район уточнил")
    found = _corrections(review_store(store, lang="en"))
    assert [f["fields"] for f in found] == [["rfo_support_provided"]]
    assert found[0]["message"].startswith("«Front-office support provided»: Yes → No (1 value changed")
    store.correct_record(rid, {"rfo_support_types": ["MEDIA", "INFO"]}, user="coordinator",
                         reason="тот же выбор в другом порядке")
    assert [f["fields"] for f in _corrections(review_store(store))] == \
           [["rfo_support_provided"]]
