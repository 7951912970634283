"""The audit log of admin actions: who did what to whom, when (table audit_log)."""
from __future__ import annotations

import getpass
import json

import sqlalchemy as sa

from forms.periods import utc_now
from server.db import audit_log


def cli_actor() -> str:
    """The actor of `esep server admin ...`: the operating-system account that ran it."""
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except (KeyError, OSError):
        return "cli"


def record(conn, actor: str, action: str, target: str, **details) -> None:
    """One line of the log, in the caller's transaction (it commits with the action)."""
    conn.execute(audit_log.insert().values(
        at=utc_now(), actor=actor[:64], action=action, target=target[:200],
        details=json.dumps(details, ensure_ascii=False, sort_keys=True)))


def entries(engine: sa.Engine, limit: int = 100, target: str | None = None) -> list[dict]:
    """The newest `limit` entries first (of one target when given)."""
    q = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if target:
        q = q.where(audit_log.c.target == target)
    with engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{"id": r.id, "at": r.at, "actor": r.actor, "action": r.action,
             "target": r.target, "details": json.loads(r.details)} for r in rows]
