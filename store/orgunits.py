"""Org units the trainer makes on this device (before the server's list arrives), and
mapping one onto the server's unit later (its editable records re-homed, audited).

Local units live in the org_units table like the server's; their ids are remembered in the
settings (`org_units.local`), so the server's list and a local unit are told apart.

`refile_refused` moves a record the server refused (its org unit unknown there, or outside the
user's reach) to another unit and queues it again (`esep refile`).
"""
from __future__ import annotations

from forms.lifecycle import EDITABLE
from forms.scope import may_hold
from store.db import transaction, utc_now
from store.errors import StoreError
from store.writes import fetch, fetch_stored, persist

LOCAL_KEY = "org_units.local"


def local_ids(store) -> list[str]:
    return list(store.get_setting(LOCAL_KEY) or [])


def add_local_units(store, units: list[dict]) -> list[str]:
    """Create or update local units (id, region, name_ru; name_kk/name_en optional)."""
    known = {u["id"]: u for u in store.org_units()}
    local = local_ids(store)
    for unit in units:
        old = known.get(unit.get("id"))
        if old is not None and old["id"] not in local:
            raise StoreError(f"org unit {unit['id']} comes from the server; a local unit needs "
                             f"another id", code="org_unit_exists", field="id")
    store.upsert_org_units([dict(u, kind=u.get("kind") or "district") for u in units])
    ids = [u["id"] for u in units]
    store.set_setting(LOCAL_KEY, sorted(set(local) | set(ids)))
    return ids


def records_of(store, unit_id: str) -> list[dict]:
    return store.list_records(org_unit=unit_id)


def map_local_unit(store, local_id: str, server_id: str, *, user: str) -> dict:
    """Re-home the local unit's records onto `server_id`: editable ones, and submitted ones
    that never reached a server (submitted offline: the server has not seen the local unit);
    the local unit is then retired (inactive). Records a server already holds keep their unit
    and are listed in `kept`."""
    local = local_ids(store)
    if local_id not in local:
        raise StoreError(f"{local_id} is not a local org unit", code="not_local",
                         field="org_unit")
    if server_id in local or not any(u["id"] == server_id for u in store.org_units()):
        raise StoreError(f"{server_id} is not an org unit from the server", code="not_server",
                         field="org_unit")
    moved, kept = [], []
    reason = f"org unit {local_id} mapped onto {server_id}"
    for rec in records_of(store, local_id):
        if rec["status"] in EDITABLE:
            store.save_record(dict(rec, org_unit=server_id), user=user, reason=reason)
        elif rec.get("version") is None:
            _rehome_unsent(store, rec["id"], server_id, user=user, reason=reason)
        else:
            kept.append(rec["id"])
            continue
        moved.append(rec["id"])
    if not kept:
        unit = next(u for u in store.org_units() if u["id"] == local_id)
        store.upsert_org_units([dict(unit, active=False)])
        store.set_setting(LOCAL_KEY, [i for i in local if i != local_id])
    return {"moved": moved, "kept": kept}


def _rehome_unsent(store, record_id: str, unit: str, *, user: str, reason: str) -> None:
    """A submitted record no server has seen takes its new unit as it is (audited; its
    pending outbox entry sends it there)."""
    with transaction(store.db):
        old = fetch(store.db, record_id)
        if old is None:  # gone meanwhile: nothing to move
            return
        new = dict(old, org_unit=unit, updated_at=utc_now(), updated_by=user)
        persist(store.db, old, new, user=user, at=new["updated_at"], reason=reason)


# -- a record the server refused, filed again under another unit -------------------------------
def _refusal(code: str, message: str, record_id: str, **params) -> StoreError:
    return StoreError(f"record {record_id}: {message}", code=code, record_id=record_id,
                      field="org_unit", params={"record": record_id, **params})


def server_units(store) -> dict[str, dict]:
    """The active org units the server sent, by id (local units left out)."""
    local = set(local_ids(store))
    return {u["id"]: u for u in store.org_units() if u.get("active", 1) and u["id"] not in local}


def refile_units(store, form: str, me: dict) -> list[dict]:
    """The units a refused record of `form` may be moved to (refile_refused's rule): the
    server's units within the user's reach for the form (forms.scope.may_hold), by id."""
    return [u for uid, u in sorted(server_units(store).items())
            if may_hold(me.get("role"), me.get("district"), me.get("region"), uid,
                        u.get("region"), form)]


def _check_target(store, rec: dict, unit_id: str, me: dict) -> None:
    """The unit must be one the server sent (a local unit or a typo is refused again) and
    within the user's reach for the record's form (forms.scope.may_hold, the server's rule)."""
    rid = rec["id"]
    if unit_id == rec["org_unit"]:
        raise _refusal("refile_same_unit", f"already filed under {unit_id}", rid, unit=unit_id)
    if unit_id not in server_units(store):
        raise _refusal("refile_unit_not_server", f"{unit_id} is not an org unit from the server",
                       rid, unit=unit_id)
    if all(u["id"] != unit_id for u in refile_units(store, rec["form"], me)):
        raise _refusal("refile_outside_scope", f"{rec['form']} for {unit_id} is outside the "
                       f"scope of this user", rid, unit=unit_id)


def refile_refused(store, record_id: str, unit_id: str, *, user: str, me: dict) -> dict:
    """Move a record whose change the server refused (a parked op) to `unit_id` and queue it
    for the next sync; its refused mark is cleared in the same transaction. `me`: the user as
    the server described it at the last sync (role, district, region). A draft or returned
    record is saved as an edit (store.save_record's checks); a submitted one the server never
    accepted is checked in full against its new unit's history first. Refused (StoreError,
    nothing changed): an unknown record, one with no refused change, one the server already
    holds as submitted, a unit the server did not send or outside the user's reach."""
    from store.workflow import _refuse

    with transaction(store.db):
        rec = store._live(record_id)
        rid = rec["id"]
        if not store.db.execute("SELECT 1 FROM outbox WHERE record_id = ? AND "
                                "state = 'parked'", [rid]).fetchone():
            raise _refusal("refile_not_refused", "the server refused no change of it", rid)
        if rec["status"] not in EDITABLE and rec.get("version") is not None:
            raise _refusal("refile_on_server", f"the server holds it as {rec['status']}", rid,
                           status=rec["status"])
        _check_target(store, rec, unit_id, me)
        reason = f"moved from {rec['org_unit']} to {unit_id} after the server refused it"
        if rec["status"] in EDITABLE:
            store.save_record(dict(rec, org_unit=unit_id), user=user, reason=reason)
        else:  # submitted offline: the server has never seen it
            new = dict(rec, org_unit=unit_id, updated_at=utc_now(), updated_by=user)
            _refuse(rid, store.verdict_for(new, strict=True))
            persist(store.db, rec, new, user=user, at=new["updated_at"], reason=reason)
        store.db.execute("DELETE FROM outbox WHERE record_id = ? AND state = 'parked'", [rid])
    return fetch_stored(store.db, rid)
