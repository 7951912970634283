"""The local importers refuse what the server refuses (issue 19): a draft with a 4.5-million
character text, counts of 10^40 or below zero, thousands of junk keys, non-finite or absurd
numbers, in a JSON or a CSV file; nothing is imported and the store keeps what it had."""
from __future__ import annotations

import csv
import json

import pytest

from cli.main import main
from forms.fieldcheck import MAX_ITEMS, MAX_KEYS
from store import StoreError, open_store
from tests.server_fixtures import monthly_report

HUGE_TEXT = "ж" * 4_500_000


def _draft(**data) -> dict:
    rec = monthly_report("SHY-ABAY", "2024-03")
    rec["data"].update(data)
    return rec


CASES = [
    ({"typical_events_text": HUGE_TEXT}, "too_long", "typical_events_text"),
    ({"volunteers_total": 10**40}, "above_max", "volunteers_total"),
    ({"volunteers_total": -4}, "below_min", "volunteers_total"),
    ({"gender": {"F": -1, "M": 2}}, "below_min", "gender.F"),
    ({"occupation": {"STUDENT": 10**40}}, "above_max", "occupation.STUDENT"),
    ({f"junk{i}": 1 for i in range(MAX_KEYS + 1)}, "too_many_keys", "data"),
    ({"dev_events": [{"no": 1}] * (MAX_ITEMS + 1)}, "too_many_rows", "dev_events"),
]


IDS = ["4.5M-text", "1e40", "negative", "negative-count", "1e40-count", "junk-keys",
       "rows"]


@pytest.mark.parametrize("data, code, field", CASES, ids=IDS)
def test_store_import_refuses_a_draft_out_of_bounds(tmp_path, data, code, field):
    store = open_store(tmp_path / "esep.sqlite3", user="u")
    try:
        kept = store.save_record(monthly_report("SHY-ABAY", "2024-01"), user="u")
        with pytest.raises(StoreError) as err:
            store.import_records([_draft(**data)], user="u")
        assert [(p["code"], p["field"]) for p in err.value.problems] == [(code, field)]
        assert [r["id"] for r in store.list_records()] == [kept["id"]]
    finally:
        store.close()


def _label(field: str) -> str:
    """How the refusal names a field: its English label (the id where the form has none)."""
    from forms import load_form
    from forms.messages import field_label
    return field_label(load_form("monthly_report"), field, "en")


def _run(capsys, *argv) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("data, code, field", CASES[:3], ids=IDS[:3])
def test_cli_json_import_refuses_it(data_dir, tmp_path, capsys, data, code, field):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([_draft(**data)], ensure_ascii=False), encoding="utf-8")
    status, text = _run(capsys, "--lang", "en", "import", "monthly_report", str(path))
    assert status != 0 and _label(field) in text and "nothing imported" in text, text[:500]
    assert len(text) < 5000  # the 4.5M text is not echoed
    assert open_store(data_dir / "esep.sqlite3").count_records() == 0


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "1e999"])
def test_cli_json_import_refuses_non_finite_numbers(data_dir, tmp_path, capsys, literal):
    path = tmp_path / "in.json"
    text = json.dumps([_draft(volunteer_hours=12345.5)]).replace("12345.5", literal)
    path.write_text(text, encoding="utf-8")
    status, out = _run(capsys, "--lang", "en", "import", "monthly_report", str(path))
    assert status != 0 and _label("volunteer_hours") in out and "nothing imported" in out, out
    assert open_store(data_dir / "esep.sqlite3").count_records() == 0


def test_cli_json_import_of_absurd_nesting_says_so(data_dir, tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    status, out = _run(capsys, "import", "monthly_report", str(path))
    assert status != 0 and "deep.json" in out and "Traceback" not in out, out[:500]


@pytest.mark.parametrize("column, value, said", [
    ("volunteers_total", str(10**40), "volunteers_total"),
    ("volunteers_total", "-7", "volunteers_total"),
    ("typical_events_text", HUGE_TEXT, "строку 2"),  # the CSV reader's own field limit
], ids=["1e40", "negative", "4.5M-text"])
def test_cli_csv_import_refuses_it(data_dir, tmp_path, capsys, column, value, said):
    store = open_store(data_dir / "esep.sqlite3", user="u")
    store.save_record(monthly_report("SHY-ABAY", "2024-01"), user="u")
    store.close()
    out = tmp_path / "all.csv"
    assert main(["export", "monthly_report", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    rows[1][rows[0].index(column)] = value
    with (tmp_path / "bad.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    status, text = _run(capsys, "import", "monthly_report", str(tmp_path / "bad.csv"))
    assert status != 0 and said in text and len(text) < 5000, text[:500]
    store = open_store(data_dir / "esep.sqlite3")
    try:
        (rec,) = store.list_records()
        assert rec["data"].get(column) != value  # the stored record is untouched
    finally:
        store.close()
