"""The civil-servant questionnaire form (DOMAIN.md §1.12) and VR-27: every question has an
explicit «нет ответа» answer, a blank answer is an error, department NOT_STATED is allowed."""
from __future__ import annotations

import pytest

from forms import load_form, validate_record
from forms.messages import message_text
from forms.reference import get_enum

FORM = "cs_questionnaire"
QUESTIONS = ("department", "q1_interaction", "q2_known_orgs_status", "q3_difficulties",
             "q4_effects", "q5_problem_areas", "q6_proposals")


def answers(**over) -> dict:
    data = {"date": "2023-10-12", "region": "SHY", "department": "INTPOL",
            "q1_interaction": "ONE_OFF", "q2_known_orgs_status": "NAMED",
            "q2_known_orgs": "Jas Qyran\nДобрые сердца", "q3_difficulties": ["ADMIN_FIN"],
            "q4_effects": "POSITIVE", "q5_problem_areas": ["ECOLOGY", "ELDERLY"],
            "q6_proposals": ["MEDIA", "TRAINING"]}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def record(data: dict) -> dict:
    return {"id": "q-1", "form": FORM, "form_version": 1, "org_unit": "SHY-ABAY",
            "period": data.get("date", "2023-10-12")[:7], "status": "draft", "data": data}


def findings(**over):
    return validate_record(load_form(FORM), record(answers(**over)))


def errors(**over):
    return [f for f in findings(**over) if f.severity == "error"]


def test_definition_shape():
    form = load_form(FORM)
    assert form.version == 1 and form.date_field == "date" and not form.unique_per_period
    for fid in QUESTIONS:
        f = form.field(fid)
        assert f.required and f.required_rule == "VR-27", fid
        codes = get_enum(f.choices).codes
        assert ("NOT_STATED" if fid == "department" else "NO_ANSWER") in codes, fid
    assert form.field("q3_difficulties").label["ru"] == (
        "3. Какие сложности могут возникнуть с применением стандарта в вашем регионе?")
    assert form.field("seminar_id").type == "text" and not form.field("seminar_id").required


def test_complete_answers_have_no_error():
    assert errors() == []


@pytest.mark.parametrize("fid", QUESTIONS)
def test_blank_answer_is_a_required_error_naming_the_field(fid):
    blank = [] if fid in ("q3_difficulties", "q5_problem_areas", "q6_proposals") else None
    for value in (blank, "  " if blank is None else None):
        errs = errors(**{fid: value})
        assert [(e.rule, e.fields, e.message_code) for e in errs] == [
            ("VR-27", [fid], "required")], errs
        text = message_text("required", "ru", errs[0].params, form=load_form(FORM))
        assert load_form(FORM).field(fid).label["ru"] in text


def test_no_answer_is_accepted_everywhere():
    errs = errors(department="NOT_STATED", q1_interaction="NO_ANSWER",
                  q2_known_orgs_status="NO_ANSWER", q2_known_orgs=None,
                  q3_difficulties=["NO_ANSWER"], q4_effects="NO_ANSWER",
                  q5_problem_areas=["NO_ANSWER"], q6_proposals=["NO_ANSWER"])
    assert errs == []


def test_department_not_stated_is_allowed():
    assert errors(department="NOT_STATED") == []
    assert [e.message_code for e in errors(department="NOBODY")] == ["unknown_code"]


@pytest.mark.parametrize("fid, value, rule", [
    ("q3_difficulties", ["NO_ANSWER", "ADMIN_FIN"], "VR-27-q3"),
    ("q5_problem_areas", ["ECOLOGY", "NO_ANSWER"], "VR-27-q5"),
    ("q5_problem_areas", ["NO_PROBLEMS", "CHARITY"], "VR-27-q5-no-problems"),
    ("q6_proposals", ["MEDIA", "NO_ANSWER"], "VR-27-q6"),
])
def test_no_answer_with_another_answer_is_a_vr27_error(fid, value, rule):
    errs = errors(**{fid: value})
    assert [(e.rule, e.fields) for e in errs] == [(rule, [fid])], errs
    text = message_text(errs[0].message_code, "en", errs[0].params, form=load_form(FORM))
    assert "cannot be marked together" in text and "VR-27" in text
    assert load_form(FORM).field(fid).label["en"] in text, text


def test_no_problems_alone_is_an_answer():
    assert errors(q5_problem_areas=["NO_PROBLEMS"]) == []


def test_named_without_names_is_a_warning():
    found = findings(q2_known_orgs=None)
    assert [(f.rule, f.severity) for f in found if f.rule == "q2-named-empty"] == [
        ("q2-named-empty", "warning")]
    assert not any(f.rule == "q2-named-empty" for f in findings())


def test_period_follows_the_date():
    rec = record(answers(date="2023-11-02"))
    rec["period"] = "2023-10"
    assert any(f.message_code == "period_mismatch" for f in
               validate_record(load_form(FORM), rec))


def test_every_answer_list_has_three_languages():
    form = load_form(FORM)
    for fid in QUESTIONS:
        for item in get_enum(form.field(fid).choices).items:
            assert all(item.labels.get(lang, "").strip() for lang in ("ru", "kk", "en")), item


# --- roles on a real server: a trainer form ------------------------------------------------

@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    from tests.server_fixtures import run_server, seed_world
    server = run_server(f"sqlite:///{tmp_path_factory.mktemp('csq') / 'server.sqlite3'}")
    seed_world(server.db_url)            # t1 is a trainer, d1 the district SHY-ABAY
    yield server
    server.stop()


def _push(srv, user: str, device: str, rec: dict) -> dict:
    from tests.server_fixtures import api_session, make_op, push
    session = api_session(srv.url, user)
    r = push(session, srv.url, device, [make_op(1, rec)])
    assert r.status_code == 200, r.text
    return r.json()["acks"][0]


def test_trainer_pushes_questionnaire_and_reads_it_back(srv):
    from tests.server_fixtures import api_session
    rec = dict(record(answers(department="NOT_STATED", q3_difficulties=["NO_ANSWER"])),
               id="8d0f6f0e-0000-4000-8000-00000000c501", status="submitted")
    ack = _push(srv, "t1", "dev-trainer", rec)
    assert ack["status"] == "applied", ack
    got = api_session(srv.url, "t1").get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=10)
    assert got.status_code == 200 and got.json()["data"]["department"] == "NOT_STATED"
    for user in ("t2", "d3"):              # another trainer, another district's user
        other = api_session(srv.url, user).get(f"{srv.url}/api/v1/records/{rec['id']}",
                                               timeout=10)
        assert other.status_code in (403, 404), user


def test_trainer_push_with_vr27_error_is_rejected(srv):
    rec = dict(record(answers(q6_proposals=["MEDIA", "NO_ANSWER"])),
               id="8d0f6f0e-0000-4000-8000-00000000c502", status="submitted")
    ack = _push(srv, "t1", "dev-trainer-2", rec)
    assert ack["status"] == "rejected"
    assert any(e.get("rule") == "VR-27-q6" for e in ack["errors"]), ack


def test_district_may_not_write_the_questionnaire(srv):
    rec = dict(record(answers()), id="8d0f6f0e-0000-4000-8000-00000000c503")
    ack = _push(srv, "d1", "dev-district", rec)
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "forbidden", ack
