"""The centre's hourly-rate table on the client (DOMAIN decision 7).

Every pull page carries the server's `rates_version`. When it differs from the one stored in
kv `sync.rates_version`, `refresh_rates` GETs /api/v1/rates ONCE and stores the table (kv
`forms.rates.KV_KEY`, the JSON `reports.economics.RateTable.load` reads — sync may not import
reports) and the version in one SQLite transaction. A server without the endpoint (404), or
one that never set rates (version 0 and nothing stored), leaves the local table as it is.
"""
from __future__ import annotations

import json

from forms.rates import DEFAULT_HOURLY_RATE, KV_KEY, RATE_YEARS, check_rate
from store.db import transaction, utc_now
from sync import protocol
from sync.transport import SyncClient, SyncError

RATES_KV_KEY = KV_KEY
VERSION_KEY = "sync.rates_version"  # present = the table came from the server: read-only
UPDATED_KEY = "sync.rates_updated_at"  # the server's last change (else when we got it)
SOURCE = "server"


def stored_version(store) -> int | None:
    value = store.get_setting(VERSION_KEY)
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def needs_refresh(store, server_version) -> bool:
    """True when the server's table differs from the stored one. An old server (no version)
    or a server that never set rates (0) while we hold none: keep the local table."""
    if not isinstance(server_version, int) or isinstance(server_version, bool):
        return False
    local = stored_version(store)
    if local is None:
        return server_version != 0
    return local != server_version


def table_json(answer: dict) -> str:
    """The server's answer as the kv JSON of RateTable.save; every row checked first
    (SyncError on a bad one: nothing is stored)."""
    rows = []
    for n, row in enumerate(answer.get("rates") or [], start=1):
        try:
            region = str(row["region"])
            rate = check_rate(region, row["year"], row["rate"])
        except (KeyError, TypeError, ValueError) as exc:
            raise SyncError(f"the server sent a bad hourly-rate row {n}: {exc}") from None
        rows.append({"region": region, "year": int(row["year"]), "rate_kzt": rate,
                     "source": SOURCE})
    default = answer.get("default", DEFAULT_HOURLY_RATE)
    try:
        check_rate("default", RATE_YEARS[0], default)
    except ValueError as exc:
        raise SyncError(f"the server sent a bad default hourly rate: {exc}") from None
    rows.sort(key=lambda r: (r["region"], r["year"]))
    return json.dumps({"default": default, "rows": rows})


def save_table(store, answer: dict) -> None:
    """The table, its version and its date in ONE transaction."""
    text = table_json(answer)
    version = int(answer["version"])
    with transaction(store.db):
        store.set_setting(RATES_KV_KEY, text)
        store.set_setting(VERSION_KEY, version)
        store.set_setting(UPDATED_KEY, answer.get("updated_at") or utc_now())


def refresh_rates(store, client: SyncClient, server_version) -> bool:
    """GET the table when `server_version` says it changed; True when one was stored."""
    if not needs_refresh(store, server_version):
        return False
    answer = client.get_if_served(protocol.API_PREFIX + "/rates")
    if answer is None:  # a server without the endpoint: keep the local table
        return False
    if not isinstance(answer, dict) or not isinstance(answer.get("version"), int):
        raise SyncError(f"GET /rates: unexpected answer {str(answer)[:200]!r}")
    save_table(store, answer)
    return True
