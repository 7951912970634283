"""Every list of the intake corpus imports as delivered (only --org-unit and --period) through
`esep import`, with exactly the participants, date and walk-ins of its sidecar; the dry run
lists the skipped rows with their numbers and why (in Russian, and in Kazakh with no Russian
word left); cells whose letters or digits were lost carry a warning."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from cli.main import main
from reports.intake import DECLARED
from reports.intake_text import say

CORPUS = Path(__file__).parent / "fixtures" / "intake"
FILES = sorted(p for p in CORPUS.iterdir()
               if p.suffix in (".xlsx", ".xls", ".ods", ".csv", ".docx"))
# Values the reader may add by itself: the row number, a department read from the
# organization's name (seminars).
DERIVED = {"no", "department"}
# What the warning of each sidecar code says (in Russian) besides its row and column.
WARNING_MARKS = {"encoding_loss": "«?»", "number_exponent": "сокращённом виде Excel",
                 "row_hidden": "строка скрыта в файле"}


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _expected(path: Path) -> dict:
    return json.loads(Path(f"{path}.expected.json").read_text(encoding="utf-8"))


def test_corpus_is_large_and_varied():
    kinds = {p.suffix for p in FILES}
    assert len(FILES) >= 30
    assert kinds == {".xlsx", ".xls", ".ods", ".csv", ".docx"}
    assert all(Path(f"{p}.expected.json").exists() for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_imports_as_delivered(path, tmp_path, monkeypatch):
    from store import open_store
    from store.location import DB_FILENAME

    monkeypatch.setenv("ESEP_DATA_DIR", str(tmp_path))      # main() sets it; restored after

    exp = _expected(path)
    base = ["--data-dir", str(tmp_path), "import", exp["form"], str(path),
            "--org-unit", exp["org_unit"], "--period", exp["period"]]
    code, out, err = _run([*base, "--dry-run"])
    assert code == 0, err
    for skipped in exp["skipped"]:
        why = say(f"skip.{skipped['kind']}", "ru", count=0).split(":")[0]
        assert f"строка {skipped['row']} пропущена ({why}" in out, (skipped, out)
    assert out.count("пропущена") == len(exp["skipped"]), out
    for warn in exp["warnings"]:
        where, mark = f"строка {warn['row']}, столбец", WARNING_MARKS[warn["code"]]
        assert any(where in line and mark in line for line in err.splitlines()), (warn, err)
    code, out, err = _run(["--lang", "kk", *base, "--dry-run"])   # the same, said in Kazakh
    assert code == 0, err
    for skipped in exp["skipped"]:
        why = say(f"skip.{skipped['kind']}", "kk", count=0).split(":")[0]
        assert f"{skipped['row']}-жол өткізілді ({why}" in out, (skipped, out)
    assert "строка" not in out + err and "Traceback" not in err, (out, err)

    code, out, err = _run(base)
    assert code == 0, err
    with open_store(tmp_path / DB_FILENAME) as store:
        records = store.list_records(form=exp["form"])
    assert len(records) == 1
    rec = records[0]
    assert rec["status"] == "draft" and rec["org_unit"] == exp["org_unit"]
    roster = rec["data"]["participants" if exp["form"] == "focus_group" else "attendees"]
    assert [r["full_name"] for r in roster] == [p["full_name"] for p in exp["participants"]]
    for got, want in zip(roster, exp["participants"]):
        assert {k: v for k, v in got.items() if k not in DERIVED or k in want} == want
    assert [r["no"] for r in roster] == list(range(1, len(roster) + 1))
    assert rec["data"].get("date") == exp["date"]
    assert rec["data"].get("unregistered_attendees") == exp["unregistered_attendees"]
    if "declared" in exp:                       # the count of «Итого: 23 человека»
        assert rec["data"].get(DECLARED[exp["form"]]) == exp["declared"]
    for key in ("city", "region"):
        if key in exp:
            assert rec["data"].get(key) == exp[key]

