"""Push and pull: the hot paths. Their models document the bodies; the answers are not
validated item by item but serialised as they are by pydantic-core, as FastAPI's own path
would (same bytes). A 5,000-change pull page: 17 ms, against 20 ms validated as a plain dict
and 63 ms validated as PullOut; the stdlib json.dumps of a JSONResponse takes 60 ms."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic_core import to_json

from forms.periods import utc_now
from server import pull, push
from server.deps import RecordsUser, app_state, err, error_responses
from server.jsonbody import api_router
from server.middleware import schema_refusal
from server.models import (
    ExchangeIn,
    ExchangeOut,
    PullAsk,
    PullOut,
    PushIn,
    PushOut,
    SchemaMismatchOut,
)
from sync import xz
from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    DEFAULT_PULL_MAX_BYTES,
    MAX_PULL_BYTES,
    MAX_PULL_LIMIT,
    MAX_PULL_WIRE_BYTES,
    MAX_SEQ,
)

router = api_router(prefix=API_PREFIX + "/sync", tags=["sync"],
                   responses=error_responses(401, 403))


@router.post("/push", response_model=PushOut,
             responses={426: {"model": SchemaMismatchOut}, **error_responses(409)})
def sync_push(request: Request, body: PushIn, user: RecordsUser) -> Response:
    """Apply a batch of ops in order; one ack per op (a replayed batch answers from the
    ledger and creates nothing twice). The acks go in xz to a client that takes it (a
    third of their gzip size: 1,000 acks 1.6 KB against 5.9 KB)."""
    refusal = schema_refusal(body.schema_version)
    if refusal is not None:
        return _json(refusal, 426)
    engine, settings = app_state(request)
    acks, epoch = push.push_batch(engine, user, body.device_id,
                                  body.op_dicts())
    return _answer(request, settings, {"acks": acks, "server_time": utc_now(), "epoch": epoch})


@router.get("/pull", response_model=PullOut)
def sync_pull(request: Request, user: RecordsUser,
              cursor: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
              limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
              max_bytes: Annotated[int, Query(ge=1, le=MAX_PULL_BYTES)] =
              DEFAULT_PULL_MAX_BYTES,
              epoch: Annotated[str | None, Query(max_length=64)] = None,
              wire_bytes: Annotated[int | None, Query(ge=1, le=MAX_PULL_WIRE_BYTES)] = None,
              layout: Annotated[str | None, Query(max_length=16)] = None
              ) -> Response:
    """The changes after `cursor` the caller may see, at most `limit` of them and about
    `wire_bytes` gzip bytes on the wire (without it: about `max_bytes` of raw JSON); at least
    one change per page. `epoch`: the one the client's cursor belongs to (a cursor beyond the
    server's counter in the same epoch renews the epoch). A client accepting xz gets a page
    of any size in xz (sync/xz.py), and `wire_bytes` then counts xz bytes. `layout=columns`
    (with `wire_bytes`): the changes come as `columns` (sync/pull_columns.py); another value
    is ignored (rows)."""
    ask = PullAsk(cursor=cursor, limit=limit, max_bytes=max_bytes, epoch=epoch,
                  wire_bytes=wire_bytes, layout=layout)
    engine, settings = app_state(request)
    return _answer(request, settings, _page(request, settings, engine, user, ask))


@router.post("/exchange", response_model=ExchangeOut,
             responses={426: {"model": SchemaMismatchOut}, **error_responses(409)})
def sync_exchange(request: Request, body: ExchangeIn, user: RecordsUser) -> Response:
    """A push and the first pull page in one round trip: the page after `pull.cursor` is read
    first, then the ops are applied as by /push, so the answer is what a pull followed by a
    push would have given. Refused without applying anything (409) when `server_id` names
    another server (`other_server`) or the page names another epoch than `pull.epoch`
    (`epoch_changed`: the client pulls from zero before it pushes)."""
    refusal = schema_refusal(body.schema_version)
    if refusal is not None:
        return _json(refusal, 426)
    engine, settings = app_state(request)
    page = _page(request, settings, engine, user, body.pull)
    if body.server_id is not None and body.server_id != page["server_id"]:
        raise err(409, "other_server", "this is another server than the client syncs with")
    if body.pull.epoch is not None and body.pull.epoch != page["epoch"]:
        raise err(409, "epoch_changed", "the server's history changed: pull from zero first")
    acks, epoch = push.push_batch(engine, user, body.device_id,
                                  body.op_dicts())
    return _answer(request, settings, {"acks": acks, "server_time": utc_now(), "epoch": epoch,
                                       "pull": page})


def _page(request: Request, settings, engine, user, ask: PullAsk) -> dict:
    use_xz = settings.wire_xz and xz.accepts(request.headers.get("accept-encoding"))
    return pull.pull(engine, user, ask.cursor, ask.limit, ask.max_bytes, ask.epoch,
                     ask.wire_bytes, xz=use_xz, layout=ask.layout)


def _answer(request: Request, settings, body: dict) -> Response:
    """A pull page or acks: xz for a client that takes it (streamed), else gzip (middleware)."""
    if not settings.wire_xz:
        return _json(body)
    data = to_json(body)
    headers = {"Accept-Encoding": xz.ACCEPT}  # the request bodies this server inflates
    if xz.accepts(request.headers.get("accept-encoding")) and len(data) >= xz.MIN_BYTES:
        headers["Content-Encoding"] = xz.ENCODING  # compressed while it is sent (a thread)
        return StreamingResponse(xz.stream(data), media_type="application/json",
                                 headers=headers)
    return Response(data, media_type="application/json", headers=headers)


def _json(body: dict, status_code: int = 200) -> Response:
    return Response(to_json(body), status_code=status_code, media_type="application/json")
