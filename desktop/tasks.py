"""The one place the GUI starts threads.

``TaskRunner.start(fn, *args, on_done=, on_error=, on_progress=)`` runs ``fn`` on a
``QThreadPool`` worker. ``fn`` receives two keyword arguments: ``progress(done, total, text)``
and ``cancelled() -> bool``. Results, errors and progress come back through Qt signals and
therefore run on the GUI thread; workers never touch widgets. ``TaskHandle.cancel()`` is
cooperative: it only makes ``cancelled()`` return True.
"""
from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _TaskSignals(QObject):
    sig_progressed = Signal(int, int, str)
    sig_succeeded = Signal(object)
    sig_failed = Signal(object)
    sig_finished = Signal()


class TaskHandle(QObject):
    """Handle of a started task: cancel it, ask whether it is done, wait for it in tests."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.signals = _TaskSignals()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker returned (the GUI callbacks may still be queued)."""
        return self._done.wait(timeout)


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable, args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle, self._fn, self._args, self._kwargs = handle, fn, args, kwargs

    def run(self) -> None:  # worker thread: never touch widgets here
        h = self._handle
        try:
            result = self._fn(*self._args, progress=self._progress,
                              cancelled=h.is_cancelled, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            h.error = exc
            h._done.set()
            self._emit(h.signals.sig_failed, exc)
        else:
            h.result = result
            h._done.set()
            self._emit(h.signals.sig_succeeded, result)
        self._emit(h.signals.sig_finished)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is shutting down: nobody left to tell
            pass

    def _progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._emit(self._handle.signals.sig_progressed, int(done), int(total), str(text))


class TaskRunner(QObject):
    """Starts background work; keeps handles alive until their results are delivered."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[TaskHandle] = set()

    def start(self, fn: Callable, *args: Any, on_done: Callable | None = None,
              on_error: Callable | None = None, on_progress: Callable | None = None,
              **kwargs: Any) -> TaskHandle:
        handle = TaskHandle()
        self._running.add(handle)
        sig = handle.signals
        if on_progress is not None:
            sig.sig_progressed.connect(on_progress)
        if on_done is not None:
            sig.sig_succeeded.connect(on_done)
        if on_error is not None:
            sig.sig_failed.connect(on_error)
        sig.sig_finished.connect(lambda h=handle: self._forget(h))
        self._pool.start(_Runnable(handle, fn, args, kwargs))
        return handle

    @Slot()
    def _forget(self, handle: TaskHandle) -> None:
        self._running.discard(handle)

    def active_count(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for handle in list(self._running):
            handle.cancel()

    def wait_all(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


_gc_lock = threading.Lock()
_gc_pauses = [0, False]  # workers inside gc_paused, whether the collector was on before


@contextmanager
def gc_paused():
    """Python's cyclic collector paused while a worker builds large data (a review of a
    region store): a full collection walks every live object holding the GIL, and the GUI
    thread waits for it (stalls of a second and more measured with 100,000 records).
    Reference counting still frees the data; the collector resumes when the last worker
    inside leaves, after the worker's data is gone. What the workers left alive then (the
    findings shown) is frozen (`gc.freeze`): otherwise the first collections after the pause
    walk all of it, 0.2 s each measured, and the GUI thread waits; such objects are freed by
    reference counting like the rest (cyclic garbage among them would stay)."""
    with _gc_lock:
        if _gc_pauses[0] == 0:
            _gc_pauses[1] = gc.isenabled()
            gc.disable()
        _gc_pauses[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses[0] -= 1
            if _gc_pauses[0] == 0 and _gc_pauses[1]:
                gc.freeze()
                gc.enable()
