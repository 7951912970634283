"""Focus-group form version 2 (DOMAIN.md §1.10, E10): the `answers` roster of discussion
answers per key question Q1..Q5 next to version 1: registry, enumerations, the row rules
(RFO rating only on Q4, Q4 without a rating, one row per question and category), version 1
records still validated by version 1, new records stored as version 2."""
from __future__ import annotations

from pathlib import Path

from forms import list_forms, load_form, validate_record
from forms.loader import all_forms
from forms.messages import message_text
from forms.reference import get_enum
from store import open_store
from tests.test_forms_samples import focus_group_data

LANGS = ("ru", "kk", "en")
QUESTIONS_RU = {  # DOMAIN.md §1.10, verbatim (L4471-4483)
    "Q1": "Какие направления волонтерской деятельности наиболее актуальны для вашего региона?",
    "Q2": "Какая поддержка от государства требуется волонтерскому сообществу вашего региона "
          "(самые острые потребности, нужды, проблемы)?",
    "Q3": "Какое взаимодействие с государственными ведомствами у вас сейчас (приведите "
          "примеры)?",
    "Q4": "Оцените взаимодействие с региональным фронт-офисом (РФО) и внесите ваши "
          "предложения по повышению эффективности его работы.",
    "Q5": "Внесите ваши предложения в дорожную карту развития волонтерства.",
}
RATINGS_RU = {"SATISFIED": "доволен работой РФО",
              "WEAK_YOUTH_ONLY": "слабое, т.к. работают с молодежью",
              "MINIMAL": "минимальное взаимодействие",
              "UNAWARE": "вообще не знаем об их существовании"}
E10_CODES = ("fg_rfo_rating_not_q4", "fg_q4_rating_missing", "fg_answer_duplicate")


def answer(question: str, text: str = "Ответ", **over) -> dict:
    return {"question": question, "answer_text": text, **over}


def good_answers() -> list[dict]:
    return [
        answer("Q1", "Экология и помощь пожилым", direction="ECO"),
        answer("Q1", "Наставничество", participant_category="STUDENT", topic="MENTORING"),
        answer("Q2", "Помещения и транспорт"),
        answer("Q3", "Акимат помогает с площадками", participant_category="STATE"),
        answer("Q4", "Не знали о РФО", rfo_rating="UNAWARE"),
        answer("Q4", "Работают с нами", participant_category="STATE", rfo_rating="SATISFIED"),
        answer("Q5", "Обучение координаторов", direction="EDU"),
    ]


def record(answers: list | None, *, version: int = 2) -> dict:
    data = focus_group_data()
    if answers is not None:
        data["answers"] = answers
    return {"id": "fg-1", "form": "focus_group", "form_version": version,
            "org_unit": "ATY-ATYRAU", "period": "2023-10", "status": "draft", "data": data}


def findings(answers, *, version: int = 2):
    return validate_record("focus_group", record(answers, version=version))


def e10(found) -> list:
    return [f for f in found if f.message_code in E10_CODES]


# -- registry and enumerations -------------------------------------------------------------
def test_both_versions_load_and_latest_is_v2():
    v1, v2 = load_form("focus_group", 1), load_form("focus_group", 2)
    assert load_form("focus_group") is v2 and v1.version == 1
    assert not v1.has_field("answers") and v2.field("answers").type == "roster"
    assert [f.id for f in v1.fields] == [f.id for f in v2.fields if f.id != "answers"]
    assert [r.id for r in v1.rules] == [r.id for r in v2.rules][:len(v1.rules)]
    assert [f.version for f in list_forms() if f.id == "focus_group"] == [2]
    assert [f.version for f in all_forms() if f.id == "focus_group"] == [1, 2]
    assert Path(v1.source_path).name == "focus_group.toml"
    assert Path(v2.source_path).name == "focus_group.v2.toml"
    section = next(s for s in v2.sections if any(f.id == "answers" for f in s.fields))
    assert section.title["ru"] == "Ответы на ключевые вопросы"


def test_answers_columns_and_labels():
    roster = load_form("focus_group", 2).field("answers")
    cols = {c.id: c for c in roster.columns}
    assert list(cols) == ["question", "participant_category", "answer_text", "direction",
                          "topic", "rfo_rating"]
    assert {c: cols[c].choices for c in cols if cols[c].choices} == {
        "question": "fg_questions", "participant_category": "fg_categories",
        "direction": "directions", "topic": "fg_topics", "rfo_rating": "fg_rfo_ratings"}
    assert [c for c in cols if cols[c].required] == ["question", "answer_text"]
    assert cols["answer_text"].max_length == 4000 and roster.max == 35
    for f in [roster, *roster.columns]:
        assert all(f.label.get(lang, "").strip() for lang in LANGS), f.id


def test_question_and_rating_enumerations_verbatim():
    questions, ratings = get_enum("fg_questions"), get_enum("fg_rfo_ratings")
    assert {c: questions.label(c, "ru") for c in questions.codes} == QUESTIONS_RU
    assert {c: ratings.label(c, "ru") for c in ratings.codes} == RATINGS_RU
    for item in [*questions.items, *ratings.items]:
        assert all(item.labels[lang].strip() for lang in LANGS), item.code
    assert questions.label("Q4", "en").startswith("Rate your interaction")


def test_messages_in_three_languages():
    for code in E10_CODES:
        for lang in LANGS:
            text = message_text(code, lang, {"row": 7, "question": "Q2"})
            assert "7" in text and text != code and "{" not in text, (code, lang)


# -- validation ----------------------------------------------------------------------------
def test_valid_record_has_no_findings():
    assert findings(good_answers()) == []
    assert findings(None) == []          # answers are optional


def test_rfo_rating_on_other_question_is_an_error_on_its_row():
    rows = good_answers()
    rows[2]["rfo_rating"] = "MINIMAL"                  # Q2, row 3
    found = e10(findings(rows))
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.severity, f.fields) == ("E10-rfo-only-q4", "error",
                                              ["answers[2].rfo_rating"])
    assert f.params["row"] == 3 and f.params["question"] == "Q2"
    assert f.text("ru").startswith("Строка 3: оценка РФО")
    assert f.text("en", load_form("focus_group")).startswith("Row 3:")


def test_q4_without_rating_is_a_warning_on_its_row():
    rows = good_answers()
    del rows[5]["rfo_rating"]                          # Q4 / STATE, row 6
    found = e10(findings(rows))
    assert [(f.rule, f.severity, f.fields, f.params["row"]) for f in found] == [
        ("E10-q4-rating", "warning", ["answers[5].rfo_rating"], 6)]
    assert found[0].message_code == "fg_q4_rating_missing"


def test_same_question_and_category_twice_is_a_warning_on_the_later_row():
    rows = good_answers() + [answer("Q3", "Ещё пример", participant_category="STATE"),
                             answer("Q2", "Гранты")]
    found = e10(findings(rows))
    assert [(f.rule, f.severity, f.params["row"], f.params["question"]) for f in found] == [
        ("E10-duplicate", "warning", 8, "Q3"), ("E10-duplicate", "warning", 9, "Q2")]
    assert found[0].fields == ["answers[7].question", "answers[7].participant_category"]
    # the same question for another category, or for all categories, is a separate row
    other = good_answers() + [answer("Q2", "Гранты", participant_category="SYSTEMIC")]
    assert e10(findings(other)) == []


def test_rules_cover_the_last_allowed_row_and_the_roster_is_bounded():
    categories = [None, "SYSTEMIC", "SYSTEMIC.CHARITY", "STUDENT", "STUDENT.MASS_BIRGEMIZ",
                  "STUDENT.NOT_VOLUNTEERING", "STATE"]
    rows = [answer(f"Q{1 + i}", **({"participant_category": cat} if cat else {}))
            for cat in categories for i in range(5)]
    for r in rows:
        if r["question"] == "Q4":
            r["rfo_rating"] = "MINIMAL"
    assert len(rows) == 35 and findings(rows) == []   # every question x category, once
    rows[34]["rfo_rating"] = "SATISFIED"               # row 35 is Q5
    assert [(f.rule, f.params["row"]) for f in e10(findings(rows))] == [
        ("E10-rfo-only-q4", 35)]
    too_many = findings(rows + [answer("Q1", participant_category="STATE")])
    assert any(f.message_code == "too_many_rows" for f in too_many)


def test_two_rows_for_all_categories_together_are_a_duplicate():
    rows = good_answers() + [answer("Q2", "Ещё про помещения")]   # no category twice
    assert [(f.rule, f.params["row"]) for f in e10(findings(rows))] == [("E10-duplicate", 8)]


def test_missing_question_or_text_reported_by_field_checks():
    found = findings([{"answer_text": "Без вопроса", "rfo_rating": "MINIMAL"},
                      answer("Q9"), {"question": "Q1"}])
    fields = {(f.message_code, f.fields[0]) for f in found if f.severity == "error"}
    assert ("required", "answers[0].question") in fields
    assert ("required", "answers[2].answer_text") in fields
    assert any(f.fields[0] == "answers[1].question" and f.message_code != "required"
               for f in found)
    assert e10(found) == []  # no E10 rule guesses about a row without a valid question


def test_v1_record_still_validates_with_v1():
    assert findings(None, version=1) == []
    rows = good_answers()
    rows[0]["rfo_rating"] = "MINIMAL"                   # an error under v2
    found = findings(rows, version=1)                   # v1 knows no `answers`
    assert [(f.message_code, f.severity, f.fields) for f in found] == [
        ("field_not_in_form", "error", ["answers"])]
    assert [f.rule for f in findings(rows)] == ["E10-rfo-only-q4"]


# -- store ---------------------------------------------------------------------------------
def test_new_records_are_v2_and_v1_records_keep_their_version(data_dir):
    store = open_store()
    try:
        new = store.save_record({"form": "focus_group", "org_unit": "ATY-ATYRAU",
                                 "data": {**focus_group_data(), "answers": good_answers()}},
                                user="trainer1")
        old = store.save_record({"form": "focus_group", "form_version": 1,
                                 "org_unit": "ATY-ATYRAU", "data": focus_group_data()},
                                user="trainer1")
        assert (new["form_version"], old["form_version"]) == (2, 1)
        assert store.get_record(new["id"])["data"]["answers"][4]["rfo_rating"] == "UNAWARE"
        assert validate_record("focus_group", store.get_record(old["id"])) == []
    finally:
        store.close()
