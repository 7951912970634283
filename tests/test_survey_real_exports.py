"""Survey, questionnaire and registry files as they really come (tests/fixtures/survey, made
by hand with openpyxl / csv and LibreOffice): a Google Forms CSV with a form sent twice, a
Kazakh one, Yandex Forms workbooks, a clerk's questionnaire with «нет ответа» and «-», lists
with БИНs that lost their leading zero and Kazakh letters that a code page lost."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from reports.registry_import import import_registry
from reports.survey_import import import_survey
from store import open_store

FIX = Path(__file__).parent / "fixtures" / "survey"
BIN_JARKYN, BIN_HANDS, BIN_MEIRIM, BIN_SHAPAGAT = (
    "050140001238", "101140012347", "160240009874", "030540007892")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.sqlite3") as s:
        yield s


def _data(store, form: str) -> list[dict]:
    return sorted((r["data"] for r in store.list_records(form=form)),
                  key=lambda d: (d.get("answered_on") or d.get("date") or "",
                                 d.get("region"), str(d.get("department"))))


def _warnings(res) -> list[str]:
    return [p["message"] for p in res.problems if p["severity"] == "warning"]


def test_google_forms_csv_a_form_sent_twice_is_said_and_counted_once(store):
    res = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_ru.csv", user="c")
    assert res.errors == [] and res.committed
    assert "Как вы занимаетесь волонтёрством?" in res.mapping()      # a line break inside
    assert _warnings(res) == [("Строка 4 повторяет строку 3 слово в слово (повторная "
                               "отправка); учтена один раз")]
    ast, shy, alm = _data(store, "volunteer_survey")
    assert shy["directions_ever"] == ["ELDER", "ZOO"]
    assert shy["skills_used"] == ["PROFESSIONAL", "EVENTS"]     # a label holding commas
    assert shy["proposals_text"] == "Больше информации, пожалуйста, в соцсетях"
    assert (shy["occupation"], shy["affiliation"], shy["awareness_a4"]) == (
        "STUDENT", "GROUP", "KNEW")
    assert ast["directions_other"] == "помощь приюту, кормление собак"
    assert ast["skills_used"] == ["DRIVING", "OTHER"] and ast["hours_per_month"] == 4.5
    assert ast["skills_used_other"] == "ремонт техники"
    assert alm["directions_ever"] == ["CHILD"] and alm["answered_on"] == "2026-12-07"
    assert store.count_records(form="volunteer_survey") == 3
    again = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_ru.csv", user="c",
                          lang="en")
    assert again.records == [] and store.count_records(form="volunteer_survey") == 3
    assert "3 responses were imported before and not saved again; rows: 2, 3, 5" in _warnings(
        again)


def test_kazakh_google_forms_and_yandex_workbooks(store):
    for form, name in (("volunteer_survey", "gf_volunteer_kk.csv"),
                       ("volunteer_survey", "yandex_volunteer_ids.xlsx"),
                       ("org_survey", "yandex_org_kk.xlsx")):
        res = import_survey(store, form, FIX / name, user="c", lang="kk")
        assert res.errors == [] and res.committed, (name, res.problems)
    vols = {d["region"]: d for d in _data(store, "volunteer_survey")}
    assert vols["ABA"]["directions_last_12m"] == ["ZOO"]
    assert vols["ABA"]["directions_other"] == "ескерткіштерді тазалау, ағаш отырғызу"
    assert vols["TUR"] == {"answered_on": "2026-12-06", "region": "TUR", "gender": "F",
                           "age_band": "A18_28", "directions_last_12m": ["MED", "DON"],
                           "online_experience": True, "hours_per_month": 6,
                           "problem_categories": ["RESOURCES"]}
    assert vols["ZHA"]["directions_last_12m"] == ["DON", "MEDIA"]      # «;» between options
    assert vols["ZHA"]["problem_categories_other"] == "Көлік жоқ, ауылдарға жету қиын"
    assert vols["PAV"] == {"answered_on": "2026-12-06", "region": "PAV", "age_band": "O60"}
    kar, man = _data(store, "org_survey")
    assert kar["bin"] == BIN_JARKYN and kar["funding_sources"] == ["SPONSOR", "OTHER"]
    assert (kar["volunteers_attracted_12m"], kar["pro_bono"]) == (120, True)
    assert man == {"answered_on": "2026-12-06", "region": "MAN", "org_type": "INITIATIVE_GROUP",
                   "org_name": "Ақтау жастары", "directions": ["ECO"], "pro_bono": False}


@pytest.mark.parametrize("name", ["gsheets_org_ru.xlsx", "gsheets_org_ru.xls"])
def test_org_survey_numbers_with_units_and_no_answer(store, name):
    res = import_survey(store, "org_survey", FIX / name, user="c")
    assert res.errors == [] and res.committed, res.problems
    kar, shy = _data(store, "org_survey")
    assert kar["funding_sources"] == ["OTHER"] and kar["years_active"] == 7
    assert kar["funding_sources_other"] == "членские взносы, продажа сувениров"
    assert kar["regions_of_activity"] == ["KAR", "AST"] and kar["bin"] == BIN_MEIRIM
    assert shy["years_active"] == 5                                    # «5 лет»
    assert shy["bin"] == BIN_SHAPAGAT                                  # 11 digits in the cell
    assert "pro_bono" not in shy                                       # «нет ответа», not «нет»


def test_clerk_questionnaire_no_answer_marks_and_a_blank_left_a_draft(store):
    res = import_survey(store, "cs_questionnaire", FIX / "cs_clerk.xlsx", user="c")
    assert res.errors == [] and res.committed
    assert res.mapping()["2. Названные организации"] == "q2_known_orgs"
    [draft] = _warnings(res)
    assert draft.startswith("Строка 4: сохранено черновиком, не отправлено: Поле «Ведомство, "
                            "которое представляет респондент» обязательно")
    assert "«5. Какие социальные проблемы" in draft
    akimat, dchs, blank, dash = _data(store, "cs_questionnaire")
    assert akimat["q2_known_orgs"] == "ОО «Шапагат», «Добрые руки»"
    assert akimat["q6_proposals"] == ["TRAINING", "FOREIGN"]
    none = {"q1_interaction": "NO_ANSWER", "q2_known_orgs_status": "NO_ANSWER",
            "q3_difficulties": ["NO_ANSWER"], "q4_effects": "NO_ANSWER",
            "q5_problem_areas": ["NO_ANSWER"], "q6_proposals": ["NO_ANSWER"]}
    assert dchs == {"date": "2026-11-20", "region": "PAV", "department": "DCHS", **none}
    assert dash == {"date": "2026-11-21", "region": "PAV", "department": "NOT_STATED", **none}
    assert "department" not in blank and blank["q3_difficulties"] == ["NO_ANSWER"]
    status = {r["data"].get("department"): r["status"]
              for r in store.list_records(form="cs_questionnaire")}
    assert status == {"AKIMAT": "submitted", "DCHS": "submitted", None: "draft",
                      "NOT_STATED": "submitted"}
    from reports.questionnaire import format_text, tally
    text = format_text(tally(store.list_records(form="cs_questionnaire"), period_spec="2026"),
                       "kk")
    assert "      1  (бос: жауапсыз жобалар)\n      3  Σ" in text and "blank" not in text


def test_kazakh_questionnaire_from_libreoffice(store):
    res = import_survey(store, "cs_questionnaire", FIX / "cs_clerk_kk.ods", user="c",
                        lang="kk")
    assert res.errors == [] and _warnings(res) == []
    akimat, unstated = _data(store, "cs_questionnaire")
    assert akimat["q5_problem_areas"] == ["ANIMALS", "CHARITY"]
    assert akimat["q6_comment"] == "Мектептерде волонтерлік сабағы керек"
    assert unstated["department"] == "NOT_STATED" and unstated["q6_proposals"] == ["NO_ANSWER"]


def test_registry_bins_as_numbers_spaces_and_two_scripts(store):
    res, new, _ = import_registry(store, FIX / "registry_excel_utf8.csv", user="c")
    assert res.errors == [] and len(new) == 3
    res, new, _ = import_registry(store, FIX / "registry_numbers.xlsx", user="c")
    assert res.errors == [] and res.committed
    by_bin = {r["data"].get("bin"): r["data"] for r in store.list_records(form="organization")}
    assert set(by_bin) == {BIN_JARKYN, BIN_HANDS, BIN_MEIRIM, BIN_SHAPAGAT, None}
    assert by_bin[BIN_JARKYN]["aliases"] == 'ОФ "Жаркын болашак"'       # 11 digits in a .csv
    assert by_bin[BIN_HANDS]["aliases"] == "ТОО «Добрые руки»"          # Latin row first
    assert by_bin[BIN_SHAPAGAT]["aliases"] == 'OO "Molodezhnyi tsentr Shapagat"'
    assert by_bin[BIN_MEIRIM]["aliases"] == "Мейірім қоғамдық қоры"
    assert by_bin[BIN_JARKYN]["org_type"] == "REGISTERED"
    assert by_bin[None] == {"name_ru": "Инициативная группа «Қамқор»", "region": "ABA",
                            "org_type": "INITIATIVE_GROUP"}


def test_kazakh_letters_lost_to_cp1251_are_refused_in_the_users_language(data_dir, capsys):
    path = str(FIX / "registry_excel_cp1251.csv")
    assert main(["--data-dir", str(data_dir), "--lang", "kk", "registry", "import", path]) == 1
    out = capsys.readouterr().out
    assert ("[ҚАТЕ] 3-жол, «Наименование организации» бағаны, «Общественный фонд «Жар?ын "
            "болаша?»» мәні: әріптердің орнында «?»") in out
    assert "6-жол" in out
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        assert s.count_records(form="organization") == 0


def test_refusal_lists_allowed_answers_in_the_users_language(tmp_path, capsys, data_dir):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Уақыт белгісі", "Қай өңірде волонтерлікпен айналысасыз?", "Жасыңыз"])
    wb.active.append(["06.12.2026 10:15:03", "Абай облысы", "жиырма"])
    wb.save(tmp_path / "kk.xlsx")
    assert main(["--data-dir", str(data_dir), "--lang", "kk", "survey", "import",
                 "volunteer_survey", str(tmp_path / "kk.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "2-жол, «Жасыңыз» бағаны, «жиырма» мәні" in out
    assert "14 жасқа дейін; 14–17 жас" in out and "до 14" not in out


def test_english_timestamps_ages_as_numbers_and_units(store):
    res = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_numbers.csv", user="c")
    assert res.errors == [] and res.unmatched() == []
    kos, sko = _data(store, "volunteer_survey")
    assert kos == {"answered_on": "2026-12-06", "region": "KOS", "age_band": "A18_28",
                   "hours_per_month": 10, "auto_experience": True, "gender": "M"}
    assert sko == {"answered_on": "2026-12-06", "region": "SKO", "age_band": "O60"}


def test_grid_statements_and_other_without_its_prefix(store):
    res = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_grid.csv", user="c",
                        lang="kk")
    assert res.errors == [] and res.unmatched() == [] and res.committed
    [own] = _warnings(res)
    assert own.startswith("2-жол, «Какие навыки и виды деятельности") and own.endswith(
        "мұндай нұсқа жоқ: «шью игрушки для детских домов, вяжу» өз жауабы («Басқа») ретінде "
        "жазылды")
    [aty] = _data(store, "volunteer_survey")
    assert aty == {"answered_on": "2026-12-06", "region": "ATY",
                   "skills_used": ["TEACHING", "OTHER"],
                   "skills_used_other": "шью игрушки для детских домов, вяжу",
                   "awareness_a2": "KNEW", "awareness_a4": "DID_NOT_KNOW"}


def test_bin_cells_as_a_clerk_types_them(store):
    res, new, _ = import_registry(store, FIX / "registry_clerk_bins.csv", user="c", lang="en")
    [exponent] = res.errors
    assert exponent["message"] == (
        "Row 3, column “БИН”, value “1,01140E+11”: Field “BIN”: “1,01140E+11” is a number in "
        "exponent form, the BIN's digits were lost in Excel; format the column as text, type "
        "the BIN again (12 digits) and save the file again")
    assert [p["message"] for p in res.problems if p["severity"] == "warning"] == [
        "Row 4 repeats row 2 word for word (sent again); counted once"]
    assert res.records[0]["data"]["bin"] == BIN_MEIRIM and new == []
    assert store.count_records(form="organization") == 0


def test_esep_import_points_to_the_command_that_reads_the_file(data_dir, capsys, tmp_path):
    argv = ["--data-dir", str(data_dir), "--lang", "kk"]
    assert main([*argv, "import", "cs_questionnaire", str(FIX / "cs_clerk.xlsx")]) == 1
    assert "esep survey import cs_questionnaire FILE командасы оқиды" in capsys.readouterr().err
    assert main([*argv, "registry", "import", str(FIX / "registry_numbers.xlsx")]) == 0
    out = tmp_path / "organizations.xlsx"                       # Esep's own table still goes
    assert main([*argv, "export", "organization", "--format", "xlsx", "-o", str(out)]) == 0
    assert main([*argv, "import", "organization", str(out)]) == 0
