"""The FastAPI app factory: `create_app(db_url)` migrates the database, adds the middleware and
includes the routers (server/routes/, one per area)."""
from __future__ import annotations

import contextlib
import inspect

import anyio.to_thread
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse

from server import admin, records
from server.config import Settings
from server.db import open_db, server_id, setup_lock
from server.jsonbody import validation_error
from server.middleware import (
    ExchangeHeaderMiddleware,
    InflateRequestMiddleware,
    SchemaGateMiddleware,
)
from server.obs import RequestLogMiddleware, RouteNoteMiddleware
from server.routes import ROUTERS
from server.rules import OpError
from sync.protocol import SCHEMA_VERSION


def create_app(db_url: str | None = None, settings: Settings | None = None) -> FastAPI:
    """`db_url` wins over settings.db. With auto_migrate off the schema is only checked
    (server.db.SchemaOutdated tells to run `esep server migrate`)."""
    settings = settings or Settings()
    engine = open_db(db_url or settings.db, migrate=settings.auto_migrate)
    with engine.begin() as conn:
        setup_lock(conn)  # workers starting at once seed the regions one after another
        admin.seed_regions(conn)
        sid = server_id(conn)
    public = settings.public_docs
    app = FastAPI(title="Esep central API", version=str(SCHEMA_VERSION),
                  lifespan=_lifespan(settings.request_threads),
                  exception_handlers=EXCEPTION_HANDLERS,
                  docs_url="/docs" if public else None, redoc_url="/redoc" if public else None,
                  openapi_url="/openapi.json" if public else None, **_NO_TELEMETRY)
    app.state.engine, app.state.settings, app.state.server_id = engine, settings, sid
    app.add_middleware(RouteNoteMiddleware)  # innermost: sees the matched route
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(InflateRequestMiddleware, max_bytes=settings.max_body_bytes,
                       max_gzip_bytes=settings.max_gzip_bytes, xz=settings.wire_xz)
    app.add_middleware(SchemaGateMiddleware)
    app.add_middleware(ExchangeHeaderMiddleware, xz_on=settings.wire_xz)
    app.add_middleware(RequestLogMiddleware)  # outermost: every answer is logged
    for router in ROUTERS:
        app.include_router(router)
    return app


# FastAPI >= 0.16x traces, measures and logs requests through OpenTelemetry when a provider
# is configured (or FASTAPI_OTEL_AUTO_CONFIGURE=true); Esep has its own metrics and request
# log (server/obs.py), so it is off: no provider lookups per request (~6 us each).
_NO_TELEMETRY: dict = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False,
                   "auto_configure": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters else {})


def _lifespan(threads: int):
    """At most `threads` requests of this worker process run at once (the sync endpoints run
    in anyio's thread pool, 40 by default). More threads than that only fight over the GIL
    and the change_seq row lock (bench_server: 40 -> 8 threads, +40 %)."""
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        warm_forms_engine()
        yield
    return lifespan


def warm_forms_engine() -> None:
    """Parse every form definition and import the engine before the first request: otherwise
    the first pushes of each worker parse them, several threads at once (bench_server)."""
    from forms import all_forms, validate_record

    for fdef in all_forms():
        validate_record(fdef, {"form": fdef.id, "form_version": fdef.version, "data": {}},
                        history=[])


def _error(status: int, code: str, message: str, **extra) -> JSONResponse:
    return JSONResponse({"detail": {"code": code, "message": message, **extra}},
                        status_code=status)


async def _op_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OpError)
    return _error(409, exc.code, str(exc), errors=exc.errors)


async def _bad_value(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, sa.exc.DataError)
    return _error(400, "invalid_value", f"the database refused a value: {exc.orig}")


async def _not_visible(_request: Request, exc: Exception) -> JSONResponse:
    return _error(404, "not_found", f"no record {exc} in your scope")


EXCEPTION_HANDLERS: dict = {OpError: _op_error, sa.exc.DataError: _bad_value,
                      records.NotVisible: _not_visible,
                      RequestValidationError: validation_error}
