"""The local SQLite database: migrations, records, revisions, audit log, outbox, tombstones.

`Store` and `open_store` load on first use, so the light modules of the package
(store.location, store.settings, store.errors, store.keys) import without sqlite-utils.
Every connection is encrypted (SQLCipher, store/cipher.py)."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from store.errors import NotFound, StoreError, SubmitBlocked, error_text

if TYPE_CHECKING:
    from store.api import Store, open_store

__all__ = ["NotFound", "Store", "StoreError", "SubmitBlocked", "error_text", "open_store"]
_LAZY = {"Store": "store.api", "open_store": "store.api"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
