"""Bodies of the user-lifecycle, status, audit and health answers (see server/models.py)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from server.models import Role


class SetPasswordIn(BaseModel):
    password: str = Field(min_length=1, max_length=1024)
    must_change: bool = False


class UserChangeOut(BaseModel):
    username: str
    active: bool | None = None
    must_change_password: bool | None = None
    password: str | None = Field(default=None, description="the one-time password of a reset")
    revoked: int | None = Field(default=None, description="tokens revoked")
    cleared: int | None = Field(default=None, description="lockouts cleared")


class ImportedUserOut(BaseModel):
    username: str
    role: Role
    region: str | None
    district: str | None
    password: str = Field(description="one-time: to be changed at the first login")


class ImportUsersOut(BaseModel):
    imported: int
    users: list[ImportedUserOut]


class DeviceActivityOut(BaseModel):
    username: str
    device_id: str
    last_push: str | None
    last_pull: str | None


class UnitStatusOut(BaseModel):
    org_unit: str
    region: str
    name_ru: str
    last_push: str | None
    last_pull: str | None
    silent: bool
    devices: list[DeviceActivityOut]


class StatusOut(BaseModel):
    as_of: str
    silent_days: int
    units: list[UnitStatusOut]


class AuditEntryOut(BaseModel):
    id: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
