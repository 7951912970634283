"""Log in (a bearer token), log out (revoke it), change one's password, and who the caller is."""
from __future__ import annotations

from fastapi import HTTPException, Request

from server import auth, lifecycle
from server.admin import AdminError
from server.deps import (
    AppSettings,
    Bearer,
    CurrentUser,
    Engine,
    PendingUser,
    client_address,
    err,
    error_responses,
)
from server.jsonbody import api_router
from server.models import LoginIn, LoginOut, OkOut, PasswordIn, UserOut
from server.obs import LOGINS
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["auth"])


@router.post("/auth/login", response_model=LoginOut, responses=error_responses(401, 429))
def login(body: LoginIn, request: Request, engine: Engine, settings: AppSettings) -> dict:
    """A token for the user (replacing the earlier token of `device_id`, when given); 429
    with Retry-After after too many failures for this user from this address, or from this
    address altogether. `must_change_password`: only POST /auth/password works until then."""
    try:
        answer = auth.login(engine, body.username, body.password, settings,
                            client_address(request), body.device_id)
    except auth.LockedOut as exc:
        LOGINS.labels("locked_out").inc()
        raise HTTPException(429, detail={"code": "locked_out", "message": str(exc),
                                         "retry_after": exc.retry_after},
                            headers={"Retry-After": str(exc.retry_after)}) from None
    except auth.LoginFailed:
        LOGINS.labels("failed").inc()
        raise err(401, "bad_credentials", "wrong username or password") from None
    LOGINS.labels("ok").inc()
    return answer


@router.post("/auth/logout", response_model=OkOut, responses=error_responses(401))
def logout(user: PendingUser, cred: Bearer, engine: Engine) -> OkOut:
    """Revoke the token of this request."""
    assert cred is not None  # the dependency refused a request without one
    auth.revoke(engine, cred.credentials)
    return OkOut(ok=True)


@router.post("/auth/password", response_model=OkOut,
             responses=error_responses(401, 403, 422, 429))
def change_password(body: PasswordIn, request: Request, user: PendingUser, cred: Bearer,
                    engine: Engine, settings: AppSettings) -> OkOut:
    """Change one's own password (the current one first, throttled like a login); the
    user's other tokens are revoked."""
    assert cred is not None
    try:
        auth.guard_password_check(
            engine, user.username, client_address(request), settings,
            lambda: lifecycle.change_own_password(engine, user.username, body.old_password,
                                                  body.new_password, cred.credentials),
            lifecycle.WrongPassword)
    except auth.LockedOut as exc:
        raise HTTPException(429, detail={"code": "locked_out", "message": str(exc),
                                         "retry_after": exc.retry_after},
                            headers={"Retry-After": str(exc.retry_after)}) from None
    except lifecycle.WrongPassword as exc:
        raise err(403, "bad_credentials", str(exc)) from None
    except AdminError as exc:
        raise err(422, "invalid_password", str(exc)) from None
    return OkOut(ok=True)


@router.get("/me", response_model=UserOut, responses=error_responses(401))
async def me(user: CurrentUser) -> dict:
    return user.to_dict()
