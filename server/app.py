"""The FastAPI app factory: `create_app(db_url)` migrates the database and wires the routes."""
from __future__ import annotations

import contextlib
from typing import Annotated

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from forms.periods import utc_now
from server import admin, auth, pull, push, rates, records
from server.auth import User
from server.config import Settings
from server.db import open_db, org_units, server_id
from server.middleware import GunzipRequestMiddleware, SchemaGateMiddleware
from server.models import LoginIn, OrgUnitIn, PushIn, RatesIn, ReviewIn, UserIn
from server.routes_bundles import router as bundles_router
from server.rules import OpError
from server.scope import RECORD_ROLES
from sync.protocol import API_PREFIX, DEFAULT_PULL_MAX_BYTES, SCHEMA_VERSION

_bearer = HTTPBearer(auto_error=False)


def _err(status: int, code: str, message: str, **extra) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message, **extra})


def _thread_limit(threads: int):
    """Lifespan: at most `threads` requests of this worker process run at once (the sync
    endpoints run in anyio's thread pool, 40 by default). More threads than that only fight
    over the GIL and the change_seq row lock (bench_server: 40 -> 8 threads, +40 %)."""
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        _warm_forms_engine()
        yield
    return lifespan


def _warm_forms_engine() -> None:
    """Parse every form definition and import the engine before the first request: otherwise
    the first pushes of each worker parse them, several threads at once (bench_server)."""
    from forms import all_forms, validate_record

    for fdef in all_forms():
        validate_record(fdef, {"form": fdef.id, "form_version": fdef.version, "data": {}},
                        history=[])


def create_app(db_url: str | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = open_db(db_url)
    with engine.begin() as conn:
        admin.seed_regions(conn)
    app = FastAPI(title="Esep central API", version=str(SCHEMA_VERSION),
                  lifespan=_thread_limit(settings.request_threads))
    app.state.engine, app.state.settings = engine, settings
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(GunzipRequestMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SchemaGateMiddleware)

    @app.exception_handler(OpError)
    def _op_error(_request: Request, exc: OpError):
        return JSONResponse({"detail": {"code": exc.code, "message": str(exc),
                                        "errors": exc.errors}}, status_code=409)

    @app.exception_handler(sa.exc.DataError)
    def _bad_value(_request: Request, exc: sa.exc.DataError):
        return JSONResponse({"detail": {"code": "invalid_value",
                                        "message": f"the database refused a value: {exc.orig}"}},
                            status_code=400)

    @app.exception_handler(records.NotVisible)
    def _not_visible(_request: Request, exc: records.NotVisible):
        return JSONResponse({"detail": {"code": "not_found",
                                        "message": f"no record {exc} in your scope"}},
                            status_code=404)

    _public_routes(app, engine, settings)
    _sync_routes(app, engine, settings)
    _record_routes(app, engine)
    _admin_routes(app, engine)
    _rates_routes(app, engine)
    app.include_router(bundles_router)
    return app


Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _current_user(request: Request, cred: Bearer) -> User:
    if cred is None or not cred.credentials:
        raise _err(401, "not_authenticated", "log in first (Authorization: Bearer <token>)")
    user = auth.user_for_token(request.app.state.engine, cred.credentials)
    if user is None:
        raise _err(401, "invalid_token", "the token is unknown, expired or revoked")
    return user


CurrentUser = Annotated[User, Depends(_current_user)]


def _records_user(user: CurrentUser) -> User:
    if user.role not in RECORD_ROLES:
        raise _err(403, "forbidden", f"role {user.role} has no access to records")
    return user


RecordsUser = Annotated[User, Depends(_records_user)]


def _admin_user(user: CurrentUser) -> User:
    if user.role != "admin":
        raise _err(403, "forbidden", "admin only")
    return user


AdminUser = Annotated[User, Depends(_admin_user)]


def _public_routes(app: FastAPI, engine: sa.Engine, settings: Settings) -> None:
    with engine.connect() as conn:
        sid = server_id(conn)

    @app.get("/healthz")
    def healthz() -> dict:
        """Up, and which server this is (a client's data folder belongs to one)."""
        return {"ok": True, "server_id": sid}

    @app.post(API_PREFIX + "/auth/login")
    def login(body: LoginIn) -> dict:
        try:
            return auth.login(engine, body.username, body.password, settings)
        except auth.LockedOut as exc:
            raise HTTPException(429, detail={"code": "locked_out", "message": str(exc),
                                             "retry_after": exc.retry_after},
                                headers={"Retry-After": str(exc.retry_after)})
        except auth.LoginFailed:
            raise _err(401, "bad_credentials", "wrong username or password")

    @app.post(API_PREFIX + "/auth/logout")
    def logout(user: CurrentUser, cred: Bearer) -> dict:
        auth.revoke(engine, cred.credentials)
        return {"ok": True}

    @app.get(API_PREFIX + "/me")
    def me(user: CurrentUser) -> dict:
        return user.to_dict()

    @app.get(API_PREFIX + "/orgunits")
    def list_orgunits(user: CurrentUser) -> list[dict]:
        return _orgunits_in_scope(engine, user)

    @app.get(API_PREFIX + "/forms")
    def list_forms(user: CurrentUser) -> list[dict]:
        """Every version of every form: a record keeps the version it was entered with."""
        from forms import all_forms

        return [{"id": f.id, "version": f.version, "definition": f.definition_text}
                for f in all_forms()]


def _orgunits_in_scope(engine: sa.Engine, user: User) -> list[dict]:
    """district: its district + region unit; region: its region; others: all."""
    q = sa.select(org_units).order_by(org_units.c.id)
    if user.role in ("district", "region"):
        q = q.where(org_units.c.region == user.region)
    if user.role == "district":
        q = q.where(org_units.c.id.in_([user.district, user.region]))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def _sync_routes(app: FastAPI, engine: sa.Engine, settings: Settings) -> None:
    @app.post(API_PREFIX + "/sync/push")
    def sync_push(body: PushIn, user: RecordsUser) -> dict:
        if body.schema_version != SCHEMA_VERSION:
            return JSONResponse({"code": "schema_mismatch", "server_schema": SCHEMA_VERSION,
                                 "message": "upgrade Esep"}, status_code=426)
        ops = [op.model_dump() for op in body.ops]
        acks = push.push(engine, user, body.device_id, ops)
        return {"acks": acks, "server_time": utc_now()}

    @app.get(API_PREFIX + "/sync/pull")
    def sync_pull(user: RecordsUser,
                  cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
                  limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
                  max_bytes: Annotated[int, Query(ge=1, le=16 * 1024 * 1024)] =
                  DEFAULT_PULL_MAX_BYTES) -> dict:
        return pull.pull(engine, user, cursor, limit, max_bytes)


def _record_routes(app: FastAPI, engine: sa.Engine) -> None:
    @app.get(API_PREFIX + "/records/{rid}")
    def get_record(rid: str, user: RecordsUser) -> dict:
        return records.get_record(engine, user, rid)

    @app.get(API_PREFIX + "/records/{rid}/revisions")
    def get_revisions(rid: str, user: RecordsUser) -> list[dict]:
        return records.get_revisions(engine, user, rid)

    @app.post(API_PREFIX + "/records/{rid}/review")
    def review(rid: str, body: ReviewIn, user: RecordsUser) -> dict:
        if user.role not in ("region", "central"):
            raise _err(403, "forbidden", "only region and central review records")
        return records.review(engine, user, rid, body.action, body.comment)


def _admin_routes(app: FastAPI, engine: sa.Engine) -> None:
    @app.get(API_PREFIX + "/users")
    def get_users(user: AdminUser) -> list[dict]:
        return admin.list_users(engine)

    @app.post(API_PREFIX + "/users", status_code=201)
    def post_user(body: UserIn, user: AdminUser) -> dict:
        try:
            return admin.create_user(engine, body.username, body.password, body.role,
                                     body.region, body.district)
        except admin.AdminError as exc:
            raise _err(422, "invalid_user", str(exc))

    @app.post(API_PREFIX + "/orgunits")
    def post_orgunits(body: list[OrgUnitIn], user: AdminUser) -> dict:
        try:
            n = admin.import_orgunits(engine, [u.model_dump() for u in body])
        except admin.AdminError as exc:
            raise _err(422, "invalid_orgunits", "org units not imported",
                       errors=str(exc).splitlines())
        return {"imported": n}


def _rates_routes(app: FastAPI, engine: sa.Engine) -> None:
    @app.get(API_PREFIX + "/rates")
    def get_rates(user: CurrentUser) -> dict:
        """The centre's hourly-rate table and its version (the one pull pages carry)."""
        return rates.get_rates(engine)

    @app.put(API_PREFIX + "/rates")
    def put_rates(body: RatesIn, user: CurrentUser) -> dict:
        """central / admin: any region; region: its own; null clears a row."""
        try:
            return rates.put_rates(engine, user, [r.model_dump() for r in body.rates])
        except rates.RatesForbidden as exc:
            raise _err(403, "forbidden", str(exc))
        except rates.RatesError as exc:
            raise _err(422, "invalid_rates", str(exc), errors=exc.errors)
