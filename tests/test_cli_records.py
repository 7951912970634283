"""`esep forms list | validate | import | export` through cli.main.main and a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from store import open_store

ROOT = Path(__file__).resolve().parent.parent
VALID = {
    "volunteers_total": 604, "gender": {"F": 330, "M": 274},
    "age": {"A14_17": 100, "A18_28": 300, "A29_35": 204},
    "occupation": {"STUDENT": 300, "EMPLOYED": 304},
    "registered_orgs_count": 4, "initiative_groups_count": 12, "events_total": 10,
    "events_by_direction": {"MED": 6, "ECO": 4}, "events_by_format": {"OFFLINE": 10},
    "volunteer_hours": 400, "volunteer_positions": 40, "rfo_support_provided": "NOT_NEEDED",
}


def rec(n: int, period: str, **data) -> dict:
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "form": "monthly_report",
            "org_unit": "SHY-ABAY", "period": period, "data": dict(VALID, **data)}


def write(path: Path, doc) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def stored(data_dir) -> list[dict]:
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        return s.list_records(include_deleted=True, order_by="id")
    finally:
        s.close()


def test_forms_list(data_dir, capsys):
    assert run(data_dir, "forms", "list") == 0
    assert "monthly_report" in capsys.readouterr().out
    assert run(data_dir, "forms", "list", "--json", "--lang", "en") == 0
    forms = json.loads(capsys.readouterr().out)
    mr = next(f for f in forms if f["id"] == "monthly_report")
    assert mr["version"] >= 1 and mr["fields"] > 10 and mr["title"].isascii()


def test_validate_valid_and_invalid(data_dir, tmp_path, capsys):
    ok = write(tmp_path / "ok.json", rec(1, "2024-03"))
    assert run(data_dir, "validate", "monthly_report", ok) == 0
    assert "1 запись, с ошибками: 0" in capsys.readouterr().out
    bad = write(tmp_path / "bad.json", {"form": "monthly_report", "records": [
        rec(1, "2024-03"), rec(2, "2024-04", gender={"F": 1, "M": 1})]})
    assert run(data_dir, "validate", "monthly_report", bad) == 1
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "VR-03-gender" in ln)
    assert "ОШИБКА" in line and "gender" in line and "volunteers_total" in line
    assert any("\u0400" <= ch <= "\u04ff" for ch in line), "message should be in Russian"
    assert "запись №2 (id 00000000-0000-4000-8000-000000000002)" in out
    assert run(data_dir, "validate", "monthly_report", bad, "--json", "--lang", "en") == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is False and doc["records"][0]["findings"] == [] or all(
        f["severity"] != "error" for f in doc["records"][0]["findings"])
    f = next(f for f in doc["records"][1]["findings"] if f["rule"] == "VR-03-gender")
    assert f["severity"] == "error" and f["message"] and not any(
        "\u0400" <= ch <= "\u04ff" for ch in f["message"])


def test_validate_warnings_are_printed_but_pass(data_dir, tmp_path, capsys):
    warn = write(tmp_path / "w.json", [rec(1, "2024-03", volunteer_hours=1520)])
    assert run(data_dir, "validate", "monthly_report", warn) == 0
    out = capsys.readouterr().out
    assert "ВНИМАНИЕ" in out and "VR-06" in out


def test_validate_type_error_and_bad_files(data_dir, tmp_path, capsys):
    typ = write(tmp_path / "t.json", [rec(1, "2024-03", volunteers_total="many")])
    assert run(data_dir, "validate", "monthly_report", typ) == 1
    assert "volunteers_total" in capsys.readouterr().out
    assert run(data_dir, "validate", "monthly_report", str(tmp_path / "none.json")) == 1
    assert "файл не найден" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"records": [\n  {"id": 1,,}\n]}', encoding="utf-8")
    assert run(data_dir, "validate", "monthly_report", str(broken)) == 1
    assert "строке 2" in capsys.readouterr().err
    assert run(data_dir, "validate", "no_such_form", typ) == 1
    assert "неизвестная форма «no_such_form»" in capsys.readouterr().err


def test_import_atomic_and_dry_run(data_dir, tmp_path, capsys):
    good = [rec(1, "2024-01"), rec(2, "2024-02"), rec(3, "2024-03")]
    bad = good[:1] + [rec(2, "2024-02", age={"A99": 5}), rec(3, "2024-03", volunteers_total=-1.5)]
    path = write(tmp_path / "bad.json", bad)
    assert run(data_dir, "--lang", "en", "import", "monthly_report", path) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err
    assert "record #2 (id 00000000-0000-4000-8000-000000000002)" in err and "A99" in err
    assert "record #3 (id 00000000-0000-4000-8000-000000000003)" in err
    assert "Field “Number of volunteers”" in err   # the label, not the id
    assert stored(data_dir) == []
    mixed = write(tmp_path / "mixed.json", good[:1] + [dict(good[1], form="event")])
    assert run(data_dir, "import", "monthly_report", mixed) == 1
    assert "запись №2 (id 00000000-0000-4000-8000-000000000002): форма записи" in \
        capsys.readouterr().err
    path = write(tmp_path / "good.json", good)
    assert run(data_dir, "import", "monthly_report", path, "--dry-run") == 0
    assert "новых 3" in capsys.readouterr().out and stored(data_dir) == []
    assert run(data_dir, "import", "monthly_report", path) == 0
    assert "импортировано: 3 записи" in capsys.readouterr().out
    assert [r["period"] for r in stored(data_dir)] == ["2024-01", "2024-02", "2024-03"]
    assert run(data_dir, "import", "monthly_report", path, "--dry-run") == 0
    assert "без изменений 3" in capsys.readouterr().out


def test_reimport_of_the_same_file_is_unchanged_whenever_it_runs(data_dir, tmp_path, capsys):
    """A re-import compares content, not the time stamps a completed record gets: the
    stored records are made a day older, then the same file is unchanged (dry run and real),
    also for a submitted record that may not be edited."""
    good = [rec(1, "2024-01"), dict(rec(2, "2024-02"), status="submitted")]
    path = write(tmp_path / "good.json", good)
    assert run(data_dir, "import", "monthly_report", path) == 0
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        s.db.execute("UPDATE records SET updated_at = '2000-01-01T00:00:00Z'")
        s.db.conn.commit()
    finally:
        s.close()
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", path, "--dry-run") == 0
    assert "новых 0, без изменений 2, изменённых 0" in capsys.readouterr().out
    assert run(data_dir, "import", "monthly_report", path) == 0
    assert "импортировано: 0 записей (без изменений: 2)" in capsys.readouterr().out


def test_export_json_reimports_identically(data_dir, tmp_path, capsys):
    s = open_store(Path(data_dir) / "esep.sqlite3", user="aigerim")
    try:
        a = s.save_record(rec(1, "2024-02"), user="aigerim")
        s.submit_record(a["id"], user="aigerim")
        s.correct_record(a["id"], {"volunteer_positions": 50}, user="region", reason="fix")
        s.save_record(dict(rec(2, "2024-03"), justification="флуд"), user="aigerim")
        s.save_record(rec(3, "2024-04"), user="aigerim")
        s.delete_record(rec(3, "2024-04")["id"], user="aigerim", reason="dup")
    finally:
        s.close()
    out = tmp_path / "out" / "export.json"
    assert run(data_dir, "export", "monthly_report", "--format", "json", "-o", str(out)) == 0
    assert "выгружено: 2 записи" in capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["form"] == "monthly_report" and len(doc["records"]) == 2
    originals = [r for r in stored(data_dir) if not r["deleted"]]
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert run(fresh, "import", "monthly_report", str(out)) == 0
    assert stored(fresh) == originals
    assert originals[0]["revision"] == 2 and originals[0]["status"] == "submitted"
    assert run(fresh, "import", "monthly_report", str(out)) == 0
    assert "импортировано: 0" in capsys.readouterr().out


def test_export_filters(data_dir, tmp_path, capsys):
    assert run(data_dir, "import", "monthly_report",
               write(tmp_path / "g.json", [rec(1, "2024-01"), rec(2, "2024-02")])) == 0
    out = tmp_path / "one.json"
    assert run(data_dir, "export", "monthly_report", "-o", str(out), "--period", "2024-02") == 0
    recs = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [r["period"] for r in recs] == ["2024-02"]


def _reports_can(fmt: str) -> bool:
    """Whether the reports room's tabular reader/writer is in the tree yet."""
    import importlib.util

    try:
        return bool(importlib.util.find_spec("reports.io")
                    and importlib.util.find_spec("reports.table_io"))
    except ImportError:
        return False


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_tabular_formats_delegate_to_reports(data_dir, tmp_path, capsys, fmt):
    assert run(data_dir, "import", "monthly_report",
               write(tmp_path / "g.json", [rec(1, "2024-01")])) == 0
    out = tmp_path / f"out.{fmt}"
    code = run(data_dir, "export", "monthly_report", "--format", fmt, "-o", str(out))
    if not _reports_can(fmt):
        assert code == 1 and "format not supported yet" in capsys.readouterr().err
        assert not out.exists()
        return
    assert code == 0 and out.stat().st_size > 0


def test_import_tabular_without_reports_says_so(data_dir, tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text("org_unit,period\nSHY-ABAY,2024-01\n", encoding="utf-8")
    code = run(data_dir, "import", "monthly_report", str(path))
    err = capsys.readouterr().err
    if not _reports_can("csv"):
        assert code == 1 and "format not supported yet" in err
        return
    # a CSV that is not the monthly template: a clear refusal, nothing imported
    assert code == 1 and err.strip() and "Traceback" not in err
    assert stored(data_dir) == []


def test_entry_point_subprocess(tmp_path):
    data = tmp_path / "d"
    good = write(tmp_path / "g.json", [rec(1, "2024-01")])
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "ESEP_PASSPHRASE": os.environ["ESEP_PASSPHRASE"]}  # no keyring here (conftest)
    res = subprocess.run([sys.executable, "main.py", "--data-dir", str(data), "import",
                          "monthly_report", good], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    assert (data / "esep.sqlite3").exists()
    res = subprocess.run([sys.executable, "main.py", "--data-dir", str(data), "validate",
                          "monthly_report", str(tmp_path / "missing.json")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 1 and "файл не найден" in res.stderr


def test_export_leaves_personal_fields_out_unless_asked(data_dir, tmp_path, capsys):
    fg = {"id": "00000000-0000-4000-8000-0000000000f1", "form": "focus_group",
          "org_unit": "SHY", "data": {"date": "2024-03-14", "city": "Шымкент", "participants": [
              {"no": 1, "full_name": "Иванова Айгерим", "participant_category": "STUDENT",
               "consent": "YES", "phone": "+7 701 000 00 00", "organization": "ЖОО"}]}}
    assert run(data_dir, "import", "focus_group", write(tmp_path / "fg.json", [fg])) == 0
    out = tmp_path / "fg_out.json"
    assert run(data_dir, "export", "focus_group", "-o", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    assert "Иванова" not in text and "+7 701" not in text and "ЖОО" in text
    assert run(data_dir, "export", "focus_group", "-o", str(out), "--include-personal") == 0
    row = json.loads(out.read_text(encoding="utf-8"))["records"][0]["data"]["participants"][0]
    assert row["full_name"] == "Иванова Айгерим" and row["phone"] == "+7 701 000 00 00"


FG_ROWS = [["№", "Ф.И.О.", "Организация", "Должность", "Категория", "Район"],
           [1, "Чагай Николай", "ОО «Lider»", "руководитель", "Студенческие организации",
            "Тараз"],
           [2, "Ахметова Айгерим", "ОО «Жарқын»", "председатель",
            "Системные волонтёрские организации", "Тараз"]]


def write_xlsx(path: Path, rows) -> str:
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)
    return str(path)


needs_reports = pytest.mark.skipif(not _reports_can("xlsx"), reason="reports.io not in tree")


@needs_reports
def test_import_roster_xlsx_with_org_unit_period_and_map(data_dir, tmp_path, capsys):
    path = write_xlsx(tmp_path / "fg.xlsx", [["Список участников"], [], *FG_ROWS])
    assert run(data_dir, "import", "focus_group", path) == 1           # no org unit
    err = capsys.readouterr().err
    assert "нужно подразделение" in err and "--org-unit" in err and "ничего не импортировано" in err
    args = ["import", "focus_group", path, "--org-unit", "ZHA", "--period", "2024-03"]
    assert run(data_dir, *args, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "строка заголовка 3" in out and "+ participants[1]" in out and "Чагай Николай" in out
    assert "ничего не сохранено" in out and stored(data_dir) == []
    assert run(data_dir, *args, "--reason", "list from the trainer") == 0
    assert "импортировано: 2 изменения" in capsys.readouterr().out
    [fg] = stored(data_dir)
    assert (fg["form"], fg["org_unit"], fg["period"]) == ("focus_group", "ZHA", "2024-03")
    assert [r["full_name"] for r in fg["data"]["participants"]] == ["Чагай Николай",
                                                                     "Ахметова Айгерим"]
    assert fg["data"]["participants"][0]["participant_category"] == "STUDENT"
    s = open_store(Path(data_dir) / "esep.sqlite3")
    assert {a["reason"] for a in s.audit(fg["id"])} == {"list from the trainer"}
    s.close()
    # append to that list, the name column given by an explicit mapping
    more = write_xlsx(tmp_path / "more.xlsx", [["Участник", "Организация", "Категория"],
                                               ["Саги Арман", "New Wave", "STUDENT"]])
    assert run(data_dir, "import", "focus_group", more, "--record", fg["id"],
               "--map", "Участник=full_name") == 0
    rows = stored(data_dir)[0]["data"]["participants"]
    assert [r["no"] for r in rows] == [1, 2, 3] and rows[2]["full_name"] == "Саги Арман"
    assert run(data_dir, "import", "focus_group", more, "--map", "nonsense") == 1
    assert "СТОЛБЕЦ=ПОЛЕ" in capsys.readouterr().err
    assert run(data_dir, *args[:3], "--org-unit", "ZHA", "--period", "2024-3") == 1
    assert "ГГГГ-ММ" in capsys.readouterr().err  # ru by default


@needs_reports
def test_import_roster_problems_name_row_and_column(data_dir, tmp_path, capsys):
    rows = [*FG_ROWS, [3, "Чагай Николай", "ОО «Lider»", "руководитель", "Марсиане", "Тараз"]]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert run(data_dir, "import", "focus_group", path, "--org-unit", "ZHA", "--lang", "en") == 0
    err = capsys.readouterr().err
    assert "[warning] row 4, column «Категория»: «Марсиане»" in err and "Категория" in err and "«Марсиане»" in err
    assert "Student organisations" in err and "fg_categories" not in err   # short labels
    rows = stored(data_dir)[0]["data"]["participants"]
    assert stored(data_dir)[0]["status"] == "draft" and "participant_category" not in rows[2]


def test_list_options_are_refused_for_json(data_dir, tmp_path, capsys):
    path = write(tmp_path / "g.json", [rec(1, "2024-01")])
    assert run(data_dir, "import", "monthly_report", path, "--org-unit", "SHY") == 1
    assert "--org-unit: только для файлов .xlsx / .csv" in capsys.readouterr().err
    assert run(data_dir, "import", "monthly_report", path, "--reason", "from the archive") == 0
    [r] = stored(data_dir)
    s = open_store(Path(data_dir) / "esep.sqlite3")
    assert {a["reason"] for a in s.audit(r["id"])} == {"from the archive"}
    s.close()


@needs_reports
def test_monthly_template_round_trip(data_dir, tmp_path, capsys):
    import openpyxl

    s = open_store(Path(data_dir) / "esep.sqlite3")
    s.upsert_org_units([{"id": "SHY-ABAY", "kind": "district", "region": "SHY",
                         "name_ru": "Абайский район"}])
    s.close()
    assert run(data_dir, "import", "monthly_report", write(tmp_path / "g.json",
                                                           [rec(1, "2024-01")])) == 0
    tpl = tmp_path / "t.xlsx"
    assert run(data_dir, "template", "monthly_report", "--org-unit", "SHY-ABAY",
               "--period", "2024-01", "-o", str(tpl)) == 0
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(tpl)) == 0     # unchanged
    assert "изменений нет" in capsys.readouterr().out
    wb = openpyxl.load_workbook(tpl)
    ws = wb.worksheets[0]
    keys = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value}
    ws.cell(keys["volunteer_positions"], 2).value = 50
    ws.cell(keys["volunteer_hours"], 2).value = "450,5"
    wb.save(tpl)
    assert run(data_dir, "import", "monthly_report", str(tpl), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "volunteer_positions: 40 → 50" in out and "volunteer_hours: 400 → 450.5" in out
    assert "2 изменения" in out and "ничего не сохранено" in out
    assert stored(data_dir)[0]["data"] == VALID
    assert run(data_dir, "import", "monthly_report", str(tpl), "--period", "2024-02") == 1
    assert "--period 2024-02: книга относится к SHY-ABAY за 2024-01; ничего не импортировано" \
        in capsys.readouterr().err
    assert run(data_dir, "import", "monthly_report", str(tpl)) == 0
    assert "импортировано: 2 изменения" in capsys.readouterr().out
    [after] = stored(data_dir)
    assert after["data"] == dict(VALID, volunteer_positions=50, volunteer_hours=450.5)
    ws.cell(keys["volunteers_total"], 2).value = "много"
    wb.save(tpl)
    assert run(data_dir, "import", "monthly_report", str(tpl)) == 1
    err = capsys.readouterr().err
    assert "строка 4, столбец «Значение»: «много» в поле «Количество волонтёров»: не число; " \
        "ожидается целое число (например, 12)" in err
    assert stored(data_dir) == [after]


def test_validate_sees_a_repeated_event_in_the_same_month(data_dir, tmp_path, capsys):
    event = {"form": "event", "form_version": 1, "org_unit": "SHY-ABAY", "data": {
        "title": "Уборка берега реки Бадам", "date_start": "2024-03-16",
        "primary_direction": "ECO", "formats": ["OFFLINE"], "is_volunteering": "YES",
        "organizer_type": "REG_ORG", "organizer_name": "ОФ «Жасыл әлем»",
        "volunteers_count": 25, "volunteer_positions": 25, "volunteer_hours": 100.0}}
    ids = [f"00000000-0000-4000-8000-00000000e00{i}" for i in (1, 2)]
    path = write(tmp_path / "ev.json", [dict(event, id=i) for i in ids])
    assert run(data_dir, "validate", "event", path) == 0        # a warning, not an error
    out = capsys.readouterr().out
    assert out.count("VR-32") == 2 and "ВНИМАНИЕ" in out


def test_export_to_an_unwritable_path_is_a_clear_error(data_dir, tmp_path, capsys):
    from main import main

    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "out.json"  # its folder is a file
    assert main(["export", "monthly_report", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"esep: {target.parent}: в пути есть файл там, где должна быть папка")
    assert "Traceback" not in err and not target.exists()
