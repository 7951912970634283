"""File → Import of a district's own events list: the preview shows each column of the file
with a drop-down of the form's fields, as it does for an attendance list; a column the reader
cannot name («Наим. мероприятия (кратко)») is given its field by hand, the preview is read
again with that mapping (the one `esep import --map` passes) and the drafts carry it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_helpers import choose_field, opened
from PySide6.QtCore import Qt

from desktop.import_dialog import ImportDialog

pytestmark = pytest.mark.timeout(120)
UNGUESSED = "Наим. мероприятия (кратко)"
TITLES = ["Субботник в парке «Кен баба»", "Поздравление ветеранов", "Наурыз мейрамы"]


def clerks_list(path: Path) -> Path:
    """As a clerk types it: a merged title, a blank row, a «№» column, a short name column
    the reader cannot guess, stray spaces, a range of days, a totals row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Мероприятия МРЦ Абайского района, март 2024 г."
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["№", "Дата проведения", UNGUESSED + " ", "Направление", "Формат",
               "Кол-во волонтёров"])
    ws.append([1, dt.datetime(2024, 3, 2), TITLES[0], "Экологическое", "офлайн", 25])
    ws.append([2, "08.03.2024", " Поздравление  ветеранов",
               "Социальное волонтёрство для пожилых", " Офлайн ", "12 чел."])
    ws.append([3, "20-22.03.2024", TITLES[2], "Событийное", "офлайн", 108])
    ws.append([None, None, "Итого", None, None, 145])
    wb.save(path)
    return path


def open_dialog(qtbot, ctx, path) -> ImportDialog:
    return opened(qtbot, ImportDialog(ctx, "event", str(path)))


def preview_cells(dialog, heading: str) -> list:
    """The texts the preview's rows show under `heading` ([] when no column has it)."""
    model = dialog.add_view.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    if heading not in heads:
        return []
    col = heads.index(heading)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def preview_titles(dialog) -> list:
    return preview_cells(dialog, "Название мероприятия")


def test_a_column_the_reader_cannot_name_is_given_its_field_by_hand(qtbot, core_ctx,
                                                                      tmp_path):
    from cli.records_tabular import parse_mapping
    dialog = open_dialog(qtbot, core_ctx, clerks_list(tmp_path / "март.xlsx"))
    assert dialog.columns.isVisible() and dialog.plan.header_row == 3
    headers = [c.header for c in dialog.plan.columns]
    assert headers == ["Дата проведения", UNGUESSED, "Направление", "Формат",
                       "Кол-во волонтёров"]                  # «№» is the list's numbering
    name = dialog.column_combo(UNGUESSED)
    assert name.currentData() is None and name.currentText() == "— не импортировать —"
    items = [name.itemText(i) for i in range(name.count())]
    assert "Название мероприятия" in items and "Дата начала" in items
    assert dialog.column_combo("Дата проведения").currentData() == "date_start"
    assert dialog.columns.missing.isVisible()
    missing = dialog.columns.missing.text()
    assert missing.startswith("Обязательные поля, которых нет ни в одном столбце: ")
    assert "«Название мероприятия»" in missing and "«Дата начала»" not in missing
    assert all("title" not in r for r in dialog.plan.add) and preview_titles(dialog) == []
    choose_field(qtbot, dialog, name, "title")
    assert dialog.mapping == parse_mapping([f"{UNGUESSED}=title"])    # the CLI's --map
    assert [r["title"] for r in dialog.plan.add] == TITLES
    assert preview_titles(dialog) == TITLES
    assert preview_cells(dialog, "Основное направление волонтёрства")[0] == \
        "Экологическое волонтёрство"                                  # not its code, ECO
    assert "Период: март 2024" in dialog.values_label.text()          # from the title row
    assert dialog.column_combo(UNGUESSED).currentData() == "title"
    assert "Название мероприятия" not in dialog.columns.missing.text()
    assert "«Тип организатора»" in dialog.columns.missing.text()      # still in no column
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert not any("«Название мероприятия»" in t for t in texts), texts
    assert dialog.import_button.isEnabled(), dialog.status.text()
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    recs = sorted(core_ctx.store.list_records(form="event"),
                  key=lambda r: r["data"]["date_start"])
    assert [r["data"]["title"] for r in recs] == TITLES
    assert {r["status"] for r in recs} == {"draft"}
    assert [r["data"]["volunteers_count"] for r in recs] == [25, 12, 108]


def test_a_guessed_column_set_to_not_imported_leaves_its_field_out(qtbot, core_ctx,
                                                                     tmp_path):
    dialog = open_dialog(qtbot, core_ctx, clerks_list(tmp_path / "март.xlsx"))
    choose_field(qtbot, dialog, dialog.column_combo(UNGUESSED), "title")
    assert all(r.get("formats") for r in dialog.plan.add)
    choose_field(qtbot, dialog, dialog.column_combo("Формат"), None)
    assert dialog.mapping == {UNGUESSED: "title", "Формат": None}     # both choices kept
    assert all("formats" not in r for r in dialog.plan.add)
    assert [r["title"] for r in dialog.plan.add] == TITLES
    assert "«Формат (офлайн / онлайн / авто)»" in dialog.columns.missing.text()


def test_a_header_the_list_repeats_is_named_by_its_number(qtbot, core_ctx, tmp_path):
    """Two columns headed «Дата»: the key by header would name the first one only."""
    from desktop.import_columns import map_key
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Дата", "Дата", "Наименование мероприятия", "Кол-во волонтёров"])
    ws.append([1, "02.03.2024", "03.03.2024", TITLES[0], 25])
    wb.save(tmp_path / "две даты.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "две даты.xlsx")
    second = dialog.plan.columns[1]
    assert second.header == "Дата" and map_key(second, dialog.plan.columns) == 3
    combo = dialog.columns.table.cellWidget(1, 1)
    choose_field(qtbot, dialog, combo, "date_end")
    assert dialog.mapping == {3: "date_end"}
    assert dialog.plan.add[0]["date_end"] == "2024-03-03"
    assert dialog.plan.add[0]["date_start"] == "2024-03-02"


def test_the_kazakh_preview_fits_a_1024_px_screen(qtbot, core_ctx, tmp_path):
    """The fields' Kazakh labels are long («Волонтерліктің негізгі бағыты», «Қатысушылар
    тізімі немесе фотоесеп қоса берілген»): the dialog at 1024 × 700 stays that wide."""
    from desktop.i18n import install_translators
    install_translators("kk")
    core_ctx.lang = "kk"
    dialog = open_dialog(qtbot, core_ctx, clerks_list(tmp_path / "март.xlsx"))
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    name = dialog.column_combo(UNGUESSED)
    assert name.currentText() == "— импорттамау —"
    assert "Іс-шараның атауы" in [name.itemText(i) for i in range(name.count())]
    assert dialog.columns.missing.text().startswith("Ешбір бағанда жоқ міндетті өрістер: ")
    assert "«Іс-шараның атауы»" in dialog.columns.missing.text()
    choose_field(qtbot, dialog, name, "title")
    dialog.resize(1024, 700)                     # a netbook's screen, the dialog at its full
    qtbot.wait(10)
    assert dialog.width() <= 1024 and dialog.minimumSizeHint().width() <= 1024
    assert dialog.minimumSizeHint().height() <= 700
    table = dialog.columns.table
    assert table.horizontalScrollBar().maximum() == 0              # no sideways scrolling
    for row in range(table.rowCount()):
        assert table.cellWidget(row, 1).width() <= table.viewport().width()
    assert [r["title"] for r in dialog.plan.add] == TITLES
