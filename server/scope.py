"""Who may see and change what. Every read and write on the server goes through here."""
from __future__ import annotations

import functools
import json

import sqlalchemy as sa

from forms.scope import REGISTRY_FORMS, SURVEY_FORMS, TRAINER_FORMS, may_hold
from server.auth import User
from server.db import records

RECORD_ROLES = ("district", "region", "trainer", "central")


def visible_clause(user: User):
    """A WHERE clause selecting the records `user` may read (false() for none)."""
    if user.role == "central":
        return sa.true()
    if user.role == "district":   # its own records, and its region's registry to link with
        return sa.or_(sa.and_(records.c.org_unit == user.district,
                              records.c.form.not_in(SURVEY_FORMS + REGISTRY_FORMS)),
                      sa.and_(records.c.form.in_(REGISTRY_FORMS),
                              records.c.region == user.region))
    if user.role == "region":
        return records.c.region == user.region
    if user.role == "trainer":
        return sa.and_(records.c.created_by == user.username, records.c.form.in_(TRAINER_FORMS))
    return sa.false()


def can_read(user: User, row) -> bool:
    if user.role == "central":
        return True
    if user.role == "district":
        if row.form in REGISTRY_FORMS:
            return user.region is not None and row.region == user.region
        return row.org_unit == user.district and row.form not in SURVEY_FORMS
    if user.role == "region":
        return row.region == user.region
    if user.role == "trainer":
        return row.created_by == user.username and row.form in TRAINER_FORMS
    return False


def read_only(user: User, row) -> bool:
    """A record the user sees but may not change: a district's view of its region's registry."""
    return user.role == "district" and row.form in REGISTRY_FORMS


def can_write_unit(user: User, unit, form: str) -> bool:
    """May `user` hold a record of `form` for org unit `unit` (a row of org_units)?
    The rule is forms.scope.may_hold, the one the desktop and the CLI apply too."""
    return may_hold(user.role, user.district, user.region, unit.id, unit.region, form)


def sees_personal(user: User, created_by: str) -> bool:
    """Decision 9: personal data only for the one who recorded it and for central."""
    return user.role == "central" or user.username == created_by


def personal_fields(form: str, version: int) -> tuple[tuple[str, ...], dict]:
    """(top-level personal field ids, {roster field id: personal column ids}) of the version
    as this database defines it (shipped, or published: forms/published.py)."""
    from forms.published import active

    return _personal_fields(form, version, active())


@functools.lru_cache(maxsize=256)
def _personal_fields(form: str, version: int, _pset) -> tuple[tuple[str, ...], dict]:
    from forms import load_form

    try:
        fdef = load_form(form, version)
    except Exception:  # noqa: BLE001 - unknown form/version: nothing to strip
        return (), {}
    top = tuple(f.id for f in fdef.fields if getattr(f, "personal", False))
    rosters = {f.id: tuple(c.id for c in (f.columns or []) if getattr(c, "personal", False))
               for f in fdef.fields if f.type == "roster"}
    return top, {k: v for k, v in rosters.items() if v}


def strip_personal_data(form: str, version: int, data: dict) -> dict:
    top, rosters = personal_fields(form, version)
    if not top and not rosters:
        return data
    out = {k: v for k, v in data.items() if k not in top}
    for fid, cols in rosters.items():
        rows = out.get(fid)
        if isinstance(rows, list):
            out[fid] = [{k: v for k, v in r.items() if k not in cols} if isinstance(r, dict)
                        else r for r in rows]
    return out


def keep_personal_data(form: str, version: int, new: dict, old: dict) -> dict:
    """A writer who cannot see personal data keeps the server's values (rows matched by `no`
    or position), so a region's correction never erases what it was not shown."""
    top, rosters = personal_fields(form, version)
    out = dict(new)
    for fid in top:
        if fid in old:
            out[fid] = old[fid]
    for fid, cols in rosters.items():
        old_rows, new_rows = old.get(fid), out.get(fid)
        if not isinstance(old_rows, list) or not isinstance(new_rows, list):
            continue
        by_no = {r.get("no", i): r for i, r in enumerate(old_rows) if isinstance(r, dict)}
        merged = []
        for i, r in enumerate(new_rows):
            src = by_no.get(r.get("no", i)) if isinstance(r, dict) else None
            merged.append({**r, **{c: src[c] for c in cols if c in src}} if src else r)
        out[fid] = merged
    return out


def row_to_record(row) -> dict:
    return {
        "id": row.id, "form": row.form, "form_version": row.form_version,
        "org_unit": row.org_unit, "period": row.period, "status": row.status,
        "data": json.loads(row.data), "justification": row.justification,
        "review_comment": row.review_comment, "revision": row.revision,
        "version": row.version, "deleted": bool(row.deleted), "updated_at": row.updated_at,
        "updated_by": row.updated_by,
    }


def record_for(user: User, row) -> dict:
    """The canonical record as `user` may see it."""
    rec = row_to_record(row)
    if not sees_personal(user, row.created_by):
        rec["data"] = strip_personal_data(row.form, row.form_version, rec["data"])
    return rec
