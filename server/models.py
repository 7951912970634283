"""Request bodies and response bodies (pydantic). Bounds on the bodies keep odd input out of
the database (422, not 500); the response models are what /openapi.json documents."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from forms.lifecycle import Status
from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    DEFAULT_PULL_MAX_BYTES,
    MAX_ID_CHARS,
    MAX_NOTE_CHARS,
    MAX_OPS_PER_PUSH,
    MAX_PULL_BYTES,
    MAX_PULL_LIMIT,
    MAX_PULL_WIRE_BYTES,
    MAX_SEQ,
    expand_op,
)

Role = Literal["district", "region", "trainer", "central", "admin"]


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str | None = Field(default=None, min_length=1, max_length=64,
                                  description="a re-login from this device replaces its token")


class PasswordIn(BaseModel):
    old_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


class OpIn(BaseModel):
    op_seq: int = Field(ge=0, le=MAX_SEQ)
    form: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    op: Literal["upsert", "delete"]
    base_version: int | None = Field(default=None, ge=0, le=2**31 - 1)
    data: dict[str, Any] = Field(default_factory=dict)
    reason: str | None = Field(default=None, max_length=MAX_NOTE_CHARS)
    resolves: list[Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)]] | None = Field(
        default=None, max_length=100)  # challenger ids of natural-key contests settled
    resend: bool | None = None  # after a new epoch: the sender's synced copy (server.push)

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, value):  # the wire may leave out what the record itself says
        return expand_op(value) if isinstance(value, dict) else value


class PushIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    schema_version: int = Field(ge=0, le=MAX_SEQ)
    ops: list[OpIn] = Field(max_length=MAX_OPS_PER_PUSH)

    def op_dicts(self) -> list[dict]:
        """The ops as server.push takes them: each field's validated value, not a deep copy
        like model_dump (whose copy of every record's data cost ~0.02 ms an op)."""
        names = list(OpIn.model_fields)
        return [{n: getattr(op, n) for n in names} for op in self.ops]


class PullAsk(BaseModel):
    """The pull half of an exchange: GET /sync/pull's query parameters."""

    cursor: int = Field(default=0, ge=0, le=MAX_SEQ)
    limit: int = Field(default=DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)
    max_bytes: int = Field(default=DEFAULT_PULL_MAX_BYTES, ge=1, le=MAX_PULL_BYTES)
    wire_bytes: int | None = Field(default=None, ge=1, le=MAX_PULL_WIRE_BYTES)
    epoch: str | None = Field(default=None, max_length=64)
    layout: str | None = Field(default=None, max_length=16)


class ExchangeIn(PushIn):
    """A push and the first pull page in one request (sync.protocol: Exchange)."""

    pull: PullAsk
    server_id: str | None = Field(default=None, max_length=64,
                                  description="the server the client syncs with; another "
                                  "one refuses the exchange (409 other_server)")


class ReviewIn(BaseModel):
    action: Literal["approve", "return"]
    comment: str | None = Field(default=None, max_length=MAX_NOTE_CHARS)


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=1024)
    role: Role
    region: str | None = Field(default=None, max_length=16)
    district: str | None = Field(default=None, max_length=MAX_ID_CHARS)


class OrgUnitIn(BaseModel):
    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    region: str = Field(min_length=1, max_length=16)
    name_ru: str = Field(min_length=1, max_length=500)
    name_kk: str | None = Field(default=None, max_length=500)
    name_en: str | None = Field(default=None, max_length=500)


class RateIn(BaseModel):
    """One row of PUT /rates; the domain checks (known region, year range, rate > 0 and not
    absurd) are server/rates.py's, with messages that name the row."""
    region: str = Field(min_length=1, max_length=16)
    year: int = Field(ge=-(2**31), le=2**31 - 1)
    rate: float | None = None  # None clears the row: the default rate applies again


class RatesIn(BaseModel):
    rates: list[RateIn] = Field(max_length=5000)


# -- responses -------------------------------------------------------------------------------
class OkOut(BaseModel):
    ok: bool


class HealthOut(BaseModel):
    ok: bool = Field(description="false (with status 503) when the database does not answer")
    server_id: str = Field(description="a client's data folder syncs with one server only")


class UserOut(BaseModel):
    username: str
    role: Role
    region: str | None
    district: str | None


class UserRowOut(UserOut):
    active: bool
    must_change_password: bool = False


class LoginOut(BaseModel):
    token: str = Field(description="send as `Authorization: Bearer <token>`")
    expires_at: str
    user: UserOut
    must_change_password: bool = Field(
        default=False, description="only POST /auth/password answers until it is changed")


class OrgUnitOut(BaseModel):
    id: str
    kind: Literal["region", "district"]
    region: str
    name_ru: str
    name_kk: str
    name_en: str


class ImportedOut(BaseModel):
    imported: int


class DefinitionIn(BaseModel):
    definition: str = Field(max_length=2_000_000, description="the definition, TOML text")
    file: str | None = Field(None, max_length=200,
                             description="the file name its errors name (file:line)")


class PublishedOut(BaseModel):
    kind: str
    name: str
    version: int
    requires_engine: int
    forms_version: int = Field(description="the counter pull pages carry after this change")


class DefinitionOut(BaseModel):
    kind: str
    name: str
    version: int
    requires_engine: int
    definition: str


class DefinitionsOut(BaseModel):
    version: int = Field(description="forms_version: bumped with every publication")
    definitions: list[DefinitionOut]


class FormOut(BaseModel):
    id: str
    version: int
    definition: str = Field(description="the form definition, TOML text")


class RecordOut(BaseModel):
    """The canonical record as the caller may see it (sync.protocol.Record)."""

    id: str
    form: str
    form_version: int
    org_unit: str
    period: str
    status: Status
    data: dict[str, Any]
    justification: str | None
    review_comment: str | None
    revision: int
    version: int | None
    deleted: bool
    updated_at: str
    updated_by: str


class SubmittedOut(BaseModel):
    """The figures as the district first submitted them (VR-13)."""

    version: int
    revision: int
    data: dict[str, Any]
    editor: str
    at: str


class RecordDetailOut(RecordOut):
    submitted: SubmittedOut | None = Field(
        default=None, description="absent until a correction changed the submitted record")


class FieldDiffOut(BaseModel):
    field: str
    old: Any
    new: Any


class RevisionOut(BaseModel):
    version: int
    revision: int
    status: str
    data: dict[str, Any]
    reason: str | None
    comment: str | None
    editor: str
    at: str
    diff: list[FieldDiffOut]


class OpErrorOut(BaseModel):
    """Why an op was refused, when the forms engine was not the one to say it."""

    code: str
    message: str
    field: str | None = None


class FindingOut(BaseModel):
    """A finding of the forms engine (forms.model.Finding.to_dict)."""

    rule: str
    severity: Literal["error", "warning", "info"]
    fields: list[str]
    message_code: str = Field(description="the message catalogue's key (resources/messages.toml)")
    params: dict[str, Any]


class AckOut(BaseModel):
    """The answer to one op. An applied or duplicate op without errors leaves out `id` and
    empty fields (sync.protocol.compact_ack): the sender maps op_seq back to its record."""

    op_seq: int
    id: str | None = None
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    version: int | None = None
    change_seq: int | None = None
    errors: list[OpErrorOut | FindingOut] | None = None
    server: RecordOut | None = Field(default=None, description="the server copy, on conflict")
    conflict_kind: Literal["version", "natural_key"] | None = None


class PushOut(BaseModel):
    acks: list[AckOut]
    server_time: str
    epoch: str | None = Field(default=None, description="the server's epoch (server.epoch)")


class ChallengerOut(RecordOut):
    """A natural-key challenger as its device pushed it (never applied)."""

    # Never applied: no server version, and perhaps no revision.
    revision: int | None = None  # type: ignore[assignment]
    version: None = None


class ChangeOut(BaseModel):
    """One change. Asked with `wire_bytes`, `change_seq` is left out, and `id`, `form`,
    `version` and `deleted` where the record carries the same (sync.protocol.compact_change)."""

    change_seq: int | None = None
    id: str | None = None
    form: str | None = None
    version: int | None = None
    deleted: bool | None = None
    record: RecordOut
    contested_by: list[ChallengerOut] | None = Field(
        default=None, description="unresolved natural-key challengers; absent or [] = none")


class PullColumnsOut(BaseModel):
    """A page's changes as columns (sync/pull_columns.py), for `layout=columns`."""

    n: int = Field(description="how many changes")
    paths: list[list[str]] = Field(default_factory=list,
                                   description="each column's leaf path in a change")
    values: list[list[Any] | str] = Field(default_factory=list, description="each column's "
                                          "n values (null: see below; `uuids`: a string)")
    nulls: dict[str, list[int]] = Field(default_factory=dict, description="column -> rows "
                                        "whose null is a null (another null: the key is absent)")
    absent: dict[str, list[int]] = Field(default_factory=dict, description="column -> rows "
                                         "whose key is absent (every other null is a null)")
    uuids: list[int] = Field(default_factory=list, description="columns of canonical UUIDs, "
                             "each one base64 string of their 16-byte forms")


class PullOut(BaseModel):
    changes: list[ChangeOut] = Field(default_factory=list,
                                     description="absent when the page has `columns`")
    columns: PullColumnsOut | None = Field(default=None, description="the changes, for a "
                                           "client that asked layout=columns")
    next_cursor: int
    has_more: bool
    rates_version: int
    forms_version: int = Field(description="published forms and enumerations: bumped with "
                               "every publication (GET /definitions)")
    server_id: str
    epoch: str = Field(description="the change_seq history the cursor belongs to; another "
                       "one than before: re-send and pull again from zero")


class ExchangeOut(PushOut):
    """The push's acks, then the pull page read BEFORE the push was applied (so its
    next_cursor is followed by the push's own change_seqs unless another device wrote)."""

    pull: PullOut


class RateRowOut(BaseModel):
    region: str
    year: int
    rate: int | float


class RateTableOut(BaseModel):
    version: int
    default: int | float
    rates: list[RateRowOut]
    updated_at: str | None


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: str
    message: str


class ErrorOut(BaseModel):
    detail: ErrorDetail


class SchemaMismatchOut(BaseModel):
    code: Literal["schema_mismatch"]
    server_schema: int
    client_schema: str
    message: str
