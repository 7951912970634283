"""A user's lifecycle after creation: passwords set, reset and changed; disable / enable;
unlock; revoke every token. Admin actions are written to the audit log in their own
transaction (server.audit); the CLI and the API call the same functions."""
from __future__ import annotations

import sqlalchemy as sa

from server import audit, auth
from server.admin import AdminError
from server.db import login_throttle, tokens, users


class WrongPassword(AdminError):
    """The current password given for a change is wrong."""


class UnknownUser(AdminError):
    """No user of that name."""


def _existing(conn, username: str):
    row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    if row is None:
        raise UnknownUser(f"user: {username!r} does not exist")
    return row


def _revoke_all(conn, username: str, keep_token_hash: str | None = None) -> int:
    q = tokens.delete().where(tokens.c.username == username)
    if keep_token_hash:
        q = q.where(tokens.c.token_hash != keep_token_hash)
    return conn.execute(q).rowcount or 0


def _check_new(password: str) -> None:
    problem = auth.password_problem(password)
    if problem:
        raise AdminError(f"password: {problem}")


def set_password(engine: sa.Engine, username: str, password: str, *, actor: str,
                 must_change: bool = False) -> dict:
    """An admin sets a password; the user's tokens are revoked."""
    _check_new(password)
    digest = auth.hash_password(password)
    with engine.begin() as conn:
        _existing(conn, username)
        conn.execute(users.update().where(users.c.username == username).values(
            password_hash=digest, must_change_password=must_change))
        revoked = _revoke_all(conn, username)
        audit.record(conn, actor, "set_password", username, must_change=must_change)
    return {"username": username, "must_change_password": must_change, "revoked": revoked}


def reset_password(engine: sa.Engine, username: str, *, actor: str) -> dict:
    """A one-time password; the user must change it at the next login (until then only the
    change-password route answers). Tokens are revoked."""
    password, digest = auth.new_one_time_password()
    with engine.begin() as conn:
        _existing(conn, username)
        conn.execute(users.update().where(users.c.username == username).values(
            password_hash=digest, must_change_password=True))
        revoked = _revoke_all(conn, username)
        audit.record(conn, actor, "reset_password", username)
    return {"username": username, "password": password, "must_change_password": True,
            "revoked": revoked}


def set_active(engine: sa.Engine, username: str, active: bool, *, actor: str) -> dict:
    """Disable (tokens revoked, logins refused) or enable a user."""
    with engine.begin() as conn:
        _existing(conn, username)
        conn.execute(users.update().where(users.c.username == username)
                     .values(active=active))
        revoked = 0 if active else _revoke_all(conn, username)
        audit.record(conn, actor, "enable" if active else "disable", username)
    return {"username": username, "active": active, "revoked": revoked}


def unlock(engine: sa.Engine, username: str, *, actor: str) -> dict:
    """Clear the user's login lockouts (from every address)."""
    with engine.begin() as conn:
        _existing(conn, username)
        n = conn.execute(login_throttle.delete().where(
            login_throttle.c.username == username)).rowcount or 0
        audit.record(conn, actor, "unlock", username, cleared=n)
    return {"username": username, "cleared": n}


def revoke_tokens(engine: sa.Engine, username: str, *, actor: str) -> dict:
    with engine.begin() as conn:
        _existing(conn, username)
        n = _revoke_all(conn, username)
        audit.record(conn, actor, "revoke_tokens", username, revoked=n)
    return {"username": username, "revoked": n}


def change_own_password(engine: sa.Engine, username: str, old: str, new: str,
                        token: str | None = None) -> None:
    """Self-service: the current password, then the new one (not the same); the user's
    other tokens are revoked, the one of this request is kept."""
    _check_new(new)
    if new == old:
        raise AdminError("new_password: the new password must differ from the current one")
    with engine.connect() as conn:
        row = _existing(conn, username)
    if not auth.verify_password(row.password_hash, old):
        raise WrongPassword("old_password: the current password is wrong")
    digest = auth.hash_password(new)
    keep = auth.token_digest(token) if token else None
    with engine.begin() as conn:
        conn.execute(users.update().where(users.c.username == username).values(
            password_hash=digest, must_change_password=False))
        _revoke_all(conn, username, keep)
        audit.record(conn, username, "change_password", username)
