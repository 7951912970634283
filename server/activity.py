"""Last push and last pull per user and device (table sync_activity), and who is silent.

Recording is cheap: each worker process writes a (user, device, kind) at most once a minute;
the status listing is precise to that minute."""
from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from forms.periods import utc_now
from server.auth import User
from server.db import org_units, sync_activity, users

WRITE_EVERY_S = 60.0
MAX_SILENT_DAYS = 3650  # the longest silence `status` asks about (CLI and API)
_written: dict[tuple, float] = {}
_lock = threading.Lock()


def touch(engine: sa.Engine, user: User, device_id: str | None, kind: str) -> None:
    """Note a push or pull (kind) of `user` from `device_id` ("" when not known)."""
    device = (device_id or "")[:64]
    key = (id(engine), user.username, device, kind)
    now = time.monotonic()
    with _lock:
        if now - _written.get(key, -WRITE_EVERY_S) < WRITE_EVERY_S:
            return
        _written[key] = now
    column = "last_push" if kind == "push" else "last_pull"
    t = sync_activity
    where = sa.and_(t.c.username == user.username, t.c.device_id == device)
    stamp = utc_now()
    with engine.begin() as conn:
        upsert = _upsert(conn.dialect.name, {"username": user.username, "device_id": device,
                                             column: stamp}, {column: stamp})
        if upsert is not None:  # one statement, whether the row is there or not
            conn.execute(upsert)
            return
        if conn.execute(t.update().where(where).values({column: stamp})).rowcount:
            return
        try:
            with conn.begin_nested():
                conn.execute(t.insert().values(username=user.username, device_id=device,
                                               **{column: stamp}))
        except IntegrityError:  # another worker inserted it just now
            conn.execute(t.update().where(where).values({column: stamp}))


def _upsert(dialect: str, values: dict, update: dict):
    """INSERT `values` ... ON CONFLICT (username, device_id) DO UPDATE SET `update`, on the
    dialects that have it (PostgreSQL, SQLite), else None."""
    key = [sync_activity.c.username, sync_activity.c.device_id]
    if dialect == "postgresql":
        return postgresql.insert(sync_activity).values(values).on_conflict_do_update(
            index_elements=key, set_=update)
    if dialect == "sqlite":
        return sqlite.insert(sync_activity).values(values).on_conflict_do_update(
            index_elements=key, set_=update)
    return None


def _units(conn, viewer: User):
    q = sa.select(org_units).where(org_units.c.kind == "district").order_by(org_units.c.id)
    if viewer.role == "region":
        q = q.where(org_units.c.region == viewer.region)
    return conn.execute(q).all()


def status(engine: sa.Engine, viewer: User, silent_days: int) -> dict:
    """The districts in the viewer's scope (a region: its own; central and admin: all), each
    with its users' devices and their last push / pull; `silent` when nothing came from it
    for `silent_days` days (or ever)."""
    cutoff = (datetime.now(UTC) - timedelta(days=silent_days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    q = (sa.select(users.c.district, sync_activity)
         .join(users, users.c.username == sync_activity.c.username)
         .where(users.c.district.is_not(None)))
    with engine.connect() as conn:
        units = _units(conn, viewer)
        devices: dict[str, list[dict]] = {}
        for r in conn.execute(q):
            devices.setdefault(r.district, []).append(
                {"username": r.username, "device_id": r.device_id, "last_push": r.last_push,
                 "last_pull": r.last_pull})
    out = []
    for u in units:
        devs = sorted(devices.get(u.id, []), key=lambda d: (d["username"], d["device_id"]))
        last_push = max((d["last_push"] for d in devs if d["last_push"]), default=None)
        last_pull = max((d["last_pull"] for d in devs if d["last_pull"]), default=None)
        last = max(last_push or "", last_pull or "")
        out.append({"org_unit": u.id, "region": u.region, "name_ru": u.name_ru,
                    "last_push": last_push, "last_pull": last_pull,
                    "silent": last < cutoff, "devices": devs})
    return {"as_of": utc_now(), "silent_days": silent_days, "units": out}
