"""Sync page against a real server on 127.0.0.1 (push, conflicts resolved in the dialog,
rejections parked and resent, history, reminder, automatic mode) and the conflicts dialog on
a conflict made by the store's own pull path."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.review_models import USER_ROLE

pytestmark = pytest.mark.timeout(180)


def monthly(org_unit: str, period: str, n: int = 10, **extra) -> dict:
    data = {"volunteers_total": n, "gender": {"F": n - n // 2, "M": n // 2},
            "age": {"A18_28": n}, "occupation": {"STUDENT": n}, "registered_orgs_count": 2,
            "initiative_groups_count": 3, "events_total": 0, "volunteer_hours": 5 * n,
            "volunteer_positions": n, "rfo_support_provided": "NOT_NEEDED", **extra}
    return {"form": "monthly_report", "form_version": 1, "org_unit": org_unit,
            "period": period, "data": data}


def make_ctx(store, user: dict) -> AppContext:
    settings: dict = {"sync_mode": "manual"}
    return AppContext(store=store, user=user, lang="en",
                      settings_get=lambda k, d=None: settings.get(k, d),
                      settings_set=settings.__setitem__)


@pytest.fixture
def world(tmp_path):
    from server_fixtures import DISTRICTS, PASSWORD, create_user, import_orgunits, run_server

    from sync.transport import SyncClient
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    import_orgunits(srv.db_url, DISTRICTS)
    create_user(srv.db_url, "d1", PASSWORD, "district", None, "SHY-ABAY")
    contexts = []

    def device(name: str, username: str = "d1"):
        from store import open_store
        store = open_store(tmp_path / name / "esep.sqlite3", user=username)
        client = SyncClient(srv.url)
        me = client.login(username, PASSWORD)["user"]
        client.close()
        store.set_setting("sync.server", srv.url)
        store.set_setting("sync.user", username)
        ctx = make_ctx(store, {**me, "token": client.token})
        contexts.append(ctx)
        return ctx
    yield srv, device
    from PySide6.QtWidgets import QApplication
    for ctx in contexts:
        ctx.tasks.cancel_all()
        ctx.tasks.wait_all(20000)
    QApplication.processEvents()  # finished tasks' results arrive while the stores are open
    for ctx in contexts:
        ctx.store.close()
    srv.stop()


def sync(qtbot, page) -> dict:
    with qtbot.waitSignal(page.ctx.signals.sig_sync_finished, timeout=60000) as blocker:
        assert page.sync_now()
    return blocker.args[0]


def test_sync_page_pushes_resolves_a_conflict_and_resends_a_rejection(qtbot, qtmodeltester,
                                                                     world):
    from desktop.conflicts_dialog import ConflictsDialog
    from desktop.sync_page import SyncPage
    from store import sync_state
    _srv, device = world
    a, b = device("a"), device("b")
    a.store.save_record(monthly("SHY-ABAY", "2024-03", n=10), user="d1")
    page_a = SyncPage(a)
    qtbot.addWidget(page_a)
    assert page_a.mode.currentIndex() == 1 and page_a.watch_task is None   # manual
    summary = sync(qtbot, page_a)
    assert summary["pushed"] == 1 and summary["conflicts"] == 0
    assert page_a.sync_button.isEnabled() and not page_a.cancel_button.isEnabled()
    assert "1 sent" in page_a.bar_text.text()
    qtmodeltester.check(page_a.history)
    assert page_a.history.row_dict(0)["outcome"] == "ok"

    # the same district-month made on a second device -> a visible conflict there
    b.store.save_record(monthly("SHY-ABAY", "2024-03", n=20), user="d1")
    page_b = SyncPage(b)
    qtbot.addWidget(page_b)
    assert sync(qtbot, page_b)["conflicts"] == 1
    assert page_b.conflicts.rowCount() == 1
    row = page_b.conflicts.row_dict(0)
    dialog = ConflictsDialog(b, row["record_id"], page_b)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    labels = [model.rows[i]["label"] for i in range(model.rowCount())]
    assert "Number of volunteers" in labels and any("›" in x for x in labels), labels
    model.set_all("theirs")
    hours = [r["path"] for r in model.rows].index(("volunteer_hours",))
    assert model.setData(model.index(hours, 3), "edit")
    assert model.setData(model.index(hours, 4), "77")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert sync_state.conflicts(b.store) == []
    after = sync(qtbot, page_b)
    assert after["conflicts"] == 0 and after["pushed"] == 1, after
    pulled = sync(qtbot, page_a)
    assert pulled["pulled"] == 1, (pulled, b.store.list_records(), a.store.list_records())
    kept = a.store.list_records(form="monthly_report")[0]["data"]
    assert kept["volunteer_hours"] == 77 and kept["volunteers_total"] == 10

    # a record outside the user's scope is rejected, parked with the reason, and resendable
    wrong = a.store.save_record(monthly("AST-ESIL", "2024-03"), user="d1")
    assert sync(qtbot, page_a)["rejected"] == 1
    qtmodeltester.check(page_a.parked)
    assert page_a.parked.rowCount() == 1
    parked = page_a.parked.row_dict(0)
    assert parked["record_id"] == wrong["id"] and parked["reasons"]
    assert "Your role does not allow" in parked["reasons"] and "March 2024" in parked["what"]
    page_a.parked_view.setCurrentIndex(page_a.parked.index(0, 0))
    opened = []
    a.signals.sig_open_record.connect(opened.append)
    page_a.open_parked()
    assert opened == [wrong["id"]]
    assert page_a.resend_parked()
    assert sync_state.outbox_count(a.store) == 1 and page_a.parked.rowCount() == 0


def test_reminder_offline_state_and_automatic_mode(qtbot, world, tmp_path):
    from desktop.sync_page import SyncPage, days_since_sync
    _srv, device = world
    a = device("a")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=9)).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    a.store.db.execute("INSERT INTO sync_log(started_at, finished_at, outcome, summary) "
                       "VALUES (?, ?, 'ok', ?)", [old, old, json.dumps({"pushed": 0})])
    a.store.db.conn.commit()
    assert days_since_sync(a.store) == 9
    page = SyncPage(a)
    qtbot.addWidget(page)
    assert not page.reminder.isHidden() and "9" in page.reminder.text()
    a.store.save_record(monthly("SHY-ABAY", "2024-04"), user="d1")
    with qtbot.waitSignal(a.signals.sig_sync_finished, timeout=60000) as blocker:
        page.mode.setCurrentIndex(0)                 # automatic: the watch syncs by itself
    assert a.settings_get("sync_mode") == "automatic"
    assert blocker.args[0]["pushed"] == 1
    assert page.reminder.isHidden() and page.online is True
    page.mode.setCurrentIndex(1)
    assert page.watch_task is None

    a.store.set_setting("sync.server", "http://127.0.0.1:9")   # nobody listens there
    page.refresh()
    with qtbot.waitSignal(a.signals.sig_sync_finished, timeout=60000) as blocker:
        page.sync_now()
    assert "error" in blocker.args[0]
    assert page.online is False and "does not answer" in page.state.text()
    assert "failed" in page.history.row_dict(0)["outcome_text"]


def test_conflicts_dialog_merges_field_by_field(qtbot, qtmodeltester, tmp_path):
    """A conflict made by the store's own pull path (a pulled change for a record with
    local edits), resolved per field: counts per code, roster rows by №, edits typed."""
    from desktop.conflicts_dialog import ConflictsDialog
    from store import open_store, sync_state
    store = open_store(tmp_path / "esep.sqlite3")
    dev = [{"no": 1, "dev_event_type": "TRAINING", "dev_events_count": 2,
            "dev_participants": 40, "dev_hours": 6}]
    mine = store.save_record(monthly("SHY-ABAY", "2024-05", n=10, dev_events=dev), user="d1")
    theirs = json.loads(json.dumps(mine))
    theirs["data"].update(volunteers_total=12, gender={"F": 7, "M": 5}, volunteer_hours=80,
                          dev_events=dev + [{"no": 2, "dev_event_type": "AWARD",
                                             "dev_events_count": 1, "dev_participants": 9,
                                             "dev_hours": 2}])
    sync_state.apply_pulled(store, [{"change_seq": 1, "id": mine["id"], "form": mine["form"],
                                     "version": 3, "record": theirs}], 1)
    ctx = make_ctx(store, {"username": "d1", "role": "district", "district": "SHY-ABAY"})
    dialog = ConflictsDialog(ctx, mine["id"])
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    paths = [r["path"] for r in model.rows]
    assert ("volunteers_total",) in paths and ("gender", "F") in paths
    assert ("dev_events", 2) in paths and ("gender", "M") not in paths  # M equal: not shown
    assert "10" in dialog.intro.text() or str(model.rowCount()) in dialog.intro.text()
    roster_row = paths.index(("dev_events", 2))
    assert not model.setData(model.index(roster_row, 3), "edit")   # rows: mine or theirs
    assert model.setData(model.index(roster_row, 3), "theirs")
    hours = paths.index(("volunteer_hours",))
    assert model.setData(model.index(hours, 3), "edit")
    assert model.flags(model.index(hours, 4)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(hours, 4), "75,5")
    assert model.index(hours, 4).data() == "75,5"
    merged = dialog.merged_record()
    assert merged["data"]["volunteer_hours"] == 75.5
    assert merged["data"]["volunteers_total"] == 10 and merged["data"]["gender"]["F"] == 5
    assert [r["no"] for r in merged["data"]["dev_events"]] == [1, 2]
    with qtbot.waitSignal(ctx.signals.sig_records_changed, timeout=5000):
        dialog.save()
    saved = store.get_record(mine["id"])
    assert saved["data"]["volunteer_hours"] == 75.5 and saved["version"] == 3
    ops = sync_state.pending_ops(store)
    assert [(o["id"], o["base_version"]) for o in ops] == [(mine["id"], 3)]
    assert sync_state.conflicts(store) == []
    index = model.index(0, 3)
    assert index.data(Qt.ItemDataRole.EditRole) in ("mine", "theirs", "edit")
    assert index.data(USER_ROLE) is None
    store.close()


def test_conflict_with_a_server_tombstone_can_keep_my_copy(qtbot, tmp_path):
    from desktop.conflicts_dialog import ConflictsDialog
    from store import open_store, sync_state
    store = open_store(tmp_path / "esep.sqlite3")
    mine = store.save_record(monthly("SHY-ABAY", "2024-06", n=8), user="d1")
    gone = {**json.loads(json.dumps(mine)), "deleted": True}
    sync_state.apply_pulled(store, [{"change_seq": 4, "id": mine["id"], "form": mine["form"],
                                     "version": 2, "deleted": True, "record": gone}], 4)
    ctx = make_ctx(store, {"username": "d1", "role": "district", "district": "SHY-ABAY"})
    dialog = ConflictsDialog(ctx, mine["id"])
    qtbot.addWidget(dialog)
    assert [(r["label"], r["theirs_text"]) for r in dialog.model.rows] == [("Deleted", "✓")]
    assert not dialog.model.setData(dialog.model.index(0, 3), "edit")
    assert dialog.merged_record()["deleted"] is False            # "mine" is the default
    dialog.model.set_all("theirs")
    assert dialog.merged_record()["deleted"] is True
    dialog.model.set_all("mine")
    dialog.save()
    kept = store.get_record(mine["id"])
    assert kept is not None and not kept["deleted"] and kept["version"] == 2
    assert sync_state.pending_ops(store)[0]["op"] == "upsert"
    store.close()


def test_sync_on_a_slow_line_keeps_the_window_live_and_can_be_cancelled(qtbot, world):
    from faultproxy import FaultProxy
    from PySide6.QtCore import QTimer

    from desktop.sync_page import SyncPage
    srv, device = world
    a = device("a")
    proxy = FaultProxy("127.0.0.1", int(srv.url.rsplit(":", 1)[1]), delay=0.25).start()
    try:
        a.store.set_setting("sync.server", proxy.url)
        for month in range(1, 6):
            a.store.save_record(monthly("SHY-ABAY", f"2023-{month:02d}"), user="d1")
        page = SyncPage(a)
        qtbot.addWidget(page)
        ticks = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(20)
        with qtbot.waitSignal(a.signals.sig_sync_finished, timeout=60000) as blocker:
            assert page.sync_now()
            assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
            qtbot.wait(150)
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        timer.stop()
        assert blocker.args[0]["code"] == "sync_cancelled"
        assert len(ticks) >= 20            # the event loop kept running during the sync
        assert page.history.row_dict(0)["outcome"] == "cancelled"
        assert "kept" in page.bar_text.text()
        proxy.delay = 0.0
        assert sync(qtbot, page)["pushed"] == 5
    finally:
        proxy.stop()


def test_a_mistyped_edit_is_named_in_the_users_language(qtbot, tmp_path, monkeypatch):
    """«7 5» typed as the resolved volunteers count: the box said Python's «invalid literal
    for int() with base 10: '7 5'»-like text; now the field and what to type, in Kazakh."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.conflicts_dialog import ConflictsDialog
    from desktop.i18n import install_translators
    from store import open_store, sync_state
    install_translators("kk")
    store = open_store(tmp_path / "esep.sqlite3")
    mine = store.save_record(monthly("SHY-ABAY", "2024-05", n=10), user="d1")
    theirs = json.loads(json.dumps(mine))
    theirs["data"].update(volunteers_total=12)
    sync_state.apply_pulled(store, [{"change_seq": 1, "id": mine["id"], "form": mine["form"],
                                     "version": 3, "record": theirs}], 1)
    ctx = make_ctx(store, {"username": "d1", "role": "district", "district": "SHY-ABAY"})
    ctx.lang = "kk"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog = ConflictsDialog(ctx, mine["id"])
    qtbot.addWidget(dialog)
    model = dialog.model
    row = [r["path"] for r in model.rows].index(("volunteers_total",))
    assert model.setData(model.index(row, 3), "edit")
    assert model.setData(model.index(row, 4), "1o")
    dialog.save()
    [text] = warned
    assert "«1o» — бүтін сан емес" in text and model.rows[row]["label"] in text, text
    assert sync_state.conflicts(store)               # nothing resolved
    store.close()
