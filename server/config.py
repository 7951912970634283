"""Server settings: the data folder (same rule as the desktop's, without importing `store`)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

DB_FILENAME = "esep-server.sqlite3"


def data_dir() -> Path:
    """ESEP_DATA_DIR, else the platform's per-user data folder (mirrors store.location)."""
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


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / DB_FILENAME}"


def normalize_db_url(url: str | None) -> str:
    """Default to the data folder; `postgresql://` means psycopg 3 (not psycopg2)."""
    if not url:
        return default_db_url()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


@dataclass(frozen=True)
class Settings:
    """Tunables; tests shorten the lockout. All state lives in the database."""

    token_ttl_hours: int = 24 * 14
    max_failed_logins: int = 5
    failure_window_s: int = 15 * 60
    lockout_s: int = 15 * 60
    max_body_bytes: int = 32 * 1024 * 1024
    max_ops_per_push: int = 2000
