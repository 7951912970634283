"""Seeing the country: which districts have not synced (region: its own; central, admin: all),
and the audit log of admin actions (admin)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

from server import activity, audit
from server.deps import AdminUser, Engine, OverseerUser, error_responses
from server.jsonbody import api_router
from server.ops_models import AuditEntryOut, StatusOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["status"], responses=error_responses(401, 403))


@router.get("/status", response_model=StatusOut)
def get_status(user: OverseerUser, engine: Engine,
               silent_days: Annotated[int, Query(ge=0, le=activity.MAX_SILENT_DAYS)] = 7,
               only_silent: bool = False) -> dict:
    """Each district with its users' devices and their last push and pull; `silent` when
    nothing came from it for `silent_days` days (or ever)."""
    answer = activity.status(engine, user, silent_days)
    if only_silent:
        answer["units"] = [u for u in answer["units"] if u["silent"]]
    return answer


@router.get("/audit", response_model=list[AuditEntryOut])
def get_audit(user: AdminUser, engine: Engine,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
              target: Annotated[str | None, Query(max_length=200)] = None) -> list[dict]:
    """Admin actions, newest first."""
    return audit.entries(engine, limit, target)
