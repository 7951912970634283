"""Issue 19 item 6, imports: the CSV summary names each record; a JSON import of an already
synced id without `version` keeps the synced version (no conflict on the next sync); `--lang en`
prints rule messages in English."""
from __future__ import annotations

import csv
import json
import re

from test_reports_template import DATA, _cells
from test_sync_cli import esep, memory_keyring
from test_sync_support import DISTRICTS, PASSWORD, monthly, server

from cli.main import main
from reports.template import write_template
from store import open_store

__all__ = ["memory_keyring", "server"]  # fixtures


def _store_with_two_months(data_dir):
    store = open_store(data_dir / "esep.sqlite3", user="aigerim")
    ids = [store.save_record(monthly("SHY-ABAY", p, n), user="aigerim")["id"]
           for p, n in (("2024-01", 40), ("2024-02", 60))]
    store.close()
    return ids


def test_csv_import_summary_names_each_record(data_dir, tmp_path, capsys):
    jan, feb = _store_with_two_months(data_dir)
    out = tmp_path / "all.csv"
    assert main(["export", "monthly_report", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    col = rows[0].index("registered_orgs_count")
    for row in rows[1:]:
        row[col] = str(int(row[col]) + 5)
    with (tmp_path / "changed.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    capsys.readouterr()
    assert main(["import", "monthly_report", str(tmp_path / "changed.csv")]) == 0
    text = capsys.readouterr().out
    assert f"SHY-ABAY 2024-01 (id {jan}):" in text and f"SHY-ABAY 2024-02 (id {feb}):" in text
    assert text.count(f"(id {jan})") == 1  # the first record no longer labels every change
    assert "2 записи monthly_report: 2 изменения" in text
    assert "импортировано: 2 изменения в 2 записи monthly_report" in text
    assert text.count("registered_orgs_count: 2 → 7") == 2


def _login(capsys, monkeypatch, folder, srv):
    code, _, err = esep(capsys, monkeypatch, folder, "login", "--server", srv.url,
                        "--user", "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err


def test_json_import_without_version_keeps_the_synced_version(server, tmp_path, capsys,
                                                              monkeypatch, memory_keyring):
    folder = tmp_path / "a"
    _login(capsys, monkeypatch, folder, server)
    rec = monthly(DISTRICTS[0], "2024-03", 40)
    with open_store(folder / "esep.sqlite3") as store:
        store.save_record(rec, user="dist1")
    assert esep(capsys, monkeypatch, folder, "sync")[0] == 0
    with open_store(folder / "esep.sqlite3") as store:
        synced = store.get_record(rec["id"])["version"]
    assert synced is not None
    changed = {k: v for k, v in rec.items() if k != "version"}
    changed["data"] = dict(rec["data"], typical_events_text="Изменено импортом")
    (tmp_path / "in.json").write_text(json.dumps([changed], ensure_ascii=False),
                                      encoding="utf-8")
    code, _, err = esep(capsys, monkeypatch, folder, "import", "monthly_report",
                        str(tmp_path / "in.json"))
    assert code == 0, err
    with open_store(folder / "esep.sqlite3") as store:
        assert store.get_record(rec["id"])["version"] == synced  # not reset to None
    code, out, err = esep(capsys, monkeypatch, folder, "sync")
    assert code == 0, err
    assert (out[0]["pushed"], out[0]["conflicts"], out[0]["rejected"]) == (1, 0, 0)
    with open_store(folder / "esep.sqlite3") as store:
        after = store.get_record(rec["id"])
    assert after["version"] > synced and after["data"]["typical_events_text"] == \
        "Изменено импортом"


def _printed(capsys) -> str:
    out, err = capsys.readouterr()
    return out + err


def test_lang_en_prints_rule_messages_in_english(data_dir, tmp_path, capsys):
    store = open_store(data_dir / "esep.sqlite3", user="aigerim")
    store.upsert_org_units([{"id": "SHY", "kind": "region", "region": "SHY",
                             "name_ru": "г. Шымкент", "name_en": "Shymkent"}])
    store.save_record({"form": "monthly_report", "org_unit": "SHY", "period": "2023-05",
                       "data": DATA}, user="aigerim")
    path = write_template(store, "SHY", "2023-05", tmp_path / "t.xlsx")
    store.close()
    wb, ws, keys = _cells(path)
    ws.cell(keys["volunteers_total"], 2).value = 700  # the breakdowns no longer sum (VR-03)
    wb.save(path)
    for argv in (["--lang", "en", "import", "monthly_report", str(path), "--dry-run"],
                 ["import", "monthly_report", str(path), "--dry-run", "--lang", "en"]):
        assert main(argv) == 0
        lines = [x for x in _printed(capsys).splitlines() if "VR-03" in x]
        assert any("VR-03-gender: The “Volunteers by gender” breakdown sums to 604, not to the "
                   "total 700" in x for x in lines), lines
        assert not any(re.search("[а-яА-Я]", x) for x in lines), lines
    assert main(["import", "monthly_report", str(path), "--dry-run"]) == 0  # default: ru
    lines = [x for x in _printed(capsys).splitlines() if "VR-03" in x]
    assert lines and all(re.search("[а-яА-Я]", x) for x in lines), lines
