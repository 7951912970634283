"""Operations: one JSON log line per request (request id, user, route, status, duration) and
Prometheus metrics. Never logs a body, a password or a token: only the fields named here.

Metrics with several worker processes: set PROMETHEUS_MULTIPROC_DIR to an empty folder
before the server starts (`esep server --workers N` makes one when it is not set); /metrics
then sums every worker (prometheus_client's multiprocess mode)."""
from __future__ import annotations

import json
import logging
import os
import time
import uuid

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from server.config import MULTIPROC_ENV

log = logging.getLogger("esep.access")
LOG_FIELDS = ("event", "request_id", "method", "route", "status", "duration_ms", "user",
              "client", "seconds", "error")
REQUEST_ID = "x-request-id"

REQUESTS = Counter("esep_http_requests_total", "HTTP requests answered",
                   ["method", "route", "status"])
LATENCY = Histogram("esep_http_request_duration_seconds", "Time to answer a request",
                    ["route"], buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30))
LOGINS = Counter("esep_logins_total", "Login attempts by outcome", ["outcome"])


class JsonFormatter(logging.Formatter):
    """{"ts", "level", "logger", "msg", and the LOG_FIELDS the record carries}."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created)),
               "level": record.levelname.lower(), "logger": record.name,
               "msg": record.getMessage()}
        out.update({k: getattr(record, k) for k in LOG_FIELDS if hasattr(record, k)})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the `esep` loggers (called by `esep server` in each worker)."""
    root = logging.getLogger("esep")
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False


def metrics_body() -> tuple[bytes, str]:
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


def _info(scope) -> dict:
    return scope.setdefault("state", {}).setdefault("esep_log", {})


class RequestLogMiddleware:
    """Outermost: times the request and logs it when the answer has gone out. The route
    template comes from RouteNoteMiddleware (innermost), the user from server.deps."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        info = _info(scope)
        sent = dict(scope["headers"]).get(REQUEST_ID.encode(), b"").decode("latin-1")[:64]
        info["request_id"] = sent or uuid.uuid4().hex
        start, status = time.perf_counter(), [500]

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"],
                                      (REQUEST_ID.encode(), info["request_id"].encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            _log_request(scope, info, status[0], time.perf_counter() - start)


def _log_request(scope, info: dict, status: int, seconds: float) -> None:
    route = info.get("route") or "unmatched"
    REQUESTS.labels(scope["method"], route, str(status)).inc()
    LATENCY.labels(route).observe(seconds)
    client = scope.get("client")
    log.info("request", extra={
        "event": "request", "request_id": info["request_id"], "method": scope["method"],
        "route": route, "status": status, "duration_ms": round(seconds * 1000, 1),
        "user": info.get("user"), "client": client[0] if client else None})


class RouteNoteMiddleware:
    """Innermost: after routing, notes the matched route's template (/records/{id})."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        try:
            await self.app(scope, receive, send)
        finally:
            route = scope.get("route")
            if scope["type"] == "http" and route is not None:
                _info(scope)["route"] = getattr(route, "path", None)


def note_user(request, username: str) -> None:
    """server.deps: the caller of this request, for its log line."""
    _info(request.scope)["user"] = username
