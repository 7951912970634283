"""Whether this client may pull and push in ONE request (POST /sync/exchange, sync/protocol.py)
and in which encoding, remembered between runs in the store's kv `sync.exchange`
({url, codings} or {url, refused}).

A server with the route names the encodings it takes in the X-Esep-Exchange header of every
answer, so `esep login` already learns it and the first `esep sync` after it costs one request.
A server that never named it (an older one) is never sent an exchange. One that names it but
answers 404 (a downgraded server, a proxy that does not pass the route) is not asked again for
RETRY_SECONDS: those syncs pull, then push, as before.
"""
from __future__ import annotations

import time

KEY = "sync.exchange"
RETRY_SECONDS = 24 * 3600


def _known(store, url: str) -> dict:
    known = store.get_setting(KEY)
    return known if isinstance(known, dict) and known.get("url") == url else {}


def _refused(known: dict) -> bool:
    at = known.get("refused")
    return isinstance(at, (int, float)) and time.time() < at + RETRY_SECONDS


def codings(store, client) -> str | None:
    """The encodings the exchange takes on the client's server; None: pull, then push."""
    known = _known(store, client.base_url)
    if _refused(known):
        return None
    return client.exchange_codings or known.get("codings")


def remember(store, client) -> None:
    """Keep what the server's answers named (nothing named: what was known stays)."""
    seen = client.exchange_codings
    known = _known(store, client.base_url)
    if not seen or _refused(known) or known.get("codings") == seen:
        return
    store.set_setting(KEY, {"url": client.base_url, "codings": seen})


def refuse(store, client) -> None:
    """The server has no exchange route after all: pull, then push, for a while."""
    store.set_setting(KEY, {"url": client.base_url, "refused": int(time.time())})
