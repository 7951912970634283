"""The server's epoch: a random id of the current history of `change_seq`.

Clients keep their cursor per epoch. A restore (`esep server admin restore`) or a detected
rollback of change_seq (a client's cursor beyond the counter in the same epoch) gives the
database a new epoch; a client that sees another epoch re-sends what the server lacks and
pulls again from zero (sync/engine.py). Stored as server_meta row "epoch" (migration 0007).
"""
from __future__ import annotations

import secrets

import sqlalchemy as sa

from server.db import server_meta

EPOCH_KEY = "epoch"


def make_epoch() -> str:
    return secrets.token_hex(8)


EPOCH_QUERY = sa.select(server_meta.c.value).where(server_meta.c.name == EPOCH_KEY)


def current_epoch(conn) -> str:
    return conn.execute(EPOCH_QUERY).scalar_one()


def renew_epoch(conn) -> str:
    """A new epoch, written in the caller's transaction; returns it."""
    epoch = make_epoch()
    done = conn.execute(server_meta.update().where(server_meta.c.name == EPOCH_KEY)
                        .values(value=epoch)).rowcount
    if not done:
        conn.execute(server_meta.insert().values(name=EPOCH_KEY, value=epoch))
    return epoch


def rollback_seen(engine: sa.Engine, client_epoch: str | None, cursor: int) -> str | None:
    """A client in this epoch holding a cursor beyond the counter proves change_seq went back
    (a database restored behind our back): a new epoch, once (the check runs again under the
    counter's row lock, so concurrent pulls renew it only once). Returns the new epoch."""
    from server.db import counters

    with engine.begin() as conn:
        q = sa.select(counters.c.value).where(counters.c.name == "change_seq")
        if conn.dialect.name == "postgresql":
            q = q.with_for_update()
        top = conn.execute(q).scalar_one()
        if cursor <= top or current_epoch(conn) != client_epoch:
            return None
        return renew_epoch(conn)
