"""File → Import of a district's own events list, twice: a column the reader cannot name
(«Наим. мероприятия (кратко)») given its field with the preview's drop-down is remembered on
this device, and the next list with the same header (another month, its title row and its
cells typed otherwise, stray spaces and capitals in the header) gets it without choosing,
the preview saying it came from the last import; the person can choose again, and that choice
is what the next list gets. A list whose header differs is not matched."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_helpers import choose_field, opened

from desktop.import_dialog import ImportDialog

pytestmark = pytest.mark.timeout(120)
SHORT = "Наим. мероприятия (кратко)"
MARCH = ["Субботник в парке «Кен баба»", "Поздравление ветеранов"]
APRIL = ["Акция «Чистый двор»", "Уроки для детей в школе №12"]


def clerks_list(path: Path, title: str, header: list, rows: list) -> Path:
    """As a clerk types it: a merged title, a blank row, then the header and the rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = title
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def march(tmp_path: Path) -> Path:
    return clerks_list(tmp_path / "март.xlsx", "Мероприятия МРЦ Абайского района, март 2024 г.",
                       ["№", "Дата проведения", SHORT + " ", "Направление", "Кол-во волонтёров"],
                       [[1, dt.datetime(2024, 3, 2), MARCH[0], "Экологическое", 25],
                        [2, "08.03.2024", MARCH[1], "Социальное волонтёрство для пожилых", "12 чел."]])


def april(tmp_path: Path, name: str = "апрель.xlsx", extra: str | None = None) -> Path:
    """Another month typed by another hand: the header's spaces and capitals differ (or,
    with `extra`, it has one more column)."""
    header = ["№ ", " дата  проведения", "НАИМ.  мероприятия (кратко)", "Направление",
              "Кол-во  волонтёров", *([extra] if extra else [])]
    return clerks_list(tmp_path / name, "План-отчёт за апрель 2024 года", header,
                       [[1, "06.04.2024", APRIL[0], "Экологическое", 40],
                        [2, dt.datetime(2024, 4, 18), APRIL[1], "Событийное", 7]])


def open_dialog(qtbot, ctx, path) -> ImportDialog:
    return opened(qtbot, ImportDialog(ctx, "event", str(path)))


def import_it(qtbot, dialog) -> None:
    assert dialog.import_button.isEnabled(), [p["message"] for p in dialog.plan.errors]
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()


def titles(store) -> list:
    return sorted(r["data"].get("title") or "" for r in store.list_records(form="event"))


def test_a_corrected_column_is_preselected_for_the_next_list_with_that_header(
        qtbot, core_ctx, tmp_path):
    first = open_dialog(qtbot, core_ctx, march(tmp_path))
    assert first.column_combo(SHORT).currentData() is None and not first.plan.remembered
    choose_field(qtbot, first, first.column_combo(SHORT), "title")
    import_it(qtbot, first)
    assert titles(core_ctx.store) == sorted(MARCH)

    second = open_dialog(qtbot, core_ctx, april(tmp_path))
    combo = second.column_combo("НАИМ. мероприятия (кратко)")
    assert second.plan.remembered and combo.currentData() == "title"     # not chosen here
    assert combo.currentText() == "Название мероприятия"
    assert "как выбраны при прошлом импорте" in second.header_label.text()
    assert "прошлом импорте списка с таким же заголовком" in combo.toolTip()
    assert second.column_combo("Направление").toolTip() == ""           # read, not chosen
    assert [r["title"] for r in second.plan.add] == APRIL
    import_it(qtbot, second)
    assert titles(core_ctx.store) == sorted(MARCH + APRIL)

    third = open_dialog(qtbot, core_ctx, april(tmp_path, "другой.xlsx", extra="Место"))
    assert not third.plan.remembered
    assert third.column_combo("НАИМ. мероприятия (кратко)").currentData() is None
    assert "прошлом импорте" not in third.header_label.text()
    assert all("title" not in r for r in third.plan.add)


def test_the_remembered_choice_can_be_changed_and_the_change_is_remembered(
        qtbot, core_ctx, tmp_path):
    first = open_dialog(qtbot, core_ctx, march(tmp_path))
    choose_field(qtbot, first, first.column_combo(SHORT), "title")
    import_it(qtbot, first)

    second = open_dialog(qtbot, core_ctx, april(tmp_path))
    short = "НАИМ. мероприятия (кратко)"
    assert second.column_combo(short).currentData() == "title"
    choose_field(qtbot, second, second.column_combo(short), "description")   # chosen again
    assert second.column_combo(short).currentData() == "description"
    assert not second.plan.remembered
    assert [r["description"] for r in second.plan.add] == APRIL
    assert all("title" not in r for r in second.plan.add)
    import_it(qtbot, second)

    again = open_dialog(qtbot, core_ctx, april(tmp_path, "апрель снова.xlsx"))
    assert again.plan.remembered
    assert again.column_combo(short).currentData() == "description"
