"""Users (admin): list and create."""
from __future__ import annotations

from server import admin
from server.deps import AdminUser, Engine, err, error_responses
from server.jsonbody import api_router
from server.models import UserIn, UserOut, UserRowOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["users"], responses=error_responses(401, 403))


@router.get("/users", response_model=list[UserRowOut])
def get_users(user: AdminUser, engine: Engine) -> list[dict]:
    return admin.list_users(engine)


@router.post("/users", status_code=201, response_model=UserOut,
             responses=error_responses(422))
def post_user(body: UserIn, user: AdminUser, engine: Engine) -> dict:
    try:
        return admin.create_user(engine, body.username, body.password, body.role,
                                 body.region, body.district)
    except admin.AdminError as exc:
        raise err(422, "invalid_user", str(exc)) from None
