"""Short category words as people type them («Студенты», «МРЦ», «НПО», «ҮЕҰ»): a word or an
abbreviation that names one option is read as it, with a note saying as what; an ambiguous
one is left for the clerk, its candidates named (forms/choice_words.py). The files are typed
out here with openpyxl as front offices keep them: a title row over merged cells, stray
spaces, capitals, Kazakh spellings."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from cli.main import main
from forms.choice_words import read_choice
from reports.intake import read_list
from reports.survey_import import read_survey
from store import open_store
from store.location import DB_FILENAME

FG_ROWS = [  # name, organization, the category as typed
    ("Абдрахманова Айгерім Нұрланқызы", "КарГТУ", "Студенты"),
    ("Ким Виктор Сергеевич", "МРЦ Абайского района", "  МРЦ "),
    ("Сейітқали Дана", "ОО «Мейірім»", "нпо"),
    ("Жұмабаев Ерлан", "«Жарқын болашақ» ҮЕҰ", "ҮЕҰ"),
    ("Оспанова Гүлназ", "Колледж сервиса", "СТУДЕНТТЕР "),
    ("Тен Ольга Викторовна", "ЦБС", "Благотворительные"),
    ("Исаев Марат", "Волонтёры Шымкента", "Студенческие  организации"),
    ("Нурланов Асхат", "ТОО «Арман»", "Организации"),
    ("Ли Анастасия", "СОШ №12", "Школьники"),
]


def _fg_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Список участников фокус-группы  г. Шымкент, 14.09.2023"])
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["№ п/п", "Ф.И.О. ", "Организация", "Категория участника"])
    for n, row in enumerate(FG_ROWS, start=1):
        ws.append([n, *row])
    wb.save(path)
    return path


def _by_name(preview) -> dict[str, str | None]:
    return {r["full_name"].split()[0]: r.get("participant_category") for r in preview.rows}


def _notes(preview, code: str) -> dict[int, str]:
    return {p.row: p.message for p in preview.problems if p.code == code}


def test_short_words_of_a_focus_group_list_are_read_with_a_note(tmp_path):
    preview = read_list(_fg_list(tmp_path / "fg.xlsx"), "focus_group", period="2023-09")
    assert _by_name(preview) == {
        "Абдрахманова": "STUDENT", "Ким": "STATE", "Сейітқали": "SYSTEMIC",
        "Жұмабаев": "SYSTEMIC", "Оспанова": "STUDENT", "Тен": "SYSTEMIC.CHARITY",
        "Исаев": "STUDENT", "Нурланов": None, "Ли": None}
    read_as = _notes(preview, "choice_read_as")
    assert read_as[4] == ("строка 4, столбец «Категория участника»: «Студенты» прочитано как "
                          "«Студенческие организации»; если это не так, выберите значение сами")
    assert "«СТУДЕНТТЕР» прочитано как «Студенческие организации»" in read_as[8]
    assert "«Благотворительные» прочитано как «Благотворительные организации»" in read_as[9]
    short = _notes(preview, "choice_abbreviation")
    assert "«МРЦ» (молодёжный ресурсный центр) прочитано как «МРЦ и госучреждения»" in short[5]
    assert "«нпо» (неправительственная или некоммерческая организация, общественное " \
           "объединение) прочитано как «Системные волонтёрские организации»" in short[6]
    assert "«ҮЕҰ» (" in short[7]
    assert set(read_as) | set(short) == {4, 5, 6, 7, 8, 9}     # a label itself: no note
    ambiguous = _notes(preview, "choice_ambiguous")
    assert list(ambiguous) == [11] and ambiguous[11].endswith(
        "«Организации» подходит к нескольким значениям: Системные волонтёрские организации; "
        "Благотворительные организации; Студенческие организации; Массовые мероприятия / "
        "«Birgemiz»; впишите одно из них, как здесь написано")
    unknown = _notes(preview, "unknown_choice")
    assert list(unknown) == [12] and "«Школьники» — неизвестное значение" in unknown[12]


@pytest.mark.parametrize("lang,texts", [
    ("kk", ["«Студенты» «Студенттік ұйымдар» деп оқылды",
            "«МРЦ» (жастар ресурстық орталығы) «ЖРО және мемлекеттік мекемелер» деп оқылды",
            "«Организации» бірнеше мәнге сәйкес келеді: Жүйелі волонтерлік ұйымдар;"]),
    ("en", ["«Студенты» was read as «Student organisations»",
            "«МРЦ» (youth resource centre) was read as «MRC and state institutions»",
            "«Организации» fits more than one value: Systemic volunteer organisations;"])])
def test_the_cli_says_the_notes_in_the_persons_language(tmp_path, capsys, monkeypatch, lang,
                                                        texts):
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    path = _fg_list(tmp_path / "fg.xlsx")
    assert main(["--data-dir", str(tmp_path), "--lang", lang, "import", "focus_group",
                 str(path), "--org-unit", "SHY", "--period", "2023-09"]) == 0
    said = capsys.readouterr()
    for text in texts:
        assert text in said.out + said.err, (text, said.out, said.err)
    with open_store(tmp_path / DB_FILENAME) as store:
        (rec,) = store.list_records(form="focus_group")
    got = [p.get("participant_category") for p in rec["data"]["participants"]]
    assert got == ["STUDENT", "STATE", "SYSTEMIC", "SYSTEMIC", "STUDENT", "SYSTEMIC.CHARITY",
                   "STUDENT", None, None]


SURVEY_HEADERS = ["Отметка времени", "В каком регионе вы занимаетесь волонтёрством?",
                  "Ваш пол", "1. Как вы занимаетесь волонтёрством?", "Ваша занятость "]


def _survey(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(SURVEY_HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_survey_answers_typed_short_are_read_with_a_warning(tmp_path):
    when = dt.datetime(2024, 3, 15, 10, 22, 33)
    res = read_survey(_survey(tmp_path / "s.xlsx", [
        [when, "Шымкент", "Женский", " НКО", "Студ."],
        [when, "Шымкент", "Мужской", "Самостоятельно", "Студенттер"],
        [when, "Шымкент", "Мужской", "в составе", "Студенты"]]), "volunteer_survey")
    got = [(r["data"].get("affiliation"), r["data"].get("occupation")) for r in res.records]
    assert got == [("ORG", "STUDENT"), ("SELF", "STUDENT"), (None, "STUDENT")]
    warned = [(p["row"], p["code"]) for p in res.problems if p["severity"] == "warning"]
    assert warned == [(2, "choice_abbreviation"), (2, "choice_read_as")]
    (err,) = [p for p in res.problems if p["severity"] == "error"]
    assert err["code"] == "choice_ambiguous" and err["row"] == 4
    assert "В составе зарегистрированной организации; В составе инициативной группы" in \
        err["message"]


@pytest.mark.parametrize("enum,text,code,how", [
    ("occupations", "Студенты", "STUDENT", "label"),         # its own label: no note
    ("fg_categories", "студенты", "STUDENT", "word"),        # the code's spelling is no label
    ("fg_categories", "Студ", "STUDENT", "word"),
    ("fg_categories", "Жро", "STATE", "abbreviation"),
    ("fg_categories", "ОО", "SYSTEMIC", "abbreviation"),
    ("fg_categories", "Другие", None, "unknown"),            # not «… и других учреждений»
    ("fg_categories", "Ст", None, "unknown"),                # too short to say
    ("rfo_operator_types", "НПО", None, "ambiguous"),        # two options name НПО
    ("legal_forms", " оо ", "OO", "label"),                  # a legal form's own variant
    ("organizer_types", "НПО", "REG_ORG", "abbreviation"),
    ("departments", "мрц", "MRC", "label"),
])
def test_what_a_short_word_is_read_as(enum, text, code, how):
    got = read_choice(enum, text)
    assert (got.code, got.how) == (code, how)


def _region_table(path, support: list[str]):
    """A region's October table as a front office types it, with its own «Помощь РФО» column."""
    from tests.wide_kit import UNITS as TUR

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Октябрь"
    ws.append(["Волонтёрство в цифрах за октябрь 2023 г., Туркестанская область"])
    ws.merge_cells("A1:E1")
    ws.append(["№", "Район", "Количество волонтёров", "Общее количество мероприятий",
               "Помощь РФО оказывалась"])
    for n, ((_uid, name, *_), said) in enumerate(zip(TUR, support), start=1):
        ws.append([n, name, 100 * n, 3 + n, said])
    wb.save(path)
    return path


def test_a_regions_table_reads_a_short_answer_with_a_warning(tmp_path, capsys):
    from tests.wide_kit import add_units

    def run(data_dir, *argv):
        return main(["--data-dir", str(data_dir), *argv])

    add_units(run, tmp_path)
    capsys.readouterr()
    table = _region_table(tmp_path / "t.xlsx", ["да", "Не треб.", " НЕТ "])
    assert run(tmp_path, "--lang", "en", "import", "monthly_report", str(table)) == 0
    out = capsys.readouterr()
    assert "«Не треб.» was read as «Not needed»" in out.out + out.err
    with open_store(tmp_path / DB_FILENAME) as store:
        got = {r["org_unit"]: r["data"].get("rfo_support_provided")
               for r in store.list_records(form="monthly_report")}
    assert got == {"TUR-ABAY": "YES", "TUR-SAR": "NOT_NEEDED", "TUR-TURK": "NO"}
    bad = _region_table(tmp_path / "b.xlsx", ["да", "Не", "Нет"])
    assert run(tmp_path, "import", "monthly_report", str(bad)) == 1
    out = capsys.readouterr()
    assert "«Не» в поле «Помощь РФО оказывалась»: такого значения нет" in out.out + out.err


def test_the_template_reads_a_short_answer_pasted_past_its_drop_down(tmp_path):
    from reports.io import import_file
    from reports.template import write_template

    with open_store(tmp_path / "esep.sqlite3", user="aigerim") as store:
        store.upsert_org_units([{"id": "SHY", "kind": "region", "region": "SHY",
                                 "name_ru": "г. Шымкент"}])
        path = write_template(store, "SHY", "2023-06", tmp_path / "t.xlsx", lang="kk")
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        rows = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1)}
        ws.cell(rows["volunteers_total"], 2).value = 12
        ws.cell(rows["rfo_support_provided"], 2).value = " ҚАЖЕТ БОЛМ"   # pasted, no list
        wb.save(path)
        res = import_file(store, "monthly_report", path, user="aigerim", lang="kk")
        (note,) = [p for p in res.problems if p["code"] == "choice_read_as"]
        assert note["severity"] == "warning" and note["row"] == rows["rfo_support_provided"]
        assert note["message"] == ("«ҚАЖЕТ БОЛМ» «Қажет болмады» деп оқылды; олай болмаса, "
                                   "мәнді өзіңіз таңдаңыз")
        (rec,) = store.list_records(form="monthly_report", period="2023-06")
        assert res.committed and rec["data"]["rfo_support_provided"] == "NOT_NEEDED"
