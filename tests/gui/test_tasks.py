"""TaskRunner: results, progress and errors arrive on the GUI thread; cancel is cooperative."""
from __future__ import annotations

import threading
import time

import pytest

from desktop.tasks import TaskRunner

pytestmark = pytest.mark.timeout(60)


def test_result_and_progress_arrive_on_gui_thread(qtbot):
    runner = TaskRunner()
    seen = []

    def work(n, *, progress, cancelled):
        seen.append(("worker", threading.current_thread() is threading.main_thread()))
        for i in range(n):
            progress(i + 1, n, f"step {i + 1}")
        return n * 2

    progress_calls = []
    runner.start(work, 3, on_progress=lambda *a: progress_calls.append(
        (a, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: len(progress_calls) == 3, timeout=5000)
    assert seen == [("worker", False)]
    assert [a for a, _ in progress_calls] == [(1, 3, "step 1"), (2, 3, "step 2"),
                                              (3, 3, "step 3")]
    assert all(main for _, main in progress_calls)
    done = []
    handle = runner.start(work, 5, on_done=lambda r: done.append(
        (r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [(10, True)] and handle.result == 10


def test_error_reaches_on_error(qtbot):
    runner = TaskRunner()
    errors = []

    def fail(*, progress, cancelled):
        raise ValueError("row 3: field 'x' is not a number")

    runner.start(fail, on_error=errors.append, on_done=lambda r: errors.append("done?!"))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and "row 3" in str(errors[0])
    assert "Traceback" in errors[0].traceback_text


def test_cancel_is_cooperative(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def long_work(*, progress, cancelled):
        started.set()
        for i in range(500):
            if cancelled():
                return f"stopped at {i}"
            time.sleep(0.01)
        return "finished"

    results = []
    handle = runner.start(long_work, on_done=results.append)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0].startswith("stopped at")
    assert runner.wait_all(5000)
    # the handle is forgotten when its queued `finished` signal reaches the GUI thread
    qtbot.waitUntil(lambda: runner.active_count() == 0, timeout=5000)
