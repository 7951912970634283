"""Routes of the sync bundles (server/bundles.py): register a device key, deliver a bundle.

POST /api/v1/bundles/keys  {device_id, public_key}  -> {server_id, server_key}
     any logged-in user with records; the key is the caller's own device's (made at login)
POST /api/v1/bundles       body: the bundle file's bytes (application/octet-stream)
     -> the signed reply file; any logged-in user may carry a bundle: the ops are applied
     under the device owner's scope. A refused bundle: 422 {code, message}, nothing applied.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from server import bundles
from server.deps import AppSettings, CurrentUser, Engine, RecordsUser, err
from server.jsonbody import api_router
from sync.keys import BundleError
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX + "/bundles", tags=["bundles"])
BUNDLE_TYPE = "application/octet-stream"


class DeviceKeyIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=64)
    public_key: str = Field(min_length=1, max_length=64)


class ServerIdentityOut(BaseModel):
    server_id: str
    server_key: str


def _refused(exc: BundleError) -> HTTPException:
    return err(403 if exc.code in ("device_owner", "forbidden") else 422, exc.code, str(exc))


@router.post("/keys")
def register_key(body: DeviceKeyIn, user: RecordsUser, engine: Engine) -> ServerIdentityOut:
    """Register the caller's device key; answers the server's identity to pin."""
    try:
        return ServerIdentityOut(**bundles.register_device_key(
            engine, user, body.device_id, body.public_key))
    except BundleError as exc:
        raise _refused(exc) from None


async def _body(request: Request, settings: AppSettings) -> bytes:
    """The bundle's bytes, refused above the server's body limit (413)."""
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > settings.max_body_bytes:
            raise err(413, "too_large", f"a bundle above {settings.max_body_bytes} bytes")
    return bytes(data)


_BINARY = {"content": {BUNDLE_TYPE: {"schema": {"type": "string", "format": "binary"}}}}


@router.post("", response_class=Response, responses={200: {**_BINARY, "description": "reply"}},
             openapi_extra={"requestBody": {**_BINARY, "required": True}})
def deliver(user: CurrentUser, engine: Engine, data: Annotated[bytes, Depends(_body)]):
    """Apply a carried bundle under its device owner's scope; answer the signed reply."""
    try:
        reply = bundles.import_bundle(engine, data)
    except BundleError as exc:
        raise _refused(exc) from None
    return Response(reply, media_type=BUNDLE_TYPE)
