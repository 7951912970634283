"""The wire protocol shared by the sync client (sync/) and the central API (server/).

No I/O here: constants, shapes and gzip/JSON helpers only, so both sides import it cheaply.

Push   POST /api/v1/sync/push   (body gzip JSON, header Content-Encoding: gzip; or xz once
       the server named it: sync/xz.py)
       {device_id, schema_version, ops: [Op]}  ->  {acks: [Ack], server_time, epoch}
Pull   GET  /api/v1/sync/pull?cursor=N&limit=L&max_bytes=B[&wire_bytes=W][&epoch=E]
            [&layout=columns]
       W: the page's budget in bytes on the wire (gzip, or xz: sync/xz.py) (a current client sends it, adapted to
       the link; the server then ignores B). Without W (an older client) B caps the raw JSON
       of the changes. A server that does not know W (an older one) uses B: a current client
       sends B = W / its learned compression ratio, so such a page is about as big.
       [&layout=columns]: with W, the changes come as `columns` instead of `changes`
       (sync/pull_columns.py; another value, or an older server: rows).
       -> {changes: [Change], next_cursor, has_more, rates_version, forms_version, server_id,
           epoch}
Exchange  POST /api/v1/sync/exchange  (body as a push; xz when the server's X-Esep-Exchange
       answer header names it)  {device_id, schema_version, ops: [Op], server_id?,
       pull: {cursor, limit, max_bytes, wire_bytes?, epoch?}}
       -> {acks: [Ack], server_time, epoch, pull: PullPage}
       A pull and a push in ONE round trip (a sync with something to push): the page is read
       before the ops are applied, so the answer equals a pull followed by a push. 409
       `other_server` / `epoch_changed` (nothing applied) when `server_id` / `pull.epoch`
       differ from the server's: the client then syncs in two steps. Every answer of a
       server that has the route carries the header EXCHANGE_HEADER (the encodings it takes);
       a client that never saw it (an older server) pulls, then pushes.
Epoch  the server's change_seq history (server/epoch.py): renewed by a restore, or by a pull
       whose cursor is beyond the counter in the same epoch. A client seeing another epoch
       pulls from zero and re-sends its synced copies (Op.resend; store/sync_epoch.py).
Rates  GET  /api/v1/rates  -> RateTableOut {version, default, rates: [{region, year, rate}]}
       PUT  /api/v1/rates  {rates: [{region, year, rate|null}]}  (central/admin: any region,
       region: its own; null clears a row) -> RateTableOut
       The hourly-rate table (DOMAIN decision 7) is the centre's: `rates_version` in every
       pull page is bumped with each change, and a client whose stored version differs GETs
       the table once (sync/rates.py). A server without the endpoint: the local table stays.
Definitions  GET /api/v1/definitions -> {version, definitions: [{kind, name, version,
       requires_engine, definition}]}; PUT /api/v1/forms/{id}, PUT /api/v1/enums/{name}
       {definition, file?} (admin/central) publish one. `forms_version` in every pull page is
       bumped with each publication; a client whose stored version differs GETs the
       definitions once (sync/definitions.py). Absent (an old server): nothing is fetched.
Every request carries header X-Esep-Schema: SCHEMA_VERSION; the server answers 426 when it
cannot serve that schema (the client keeps its queue).
"""
from __future__ import annotations

import gzip
import json
from typing import Any, Literal, TypedDict

from forms import fieldcheck as _fieldcheck
from forms import lifecycle as _lifecycle

SCHEMA_VERSION = 1
SCHEMA_HEADER = "X-Esep-Schema"
EXCHANGE_HEADER = "X-Esep-Exchange"
API_PREFIX = "/api/v1"

OP_UPSERT = "upsert"
OP_DELETE = "delete"
OPS = (OP_UPSERT, OP_DELETE)

ACK_APPLIED = "applied"
ACK_DUPLICATE = "duplicate"
ACK_CONFLICT = "conflict"
ACK_REJECTED = "rejected"
ACK_STATUSES = (ACK_APPLIED, ACK_DUPLICATE, ACK_CONFLICT, ACK_REJECTED)

STATUSES = _lifecycle.STATUSES  # a record's status on the wire: forms.lifecycle.Status
ROLES = ("district", "region", "trainer", "central", "admin")

# Protocol limits: the server refuses a request beyond them (422; 413 for the body).
DEFAULT_PULL_MAX_BYTES = 64 * 1024
MAX_PULL_BYTES = 16 * 1024 * 1024  # the most a client may ask one pull page to hold
MAX_PULL_WIRE_BYTES = 4 * 1024 * 1024  # the most gzip bytes a client may ask one page to hold
MAX_PULL_LIMIT = 5000  # the most changes one pull page may hold
DEFAULT_PULL_LIMIT = 1000  # a pull page without `limit`
MAX_OPS_PER_PUSH = 2000  # the most ops one push may carry
MAX_BODY_BYTES = 32 * 1024 * 1024  # a request body, inflated
MAX_GZIP_BYTES = 8 * 1024 * 1024  # a gzip request body as sent (a client push: <= 512 KB)
MAX_NOTE_CHARS = 10_000  # a justification, review comment or correction reason
MAX_ID_CHARS = 64  # a record, form, org unit or device id
# The record limits are the field checker's (forms.fieldcheck), defined there once; the
# server applies MAX_KEYS to every object of a request body before the body is parsed in full.
MAX_KEYS = _fieldcheck.MAX_KEYS  # keys of one JSON object
MAX_ITEMS = _fieldcheck.MAX_ITEMS  # items of one list in a record's data
MAX_ABS = _fieldcheck.MAX_ABS  # the largest magnitude of a number in a record
MAX_SEQ = 2**62  # the largest op_seq, cursor or schema_version a request may name


class Record(TypedDict, total=False):
    """The canonical record: the same shape in the CLI's JSON, the store and on the wire."""

    id: str
    form: str
    form_version: int
    org_unit: str
    period: str  # YYYY-MM
    status: str
    data: dict[str, Any]
    justification: str | None
    review_comment: str | None
    revision: int
    version: int | None  # server's; None until first ack
    updated_at: str
    updated_by: str
    deleted: bool


class Op(TypedDict, total=False):
    op_seq: int  # per device, strictly increasing
    form: str
    id: str
    op: Literal["upsert", "delete"]
    base_version: int | None  # None = create
    data: Record  # the full canonical record (for delete: may be just {id, form})
    reason: str | None  # required for a correction of a submitted record
    resolves: list[str]  # challenger ids of natural-key contests this upsert settles
    resend: bool  # a synced copy re-sent after a new epoch: written only where the server
    # lacks the record or holds an older version, keeping base_version (server.push._resend)


class Ack(TypedDict, total=False):
    op_seq: int
    id: str
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    version: int | None
    change_seq: int | None
    errors: list[dict[str, Any]]  # findings or {code, message, field?}
    server: Record | None  # server copy, on conflict
    conflict_kind: str | None  # version | natural_key


class PullPage(TypedDict, total=False):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    rates_version: int  # the server's rate-table version (0 = never set); absent = old server
    forms_version: int  # published definitions' version (0 = none published); absent = old
    server_id: str
    epoch: str  # the change_seq history next_cursor belongs to; absent = old server


class RateRow(TypedDict):
    region: str
    year: int
    rate: float | int | None  # None only in a PUT: clears the row (the default applies)


class RateTableOut(TypedDict, total=False):
    version: int
    default: float | int
    rates: list[RateRow]
    updated_at: str | None  # the last change of a row still in the table (display only)


class Change(TypedDict, total=False):
    change_seq: int  # absent in the compact form (compact_change)
    id: str
    form: str
    version: int
    deleted: bool
    record: Record
    contested_by: list[Record]  # unresolved natural-key challengers; absent/[] = none


def dumps(obj: Any) -> bytes:
    """Compact, deterministic JSON as UTF-8 (Cyrillic kept as is: fewer bytes than \\u escapes)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def gzip_json(obj: Any, level: int = 9) -> bytes:
    return gzip.compress(dumps(obj), compresslevel=level, mtime=0)


def gunzip_json(body: bytes) -> Any:
    return json.loads(gzip.decompress(body))


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


_COMPACT_KEYS = ("op_seq", "status", "version", "change_seq")


def compact_ack(ack: dict) -> dict:
    """The wire form of an ack: an applied or duplicate op needs no id (the sender maps its
    op_seq back) and no empty fields. Random UUIDs do not compress, so on a 2G line this
    shrinks the push answer about threefold."""
    if ack.get("status") in (ACK_APPLIED, ACK_DUPLICATE) and not ack.get("errors"):
        return {k: ack[k] for k in _COMPACT_KEYS if ack.get(k) is not None}
    return ack


def expand_acks(acks: list[dict], ops: list[dict]) -> list[dict]:
    """Give every ack its record id again from the batch that was sent (see compact_ack)."""
    ids = {op["op_seq"]: op["id"] for op in ops}
    return [a if "id" in a else {**a, "id": ids.get(a.get("op_seq"))} for a in acks]


def compact_op(op: dict) -> dict:
    """The wire form of an op: no null fields, and no `id` / `form` when the record in `data`
    carries the same ones (about a tenth of a push body, gzipped)."""
    data = op.get("data") or {}
    return {k: v for k, v in op.items()
            if v is not None and not (k in ("id", "form") and data.get(k) == v)}


def expand_op(op: dict) -> dict:
    """Inverse of compact_op: `id` and `form` from the record when the op leaves them out."""
    data = op.get("data")
    if not isinstance(data, dict) or ("id" in op and "form" in op):
        return op
    return {"id": data.get("id"), "form": data.get("form"), **op}


_CHANGE_KEYS = ("id", "form", "version", "deleted")


def compact_change(change: dict) -> dict:
    """The wire form of a pulled change for a client that asks by `wire_bytes` (older ones
    get the full form): no `id`, `form`, `version`, `deleted` when its record carries the
    same, and no `change_seq` (the page's `next_cursor` is what a client keeps; an ever
    growing number compresses badly). About a seventh of a pull page, gzipped."""
    rec = change.get("record")
    if not isinstance(rec, dict):
        return change
    return {k: v for k, v in change.items() if k != "change_seq"
            and not (k in _CHANGE_KEYS and rec.get(k) == v)}


def expand_change(change: dict) -> dict:
    """Inverse of compact_change, but for `change_seq`, which stays absent (a full change is
    returned as it is)."""
    rec = change.get("record")
    if not isinstance(rec, dict) or all(k in change for k in _CHANGE_KEYS):
        return change
    return {**{k: rec.get(k) for k in _CHANGE_KEYS}, **change}

