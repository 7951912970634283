"""Server settings. The data folder rule is `forms.paths.data_dir` (shared with the desktop)."""
from __future__ import annotations

from dataclasses import dataclass

from forms.paths import data_dir
from sync.protocol import MAX_BODY_BYTES

DB_FILENAME = "esep-server.sqlite3"


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
    max_failed_logins: int = 5  # per (user, address)
    max_failed_logins_per_address: int = 50  # any user names, from one address
    failure_window_s: int = 15 * 60
    lockout_s: int = 15 * 60
    max_body_bytes: int = MAX_BODY_BYTES  # inflated request body (server.middleware)
    request_threads: int = 8  # per worker process (server.app._lifespan)
