"""District lists and attendance lists as real clerks type them (the hunt of
tests/fixtures/intake/make_corpus_real.py): dates with no year («15 марта», «с 3 по 5
марта», «3-5 наурыз») take the year of --period or the title; a list's headers in the Kazakh
Latin alphabet read as the Kazakh ones; two phones in one cell are kept apart, and the first is the person's."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from cli.main import main
from forms.people import phone_key
from reports.headers import recognise
from reports.intake_rows import date_in, date_span, title_values
from tests.test_list_import import records

NBSP = "\u00a0"


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def test_a_day_and_month_take_the_year_they_are_given():
    assert date_in("Список участников, 15 сентября", 2023) == dt.date(2023, 9, 15)
    assert date_in("15 сентября") is None                    # no year known: no date
    assert date_in("2023 жылғы 14 қыркүйек", 2020) == dt.date(2023, 9, 14)
    assert date_in("Группа 2, 15 сентября 2022 г.", 2023) == dt.date(2022, 9, 15)
    assert date_span("с 3 по 5 марта", 2024) == (dt.date(2024, 3, 3), dt.date(2024, 3, 5))
    assert date_span("3-5 наурыз", 2024) == (dt.date(2024, 3, 3), dt.date(2024, 3, 5))
    assert date_span("28 февраля – 2 марта", 2024) == (dt.date(2024, 2, 28),
                                                       dt.date(2024, 3, 2))
    assert date_span("с 3 по 5 марта") is None
    assert date_span("с 3 по 5 марта 2023", 2024) == (dt.date(2023, 3, 3), dt.date(2023, 3, 5))


def test_a_seminar_of_several_days_is_dated_by_its_first():
    for title in ["Список участников семинара 20-22 сентября 2023 г.",
                  "Семинар с 20 по 22 сентября", "Семинар 20-22.09.2023",
                  "Семинар 20.09.2023 - 22.09.2023", "Дата проведения: 20.09.2023"]:
        assert title_values((title,), 2023) == {"date": "2023-09-20"}, title
    assert title_values(("Студенты 1-2 курса, 15.09.2023",), 2023) == {"date": "2023-09-15"}
    assert title_values(("День 1 — 14.09.2023",), 2023) == {"date": "2023-09-14"}


def test_kazakh_latin_headers_are_the_kazakh_ones():
    for header, field in [("Qatysýshynyń aty-jóni", "full_name"), ("Aty-zhoni", "full_name"),
                          ("Uıym", "organization"), ("Uiym", "organization"),
                          ("Laýazymy", "role"), ("Sanaty", "participant_category"),
                          ("Baılanys telefony", "phone"), ("Qoly", "_ignore")]:
        assert recognise(header, "focus_group") == (field, True), header
    assert recognise("Memlekettik organ", "seminar") == ("department", True)
    assert recognise("Region", "focus_group")[0] is None


def test_two_phones_in_a_cell_are_its_first():
    first = "7011234567"
    for cell in ["+7 701 123 4567, 8 702 111 22 33", "8 701 123 45 67\n8 702 000 00 00",
                 "8 701 123 45 67 8 702 000 00 00", "8(701)123-45-67; 87020000000",
                 "+7 (701) 123-45-67", "87011234567"]:
        assert phone_key(cell) == first, cell
    assert phone_key("") == "" and phone_key("53-12-34") == "531234"


def events_without_years(path: Path) -> Path:
    """March's events as a clerk typed them: days with no year, a span «с 3 по 5 марта»,
    «08.03.24», an Excel day number, hours «2 ч.», a reach «1 200» with a no-break space."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws["A1"] = "Мероприятия МРЦ Абайского района за март 2024 года"
    ws.merge_cells("A1:F1")
    ws.append(["№", "Дата проведения", "Наименование мероприятия", "Кол-во волонтёров",
               "Кол-во часов", "Охват"])
    ws.append(["1.", "с 3 по 5 марта", "Акция «Чистый город»", "25", "2 ч.", f"1{NBSP}200"])
    ws.append(["2.", "08.03.24", "Поздравление ветеранов", "12 чел.", "3 ч", "40"])
    ws.append(["3.", 45366, "Наурыз", 108, 4, 5000])
    ws.append(["4.", "15 марта", "Лекция", 5, "1,5", 30])
    ws.append(["5.", "31 марта", "Концерт", 5, 2, 100])
    wb.save(path)
    return path


def test_days_without_a_year_take_the_titles_year(data_dir, tmp_path, capsys):
    path = events_without_years(tmp_path / "events.xlsx")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    got = sorted((r["data"]["date_start"], r["data"].get("date_end"), r["data"]["title"],
                  r["data"]["volunteer_hours"], r["data"]["beneficiaries_count"], r["period"])
                 for r in records(data_dir))
    assert got == [("2024-03-03", "2024-03-05", "Акция «Чистый город»", 2, 1200, "2024-03"),
                   ("2024-03-08", None, "Поздравление ветеранов", 3, 40, "2024-03"),
                   ("2024-03-15", None, "Лекция", 1.5, 30, "2024-03"),
                   ("2024-03-15", None, "Наурыз", 4, 5000, "2024-03"),
                   ("2024-03-31", None, "Концерт", 2, 100, "2024-03")]


def test_a_kazakh_span_and_a_day_with_no_year_anywhere(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Өткізілген күні", "Іс-шараның атауы", "Волонтерлер саны"])
    ws.append([1, "3-5 наурыз", "Наурыз мейрамы", 30])
    ws.append([2, "31 ақпан", "Сенбілік", 25])
    path = tmp_path / "naurыz.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err        # no year: the title names none, no --period
    assert "строка 2, столбец «Өткізілген күні»: «3-5 наурыз»: день и месяц без года" in err
    assert err.count("строка 2, столбец «Өткізілген күні»") == 1    # not «не заполнено» too
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA",
               "--period", "2024-03") == 1
    err = capsys.readouterr().err        # 31 February is no day of any year
    assert "«3-5 наурыз»" not in err and "строка 3, столбец «Өткізілген күні»: «31 ақпан»" in err
    ws.delete_rows(3)
    wb.save(path)
    assert run(data_dir, "--lang", "kk", "import", "event", str(path), "--org-unit", "ABA",
               "--period", "2024-03") == 0
    rec = records(data_dir)[0]
    assert (rec["data"]["date_start"], rec["data"]["date_end"]) == ("2024-03-03", "2024-03-05")


def test_a_hotline_csv_with_a_line_break_in_a_cell(data_dir, tmp_path, capsys):
    """A cp1251 CSV whose question was typed over two lines (one quoted field): the row
    numbers are Excel's (the record is one row), «16 сентября» takes --period's year."""
    text = ("Журнал звонков горячей линии;;;;\r\n"
            "№;Дата;ФИО;Телефон;Вопрос\r\n"
            '1;15.09.23;Иванова А.С.;8(701)123-45-67;"Как стать\r\nволонтёром?"\r\n'
            '2;16 сентября;Ким А.;"+7 701 123 4567\r\n8 702 111 22 33";Справка\r\n'
            "3;31.09.23;Петров С.;87017778899;Где МРЦ?\r\n")
    path = tmp_path / "calls.csv"
    path.write_bytes(text.encode("cp1251"))
    assert run(data_dir, "import", "hotline_appeal", str(path), "--org-unit", "ABA",
               "--period", "2023-09", "--dry-run") == 1
    out, err = capsys.readouterr()
    assert "строка 5, столбец «Дата»: «31.09.23»: не дата" in err
    assert '"2023-09-16"' in out and "Как стать волонтёром?" in out
    assert '"+7 701 123 4567, 8 702 111 22 33"' in out      # two phones, kept apart


def quarter_events(path: Path, title: str) -> Path:
    """A quarter's events: separate start and end columns, a span typed in the start."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["№", "Дата начала", "Дата окончания", "Название", "Количество волонтеров"])
    ws.append([1, dt.datetime(2024, 1, 10), dt.datetime(2024, 1, 12), "Зимний лагерь", 20])
    ws.append([2, "с 1 по 3 марта", None, "Фестиваль", 40])
    wb.save(path)
    return path


def test_a_quarters_title_gives_the_year_and_a_row_with_no_month_says_it_once(
        data_dir, tmp_path, capsys):
    path = quarter_events(tmp_path / "q1.xlsx", "Мероприятия за 1 квартал 2024 года")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    assert sorted((r["data"]["date_start"], r["data"]["date_end"], r["period"])
                  for r in records(data_dir)) == [("2024-01-10", "2024-01-12", "2024-01"),
                                                  ("2024-03-01", "2024-03-03", "2024-03")]
    capsys.readouterr()
    path = quarter_events(tmp_path / "q.xlsx", "Мероприятия МРЦ")
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err
    assert "строка 4: нет даты, и месяц не назван" in err and "Строка 4" not in err


def test_hours_and_people_with_their_words(data_dir, tmp_path, capsys):
    """«2 часа», «22 человека» are figures; «25+5», «около 30» are for the clerk to decide."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Мероприятия за март 2024"])
    ws.append(["№", "Дата", "Наименование мероприятия", "Кол-во волонтёров", "Кол-во часов"])
    ws.append([1, "01.03.2024", "Акция", "22 человека", "2 часа"])
    ws.append([2, "02.03.2024", "Лекция", "25+5", "1,5ч"])
    ws.append([3, "03.03.2024", "Концерт", "около 30", "3 дня"])
    path = tmp_path / "march.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA", "--dry-run") == 1
    out, err = capsys.readouterr()
    assert "volunteers_count: 22" in out and "volunteer_hours: 2\n" in out
    assert [line.split(":")[0] for line in err.splitlines() if "[ошибка]" in line] == [
        "  [ошибка] строка 4, столбец «Кол-во волонтёров»",
        "  [ошибка] строка 5, столбец «Кол-во волонтёров»",
        "  [ошибка] строка 5, столбец «Кол-во часов»"]


def test_a_kazakh_hotline_log_and_a_latin_list_read_as_kazakh(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Жедел желіге түскен өтініштер журналы, 2023 жылғы қыркүйек"])
    ws.append(["Р/с", "Өтініш түскен күні", "Өтініш берушінің аты-жөні", "Телефоны",
               "Өтініштің мазмұны"])
    ws.append([1, "15.09.2023", "Иванова А.", "87011234567", "Волонтер болу"])
    path = tmp_path / "otinish.xlsx"
    wb.save(path)
    assert run(data_dir, "--lang", "kk", "import", "hotline_appeal", str(path), "--org-unit",
               "ABA") == 0
    assert "Өтініш түскен күні -> received_at" in capsys.readouterr().out
    assert records(data_dir, "hotline_appeal")[0]["data"]["received_at"] == "2023-09-15"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Reti", "Kúni", "Is-sharanyń ataýy", "Volonterler sany"])
    ws.append([1, "02.03.2024", "Senbilik", 25])
    path = tmp_path / "latin.xlsx"
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    out = capsys.readouterr().out        # «Reti» is the list's «№», not a column unread
    assert ("Kúni -> date_start, Is-sharanyń ataýy -> title, Volonterler sany -> "
            "volunteers_count") in out and "Reti" not in out
    assert records(data_dir)[0]["data"]["title"] == "Senbilik"

    wb = openpyxl.Workbook()             # a list of nothing the form knows: refused
    wb.active.append(["Reti", "Nárse", "Baǵasy"])
    wb.active.append([1, "Senbilik", 25])
    wb.save(path)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err        # the cells it saw, as the sheet shows them
    assert "Senbilik; 25)" in err and "25.0" not in err
