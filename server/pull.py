"""GET /sync/pull: changes after a cursor that the caller may see, capped in bytes."""
from __future__ import annotations

import sqlalchemy as sa

from server import activity
from server.auth import User
from server.contests import contested_by
from server.db import counters, records, server_id
from server.epoch import current_epoch, rollback_seen
from server.published import forms_version
from server.rates import rates_version
from server.scope import record_for, visible_clause
from sync.protocol import dumps


def pull(engine: sa.Engine, user: User, cursor: int, limit: int, max_bytes: int,
         epoch: str | None = None) -> dict:
    """At least one change per page. The counter is read first: every seq <= it has committed
    (seqs are allocated under the counter's row lock), so jumping the cursor to it when the
    page is not full never skips a late-committing write. `epoch`: the client's; with a
    cursor beyond the counter it proves a rollback (server.epoch)."""
    with engine.connect() as conn:
        top = conn.execute(sa.select(counters.c.value)
                           .where(counters.c.name == "change_seq")).scalar_one()
        now_epoch = current_epoch(conn)
    if epoch == now_epoch and cursor > top:
        now_epoch = rollback_seen(engine, epoch, cursor) or now_epoch
    with engine.connect() as conn:
        q = (sa.select(records)
             .where(records.c.change_seq > cursor, records.c.change_seq <= top,
                    visible_clause(user))
             .order_by(records.c.change_seq).limit(limit + 1))
        rows = list(conn.execute(q))
        contested = contested_by(conn, user, rows[:limit])
        rates, sid, defs = rates_version(conn), server_id(conn), forms_version(conn)
    activity.touch(engine, user, user.device_id, "pull")
    changes: list[dict] = []
    size = 0
    for row in rows[:limit]:
        change = {"change_seq": row.change_seq, "id": row.id, "form": row.form,
                  "version": row.version, "deleted": bool(row.deleted),
                  "record": record_for(user, row)}
        if row.id in contested:
            change["contested_by"] = contested[row.id]
        n = len(dumps(change))
        if changes and size + n > max_bytes:
            break
        changes.append(change)
        size += n
    has_more = len(changes) < len(rows)
    if has_more:
        next_cursor = changes[-1]["change_seq"]
    else:
        next_cursor = max(cursor, top)
    return {"changes": changes, "next_cursor": next_cursor, "has_more": has_more,
            "rates_version": rates, "forms_version": defs, "server_id": sid,
            "epoch": now_epoch}
