"""`import-users`: many users from one CSV file, all or nothing.

The file: UTF-8 (with or without BOM) or Windows-1251, `,` or `;` between fields, a header
line naming the columns username, role and, as the role needs, region and district. Every
line is checked before anything is saved; errors name the file's line and column. Each user
gets a one-time password (to be changed at the first login)."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import sqlalchemy as sa

from forms.periods import utc_now
from server import admin, audit, auth, csv_in
from server.db import users

REQUIRED = ("username", "role")
COLUMNS = ("username", "role", "region", "district")
MAX_ROWS = 20_000


def parse(text: str) -> tuple[list[tuple[int, dict]], dict[str, str]]:
    """([(line number in the file, row)], {column: its name as the file writes it})."""
    return csv_in.parse(text, REQUIRED, COLUMNS, what="users", max_rows=MAX_ROWS,
                        note=" (region and district as the role needs)")


def _line_problems(line: int, row: dict, ctx: dict, seen: dict) -> list[str]:
    name = row["username"]
    out: list[tuple[str, str]] = []
    if not name or len(name) > 64 or not name.isprintable():
        out.append(("username", "a name of 1 to 64 printable characters"))
    elif name in seen:
        out.append(("username", f"{name!r} appears twice (also on line {seen[name]})"))
    elif name in ctx["existing"]:
        out.append(("username", f"{name!r} already exists on the server"))
    seen.setdefault(name, line)
    out += admin.scope_problems(row["role"], row["region"], row["district"], ctx["regions"],
                                ctx["districts"])
    return [f"line {line}, column {ctx['names'].get(col, col)}: {why}" for col, why in out]


def import_users(engine: sa.Engine, data: bytes, *, actor: str) -> list[dict]:
    """Create every user of the file or none; returns [{username, role, region, district,
    password}] with the one-time passwords."""
    rows, names = parse(csv_in.decode(data))
    with engine.begin() as conn:
        admin.seed_regions(conn)
        districts = admin.known_districts(conn)
        ctx = {"regions": admin.region_codes(), "districts": districts, "names": names,
               "existing": {r[0] for r in conn.execute(sa.select(users.c.username))}}
        errors: list[str] = []
        seen: dict[str, int] = {}
        for line, row in rows:
            errors += _line_problems(line, row, ctx, seen)
        if errors:
            raise admin.AdminError("\n".join(errors))
        out, values, now = [], [], utc_now()
        for _line, row in rows:
            password, digest = auth.new_one_time_password()
            region, district = admin.user_scope(row["role"], row["region"], row["district"],
                                                districts)
            values.append({"username": row["username"], "password_hash": digest,
                           "role": row["role"], "region": region, "district": district,
                           "active": True, "created_at": now, "must_change_password": True})
            out.append({"username": row["username"], "role": row["role"], "region": region,
                        "district": district, "password": password})
        conn.execute(users.insert(), values)
        audit.record(conn, actor, "import_users", f"{len(values)} users",
                     usernames=[v["username"] for v in values][:1000])
    return out


def open_private(path: str | Path):
    """A new file only its owner may read (0600); refuses to overwrite one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def write_passwords(fh, created: list[dict]) -> None:
    writer = csv.writer(fh)
    writer.writerow(["username", "role", "region", "district", "one_time_password"])
    for u in created:
        writer.writerow([u["username"], u["role"], u["region"] or "", u["district"] or "",
                         u["password"]])
