"""`esep import event FILE --map COLUMN=FIELD` on a district's own list is remembered in this
data folder: the next list with the same header (its spaces and capitals typed otherwise,
under another title) is read with it without --map, the preview saying so; a --map given
again replaces it; a list whose header differs, or a list of another kind, is not matched.
An attendance list's mapping remembered by the app before the key named the form still
serves (reports.import_memory)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from cli.main import main
from store import open_store

SHORT = "Наим. мероприятия (кратко)"
SAID = "столбцы — как при прошлом импорте списка с таким же заголовком"


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def clerks_list(path: Path, title: str, header: list, rows: list) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = title
    ws.merge_cells("A1:D1")
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def march(tmp_path: Path) -> Path:
    return clerks_list(tmp_path / "март.xlsx", "Мероприятия МРЦ за март 2024 г.",
                       ["№", "Дата проведения", f" {SHORT}", "Кол-во волонтёров"],
                       [[1, dt.datetime(2024, 3, 2), "Субботник в парке", 25],
                        [2, "08.03.2024", "Поздравление ветеранов", 12]])


def april(tmp_path: Path, name: str = "апрель.xlsx", short: str = "наим.  МЕРОПРИЯТИЯ (кратко) ",
          rows: list | None = None) -> Path:
    return clerks_list(tmp_path / name, "План-отчёт за апрель 2024 года",
                       ["№", "дата  проведения", short, "Кол-во волонтёров "],
                       rows or [[1, "06.04.2024", "Акция «Чистый двор»", 40]])


def titles(data_dir, form="event") -> list:
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return sorted(r["data"].get("title") or "" for r in s.list_records(form=form))


def test_a_map_is_remembered_for_the_next_list_with_the_same_header(data_dir, tmp_path,
                                                                     capsys):
    assert run(data_dir, "import", "event", str(march(tmp_path)), "--org-unit", "ABA",
               "--map", f"{SHORT}=title") == 0
    assert SAID not in capsys.readouterr().out                  # given, not remembered
    assert titles(data_dir) == ["Поздравление ветеранов", "Субботник в парке"]

    assert run(data_dir, "import", "event", str(april(tmp_path)), "--org-unit", "ABA") == 0
    out = capsys.readouterr().out
    assert f"{SAID}: {SHORT} -> title (иначе укажите --map)" in out
    assert "Акция «Чистый двор»" in titles(data_dir)

    other = april(tmp_path, "другой.xlsx", short="Наим. мероприятия")   # another header
    assert run(data_dir, "import", "event", str(other), "--org-unit", "ABA", "--dry-run") == 0
    out = capsys.readouterr().out
    assert SAID not in out and "«Наим. мероприятия»" in out              # not read
    assert "-> title" not in out and "title:" not in out


def test_a_map_given_again_replaces_the_remembered_one(data_dir, tmp_path, capsys):
    assert run(data_dir, "import", "event", str(march(tmp_path)), "--org-unit", "ABA",
               "--map", f"{SHORT}=title") == 0
    assert run(data_dir, "import", "event", str(april(tmp_path)), "--org-unit", "ABA",
               "--map", f"{SHORT}=description") == 0
    capsys.readouterr()
    may = april(tmp_path, "май.xlsx", rows=[[1, "05.05.2024", "Велопробег", 30]])
    assert run(data_dir, "import", "event", str(may), "--org-unit", "ABA", "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"{SAID}: {SHORT} -> description" in out
    assert "description: \"Велопробег\"" in out and "title: \"Велопробег\"" not in out


def test_another_kind_of_list_with_that_header_is_not_matched(data_dir, tmp_path, capsys):
    from reports.import_memory import header_key
    header = ["№", "Дата проведения", SHORT]
    assert header_key("event", header) == header_key("event", [" № ", "ДАТА  проведения",
                                                               "наим. мероприятия (кратко)"])
    assert header_key("event", header) != header_key("hotline_appeal", header)
    assert header_key("event", header) != header_key("event", header + ["Место"])


def test_an_attendance_lists_mapping_remembered_before_still_serves(tmp_path):
    """The app remembered an attendance list's mapping under its header alone; the next list
    with that header takes it (the phone column left out)."""
    from reports.import_memory import header_key
    from reports.io import import_file
    path = tmp_path / "список.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Список участников фокус-группы, 14.09.2023"])
    ws.append(["№", "ФИО", "Организация", "Телефон"])
    ws.append([1, "Ахметова Айгерим Серикқызы", "ОФ «Жастар»", "+7 701 123 45 67"])
    wb.save(path)
    with open_store(tmp_path / "esep.sqlite3") as s:
        plain = import_file(s, "focus_group", path, user="t", dry_run=True, org_unit="ABA")
        assert plain.remembered is None and "phone" in plain.diff[0]["new"]
        s.set_setting(header_key("focus_group", ["№", "ФИО", "Организация", "Телефон"],
                                 legacy=True), {"1": "no", "2": "full_name",
                                                "3": "organization", "4": None})
        again = import_file(s, "focus_group", path, user="t", dry_run=True, org_unit="ABA")
    assert again.remembered == {1: "no", 2: "full_name", 3: "organization", 4: None}
    assert "phone" not in again.diff[0]["new"]
    assert again.diff[0]["new"]["full_name"] == "Ахметова Айгерим Серикқызы"
