"""Sync work without widgets: where to sync (client_spec), the task workers (run_sync,
probe_loop) that run on their own SQLite connection, and the sync history / reminder /
rejection readers the Sync page shows."""
from __future__ import annotations

import datetime as dt
import json
import time

from desktop.review_models import open_worker_store

SERVER_KEYS = ("sync.server", "server_url")
USER_KEYS = ("sync.user", "server_user")
PROBE_INTERVAL, MAX_BACKOFF = 5.0, 300.0
REMIND_DAYS = 7  # a district syncs at least weekly (DOMAIN: the monthly cycle)


def _setting(ctx, keys) -> str | None:
    for key in keys:
        value = ctx.settings_get(key) or ctx.store.get_setting(key)
        if value:
            return str(value)
    return None


def known_login(store) -> tuple[str, str]:
    """(server, user) an earlier login left in this data folder (`esep login` of the command
    line, or the app's own), '' where none."""
    def first(keys) -> str:
        return next((str(v) for k in keys if (v := store.get_setting(k, None))), "")
    return first(SERVER_KEYS), first(USER_KEYS)


def server_url(ctx) -> str:
    """The server address set for this install ('' = offline only)."""
    return _setting(ctx, SERVER_KEYS) or ""


def client_spec(ctx) -> dict | None:
    """Where and as whom to sync: {server, user, token, insecure}; None = offline-only.
    The token comes from memory (ctx.user["token"]) or the OS keyring, never from disk."""
    server = _setting(ctx, SERVER_KEYS)
    if not server:
        return None
    user = _setting(ctx, USER_KEYS) or ctx.username
    token = (ctx.user or {}).get("token")
    if not token:
        from sync.credentials import load_token
        token = load_token(server, user)
    insecure = str(_setting(ctx, ("sync.insecure",)) or "").lower() in ("1", "true", "yes")
    return {"server": server, "user": user, "token": token, "insecure": insecure}


def _client(spec: dict):
    from sync.transport import SyncClient
    return SyncClient(spec["server"], token=spec["token"], insecure=spec["insecure"])


def run_sync(path: str, spec: dict, *, progress, cancelled) -> dict:
    """Worker: one sync on its own connection; progress text = JSON {stage, up, down}."""
    from sync.engine import sync_once
    store, client = open_worker_store(path), _client(spec)

    def report(stage: str, done: int, total: int | None) -> None:
        _req, up, down = client.counters.snapshot()
        progress(done, total or 0, json.dumps({"stage": stage, "up": up, "down": down}))
    try:
        return sync_once(store, client, progress=report, cancel=cancelled).to_dict()
    finally:
        client.close()
        store.close()


class _CancelEvent:
    """The `stop_event` sync.watch expects, backed by the task's `cancelled()` callable."""

    def __init__(self, cancelled) -> None:
        self.is_set = cancelled

    def wait(self, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while not self.is_set() and time.monotonic() < end:
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))
        return self.is_set()


def probe_loop(path: str, spec: dict, *, progress, cancelled, interval: float = PROBE_INTERVAL,
               max_backoff: float = MAX_BACKOFF) -> int:
    """Worker: `sync.watch.watch` on its own connection until cancelled. Reports
    progress(0, 0, error) when offline / failed and progress(2, 0, summary JSON) per sync."""
    from sync.watch import watch
    store, client = open_worker_store(path), _client(spec)

    def on_result(summary, error) -> None:
        if summary is not None:
            progress(2, 0, json.dumps(summary.to_dict()))
        else:  # the code: desktop.server_errors turns it into the user's language
            progress(0, 0, getattr(error, "server_code", None) or getattr(error, "code", ""))
    try:
        return watch(store, client, probe_interval=interval, max_backoff=max_backoff,
                     stop_event=_CancelEvent(cancelled), on_result=on_result)
    finally:
        client.close()
        store.close()


def sync_history(store, limit: int = 200) -> list[dict]:
    cur = store.db.execute("SELECT id, started_at, finished_at, outcome, summary FROM sync_log "
                           "ORDER BY id DESC LIMIT ?", [limit])
    rows = []
    for _id, started, _finished, outcome, summary in cur.fetchall():
        s = json.loads(summary) if summary else {}
        rows.append({"started": str(started)[:19].replace("T", " "), "outcome": outcome,
                     **{k: s.get(k, "") for k in ("pushed", "pulled", "conflicts", "rejected")},
                     "error_code": s.get("error_code"),
                     "bytes": s.get("bytes_up", 0) + s.get("bytes_down", 0) if s else None})
    return rows


def _when(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def sync_reference(store) -> dt.datetime | None:
    """Since when data may be waiting: the last successful sync, or for an install that never
    synced the oldest change still waiting to be sent (None: nothing waits)."""
    last = store.db.execute("SELECT max(finished_at) FROM sync_log "
                            "WHERE outcome IN ('ok', 'conflicts')").fetchone()
    if last and last[0]:
        return _when(last[0])
    oldest = store.db.execute("SELECT min(created_at) FROM outbox").fetchone()
    return _when(oldest[0]) if oldest else None


def days_since_sync(store, now: dt.datetime | None = None) -> int:
    """Whole days since sync_reference (0 when nothing waits: a fresh install is not late)."""
    since = sync_reference(store)
    if since is None:
        return 0
    return max(((now or dt.datetime.now(dt.UTC)) - since).days, 0)


def sync_overdue(store, now: dt.datetime | None = None) -> bool:
    """The one reminder rule: REMIND_DAYS whole days without a sync while data waits."""
    return days_since_sync(store, now) >= REMIND_DAYS


def error_text(errors: list[dict], lang: str) -> str:
    """Server reasons in the user's language (desktop.server_errors), with rule and field."""
    from desktop.server_errors import op_error_text
    out = []
    for e in errors or []:
        text = op_error_text(e, lang) if isinstance(e, dict) else str(e)
        field = ", ".join(e.get("fields") or []) or e.get("field")
        out.append(f"{e.get('rule') or e.get('code') or ''}: {text}" +
                   (f" [{field}]" if field else ""))
    return "; ".join(out)

