"""Sync without any line: the device's signing key, the bundle of pending ops a USB stick
carries, its delivery by any connected user, and the signed reply applied in ONE transaction.

The same ops as a push (store.sync_state.pending_ops, same op_seq) travel in the bundle and
are marked in flight, so a later online sync replays them first and the server's ledger
answers `duplicate`: a bundle and an online sync never make anything twice. The reply's acks
and pull pages go through the same store functions as an online sync's.

kv keys: `bundle.device_key` (public key), `bundle.device_key_sealed` (private key sealed
under the user's password, only where the OS has no keyring), `bundle.owner` (the user the key
was registered for), `sync.server_key` (the server's public key, pinned at first contact, next
to `sync.server_id`).
"""
from __future__ import annotations

import os
from pathlib import Path

from store import sync_epoch, sync_state
from store.db import transaction
from store.settings import DEMO_KEY
from sync import credentials, keys
from sync.engine import SERVER_ID_KEY, check_server
from sync.keys import DEFAULT_TTL, KIND_OPS, KIND_REPLY, BundleError
from sync.protocol import API_PREFIX, SCHEMA_VERSION, compact_op

PUBLIC_KEY = "bundle.device_key"
SEALED_KEY = "bundle.device_key_sealed"
OWNER_KEY = "bundle.owner"
SERVER_KEY_KEY = "sync.server_key"
BUNDLE_TYPE = "application/octet-stream"
MAX_BUNDLE_OPS = 1_000_000

__all__ = [
    "BundleError",
    "deliver",
    "ensure_device_key",
    "export_bundle",
    "import_reply",
    "needs_passphrase",
]


# -- the device key ----------------------------------------------------------------------------
def _private_key(store, passphrase: str | None) -> bytes | None:
    """The private key, or None when there is none; BundleError when sealed and no (or a
    wrong) passphrase is given."""
    stored = credentials.load_device_key(store.device_id)
    if stored:
        return keys.unb64(stored, 32)
    sealed = store.get_setting(SEALED_KEY)
    if not sealed:
        return None
    if passphrase is None:
        raise BundleError("passphrase_needed",
                          "the device key is locked: give the password of the user it "
                          "belongs to")
    return keys.unseal(sealed, passphrase)


def needs_passphrase(store) -> bool:
    """True when exporting needs the user's password (no keyring holds the key)."""
    return (credentials.load_device_key(store.device_id) is None
            and bool(store.get_setting(SEALED_KEY)))


def _keep_private(store, private: bytes, password: str | None, use_keyring: bool) -> None:
    try:
        if not use_keyring:
            raise credentials.KeyringUnavailable()
        credentials.save_device_key(store.device_id, keys.b64(private))
        store.set_setting(SEALED_KEY, "")
    except credentials.KeyringUnavailable:
        if not password:
            raise BundleError("passphrase_needed", "no OS keyring: the device key can only "
                              "be made at a login with a password") from None
        store.set_setting(SEALED_KEY, keys.seal(private, password))


def _current_key(store, password: str | None) -> str | None:
    """The public key when a usable private key exists (a sealed key the password no longer
    opens, e.g. after a password change, counts as none)."""
    public = store.get_setting(PUBLIC_KEY)
    try:
        private = _private_key(store, password)
    except BundleError:
        return None if password else public  # no password to test it with: keep it
    return public if private is not None and keys.public_key_of(private) == public else None


def ensure_device_key(store, client, username: str, password: str | None = None, *,
                      use_keyring: bool = True) -> dict:
    """At login: make the device key once (private half in the keyring, else -- or with
    use_keyring=False -- sealed under the password), register its public half with the
    server and pin the server's key. Returns {server_id, server_key}. Raises BundleError /
    SyncError."""
    public = _current_key(store, password)
    if public is None:
        private = keys.new_private_key()
        _keep_private(store, private, password, use_keyring)
        public = keys.public_key_of(private)
        store.set_setting(PUBLIC_KEY, public)
    answer = client.request("POST", API_PREFIX + "/bundles/keys",
                            json_body={"device_id": store.device_id, "public_key": public})
    pin_server(store, answer["server_id"], answer["server_key"], client.base_url)
    store.set_setting(OWNER_KEY, username)
    return answer


def pin_server(store, server_id: str, server_key: str, url: str) -> None:
    """Remember the server's key at first contact; another key later is refused."""
    check_server(store, server_id, url)  # one server per data folder (OtherServerError)
    pinned = store.get_setting(SERVER_KEY_KEY)
    if pinned is None:
        store.set_setting(SERVER_KEY_KEY, keys.check_public_key(server_key))
    elif pinned != server_key:
        raise BundleError("server_key_changed", f"{url} presents another signing key than "
                          "the one pinned for this server: its replies are refused")


# -- export ------------------------------------------------------------------------------------
def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def export_bundle(store, path, *, passphrase: str | None = None,
                  ttl=DEFAULT_TTL) -> dict:
    """Write the pending ops (as the next push would send them), signed, to `path`; the ops
    are then in flight until a reply or an online sync acknowledges them.
    Returns {ops, bytes, path, expires_at}."""
    if store.get_setting(DEMO_KEY):
        raise BundleError("demo_folder", "this data folder holds esep demo's synthetic "
                          "records; they are never sent")
    server_id, owner = store.get_setting(SERVER_ID_KEY), store.get_setting(OWNER_KEY)
    private = _private_key(store, passphrase)
    if private is None or not server_id or not owner:
        raise BundleError("no_device_key", "this device has no signing key yet: log in to "
                          "the server once while connected")
    queued = sync_state.pending_ops(store, max_ops=MAX_BUNDLE_OPS)
    ops = queued + sync_epoch.resend_ops(store, MAX_BUNDLE_OPS - len(queued))  # after a restore
    body = {"format": keys.FORMAT, "kind": KIND_OPS, "schema_version": SCHEMA_VERSION,
            "device_id": store.device_id, "username": owner, "server_id": server_id,
            "cursor": sync_state.get_cursor(store), "ops": [compact_op(op) for op in ops],
            **keys.stamp(ttl=ttl)}
    data = keys.pack(body, private)
    _write_atomic(Path(path), data)
    sync_state.mark_inflight(store, [op["op_seq"] for op in queued])
    return {"ops": len(ops), "bytes": len(data), "path": str(path),
            "expires_at": body["expires_at"]}


# -- delivery (by any connected, logged-in user) -----------------------------------------------
def deliver(client, data: bytes) -> bytes:
    """POST a bundle file; returns the reply file. BundleError when the server refuses it."""
    from sync.transport import SyncClient

    headers = {"Content-Type": BUNDLE_TYPE, "Authorization": f"Bearer {client.token}"}
    resp = client._send("POST", API_PREFIX + "/bundles", data, None, headers, None)
    if resp.status_code == 200:
        return resp.content
    detail: object = {}
    if resp.status_code in (403, 413, 422):
        try:
            detail = resp.json().get("detail") or {}
        except ValueError:
            detail = {}
    if isinstance(detail, dict) and detail.get("code"):
        raise BundleError(detail["code"], detail.get("message") or detail["code"])
    SyncClient._decode("POST", API_PREFIX + "/bundles", resp)  # raises the SyncError
    raise BundleError("refused", f"the server answered HTTP {resp.status_code}")


# -- the reply ---------------------------------------------------------------------------------
def open_reply(store, data: bytes) -> dict:
    """The verified reply body meant for this device from this data folder's server."""
    pinned = store.get_setting(SERVER_KEY_KEY)
    if not pinned:
        raise BundleError("no_server_key", "no server key is pinned in this data folder: "
                          "log in to the server once while connected")
    claimed = keys.read_unverified(data)
    if claimed.get("server_id") != store.get_setting(SERVER_ID_KEY):
        raise BundleError("other_server", "this reply comes from another server than the "
                          "one this data folder syncs with")
    if claimed.get("device_id") != store.device_id:
        raise BundleError("other_device", "this reply is for another device")
    return keys.open_bundle(data, pinned, "the pinned key of this data folder's server",
                            KIND_REPLY)


def _outbox_ids(db) -> dict[int, str]:
    rows = db.execute("SELECT op_seq, record_id FROM outbox WHERE state = 'pending'")
    return dict(rows.fetchall())


def import_reply(store, data: bytes) -> dict:
    """Verify a reply and apply its acks and pull pages in ONE store transaction. Acks of
    ops no longer waiting (answered meanwhile by an online sync) are left out; the cursor
    never moves back. Returns counts {applied, duplicate, conflict, rejected, pulled, ...}."""
    body = open_reply(store, data)
    totals = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "pulled": 0,
              "skipped": 0, "pulled_conflicts": 0}
    with transaction(store.db) as db:
        waiting = _outbox_ids(db)
        acks = [{**a, "id": a.get("id") or waiting[a["op_seq"]]}
                for a in body.get("acks") or [] if a.get("op_seq") in waiting]
        for key, n in sync_state.apply_acks(store, acks).items():
            totals[key] += n
        sync_epoch.resend_done(store, [a.get("op_seq") for a in body.get("acks") or []])
        pages = body.get("pages") or []
        restart = bool(pages) and sync_epoch.is_new(store, pages[0].get("epoch"))
        if restart:  # the server was restored: the next bundle asks for everything again
            sync_epoch.start_over(store, pages[0]["epoch"])
        for page in pages:
            cursor = 0 if restart else max(sync_state.get_cursor(store),
                                           int(page["next_cursor"]))
            counts = sync_state.apply_pulled(store, page.get("changes") or [], cursor)
            sync_epoch.settle(store, page.get("changes") or [])
            totals["pulled"] += counts["applied"]
            totals["skipped"] += counts["skipped"]
            totals["pulled_conflicts"] += counts["conflict"]
    return totals
