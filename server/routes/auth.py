"""Log in (a bearer token), log out (revoke it), and who the caller is."""
from __future__ import annotations

from fastapi import HTTPException

from server import auth
from server.deps import AppSettings, Bearer, CurrentUser, Engine, err, error_responses
from server.jsonbody import api_router
from server.models import LoginIn, LoginOut, OkOut, UserOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["auth"])


@router.post("/auth/login", response_model=LoginOut, responses=error_responses(401, 429))
def login(body: LoginIn, engine: Engine, settings: AppSettings) -> dict:
    """A token for the user; 429 with Retry-After after too many failures."""
    try:
        return auth.login(engine, body.username, body.password, settings)
    except auth.LockedOut as exc:
        raise HTTPException(429, detail={"code": "locked_out", "message": str(exc),
                                         "retry_after": exc.retry_after},
                            headers={"Retry-After": str(exc.retry_after)}) from None
    except auth.LoginFailed:
        raise err(401, "bad_credentials", "wrong username or password") from None


@router.post("/auth/logout", response_model=OkOut, responses=error_responses(401))
def logout(user: CurrentUser, cred: Bearer, engine: Engine) -> OkOut:
    """Revoke the token of this request."""
    assert cred is not None  # CurrentUser refused a request without one
    auth.revoke(engine, cred.credentials)
    return OkOut(ok=True)


@router.get("/me", response_model=UserOut, responses=error_responses(401))
async def me(user: CurrentUser) -> dict:
    return user.to_dict()
