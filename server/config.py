"""Server settings: ONE frozen dataclass, read from an optional TOML file and environment
variables (the environment wins). docs/deploy.md lists every setting with its default.

The data folder rule is `forms.paths.data_dir` (shared with the desktop). A database password
never goes on the command line: `check_no_password` refuses it there (use ESEP_SERVER_DB, the
TOML file, or PostgreSQL's own ~/.pgpass / PGPASSWORD).
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from forms.paths import data_dir
from sync.protocol import MAX_BODY_BYTES, MAX_GZIP_BYTES

DB_FILENAME = "esep-server.sqlite3"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's, for several workers
CONFIG_ENV = "ESEP_SERVER_CONFIG"
ENV_PREFIX = "ESEP_"


class ConfigError(ValueError):
    """A setting that cannot be used: names the file key or the variable, and what is allowed."""


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


def check_no_password(url: str | None, where: str = "--db") -> None:
    """A URL given on the command line must not hold a password (ps, shell history)."""
    if not url:
        return
    import sqlalchemy as sa

    try:
        password = sa.engine.make_url(normalize_db_url(url)).password
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"{where}: not a database URL ({exc})") from None
    if password:
        raise ConfigError(
            f"{where} holds a password: anyone on this machine can read a command line. Give "
            "the URL in ESEP_SERVER_DB or the config file (db = ...), or leave the password "
            "out and use ~/.pgpass or PGPASSWORD")


def safe_url(url: str) -> str:
    """The URL for messages and logs: the password masked."""
    import sqlalchemy as sa

    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid URL>"


@dataclass(frozen=True)
class Settings:
    """Tunables; tests shorten the lockout. All state lives in the database.
    The TOML key is the field name; the variable is ESEP_<NAME> (db: ESEP_SERVER_DB)."""

    db: str | None = None  # database URL; None = SQLite in the data folder
    token_ttl_hours: int = 24 * 14
    max_failed_logins: int = 5  # per (user, address)
    max_failed_logins_per_address: int = 50  # any user names, from one address
    failure_window_s: int = 15 * 60
    lockout_s: int = 15 * 60
    max_body_bytes: int = MAX_BODY_BYTES  # inflated request body (server.middleware)
    max_gzip_bytes: int = MAX_GZIP_BYTES  # a gzip or xz request body as sent (server.middleware)
    wire_xz: bool = True  # xz pull pages and push bodies (sync/xz.py); off: gzip only
    request_threads: int = 8  # per worker process (server.app._lifespan)
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)  # X-Forwarded-For is believed from
    public_docs: bool = True  # /docs, /redoc and /openapi.json served
    auto_migrate: bool = True  # `esep server` migrates (under a lock) before serving

    @property
    def db_url(self) -> str:
        return normalize_db_url(self.db)


_MINIMUM = {"token_ttl_hours": 0, "max_failed_logins": 1, "max_failed_logins_per_address": 1,
            "failure_window_s": 1, "lockout_s": 0, "max_body_bytes": 1024, "request_threads": 1}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def env_name(field: str) -> str:
    return "ESEP_SERVER_DB" if field == "db" else ENV_PREFIX + field.upper()


def _convert(field: dataclasses.Field, value, where: str):
    kind = str(field.type)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE + _FALSE:
            return text in _TRUE
        raise ConfigError(f"{where}: {value!r} is not a yes/no value (true or false)")
    if kind == "int":
        try:
            number = value if isinstance(value, int) and not isinstance(value, bool) \
                else int(str(value).strip())
        except ValueError:
            raise ConfigError(f"{where}: {value!r} is not a whole number") from None
        if number < _MINIMUM.get(field.name, 0):
            raise ConfigError(f"{where}: {number} is below the minimum "
                              f"{_MINIMUM.get(field.name, 0)}")
        return number
    if kind.startswith("tuple"):
        items = value if isinstance(value, list) else str(value).split(",")
        return tuple(str(i).strip() for i in items if str(i).strip())
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {value!r} is not text")
    return value.strip() or None


def _from_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: not valid TOML ({exc})") from None
    data = data.get("server", data)  # the keys may sit under [server]
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    out = {}
    for key, value in data.items():
        if key not in fields:
            raise ConfigError(f"config file {path}: unknown key {key!r} (allowed: "
                              f"{', '.join(fields)})")
        out[key] = _convert(fields[key], value, f"config file {path}, key {key}")
    return out


def load_settings(config_file: str | os.PathLike | None = None,
                  env: Mapping[str, str] | None = None, **overrides) -> Settings:
    """Defaults < the TOML file (`config_file`, else $ESEP_SERVER_CONFIG) < environment
    variables < `overrides` (command-line options; None = not given)."""
    env = os.environ if env is None else env
    path = config_file or env.get(CONFIG_ENV)
    values = _from_file(Path(path)) if path else {}
    for field in dataclasses.fields(Settings):
        raw = env.get(env_name(field.name))
        if raw is not None and raw.strip() != "":
            values[field.name] = _convert(field, raw, f"environment variable "
                                                      f"{env_name(field.name)}")
    given = {k: v for k, v in overrides.items() if v is not None}
    values.update(given)
    if values.get("db"):
        where = f"config file {path}, key db"
        if (env.get(env_name("db")) or "").strip():
            where = f"environment variable {env_name('db')}"
        check_db_scheme(values["db"], "--db" if "db" in given else where)
    return Settings(**values)


DB_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "sqlite")
DB_URL_FORMS = "postgresql://user@host:5432/dbname or sqlite:///path/to/file.sqlite3"


def check_db_scheme(url: str, where: str) -> None:
    """Only PostgreSQL (psycopg 3) and SQLite are served: anything else is refused here, before
    a driver is looked for."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in DB_SCHEMES:
        raise ConfigError(f"{where}: {safe_url(url)!r} is not a database Esep can use "
                          f"(allowed: {DB_URL_FORMS})")
