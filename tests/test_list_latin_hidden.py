"""What the second hunt of district lists and survey exports left, on files typed by hand:
headers in the Kazakh Latin alphabet, last year's list on a hidden sheet, a short direction
fitting several options, and figures that are no one number («25+5», «около 30», «5-6»,
«2 ч. 30 мин»)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from forms import load_form
from reports.figure_words import duration_hours, refused
from reports.intake import read_list
from reports.survey_import import match_columns, read_survey
from tests.test_list_import import records
from tests.wide_kit import soffice_convert


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def _book(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    """A workbook of `sheets` (name -> rows) in order, the `hidden` ones hidden by the clerk."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


# --- 1. Kazakh Latin headers -------------------------------------------------------------

def test_a_districts_lists_with_kazakh_latin_headers(data_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Abaı aýdanynyń is-sharalary"
    ws.merge_cells("A1:E1")
    ws.append(["Reti", " Is-shara atauy ", "Ótkizilgen kúni", "Volonterler sany",
               "Ótkizilgen orny"])
    ws.append([1, "Senbilik", "02.03.2024", 25, "Abaı saıabaǵy"])
    ws.append([2, "Naýryz toıy", "21.03.2024", "40 adam", "Mádenıet úıi"])
    events = tmp_path / "is_sharalar.xlsx"
    wb.save(events)
    assert run(data_dir, "--lang", "kk", "import", "event", str(events), "--org-unit",
               "ABA") == 0
    out = capsys.readouterr().out
    assert ("Is-shara atauy -> title, Ótkizilgen kúni -> date_start, Volonterler sany -> "
            "volunteers_count, Ótkizilgen orny -> settlement") in out and "Reti" not in out
    assert [(r["data"]["title"], r["data"]["date_start"], r["data"]["volunteers_count"])
            for r in records(data_dir)] == [("Senbilik", "2024-03-02", 25),
                                            ("Naýryz toıy", "2024-03-21", 40)]

    calls = _book(tmp_path / "qońyraýlar.xlsx", {"Qyrkúıek": [
        ["R/s", "Qońyraý kúni", "Aty-jóni", "Telefon nómiri", "Ótinish mazmuny"],
        [1, "15.09.2023", "Ivanova A.", "87011234567", "Volonter bolý"]]})
    assert run(data_dir, "import", "hotline_appeal", str(calls), "--org-unit", "ABA") == 0
    assert ("Qońyraý kúni -> received_at, Aty-jóni -> applicant_name, Telefon nómiri -> "
            "applicant_phone, Ótinish mazmuny -> topic_text") in capsys.readouterr().out
    assert records(data_dir, "hotline_appeal")[0]["data"]["received_at"] == "2023-09-15"

    meetings = _book(tmp_path / "kezdesýler.xlsx", {"Kezdesýler": [
        ["Kezdesý kúni", "Laýazymdy tulǵa", "Laýazymy", "Mártebesi"],
        ["10.04.2024", "Seıitov B.", "Aýdan ákimi", "Ótti"]]})
    assert run(data_dir, "import", "leadership_meeting", str(meetings), "--org-unit", "ABA",
               "--dry-run") in (0, 1)
    assert ("Kezdesý kúni -> planned_date, Laýazymdy tulǵa -> official_name, Laýazymy -> "
            "official_position, Mártebesi -> status") in capsys.readouterr().out


def test_a_survey_export_with_kazakh_latin_questions():
    form = load_form("volunteer_survey")
    headers = ["Ýaqyt belgisi", "Qaı óńirde volonterlikpen aınalysasyz?", "Jynysyńyz",
               "Volonterlikke aıyna orta eseppen neshe saǵat bólesiz?", "Jasyńyz"]
    got = {headers[c]: f for c, f in match_columns(headers, form).items()}
    assert got == {"Ýaqyt belgisi": "answered_on",
                   "Qaı óńirde volonterlikpen aınalysasyz?": "region",
                   "Jynysyńyz": "gender", "Jasyńyz": "age_band",
                   "Volonterlikke aıyna orta eseppen neshe saǵat bólesiz?": "hours_per_month"}
    # a Cyrillic header is read as written: «Дата» is no «Data» of any other field
    assert match_columns(["Kúni", "Nárse"], form) == {0: "answered_on"}


# --- 2. hidden sheets --------------------------------------------------------------------

EVENTS_2023 = [["Мероприятия за март 2023 года"], ["№", "Дата", "Наименование мероприятия",
                                                   "Кол-во волонтёров"],
               [1, "04.03.2023", "Субботник 2023", 10]]
EVENTS_2024 = [["Мероприятия за март 2024 года"], ["№", "Дата", "Наименование мероприятия",
                                                   "Кол-во волонтёров"],
               [1, "02.03.2024", "Субботник 2024", 25]]


def test_last_years_list_on_a_hidden_sheet_is_not_imported_silently(data_dir, tmp_path,
                                                                      capsys):
    path = _book(tmp_path / "events.xlsx", {"2023": EVENTS_2023, "2024": EVENTS_2024},
                 hidden=("2023",))
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA", "--dry-run") == 0
    out, err = capsys.readouterr()
    assert "Субботник 2024" in out and "Субботник 2023" not in out
    assert ('[предупреждение] лист «2023»: скрыт в файле (прошлый год? черновик?) и пропущен; '
            'чтобы загрузить его, укажите лист: --sheet "2023"') in err
    assert "список взят с листа" not in err          # the first sheet shown holds the list
    assert run(data_dir, "--lang", "kk", "import", "event", str(path), "--org-unit", "ABA",
               "--dry-run") == 0
    assert ('«2023» парағы: файлда жасырылған (өткен жыл ма? жоба ма?) және өткізілді; '
            'оны жүктеу үшін парақты көрсетіңіз: --sheet "2023"') in capsys.readouterr().err
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA", "--sheet",
               "2023") == 0
    out, err = capsys.readouterr()
    assert "скрыт" not in err
    assert [r["data"]["title"] for r in records(data_dir)] == ["Субботник 2023"]


def test_libreoffice_keeps_the_sheet_hidden(data_dir, tmp_path, capsys):
    src = _book(tmp_path / "events_lo.xlsx", {"2023": EVENTS_2023, "2024": EVENTS_2024},
                hidden=("2023",))
    made = soffice_convert(src, "ods", tmp_path)
    if made is None:
        pytest.skip("soffice (LibreOffice) is not installed")
    assert run(data_dir, "--lang", "en", "import", "event", str(made), "--org-unit", "ABA",
               "--dry-run") == 0
    out, err = capsys.readouterr()
    assert "Субботник 2024" in out and "Субботник 2023" not in out
    assert 'sheet «2023»: hidden in the file' in err and '--sheet "2023"' in err


def test_a_list_only_on_a_hidden_sheet_is_refused_naming_it(data_dir, tmp_path, capsys):
    path = _book(tmp_path / "events.xlsx", {
        "Инструкция": [["Заполните список на листе «Список»"]], "Список": EVENTS_2024},
        hidden=("Список",))
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err
    assert 'лист «Список»: скрыт в файле' in err and '--sheet "Список"' in err
    assert records(data_dir) == []


def test_a_survey_export_with_last_years_responses_hidden(tmp_path):
    head = ["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?", "Ваш пол"]
    path = _book(tmp_path / "answers.xlsx", {
        "Ответы 2023": [head, [dt.datetime(2023, 3, 1, 10), "Шымкент", "Женский"]],
        "Ответы 2024": [head, [dt.datetime(2024, 3, 1, 10), "Астана", "Мужской"],
                        [dt.datetime(2024, 3, 2, 11), "Шымкент", "Женский"]]},
        hidden=("Ответы 2023",))
    res = read_survey(path, "volunteer_survey", lang="kk")
    assert [r["data"]["answered_on"][:4] for r in res.records] == ["2024", "2024"]
    assert [p["message"] for p in res.problems if p["code"] == "sheet_hidden"] == [
        ('«Ответы 2023» парағы: файлда жасырылған (өткен жыл ма? жоба ма?) және өткізілді; '
         'оны жүктеу үшін парақты көрсетіңіз: --sheet "Ответы 2023"')]
    named = read_survey(path, "volunteer_survey", sheet="Ответы 2023")
    assert [r["data"]["region"] for r in named.records] == ["SHY"]
    assert not [p for p in named.problems if p["code"] == "sheet_hidden"]


def test_an_attendance_list_beside_a_hidden_draft(tmp_path):
    people = [["Список участников семинара 15.09.2023"],
              ["№", "ФИО", "Гос. орган", "Должность"],
              [1, "Иванова Анна Сергеевна", "Акимат района", "специалист"]]
    draft = [["ФИО", "Гос. орган"], ["Черновик Чернов", "Акимат"]]
    path = _book(tmp_path / "seminar.xlsx", {"Черновик": draft, "Список": people},
                 hidden=("Черновик",))
    preview = read_list(path, "seminar", lang="en")
    assert [r["full_name"] for r in preview.rows] == ["Иванова Анна Сергеевна"]
    said = [p.message for p in preview.problems if p.code == "sheet_hidden"]
    assert said == [('sheet «Черновик»: hidden in the file (last year\'s? a draft?) and '
                     'skipped; to import it, name the sheet: --sheet "Черновик"')]


# --- 3. a short direction fitting several options ----------------------------------------

def test_a_short_direction_fitting_several_names_them(data_dir, tmp_path, capsys):
    path = _book(tmp_path / "march.xlsx", {"Март": [
        ["Мероприятия за март 2024"], ["№", "Дата", "Наименование мероприятия", "Направление"],
        [1, "01.03.2024", "Акция", "Социальное"]]})
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 1
    err = capsys.readouterr().err
    assert ("[ошибка] строка 3, столбец «Направление»: «Социальное» подходит к нескольким "
            "значениям: ") in err
    assert "Социальное волонтёрство в хосписах" in err and err.count("; впишите одно из них, как здесь написано") == 1
    assert run(data_dir, "--lang", "kk", "import", "event", str(path), "--org-unit",
               "ABA") == 1
    err = capsys.readouterr().err
    assert "«Социальное» бірнеше мәнге сәйкес келеді: " in err
    assert "Хоспистердегі әлеуметтік волонтерлік" in err and "біреуін осында жазылғандай жазыңыз" in err
    assert records(data_dir) == []


# --- 4. figures that are no one number ---------------------------------------------------

def test_figures_that_are_no_one_number_say_what_to_type(data_dir, tmp_path, capsys):
    path = _book(tmp_path / "march.xlsx", {"Март": [
        ["Мероприятия за март 2024"],
        ["№", "Дата", "Наименование мероприятия", "Кол-во волонтёров", "Кол-во часов"],
        [1, "01.03.2024", "Акция", "25+5", "2 ч. 30 мин"],
        [2, "02.03.2024", "Лекция", "около 30", "2ч30м"],
        [3, "03.03.2024", "Концерт", "5-6", "1 час 15 минут"],
        [4, "04.03.2024", "Забег", "2 ч. 30 мин", "3 дня"]]})
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA", "--dry-run") == 1
    out, err = capsys.readouterr()
    for cell in [("строка 3, столбец «Кол-во волонтёров»: «25+5»: это сумма, а нужно одно "
                  "число: впишите итог (30)"),
                 ("строка 4, столбец «Кол-во волонтёров»: «около 30»: это примерное число, а "
                  "нужно точное: впишите, сколько насчитали"),
                 "строка 5, столбец «Кол-во волонтёров»: «5-6»: это два числа, а нужно одно",
                 "строка 6, столбец «Кол-во волонтёров»: «2 ч. 30 мин»: не число",
                 "строка 6, столбец «Кол-во часов»: «3 дня»: не число"]:
        assert f"[ошибка] {cell}" in err, cell
    assert ("[предупреждение] строка 3, столбец «Кол-во часов»: «2 ч. 30 мин»: прочитано как "
            "2,5 ч (часы и минуты переведены в часы)") in err
    assert "volunteer_hours: 2.5\n" in out and "volunteer_hours: 1.25\n" in out
    assert err.count("[ошибка]") == 5
    assert run(data_dir, "--lang", "kk", "import", "event", str(path), "--org-unit", "ABA",
               "--dry-run") == 1
    err = capsys.readouterr().err
    assert "«25+5»: бұл қосынды, ал бір сан керек: жиынын (30) жазыңыз" in err
    assert "«2ч30м»: 2,5 сағат деп оқылды" in err


def test_a_survey_answer_in_hours_and_minutes(tmp_path):
    path = _book(tmp_path / "answers.xlsx", {"Ответы": [
        ["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?",
         "Сколько часов в месяц вы в среднем уделяете волонтёрству?"],
        [dt.datetime(2024, 3, 1, 10), "Шымкент", "2 ч 30 мин"],
        [dt.datetime(2024, 3, 2, 10), "Астана", "около 10"]]})
    res = read_survey(path, "volunteer_survey", lang="en")
    assert res.records[0]["data"]["hours_per_month"] == 2.5
    notes = {p["row"]: (p["severity"], p["message"]) for p in res.problems if p["row"]}
    assert notes[2][0] == "warning" and "read as 2.5 hours" in notes[2][1]
    assert notes[3][0] == "error" and "an estimate, but an exact number is needed" in notes[3][1]


@pytest.mark.parametrize(("cell", "code"), [
    ("25+5", "figure_sum"), ("25 + 5 + 3", "figure_sum"), ("около 30", "figure_estimate"),
    ("~120", "figure_estimate"), ("12+", "figure_estimate"), ("более 50", "figure_estimate"),
    ("шамамен 30", "figure_estimate"), ("до 30", "figure_estimate"), ("5-6", "figure_range"),
    ("120/130", "figure_range"), ("02.03.2024", "survey_bad_number"),
    ("+", "survey_bad_number"), ("много", "survey_bad_number")])
def test_why_a_cell_is_no_number(cell, code):
    assert refused(cell)[0] == code
    assert refused("25+5")[1] == {"total": "30"}


@pytest.mark.parametrize(("cell", "hours"), [
    ("2 ч. 30 мин", 2.5), ("2ч30м", 2.5), ("1 час 15 минут", 1.25), ("45 мин", 0.75),
    ("3 сағ 30 мин", 3.5), ("2 h 30 min", 2.5), ("2 ч. 75 мин", None), ("2 ч.", None),
    ("2,5", None)])
def test_a_duration_in_hours(cell, hours):
    assert duration_hours(cell) == hours
