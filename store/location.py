"""The local database file inside the data folder (ESEP_DATA_DIR or the platform's)."""
from __future__ import annotations

from pathlib import Path

from forms.paths import data_dir

DB_FILENAME = "esep.sqlite3"

__all__ = ["DB_FILENAME", "data_dir", "db_path"]


def db_path() -> Path:
    return data_dir() / DB_FILENAME
