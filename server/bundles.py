"""Sync bundles on the server: device keys, and a delivered bundle -> a signed reply.

A bundle is applied under its DEVICE OWNER's scope (never the carrier's) through the same
push and ledger code as an online push (server/push.py), and the reply carries the acks and
the changes the owner may see after the bundle's cursor, paged exactly like a pull
(server/pull.py). A bundle delivered twice answers from the ledger: nothing is made twice.
"""
from __future__ import annotations

import sqlalchemy as sa

from forms.periods import utc_now
from forms.published import using
from server import published, pull, push
from server.auth import User
from server.db import device_keys, server_id, server_meta, users
from server.scope import RECORD_ROLES
from sync import keys
from sync.keys import KIND_OPS, KIND_REPLY, BundleError
from sync.protocol import DEFAULT_PULL_MAX_BYTES, MAX_OPS_PER_PUSH, SCHEMA_VERSION, expand_op

SIGNING_KEY = "bundle_signing_key"  # server_meta row (migration 0005)
PULL_LIMIT = 1000


def _signing_key(conn) -> bytes:
    value = conn.execute(sa.select(server_meta.c.value)
                         .where(server_meta.c.name == SIGNING_KEY)).scalar_one()
    return keys.unb64(value, 32)


def server_identity(engine: sa.Engine) -> dict:
    """{server_id, server_key}: what a client pins at first contact."""
    with engine.connect() as conn:
        return {"server_id": server_id(conn),
                "server_key": keys.public_key_of(_signing_key(conn))}


def register_device_key(engine: sa.Engine, user: User, device_id: str,
                        public_key: str) -> dict:
    """Record (or replace, for the same owner) a device's public key; a device that belongs
    to another user is refused. Returns the server identity."""
    try:
        keys.check_public_key(public_key)
    except ValueError:
        raise BundleError("bad_key", "not an Ed25519 public key") from None
    now = utc_now()
    with engine.begin() as conn:
        row = conn.execute(sa.select(device_keys).where(
            device_keys.c.device_id == device_id)).first()
        if row is not None and row.username != user.username:
            raise BundleError("device_owner", f"device {device_id} belongs to another user")
        if row is None:
            conn.execute(device_keys.insert().values(
                device_id=device_id, username=user.username, public_key=public_key,
                created_at=now, updated_at=now))
        elif row.public_key != public_key:
            conn.execute(device_keys.update().where(device_keys.c.device_id == device_id)
                         .values(public_key=public_key, updated_at=now))
    return server_identity(engine)


def _owner(conn, body: dict) -> tuple[User, str]:
    """The device's owner (an active user) and its registered key."""
    device = body.get("device_id")
    row = conn.execute(sa.select(device_keys).where(
        device_keys.c.device_id == str(device))).first() if isinstance(device, str) else None
    if row is None:
        raise BundleError("unknown_device", f"device {device} has no key registered here: "
                          "its user must log in once while connected")
    owner = conn.execute(sa.select(users).where(users.c.username == row.username,
                                                users.c.active.is_(True))).first()
    if owner is None:
        raise BundleError("unknown_device", f"the owner of device {device} is not active")
    if owner.role not in RECORD_ROLES:
        raise BundleError("forbidden", f"role {owner.role} has no access to records")
    return (User(owner.username, owner.role, owner.region, owner.district, device_id=str(device)),
            row.public_key)


def open_request(engine: sa.Engine, data: bytes) -> tuple[dict, User]:
    """Verify a delivered bundle: signature of the registered device key, this server,
    the owner, not expired. Returns (body, owner); raises BundleError."""
    body = keys.read_unverified(data)
    with engine.connect() as conn:
        owner, public_key = _owner(conn, body)
        sid = server_id(conn)
    keys.open_bundle(data, public_key, f"the key registered for device {body['device_id']}",
                     KIND_OPS)
    if body.get("server_id") != sid:
        raise BundleError("other_server", "this bundle was made for another server")
    if body.get("username") != owner.username:
        raise BundleError("device_owner", f"device {body['device_id']} belongs to "
                          f"{owner.username}, not {body.get('username')}")
    if body.get("schema_version") != SCHEMA_VERSION:
        raise BundleError("upgrade_required", "the bundle was made by another Esep version")
    return body, owner


def _ops(body: dict) -> list[dict]:
    ops = body.get("ops")
    if not isinstance(ops, list):
        raise BundleError("damaged", "the bundle carries no operation list")
    from server.models import OpIn  # the same bounds as a push body
    try:
        return [OpIn.model_validate(expand_op(op)).model_dump() for op in ops]
    except ValueError as exc:
        raise BundleError("damaged", f"an operation is malformed: {exc}") from None


def _changes_since(engine: sa.Engine, owner: User, cursor: int) -> list[dict]:
    """Every pull page after `cursor` the owner may see (the pages of an online pull)."""
    pages = []
    while True:
        page = pull.pull(engine, owner, cursor, PULL_LIMIT, DEFAULT_PULL_MAX_BYTES)
        pages.append(page)
        if not page["has_more"] or page["next_cursor"] == cursor:
            return pages
        cursor = page["next_cursor"]


def import_bundle(engine: sa.Engine, data: bytes) -> bytes:
    """Apply a delivered bundle and return the signed reply file (its records validated with
    this database's published definitions too: the admin CLI has no request to set them;
    only inside this call, so a process that also holds a client store keeps its own set)."""
    with using(published.current(engine)):
        return _import_bundle(engine, data)


def _import_bundle(engine: sa.Engine, data: bytes) -> bytes:
    body, owner = open_request(engine, data)
    ops = _ops(body)
    cursor = body.get("cursor")
    if not isinstance(cursor, int) or cursor < 0:
        raise BundleError("damaged", "the bundle has no valid cursor")
    acks: list[dict] = []
    for start in range(0, len(ops), MAX_OPS_PER_PUSH):
        acks += push.push(engine, owner, body["device_id"], ops[start:start + MAX_OPS_PER_PUSH])
    reply = {"format": keys.FORMAT, "kind": KIND_REPLY, "schema_version": SCHEMA_VERSION,
             "device_id": body["device_id"], "username": owner.username,
             "server_id": body["server_id"], "request_created_at": body.get("created_at"),
             "cursor": cursor, "acks": acks, "pages": _changes_since(engine, owner, cursor),
             **keys.stamp()}
    with engine.connect() as conn:
        return keys.pack(reply, _signing_key(conn))
