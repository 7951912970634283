"""reports.focus_answers and `esep report focus-answers`: focus-group discussion answers
(DOMAIN.md §1.10) per key question, by participant category, with coded counts; v1 records
have no answers, deleted records are left out, the counts reconcile."""
from __future__ import annotations

import json

import pytest

from main import main
from reports.aggregate import PeriodError
from reports.focus_answers import focus_answers, format_text
from store import open_store
from tests.test_forms_samples import focus_group_data

UNITS = [{"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абайский район"},
         {"id": "AST-ESIL", "kind": "district", "region": "AST", "name_ru": "район Есиль"}]


def ans(question: str, text: str, category: str | None = None, **coding) -> dict:
    row = {"question": question, "answer_text": text, **coding}
    if category:
        row["participant_category"] = category
    return row


def group(date: str, city: str, org_unit: str, answers=None, *, version: int = 2) -> dict:
    data = focus_group_data(date=date, city=city)
    if answers is not None:
        data["answers"] = answers
    return {"form": "focus_group", "form_version": version, "org_unit": org_unit,
            "data": data}


SHY = [ans("Q1", "Экология", direction="ECO"),
       ans("Q1", "Наставничество", "STUDENT", topic="MENTORING"),
       ans("Q1", "Экология и гражданская активность", "STATE", direction="ECO",
           topic="CIVIC"),
       ans("Q4", "Не знали о РФО", rfo_rating="UNAWARE"),
       ans("Q4", "Работаем вместе", "STATE", rfo_rating="SATISFIED"),
       ans("Q2", "Помещения")]
AST = [ans("Q1", "Медицина", "SYSTEMIC", direction="MED"),
       ans("Q4", "Пока не оценили", "SYSTEMIC"),
       ans("Q5", "Обучение координаторов", direction="EDU")]
DELETED = [ans("Q4", "Удалённая запись", rfo_rating="MINIMAL")]


@pytest.fixture
def filled(data_dir):
    s = open_store()
    try:
        s.upsert_org_units(UNITS)
        s.save_record(group("2023-10-12", "Шымкент", "SHY-ABAY", SHY), user="trainer1")
        s.save_record(group("2023-11-03", "Астана", "AST-ESIL", AST), user="trainer1")
        s.save_record(group("2023-10-20", "Шымкент", "SHY-ABAY", version=1), user="trainer1")
        gone = s.save_record(group("2023-10-25", "Шымкент", "SHY-ABAY", DELETED),
                             user="trainer1")
        s.delete_record(gone["id"], user="trainer1", reason="duplicate")
        # the store's list leaves tombstones out; the report must too when given one
        records = s.list_records(form="focus_group") + [s.get_record(gone["id"])]
    finally:
        s.close()
    return records


def _reconciles(res: dict) -> None:
    qs = res["questions"]
    assert res["answers"] == sum(q["answers"] for q in qs.values()) + res["unassigned"]
    for q in qs.values():
        assert q["answers"] == sum(len(v) for v in q["by_category"].values())
        assert q["answers"] == q["coded"] + q["not_coded"]
    r = qs["Q4"]["rfo_ratings"]
    assert qs["Q4"]["answers"] == sum(r["counts"].values()) + r["not_coded"] + r["unknown"]


def test_answers_per_question_and_category(filled):
    assert sum(1 for r in filled if r and r.get("deleted")) == 1
    res = focus_answers(filled)
    assert (res["focus_groups"], res["with_answers"], res["answers"], res["unassigned"]) == (
        3, 2, 9, 0)
    q1 = res["questions"]["Q1"]
    assert list(q1["by_category"]) == ["ALL", "SYSTEMIC", "STUDENT", "STATE"]
    assert [(e["date"], e["city"], e["text"]) for e in q1["by_category"]["ALL"]] == [
        ("2023-10-12", "Шымкент", "Экология")]
    assert q1["by_category"]["SYSTEMIC"][0]["city"] == "Астана"
    assert q1["directions"] == {"ECO": 2, "MED": 1}
    assert list(q1["topics"].items()) == [("MENTORING", 1), ("CIVIC", 1)]
    assert (q1["answers"], q1["coded"], q1["not_coded"]) == (4, 4, 0)
    assert (res["questions"]["Q2"]["answers"], res["questions"]["Q2"]["not_coded"]) == (1, 1)
    assert res["questions"]["Q3"] == {"answers": 0, "by_category": {}, "directions": {},
                                      "topics": {}, "coded": 0, "not_coded": 0}
    q4 = res["questions"]["Q4"]
    assert q4["rfo_ratings"] == {"counts": {"SATISFIED": 1, "WEAK_YOUTH_ONLY": 0,
                                            "MINIMAL": 0, "UNAWARE": 1},
                                 "not_coded": 1, "unknown": 0}
    assert "rfo_ratings" not in res["questions"]["Q1"]
    assert res["questions"]["Q5"]["directions"] == {"EDU": 1}
    _reconciles(res)


def test_region_and_period_filters(filled):
    units = {u["id"]: u for u in UNITS}
    ast = focus_answers(filled, region="AST", units=units)
    assert (ast["focus_groups"], ast["answers"]) == (1, 3)
    october = focus_answers(filled, period_spec="2023-10")
    assert (october["focus_groups"], october["with_answers"], october["answers"]) == (2, 1, 6)
    assert october["questions"]["Q4"]["rfo_ratings"]["not_coded"] == 0
    assert focus_answers(filled, period_spec="2024")["focus_groups"] == 0
    with pytest.raises(PeriodError):
        focus_answers(filled, period_spec="2023-13")


def test_bad_rows_are_counted_not_lost():
    rec = {"id": "x", "form": "focus_group", "form_version": 2, "org_unit": "SHY-ABAY",
           "period": "2023-10", "deleted": False,
           "data": {"date": "2023-10-01", "city": "Шымкент", "answers": [
               "not a row", {"answer_text": "без вопроса"}, ans("Q9", "чужой код"),
               ans("Q4", "непонятно", rfo_rating="GREAT"), ans("Q4", "пусто", rfo_rating=" "),
               ans("Q1", "код", direction="NOPE")]}}
    res = focus_answers([rec])
    assert (res["answers"], res["unassigned"]) == (6, 3)
    assert res["questions"]["Q4"]["rfo_ratings"]["unknown"] == 1
    assert res["questions"]["Q4"]["rfo_ratings"]["not_coded"] == 1
    assert res["questions"]["Q1"]["directions"] == {"NOPE": 1}
    _reconciles(res)
    assert "    3  (строки без вопроса)" in format_text(res)


@pytest.fixture
def store_dir(data_dir, filled):
    return data_dir


def test_cli_report_focus_answers(store_dir, capsys):
    assert main(["report", "focus-answers", "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert (res["focus_groups"], res["answers"]) == (3, 9)
    assert res["questions"]["Q4"]["rfo_ratings"]["counts"]["UNAWARE"] == 1
    assert main(["report", "focus-answers", "--period", "2023-11", "--region", "AST",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answers"] == 3
    assert main(["report", "focus-answers", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Focus groups: answers to the key questions — focus groups: 3, "
                           "answers: 9")
    assert "Q4. Rate your interaction with the regional front office (RFO)" in text
    assert "    2023-10-12 Шымкент: Не знали о РФО" in text
    assert "      1  Unaware the RFO exists\n      1  (not rated)\n      3  Σ" in text
    assert main(["report", "focus-answers"]) == 0
    assert "  МРЦ и госучреждения\n    2023-10-12 Шымкент: Работаем вместе" in (
        capsys.readouterr().out)
    assert main(["report", "focus-answers", "--period", "2023-13"]) == 1
    assert "такого месяца нет" in capsys.readouterr().err  # ru by default
    assert main(["report", "focus-answers", "--region", "XXX"]) == 1
    assert "Неизвестный регион" in capsys.readouterr().err
