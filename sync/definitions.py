"""The forms and enumerations the centre published, on the client (mirrors sync/rates.py).

Every pull page carries the server's `forms_version`. When it differs from the one stored
(kv `sync.forms_version`), `refresh_definitions` GETs /api/v1/definitions ONCE, checks every
definition this engine may use with the same engine (nothing is stored when one is broken),
keeps them all in one SQLite transaction (store/published.py) and installs the usable ones:
the next new record uses the newest version, without a restart. A definition that needs a
newer engine (`requires_engine`) is kept, not used: the client goes on with the version it
has and the sync summary says why (`held_back`). A server without the endpoint (404) or one
that never published (version 0, nothing stored) changes nothing.
"""
from __future__ import annotations

from forms.model import DefinitionError
from forms.published import ENUM, Entry, using
from store import published as kept
from sync import protocol
from sync.transport import SyncClient, SyncError


def needs_refresh(store, server_version) -> bool:
    if not isinstance(server_version, int) or isinstance(server_version, bool):
        return False  # an old server: nothing to fetch
    local = kept.stored_version(store)
    if local is None:
        return server_version != 0
    return local != server_version


def check_entries(answer) -> list[Entry]:
    """The server's definitions, each one this engine may use parsed by it (SyncError on the
    first broken one: nothing is stored)."""
    if not isinstance(answer, dict) or not isinstance(answer.get("definitions"), list):
        raise SyncError(f"GET /definitions: unexpected answer {str(answer)[:200]!r}")
    try:
        entries = [Entry.from_dict(d) for d in answer["definitions"]]
    except (ValueError, AttributeError) as exc:
        raise SyncError(f"the server sent a bad definition: {exc}") from None
    from forms.loader import form_from_text
    from forms.reference import enum_from_text

    with using(kept.usable_set(entries)):
        for e in (e for e in entries if e.usable):
            try:
                if e.kind == ENUM:
                    enum_from_text(e.text, e.file_name, e.name)
                else:
                    form_from_text(e.text, e.file_name)
            except DefinitionError as exc:
                raise SyncError(f"the server sent a definition this program cannot use: "
                                f"{exc}") from None
    return entries


def refresh_definitions(store, client: SyncClient, server_version) -> bool:
    """GET the definitions when `server_version` says they changed; True when stored."""
    if not needs_refresh(store, server_version):
        return False
    answer = client.get_if_served(protocol.API_PREFIX + "/definitions")
    if answer is None:
        return False
    entries = check_entries(answer)
    kept.save(store, entries, int(answer.get("version", server_version)))
    kept.activate(store)
    return True
