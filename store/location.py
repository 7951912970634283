"""The local data folder: ESEP_DATA_DIR, else the platform's per-user data folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

DB_FILENAME = "esep.sqlite3"


def data_dir() -> Path:
    env = os.environ.get("ESEP_DATA_DIR")
    if env:
        path = Path(env)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "Esep"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Esep"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "esep"
    path.mkdir(parents=True, exist_ok=True)
    return path


def db_path() -> Path:
    return data_dir() / DB_FILENAME
