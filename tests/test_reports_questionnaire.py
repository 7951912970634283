"""reports.questionnaire.tally and `esep report questionnaire`: counts per answer code with
«нет ответа» counted (DOMAIN.md H37 = 199 respondents, H41 = Q3 81 / 16 / 13 / 11 / 78)."""
from __future__ import annotations

import json
import uuid

import pytest

from forms import load_form, validate_record
from main import main
from reports.aggregate import PeriodError
from reports.questionnaire import tally
from store import open_store

H41 = {"NO_PROBLEMS": 81, "ADMIN_FIN": 16, "IGNORANCE": 13, "BUREAUCRACY": 11, "NO_ANSWER": 78}
UNITS = [{"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абайский район"},
         {"id": "AST-ESIL", "kind": "district", "region": "AST", "name_ru": "район Есиль"}]


def response(q3: str, department: str, *, org_unit="SHY-ABAY", date="2023-10-12",
             **over) -> dict:
    data = {"date": date, "department": department, "q1_interaction": "NO_ANSWER",
            "q2_known_orgs_status": "NONE_KNOWN", "q3_difficulties": [q3],
            "q4_effects": "POSITIVE", "q5_problem_areas": ["ECOLOGY"],
            "q6_proposals": ["NO_ANSWER"]}
    data.update(over)
    return {"id": str(uuid.uuid4()), "form": "cs_questionnaire", "form_version": 1,
            "org_unit": org_unit, "period": date[:7], "status": "draft", "data": data,
            "deleted": False}


def survey() -> list[dict]:
    """199 respondents: the Q3 split of H41, 42 without a department (L4980)."""
    q3 = [code for code, n in H41.items() for _ in range(n)]
    out = []
    for i, code in enumerate(q3):
        dept = "NOT_STATED" if i % 199 < 42 else ("INTPOL" if i % 2 else "DCHS")
        where = {"org_unit": "AST-ESIL", "date": "2023-11-03"} if i >= 150 else {}
        out.append(response(code, dept, **where))
    return out


def test_h41_table_with_no_answer_counted():
    res = tally(survey())
    assert res["respondents"] == 199
    q3 = res["questions"]["q3_difficulties"]
    assert q3["counts"] == H41 and q3["mentions"] == 199 and q3["blank"] == 0
    dept = res["questions"]["department"]
    assert dept["counts"]["NOT_STATED"] == 42 and sum(dept["counts"].values()) == 199
    assert res["by_department"]["NOT_STATED"] == 42 and "SPORT" not in res["by_department"]
    assert res["questions"]["q6_proposals"]["counts"]["NO_ANSWER"] == 199
    assert res["questions"]["q1_interaction"]["counts"] == {
        "REGULAR": 0, "ONE_OFF": 0, "NEVER": 0, "NO_ANSWER": 199}


def test_every_survey_record_is_valid():
    form = load_form("cs_questionnaire")
    for rec in survey()[:5] + survey()[-5:]:
        assert not [f for f in validate_record(form, rec) if f.severity == "error"]


def test_multi_choice_counts_mentions_and_blank_drafts():
    recs = [response("ADMIN_FIN", "DVD", q5_problem_areas=["ECOLOGY", "CHARITY"]),
            response("ADMIN_FIN", "DVD", q5_problem_areas=["NO_ANSWER"]),
            response("ADMIN_FIN", "DVD", q5_problem_areas=[], q4_effects=None),
            response("ADMIN_FIN", "DVD", q5_problem_areas=["WHAT"], q4_mentions_fraud=True)]
    recs.append(dict(response("NO_ANSWER", "DVD"), deleted=True))
    res = tally(recs)
    q5 = res["questions"]["q5_problem_areas"]
    assert res["respondents"] == 4
    assert (q5["counts"]["ECOLOGY"], q5["counts"]["CHARITY"], q5["counts"]["NO_ANSWER"]) == (
        1, 1, 1)
    assert (q5["answered"], q5["blank"], q5["unknown"], q5["mentions"]) == (2, 1, 1, 3)
    assert res["questions"]["q4_effects"]["blank"] == 1
    assert res["q4_mentions_fraud"] == 1


def test_region_and_period_filters():
    recs = survey()
    units = {u["id"]: u for u in UNITS}
    assert tally(recs, region="AST", units=units)["respondents"] == 49
    assert tally(recs, region="AST")["respondents"] == 49          # code prefix
    assert tally(recs, period_spec="2023-10")["respondents"] == 150
    assert tally(recs, period_spec="2024")["respondents"] == 0
    moved = response("NO_ANSWER", "DVD", region="ALA")             # the form's own region
    assert tally([moved], region="ALA")["respondents"] == 1
    with pytest.raises(PeriodError):
        tally(recs, period_spec="2023-13")


@pytest.fixture
def filled(data_dir):
    s = open_store()
    s.upsert_org_units(UNITS)
    s.import_records(survey(), user="trainer1")
    s.close()
    return data_dir


def test_cli_report_questionnaire(filled, capsys):
    assert main(["report", "questionnaire", "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["respondents"] == 199
    assert res["questions"]["q3_difficulties"]["counts"] == H41
    assert main(["report", "questionnaire", "--period", "2023-11", "--region", "AST",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["respondents"] == 49
    assert main(["report", "questionnaire", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Civil-servant questionnaire: 199" in text
    assert "   78  No answer" in text and "  199  Σ" in text
    assert main(["report", "questionnaire", "--period", "2023-13"]) == 1
    assert "такого месяца нет" in capsys.readouterr().err  # ru by default
    assert main(["report", "questionnaire", "--region", "XXX"]) == 1
    assert "Неизвестный регион" in capsys.readouterr().err
