"""Survey exports (issue 16): one response per row, question texts as headers (Russian or
Kazakh), multi-choice answers in one cell, «Другое: …» kept as text. The files are typed out
here with openpyxl / csv, as Google Forms and Yandex Forms write them."""
from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from reports.survey_import import import_survey, read_survey

RU_HEADERS = [
    "Отметка времени",
    "В каком регионе вы занимаетесь волонтёрством? ",
    "Ваш  пол",
    "Ваш возраст",
    "1. Как вы занимаетесь волонтёрством?",
    "Название вашей организации или группы",
    "В каких направлениях вы занимались волонтёрством за последние 12 месяцев?",
    "Какие навыки и виды деятельности вы использовали в волонтёрстве за последние 12 месяцев?",
    "Сколько часов в месяц вы в среднем уделяете волонтёрству?",
    "Есть ли у вас опыт онлайн-волонтёрства?",
    "Сбор средств на благотворительность – это НЕ волонтёрство",
    "С какими проблемами вы сталкиваетесь в волонтёрской деятельности?",
    "Адрес электронной почты",
]
RU_ROWS = [
    [dt.datetime(2024, 3, 15, 10, 22, 33), "Шымкент", "Женский", "18-28",
     "В составе зарегистрированной организации", "ОО «Жастар»",
     "Волонтёрство в медицине, Волонтёрство в образовании, Другое: помощь животным, приютам",
     "Организация мероприятий, SMM, фото, видео, дизайн", "12,5", "Да", "Нет, не знал(а)",
     "Нехватка ресурсов; Непринятие со стороны сограждан", "a@example.kz"],
    [dt.datetime(2024, 4, 2, 9, 0, 0), "г. Астана", "Мужской", "29-35", "Самостоятельно",
     None, "Волонтёрство в образовании", "Другое: вожу детей на кружки", "4", "Нет",
     "Да, знал(а)", None, None],
]

KK_HEADERS = [
    "Уақыт белгісі",
    "Қай өңірде волонтерлікпен айналысасыз?",
    "Жынысыңыз",
    "Соңғы 12 айда қандай бағыттарда волонтерлікпен айналыстыңыз?",
    "Волонтерлікке айына орта есеппен неше сағат бөлесіз?",
    "Қайырымдылыққа қаражат жинау – волонтерлік ЕМЕС",
]
KK_ROWS = [
    ["15.03.2024 10:22:33", "Шымкент қаласы", "Әйел",
     ("Медицинадағы волонтерлік, Басқа: жануарларға көмек"), "8", "Иә, білдім"],
]


def _xlsx(path, headers, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_russian_export_imports_with_answers_intact(tmp_path):
    res = read_survey(_xlsx(tmp_path / "ru.xlsx", RU_HEADERS, RU_ROWS), "volunteer_survey")
    assert res.errors == [], res.problems
    assert res.unmatched() == ["Адрес электронной почты"]
    first, second = (r["data"] for r in res.records)
    assert first == {
        "answered_on": "2024-03-15", "region": "SHY", "gender": "F", "age_band": "A18_28",
        "affiliation": "ORG", "organization_name": "ОО «Жастар»",
        "directions_last_12m": ["MED", "EDU"], "directions_other": "помощь животным, приютам",
        "skills_used": ["EVENTS", "MEDIA"], "hours_per_month": 12.5,
        "online_experience": True, "awareness_a2": "DID_NOT_KNOW",
        "problem_categories": ["RESOURCES", "REJECTION"]}
    assert second["region"] == "AST" and second["skills_used"] == ["OTHER"]
    assert second["skills_used_other"] == "вожу детей на кружки"
    assert second["online_experience"] is False and second["hours_per_month"] == 4
    assert [r["period"] for r in res.records] == ["2024-03", "2024-04"]
    assert [r["org_unit"] for r in res.records] == ["SHY", "AST"]


def test_kazakh_export_imports_with_answers_intact(tmp_path):
    res = read_survey(_xlsx(tmp_path / "kk.xlsx", KK_HEADERS, KK_ROWS), "volunteer_survey",
                      lang="kk")
    assert res.errors == [], res.problems
    assert res.records[0]["data"] == {
        "answered_on": "2024-03-15", "region": "SHY", "gender": "F",
        "directions_last_12m": ["MED"], "directions_other": "жануарларға көмек",
        "hours_per_month": 8, "awareness_a2": "KNEW"}


def test_cp1251_csv_with_semicolons(tmp_path):
    path = tmp_path / "orgs.csv"
    with open(path, "w", newline="", encoding="cp1251") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Отметка времени",
                    ("Регион, в котором зарегистрирована или работает организация"),
                    "Статус вашего объединения",
                    "Наименование организации или инициативной группы",
                    "Источники финансирования вашей деятельности",
                    "Сколько волонтёров привлекла ваша организация за последние 12 месяцев?",
                    "Численность привлечённых волонтёров (диапазон)",
                    "Направления деятельности организации"])
        w.writerow(["2024/05/20 14:01:00", "Шымкент", "Инициативная группа",
                    "  Жубанов   жылуы ", "Вложения самих волонтёров, Другое: акимат",
                    "45", "менее 100", "Экологическое волонтёрство"])
    res = read_survey(path, "org_survey")
    assert res.errors == [], res.problems
    data = res.records[0]["data"]
    assert data["org_name"] == "Жубанов жылуы" and data["org_type"] == "INITIATIVE_GROUP"
    assert data["funding_sources"] == ["OWN", "OTHER"]
    assert data["funding_sources_other"] == "акимат"
    assert data["volunteers_attracted_12m"] == 45 and data["size_band"] == "LT100"
    assert data["answered_on"] == "2024-05-20" and len(data["directions"]) == 1


def test_bad_cells_name_row_column_and_what_is_allowed(tmp_path):
    rows = [[dt.datetime(2024, 3, 1), "Шымкент", "Женский", "много", "Да"]]
    headers = ["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?",
               "Ваш возраст", "Сколько часов в месяц вы в среднем уделяете волонтёрству?",
               "Есть ли у вас опыт авто-волонтёрства?"]
    res = read_survey(_xlsx(tmp_path / "bad.xlsx", headers, rows), "volunteer_survey")
    messages = [p["message"] for p in res.errors]
    assert len(messages) == 2, messages
    assert messages[0].startswith("Строка 2, столбец «Ваш возраст», значение «Женский»: "
                                  "такого варианта ответа нет; допустимо: ")
    assert "18-28" in messages[0] or "18–28" in messages[0]
    assert "«много»" in messages[1] and "ожидается число" in messages[1]


def test_mapping_corrects_a_column_and_skips_one(tmp_path):
    headers = ["Timestamp", "Регион проживания", "Ваш пол"]
    rows = [[dt.datetime(2024, 3, 1), "Актобе", "Мужской"]]
    path = _xlsx(tmp_path / "map.xlsx", headers, rows)
    res = read_survey(path, "volunteer_survey")
    assert any(p["code"] == "survey_missing_column" for p in res.errors)
    assert "--map" in res.errors[0]["message"]
    res = read_survey(path, "volunteer_survey",
                      mapping={"Регион проживания": "region", "3": ""})
    assert res.errors == [] and res.records[0]["data"] == {"answered_on": "2024-03-01",
                                                           "region": "AKT"}
    bad = read_survey(path, "volunteer_survey", mapping={"Регион проживания": "regoin"})
    assert bad.errors[0]["code"] == "survey_bad_mapping" and "region" in bad.errors[0]["message"]


def test_import_saves_once_and_refuses_unknown_regions(tmp_path):
    from desktop.demo_data import DEMO_UNITS
    from store import open_store
    path = _xlsx(tmp_path / "ru.xlsx", RU_HEADERS, RU_ROWS)
    with open_store(tmp_path / "s.sqlite3") as store:
        store.upsert_org_units(DEMO_UNITS)              # Shymkent only: Astana is unknown
        res = import_survey(store, "volunteer_survey", path, user="central")
        assert not res.committed and res.errors[0]["row"] == 3
        assert store.count_records(form="volunteer_survey") == 0
        store.upsert_org_units([{"id": "AST", "kind": "region", "region": "AST",
                                 "name_ru": "г. Астана", "name_kk": "Астана қаласы",
                                 "name_en": "Astana"}])
        res = import_survey(store, "volunteer_survey", path, user="central")
        assert res.committed
        again = import_survey(store, "volunteer_survey", path, user="central")
        assert again.committed
        saved = store.list_records(form="volunteer_survey", order_by="period")
        assert len(saved) == 2 and saved[0]["data"]["directions_other"] == (
            "помощь животным, приютам")


@pytest.mark.parametrize("cell,expected", [
    (("Прочие (госсоцзаказ, местный бюджет, корпоративное, международные гранты), "
      "Не имели финансирования"), ["OTHER", "NONE"]),
    ("Народные пожертвования;Спонсорская или донорская поддержка", ["CROWD", "SPONSOR"]),
])
def test_options_with_commas_in_their_labels(cell, expected):
    from reports.survey_values import split_multi
    assert split_multi("funding_sources", cell) == (expected, None)


def test_a_response_without_region_saves_nothing(tmp_path):
    from store import open_store
    rows = [RU_ROWS[0], [dt.datetime(2024, 3, 2), None, "Мужской"] + [None] * 10]
    path = _xlsx(tmp_path / "noreg.xlsx", RU_HEADERS, rows)
    with open_store(tmp_path / "s.sqlite3") as store:
        res = import_survey(store, "volunteer_survey", path, user="central", lang="en")
        assert not res.committed
        assert [p["message"] for p in res.errors] == [
            "Row 3: no region: the answer belongs to a region (map the region column)"]
        assert store.count_records(form="volunteer_survey") == 0


def test_an_export_with_a_title_typed_above_it(tmp_path):
    """A person saved the export with a merged title row and an empty row above the
    questions: the questions' row is found, and errors name the rows as the file has them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Результаты опроса волонтёров, 2024 год"])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["Отметка времени", "1. В каком регионе вы занимаетесь волонтёрством? *",
               "Ваш пол", "Ваша занятость", "Ваш возраст"])
    ws.append([dt.datetime(2024, 3, 1, 9, 5), "Шымкент", "Женский", "Работаю", "18-28"])
    ws.append([dt.datetime(2024, 3, 2, 9, 5), "г. Астана", "Мужской", "Не работаю", "много"])
    wb.save(tmp_path / "titled.xlsx")
    res = read_survey(tmp_path / "titled.xlsx", "volunteer_survey")
    assert res.mapping()["Ваша занятость"] == "occupation"
    assert [p["message"][:40] for p in res.errors] == [
        "Строка 5, столбец «Ваш возраст», значени"]
    res = read_survey(tmp_path / "titled.xlsx", "volunteer_survey", mapping={"5": ""})
    assert res.errors == [], res.problems
    assert [r["data"]["occupation"] for r in res.records] == ["EMPLOYED", "UNEMPLOYED"]


@pytest.mark.parametrize("answer,code", [
    ("Учусь в школе", "SCHOOL"), ("Студентка", "STUDENT"), ("Работаю", "EMPLOYED"),
    ("Временно не работаю", "UNEMPLOYED"), ("На пенсии", "PENSIONER"), ("Другое", "OTHER"),
    ("Жұмыс істеймін", "EMPLOYED"), ("Жұмыс істемеймін", "UNEMPLOYED"),
    ("Зейнеткермін", "PENSIONER"), ("Retired", "PENSIONER")])
def test_occupation_answered_in_the_first_person(answer, code):
    from reports.survey_values import to_choice

    assert to_choice("occupations", answer) == code


@pytest.mark.parametrize("cell,day", [
    ("2023/10/12 2:03:11 PM GMT+5", "2023-10-12"),        # Google Forms, an English sheet
    ("12.10.2023 14:03:11", "2023-10-12"),                 # Google Forms, a Russian sheet
    ("10/12/2023 14:03:11", "2023-10-12"),                 # a US sheet: month first
    ("13/10/2023 14:03", "2023-10-13"),                    # day first where it must be
    ("12 октября 2023", "2023-10-12"), ("12.10.2023 г.", "2023-10-12"),
    ("2023 ж. 12 қазан", "2023-10-12")])
def test_answer_dates_as_exports_write_them(cell, day):
    from reports.survey_values import to_date

    assert to_date(cell) == day


def test_a_microsoft_forms_export(tmp_path):
    """ID, start and completion times, e-mail and name first: the completion time dates the
    answer, the rest of the service columns are listed as not imported."""
    headers = ["ID", "Время начала", "Время завершения", "Адрес электронной почты", "Имя",
               "В каком регионе вы занимаетесь волонтёрством?", "Ваш пол"]
    rows = [[1, dt.datetime(2024, 3, 1, 9, 0), dt.datetime(2024, 3, 2, 9, 5), "anonymous",
             None, "Шымкент", "Женский"]]
    res = read_survey(_xlsx(tmp_path / "ms.xlsx", headers, rows), "volunteer_survey")
    assert res.errors == [], res.problems
    assert res.mapping()["Время завершения"] == "answered_on"
    assert res.records[0]["data"] == {"answered_on": "2024-03-02", "region": "SHY",
                                      "gender": "F"}
