"""Issue 13 point 6: after every sync the lists refresh; a notice says that records came back
and opens them; the return comment is a banner with its author and date."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


def submitted_report(ctx, period: str) -> str:
    from desktop.demo_data import monthly_data
    rec = ctx.store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                                 "period": period, "data": monthly_data(100, complete=True)},
                                user="aigerim", role="district")
    ctx.store.submit_record(rec["id"], user="aigerim", role="district")
    return rec["id"]


def status_cells(page) -> list[str]:
    return [page.model.index(r, 2).data(Qt.ItemDataRole.DisplayRole)
            for r in range(page.model.rowCount())]


def test_sync_refreshes_the_list_and_a_notice_opens_the_returned(qtbot, core_ctx):
    rid = submitted_report(core_ctx, "2025-02")
    submitted_report(core_ctx, "2025-01")
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    assert status_cells(page) == ["подан", "подан"] and not page.returned_button.isVisible()
    # what a sync brings: the region returned one report (written as the pull writes it)
    core_ctx.store.set_review(rid, "returned", user="r.akhmetova", role="region",
                              comment="Проверьте число волонтёров: 100 при 640 в прошлом месяце")
    core_ctx.signals.sig_sync_finished.emit({"pulled": 1})
    assert status_cells(page) == ["возвращён", "подан"]            # the list is not stale
    assert page.returned_button.isVisible()
    assert page.returned_button.text() == "1 отчёт возвращён на доработку — открыть"
    page.returned_button.click()                                   # «открыть»
    assert page.editor is not None and page.editor.record["id"] == rid
    banner = page.editor.return_banner
    assert banner.isVisible()
    assert "r.akhmetova" in banner.head.text()
    stamp = core_ctx.store.get_record(rid)["updated_at"]           # the day in words, local
    local = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=dt.UTC).astimezone()
    said = banner.head.text()
    assert f"{local.day} " in said and f"{local.year}, {local:%H:%M}" in said, said
    assert stamp[:10] not in said, said
    assert banner.text.text().startswith("Проверьте число волонтёров")
    page.editor.close_editor()
    assert not page.returned_button.isVisible()                    # seen: the notice goes


def test_a_submitted_record_has_no_return_banner(qtbot, core_ctx):
    rid = submitted_report(core_ctx, "2025-02")
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    assert page.open_record(rid)
    assert not page.editor.return_banner.isVisible()
