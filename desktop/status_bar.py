"""StatusBarWidget: online / offline, last successful sync, changes waiting, conflicts."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

PROBE_MS = 30000


def sync_counts(store) -> dict:
    """{'waiting', 'conflicts', 'rejected', 'last_sync'} read from the local database.
    Counts are records (one report saved three times waits as one), not outbox operations."""
    out = {"waiting": 0, "conflicts": 0, "rejected": 0, "last_sync": None}
    queries = {
        "waiting": "SELECT COUNT(DISTINCT record_id) FROM outbox WHERE state = 'pending'",
        "rejected": "SELECT COUNT(DISTINCT record_id) FROM outbox WHERE state = 'parked'",
        "conflicts": "SELECT COUNT(*) FROM conflicts",
        "last_sync": "SELECT MAX(finished_at) FROM sync_log WHERE outcome IN ('ok', 'conflicts')",
    }
    for key, sql in queries.items():
        try:
            out[key] = store.db.execute(sql).fetchone()[0]
        except Exception:  # noqa: BLE001, S110 - an older schema simply shows zero
            pass
    return out


def probe_server(url: str, *, progress=None, cancelled=None) -> bool:
    """Runs in a worker: a cheap GET /healthz with a short timeout."""
    import requests
    try:
        return requests.get(url.rstrip("/") + "/healthz", timeout=3).ok
    except requests.RequestException:
        return False


class StatusBarWidget(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.net, self.last, self.waiting, self.problems = (QLabel(self) for _ in range(4))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        for w in (self.net, self.last, self.waiting, self.problems):
            row.addWidget(w)
        self._timer = QTimer(self, interval=PROBE_MS)  # runs only while shown
        self._timer.timeout.connect(self.probe)
        ctx.signals.sig_records_changed.connect(lambda _f: self.refresh())
        ctx.signals.sig_sync_finished.connect(lambda _s: self.refresh())
        if ctx.store is not None:
            self.store_ready()

    def store_ready(self) -> None:
        """Counts need the store: called once it is open (after the first paint at start)."""
        self.ctx.connection.sig_changed.connect(lambda _s: self.refresh())
        self.refresh()
        self.probe()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    @property
    def online(self) -> bool | None:
        return self.ctx.connection.online

    def server_url(self) -> str:
        from desktop.sync_jobs import server_url
        return server_url(self.ctx)

    def probe(self) -> None:
        """Ask /healthz; the answer goes to the one connection state (ctx.connection)."""
        url = self.server_url()
        self.ctx.connection.set_server(url)
        if not url:
            return
        self.ctx.tasks.start(probe_server, url, on_done=self.ctx.connection.answered,
                             on_error=lambda _e: self.ctx.connection.answered(False))

    def refresh(self) -> None:
        if self.ctx.store is None:  # fast start: counts follow once the store is open
            self.net.setText("●")
            return
        c = sync_counts(self.ctx.store)
        self.net.setText("● " + self.ctx.connection.text())
        self.net.setStyleSheet(f"color: {self.ctx.connection.colour()};")
        from desktop.dates_text import moment_text  # the UTC stamp on the computer's clock
        last = moment_text(c["last_sync"], self.ctx.lang) if c["last_sync"] else ""
        text = self.tr("Last sync: %1").replace("%1", last or self.tr("never"))
        from desktop.sync_jobs import REMIND_DAYS, sync_overdue
        overdue = bool(self.server_url()) and sync_overdue(self.ctx.store)
        if overdue:
            text += " — " + self.tr("please sync (over %1 days)").replace("%1", str(REMIND_DAYS))
        self.last.setText(text)
        self.last.setStyleSheet("color: #c62828; font-weight: bold;" if overdue else "")
        self.waiting.setText(self.tr("Changes waiting: %1").replace("%1", str(c["waiting"])))
        self.problems.setText(self.tr("Conflicts: %1 · Rejected: %2")
                              .replace("%1", str(c["conflicts"]))
                              .replace("%2", str(c["rejected"])))
        self.problems.setStyleSheet("color: #c62828;" if c["conflicts"] or c["rejected"] else "")

    def retranslate(self) -> None:
        self.refresh()
