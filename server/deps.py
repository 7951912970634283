"""Shared route dependencies: the engine and settings of the app, the caller (bearer token),
role guards; and the one shape of an error answer ({"detail": {code, message, ...}})."""
from __future__ import annotations

from typing import Annotated

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from forms.lifecycle import REVIEWER_ROLES
from forms.published import use as use_published
from server import auth, published
from server.auth import User
from server.config import Settings
from server.models import ErrorOut
from server.obs import note_user
from server.scope import RECORD_ROLES

ADMIN = "admin"


def err(status: int, code: str, message: str, **extra) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message, **extra})


def error_responses(*statuses: int) -> dict:
    """OpenAPI `responses=` for the error answers a route gives."""
    return {status: {"model": ErrorOut} for status in statuses}


def app_state(request: Request) -> tuple[sa.Engine, Settings]:
    """The app's engine and settings (server.app.create_app puts them there). The hot sync
    routes call this rather than take them as dependencies: FastAPI solves each one anew for
    every request."""
    state = request.app.state
    return state.engine, state.settings


# Trivial dependencies are `async def`: a plain `def` would cost a hop to the thread pool.
async def _engine(request: Request) -> sa.Engine:
    return app_state(request)[0]


async def _settings(request: Request) -> Settings:
    return app_state(request)[1]


Engine = Annotated[sa.Engine, Depends(_engine)]
AppSettings = Annotated[Settings, Depends(_settings)]

_bearer = HTTPBearer(auto_error=False)
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


_LOOKUP = auth.TOKEN_USER.add_columns(
    published.VERSION_VALUE.scalar_subquery().label("esep_forms_version"))


def _lookup(engine: sa.Engine, token: str):
    """(the token's user or None, this database's published set) on one connection; a known
    token's user and the published forms' counter in one statement, outside a transaction
    (no BEGIN and ROLLBACK around it: one round trip instead of three)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        row = conn.execute(_LOOKUP, auth.token_params(token)).first()
        version = None if row is None else int(row.esep_forms_version or 0)
        return auth.user_of_row(row), published.current(engine, conn, version)


async def _token_user(request: Request, cred: Bearer) -> User:
    """The caller: 401 without a token or with one that is unknown, expired or revoked. Also
    sets this database's published forms and enumerations for the whole request (a
    ContextVar set here, in the request's task, reaches the thread the route runs in). One
    hop to the thread pool and one connection for both."""
    if cred is None or not cred.credentials:
        raise err(401, "not_authenticated", "log in first (Authorization: Bearer <token>)")
    user, pset = await anyio.to_thread.run_sync(_lookup, app_state(request)[0],
                                                 cred.credentials)
    use_published(pset)
    if user is None:
        raise err(401, "invalid_token", "the token is unknown, expired or revoked")
    note_user(request, user.username)
    return user


def _password_changed(user: User) -> User:
    """The caller, who must first change a reset password (403 password_change_required)."""
    if user.must_change_password:
        raise err(403, "password_change_required",
                  "change your password first (POST /api/v1/auth/password)")
    return user


async def _current_user(user: Annotated[User, Depends(_token_user)]) -> User:
    return _password_changed(user)


# Only the change-password route (and logout) take a caller whose password must change.
PendingUser = Annotated[User, Depends(_token_user)]
CurrentUser = Annotated[User, Depends(_current_user)]


def require_roles(*roles: str, message: str = "role {role} has no access here"):
    """A dependency: the caller when its role is one of `roles`, else 403 forbidden
    (`message` may name the caller's {role})."""
    async def guard(user: PendingUser) -> User:  # checked as CurrentUser, one level less
        if _password_changed(user).role not in roles:
            raise err(403, "forbidden", message.format(role=user.role))
        return user
    return guard


RecordsUser = Annotated[User, Depends(require_roles(
    *RECORD_ROLES, message="role {role} has no access to records"))]
ReviewerUser = Annotated[User, Depends(require_roles(
    *REVIEWER_ROLES, message="only region and central review records"))]
PublisherUser = Annotated[User, Depends(require_roles(
    *published.WRITERS, message="only admin and central publish forms and enumerations"))]
AdminUser = Annotated[User, Depends(require_roles(ADMIN, message="admin only"))]
OverseerUser = Annotated[User, Depends(require_roles(
    "region", "central", ADMIN, message="only region, central and admin see sync status"))]


def client_address(request: Request) -> str:
    """The caller's address (uvicorn puts a trusted proxy's X-Forwarded-For here)."""
    return request.client.host if request.client else "unknown"
