"""Sync-bundle work without widgets (tasks run these on their own SQLite connection): make
and register the device key after an online sync, write a bundle for a USB stick, apply a
reply. The Sync page (desktop/sync_page.py) starts them through desktop/tasks.py."""
from __future__ import annotations

from desktop.review_models import open_worker_store


def key_missing(store) -> bool:
    """True while this data folder has no registered device key (bundles cannot be made)."""
    from sync.bundle import OWNER_KEY, PUBLIC_KEY
    return not (store.get_setting(PUBLIC_KEY) and store.get_setting(OWNER_KEY))


def needs_password(store) -> bool:
    from sync.bundle import needs_passphrase
    return needs_passphrase(store)


def register_key(path: str, spec: dict, password: str | None = None, *, progress,
                 cancelled) -> dict:
    """Worker: make the device key (kept in the OS keyring, else sealed under `password`)
    and register it with the server."""
    from sync.bundle import ensure_device_key
    from sync.transport import SyncClient
    store = open_worker_store(path)
    client = SyncClient(spec["server"], token=spec["token"], insecure=spec["insecure"])
    try:
        return ensure_device_key(store, client, spec["user"], password)
    finally:
        client.close()
        store.close()


def key_then_export(path: str, spec: dict, out: str, password: str, *, progress,
                    cancelled) -> dict:
    """Worker: a computer without an OS keyring makes its key at its first save for USB,
    sealed under the user's password (the key made after a sync needs a keyring)."""
    register_key(path, spec, password, progress=progress, cancelled=cancelled)
    return export_to(path, out, password, progress=progress, cancelled=cancelled)


def export_to(path: str, out: str, password: str | None, *, progress, cancelled) -> dict:
    """Worker: the pending changes into a signed bundle file at `out`."""
    from sync.bundle import export_bundle
    store = open_worker_store(path)
    try:
        return export_bundle(store, out, passphrase=password)
    finally:
        store.close()


def import_from(path: str, reply: str, *, progress, cancelled) -> dict:
    """Worker: apply a reply file in one transaction."""
    from sync.bundle import import_reply
    with open(reply, "rb") as fh:
        data = fh.read()
    store = open_worker_store(path)
    try:
        return import_reply(store, data)
    finally:
        store.close()
