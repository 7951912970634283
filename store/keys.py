"""The local database's key: where it comes from, and the small file beside the database
(``<database>.cipher.json``, not secret) that says so.

A new store gets a random 256-bit key kept in the OS keyring (service "esep", entry
"store-key <key id>"; the key id is in the side file). Where no keyring exists the key is
derived with Argon2id from a passphrase and the salt kept in the side file. The passphrase
comes from, in this order: one given for this run (``--passphrase-stdin``), the environment
variable ESEP_PASSPHRASE (unattended use), or the program's prompt (a terminal's getpass, the
desktop's dialog). Nothing secret is ever written to disk; derived keys stay in memory.

The store layer imports no keyring code: the program registers its keyring access
(``use_keyring``, from sync/credentials.py) and its prompt (``use_prompt``) at start.
"""
from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from forms.paths import PRIVATE_FILE_MODE
from store.errors import StoreError

KEY_BYTES = 32
SIDE_SUFFIX = ".cipher.json"
PASSPHRASE_ENV = "ESEP_PASSPHRASE"
MIN_PASSPHRASE = 8
# Argon2id cost for new stores (OWASP's "m=19 MiB, t=2, p=1"); kept per store in its side file,
# so a later version may raise it for new stores without locking out the old ones.
ARGON2 = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}

# A prompt: (file, new, retry) -> passphrase, or None when the user declines.
#   new: choosing a passphrase for a new store; retry: the previous one did not open it.
Prompt = Callable[[Path, bool, bool], "str | None"]


@dataclass
class _Hooks:
    keyring_available: Callable[[], bool] = lambda: False
    keyring_load: Callable[[str], str | None] = lambda _name: None
    keyring_save: Callable[[str, str], None] | None = None
    prompt: Prompt | None = None
    given: str | None = None  # passphrase given for this run (--passphrase-stdin)


_hooks = _Hooks()
# key description (its salt or key id names one key) -> key; in this process's memory only
_cache: dict[str, bytes] = {}


def use_keyring(available: Callable[[], bool], load: Callable[[str], str | None],
                save: Callable[[str, str], None]) -> None:
    """Register the OS keyring (sync/credentials.py): new stores keep their key there."""
    _hooks.keyring_available, _hooks.keyring_load, _hooks.keyring_save = available, load, save


def use_prompt(prompt: Prompt | None) -> None:
    _hooks.prompt = prompt


def use_passphrase(passphrase: str | None) -> None:
    """A passphrase given for this run (kept in memory only)."""
    _hooks.given = passphrase or None


def side_file(db: Path) -> Path:
    return db.with_name(db.name + SIDE_SUFFIX)


def read_side(db: Path) -> dict | None:
    """How the database at ``db`` is keyed, or None when it has no side file."""
    try:
        text = side_file(db).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        side = json.loads(text)
        if side.get("source") in ("keyring", "passphrase"):
            return side
    except (ValueError, AttributeError):
        pass
    raise StoreError(f"{side_file(db)}: not a key description of an Esep database",
                     code="store_key_missing")


def copy_side(db: Path, target: Path) -> None:
    """Put the side file of ``db`` beside ``target`` (a backup), so it opens elsewhere too."""
    side = read_side(db)
    if side is not None:
        _write_side(target, side, replace=True)


def _write_side(db: Path, side: dict, *, replace: bool = False) -> dict:
    """Write the side file (0600); unless ``replace``, a side file another process wrote a
    moment earlier wins and is returned."""
    path = side_file(db)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(side, out, indent=1)
        out.flush()
        os.fsync(out.fileno())
    try:
        if replace:
            os.replace(tmp, path)
            return side
        try:
            os.link(tmp, path)
        except FileExistsError:
            return read_side(db) or side
        return side
    finally:
        tmp.unlink(missing_ok=True)


def key_for(db: Path, *, create: bool, retry: bool = False) -> tuple[bytes, str]:
    """The key of the database at ``db`` and where it came from ("keyring", "given",
    "environment", "prompt"). ``create``: a new database, keyed now if it has no side file."""
    side = read_side(db)
    if side is None:
        if not create:
            raise StoreError(f"{db}: encrypted, but its key description {side_file(db).name} "
                             "is missing", code="store_key_missing")
        side = _write_side(db, _new_side(db))
    cache_key = json.dumps(side, sort_keys=True)
    if cache_key in _cache and not retry:
        return _cache[cache_key], "cache"
    if side["source"] == "keyring":
        try:
            key, origin = _keyring_key(db, side), "keyring"
        except StoreError:
            if not create:
                raise
            _write_side(db, _new_side(db), replace=True)  # a new database: a new key
            return key_for(db, create=True)
    else:
        passphrase, origin = _passphrase(db, new=create, retry=retry)
        key = derive(passphrase, side)
    _cache[cache_key] = key
    return key, origin


def remember(db: Path, key: bytes) -> None:
    """Know `key` as the key of ``db`` in this process (a helper process given it by the one
    that opened the database: reports/review_parallel.py)."""
    side = read_side(db)
    if side is not None:
        _cache[json.dumps(side, sort_keys=True)] = key


def known(db: Path) -> bytes | None:
    """The key of ``db`` if this process has it already (never asks anyone for it)."""
    side = read_side(db)
    return None if side is None else _cache.get(json.dumps(side, sort_keys=True))


def forget(db: Path) -> None:
    """Drop the cached key of ``db`` (it did not open the database)."""
    side = read_side(db)
    if side is not None:
        _cache.pop(json.dumps(side, sort_keys=True), None)


def derive(passphrase: str, side: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), base64.b64decode(side["salt"]),
                           time_cost=int(side["time_cost"]),
                           memory_cost=int(side["memory_cost"]),
                           parallelism=int(side["parallelism"]), hash_len=KEY_BYTES,
                           type=Type.ID)


# The page authentication of new stores (SQLCipher's default is HMAC_SHA512): SHA-256 costs
# less per write on CPUs with SHA extensions; a store without the entry uses the default.
PAGE_HMAC = "HMAC_SHA256"


def page_hmac(db: Path) -> str | None:
    """The store's page-HMAC algorithm as its key description records it (None: default)."""
    side = read_side(db) or {}
    value = side.get("hmac")
    return value if value in ("HMAC_SHA1", "HMAC_SHA256", "HMAC_SHA512") else None


def _new_side(db: Path) -> dict:
    if _keyring_usable():
        key_id = str(uuid.uuid4())
        assert _hooks.keyring_save is not None
        _hooks.keyring_save(f"store-key {key_id}", secrets.token_hex(KEY_BYTES))
        return {"format": 1, "source": "keyring", "key_id": key_id, "hmac": PAGE_HMAC}
    return {"format": 1, "source": "passphrase", "kdf": "argon2id", "hmac": PAGE_HMAC,
            "salt": base64.b64encode(secrets.token_bytes(16)).decode("ascii"), **ARGON2}


def _keyring_usable() -> bool:
    if _hooks.keyring_save is None:
        return False
    try:
        return bool(_hooks.keyring_available())
    except Exception:  # noqa: BLE001 - a broken keyring backend is no keyring
        return False


def _keyring_key(db: Path, side: dict) -> bytes:
    value = _hooks.keyring_load(f"store-key {side.get('key_id')}")
    if not value:
        raise StoreError(f"{db}: its key (store-key {side.get('key_id')}) is not in this "
                         "computer's keyring", code="store_key_missing")
    return bytes.fromhex(value)


def _passphrase(db: Path, *, new: bool, retry: bool) -> tuple[str, str]:
    if _hooks.given and not retry:
        return check_new(_hooks.given) if new else _hooks.given, "given"
    env = os.environ.get(PASSPHRASE_ENV)
    if env and not retry:
        return check_new(env) if new else env, "environment"
    if _hooks.prompt is not None:
        answer = _hooks.prompt(db, new, retry)
        if answer:
            return check_new(answer) if new else answer, "prompt"
    if new:  # nothing is encrypted yet: the user is to choose one, not to remember one
        raise StoreError(f"{db}: this computer has no keyring, so the new local database is "
                         f"encrypted with a passphrase of at least {MIN_PASSPHRASE} characters "
                         f"and none was chosen", code="store_passphrase_choose")
    raise StoreError(f"{db}: the local database is encrypted with a passphrase and none was "
                     f"given", code="store_passphrase_needed")   # how to give it: the message


def check_new(passphrase: str) -> str:
    """A passphrase chosen for a new store: at least MIN_PASSPHRASE characters."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(f"the passphrase has {len(passphrase)} characters; at least "
                         f"{MIN_PASSPHRASE} are needed", code="store_passphrase_short")
    return passphrase
