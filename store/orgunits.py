"""Org units the trainer makes on this device (before the server's list arrives), and
mapping one onto the server's unit later (its editable records re-homed, audited).

Local units live in the org_units table like the server's; their ids are remembered in the
settings (`org_units.local`), so the server's list and a local unit are told apart.
"""
from __future__ import annotations

from forms.lifecycle import EDITABLE
from store.db import transaction, utc_now
from store.errors import StoreError
from store.writes import fetch, persist

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
