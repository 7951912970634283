"""Tokens in the OS keyring — the ONLY module that imports keyring.

The token (never the password) is stored under service "esep", key "<server URL> <user>".
Where no keyring backend exists (headless Linux: keyring's `fail` backend), `KeyringUnavailable`
says so; the caller asks for the password for this run only. Nothing is ever written to disk.
A device's private signing key (sync bundles) lives here too, key "device-key <device id>";
without a keyring sync/bundle.py seals it under the user's password instead. So does the local
database's key, "store-key <key id>" (store/keys.py); without a keyring it is derived from a
passphrase instead.
"""
from __future__ import annotations

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "esep"
NO_BACKEND_MESSAGE = (
    "no OS keyring is available on this machine: the password is asked for on every run "
    "(--password-stdin or the login dialog) and nothing is saved")


class KeyringUnavailable(Exception):
    code = "keyring_unavailable"

    def __init__(self, detail: str = ""):
        super().__init__(NO_BACKEND_MESSAGE + (f" ({detail})" if detail else ""))


def _key(server: str, user: str) -> str:
    return f"{server.rstrip('/')} {user}"


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)  # ChainerBackend with nothing inside
    return chained is None or bool(chained)


def backend_name() -> str:
    return type(keyring.get_keyring()).__module__ + "." + type(keyring.get_keyring()).__name__


def save_token(server: str, user: str, token: str) -> None:
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.set_password(SERVICE, _key(server, user), token)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def load_token(server: str, user: str) -> str | None:
    """The stored token, or None when there is none or no keyring backend."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, _key(server, user))
    except KeyringError:
        return None


def delete_token(server: str, user: str) -> bool:
    """Forget the token; True when one was deleted."""
    if not keyring_available():
        return False
    try:
        keyring.delete_password(SERVICE, _key(server, user))
    except PasswordDeleteError:
        return False
    except KeyringError:
        return False
    return True


# -- the device's signing key (sync bundles, sync/bundle.py) ---------------------------------
def _device_key(device_id: str) -> str:
    return f"device-key {device_id}"


def save_device_key(device_id: str, private_b64: str) -> None:
    """Keep a device's private signing key in the OS keyring (KeyringUnavailable if none)."""
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.set_password(SERVICE, _device_key(device_id), private_b64)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def load_device_key(device_id: str) -> str | None:
    """The device's private key from the keyring, or None (none stored, or no keyring)."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, _device_key(device_id))
    except KeyringError:
        return None


# -- the local database's key (store/keys.py registers these at start) ------------------------
def save_store_key(name: str, key_hex: str) -> None:
    """Keep the local database's key under ``name`` ("store-key <key id>")."""
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.set_password(SERVICE, name, key_hex)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def load_store_key(name: str) -> str | None:
    """The local database's key kept under ``name``, or None (none stored, or no keyring)."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def use_for_store() -> None:
    """Let the local store keep its key in this keyring (store/keys.py)."""
    from store import keys

    keys.use_keyring(keyring_available, load_store_key, save_store_key)
