"""Exports from the app: the reports page's summary workbook and its completeness grid, the
data-quality findings, a record list (xlsx / csv / json) and the blank monthly workbook —
each opened again (openpyxl, csv, json) and its values checked."""
from __future__ import annotations

import csv
import json

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def seeded(core_ctx):
    seed_demo(core_ctx.store, months=6, submitted=3)
    core_ctx.user = dict(core_ctx.user, role="region")
    return core_ctx


def test_dashboard_export_to_excel(qtbot, seeded, tmp_path):
    from desktop.dashboard_page import DashboardPage
    page = DashboardPage(seeded)
    qtbot.addWidget(page)
    page.year.setValue(2024)
    page.include_drafts.setChecked(False)
    assert page.export_button.text() == "Экспорт в Excel"
    out = page.export_excel(str(tmp_path / "summary.xlsx"), quiet=True)
    wb = openpyxl.load_workbook(out, data_only=True)
    assert len(wb.sheetnames) >= 8
    cells = [c for row in wb.worksheets[0].iter_rows(values_only=True) for c in row
             if c is not None]
    assert any(isinstance(c, str) and "2024-01" in c for c in cells)
    volunteers = next(row for row in wb.worksheets[0].iter_rows(values_only=True)
                      if row[0] == "Волонтёров")
    assert volunteers[1] == page.figures["volunteers_total"] == 588   # the last submitted
    grid = page.export_grid(str(tmp_path / "grid.xlsx"), quiet=True)
    ws = openpyxl.load_workbook(grid).active
    rows = [r for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "Полнота и своевременность"
    header = list(rows[1])
    assert header[:3] == ["Подразделение", "Ожидалось", "Получено"]
    shown = [[page.timeliness.index(r, c).data() for c in range(3)]
             for r in range(page.timeliness.rowCount())]
    assert [[str(v) for v in r[:3]] for r in rows[2:]] == [[str(v) for v in r] for r in shown]


def test_quality_page_export_to_excel(qtbot, seeded, tmp_path):
    from desktop.quality_page import QualityPage
    page = QualityPage(seeded)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    assert page.proxy.rowCount() > 0
    out = page.export_excel(str(tmp_path / "quality.xlsx"), quiet=True)
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert list(rows[1]) == headers
    assert len(rows) - 2 == page.proxy.rowCount()
    first = [page.proxy.index(0, c).data() for c in range(page.proxy.columnCount())]
    assert [str(v) if v is not None else None for v in rows[2]] == \
        [str(v) if v not in (None, "") else None for v in first]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_record_list_export(qtbot, seeded, tmp_path, fmt):
    from desktop.record_list_page import RecordListPage
    page = RecordListPage(seeded, "monthly_report")
    qtbot.addWidget(page)
    page.period.setText("2024-02")
    page.apply_filters()
    out = page.export_list(str(tmp_path / f"list.{fmt}"), quiet=True)
    if fmt == "json":
        doc = json.loads(out.read_text(encoding="utf-8"))
        records = doc["records"] if isinstance(doc, dict) else doc
        assert [(r["org_unit"], r["period"]) for r in records] == [("SHY-ABAY", "2024-02")]
        assert records[0]["data"]["volunteers_total"] == 584
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
        assert [(r["org_unit"], r["period"], r["volunteers_total"]) for r in rows] == [
            ("SHY-ABAY", "2024-02", "584")]
    else:
        ws = openpyxl.load_workbook(out)["records"]
        keys = [c.value for c in ws[2]]
        values = dict(zip(keys, [c.value for c in ws[3]], strict=False))
        assert (values["period"], values["volunteers_total"]) == ("2024-02", 584)
        assert ws.max_row == 3


def test_blank_workbook_from_the_form_screen(qtbot, seeded, tmp_path):
    from desktop.record_list_page import RecordListPage
    page = RecordListPage(seeded, "monthly_report")
    qtbot.addWidget(page)
    page.new_record()
    editor = page.editor
    editor.period_edit.setText("2024-09")
    assert editor.template_button.text() == "Пустая книга Excel…"
    out = editor.export_template(str(tmp_path / "blank.xlsx"), quiet=True)
    wb = openpyxl.load_workbook(out)
    assert "_meta" in wb.sheetnames
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True) if r and r[0]}
    assert meta.get("org_unit") == "SHY-ABAY" and meta.get("period") == "2024-09"
