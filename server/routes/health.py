"""GET /healthz: up, and which server this is."""
from __future__ import annotations

from fastapi import Request

from server.jsonbody import api_router
from server.models import HealthOut

router = api_router(tags=["health"])


@router.get("/healthz", response_model=HealthOut)
async def healthz(request: Request) -> HealthOut:
    """Up, and which server this is (a client's data folder belongs to one)."""
    return HealthOut(ok=True, server_id=request.app.state.server_id)
