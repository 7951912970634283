"""Monthly-report workbook: pre-filled, protected, drop-downs, labels in the chosen language;
import back shows a diff against the stored report before committing."""
from __future__ import annotations

import openpyxl
import pytest

from reports.io import ImportFailed, import_file
from reports.template import write_template
from store import open_store

DATA = {"volunteers_total": 604, "gender": {"F": 330, "M": 274},
        "age": {"U14": 4, "A14_17": 100, "A18_28": 300, "A29_35": 100, "A36_50": 50,
                "A51_60": 30, "O60": 20},
        "occupation": {"SCHOOL": 100, "STUDENT": 200, "EMPLOYED": 200, "UNEMPLOYED": 50,
                       "PENSIONER": 20, "OTHER": 34},
        "registered_orgs_count": 5, "initiative_groups_count": 17, "events_total": 12,
        "volunteer_hours": 1500, "volunteer_positions": 90, "rfo_support_provided": "YES",
        "rfo_support_types": ["INFO"]}


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="aigerim")
    s.upsert_org_units([{"id": "SHY", "kind": "region", "region": "SHY",
                         "name_ru": "г. Шымкент", "name_kk": "Шымкент қ.",
                         "name_en": "Shymkent"}])
    s.save_record({"form": "monthly_report", "org_unit": "SHY", "period": "2023-05",
                   "data": DATA}, user="aigerim")
    yield s
    s.close()


def _cells(path):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    keys = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value}
    return wb, ws, keys


def test_template_prefilled_protected_with_dropdowns(store, tmp_path):
    path = write_template(store, "SHY", "2023-06", tmp_path / "t.xlsx", lang="kk")
    wb, ws, keys = _cells(path)
    assert ws.protection.sheet
    assert "Шымкент қ." in ws["B1"].value and ws["C1"].value == "2023 ж. маусым"
    assert ws.cell(keys["volunteers_total"], 3).value == 604          # last month, reference
    assert ws.cell(keys["volunteers_total"], 2).value is None
    assert not ws.cell(keys["volunteers_total"], 2).protection.locked
    assert ws.cell(keys["volunteers_total"], 1).protection.locked
    assert "Волонтерлер саны" in ws.cell(keys["volunteers_total"], 1).value   # Kazakh label
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and any("_lists" in dv.formula1 for dv in lists)
    assert wb["_meta"].sheet_state == "hidden"


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", "ноябрь 2024"), ("kk", "2024 ж. қараша"), ("en", "November 2024")])
def test_title_rows_month_is_in_words_and_reads_back_without_the_hidden_sheet(
        store, tmp_path, lang, said):
    """The title row says the month as the clerk reads it, not «2024-11»; a copy of the
    sheet into a new workbook (no hidden _meta) still imports into that month."""
    path = write_template(store, "SHY", "2024-11", tmp_path / "t.xlsx", lang=lang)
    wb, ws, keys = _cells(path)
    assert ws["C1"].value == said
    ws.cell(keys["volunteers_total"], 2).value = "12 человек"
    del wb["_meta"]
    wb.save(tmp_path / "copy.xlsx")
    result = import_file(store, "monthly_report", tmp_path / "copy.xlsx", user="aigerim",
                         dry_run=True, lang=lang)
    [rec] = result.records
    assert (rec["org_unit"], rec["period"]) == ("SHY", "2024-11")
    assert rec["data"]["volunteers_total"] == 12


def test_fill_import_back_with_diff_then_commit(store, tmp_path):
    path = write_template(store, "SHY", "2023-05", tmp_path / "t.xlsx")
    wb, ws, keys = _cells(path)
    assert ws.cell(keys["volunteers_total"], 2).value == 604          # pre-filled from store
    assert ws.cell(keys["rfo_support_provided"], 2).value == "Да"
    ws.cell(keys["volunteers_total"], 2).value = 700
    ws.cell(keys["gender.F"], 2).value = 426
    ws.cell(keys["volunteer_hours"], 2).value = "1 650,5"
    ws.cell(keys["rfo_support_types.COORD"], 2).value = "да"
    wb.save(path)
    res = import_file(store, "monthly_report", path, user="aigerim", dry_run=True)
    changed = {d["field"]: (d["old"], d["new"]) for d in res.diff}
    assert changed["volunteers_total"] == (604, 700)
    assert changed["gender"][1]["F"] == 426
    assert changed["volunteer_hours"] == (1500, 1650.5)
    assert changed["rfo_support_types"] == (["INFO"], ["INFO", "COORD"])
    assert set(changed) == {"volunteers_total", "gender", "volunteer_hours", "rfo_support_types"}
    assert any(p["code"].startswith("VR-03") for p in res.problems)   # age no longer sums
    stored = store.list_records(form="monthly_report", period="2023-05")[0]
    assert stored["data"]["volunteers_total"] == 604                   # dry run wrote nothing
    res = import_file(store, "monthly_report", path, user="aigerim")
    assert res.committed
    stored = store.list_records(form="monthly_report", period="2023-05")[0]
    assert stored["data"]["volunteers_total"] == 700 and stored["revision"] == 1
    assert {a["field"] for a in store.audit(stored["id"])} >= {"volunteers_total", "gender"}


def test_new_period_creates_report_and_bad_cells_block(store, tmp_path):
    path = write_template(store, "SHY", "2023-06", tmp_path / "t.xlsx", lang="en")
    wb, ws, keys = _cells(path)
    for key, value in {"volunteers_total": 610, "gender.F": 336, "gender.M": 274,
                       "rfo_support_provided": "Yes"}.items():
        ws.cell(keys[key], 2).value = value
    ws.cell(keys["volunteer_positions"], 2).value = "many"
    wb.save(path)
    with pytest.raises(ImportFailed) as exc:
        import_file(store, "monthly_report", path, user="aigerim")
    assert exc.value.code == "import_invalid"
    assert f"row {keys['volunteer_positions']}, column «Value»: «many» в поле «Количество " \
        "волонтёрских позиций (вакансий)»: не число; ожидается целое число (например, 12)" \
        in str(exc.value)
    assert store.count_records(form="monthly_report") == 1             # nothing written
    ws.cell(keys["volunteer_positions"], 2).value = 95
    wb.save(path)
    res = import_file(store, "monthly_report", path, user="aigerim")
    rec = store.list_records(form="monthly_report", period="2023-06")[0]
    assert res.committed and rec["data"]["volunteers_total"] == 610
    assert rec["data"]["rfo_support_provided"] == "YES"


def test_not_a_template(store, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["x"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ImportFailed) as exc:
        import_file(store, "monthly_report", tmp_path / "x.xlsx", user="a")
    assert exc.value.code == "not_template"


def test_front_office_zero_words_and_units_read_as_the_region_table_reads_them(store, tmp_path):
    """«нет» / «—» typed where a figure is asked are 0 and «120 чел.» is 120, as in a
    region's own table (reports.figure_words.figure, one reader for both); «много» is
    still refused."""
    path = write_template(store, "SHY", "2023-07", tmp_path / "t.xlsx")
    wb, ws, keys = _cells(path)
    for key, value in {"volunteers_total": "120 чел.", "gender.F": " 70 ", "gender.M": "50",
                       "initiative_groups_count": "нет", "registered_orgs_count": "—",
                       "volunteer_hours": "40 сағ"}.items():
        ws.cell(keys[key], 2).value = value
    wb.save(path)
    res = import_file(store, "monthly_report", path, user="aigerim")
    data = store.list_records(form="monthly_report", period="2023-07")[0]["data"]
    assert res.committed and data["volunteers_total"] == 120 and data["gender"] == {
        "F": 70, "M": 50}
    assert data["initiative_groups_count"] == 0 and data["registered_orgs_count"] == 0
    assert data["volunteer_hours"] == 40
    ws.cell(keys["volunteer_positions"], 2).value = "много"
    wb.save(path)
    with pytest.raises(ImportFailed, match="«много»"):
        import_file(store, "monthly_report", path, user="aigerim")


def test_cli_preview_of_a_new_report_names_no_id_it_will_not_keep(store, tmp_path):
    """The dry run's record is not saved: its label says «новая запись», and the id the
    import then prints is the saved record's."""
    from cli.records_tabular import record_label

    path = write_template(store, "SHY", "2023-08", tmp_path / "t.xlsx")
    wb, ws, keys = _cells(path)
    ws.cell(keys["volunteers_total"], 2).value = 10
    wb.save(path)
    preview = import_file(store, "monthly_report", path, user="aigerim", dry_run=True)
    assert record_label(preview.records[0]).endswith("(новая запись)")
    assert record_label(preview.records[0], "kk").endswith("(жаңа жазба)")
    done = import_file(store, "monthly_report", path, user="aigerim")
    saved = store.list_records(form="monthly_report", period="2023-08")[0]
    assert record_label(done.records[0]).endswith(f"(id {saved['id']})")
