"""Forms and enumerations the centre published, as this client keeps them (kv settings).

sync/definitions.py stores what GET /api/v1/definitions answered; `activate` installs the
usable ones (`requires_engine` <= forms.ENGINE_VERSION) as the process's published set
(forms/published.py), so the forms registry reads them at once: the next new record uses the
newest version, and every record keeps opening with its own. A definition for a newer engine
is kept but not used (`held_back`): after an upgrade it is used without another fetch.
"""
from __future__ import annotations

from forms.published import Entry, PublishedSet, set_default
from store.db import transaction

KV_KEY = "forms.published"  # JSON list of Entry.to_dict()
VERSION_KEY = "sync.forms_version"  # the server's forms_version they came with


def entries(store) -> list[Entry]:
    raw = store.get_setting(KV_KEY)
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        try:
            out.append(Entry.from_dict(item))
        except (ValueError, AttributeError):
            continue  # written by a newer Esep in a shape this one cannot read
    return out


def save(store, new: list[Entry], version: int) -> None:
    """The definitions and their version in ONE transaction."""
    with transaction(store.db):
        store.set_setting(KV_KEY, [e.to_dict() for e in new])
        store.set_setting(VERSION_KEY, version)


def stored_version(store) -> int | None:
    value = store.get_setting(VERSION_KEY)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def usable_set(kept: list[Entry]) -> PublishedSet:
    return PublishedSet(e for e in kept if e.usable)


def activate(store) -> PublishedSet:
    """Install what this store keeps as the process's published set (the registry refresh)."""
    pset = usable_set(entries(store))
    set_default(pset)
    return pset



def held_back(store) -> list[Entry]:
    """Definitions newer than every usable version of theirs that need a newer engine."""
    kept = entries(store)
    best: dict[tuple[str, str], int] = {}
    for e in kept:
        if e.usable:
            best[(e.kind, e.name)] = max(best.get((e.kind, e.name), 0), e.version)
    return [e for e in kept if not e.usable and e.version > best.get((e.kind, e.name), 0)]
