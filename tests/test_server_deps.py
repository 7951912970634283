"""The role guards check the caller as CurrentUser did before them: a reset password first
(403 password_change_required), then the role (403 forbidden)."""
from __future__ import annotations

import asyncio

import pytest
from fastapi import HTTPException

from server.auth import User
from server.deps import require_roles


def _code(guard, user: User) -> str:
    try:
        asyncio.run(guard(user))
    except HTTPException as exc:
        return exc.detail["code"]
    return "ok"


@pytest.mark.parametrize("role, must_change, code", [
    ("district", False, "ok"), ("district", True, "password_change_required"),
    ("admin", False, "forbidden"), ("admin", True, "password_change_required")])
def test_a_guard_checks_the_reset_password_before_the_role(role, must_change, code):
    guard = require_roles("district", message="role {role} has no access to records")
    user = User("u", role, "SHY", None, must_change_password=must_change)
    assert _code(guard, user) == code
