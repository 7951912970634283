"""`esep survey import` and `esep registry import | merge | suggest | list` (issue 16)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from cli.main import main
from store import open_store
from tests.test_reports_registry import BIN_A, BIN_B


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def _xlsx(path: Path, rows) -> str:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return str(path)


def _records(data_dir, form):
    with open_store(Path(data_dir) / "esep.sqlite3") as s:
        return s.list_records(form=form, order_by="id")


def test_survey_import_with_a_mapping(data_dir, tmp_path, capsys):
    path = _xlsx(tmp_path / "s.xlsx", [
        ["Timestamp", "Откуда вы?", "Ваш пол"],
        [dt.datetime(2024, 3, 1, 12, 0), "Шымкент", "Мужской"]])
    assert run(data_dir, "survey", "import", "volunteer_survey", path) == 1
    err = capsys.readouterr()
    assert "--map" in err.out and "ничего не импортировано" in err.err
    assert run(data_dir, "survey", "import", "volunteer_survey", path,
               "--map", "Откуда вы?=region") == 0
    out = capsys.readouterr().out
    assert "Откуда вы? -> region" in out and "импортировано: 1 ответ" in out
    [rec] = _records(data_dir, "volunteer_survey")
    assert rec["data"] == {"answered_on": "2024-03-01", "region": "SHY", "gender": "M"}
    assert rec["org_unit"] == "SHY"


def test_registry_import_merge_suggest(data_dir, tmp_path, capsys):
    bad = BIN_B[:-1] + str((int(BIN_B[-1]) + 1) % 10)
    rows = [["Наименование", "БИН", "Регион"], ["ОО «Жубанов жылуы»", BIN_A, "Шымкент"],
            ["Шапагат", bad, "Шымкент"]]
    assert run(data_dir, "registry", "import", _xlsx(tmp_path / "bad.xlsx", rows)) == 1
    assert "Строка 3, столбец «БИН»" in capsys.readouterr().out
    rows[2][1] = BIN_B
    rows.append(["Zhubanov Zhyluy", "", "Шымкент"])
    assert run(data_dir, "registry", "import", _xlsx(tmp_path / "ok.xlsx", rows)) == 0
    out = capsys.readouterr().out
    assert "Строка 4: «Zhubanov Zhyluy» — то же название" in out
    assert "новых записей реестра: 2" in out
    assert run(data_dir, "registry", "import", str(tmp_path / "ok.xlsx")) == 0
    out = capsys.readouterr().out                  # the same list again: nothing new
    assert "новых записей реестра: 0; существующих с новым написанием: 0; строк, уже " \
        "внесённых в реестр без изменений: 3" in out and "ВНИМАНИЕ" not in out
    entries = {r["data"]["name_ru"]: r["id"] for r in _records(data_dir, "organization")}
    assert run(data_dir, "registry", "suggest", "Shapagat") == 0
    assert capsys.readouterr().out.split()[1] == entries["Шапагат"]
    assert run(data_dir, "registry", "merge", entries["ОО «Жубанов жылуы»"],
               entries["Шапагат"]) == 1
    assert "different BINs" in capsys.readouterr().err
    assert run(data_dir, "registry", "merge", entries["ОО «Жубанов жылуы»"], "nope") == 1
    assert run(data_dir, "registry", "list", "--region", "SHY") == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
