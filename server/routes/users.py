"""Users (admin): list, create, import from CSV, and their lifecycle (password set / reset,
disable / enable, unlock, revoke tokens). Every change is in the audit log."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio.to_thread
from fastapi import Request

from server import admin, lifecycle, user_import
from server.deps import AdminUser, Engine, err, error_responses
from server.jsonbody import api_router
from server.models import UserIn, UserOut, UserRowOut
from server.ops_models import ImportUsersOut, SetPasswordIn, UserChangeOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["users"], responses=error_responses(401, 403))
MAX_CSV_BYTES = 5 * 1024 * 1024


@router.get("/users", response_model=list[UserRowOut])
def get_users(user: AdminUser, engine: Engine) -> list[dict]:
    return admin.list_users(engine)


@router.post("/users", status_code=201, response_model=UserOut,
             responses=error_responses(422))
def post_user(body: UserIn, user: AdminUser, engine: Engine) -> dict:
    try:
        return admin.create_user(engine, body.username, body.password, body.role,
                                 body.region, body.district, actor=user.username)
    except admin.AdminError as exc:
        raise err(422, "invalid_user", str(exc)) from None


@router.post("/users/import", status_code=201, response_model=ImportUsersOut,
             responses=error_responses(413, 422),
             openapi_extra={"requestBody": {"required": True, "content": {
                 "text/csv": {"schema": {"type": "string"}}}}})
async def import_users(request: Request, user: AdminUser, engine: Engine) -> dict:
    """A CSV file (username, role, region, district; UTF-8 or Windows-1251, `,` or `;`) as
    the body: every user or none; the answer holds the one-time passwords."""
    data = await request.body()
    if len(data) > MAX_CSV_BYTES:
        raise err(413, "too_large", f"at most {MAX_CSV_BYTES} bytes of CSV")
    try:
        created = await anyio.to_thread.run_sync(
            lambda: user_import.import_users(engine, data, actor=user.username))
    except admin.AdminError as exc:
        raise err(422, "invalid_users", str(exc), errors=str(exc).splitlines()) from None
    return {"imported": len(created), "users": created}


def _change(fn: Callable[..., dict], *args, **kwargs) -> dict:
    try:
        return fn(*args, **kwargs)
    except lifecycle.UnknownUser as exc:
        raise err(404, "not_found", str(exc)) from None
    except admin.AdminError as exc:
        raise err(422, "invalid_user", str(exc)) from None


_CHANGE: dict[str, Any] = {"response_model": UserChangeOut,
                           "responses": error_responses(404, 422)}


@router.put("/users/{username}/password", **_CHANGE)
def set_password(username: str, body: SetPasswordIn, user: AdminUser,
                 engine: Engine) -> dict:
    """Set a user's password (tokens revoked); `must_change` forces a change at login."""
    return _change(lifecycle.set_password, engine, username, body.password,
                   actor=user.username, must_change=body.must_change)


@router.post("/users/{username}/reset-password", **_CHANGE)
def reset_password(username: str, user: AdminUser, engine: Engine) -> dict:
    """A one-time password, to be changed at the next login (tokens revoked)."""
    return _change(lifecycle.reset_password, engine, username, actor=user.username)


@router.post("/users/{username}/disable", **_CHANGE)
def disable(username: str, user: AdminUser, engine: Engine) -> dict:
    return _change(lifecycle.set_active, engine, username, False, actor=user.username)


@router.post("/users/{username}/enable", **_CHANGE)
def enable(username: str, user: AdminUser, engine: Engine) -> dict:
    return _change(lifecycle.set_active, engine, username, True, actor=user.username)


@router.post("/users/{username}/unlock", **_CHANGE)
def unlock(username: str, user: AdminUser, engine: Engine) -> dict:
    return _change(lifecycle.unlock, engine, username, actor=user.username)


@router.post("/users/{username}/revoke-tokens", **_CHANGE)
def revoke_tokens(username: str, user: AdminUser, engine: Engine) -> dict:
    return _change(lifecycle.revoke_tokens, engine, username, actor=user.username)
