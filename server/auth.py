"""Passwords (argon2), opaque bearer tokens stored as sha256, login throttling in the DB."""
from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from forms.periods import utc_now
from server.config import Settings
from server.db import login_throttle, tokens, users

_hasher = PasswordHasher()
# A real hash to verify against when the user does not exist (same timing either way).
_DUMMY_HASH = _hasher.hash("esep-dummy-password")


@dataclass(frozen=True)
class User:
    username: str
    role: str
    region: str | None
    district: str | None

    def to_dict(self) -> dict:
        return {"username": self.username, "role": self.role, "region": self.region,
                "district": self.district}


class LoginFailed(Exception):
    """Bad username or password (401)."""


class LockedOut(Exception):
    """Too many failed logins for this username (429)."""

    def __init__(self, retry_after: int):
        super().__init__(f"locked out for {retry_after} s")
        self.retry_after = retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_lock(conn, username: str, now: float) -> None:
    row = conn.execute(sa.select(login_throttle).where(
        login_throttle.c.username == username)).first()
    if row and row.locked_until > now:
        raise LockedOut(int(row.locked_until - now) + 1)


def _record_failure(conn, username: str, now: float, settings: Settings) -> None:
    t = login_throttle
    row = conn.execute(sa.select(t).where(t.c.username == username)).first()
    if row is None:
        conn.execute(t.insert().values(username=username, failures=1, window_start=now,
                                       locked_until=0.0))
        failures = 1
    else:
        fresh = now - row.window_start > settings.failure_window_s
        failures = 1 if fresh else row.failures + 1
        conn.execute(t.update().where(t.c.username == username).values(
            failures=failures, window_start=now if fresh else row.window_start))
    if failures >= settings.max_failed_logins:
        conn.execute(t.update().where(t.c.username == username).values(
            failures=0, window_start=now, locked_until=now + settings.lockout_s))


def login(engine: sa.Engine, username: str, password: str, settings: Settings) -> dict:
    """Check the password and issue a token; raise LoginFailed / LockedOut."""
    username = username[:200]
    now = time.time()
    with engine.connect() as conn:
        _check_lock(conn, username, now)
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    ok = _verify(row.password_hash if row is not None else _DUMMY_HASH, password)
    failed = not ok or row is None or not row.active
    with engine.begin() as conn:  # the failure is committed before we answer 401
        _check_lock(conn, username, now)
        if failed:
            _record_failure(conn, username, now, settings)
        else:
            conn.execute(login_throttle.delete().where(login_throttle.c.username == username))
            token = secrets.token_urlsafe(32)
            expires = now + settings.token_ttl_hours * 3600
            conn.execute(tokens.insert().values(
                token_hash=token_digest(token), username=username, created_at=utc_now(),
                expires_at=expires, revoked=False))
    if failed:
        raise LoginFailed()
    assert row is not None
    user = User(row.username, row.role, row.region, row.district)
    return {"token": token, "expires_at": _iso(expires), "user": user.to_dict()}


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def user_for_token(engine: sa.Engine, token: str) -> User | None:
    q = (sa.select(users).join(tokens, tokens.c.username == users.c.username)
         .where(tokens.c.token_hash == token_digest(token), tokens.c.revoked.is_(False),
                tokens.c.expires_at > time.time(), users.c.active.is_(True)))
    with engine.connect() as conn:
        row = conn.execute(q).first()
    return None if row is None else User(row.username, row.role, row.region, row.district)


def revoke(engine: sa.Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(tokens.update().where(tokens.c.token_hash == token_digest(token))
                     .values(revoked=True))
