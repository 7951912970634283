"""A form the centre publishes reaches the running app: after a sync, File -> New report
opens the new version with its new required field, without a restart; an old draft still
opens with its own version; a version for a newer engine is not used and the Sync page
says why."""
from __future__ import annotations

import pytest

from forms import ENGINE_VERSION

pytestmark = pytest.mark.timeout(180)

V2 = """\
id = "monthly_report"
version = 2
extends = 1
REQUIRES

[[add_fields]]
after = "volunteers_total"
id = "volunteers_new"
type = "integer"
required = true
min = 0
label = { ru = "Новые волонтёры за месяц", kk = "Айдағы жаңа волонтерлер", en = "New volunteers this month" }
"""


@pytest.fixture
def server(tmp_path):
    from server_fixtures import run_server, seed_world
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    seed_world(srv.db_url)
    yield srv
    srv.stop()
    from forms.published import EMPTY, set_default
    set_default(EMPTY)  # the next test starts with the shipped forms only


def _window(qtbot, core_ctx, server):
    from test_e2e_sync import connect_first_run
    from test_form_editor import _WINDOW

    from desktop.main_window import MainWindow
    connect_first_run(qtbot, core_ctx, server.url)
    core_ctx.settings_set("sync_mode", "manual")
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    window.show()
    _WINDOW.append(window)
    return window


def _publish(server, text: str) -> None:
    from server_fixtures import api_session
    answer = api_session(server.url, "a1").put(
        server.url + "/api/v1/forms/monthly_report",
        json={"definition": text, "file": "monthly_report.v2.toml"}, timeout=30)
    assert answer.status_code == 200, answer.text


def _new_report(window):
    page = window.show_page("monthly_report")
    window.main_menu.new_action.trigger()  # File -> New
    assert page.editor is not None
    return page, page.editor


def test_after_a_sync_new_report_shows_the_published_field(qtbot, core_ctx, server):
    from test_e2e_sync import sync

    window = _window(qtbot, core_ctx, server)
    page, editor = _new_report(window)
    assert "volunteers_new" not in editor.inputs and editor.record["form_version"] == 1
    editor.period_edit.setText("2024-01")
    assert editor.save_draft() is not None
    old_id = editor.record["id"]
    assert page.close_editor()
    _publish(server, V2.replace("REQUIRES", ""))
    summary = sync(qtbot, window)
    assert "forms_held" not in summary and window.show_page("sync").forms_notice.isHidden()
    page, editor = _new_report(window)
    assert editor.record["form_version"] == 2
    assert "volunteers_new" in editor.inputs  # the new required field, no restart
    assert editor.form.field("volunteers_new").required
    assert page.close_editor()
    old = page.show_editor(core_ctx.store.get_record(old_id))
    assert old.form.version == 1 and "volunteers_new" not in old.inputs


def test_a_version_for_a_newer_engine_is_not_used_and_the_sync_page_says_why(
        qtbot, core_ctx, server):
    from test_e2e_sync import sync

    window = _window(qtbot, core_ctx, server)
    _publish(server, V2.replace("REQUIRES", f"requires_engine = {ENGINE_VERSION + 1}"))
    summary = sync(qtbot, window)
    assert summary["forms_held"][0]["version"] == 2
    notice = window.show_page("sync").forms_notice
    assert not notice.isHidden()
    assert "требует более новой версии программы" in notice.text(), notice.text()
    assert "Волонтёрство в цифрах" in notice.text()
    _page, editor = _new_report(window)
    assert editor.record["form_version"] == 1 and "volunteers_new" not in editor.inputs
