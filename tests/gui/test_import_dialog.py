"""File → Import in the app: the preview dialog on a messy corpus list (header repeats at
page breaks, a signature column), a mapping corrected with a drop-down and remembered for the
next file with the same header, Import committed into the real SQLite store, Cancel."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.import_dialog import ImportDialog

pytestmark = pytest.mark.timeout(120)
CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "intake"
MESSY = CORPUS / "fg_03_page_breaks.xlsx"


def expected(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


def open_dialog(qtbot, ctx, path, form_id="focus_group") -> ImportDialog:
    dialog = ImportDialog(ctx, form_id, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    return dialog


def choose(combo, field_id) -> None:
    combo.setCurrentIndex(combo.findData(field_id))
    combo.activated.emit(combo.currentIndex())


def test_preview_correct_mapping_and_import(qtbot, core_ctx):
    dialog = open_dialog(qtbot, core_ctx, MESSY)
    plan = dialog.plan
    assert plan.header_row == 3 and "3" in dialog.header_label.text()
    assert [s.row for s in plan.skipped] == [11, 20]          # the header at each page
    assert dialog.skipped_list.count() == 2
    assert "повтор заголовка" in dialog.skipped_list.item(0).text()
    assert len(plan.add) == 16 and dialog.add_view.model().rowCount() == 16
    assert any("Согласие" in dialog.problem_list.item(i).text()
               for i in range(dialog.problem_list.count()))
    phone = dialog.column_combo("Телефон")
    assert phone.currentData() == "phone"
    choose(phone, None)                                        # the phones are not imported
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.mapping[7] is None and all("phone" not in r for r in dialog.plan.add)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    [rec] = core_ctx.store.list_records(form="focus_group")
    want = [{k: v for k, v in p.items() if k != "phone"} for p in expected(MESSY.name)[
        "participants"]]
    got = [{k: v for k, v in p.items() if k != "no"} for p in rec["data"]["participants"]]
    assert got == want
    assert rec["data"]["date"] == "2023-09-14" and rec["period"] == "2023-09"
    assert rec["org_unit"] == "SHY-ABAY" and rec["status"] == "draft"


def test_mapping_remembered_for_next_file_with_same_header(qtbot, core_ctx, tmp_path):
    first = open_dialog(qtbot, core_ctx, MESSY)
    choose(first.column_combo("Телефон"), None)
    qtbot.waitUntil(lambda: first.task is None, timeout=20000)
    with qtbot.waitSignal(first.accepted, timeout=20000):
        first.import_button.click()
    wb = openpyxl.load_workbook(MESSY)                 # another list, the same header
    ws = wb.active
    ws.cell(4, 2).value = "Новая Участница Списка"
    other = tmp_path / "next_list.xlsx"
    wb.save(other)
    second = open_dialog(qtbot, core_ctx, other)
    assert second.plan.remembered and second.column_combo("Телефон").currentData() is None
    assert second.plan.add[0]["full_name"] == "Новая Участница Списка"
    assert all("phone" not in r for r in second.plan.add)
    assert second.mapping is not None and second.mapping[7] is None


def big_list(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["№", "Ф.И.О.", "Организация", "Категория участника"])
    for n in range(1, rows + 1):
        ws.append([n, f"Участник Номер {n}", "ОФ «Жастар»", "Представители НПО"])
    wb.save(path)
    return path


def test_cancel_during_import_leaves_nothing(qtbot, core_ctx, tmp_path):
    path = big_list(tmp_path / "big.xlsx", 20000)
    dialog = open_dialog(qtbot, core_ctx, path)
    assert len(dialog.plan.add) == 20000 and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.rejected, timeout=60000):
        dialog.import_button.click()
        assert dialog.progress.isVisible()
        dialog.cancel_button.click()
    assert core_ctx.store.list_records(form="focus_group") == []


@pytest.mark.parametrize("name", ["fg_23_cp1251_semicolon.csv", "fg_29_libre_merged.xls",
                                  "fg_28_word_kazakh_two_pages.docx", "sem_33_libre.xls"])
def test_every_list_format_imports_as_delivered(qtbot, core_ctx, name):
    want = expected(name)
    dialog = open_dialog(qtbot, core_ctx, CORPUS / name, want["form"])
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    [rec] = core_ctx.store.list_records(form=want["form"])
    roster = "participants" if want["form"] == "focus_group" else "attendees"
    got = [{k: v for k, v in p.items() if k != "no"} for p in rec["data"][roster]]
    assert got == [{k: v for k, v in p.items() if v is not None}
                   for p in want.get(roster) or want["participants"]]
    assert rec["data"].get("unregistered_attendees") == want["unregistered_attendees"]


def test_json_and_monthly_workbook_round_trip(qtbot, core_ctx, tmp_path):
    from desktop.context import AppContext
    from desktop.demo_data import DEMO_UNITS, DEMO_USER, seed_demo
    from desktop.export_actions import export_records, export_template
    saved = seed_demo(core_ctx.store, months=2)
    out = export_records(None, core_ctx, "monthly_report", {}, str(tmp_path / "all.json"),
                         quiet=True)
    book = export_template(None, core_ctx, "SHY-ABAY", "2024-01", str(tmp_path / "m.xlsx"),
                           quiet=True)
    from desktop.tasks import TaskRunner
    from store import open_store
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == "volunteers_total")
    ws.cell(row, 2).value = 999
    wb.save(book)
    dialog = open_dialog(qtbot, core_ctx, book, "monthly_report")
    assert dialog.plan.kind == "table" and not dialog.columns.isVisible()
    assert any(line.endswith("«Количество волонтёров»: 580 → 999") for line in dialog.plan.change)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    assert core_ctx.store.get_record(saved[0]["id"])["data"]["volunteers_total"] == 999
    other = open_store(tmp_path / "other.sqlite3")          # another computer's store
    other.upsert_org_units(DEMO_UNITS)
    ctx = AppContext(store=other, user=dict(DEMO_USER), lang="ru", tasks=TaskRunner())
    try:
        dialog = open_dialog(qtbot, ctx, out, "monthly_report")
        assert dialog.plan.kind == "json" and len(dialog.plan.add) == 2
        with qtbot.waitSignal(dialog.accepted, timeout=20000):
            dialog.import_button.click()
        got = {r["id"]: r["data"]["volunteers_total"] for r in other.list_records()}
        assert got == {saved[0]["id"]: 580, saved[1]["id"]: 584}
    finally:
        ctx.tasks.wait_all()
        other.close()


def test_file_menu_import_opens_the_preview_for_the_list_on_screen(qtbot, core_ctx):
    from desktop.import_dialog import open_import
    from desktop.main_window import MainWindow
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
    window.show_page("focus_group")
    menu = window.main_menu
    assert menu.import_action.text() == "Импорт…" and menu.import_action.isEnabled()
    assert menu.import_action in menu.file_menu.actions()
    assert menu.export_action.isEnabled()
    dialog = open_import(window, path=str(MESSY))
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.form.id == "focus_group" and dialog.isVisible()
    assert dialog.windowTitle().startswith("Импорт: ")
    assert dialog.tabs.tabText(0) == "Добавить: 16"
    dialog.cancel_button.click()                     # nothing running: closes, nothing saved
    assert not dialog.isVisible() and core_ctx.store.list_records(form="focus_group") == []


def test_one_value_for_the_whole_list(qtbot, core_ctx):
    """A list of names only: the category and the consent are chosen once for every row."""
    name = "fg_16_names_only.xlsx"
    dialog = open_dialog(qtbot, core_ctx, CORPUS / name)
    assert set(dialog.list_values.combos) == {"participant_category", "consent"}
    assert any("Категория" in dialog.problem_list.item(i).text()
               for i in range(dialog.problem_list.count()))
    choose(dialog.list_values.combos["participant_category"], "STUDENT")
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert {r.get("participant_category") for r in dialog.plan.add} == {"STUDENT"}
    assert not any("Категория" in dialog.problem_list.item(i).text()
                   for i in range(dialog.problem_list.count()))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    [rec] = core_ctx.store.list_records(form="focus_group")
    assert [(p["full_name"], p["participant_category"]) for p in rec["data"]["participants"]] \
        == [(p["full_name"], "STUDENT") for p in expected(name)["participants"]]


def test_a_regions_own_monthly_table_previews_each_new_report(qtbot, core_ctx, tmp_path):
    """A wide table (one row per district): each new report shows its district by name,
    its month, its status in words and its figures under the fields' labels; a field the
    table lacks is one finding for all the reports, not one per report."""
    from desktop.demo_data import DEMO_UNITS

    core_ctx.store.upsert_org_units(DEMO_UNITS)
    units = [u for u in core_ctx.store.org_units(kind="district", region="SHY")][:2]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Октябрь 2023"
    ws.append(["Волонтёрство в цифрах, г. Шымкент"])
    ws.append(["Район", "Количество волонтёров", "Женщины", "Мужчины"])
    for n, u in enumerate(units):
        ws.append([u["name_ru"], 100 + n, 60, 40 + n])
    ws.append(["Итого", 201, 120, 81])
    wb.save(tmp_path / "region.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "region.xlsx", "monthly_report")
    model = dialog.add_view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["Подразделение", "Период", "Статус", "Количество волонтёров"]
    cells = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert cells == [[units[0]["name_ru"], "октябрь 2023", "черновик", "100"],
                     [units[1]["name_ru"], "октябрь 2023", "черновик", "101"]]
    ages = [p for p in dialog.plan.problems if "Возрастной состав" in p["message"]]
    assert len(ages) == 1 and "в 2 отчётах (строки 3, 4)" in ages[0]["message"]


def test_a_districts_events_list_in_the_dialog(qtbot, core_ctx, tmp_path):
    from tests.test_list_import import events_march

    dialog = open_dialog(qtbot, core_ctx, events_march(tmp_path / "march.xlsx"), "event")
    plan = dialog.plan
    assert plan.header_row == 3 and [s.row for s in plan.skipped] == [6, 8]
    assert [r["title"] for r in plan.add] == [
        "Субботник в парке «Кен баба»", "Поздравление ветеранов", "Наурыз мейрамы"]
    assert {r["period"] for r in plan.add} == {"2024-03"}
    assert dialog.add_view.model().rowCount() == 3
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    missing = [t for t in texts if "нет столбца «Тип организатора»" in t]
    assert missing and all("--set" not in t and "после импорта" in t for t in missing), texts
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    recs = core_ctx.store.list_records(form="event")
    assert len(recs) == 3 and {r["status"] for r in recs} == {"draft"}


def typed_list(path: Path) -> Path:
    """A list as a clerk types it: a merged title row naming the region, a blank row, names
    with stray spaces, no category and no consent column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Список участников фокус-группы, Абайская область "
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["№", "ФИО ", "Организация", "Телефон"])
    ws.append([1, "Сейткали Айгерим Болатовна", "«Жастар» ҚБ", "+7 701 123 45 67"])
    ws.append([2, " Nurlanov Daniyar", "студ. совет", "87051112233"])
    wb.save(path)
    return path


def test_values_for_the_whole_list_are_shown_by_their_labels(qtbot, core_ctx, tmp_path):
    """A value the whole list takes (the region named in its title row) is shown as the form
    names it, not by its code («Регион: ABA» read as a typo to a clerk)."""
    dialog = open_dialog(qtbot, core_ctx, typed_list(tmp_path / "участники.xlsx"))
    assert dialog.plan.values.get("region") == "ABA"
    text = dialog.values_label.text()
    assert "Абай" in text and "ABA" not in text


def test_a_missing_column_points_at_the_drop_down_not_at_the_cli(qtbot, core_ctx, tmp_path):
    """The preview has a drop-down for the whole list; its findings said «(--set
    participant_category=...)», a command-line option the clerk has nowhere to type."""
    dialog = open_dialog(qtbot, core_ctx, typed_list(tmp_path / "участники.xlsx"))
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    missing = [t for t in texts if "нет столбца" in t]
    assert len(missing) == 2 and "participant_category" in dialog.list_values.combos
    assert all("--set" not in t and "для всего списка» или дополните" in t for t in missing), missing
    assert any("«Категория участника для всего списка»" in t for t in missing), missing


def answer(asked: list[str], reason: str) -> None:
    """Answer the next reason question with `reason` (an empty one cancels it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(30, act)
            return
        asked.append(box.labelText())
        box.setTextValue(reason)
        box.accept() if reason else box.reject()
    QTimer.singleShot(0, act)


def import_asking_why(qtbot, dialog, asked: list[str], why: str, untouched) -> None:
    """Import: the reason asked is refused first (`untouched()`: nothing imported), then
    given."""
    answer(asked, "")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and bool(asked), timeout=20000)
    assert untouched()
    assert "Почему меняются поданные показатели?" in asked[0]
    answer(asked, why)
    assert dialog.import_button.isEnabled(), dialog.status.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(asked) == 2 and dialog.task is None, timeout=20000)
    assert dialog.result() == dialog.DialogCode.Accepted, (dialog.status.text(), asked)


def test_a_workbook_correcting_a_submitted_report_asks_why(qtbot, core_ctx, tmp_path):
    """A monthly workbook that changes a submitted report is a correction: the app asks its
    reason (kept in the audit, shown to the district), none given imports nothing."""
    from desktop.demo_data import seed_demo
    from desktop.export_actions import export_template
    saved = seed_demo(core_ctx.store, months=1, submitted=1)[0]
    assert core_ctx.store.get_record(saved["id"])["status"] == "submitted"
    book = export_template(None, core_ctx, saved["org_unit"], saved["period"],
                           str(tmp_path / "m.xlsx"), quiet=True)
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    row = next(r for r in range(1, ws.max_row + 1)
               if ws.cell(r, 4).value == "registered_orgs_count")
    orgs = saved["data"]["registered_orgs_count"] + 1
    ws.cell(row, 2).value = orgs
    wb.save(book)
    asked: list[str] = []
    dialog = open_dialog(qtbot, core_ctx, book, "monthly_report")
    import_asking_why(qtbot, dialog, asked, "пересчитали по спискам волонтёров", lambda: (
        core_ctx.store.get_record(saved["id"])["data"]["registered_orgs_count"] != orgs))
    rec = core_ctx.store.get_record(saved["id"])
    assert rec["data"]["registered_orgs_count"] == orgs and rec["status"] == "submitted"
    reasons = {a.get("reason") for a in core_ctx.store.audit(saved["id"])}
    assert "пересчитали по спискам волонтёров" in reasons, reasons


def test_a_regions_table_correcting_a_submitted_month_asks_why(qtbot, core_ctx, tmp_path):
    """A region's own monthly table over a submitted month asks the same reason; the
    correction is a new revision with it, the other district's row a new draft."""
    from tests.wide_kit import FULL, october_table
    store = core_ctx.store                           # the demo's Shymkent districts
    rid = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                             "period": "2023-10", "data": FULL}, user="abay")["id"]
    store.submit_record(rid, user="abay")
    table = october_table(tmp_path / "Шымкент_октябрь.xlsx",
                          (357, 210, 147, "да", "без двух школ"), other="Әл-Фараби ауданы")
    dialog = open_dialog(qtbot, core_ctx, table, "monthly_report")
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any("импорт исправит его" in t for t in texts), texts
    asked: list[str] = []
    before = store.list_records(form="monthly_report")
    import_asking_why(qtbot, dialog, asked, "сверено с районом",
                      lambda: store.list_records(form="monthly_report") == before)
    assert "Абайский район, октябрь 2023" in asked[0] and "SHY-ABAY" not in asked[0]
    rec = store.get_record(rid)
    assert (rec["status"], rec["revision"], rec["data"]["gender"]) == (
        "submitted", 2, {"F": 210, "M": 147})
    assert store.revisions(rid)[-1]["reason"] == "сверено с районом"
    [other] = store.list_records(form="monthly_report", org_unit="SHY-ALFARABI")
    assert other["status"] == "draft"


@pytest.mark.parametrize("lang, said", [
    ("ru", ("[предупреждение] столбец «Телефон» (D) скрыт в файле, но прочитан: проверьте, "
            "что так и задумано")),
    ("kk", ("[ескерту] «Телефон» бағаны (D) файлда жасырылған, бірақ оқылды: солай "
            "көзделгенін тексеріңіз")),
    ("en", ("[warning] column «Телефон» (D) is hidden in the file but was read: check this "
            "is intended"))])
def test_a_hidden_column_is_said_once_in_the_preview(qtbot, core_ctx, tmp_path, lang, said):
    """The column named once, its letter beside it, in the person's language: not
    «column «Телефон»: column «Телефон» (D) …»."""
    from desktop.i18n import install_translators
    from tests.test_hidden_columns import attendance

    install_translators(lang)
    core_ctx.lang = lang
    dialog = open_dialog(qtbot, core_ctx, attendance(tmp_path / "hidden.xlsx"))
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert said in texts, texts
    assert len(dialog.plan.add) == 3 and all(r.get("phone") for r in dialog.plan.add)
