"""A survey export read again after a clerk corrected it, and a form sent twice by one person
(reports/survey_identity.py): the exports of tests/fixtures/survey (make_reimport_fixtures.py,
typed by hand with openpyxl), a cell changed as a clerk changes it (openpyxl, or a text
editor for a .csv), real SQLite stores."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from cli.main import main
from reports.survey_identity import REPEAT_WINDOW
from reports.survey_import import import_survey
from store import open_store

FIX = Path(__file__).parent / "fixtures" / "survey"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.sqlite3") as s:
        yield s


def _edited(src: Path, dst: Path, cells: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(src)
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(dst)
    return dst


def _by(store, key: str) -> dict:
    out: dict = {}
    for rec in store.list_records(form="volunteer_survey"):
        out.setdefault(rec["data"].get(key), []).append(rec)
    return out


def _messages(res, severity: str) -> list[str]:
    return [p["message"] for p in res.problems if p["severity"] == severity]


def test_a_cell_corrected_in_the_sheet_updates_its_record(store, tmp_path):
    res = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_emails.xlsx", user="c")
    assert res.errors == [] and res.committed and res.added == [3, 4, 5, 6]
    assert store.count_records(form="volunteer_survey") == 4
    [daniyar] = _by(store, "region")["AST"]
    assert daniyar["data"]["hours_per_month"] == 4 and daniyar["revision"] == 1
    path = _edited(FIX / "gf_volunteer_emails.xlsx", tmp_path / "answers.xlsx", {"F4": 6})
    again = import_survey(store, "volunteer_survey", path, user="clerk")
    assert again.errors == [] and again.committed
    assert (again.added, again.updated, again.unchanged) == ([], [4], [3, 5, 6])
    assert store.count_records(form="volunteer_survey") == 4
    after = store.get_record(daniyar["id"])
    assert after["data"]["hours_per_month"] == 6 and after["revision"] == 2
    assert after["status"] == "submitted"
    [change] = [a for a in store.audit(daniyar["id"]) if a["field"] == "hours_per_month"
                and a["old"] is not None]
    assert (change["old"], change["new"], change["who"]) == (4, 6, "clerk")
    assert change["reason"] == ("исправлено в таблице answers.xlsx (строка 4) и импортировано "
                                "повторно")
    assert _messages(again, "info") == [
        ("1 ответ изменён в таблице после прошлого импорта и обновлён (новая версия той же "
         "записи); строки: 4")]
    outbox = store.db.execute("SELECT reason FROM outbox WHERE record_id = ?",
                              [daniyar["id"]]).fetchall()
    assert (change["reason"],) in outbox                 # the edit goes to the server too
    third = import_survey(store, "volunteer_survey", path, user="clerk")
    assert (third.added, third.updated, third.unchanged) == ([], [], [3, 4, 5, 6])
    assert store.get_record(daniyar["id"])["revision"] == 2


def test_a_form_sent_again_a_minute_later_counts_once(store):
    res = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_emails.xlsx", user="c",
                        lang="kk")
    assert _messages(res, "warning") == [
        ("3-жол: 2-жолдағы респондент (aigerim.s@mail.ru) сауалнаманы 1 минуттан кейін қайта "
         "жіберді; бір жауап — кейінгісі (3-жол) есептелді")]
    aigerim = sorted(r["data"]["hours_per_month"] for r in _by(store, "region")["KAR"])
    assert aigerim == [8, 12]                  # the later of the two; the afternoon's apart
    assert len(_by(store, "region")["AST"]) == 1            # another person, the same second
    assert REPEAT_WINDOW.total_seconds() == 600


def test_the_first_answer_imported_alone_is_updated_by_the_repeat(store, tmp_path):
    """An export downloaded between the two submissions, then the full one: still one."""
    wb = openpyxl.load_workbook(FIX / "gf_volunteer_emails.xlsx")
    wb.active.delete_rows(3, 4)
    wb.save(tmp_path / "early.xlsx")
    first = import_survey(store, "volunteer_survey", tmp_path / "early.xlsx", user="c")
    assert first.added == [2] and store.count_records(form="volunteer_survey") == 1
    full = import_survey(store, "volunteer_survey", FIX / "gf_volunteer_emails.xlsx", user="c",
                         lang="en")
    assert (full.added, full.updated) == ([4, 5, 6], [3])
    assert store.count_records(form="volunteer_survey") == 4
    assert sorted(r["data"]["hours_per_month"] for r in _by(store, "region")["KAR"]) == [8, 12]
    assert ("Row 3: the respondent of row 2 (aigerim.s@mail.ru) submitted again 1 min later; "
            "counted once, the later answers (row 3)") in _messages(full, "warning")


def test_kobo_uuid_a_corrected_answer_a_region_and_an_approved_record(store, tmp_path):
    res = import_survey(store, "volunteer_survey", FIX / "kobo_volunteer_labels.xlsx",
                        user="c")
    assert res.errors == [] and res.added == [2, 3, 4]
    assert "_uuid" in res.unmatched()
    by_hours = {r["data"]["hours_per_month"]: r for r in store.list_records(
        form="volunteer_survey")}
    store.set_review(by_hours[3]["id"], "approved", user="boss", comment=None, role="central")
    # the clerk fixes the hours of row 3, the region of row 2 and the age of the approved row 4;
    # KoBo's own submission time moved too (an export of the edited submission)
    path = _edited(FIX / "kobo_volunteer_labels.xlsx", tmp_path / "kobo.xlsx", {
        "F3": 16, "J3": "2026-12-06T05:30:00", "C2": "Алматинская область",
        "E4": "18–28"})
    again = import_survey(store, "volunteer_survey", path, user="c")
    assert again.committed and (again.added, again.updated, again.unchanged) == ([], [3], [])
    fixed = store.get_record(by_hours[15]["id"])
    assert fixed["data"]["hours_per_month"] == 16 and fixed["revision"] == 2
    region, locked = _messages(again, "warning")
    assert region == (
        "Строка 2: ответ изменён в таблице, но запись не обновлена: регион ответа изменён в "
        f"таблице (ZHA → ALM), а поданная запись сохраняет свой регион; верните её на доработку "
        f"(esep review {by_hours[6]['id']} --return --comment \"…\") и импортируйте файл снова")
    assert locked.startswith("Строка 4: ответ изменён в таблице, но запись не обновлена: "
                             "Запись заблокирована")
    assert store.get_record(by_hours[6]["id"])["org_unit"] == "ZHA"
    assert store.get_record(by_hours[3]["id"])["data"]["age_band"] == "A14_17"
    store.set_review(by_hours[6]["id"], "returned", user="boss", comment="регион",
                     role="central")
    third = import_survey(store, "volunteer_survey", path, user="c")
    assert third.updated == [2] and store.count_records(form="volunteer_survey") == 3
    moved = store.get_record(by_hours[6]["id"])
    assert (moved["org_unit"], moved["status"]) == ("ALM", "submitted")


def test_google_forms_csv_timestamp_alone_and_two_people_in_one_second(data_dir, tmp_path,
                                                                      capsys):
    rows = list(csv.reader((FIX / "gf_volunteer_ru.csv").open(encoding="utf-8-sig")))
    rows.append(["07.12.2026 9:05:10", "Алматинская область", "Мужской", "18–28", "Студент",
                 "Самостоятельно", "Зооволонтёрство", "", "2", "Да", "", "", ""])
    path = tmp_path / "Анкета волонтёра (ответы).csv"

    def write():
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh, lineterminator="\r\n").writerows(rows)

    write()
    argv = ["--data-dir", str(data_dir), "survey", "import", "volunteer_survey", str(path)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "импортировано: 4 ответа (новых: 4, обновлено: 0, без изменений: 0)" in out
    assert "ответ узнаётся при повторном импорте по столбцам: «Отметка времени» (" in out
    rows[4][4] = "Работаю"                   # row 5 of the sheet: the pensioner works
    rows[5][8] = "3"                         # row 6: the student's hours, the same second
    write()
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "импортировано: 2 ответа (новых: 0, обновлено: 2, без изменений: 2)" in out
    assert "Строка 4 повторяет строку 3 слово в слово" in out
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        alm = {r["data"]["gender"]: r for r in s.list_records(form="volunteer_survey")
               if r["org_unit"] == "ALM"}
        assert s.count_records(form="volunteer_survey") == 4
    assert alm["F"]["data"]["occupation"] == "EMPLOYED" and alm["F"]["revision"] == 2
    assert alm["M"]["data"]["hours_per_month"] == 3 and alm["M"]["revision"] == 2


def test_without_submission_time_or_id_a_row_is_its_content(store, tmp_path):
    """Paper questionnaires typed by a clerk: only the interview's date, no time nor id; an
    unchanged row is not saved twice; a corrected one is its record corrected only when the
    same file is imported again (reports/survey_rows.py, tests/test_survey_paper_rows.py),
    under another name a second record."""
    res = import_survey(store, "volunteer_survey", FIX / "paper_volunteer_clerk.xlsx", user="c")
    assert res.errors == [] and res.added == [4, 5]
    again = import_survey(store, "volunteer_survey", FIX / "paper_volunteer_clerk.xlsx",
                          user="c")
    assert (again.added, again.unchanged) == ([], [4, 5])
    path = _edited(FIX / "paper_volunteer_clerk.xlsx", tmp_path / "paper.xlsx", {"F5": 25})
    third = import_survey(store, "volunteer_survey", path, user="c")
    assert (third.added, third.updated, third.unchanged) == ([5], [], [4])
    assert sorted(r["data"]["hours_per_month"] for r in store.list_records(
        form="volunteer_survey")) == [5, 20, 25]
    fixed = _edited(path, tmp_path / "paper.xlsx", {"F5": 30})       # the same file again
    fourth = import_survey(store, "volunteer_survey", fixed, user="c")
    assert (fourth.added, fourth.updated, fourth.unchanged) == ([], [5], [4])
    assert sorted(r["data"]["hours_per_month"] for r in store.list_records(
        form="volunteer_survey")) == [5, 20, 30]



def test_the_cli_says_which_columns_tell_the_responses_apart(data_dir, capsys):
    argv = ["--data-dir", str(data_dir), "--lang", "kk", "survey", "import", "volunteer_survey"]
    assert main([*argv, str(FIX / "kobo_volunteer_labels.xlsx"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "жауап мына бағандар бойынша танылады: «_uuid» (" in out
    assert "сынақ: 3 жауап оқылды (жаңасы: 3, өзгергені: 0, өзгеріссіз: 0)" in out
    assert main([*argv, str(FIX / "gf_volunteer_emails.xlsx"), "--dry-run"]) == 0
    assert "«Отметка времени»; «Адрес электронной почты» (" in capsys.readouterr().out
    assert main([*argv, str(FIX / "paper_volunteer_clerk.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "файлда жауап ID-і де, уақыт белгісі де жоқ: жауап бүкіл жол бойынша" in out
    assert "импортталды: 2 жауап (жаңасы: 2, жаңартылғаны: 0, өзгеріссіз: 0)" in out


def test_answers_saved_by_the_earlier_whole_row_ids_are_found_again(store, tmp_path):
    """A store filled before this change holds a response under the id of its whole row
    (uuid5 of the form and the row's cells as read): read again, it is that record, not a
    second one."""
    import json
    import uuid

    res = import_survey(store, "volunteer_survey", FIX / "kobo_volunteer_labels.xlsx",
                        user="c", dry_run=True)
    old = res.records[0]
    from reports.readers import iter_rows

    cells = [str(v) for v in list(iter_rows(FIX / "kobo_volunteer_labels.xlsx"))[1]]
    old_id = str(uuid.uuid5(uuid.UUID("6b0d7c52-2a8e-4f0c-9d43-5b1f3e0a7c16"),
                            json.dumps(["volunteer_survey", cells], ensure_ascii=False)))
    store.save_record({"id": old_id, "form": "volunteer_survey", "form_version": 1,
                       "org_unit": "ZHA", "period": "2026-12", "data": old["data"]}, user="c")
    again = import_survey(store, "volunteer_survey", FIX / "kobo_volunteer_labels.xlsx",
                          user="c")
    assert (again.added, again.unchanged) == ([3, 4], [2])
    assert store.count_records(form="volunteer_survey") == 3
    assert store.get_record(old_id)["data"]["hours_per_month"] == 6


@pytest.mark.parametrize("cell, moment", [
    ("06.12.2026 10:15:03", "2026-12-06 10:15:03"),                 # Google Forms, ru
    ("2026/12/06 1:02:09 PM GMT+5", "2026-12-06 13:02:09"),         # Google Forms, en
    ("06.12.2026 10:47", "2026-12-06 10:47:00"),                    # Yandex Forms
    ("2026-12-06T10:09:57.370+05:00", "2026-12-06 10:09:57"),       # KoBo start / end
    ("2026-12-06", None), ("06.12.2026", None), ("вчера", None), (None, None)])
def test_submission_times_as_exports_write_them(cell, moment):
    from reports.survey_values import to_moment

    got = to_moment(cell)
    assert (got.isoformat(sep=" ") if got else None) == moment
