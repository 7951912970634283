"""GET /healthz: up, the database answers, and which server this is; GET /metrics."""
from __future__ import annotations

import logging

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Request, Response
from fastapi.responses import JSONResponse

from server.db import server_id
from server.jsonbody import api_router
from server.models import HealthOut
from server.obs import metrics_body

router = api_router(tags=["health"])
log = logging.getLogger("esep.health")


def _database_ok(engine: sa.Engine, expected: str) -> bool:
    try:
        with engine.connect() as conn:
            return server_id(conn) == expected
    except sa.exc.SQLAlchemyError as exc:
        log.error("database down", extra={"event": "db_down", "error": type(exc).__name__})
        return False


@router.get("/healthz", response_model=HealthOut, responses={503: {"model": HealthOut}})
async def healthz(request: Request) -> Response:
    """Up, the database answers (503 when not), and which server this is (a client's data
    folder belongs to one)."""
    state = request.app.state
    ok = await anyio.to_thread.run_sync(_database_ok, state.engine, state.server_id)
    body = HealthOut(ok=ok, server_id=state.server_id)
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)


@router.get("/metrics", include_in_schema=False)  # for Prometheus, not part of the API
def metrics() -> Response:
    """Prometheus text format: requests by route and status, durations, logins."""
    body, content_type = metrics_body()
    return Response(body, media_type=content_type)
