"""The import preview says what a file brings in the person's words: a filled-in monthly
workbook is one new report (its district, its month, its status, its figures under the
fields' labels) or the changes of the stored one, each named by its district, month and
label — never the fields' ids or a breakdown's codes; a list's month named in its title is
said in words too."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from PySide6.QtCore import Qt
from test_import_dialog import open_dialog

pytestmark = pytest.mark.timeout(120)


def filled_workbook(ctx, path: Path, figures: dict) -> Path:
    """The monthly workbook as the app writes it, then filled in by hand: a figure typed
    with its unit («22 адам»), as clerks do."""
    from desktop.export_actions import export_template
    book = export_template(None, ctx, "SHY-ABAY", "2024-11", str(path), quiet=True)
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 4).value in figures:
            ws.cell(r, 2).value = figures[ws.cell(r, 4).value]
    wb.save(book)
    return Path(book)


def headers_and_cells(view) -> tuple[list, list]:
    model = view.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    return heads, cells


def test_a_new_months_workbook_previews_as_one_report_in_kazakh(qtbot, core_ctx, tmp_path):
    from desktop.i18n import switch_language
    switch_language(core_ctx, "kk")
    book = filled_workbook(core_ctx, tmp_path / "қараша.xlsx",
                           {"volunteers_total": 30, "gender.F": "22 адам", "gender.M": 8})
    dialog = open_dialog(qtbot, core_ctx, book, "monthly_report")
    heads, cells = headers_and_cells(dialog.add_view)
    assert heads[:3] == ["Бөлімше", "Кезең", "Мәртебесі"], heads
    assert "Волонтерлер саны" in heads and "Волонтерлердің жынысы: Әйелдер" in heads, heads
    assert "F" not in heads and "volunteers_total" not in heads
    [row] = cells
    assert row[1:3] == ["2024 ж. қараша", "жоба"] and row[0], row
    assert row[heads.index("Волонтерлердің жынысы: Әйелдер")] == "22"
    assert dialog.plan.change == []
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    [rec] = core_ctx.store.list_records(form="monthly_report")
    assert rec["data"]["gender"] == {"F": 22, "M": 8}


def test_a_workbook_over_a_stored_month_lists_its_changes_by_label(qtbot, core_ctx, tmp_path):
    store = core_ctx.store
    store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-11",
                       "data": {"volunteers_total": 25}}, user="abay")
    book = filled_workbook(core_ctx, tmp_path / "ноябрь.xlsx", {"volunteers_total": "30 человек"})
    dialog = open_dialog(qtbot, core_ctx, book, "monthly_report")
    assert dialog.plan.add == []
    name = next(u["name_ru"] for u in store.org_units() if u["id"] == "SHY-ABAY")
    assert f"{name}, ноябрь 2024 — «Количество волонтёров»: 25 → 30" in dialog.plan.change
    assert not any("volunteers_total" in line for line in dialog.plan.change), dialog.plan.change


def events_list(path: Path) -> Path:
    """A district's events list with the month in its merged title row, stray spaces."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "  Абай ауданы бойынша іс-шаралар тізімі, 2024 ж. қараша  "
    ws.merge_cells("A1:D1")
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(["№", " Іс-шараның атауы ", "Басталған күні", "Волонтерлер саны "])
    ws.append([1, " Саябақты тазалау сенбілігі", "09.11.2024", "22 адам"])
    ws.append([2, "Қан тапсыру акциясы", "23.11.2024", 8])
    wb.save(path)
    return path


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", "Период: ноябрь 2024"), ("kk", "Кезең: 2024 ж. қараша"),
    ("en", "Period: November 2024")])
def test_a_lists_month_from_its_title_is_said_in_words(qtbot, core_ctx, tmp_path, lang, said):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    dialog = open_dialog(qtbot, core_ctx, events_list(tmp_path / "events.xlsx"), "event")
    assert dialog.plan.values.get("period") == "2024-11"
    assert said in dialog.values_label.text(), dialog.values_label.text()
    assert "2024-11" not in dialog.values_label.text()


@pytest.mark.parametrize(("lang", "said", "month"), [
    ("ru", "Абайский район, ноябрь 2024: ", "октябрь 2024"),
    ("en", "Abay district, November 2024: ", "October 2024")])
def test_a_regions_table_names_each_report_by_district_and_month(qtbot, core_ctx, tmp_path,
                                                                  lang, said, month):
    """A finding about one row's report names it as the person knows it, not «SHY-ABAY
    2024-11», and the month it compares with in words."""
    from desktop.i18n import switch_language
    from tests.wide_kit import FULL
    switch_language(core_ctx, lang)
    core_ctx.store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                                "period": "2024-10", "data": dict(FULL)}, user="abay")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ноябрь 2024"
    ws["A1"] = "Волонтёрство в цифрах за ноябрь 2024 г., г. Шымкент"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Район", "Количество волонтёров", "Женщины", "Мужчины"])
    ws.append(["  Абайский район ", "360", "22 человека", 338])
    ws.append(["Итого", 360, 22, 338])
    wb.save(tmp_path / "ноябрь.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "ноябрь.xlsx", "monthly_report")
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any(said in t and month in t for t in texts), texts
    assert not any("SHY-ABAY" in t or "2024-1" in t for t in texts), texts


@pytest.mark.parametrize(("lang", "unit", "month"), [
    ("ru", "Абайский район", "октябрь 2023"), ("kk", "Абай ауданы", "2023 ж. қазан")])
def test_the_reason_asked_for_a_correction_names_the_district_and_month_in_words(
        qtbot, core_ctx, tmp_path, monkeypatch, lang, unit, month):
    """A region's table over a submitted month asks why; the question names the report as
    the person knows it, not «Абайский район (SHY-ABAY), 2023-10»."""
    from PySide6.QtWidgets import QInputDialog

    from desktop.i18n import switch_language
    from tests.wide_kit import FULL, october_table
    switch_language(core_ctx, lang)
    store = core_ctx.store
    rec = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                             "period": "2023-10", "data": dict(FULL)}, user="abay")
    store.submit_record(rec["id"], user="abay")
    path = october_table(tmp_path / "октябрь.xlsx", (357, 210, 147, "да", None),
                         other="Әл-Фараби ауданы")
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda _p, _t, label, *a, **k: (asked.append(label), ("", False))[1])
    dialog = open_dialog(qtbot, core_ctx, path, "monthly_report")
    assert dialog.import_button.isEnabled(), dialog.status.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(asked) and dialog.task is None, timeout=20000)
    assert f"{unit}, {month}" in asked[0], asked
    assert "SHY-ABAY" not in asked[0] and "2023-10" not in asked[0], asked
    assert store.get_record(rec["id"])["data"]["gender"] == FULL["gender"]


def test_an_ambiguous_direction_that_blocks_the_import_is_an_error_shown_first(
        qtbot, core_ctx, tmp_path):
    """«Әлеуметтік» fits many directions: the list is not imported, so the findings' tab
    says an error (not «Ескертулер: 7», the warnings), shows it first and says what to
    type in the cell."""
    from desktop.i18n import switch_language
    switch_language(core_ctx, "kk")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Іс-шараның атауы ", "Басталған күні", "Волонтерліктің негізгі бағыты",
               "Волонтерлер саны"])
    ws.append([1, "Саябақты тазалау", "09.11.2024", " Экологиялық", "22 адам"])
    ws.append([2, "Қан тапсыру", "23.11.2024", "Әлеуметтік", 8])
    wb.save(tmp_path / "іс-шаралар.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "іс-шаралар.xlsx", "event")
    assert not dialog.import_button.isEnabled()
    tab = dialog.tabs.tabText(dialog.tabs.indexOf(dialog.problem_list))
    assert tab.startswith("Қателер: 1, ескертулер: "), tab
    assert dialog.tabs.currentWidget() is dialog.problem_list
    first = dialog.problem_list.item(0).text()
    assert first.startswith("[қате] 3-жол") and "«Әлеуметтік»" in first, first
    assert first.endswith("біреуін осында жазылғандай жазыңыз"), first
