"""Management without HTTP (used by `esep server admin ...` and by the admin endpoints)."""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from forms.periods import utc_now
from server import audit
from server.auth import hash_password
from server.db import org_units, users
from sync.protocol import ROLES

CSV_COLUMNS = ("id", "region", "name_ru", "name_kk", "name_en")


class AdminError(ValueError):
    """A management request that cannot be done; the message says which row / field and why."""


def region_codes() -> dict[str, dict]:
    """Regions from the reference data: code -> {name_ru, name_kk, name_en}."""
    from forms.reference import get_enum

    enum = get_enum("regions")
    return {item.code: {f"name_{lang}": item.labels.get(lang) or item.labels.get("ru", item.code)
                        for lang in ("ru", "kk", "en")} for item in enum.items}


def seed_regions(conn) -> int:
    """Insert the region-level org units that are missing (id = region code)."""
    have = {r[0] for r in conn.execute(sa.select(org_units.c.id)
                                       .where(org_units.c.kind == "region"))}
    rows = [{"id": code, "kind": "region", "region": code, **names}
            for code, names in region_codes().items() if code not in have]
    if rows:
        conn.execute(org_units.insert(), rows)
    return len(rows)


def known_districts(conn) -> dict[str, str]:
    """District id -> its region code."""
    return {r.id: r.region for r in conn.execute(
        sa.select(org_units.c.id, org_units.c.region).where(org_units.c.kind == "district"))}


def _region_problem(region, regions) -> str | None:
    if region in regions:
        return None
    return f"{region!r} is not a known region code (allowed: {', '.join(sorted(regions))})"


def _district_problem(district, region, districts: dict[str, str]) -> str | None:
    if district in districts:
        if region and districts[district] != region:
            return f"{district!r} lies in region {districts[district]}, not in {region}"
        return None
    same = sorted(d for d, r in districts.items() if r == region) if region else []
    hint = f" (allowed in {region}: {', '.join(same)})" if same else " (import org units first)"
    return f"{district!r} is not a known district{hint}"


def scope_problems(role: str, region: str | None, district: str | None, regions: dict,
                   districts: dict[str, str]) -> list[tuple[str, str]]:
    """The one check of a user's scope fields, for every role: [(field, why)]."""
    if role not in ROLES:
        return [("role", f"{role!r} is not one of {', '.join(ROLES)}")]
    out: list[tuple[str, str | None]] = []
    if role == "district":
        out.append(("region", _region_problem(region, regions) if region else None))
        out.append(("district", _district_problem(district, region, districts)
                    if district else "a district user needs a district"))
    elif role in ("region", "trainer"):
        if region or role == "region":
            out.append(("region", _region_problem(region, regions) if region
                        else "a region user needs a region code"))
        if district:
            out.append(("district", f"role {role} has no district"))
    else:
        for name, value in (("region", region), ("district", district)):
            if value:
                out.append((name, f"role {role} sees the whole country: leave {name} empty"))
    return [(f, why) for f, why in out if why]


def user_scope(role: str, region: str | None, district: str | None,
               districts: dict[str, str]) -> tuple[str | None, str | None]:
    """(region, district) as stored: a district user's region is its district's."""
    if role == "district" and district:
        return districts[district], district
    return region or None, district or None


def _check_user_fields(conn, username, password, role, region, district):
    if (not username or len(username) > 64 or username != username.strip()
            or not username.isprintable()):
        raise AdminError("user: a non-empty name of at most 64 printable characters, no "
                         "outer spaces")
    if len(password) < 8:
        raise AdminError("password: at least 8 characters")
    districts = known_districts(conn)
    problems = scope_problems(role, region, district, region_codes(), districts)
    if problems:
        raise AdminError("\n".join(f"{field}: {why}" for field, why in problems))
    return user_scope(role, region, district, districts)


def create_user(engine: sa.Engine, username: str, password: str, role: str,
                region: str | None = None, district: str | None = None, *,
                actor: str = "cli") -> dict:
    with engine.begin() as conn:
        seed_regions(conn)
        region, district = _check_user_fields(conn, username, password, role, region, district)
        exists = conn.execute(sa.select(users.c.username)
                              .where(users.c.username == username)).first()
        if exists:
            raise AdminError(f"user: {username!r} already exists")
        conn.execute(users.insert().values(
            username=username, password_hash=hash_password(password), role=role,
            region=region, district=district, active=True, created_at=utc_now()))
        audit.record(conn, actor, "create_user", username, role=role, region=region,
                     district=district)
    return {"username": username, "role": role, "region": region, "district": district}


def list_users(engine: sa.Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(users).order_by(users.c.username)).all()
    return [{"username": r.username, "role": r.role, "region": r.region,
             "district": r.district, "active": bool(r.active),
             "must_change_password": bool(r.must_change_password)} for r in rows]


MAX_UNITS = 20_000


def _unit_problems(row: dict, regions: dict, seen: dict, at) -> list[tuple[str, str]]:
    """[(column, why)] of one district row; `seen`: id -> where it was first."""
    out: list[tuple[str, str]] = []
    uid = (row.get("id") or "").strip()
    if not uid:
        out.append(("id", "empty"))
    elif len(uid) > 64:
        out.append(("id", "longer than 64 characters"))
    elif uid in seen:
        out.append(("id", f"{uid!r} appears twice in the file (also on {seen[uid]})"))
    elif uid in regions:
        out.append(("id", f"{uid!r} is a region code, not a district"))
    seen.setdefault(uid, at)
    why = _region_problem((row.get("region") or "").strip(), regions)
    if why:
        out.append(("region", why))
    if not (row.get("name_ru") or "").strip():
        out.append(("name_ru", "empty (the district's name in Russian is needed)"))
    return out


def import_orgunits(engine: sa.Engine, rows: list[dict], *,
                    places: list[str] | None = None, names: dict | None = None) -> int:
    """Upsert districts; all rows are checked first, and on any error nothing is saved.
    Errors name `places[i]` (a file's "line 5") and the column as `names` writes it; by
    default "row N" (from 1) and the field."""
    regions = region_codes()
    errors: list[str] = []
    seen: dict[str, str] = {}
    for n, row in enumerate(rows, start=1):
        at = places[n - 1] if places else f"row {n}"
        for col, why in _unit_problems(row, regions, seen, at):
            errors.append(f"{at}, column {(names or {}).get(col, col)}: {why}" if places
                          else f"{at}: {col}: {why}")
    if errors:
        raise AdminError("\n".join(errors))
    clean = [{"id": r["id"].strip(), "kind": "district", "region": r["region"].strip(),
              "name_ru": r["name_ru"].strip(),
              "name_kk": (r.get("name_kk") or "").strip() or r["name_ru"].strip(),
              "name_en": (r.get("name_en") or "").strip() or r["name_ru"].strip()}
             for r in rows]
    with engine.begin() as conn:
        seed_regions(conn)
        have = {r[0] for r in conn.execute(sa.select(org_units.c.id))}
        for r in clean:
            if r["id"] in have:
                conn.execute(org_units.update().where(org_units.c.id == r["id"]).values(**r))
            else:
                conn.execute(org_units.insert().values(**r))
    return len(clean)


def read_orgunits_csv(path: str | Path) -> tuple[list[dict], list[str], dict[str, str]]:
    """(rows, "line N" of each, {column: its name in the file}) of a districts CSV, read as
    `import-users` reads its file (server/csv_in.py)."""
    from server import csv_in

    rows, names = csv_in.parse(csv_in.decode(Path(path).read_bytes()),
                               ("id", "region", "name_ru"), CSV_COLUMNS,
                               what="districts", max_rows=MAX_UNITS)
    return [r for _, r in rows], [f"line {n}" for n, _ in rows], names


def set_rates(engine: sa.Engine, rows: list[dict], *, replace: bool = False) -> dict:
    """`esep server admin set-rates`: rows {region, year, rate} in the order of the CSV file
    (errors name its line); AdminError on bad rows."""
    from server import rates

    try:
        return rates.set_rates(engine, rows, by="admin-cli", replace=replace, where="line",
                               first=2)
    except rates.RatesError as exc:
        raise AdminError("\n".join(exc.errors)) from None
