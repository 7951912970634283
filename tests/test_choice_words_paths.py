"""Short words on every path that reads an option (forms.choice_words): a section line of an
attendance list («2. Студенты» over the people it names), a `--set` value of the list
imports, several short words in one survey cell. The files are typed out with openpyxl the
way front offices keep them: a merged title, a «№» column, stray spaces, Kazakh names."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.intake import read_list
from reports.survey_import import read_survey
from store import open_store

PEOPLE = [("Абдрахманова Айгерім Нұрланқызы", "КарГТУ"), ("Ли Анастасия", "КазНУ"),
          ("Ким Виктор Сергеевич", "МРЦ Абайского района"), ("Сейітқали Дана", "Акимат"),
          ("Нурланов Асхат", "ТОО «Арман»"), ("Оспанова Гүлназ", "ОО «Мейірім»")]


def _sections_list(path: Path, sections=("1. Студенты ", "2)  МРЦ", "3. Организации")) -> Path:
    """A focus group's list with no category column: the clerk wrote a line over each group
    instead, merged across the table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Список участников фокус-группы, г. Шымкент, 14.09.2023"
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["№", "Фамилия, имя, отчество", "Организация "])
    no = 0
    for k, section in enumerate(sections):
        ws.append([section])
        ws.merge_cells(f"A{ws.max_row}:C{ws.max_row}")
        for name, org in PEOPLE[2 * k:2 * k + 2]:
            no += 1
            ws.append([no, name, org])
    wb.save(path)
    return path


def test_section_lines_in_short_words_name_the_category_of_the_people_under_them(tmp_path):
    preview = read_list(_sections_list(tmp_path / "fg.xlsx"), "focus_group", period="2023-09")
    got = [(r["full_name"].split()[0], r.get("participant_category")) for r in preview.rows]
    assert got == [("Абдрахманова", "STUDENT"), ("Ли", "STUDENT"), ("Ким", "STATE"),
                   ("Сейітқали", "STATE"), ("Нурланов", None), ("Оспанова", None)]
    said = {p.row: p.message for p in preview.problems if p.field == "participant_category"}
    assert said[4] == ("строка 4, столбец «№»: «Студенты» прочитано как «Студенческие "
                       "организации»; если это не так, выберите значение сами")
    assert "«МРЦ» (молодёжный ресурсный центр) прочитано как «МРЦ и госучреждения»" in said[7]
    assert said[10].startswith("строка 10, столбец «№»: «Организации» подходит к нескольким "
                               "значениям: Системные волонтёрские организации;")
    kinds = {s.row: s.kind for s in preview.skipped}
    assert (kinds[4], kinds[7], kinds[10]) == ("section", "section", "note")


def test_a_section_line_in_a_label_says_nothing(tmp_path):
    preview = read_list(_sections_list(tmp_path / "fg.xlsx", (
        "I. Студенческие организации", "II. МРЦ и госучреждения")), "focus_group",
        period="2023-09")
    assert [r.get("participant_category") for r in preview.rows] == ["STUDENT"] * 2 + \
        ["STATE"] * 2
    assert not [p for p in preview.problems if p.field == "participant_category"]


def _names_only(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Явочный лист"
    ws.append(["№ п/п", "ФИО ", "Место учёбы / работы"])
    for n, (name, org) in enumerate(PEOPLE[:3], start=1):
        ws.append([n, name, org])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang,said", [
    ("ru", ("--set participant_category=Студенты: «Студенты» прочитано как «Студенческие "
            "организации»")),
    ("kk", "--set participant_category=Студенты: «Студенты» «Студенттік ұйымдар» деп оқылды"),
    ("en", ("--set participant_category=Студенты: «Студенты» was read as «Student "
            "organisations»"))])
def test_a_set_value_in_a_short_word_is_read_and_said(data_dir, tmp_path, capsys, lang, said):
    path = _names_only(tmp_path / "list.xlsx")
    assert main(["--data-dir", str(data_dir), "--lang", lang, "import", "focus_group",
                 str(path), "--org-unit", "SHY", "--period", "2023-09",
                 "--set", "participant_category=Студенты"]) == 0
    out, err = capsys.readouterr()
    assert said in out + err, out + err
    with open_store(data_dir / "esep.sqlite3") as store:
        (rec,) = store.list_records(form="focus_group")
    assert [p["participant_category"] for p in rec["data"]["participants"]] == ["STUDENT"] * 3


def test_an_ambiguous_set_value_is_refused_naming_the_options(data_dir, tmp_path, capsys):
    path = _names_only(tmp_path / "list.xlsx")
    code = main(["--data-dir", str(data_dir), "import", "focus_group", str(path),
                 "--org-unit", "SHY", "--period", "2023-09",
                 "--set", "participant_category=Организации"])
    out, err = capsys.readouterr()
    assert code != 0
    assert "--set participant_category=Организации: «Организации» подходит к нескольким " \
           "значениям: Системные волонтёрские организации;" in out + err, out + err
    with open_store(data_dir / "esep.sqlite3") as store:
        assert store.list_records(form="focus_group") == []


def _events(path: Path, hide: int | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Март"
    ws["A1"] = "План мероприятий Абайского района, март 2024"
    ws.merge_cells("A1:E1")
    ws.append(["№", "Дата", "Наименование мероприятия", "Направление", "Кол-во волонтёров"])
    ws.append([1, dt.datetime(2024, 3, 2), "Субботник в парке", "Экологическое", 25])
    ws.append([2, "08.03.2024", "Поздравление ветеранов ", "Пожилым", 12])
    ws.append([3, "15.03.2024", "Черновик, не проводилось", "Спорт", 3])
    if hide:
        ws.row_dimensions[hide].hidden = True
    wb.save(path)
    return path


def test_an_events_set_value_in_an_abbreviation_is_said(data_dir, tmp_path, capsys):
    path = _events(tmp_path / "events.xlsx")
    assert main(["--data-dir", str(data_dir), "import", "event", str(path), "--org-unit",
                 "ABA", "--set", "organizer_type=НПО"]) == 0
    out, err = capsys.readouterr()
    assert "--set organizer_type=НПО: «НПО» (" in out + err and "прочитано как" in out + err
    with open_store(data_dir / "esep.sqlite3") as store:
        recs = store.list_records(form="event")
    assert {r["data"]["organizer_type"] for r in recs} == {"REG_ORG"}


def test_a_hidden_row_of_an_events_list_is_read_and_said(data_dir, tmp_path, capsys):
    path = _events(tmp_path / "events.xlsx", hide=5)
    assert main(["--data-dir", str(data_dir), "--lang", "kk", "import", "event", str(path),
                 "--org-unit", "ABA"]) == 0
    out, err = capsys.readouterr()
    assert "5-жол: «2024-03-15 | Черновик, не проводилось»: жол файлда жасырылған, бірақ " \
           "оқылды" in out + err, out + err
    assert "3-жол: «" not in out + err and "4-жол: «" not in out + err
    with open_store(data_dir / "esep.sqlite3") as store:
        assert len(store.list_records(form="event")) == 3


def test_every_short_word_of_a_multiple_choice_cell_is_said(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?",
               "В каких направлениях вы когда-либо занимались волонтёрством?"])
    ws.append([dt.datetime(2024, 3, 15, 10, 22), "Шымкент",
               "Экологическое, Донорство,  Пожилым"])
    ws.append([dt.datetime(2024, 3, 15, 11, 5), "Шымкент", "пожилым "])
    wb.save(tmp_path / "s.xlsx")
    res = read_survey(tmp_path / "s.xlsx", "volunteer_survey")
    assert [r["data"]["directions_ever"] for r in res.records] == [["ECO", "DON", "ELDER"],
                                                                   ["ELDER"]]
    notes = {p["row"]: p for p in res.problems}
    assert notes[2]["code"] == "choice_read_as_many"
    assert "«Экологическое» прочитано как «Экологическое волонтёрство», «Пожилым» " \
           "прочитано как «" in notes[2]["message"]
    assert notes[2]["message"].endswith("если это не так, выберите значения сами")
    assert notes[3]["code"] == "choice_read_as"
