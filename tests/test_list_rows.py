"""A district's own list imported again after its clerk edited a row's name in place (an
event's title, a meeting's official spelled out): the same file, the same row, the same date
is that row's record edited (reports/list_rows.py) — a draft updated under its id, a
submitted one left as it is and said; a row that moved, or another file, is not."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl

from cli.main import main
from store import open_store


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def events(path: Path, rows: list[tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Март"
    ws["A1"] = "План-отчёт мероприятий МРЦ Абайского района за март 2024 года"
    ws.merge_cells("A1:E1")
    ws.append(["№", "Дата", "Наименование мероприятия ", "Направление", "Кол-во волонтёров"])
    for n, row in enumerate(rows, start=1):
        ws.append([n, *row])
    wb.save(path)
    return path


MARCH = [(dt.datetime(2024, 3, 2), "Субботник в парке «Кен баба»", "Экологическое", 25),
         ("08.03.2024", "Поздравление ветеранов", "Социальное волонтёрство для пожилых", 12),
         ("21.03.2024", "Наурыз мейрамы", "Событийное", 108)]


def stored(data_dir, form="event") -> dict[str, dict]:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return {r["id"]: r for r in s.list_records(form=form)}


def by_title(recs: dict) -> dict[str, str]:
    return {r["data"]["title"]: i for i, r in recs.items()}


def test_a_title_edited_in_place_updates_its_draft(data_dir, tmp_path, capsys):
    path = events(tmp_path / "events_march.xlsx", MARCH)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    ids = by_title(stored(data_dir))
    edited = list(MARCH)
    edited[1] = ("08.03.2024", "Поздравление ветеранов ВОВ и тружеников тыла",
                 "Социальное волонтёрство для пожилых", 14)
    events(path, edited)
    capsys.readouterr()
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA", "--dry-run") == 0
    said = capsys.readouterr()
    assert ("Строка 4: это запись, импортированная раньше из этой же строки файла, с "
            "изменённым названием («Поздравление ветеранов» → «Поздравление ветеранов ВОВ и "
            f"тружеников тыла»); она обновлена (id {ids['Поздравление ветеранов']})") in said.err
    assert "volunteers_count: 12 → 14" in said.out
    assert set(stored(data_dir)) == set(ids.values())          # a dry run saves nothing
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    after = stored(data_dir)
    assert set(after) == set(ids.values())                     # no new draft beside it
    rec = after[ids["Поздравление ветеранов"]]
    assert (rec["data"]["title"], rec["data"]["volunteers_count"], rec["status"]) == (
        "Поздравление ветеранов ВОВ и тружеников тыла", 14, "draft")
    capsys.readouterr()                                        # and again: nothing changes
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    assert capsys.readouterr().out.count("уже импортирована, без изменений") == 3


def test_a_row_put_above_or_another_file_is_no_edit(data_dir, tmp_path, capsys):
    path = events(tmp_path / "events_march.xlsx", MARCH)
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    ids = by_title(stored(data_dir))
    # a new event on the same day typed above: the rows below move down by one
    events(path, [MARCH[0], ("08.03.2024", "Концерт для мам", "Событийное", 6), *MARCH[1:]])
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    after = by_title(stored(data_dir))
    assert len(after) == 4 and after["Поздравление ветеранов"] == ids["Поздравление ветеранов"]
    assert "«Концерт для мам»" not in capsys.readouterr().err
    # the same list saved under another name, a title edited there: a new draft
    other = shutil.copy(path, tmp_path / "events_march_v2.xlsx")
    events(Path(other), [MARCH[0], ("08.03.2024", "Концерт для мам и бабушек", "Событийное",
                                    6), *MARCH[1:]])
    assert run(data_dir, "import", "event", str(other), "--org-unit", "ABA") == 0
    assert len(stored(data_dir)) == 5
    # a date changed with the title: another event, not this row's edited
    events(path, [MARCH[0], ("09.03.2024", "Концерт", "Событийное", 6), *MARCH[1:]])
    assert run(data_dir, "import", "event", str(path), "--org-unit", "ABA") == 0
    assert "Концерт для мам" in by_title(stored(data_dir))


def meetings(path: Path, official: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Әкімдікпен кездесулер, 2024 жылғы сәуір"])
    ws.append(["Р/с", "Кездесу күні", "Аты-жөні", "Лауазымы", "Мәртебесі", "Нақты күні"])
    ws.append([1, dt.datetime(2024, 4, 10), official, "Советник акима", "Состоялась",
               "10.04.2024"])
    wb.save(path)
    return path


def test_a_submitted_record_is_never_touched_by_its_edited_row(data_dir, tmp_path, capsys):
    path = meetings(tmp_path / "meetings.xlsx", "Сейітов Б.")
    argv = ("import", "leadership_meeting", str(path), "--org-unit", "ABA", "--set",
            "region=Абайская область")
    assert run(data_dir, *argv) == 0
    (held,) = stored(data_dir, "leadership_meeting").values()
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        s.submit_record(held["id"], user="tester")
    meetings(path, "Сейітов Бауыржан Ерланұлы")
    capsys.readouterr()
    assert run(data_dir, "--lang", "en", *argv) == 0
    err = capsys.readouterr().err
    assert (f"Row 3: the record imported before from this very row of the file, its name "
            f"edited («Сейітов Б.» → «Сейітов Бауыржан Ерланұлы»); it was already submitted "
            f"(id {held['id']}), the file's changes were not made") in err
    assert "Row 3: the record was already submitted" not in err        # said once
    (after,) = stored(data_dir, "leadership_meeting").values()
    assert (after["id"], after["status"], after["data"]["official_name"]) == (
        held["id"], "submitted", "Сейітов Б.")
