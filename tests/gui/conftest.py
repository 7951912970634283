"""Fixtures of the desktop core tests: a real SQLite store in tmp_path and an AppContext."""
from __future__ import annotations

import pytest

from desktop.demo_data import DEMO_UNITS, DEMO_USER


@pytest.fixture
def core_store(tmp_path):
    from store import open_store
    s = open_store(tmp_path / "esep.sqlite3")
    s.upsert_org_units(DEMO_UNITS)
    yield s
    s.close()


@pytest.fixture
def core_ctx(qapp, core_store):
    from desktop.context import AppContext
    from desktop.i18n import install_translators, remove_translators
    from desktop.tasks import TaskRunner
    install_translators("ru")
    ctx = AppContext(store=core_store, user=dict(DEMO_USER), lang="ru", tasks=TaskRunner(),
                     settings_get=core_store.get_setting, settings_set=core_store.set_setting)
    yield ctx
    ctx.tasks.cancel_all()
    ctx.tasks.wait_all(10000)
    qapp.processEvents()  # deliver finished tasks' results while the store is still open
    remove_translators()


@pytest.fixture(autouse=True)
def _no_translators_left(qapp):
    """Language switches in one test must not leak into the next one."""
    yield
    from desktop.i18n import remove_translators
    remove_translators()


@pytest.fixture(autouse=True)
def _no_question_left_open(qapp):
    """A safety net: a modal question nobody answers within ~2 s (a failed test, a window
    closed with unsaved edits at teardown) is cancelled instead of hanging the run."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    seen: set[int] = set()

    def sweep() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and id(box) in seen:
            box.reject()
        seen.clear()
        if isinstance(box, QMessageBox):
            seen.add(id(box))
    timer = QTimer(interval=1000)
    timer.timeout.connect(sweep)
    timer.start()
    yield
    timer.stop()
