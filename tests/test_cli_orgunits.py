"""`esep orgunits add|import|list|map` and the --org-unit check of `esep import`."""
from __future__ import annotations

from pathlib import Path

from cli.main import main

LIST = Path(__file__).parent / "fixtures" / "intake" / "fg_01_basic.xlsx"


def _run(capsys, tmp_path, *argv):
    code = main(["--data-dir", str(tmp_path), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_unknown_org_unit_is_refused_with_nearest_matches(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    code, _, err = _run(capsys, tmp_path, "import", "focus_group", str(LIST), "--org-unit",
                        "SHX", "--period", "2023-09", "--lang", "en")
    assert code == 1 and "unknown org unit «SHX»" in err and "SHY (" in err
    assert "esep orgunits add" in err
    code, _, _ = _run(capsys, tmp_path, "import", "focus_group", str(LIST), "--org-unit",
                      "SHY", "--period", "2023-09")
    assert code == 0                                   # a region of the reference data


def test_local_unit_add_import_use_and_map(tmp_path, capsys, monkeypatch):
    from store import open_store
    from store.location import DB_FILENAME

    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))
    assert _run(capsys, tmp_path, "orgunits", "add", "SHY-ABAI", "--region", "SHY",
                "--name-ru", "Абайский район")[0] == 0
    csv_file = tmp_path / "units.csv"
    csv_file.write_text("id;region;name_ru\nSHY-TURAN;SHY;Район Туран\n", encoding="utf-8")
    assert _run(capsys, tmp_path, "orgunits", "import", str(csv_file))[0] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("id,region,name_ru\nX,NOPE,Что-то\n", encoding="utf-8")
    code, _, err = _run(capsys, tmp_path, "orgunits", "import", str(bad))
    assert code == 1 and "строка 2" in err and "NOPE" in err
    code, out, _ = _run(capsys, tmp_path, "orgunits", "list")
    assert "SHY-ABAI" in out and "своя" in out and "SHY-TURAN" in out
    assert _run(capsys, tmp_path, "import", "focus_group", str(LIST), "--org-unit",
                "SHY-ABAI", "--period", "2023-09")[0] == 0
    with open_store(tmp_path / DB_FILENAME) as store:       # the server's list arrives
        store.upsert_org_units([{"id": "D-101", "kind": "district", "region": "SHY",
                                 "name_ru": "Абайский район"}])
    code, _, err = _run(capsys, tmp_path, "orgunits", "map", "SHY-ABAI", "SHY-TURAN", "--yes")
    assert code == 1 and "это не организационная единица с сервера" in err
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert _run(capsys, tmp_path, "orgunits", "map", "SHY-ABAI", "D-101")[0] == 1
    code, out, _ = _run(capsys, tmp_path, "orgunits", "map", "SHY-ABAI", "D-101", "--yes")
    assert code == 0 and "перенесено из SHY-ABAI в D-101: 1 запись" in out
    with open_store(tmp_path / DB_FILENAME) as store:
        recs = store.list_records(form="focus_group")
        assert [r["org_unit"] for r in recs] == ["D-101"]
        assert any("mapped onto D-101" in (a["reason"] or "") for a in store.audit(recs[0]["id"]))
    code, _, err = _run(capsys, tmp_path, "import", "focus_group", str(LIST), "--org-unit",
                        "SHY-ABAI", "--period", "2023-09")
    assert code == 1                                   # the retired local unit
