"""Passwords (argon2), opaque bearer tokens stored as sha256, login throttling in the DB.

Throttling: failures count per (user name, address) and per address over all user names.
Failures from one address lock only that address (for that user, or altogether), so a
stranger cannot lock a district out of its own office."""
from __future__ import annotations

import hashlib
import logging
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
# One-time passwords are random (96 bits): a light hash is as safe and 200 times faster
# (300 users imported at once); verify() reads the parameters from the hash itself.
_one_time_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
# A real hash to verify against when the user does not exist (same timing either way).
_DUMMY_HASH = _hasher.hash("esep-dummy-password")
ANY_USER = ""  # the login_throttle row of an address over all user names
MIN_PASSWORD = 8
log = logging.getLogger("esep.auth")


@dataclass(frozen=True)
class User:
    username: str
    role: str
    region: str | None
    district: str | None
    device_id: str | None = None  # the device the token was issued to, when it said
    must_change_password: bool = False

    def to_dict(self) -> dict:
        return {"username": self.username, "role": self.role, "region": self.region,
                "district": self.district}


class LoginFailed(Exception):
    """Bad username or password (401)."""


class LockedOut(Exception):
    """Too many failed logins for this username from this address, or from the address (429)."""

    def __init__(self, retry_after: int):
        super().__init__(f"locked out for {retry_after} s")
        self.retry_after = retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def new_one_time_password() -> tuple[str, str]:
    """(password, its hash): 16 URL-safe characters, to be changed at the first login."""
    password = secrets.token_urlsafe(12)
    return password, _one_time_hasher.hash(password)


def password_problem(password: str) -> str | None:
    """The one password rule: None when acceptable, else why not."""
    if len(password) < MIN_PASSWORD:
        return f"a password needs at least {MIN_PASSWORD} characters"
    if len(password) > 1024:
        return "a password may have at most 1024 characters"
    return None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _throttle_rows(conn, username: str, address: str):
    t = login_throttle
    return conn.execute(sa.select(t).where(
        t.c.address == address, t.c.username.in_([username, ANY_USER]))).all()


def _check_lock(conn, username: str, address: str, now: float) -> None:
    until = max((r.locked_until for r in _throttle_rows(conn, username, address)), default=0)
    if until > now:
        raise LockedOut(int(until - now) + 1)


def _count_failure(conn, username: str, address: str, now: float, limit: int,
                   settings: Settings) -> bool:
    """One more failure on the row (username, address); True when it locks now."""
    t = login_throttle
    key = sa.and_(t.c.username == username, t.c.address == address)
    row = conn.execute(sa.select(t).where(key)).first()
    if row is None:
        conn.execute(t.insert().values(username=username, address=address, failures=1,
                                       window_start=now, locked_until=0.0))
        failures = 1
    else:
        fresh = now - row.window_start > settings.failure_window_s
        failures = 1 if fresh else row.failures + 1
        conn.execute(t.update().where(key).values(
            failures=failures, window_start=now if fresh else row.window_start))
    if failures < limit:
        return False
    conn.execute(t.update().where(key).values(failures=0, window_start=now,
                                              locked_until=now + settings.lockout_s))
    return True


def _record_failure(conn, username: str, address: str, now: float, settings: Settings):
    if _count_failure(conn, username, address, now, settings.max_failed_logins, settings):
        log.warning("lockout", extra={"event": "lockout", "user": username,
                                      "client": address, "seconds": settings.lockout_s})
    if _count_failure(conn, ANY_USER, address, now, settings.max_failed_logins_per_address,
                      settings):
        log.warning("lockout", extra={"event": "lockout", "user": "*", "client": address,
                                      "seconds": settings.lockout_s})


def guard_password_check(engine: sa.Engine, username: str, address: str,
                         settings: Settings, check, wrong: type[Exception]) -> None:
    """Run `check()` under the login throttle: refused while locked out, and its `wrong`
    exception (a wrong password) counts like a failed login."""
    now = time.time()
    with engine.connect() as conn:
        _check_lock(conn, username, address, now)
    try:
        check()
    except wrong:
        with engine.begin() as conn:
            _record_failure(conn, username, address, now, settings)
        raise


def login(engine: sa.Engine, username: str, password: str, settings: Settings,
          address: str = "unknown", device_id: str | None = None) -> dict:
    """Check the password and issue a token; raise LoginFailed / LockedOut. A token issued
    to a device replaces that device's earlier tokens; expired tokens are pruned."""
    username, address = username[:200], address[:64]
    now = time.time()
    with engine.connect() as conn:
        _check_lock(conn, username, address, now)
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    ok = _verify(row.password_hash if row is not None else _DUMMY_HASH, password)
    failed = not ok or row is None or not row.active
    with engine.begin() as conn:  # the failure is committed before we answer 401
        _check_lock(conn, username, address, now)
        if failed:
            _record_failure(conn, username, address, now, settings)
        else:
            token, expires = _issue(conn, username, address, device_id, now, settings)
    if failed:
        log.info("login failed", extra={"event": "login_failed", "user": username,
                                        "client": address})
        raise LoginFailed()
    assert row is not None
    log.info("login", extra={"event": "login", "user": username, "client": address})
    user = User(row.username, row.role, row.region, row.district)
    return {"token": token, "expires_at": _iso(expires), "user": user.to_dict(),
            "must_change_password": bool(row.must_change_password)}


def _issue(conn, username: str, address: str, device_id: str | None, now: float,
           settings: Settings) -> tuple[str, float]:
    conn.execute(login_throttle.delete().where(login_throttle.c.username == username,
                                               login_throttle.c.address == address))
    stale = sa.or_(tokens.c.expires_at <= now, tokens.c.revoked.is_(True))
    if device_id:
        stale = sa.or_(stale, sa.and_(tokens.c.username == username,
                                      tokens.c.device_id == device_id))
    conn.execute(tokens.delete().where(stale))
    token = secrets.token_urlsafe(32)
    expires = now + settings.token_ttl_hours * 3600
    conn.execute(tokens.insert().values(
        token_hash=token_digest(token), username=username, created_at=utc_now(),
        expires_at=expires, revoked=False, device_id=device_id))
    return token, expires


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_verify = verify_password


# A token's user: one statement built once (bound anew at each request), and columns that a
# caller adds to it (server.deps: the published forms' counter, in the same round trip).
TOKEN_USER = (sa.select(users, tokens.c.device_id)
              .join(tokens, tokens.c.username == users.c.username)
              .where(tokens.c.token_hash == sa.bindparam("digest"),
                     tokens.c.revoked.is_(False), tokens.c.expires_at > sa.bindparam("now"),
                     users.c.active.is_(True)))


def token_params(token: str) -> dict:
    """TOKEN_USER's parameters for `token`, now."""
    return {"digest": token_digest(token), "now": time.time()}


def user_of_row(row) -> User | None:
    """The User of a TOKEN_USER row (None for none)."""
    if row is None:
        return None
    return User(row.username, row.role, row.region, row.district, row.device_id,
                bool(row.must_change_password))


def user_for_token(engine: sa.Engine, token: str, conn=None) -> User | None:
    """The active user of a token neither expired nor revoked (on `conn` when given)."""
    if conn is None:
        with engine.connect() as own:
            return user_for_token(engine, token, own)
    return user_of_row(conn.execute(TOKEN_USER, token_params(token)).first())


def revoke(engine: sa.Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(tokens.update().where(tokens.c.token_hash == token_digest(token))
                     .values(revoked=True))
