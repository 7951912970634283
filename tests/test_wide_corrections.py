"""A region's own monthly table over a month already submitted (reports/wide_records.py): the
rows that change a submitted report are a correction with a reason, as a monthly workbook is
(reports/template_read.py); without a reason nothing is imported and the refusal names the
districts and months; an approved report stays closed. Real CLI, real SQLite store."""
from __future__ import annotations

import json
from pathlib import Path

from reports.quality_review import review_store
from store import open_store
from tests.test_wide_import import run, stored
from tests.wide_kit import FULL, add_units, october_table

ABAY_OCT = ("TUR-ABAY", "2023-10")
WHY = "уточнено по спискам волонтёров района"


def seed_full(data_dir, tmp_path, status: str) -> dict:
    """A complete report of Abay for October 2023 in `status`, as a district submitted it."""
    add_units(run, data_dir)
    rec = {"id": "00000000-0000-4000-8000-000000000001", "form": "monthly_report",
           "org_unit": "TUR-ABAY", "period": "2023-10", "data": FULL, "status": status}
    path = tmp_path / "seed.json"
    path.write_text(json.dumps([rec], ensure_ascii=False), encoding="utf-8")
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    return stored(data_dir)


SAME = (357, 204, 153, "да", None)                 # what Abay submitted
CHANGED = (357, 210, 147, "Не требовалась", "без двух школ")


def test_a_submitted_month_needs_a_reason_and_nothing_changes(data_dir, tmp_path, capsys):
    before = seed_full(data_dir, tmp_path, "submitted")
    path = october_table(tmp_path / "Туркестан_октябрь.xlsx", CHANGED)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path)) == 1
    err = capsys.readouterr().err
    assert "Туркестан_октябрь.xlsx: таблица меняет уже поданные отчёты (1): " \
           "Абайский район (TUR-ABAY), 2023-10." in err, err
    assert "--reason" in err and "ничего не импортировано" in err
    assert stored(data_dir) == before                    # not even the new district's draft
    assert run(data_dir, "--lang", "en", "import", "monthly_report", str(path)) == 1
    assert "the table changes 1 already submitted report: Abay district (TUR-ABAY), " \
           "2023-10" in capsys.readouterr().err
    assert stored(data_dir) == before


def test_with_a_reason_the_row_is_a_correction_the_review_names(data_dir, tmp_path, capsys):
    before = seed_full(data_dir, tmp_path, "submitted")
    path = october_table(tmp_path / "m.xlsx", CHANGED)
    assert run(data_dir, "import", "monthly_report", str(path), "--dry-run") == 0
    assert "TUR-ABAY, 2023-10: отчёт уже в статусе «submitted»; импорт исправит его" \
        in capsys.readouterr().err
    assert stored(data_dir) == before
    assert run(data_dir, "import", "monthly_report", str(path), "--reason", WHY) == 0
    after = stored(data_dir)
    rec = after[ABAY_OCT]
    assert rec["data"] == {**FULL, "gender": {"F": 210, "M": 147},
                           "rfo_support_provided": "NOT_NEEDED", "coverage_note": "без двух школ"}
    assert rec["status"] == "submitted"
    assert rec["revision"] == before[ABAY_OCT]["revision"] + 1
    assert after[("TUR-SAR", "2023-10")]["status"] == "draft"       # a new district: a draft
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        last = s.revisions(rec["id"])[-1]
        assert (last["revision"], last["reason"], last["data"]) == (rec["revision"], WHY,
                                                                    rec["data"])
        found = [f for f in review_store(s, spec="2023-10", lang="ru") if f["rule"] == "VR-13"]
    finally:
        s.close()
    assert [f["record_id"] for f in found] == [rec["id"]], found
    assert "«Пол волонтёров: Женщины»: 204 → 210; «Помощь РФО оказывалась»: Да → Не " \
           "требовалась; «Примечание о полноте данных (не вошедшие источники)»: — → " \
           "«без двух школ» (всего изменено значений: 4)" in found[0]["message"], found
    assert WHY in found[0]["message"]


def test_an_unchanged_submitted_row_needs_no_reason(data_dir, tmp_path, capsys):
    before = seed_full(data_dir, tmp_path, "submitted")
    path = october_table(tmp_path / "m.xlsx", SAME)
    assert run(data_dir, "import", "monthly_report", str(path)) == 0
    after = stored(data_dir)
    assert after[ABAY_OCT] == before[ABAY_OCT]
    assert after[("TUR-SAR", "2023-10")]["data"] == {
        "volunteers_total": 80, "gender": {"F": 50, "M": 30}, "rfo_support_provided": "NO"}
    assert "импорт исправит" not in capsys.readouterr().err


def test_an_approved_report_stays_closed_even_with_a_reason(data_dir, tmp_path, capsys):
    before = seed_full(data_dir, tmp_path, "approved")
    path = october_table(tmp_path / "m.xlsx", CHANGED)
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path), "--reason", WHY) == 1
    err = capsys.readouterr().err
    assert "TUR-ABAY, 2023-10: отчёт уже в статусе «approved» и закрыт" in err, err
    assert stored(data_dir) == before


def test_a_correction_the_checks_block_is_an_error_of_its_row(data_dir, tmp_path, capsys):
    """A correction is checked as a submission is: an error finding of the corrected row
    (the genders no longer add up) blocks the import, said with its row."""
    before = seed_full(data_dir, tmp_path, "submitted")
    path = october_table(tmp_path / "m.xlsx", (420, 240, 100, "да", None))
    capsys.readouterr()
    assert run(data_dir, "import", "monthly_report", str(path), "--reason", WHY) == 1
    err = capsys.readouterr().err
    assert "строка 5: TUR-ABAY 2023-10: VR-" in err, err
    assert stored(data_dir) == before
