"""sqlite-utils, imported without its optional pandas / numpy import.

`sqlite_utils.db` imports pandas and numpy at import time whenever they are installed, only to
map their scalar types (numpy.int64, pandas.Timestamp, ...) to column types for its table
API. Esep's store writes plain Python values through SQL (`db.execute`) and never hands it a
DataFrame value, but pandas is installed for the reports, so every store start would pay for
pandas and numpy (about 0.3 s of the desktop's start-up on a laptop). sqlite-utils has no
public switch for this, hence this one helper: the store imports sqlite-utils from here, with
pandas / numpy hidden for the length of that import when nothing loaded them yet. They import
normally afterwards (the reports load them when used). The plugin scan sqlite-utils runs per
connection is turned off through its public `execute_plugins=False` (store.db.connect).
"""
from __future__ import annotations

import sys

OPTIONAL = ("pandas", "numpy")


def _import_sqlite_utils():
    if "sqlite_utils.db" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return sqlite_utils


_lib = _import_sqlite_utils()
Database = _lib.Database
Migrations = _lib.Migrations

__all__ = ["Database", "Migrations"]
