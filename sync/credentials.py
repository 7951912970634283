"""Where the sync token is kept — the ONLY module that imports keyring or touches a token file.

The token (never the password) is stored in the OS keyring under service "esep", key
"<server URL> <user>". Where no keyring backend exists (headless Linux: keyring's `fail`
backend), `KeyringUnavailable` says so; the caller asks for the password for this run only.

An unattended install without a keyring may opt in (`esep login --keep-token-in-file`) to keep
the token in the file `sync-token` in its data folder, beside the local database: JSON
{server, user, token}, created 0600 whatever the umask and replaced atomically; the store
remembers the opt-in (`sync.token_file`). With a keyring the keyring wins and no file is
written. A revoked token (the server's `esep server admin revoke-tokens`) is refused with 401
and the file is removed; `esep logout` revokes it and removes the file.

A device's private signing key (sync bundles) lives in the keyring too, key "device-key <device
id>"; without a keyring sync/bundle.py seals it under the user's password instead. So does the
local database's key, "store-key <key id>" (store/keys.py); without a keyring it is derived from
a passphrase instead. keyring is imported on first use: a sync that reads its token from the
file and opens a passphrase-keyed store never loads it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

SERVICE = "esep"
TOKEN_FILE = "sync-token"
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
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)  # ChainerBackend with nothing inside
    return chained is None or bool(chained)


def backend_name() -> str:
    import keyring

    return type(keyring.get_keyring()).__module__ + "." + type(keyring.get_keyring()).__name__


def _set(name: str, secret: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.set_password(SERVICE, name, secret)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def _get(name: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def save_token(server: str, user: str, token: str) -> None:
    _set(_key(server, user), token)


def load_token(server: str, user: str, *, folder: Path | None = None) -> str | None:
    """The stored token, or None. With ``folder`` (an install that opted in to the token
    file) the file is read first and the keyring is not loaded when it holds the token."""
    if folder is not None:
        token = load_file_token(folder, server, user)
        if token:
            return token
    return _get(_key(server, user))


def delete_token(server: str, user: str) -> bool:
    """Forget the keyring's token; True when one was deleted."""
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        return False
    try:
        keyring.delete_password(SERVICE, _key(server, user))
    except KeyringError:  # PasswordDeleteError included: there was none
        return False
    return True


# -- the opt-in token file (an unattended install without a keyring) ---------------------------
def token_file(folder: Path) -> Path:
    return Path(folder) / TOKEN_FILE


def save_file_token(folder: Path, server: str, user: str, token: str) -> Path:
    """Write the token file: a new file made 0600 (fchmod: whatever the umask), then renamed
    over the old one, so no reader ever sees a partial or wider file."""
    import uuid

    from forms.paths import PRIVATE_FILE_MODE

    path = token_file(folder)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    try:
        if hasattr(os, "fchmod"):  # POSIX; the umask may have narrowed it further
            os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"server": server.rstrip("/"), "user": user, "token": token}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def load_file_token(folder: Path, server: str, user: str) -> str | None:
    """The token file's token when it was saved for this server and user, else None."""
    try:
        saved = json.loads(token_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("server") != server.rstrip("/") \
            or saved.get("user") != user:
        return None
    token = saved.get("token")
    return token if isinstance(token, str) and token else None


def delete_file_token(folder: Path) -> bool:
    """Remove the token file; True when there was one."""
    try:
        token_file(folder).unlink()
    except FileNotFoundError:
        return False
    return True


# -- the device's signing key (sync bundles, sync/bundle.py) ---------------------------------
def _device_key(device_id: str) -> str:
    return f"device-key {device_id}"


def save_device_key(device_id: str, private_b64: str) -> None:
    """Keep a device's private signing key in the OS keyring (KeyringUnavailable if none)."""
    _set(_device_key(device_id), private_b64)


def load_device_key(device_id: str) -> str | None:
    """The device's private key from the keyring, or None (none stored, or no keyring)."""
    return _get(_device_key(device_id))


# -- the local database's key (store/keys.py registers these at start) ------------------------
def save_store_key(name: str, key_hex: str) -> None:
    """Keep the local database's key under ``name`` ("store-key <key id>")."""
    _set(name, key_hex)


def load_store_key(name: str) -> str | None:
    """The local database's key kept under ``name``, or None (none stored, or no keyring)."""
    return _get(name)


def use_for_store() -> None:
    """Let the local store keep its key in this keyring (store/keys.py)."""
    from store import keys

    keys.use_keyring(keyring_available, load_store_key, save_store_key)
