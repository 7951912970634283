"""Request bodies (pydantic): bounds here keep odd input out of the database (422, not 500)."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from sync.protocol import expand_op

MAX_OPS = 2000
BIG = 2**62


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1024)


class OpIn(BaseModel):
    op_seq: int = Field(ge=0, le=BIG)
    form: str = Field(min_length=1, max_length=64)
    id: str = Field(min_length=1, max_length=64)
    op: Literal["upsert", "delete"]
    base_version: int | None = Field(default=None, ge=0, le=2**31 - 1)
    data: dict[str, Any] = Field(default_factory=dict)
    reason: str | None = Field(default=None, max_length=10_000)
    resolves: list[Annotated[str, Field(min_length=1, max_length=64)]] | None = Field(
        default=None, max_length=100)  # challenger ids of natural-key contests settled

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, value):  # the wire may leave out what the record itself says
        return expand_op(value) if isinstance(value, dict) else value


class PushIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=64)
    schema_version: int = Field(ge=0, le=BIG)
    ops: list[OpIn] = Field(max_length=MAX_OPS)


class ReviewIn(BaseModel):
    action: Literal["approve", "return"]
    comment: str | None = Field(default=None, max_length=10_000)


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=1024)
    role: Literal["district", "region", "trainer", "central", "admin"]
    region: str | None = Field(default=None, max_length=16)
    district: str | None = Field(default=None, max_length=64)


class OrgUnitIn(BaseModel):
    id: str = Field(min_length=1, max_length=64)
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
