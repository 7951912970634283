"""`esep import event|hotline_appeal|leadership_meeting FILE` on a district's own list (one
record a row), typed the way clerks type them: a merged title, a «№» column, a totals row,
stray spaces, Russian and Kazakh headers, a LibreOffice .xls, a cp1251 .csv with «;»."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from forms import load_form
from forms.validate import validate_record
from store import open_store
from tests.wide_kit import soffice_convert

TITLE = "План-отчёт мероприятий МРЦ Абайского района за март 2024 года"
HEADER = ["№", "Дата", "Наименование мероприятия ", "Направление", "Формат",
          "Кол-во волонтёров", "Кол-во часов", "Организатор", "Примечание"]


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def events_march(path: Path, *, helpers: object = "12 чел.", second_title: str =
                 "Поздравление ветеранов") -> Path:
    """The district's own plan-report for March, as its clerk typed it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Март"
    ws["A1"] = TITLE
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(HEADER)
    ws.append([1, dt.datetime(2024, 3, 2), "Субботник в парке «Кен баба»", "Экологическое",
               "офлайн", 25, 75, "МРЦ", None])
    ws.append([2, "08.03.2024", second_title, "Социальное волонтёрство для пожилых",
               " Офлайн ", helpers, "24", "ОО «Жастар»", "фото в папке"])
    ws.append([])
    ws.append([4, "20-22.03.2024", " Наурыз  мейрамы ", "Событийное", "офлайн", 108, 456,
               "Акимат", None])
    ws.append([None, None, "Итого", None, None, 145, 555, None, None])
    wb.save(path)
    return path


def records(data_dir, form="event") -> list[dict]:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return sorted(s.list_records(form=form), key=lambda r: r["data"].get("date_start")
                      or r["data"].get("received_at") or "")


def test_a_districts_events_list_becomes_drafts_with_findings(data_dir, tmp_path, capsys):
    path = events_march(tmp_path / "events_march.xlsx")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    out, err = capsys.readouterr()
    assert "строка заголовка 3" in out and "Кол-во волонтёров -> volunteers_count" in out
    assert "строка 6 пропущена (пустая строка)" in out
    assert "строка 8 пропущена (строка итога): Итого | 145 | 555" in out
    assert "столбцы не прочитаны" in out and "«Примечание»" in out and "«№»" not in out
    assert "нет столбца «Тип организатора»" in err and "--set organizer_type=" in err
    assert "«Экологическое» прочитано как «Экологическое волонтёрство»" in err
    recs = records(data_dir)
    assert [r["data"]["title"] for r in recs] == [
        "Субботник в парке «Кен баба»", "Поздравление ветеранов", "Наурыз мейрамы"]
    assert {(r["org_unit"], r["period"], r["status"]) for r in recs} == {
        ("ABA", "2024-03", "draft")}
    first, second, third = (r["data"] for r in recs)
    assert first == {"date_start": "2024-03-02", "title": "Субботник в парке «Кен баба»",
                     "primary_direction": "ECO", "formats": ["OFFLINE"],
                     "volunteers_count": 25, "volunteer_hours": 75, "organizer_name": "МРЦ"}
    assert (second["volunteers_count"], second["volunteer_hours"]) == (12, 24)
    assert second["primary_direction"] == "ELDER"
    assert (third["date_start"], third["date_end"]) == ("2024-03-20", "2024-03-22")
    form = load_form("event")
    missing = {f for f in validate_record(form, recs[0]) if f.severity == "error"
               for f in f.fields}
    assert {"organizer_type", "data_source", "known_to_rfo", "is_volunteering"} <= missing


def test_importing_again_changes_nothing_and_an_edited_row_updates(data_dir, tmp_path,
                                                                     capsys):
    path = events_march(tmp_path / "events_march.xlsx")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    ids = [r["id"] for r in records(data_dir)]
    capsys.readouterr()
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    out = capsys.readouterr().out
    assert out.count("уже импортирована, без изменений") == 3 and "изменений нет" in out
    # the clerk corrects the count and a stray space in the title, and saves the file again
    events_march(path, helpers=14, second_title="Поздравление  ветеранов ")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    out = capsys.readouterr().out
    assert "volunteers_count: 12 → 14" in out
    recs = records(data_dir)
    assert [r["id"] for r in recs] == ids
    assert recs[1]["data"]["volunteers_count"] == 14


def test_set_period_and_map_options(data_dir, tmp_path, capsys):
    path = events_march(tmp_path / "events_march.xlsx")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA",
               "--set", "organizer_type=МРЦ", "--set", "data_source=РФО",
               "--set", "known_to_rfo=Да, известно РФО", "--set", "is_volunteering=да",
               "--map", "Примечание=description", "--map", "Организатор=") == 0
    err = capsys.readouterr().err
    assert "Тип организатора" not in err
    recs = records(data_dir)
    data = recs[1]["data"]
    assert (data["organizer_type"], data["data_source"], data["known_to_rfo"],
            data["is_volunteering"]) == ("MRC", "RFO", "YES", "YES")
    assert data["description"] == "фото в папке" and "organizer_name" not in data
    assert not [f for f in validate_record(load_form("event"), recs[1])
                if f.severity == "error"]


def test_a_bad_cell_saves_nothing_and_says_where(data_dir, tmp_path, capsys):
    path = events_march(tmp_path / "events_march.xlsx", helpers="много")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err
    assert "строка 5, столбец «Кол-во волонтёров»: «много»: не число" in err
    assert "ничего не импортировано" in err
    assert records(data_dir) == []
    assert run(data_dir, "--lang", "en", "import", "event", str(path), "--org-unit",
               "ABA") == 1
    assert "row 5, column «Кол-во волонтёров»: «много»: not a number" in \
        capsys.readouterr().err
    assert records(data_dir) == []


def kazakh_events(path: Path) -> Path:
    """A Kazakh list: a title naming the month, a header in two rows («Саны» over
    «Волонтерлер саны | Сағат саны»), stray spaces, «Барлығы» at the end."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Іс-шаралар"
    ws["A1"] = "Абай ауданы бойынша 2024 жылғы наурыз айындағы іс-шаралар"
    ws.merge_cells("A1:G1")
    ws.append(["Р/с", " Күні ", "Іс-шараның атауы", "Бағыты", "Форматы", "Саны", None])
    ws.append([None, None, None, None, None, "Волонтерлер саны", "Сағат саны"])
    ws.merge_cells("F2:G2")
    ws.merge_cells("A2:A3")
    ws.append([1, "05.03.2024", "Қарттарға көмек", "Экологиялық", "онлайн", 10, "20"])
    ws.append(["Р/с", "Күні", "Іс-шараның атауы", "Бағыты", "Форматы", "Волонтерлер саны",
               "Сағат саны"])                         # the header again, on the next page
    ws.append([2, "21.03.2024 ", "Наурыз тойы  ", "Іс-шаралық", "офлайн", "1 200", 3600])
    ws.append(["Барлығы", None, None, None, None, 1210, 3620])
    wb.save(path)
    return path


def test_a_kazakh_list_with_a_two_row_header(data_dir, tmp_path, capsys):
    path = kazakh_events(tmp_path / "naurыz.xlsx")
    assert run(data_dir, "--lang", "kk", "import", "event", str(path), "--org-unit",
               "ABA") == 0
    out = capsys.readouterr().out
    assert "Күні -> date_start" in out and "Іс-шараның атауы -> title" in out
    assert "қорытынды жол" in out and "5-жол өткізілді (тақырып қайталанады)" in out
    recs = records(data_dir)
    assert [(r["data"]["title"], r["data"]["volunteers_count"],
             r["data"]["volunteer_hours"]) for r in recs] == [
        ("Қарттарға көмек", 10, 20), ("Наурыз тойы", 1200, 3600)]
    assert [r["data"]["formats"] for r in recs] == [["ONLINE"], ["OFFLINE"]]


def test_a_list_saved_by_libreoffice_as_xls(data_dir, tmp_path, capsys):
    made = soffice_convert(events_march(tmp_path / "events_march.xlsx"), "xls",
                           tmp_path / "lo")
    if made is None:
        pytest.skip("soffice (LibreOffice) is not installed")
    assert run(data_dir, "import", "event", str(made), "--org-unit", "ABA") == 0
    recs = records(data_dir)
    assert [r["data"]["volunteers_count"] for r in recs] == [25, 12, 108]
    assert recs[2]["data"]["date_end"] == "2024-03-22"


def test_a_hotline_log_as_cp1251_csv(data_dir, tmp_path, capsys):
    text = ("Журнал обращений на горячую линию;;;;;;\r\n"
            "Дата обращения;ФИО;Телефон;Канал;Цель обращения;Суть обращения;Результат\r\n"
            "03.04.2024;Ахметова Д.;87011234567;звонок;Желание принять участие;"
            "Хочет стать волонтёром;Обработано\r\n"
            "05.04.2024 ;Сидоров П.;;WhatsApp;обращение за помощью;Нужна помощь пожилой "
            "матери;в работе\r\n"
            ";;;;;;\r\n"
            "Всего: 2;;;;;;\r\n")
    path = tmp_path / "hotline.csv"
    path.write_bytes(text.encode("cp1251"))
    assert run(data_dir, "import", "hotline_appeal", str(path), "--org-unit", "ABA",
               "--set", "applicant_country=Казахстан", "--set",
               "volunteering_related=да") == 0
    recs = records(data_dir, "hotline_appeal")
    assert [(r["data"]["received_at"], r["data"]["channel"], r["data"]["purpose"],
             r["data"]["result_status"], r["period"]) for r in recs] == [
        ("2024-04-03", "PHONE", "JOIN", "PROCESSED", "2024-04"),
        ("2024-04-05", "WHATSAPP", "HELP_REQUEST", "IN_PROGRESS", "2024-04")]
    assert recs[0]["data"]["applicant_phone"] == "87011234567"
    assert recs[1]["data"]["applicant_country"] == "KZ"


def test_a_file_that_is_no_list_says_what_to_do(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.title = "Лист1"
    wb.active.append(["Отчёт"])
    wb.active.append(["Всё хорошо, мероприятия проведены"])
    path = tmp_path / "report.xlsx"
    wb.save(path)
    for lang, words in (("ru", "не найдена строка заголовков"),
                        ("kk", "тақырып жолы табылмады"), ("en", "no header row")):
        assert run(data_dir, "--lang", lang, "import", "event", str(path),
                   "--org-unit", "ABA") == 1
        err = capsys.readouterr().err
        assert words in err and "--map" in err and "«Лист1»" in err
        assert "esep export event" in err
    assert records(data_dir) == []


def meetings(path: Path, outcome: str = "Договорились о субботнике") -> Path:
    """A region's log of meetings with officials, in Kazakh, with a title and a «Р/с» column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Әкімдікпен кездесулер, 2024 жылғы сәуір"])
    ws.append(["Р/с", "Кездесу күні", "Аты-жөні", "Лауазымы", "Мәртебесі", "Нақты күні",
               "Поручения"])
    ws.append([1, dt.datetime(2024, 4, 10), "Сейітов Б.", "Советник акима", "Состоялась",
               "10.04.2024", outcome])
    ws.append([2, "18.04.2024", "Омарова А. ", "Руководитель аппарата акима",
               "не состоялась (изменения в расписании / решение не было принято)"])
    wb.save(path)
    return path


def test_a_meetings_log_and_a_submitted_record_left_as_it_is(data_dir, tmp_path, capsys):
    path = meetings(tmp_path / "meetings.xlsx")
    assert run(data_dir, "import", "leadership_meeting", str(path), "--org-unit", "ABA",
               "--set", "region=Абайская область") == 0
    recs = records(data_dir, "leadership_meeting")
    assert [(r["data"]["planned_date"], r["data"]["official_name"],
             r["data"]["official_position"], r["data"]["status"], r["period"])
            for r in sorted(recs, key=lambda r: r["data"]["planned_date"])] == [
        ("2024-04-10", "Сейітов Б.", "ADVISOR", "HELD", "2024-04"),
        ("2024-04-18", "Омарова А.", "CHIEF_OF_STAFF", "NOT_HELD", "2024-04")]
    held = next(r for r in recs if r["data"]["status"] == "HELD")
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        s.submit_record(held["id"], user="tester")
    capsys.readouterr()
    meetings(path, outcome="Договорились о двух субботниках")
    assert run(data_dir, "import", "leadership_meeting", str(path), "--org-unit", "ABA",
               "--set", "region=Абайская область") == 0
    err = capsys.readouterr().err
    assert f"строка 3: запись уже отправлена (id {held['id']})" in err and "Строка" not in err
    after = {r["id"]: r for r in records(data_dir, "leadership_meeting")}
    assert len(after) == 2 and after[held["id"]]["status"] == "submitted"
    assert after[held["id"]]["data"]["commitments"] == "Договорились о субботнике"


def test_a_value_the_store_refuses_names_its_row_and_column(data_dir, tmp_path, capsys):
    path = events_march(tmp_path / "events_march.xlsx", second_title="Поздравление " * 30)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err
    assert "строка 5, столбец «Наименование мероприятия»" in err
    assert "текст длиннее 300 символов" in err and "ничего не импортировано" in err
    assert records(data_dir) == []


def test_a_cover_sheet_and_a_sheet_a_month(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.title = "Инструкция"
    wb.active.append(["Заполняйте по месяцам, каждый месяц на своём листе"])
    for month, day in (("Январь", "15.01.2024"), ("Февраль", "10.02.2024")):
        ws = wb.create_sheet(month)
        ws.append(["Мероприятия МРЦ за " + month.lower() + " 2024 г."])
        ws.append(["№", "Дата проведения", "Название", "Кол-во волонтеров"])
        ws.append([1, day, f"Акция «{month}»", 7])
    path = tmp_path / "events_2024.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    err = capsys.readouterr().err
    assert "список взят с листа «Январь»" in err and "«Февраль»" in err and "--sheet" in err
    assert [r["data"]["title"] for r in records(data_dir)] == ["Акция «Январь»"]
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA",
               "--sheet", "Февраль") == 0
    assert [(r["data"]["title"], r["period"]) for r in records(data_dir)] == [
        ("Акция «Январь»", "2024-01"), ("Акция «Февраль»", "2024-02")]


def test_two_calls_alike_and_a_row_typed_twice(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Дата звонка", "Канал", "Цель", "Вопрос", "Результат"])
    call = ["02.05.2024", "телефон", "Желание принять участие", "Как стать волонтёром?"]
    ws.append([*call, "Обработано"])
    ws.append([*call, "В работе"])           # another caller, the same day and question
    ws.append([*call, "Обработано"])         # the first row typed again
    path = tmp_path / "calls.xlsx"
    wb.save(path)
    argv = ["import", "hotline_appeal", str(path), "--org-unit", "ABA", "--period", "2024-04",
            "--set", "applicant_country=KZ", "--set", "volunteering_related=да"]
    assert run(data_dir, *argv) == 0
    out, err = capsys.readouterr()
    assert "строка 4 пропущена (повтор строки 2: та же запись)" in out
    assert "Строка 3: та же дата и то же название, что в строке 2" in err
    assert "дата в файле 2024-05-02 не входит в период 2024-04" in err
    recs = records(data_dir, "hotline_appeal")
    assert sorted(r["data"]["result_status"] for r in recs) == ["IN_PROGRESS", "PROCESSED"]
    assert {r["period"] for r in recs} == {"2024-05"}      # the month of the call's date
    assert run(data_dir, *argv) == 0
    assert capsys.readouterr().out.count("без изменений") == 2
    assert len(records(data_dir, "hotline_appeal")) == 2


def test_a_header_with_no_rows_under_it(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.active.append([None, None, "Итого", None, None, 0, 0])
    path = tmp_path / "empty_april.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    assert "empty_april.xlsx" in capsys.readouterr().err
    assert records(data_dir) == []
