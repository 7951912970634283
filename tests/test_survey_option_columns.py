"""Survey exports the other fixtures do not cover (tests/fixtures/survey/make_option_columns.py):
Microsoft Forms (Russian and Kazakh), a Google Forms CSV saved again by Excel in cp1251, a
KoboToolbox export with group names and a column per option, and a clerk's paper answers with
short headers and a tick per option — read to the same answers, a bad tick refused naming its
row and column."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from reports.survey_import import import_survey
from store import open_store
from tests.fixtures.survey.make_option_columns import paper_option_columns

FIX = Path(__file__).parent / "fixtures" / "survey"
Q12 = "В каких направлениях вы занимались волонтёрством за последние 12 месяцев?"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.sqlite3") as s:
        yield s


def _data(store) -> list[dict]:
    return sorted((r["data"] for r in store.list_records(form="volunteer_survey")),
                  key=lambda d: (d["answered_on"], d.get("age_band", "")))


def test_microsoft_forms_export(store):
    res = import_survey(store, "volunteer_survey", FIX / "msforms_volunteer.xlsx", user="c")
    assert res.errors == [] and res.committed
    assert res.mapping()["Время завершения"] == "answered_on" and res.identity == ["ID"]
    assert {"Время начала", "Адрес электронной почты", "Имя"} <= set(res.unmatched())
    kar, alm = _data(store)
    assert kar == {"answered_on": "2026-12-06", "region": "KAR", "gender": "F",
                   "age_band": "A18_28", "directions_last_12m": ["MED", "HUM"],
                   "hours_per_month": 8, "online_experience": True}
    assert alm["directions_last_12m"] == ["EDU"] and alm["region"] == "ALA"


def test_microsoft_forms_in_kazakh(store):
    res = import_survey(store, "volunteer_survey", FIX / "msforms_kk.xlsx", user="c")
    assert res.errors == [] and res.committed
    young, adult = sorted(_data(store), key=lambda d: d["age_band"])
    assert (young["region"], young["gender"], young["online_experience"]) == ("ZHT", "M", False)
    assert adult["directions_last_12m"] == ["MED", "EDU"] and adult["region"] == "ALM"


def test_google_forms_csv_saved_again_by_excel(store):
    res = import_survey(store, "volunteer_survey", FIX / "gf_excel_cp1251.csv", user="c")
    assert res.errors == [] and res.committed
    pav, shy = sorted(_data(store), key=lambda d: d["region"])
    assert shy["hours_per_month"] == 4.5 and shy["problem_categories"] == [
        "RESOURCES", "LOW_AWARENESS"]
    assert (pav["age_band"], pav["hours_per_month"]) == ("A51_60", 12)


def test_a_bilingual_form(store):
    """«Волонтёрство в медицине / Медицинадағы волонтерлік» is the one option both halves
    name, not the person's own answer."""
    res = import_survey(store, "volunteer_survey", FIX / "gf_bilingual.csv", user="c")
    assert res.errors == [] and _warnings(res) == [] and res.committed
    assert res.mapping()["Ваш пол / Жынысыңыз"] == "gender"
    tur, ala = sorted(_data(store), key=lambda d: d["region"], reverse=True)
    assert (tur["region"], tur["gender"], tur["age_band"], tur["directions_last_12m"]) == (
        "TUR", "F", "A18_28", ["DON", "ZOO"])
    assert ala["directions_last_12m"] == ["MED"] and "directions_other" not in ala


def test_kobo_group_names_and_a_column_per_option(store):
    """«Респондент/Ваш пол» is the question «Ваш пол»; the options' 1 / 0 columns answer the
    question (its cell joined by spaces cannot be split back and is not read)."""
    res = import_survey(store, "volunteer_survey", FIX / "kobo_groups_labels.xlsx", user="c")
    assert res.errors == [] and res.committed
    assert _warnings(res) == []
    mapping = res.mapping()
    assert mapping["Респондент/Ваш пол"] == "gender"
    assert mapping["Респондент/Ваш возраст"] == "age_band"
    assert mapping[f"Опыт/{Q12}/Экологическое волонтёрство"] == "directions_last_12m"
    assert f"Опыт/{Q12}" in res.unmatched()
    first, second = _data(store)
    assert (first["gender"], first["age_band"], first["directions_last_12m"]) == (
        "M", "A18_28", ["MED", "ECO"])
    assert "directions_other" not in first
    assert (second["gender"], second["directions_last_12m"]) == ("F", ["EDU"])


def _warnings(res) -> list[str]:
    return [p["message"] for p in res.problems if p["severity"] == "warning"
            and p["code"] not in ("survey_no_identity",)]


def test_paper_answers_with_short_headers_and_a_tick_per_option(store):
    res = import_survey(store, "volunteer_survey", FIX / "paper_option_columns.xlsx", user="c")
    assert res.errors == [] and res.committed
    assert {res.mapping()[h] for h in ("Дата", "Регион", "Пол", "Возраст")} == {
        "answered_on", "region", "gender", "age_band"}
    rows = _data(store)
    assert [d.get("directions_last_12m") for d in rows] == [
        ["MED", "ECO"], ["MED", "ECO"], None, ["EDU"]]
    assert [d["age_band"] for d in rows] == ["A18_28", "A29_35", "A36_50", "A29_35"]


@pytest.mark.parametrize("lang, said", [
    ("ru", ("Строка 5, столбец «{q}/Волонтёрство в образовании», значение «2»: столбец "
            "одного варианта ответа: ожидается 1 или 0")),
    ("kk", ("5-жол, «{q}/Волонтёрство в образовании» бағаны, «2» мәні: бір жауап нұсқасының "
            "бағаны: 1 немесе 0"))])
def test_a_tick_that_is_no_tick_is_refused_naming_its_cell(tmp_path, store, lang, said):
    path = tmp_path / "paper.xlsx"
    paper_option_columns(path, bad=True)
    res = import_survey(store, "volunteer_survey", path, user="c", lang=lang)
    assert not res.committed and store.count_records(form="volunteer_survey") == 0
    assert len(res.errors) == 1
    assert res.errors[0]["message"].startswith(said.format(q=Q12))


def test_the_cli_lists_each_option_column(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "survey", "import", "volunteer_survey",
                 str(FIX / "kobo_groups_labels.xlsx"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"Опыт/{Q12}/Волонтёрство в медицине -> directions_last_12m" in out
    assert f"Опыт/{Q12} -> (не импортируется)" in out
    with open_store(data / "esep.sqlite3") as s:
        assert s.count_records(form="volunteer_survey") == 0
