"""The Sync page's «Rejected by the server» list against a real server on 127.0.0.1, in
Russian: a region's coordinator typed two reports under the neighbouring region's district
(AST-ESIL) before her first sync and submitted one of them offline, so its editor is
read-only; the server refuses both. «Перенести в другое подразделение…» offers only her
region's units (forms/scope.py); a unit whose month is taken is refused in the dialog, which
stays open with nothing changed; the next unit is taken. «Отменить изменение…» asks first;
cancelled, nothing changes; confirmed, the draft the server never had is removed here. The
next sync is accepted and the server holds the submitted report under its new unit."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from test_review_sync import monthly, sync, world

from desktop.i18n import install_translators

__all__ = ["world"]  # fixture
pytestmark = pytest.mark.timeout(180)


def when_modal(kind, act) -> None:
    """Run act(widget) once a modal `kind` is shown (the page's exec() is waiting)."""
    widget = QApplication.activeModalWidget()
    if not isinstance(widget, kind):
        QTimer.singleShot(30, lambda: when_modal(kind, act))
        return
    act(widget)


def _server_rows(srv) -> list[tuple]:
    with sqlite3.connect(srv.db_url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT id, org_unit, period, status FROM records "
                          "ORDER BY period").fetchall()


def _select(page, record_id: str) -> None:
    row = next(i for i in range(page.parked.rowCount())
               if page.parked.row_dict(i)["record_id"] == record_id)
    page.parked_view.setCurrentIndex(page.parked.index(row, 0))


def _coordinator(world):
    from server_fixtures import PASSWORD, create_user
    srv, device = world
    create_user(srv.db_url, "r1", PASSWORD, "region", "SHY", None)
    ctx = device("r1", "r1")
    ctx.lang = "ru"
    install_translators("ru")
    abay = ctx.store.save_record(monthly("SHY-ABAY", "2024-04", n=12), user="r1")
    april = ctx.store.save_record(monthly("AST-ESIL", "2024-04", n=14), user="r1")
    ctx.store.submit_record(april["id"], user="r1", justification="сверено с журналом")
    may = ctx.store.save_record(monthly("AST-ESIL", "2024-05", n=9), user="r1")
    return srv, ctx, abay, april, may


def test_a_refused_submitted_record_is_moved_and_a_draft_dropped(qtbot, world):
    from desktop.refused_box import MoveDialog
    from desktop.sync_page import SyncPage
    srv, ctx, abay, april, may = _coordinator(world)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert (page.parked_box.move_button.text(), page.parked_box.drop_button.text()) == (
        "Перенести в другое подразделение…", "Отменить изменение…")
    summary = sync(qtbot, page)
    assert (summary["pushed"], summary["rejected"]) == (1, 2), summary
    assert {page.parked.row_dict(i)["record_id"] for i in range(page.parked.rowCount())} == {
        april["id"], may["id"]}

    # move April: the picker offers her region's units only; SHY-ABAY has its April already
    _select(page, april["id"])
    seen: dict = {}

    def move(dialog: MoveDialog) -> None:
        seen["units"] = [dialog.units.itemData(i) for i in range(dialog.units.count())]
        seen["title"] = dialog.windowTitle()
        before = ctx.store.get_record(april["id"])
        dialog.units.setCurrentIndex(seen["units"].index("SHY-ABAY"))
        dialog.ok.click()
        seen["error"], seen["kept"] = dialog.error.text(), ctx.store.get_record(april["id"])
        seen["same"] = seen["kept"] == before and dialog.isVisible()
        seen["fits"] = dialog.error.height() >= dialog.error.heightForWidth(
            dialog.error.width())  # the refusal's wrapped lines all shown
        dialog.units.setCurrentIndex(seen["units"].index("SHY-ENB"))
        dialog.ok.click()
    QTimer.singleShot(0, lambda: when_modal(MoveDialog, move))
    assert page.parked_box.move_selected()
    assert "AST-ESIL" not in seen["units"] and {"SHY-ABAY", "SHY-ENB"} <= set(seen["units"])
    assert seen["title"] == "Перенести в другое подразделение"
    assert seen["error"].startswith(
        "Ежемесячный отчёт этого подразделения за этот период уже есть"), seen["error"]
    assert seen["same"] and seen["fits"]
    moved = ctx.store.get_record(april["id"])
    assert (moved["org_unit"], moved["status"]) == ("SHY-ENB", "submitted")
    assert [page.parked.row_dict(i)["record_id"] for i in range(page.parked.rowCount())] == [
        may["id"]]

    # drop May: asked first; cancelled, nothing changes; confirmed, removed here
    _select(page, may["id"])
    questions: list[str] = []

    def answer(button: str):
        def act(box: QMessageBox) -> None:
            questions.append(box.text())
            if button == "drop":
                next(b for b in box.buttons() if b.objectName() == "drop").click()
            else:
                box.button(QMessageBox.StandardButton.Cancel).click()
        return act
    QTimer.singleShot(0, lambda: when_modal(QMessageBox, answer("cancel")))
    assert not page.parked_box.drop_selected()
    assert ctx.store.get_record(may["id"])["deleted"] is False
    QTimer.singleShot(0, lambda: when_modal(QMessageBox, answer("drop")))
    assert page.parked_box.drop_selected()
    assert questions[0] == questions[1] and questions[0].startswith(
        "Сервер никогда не получал"), questions
    assert ctx.store.get_record(may["id"])["deleted"] is True
    assert page.parked.rowCount() == 0

    summary = sync(qtbot, page)
    assert (summary["pushed"], summary["rejected"]) == (1, 0), summary
    assert sorted(_server_rows(srv)) == sorted([(abay["id"], "SHY-ABAY", "2024-04", "draft"),
                                                (april["id"], "SHY-ENB", "2024-04", "submitted")])
