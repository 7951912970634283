"""File → Import… on the registry's page: a list of organizations made by hand as a district
keeps one (a merged title row, a blank row, «№ п/п», БИН and names in Russian and Kazakh with
stray spaces), previewed and imported through `esep registry import`'s engine in the real
dialog; imported again, it adds nothing; another spelling of an entry updates it."""
from __future__ import annotations

import openpyxl
import pytest
from import_helpers import items, opened, settled
from test_import_dialog import open_dialog

from desktop.import_dialog import ImportDialog, open_import
from desktop.registry_dialog import RegistryImportDialog, dialog_for

pytestmark = pytest.mark.timeout(120)

BIN_SHAPAGAT, BIN_ZHUBANOV = "050340001235", "120840017770"   # valid check digits
HEADER = ["№ п/п", " Наименование ", "Наименование на казахском языке", "БИН ", "ОПФ",
          "Регион"]
ROWS = [
    [1, " ОФ «Шапағат» ", "«Шапағат» қоғамдық қоры", BIN_SHAPAGAT, "ОФ", "г. Шымкент"],
    [2, "Общественное объединение  «Жубанов жылуы»", "«Жұбанов жылуы» қоғамдық бірлестігі",
     " " + BIN_ZHUBANOV, "ОО", "Шымкент "],
    [3, "Инициативная группа «Таза қала»", "«Таза қала» бастамашыл тобы", None, None,
     " Шымкент"],
]


def org_list(path, rows=ROWS) -> str:
    """A district's list as typed in Excel: a title over the table, then a blank row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "НКО"
    ws.append(["Перечень некоммерческих организаций г. Шымкент (на 01.12.2026)"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return str(path)


def open_registry(qtbot, ctx, path) -> RegistryImportDialog:
    assert dialog_for("organization", str(path)) is RegistryImportDialog
    dialog = RegistryImportDialog(ctx, "organization", str(path))
    return opened(qtbot, dialog)


def import_it(qtbot, dialog) -> None:
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()


@pytest.mark.parametrize(("lang", "add", "same"), [
    ("ru", "Добавить: 3", "уже есть в реестре"), ("kk", "Қосылады: 3", "тізілімде")])
def test_preview_import_and_import_again(qtbot, core_ctx, tmp_path, lang, add, same):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    path = org_list(tmp_path / "НКО Шымкент.xlsx")
    dialog = open_registry(qtbot, core_ctx, path)
    plan = dialog.plan
    assert plan.errors == [], plan.problems
    matched = {c.header: c.field for c in plan.columns}
    assert matched["Наименование"] == "name_ru" and matched["БИН"] == "bin"
    assert matched["Наименование на казахском языке"] == "name_kk"
    assert dialog.column_combo("Регион").currentData() == "region"
    assert dialog.columns.missing.isHidden()    # the status follows from the БИН, no column
    assert dialog.tabs.tabText(0) == add
    assert dialog.add_view.model().rowCount() == 3
    assert core_ctx.store.count_records(form="organization") == 0      # a preview only
    import_it(qtbot, dialog)
    saved = {r["data"]["name_ru"]: r for r in core_ctx.store.list_records(form="organization")}
    assert set(saved) == {"ОФ «Шапағат»", "Общественное объединение «Жубанов жылуы»",
                          "Инициативная группа «Таза қала»"}
    zhubanov = saved["Общественное объединение «Жубанов жылуы»"]["data"]
    assert zhubanov["bin"] == BIN_ZHUBANOV and zhubanov["region"] == "SHY"
    assert zhubanov["name_kk"] == "«Жұбанов жылуы» қоғамдық бірлестігі"
    assert zhubanov["org_type"] == "REGISTERED"
    assert saved["Инициативная группа «Таза қала»"]["data"]["org_type"] == "INITIATIVE_GROUP"
    assert {r["org_unit"] for r in saved.values()} == {"SHY"}
    again = open_registry(qtbot, core_ctx, path)
    assert again.plan.add == [] and again.plan.updates == [] and again.plan.errors == []
    assert again.plan.unchanged == [4, 5, 6]
    assert not again.import_button.isEnabled()
    skipped = items(again.skipped_list)
    assert len(skipped) == 3 and all(same in s for s in skipped), skipped
    assert again.tabs.tabText(0).endswith(": 0")
    assert core_ctx.store.count_records(form="organization") == 3


def test_another_spelling_updates_the_entry(qtbot, core_ctx, tmp_path):
    import_it(qtbot, open_registry(qtbot, core_ctx, org_list(tmp_path / "a.xlsx")))
    latin = [[1, "Zhubanov Zhyluy", None, BIN_ZHUBANOV, "ОО", "Шымкент"]]
    dialog = open_registry(qtbot, core_ctx, org_list(tmp_path / "b.xlsx", latin))
    assert dialog.plan.add == [] and dialog.plan.change == [4]
    assert dialog.tabs.tabText(1) == "Обновить: 1"
    [line] = items(dialog.change_list)
    assert line.startswith("Строка 4") and "Zhubanov Zhyluy" in line, line
    [found] = items(dialog.problem_list)
    assert "та же организация" in found and BIN_ZHUBANOV in found, found
    import_it(qtbot, dialog)
    [entry] = [r for r in core_ctx.store.list_records(form="organization")
               if r["data"].get("bin") == BIN_ZHUBANOV]
    assert entry["data"]["aliases"] == "Zhubanov Zhyluy"
    assert core_ctx.store.count_records(form="organization") == 3


def test_a_wrong_bin_blocks_the_import(qtbot, core_ctx, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = BIN_ZHUBANOV[:-1] + "1"                   # one digit mistyped
    dialog = open_registry(qtbot, core_ctx, org_list(tmp_path / "bad.xlsx", rows))
    assert len(dialog.plan.errors) == 1 and not dialog.import_button.isEnabled()
    texts = items(dialog.problem_list)
    assert any(t.startswith("[ошибка] Строка 5, столбец «БИН», значение") for t in texts), texts
    assert core_ctx.store.count_records(form="organization") == 0


def test_file_import_on_the_registry_page(qtbot, core_ctx, tmp_path):
    """File → Import… on the registry's page of the main window (a region coordinator) opens
    this preview, no longer the list import's refusal, and the imported entries show in the
    page's list; Esep's own JSON still goes to the list import, and so does a list on
    another page."""
    from desktop.main_window import MainWindow
    core_ctx.user = {"username": "coord", "role": "region", "region": "SHY"}
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
    page = window.show_page("organization")
    assert window.main_menu.import_action.isEnabled()
    path = org_list(tmp_path / "НКО.xlsx")
    assert dialog_for("organization", str(tmp_path / "orgs.json")) is ImportDialog
    dialog = open_import(window, path=path)
    assert isinstance(dialog, RegistryImportDialog) and dialog.isVisible()
    settled(qtbot, dialog)
    assert len(dialog.plan.add) == 3
    import_it(qtbot, dialog)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    window.show_page("focus_group")
    listed = open_import(window, path=path)
    assert type(listed) is ImportDialog
    qtbot.waitUntil(lambda: listed.task is None, timeout=20000)
    listed.reject()
    refused = open_dialog(qtbot, core_ctx, path, "organization")  # the list import itself
    said = refused.status.text()
    assert "Реестр организаций" in said and "пока не" not in said and "esep" not in said
