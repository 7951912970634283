"""The centre's hourly-rate table (DOMAIN decision 7): GET / PUT /api/v1/rates and the admin
CLI. Every change bumps the `rates_version` counter in the same transaction; pull pages carry
it (server/pull.py) so a client fetches the table only when it changed.

Rows are checked by `forms.rates.check_rate` (the rules the local rate table uses too) plus
a known region code. All rows of a request are checked
first; on any error nothing is saved.
"""
from __future__ import annotations

import sqlalchemy as sa

from forms.periods import utc_now
from forms.rates import DEFAULT_HOURLY_RATE, check_rate
from server.admin import region_codes
from server.auth import User
from server.db import counters, hourly_rates

VERSION_COUNTER = "rates_version"
WRITERS = ("central", "admin", "region")


class RatesError(ValueError):
    """A refused change: `errors` say which row, which field and why (HTTP 422)."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


class RatesForbidden(PermissionError):
    """The caller may not change (some of) these rows (HTTP 403)."""


class _NoChange(Exception):
    pass


def rates_version(conn) -> int:
    value = conn.execute(sa.select(counters.c.value)
                         .where(counters.c.name == VERSION_COUNTER)).scalar_one_or_none()
    return int(value or 0)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _table(conn) -> dict:
    version = rates_version(conn)
    rows = conn.execute(sa.select(hourly_rates)
                        .order_by(hourly_rates.c.region, hourly_rates.c.year)).all()
    return {"version": version, "default": DEFAULT_HOURLY_RATE,
            "rates": [{"region": r.region, "year": r.year, "rate": _number(r.rate)}
                      for r in rows],
            "updated_at": max((r.updated_at for r in rows), default=None)}


def get_rates(engine: sa.Engine) -> dict:
    with engine.connect() as conn:
        return _table(conn)


def check_rows(rows: list[dict], where: str = "row", first: int = 1) -> list[dict]:
    """Clean rows {region, year, rate (None = clear)}; raises RatesError listing every bad
    row and why (`where` `first`..: "row 1" in a request, "line 2" of a CSV file)."""
    regions, errors, seen, clean = region_codes(), [], set(), []
    for n, row in enumerate(rows, start=first):
        region = str(row.get("region") or "").strip()
        if region not in regions:
            errors.append(f"{where} {n}: region: {region!r} is not a known region code")
            continue
        try:
            rate = row.get("rate")
            if rate is None:  # clearing: the year must still be valid
                check_rate(region, row.get("year"), DEFAULT_HOURLY_RATE)
            else:
                rate = check_rate(region, row.get("year"), rate)
        except ValueError as exc:
            errors.append(f"{where} {n}: {exc}")
            continue
        key = (region, int(row["year"]))
        if key in seen:
            errors.append(f"{where} {n}: {region} {key[1]} appears twice")
        seen.add(key)
        clean.append({"region": region, "year": key[1], "rate": rate})
    if errors:
        raise RatesError(errors)
    return clean


def _check_region_scope(user: User, rows: list[dict]) -> None:
    """A region user changes only its own region's rows (the role was checked first)."""
    if user.role == "region":
        other = sorted({r["region"] for r in rows if r["region"] != user.region})
        if other:
            raise RatesForbidden(f"a region user changes only the rates of {user.region}; "
                                 f"refused: {', '.join(other)}")


def _apply(conn, row: dict, by: str, now: str) -> bool:
    """Write one row; False when it changes nothing."""
    key = sa.and_(hourly_rates.c.region == row["region"], hourly_rates.c.year == row["year"])
    old = conn.execute(sa.select(hourly_rates.c.rate).where(key)).scalar_one_or_none()
    if row["rate"] is None:
        if old is None:
            return False
        conn.execute(hourly_rates.delete().where(key))
        return True
    if old is not None and float(old) == float(row["rate"]):
        return False
    values = {"rate": row["rate"], "updated_by": by, "updated_at": now}
    if old is None:
        conn.execute(hourly_rates.insert().values(region=row["region"], year=row["year"],
                                                  **values))
    else:
        conn.execute(hourly_rates.update().where(key).values(**values))
    return True


def _write(engine: sa.Engine, rows: list[dict], by: str, replace: bool) -> dict:
    """One transaction: the counter is bumped FIRST (its row lock serialises writers on
    PostgreSQL; SQLite's BEGIN IMMEDIATE does the same), then the rows; rolled back when
    nothing changed, so the version moves only with the table. Returns the table as this
    transaction left it (its own version, even when another writer follows at once)."""
    try:
        with engine.begin() as conn:
            conn.execute(counters.update().where(counters.c.name == VERSION_COUNTER)
                         .values(value=counters.c.value + 1))
            now, changed = utc_now(), False
            if replace:
                keep = {(r["region"], r["year"]) for r in rows}
                for old in conn.execute(sa.select(hourly_rates.c.region,
                                                  hourly_rates.c.year)).all():
                    if (old.region, old.year) not in keep:
                        changed |= _apply(conn, {"region": old.region, "year": old.year,
                                                 "rate": None}, by, now)
            for row in rows:
                changed |= _apply(conn, row, by, now)
            if not changed:
                raise _NoChange
            return _table(conn)
    except _NoChange:
        return get_rates(engine)


def put_rates(engine: sa.Engine, user: User, rows: list[dict]) -> dict:
    """PUT /rates: check every row and the caller's right, write, return the new table."""
    if user.role not in WRITERS:  # before looking at the rows: no hints for outsiders
        raise RatesForbidden(f"role {user.role} may not change the hourly rates")
    clean = check_rows(rows)
    _check_region_scope(user, clean)
    return _write(engine, clean, user.username, replace=False)


def set_rates(engine: sa.Engine, rows: list[dict], *, by: str = "admin-cli",
              replace: bool = False, where: str = "row", first: int = 1) -> dict:
    """The admin CLI: rows {region, year, rate}; replace=True clears every other row."""
    return _write(engine, check_rows(rows, where, first), by, replace)
