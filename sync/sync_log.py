"""The sync history (table sync_log): a row per sync, opened at its start and closed with its
outcome and summary (sync.engine.sync_once)."""
from __future__ import annotations

import json

from store.db import transaction, utc_now


def start(store) -> int:
    """A new row of the sync history (its start); its id."""
    with transaction(store.db) as db:
        cur = db.execute("INSERT INTO sync_log(started_at) VALUES (?)", [utc_now()])
    return cur.lastrowid


def end(store, log_id: int, outcome: str, summary, error=None) -> None:
    """Close the log row; a failed one keeps why (`error_code`, `error`) for the history."""
    saved = summary.to_dict() if summary else None
    if saved is not None and error is not None:
        saved.update(error_code=getattr(error, "server_code", None) or error.code,
                     error=str(error)[:300])
    with transaction(store.db) as db:
        db.execute("UPDATE sync_log SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?",
                   [utc_now(), outcome, json.dumps(saved) if saved else None, log_id])
