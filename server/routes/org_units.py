"""Org units: the caller's (any role) and the admin's import."""
from __future__ import annotations

import sqlalchemy as sa

from server import admin
from server.auth import User
from server.db import org_units
from server.deps import AdminUser, CurrentUser, Engine, err, error_responses
from server.jsonbody import api_router
from server.models import ImportedOut, OrgUnitIn, OrgUnitOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["org units"], responses=error_responses(401))


@router.get("/orgunits", response_model=list[OrgUnitOut])
def list_orgunits(user: CurrentUser, engine: Engine) -> list[dict]:
    return orgunits_in_scope(engine, user)


def orgunits_in_scope(engine: sa.Engine, user: User) -> list[dict]:
    """district: its district + region unit; region: its region; others: all."""
    q = sa.select(org_units).order_by(org_units.c.id)
    if user.role in ("district", "region"):
        q = q.where(org_units.c.region == user.region)
    if user.role == "district":
        q = q.where(org_units.c.id.in_([user.district, user.region]))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


@router.post("/orgunits", response_model=ImportedOut, responses=error_responses(403, 422))
def post_orgunits(body: list[OrgUnitIn], user: AdminUser, engine: Engine) -> ImportedOut:
    """Upsert districts; on any bad row nothing is saved (422 lists every row's error)."""
    try:
        n = admin.import_orgunits(engine, [u.model_dump() for u in body])
    except admin.AdminError as exc:
        raise err(422, "invalid_orgunits", "org units not imported",
                  errors=str(exc).splitlines()) from None
    return ImportedOut(imported=n)
