"""Sync when the connection returns (`esep sync --watch`, and the desktop's background sync).

While offline: probe `GET /healthz` (a few hundred bytes) with exponential backoff, from
`probe_interval` up to `max_backoff`. As soon as it answers and local changes wait, sync.
While online: look at the local outbox every `probe_interval` (no network) and sync when it has
entries, or pull every `pull_interval` seconds. Stops when `stop_event` is set; an
UpgradeRequired or AuthError ends the watch (a person must act).
"""
from __future__ import annotations

import time
from collections.abc import Callable

from store import sync_state
from sync.engine import SyncSummary, sync_once
from sync.transport import AuthError, OfflineError, SyncClient, SyncError, UpgradeRequired


def watch(store, client: SyncClient, *, probe_interval: float = 10.0,
          max_backoff: float = 600.0, stop_event, pull_interval: float = 300.0,
          on_result: Callable[[SyncSummary | None, SyncError | None], None] | None = None,
          sync: Callable[..., SyncSummary] = sync_once) -> int:
    """Run until stop_event is set; returns the number of syncs that completed."""
    done = 0
    online = True  # the first round syncs at once: pulls what waits, pushes what is queued
    backoff = probe_interval
    last_sync = None
    while not stop_event.is_set():
        if not online:
            if not client.healthz(timeout=min(10.0, max(1.0, probe_interval))):
                stop_event.wait(backoff)
                backoff = min(max_backoff, backoff * 2)
                continue
            online, backoff = True, probe_interval
        due = last_sync is None or time.monotonic() - last_sync >= pull_interval
        if due or sync_state.outbox_count(store) > 0:
            try:
                summary = sync(store, client)
            except (AuthError, UpgradeRequired) as exc:
                _notify(on_result, None, exc)
                raise
            except SyncError as exc:  # offline, or a server error: back off, never spin
                _notify(on_result, None, exc)
                online = not isinstance(exc, OfflineError)
                stop_event.wait(backoff)
                backoff = min(max_backoff, backoff * 2)
                continue
            done += 1
            backoff = probe_interval
            last_sync = time.monotonic()
            _notify(on_result, summary, None)
        stop_event.wait(probe_interval)
    return done


def _notify(on_result, summary, error) -> None:
    if on_result is not None:
        on_result(summary, error)
