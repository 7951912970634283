"""ASGI middleware: inflate gzip and xz request bodies, the schema-version gate (426), and the
exchange announcement on every answer (sync.protocol.EXCHANGE_HEADER)."""
from __future__ import annotations

import json
import zlib

from sync import xz
from sync.protocol import API_PREFIX, EXCHANGE_HEADER, SCHEMA_HEADER, SCHEMA_VERSION

_SCHEMA_KEY = SCHEMA_HEADER.lower().encode()
_PULL_PATH = API_PREFIX + "/sync/pull"


async def _send_json(send, status: int, body: dict) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


def schema_refusal(client_schema: str | int) -> dict | None:
    """The one schema-version check (the X-Esep-Schema header here, a push body's
    `schema_version` in server/routes/sync.py): None when this server speaks it, else the
    body of the 426 answer (the client keeps its queue)."""
    sent = str(client_schema).strip()
    if sent == str(SCHEMA_VERSION):
        return None
    return {"code": "schema_mismatch", "server_schema": SCHEMA_VERSION, "client_schema": sent,
            "message": "upgrade Esep: the server speaks another schema version"}


class SchemaGateMiddleware:
    """A request whose header names another schema version gets 426 before any route runs."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            sent = dict(scope["headers"]).get(_SCHEMA_KEY)
            refusal = None if sent is None else schema_refusal(sent.decode("latin-1"))
            if refusal is not None:
                return await _send_json(send, 426, refusal)
        await self.app(scope, receive, send)


class ExchangeHeaderMiddleware:
    """Every answer but a pull page's names the request encodings POST /sync/exchange takes
    (`xz, gzip`, or `gzip` with xz off): a client learns at login that it may push and pull
    in one request, and in which encoding, before it has pulled anything (sync/exchange.py
    remembers it). A pull page goes without: the no-op sync stays as small as it was."""

    def __init__(self, app, xz_on: bool = True):
        self.app = app
        self.header = (EXCHANGE_HEADER.lower().encode(),
                       (xz.ACCEPT if xz_on else "gzip").encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") == _PULL_PATH:
            return await self.app(scope, receive, send)

        async def announce(msg):
            if msg["type"] == "http.response.start":
                msg = dict(msg, headers=[*msg.get("headers", ()), self.header])
            await send(msg)
        await self.app(scope, receive, announce)


class InflateRequestMiddleware:
    """`Content-Encoding: gzip` (and, with `xz` on, `xz`) request bodies are inflated, with
    the same bounds, before FastAPI sees them: 413 when the body as sent exceeds
    `max_gzip_bytes` (the Content-Length is believed first, then what arrives is counted) or
    inflates beyond `max_bytes`; 400 (`bad_gzip`, `bad_xz`) when it does not decode."""

    def __init__(self, app, max_bytes: int, max_gzip_bytes: int | None = None,
                 xz: bool = True):
        self.app, self.max_bytes = app, max_bytes
        self.max_gzip_bytes = min(max_bytes, max_gzip_bytes or max_bytes)
        self.encodings = (b"gzip", b"xz") if xz else (b"gzip",)

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or []) if scope["type"] == "http" else {}
        encoding = headers.get(b"content-encoding", b"").strip().lower()
        if encoding not in self.encodings:
            return await self.app(scope, receive, send)
        if _declared_length(headers) > self.max_gzip_bytes:
            return await self._too_large(send, "compressed")
        raw = bytearray()
        while True:
            msg = await receive()
            raw += msg.get("body", b"")
            if len(raw) > self.max_gzip_bytes:
                return await self._too_large(send, "compressed")
            if not msg.get("more_body"):
                break
        try:
            body = _inflate(bytes(raw), self.max_bytes, encoding)
        except (_TooLarge, xz.TooLarge):
            return await self._too_large(send, "inflated")
        except (zlib.error, EOFError, ValueError) as exc:
            code = "bad_xz" if encoding == b"xz" else "bad_gzip"
            return await _send_json(send, 400, {"code": code, "message": str(exc)})
        await self.app(_inflated_scope(scope, body), _replay(receive, body), send)

    async def _too_large(self, send, which: str) -> None:
        limit = self.max_gzip_bytes if which == "compressed" else self.max_bytes
        await _send_json(send, 413, {"code": "too_large", "message": (
            f"request body too large: at most {limit} bytes {which}")})


class _TooLarge(ValueError):
    pass


def _declared_length(headers: dict) -> int:
    try:
        return int(headers.get(b"content-length", b"0"))
    except ValueError:
        return 0


def _inflated_scope(scope, body: bytes) -> dict:
    new_headers = [(k, v) for k, v in scope["headers"]
                   if k not in (b"content-encoding", b"content-length")]
    new_headers.append((b"content-length", str(len(body)).encode()))
    return dict(scope, headers=new_headers)


def _replay(receive, body: bytes):
    """An ASGI receive that hands over `body` once, then the client's own messages."""
    done = False

    async def replay():
        nonlocal done
        if done:
            return await receive()
        done = True
        return {"type": "http.request", "body": body, "more_body": False}
    return replay


def _inflate(raw: bytes, limit: int, encoding: bytes = b"gzip") -> bytes:
    if encoding == b"xz":
        return xz.inflate(raw, limit)
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(raw, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise _TooLarge("inflated body too large")
    if not d.eof:
        raise ValueError("truncated gzip body")
    return out
