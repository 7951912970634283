"""The rows of bench/bench_peers.py: (name, value, unit, target, ratio, ok); the targets of
issue 18 live here, once."""
from __future__ import annotations

LABEL = {"esep": "Esep", "anki": "Anki", "pouch": "pouchdb-server"}
PEERS = ("anki", "pouch")
LIMIT_X = {"push": 1.3, "pull": 1.3}  # Esep's seconds / the link's limit, at most
VS_ANKI = {"push": 0.33, "noop": 1.0, "pull": 0.5}  # Esep's seconds / Anki's, at most
NOOP_REQUESTS, NOOP_BYTES = 1, 1024
INGEST_RATE_X, INGEST_MEM_X = 1.0, 1.5  # vs pouchdb-server: rate at least, memory at most


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def _failed(title: str, system: str, error: str) -> tuple:
    return (f"{title}, {LABEL[system]}: {error}"[:58], "-", "", "", "", False)


def _vs_anki(kind: str, title: str, results: dict) -> list[tuple]:
    esep, anki = results["esep"], results.get("anki", {"error": "not measured"})
    if "error" in anki:
        return [(f"{title}: Esep / Anki (Anki {anki['error']})"[:58], "-", "x",
                 f"<= {VS_ANKI[kind]}", "", False)]
    ratio = esep[kind].seconds / anki[kind].seconds
    return [(f"{title}: Esep / Anki seconds", round(ratio, 2), "x", f"<= {VS_ANKI[kind]}",
             round(ratio, 2), ratio <= VS_ANKI[kind])]


def _transfer(kind: str, title: str, results: dict, limit: float) -> list[tuple]:
    """Push or first pull: each system's seconds as a multiple of the link's limit."""
    out = [(f"{title}: the link's limit", round(limit, 2), "s", "-", "1.00", True)]
    for system in ("esep", *PEERS):
        m = results.get(system, {"error": "not measured"})
        if "error" in m:
            out.append(_failed(title, system, m["error"]))
            continue
        t = m[kind]
        ratio = t.seconds / limit
        esep = system == "esep"
        out.append((f"{title}, {LABEL[system]} ({t.requests} req, {_kb(t.wire)})",
                    round(t.seconds, 2), "s", f"<= {LIMIT_X[kind]}x lim" if esep else "-",
                    round(ratio, 2), m["done"] and (ratio <= LIMIT_X[kind] or not esep)))
    return out + _vs_anki(kind, title, results)


def _noop(results: dict) -> list[tuple]:
    title = "no-op sync"
    t, how = results["esep"]["noop"], results["esep"]["how"]
    out: list[tuple] = [(f"{title}, Esep: requests ({how})", t.requests, "req", NOOP_REQUESTS,
            t.requests, t.requests <= NOOP_REQUESTS),
           (f"{title}, Esep: wire bytes", t.wire, "B", NOOP_BYTES,
            round(t.wire / NOOP_BYTES, 2), t.wire <= NOOP_BYTES)]
    for system in ("esep", *PEERS):
        m = results.get(system, {"error": "not measured"})
        if "error" in m:
            out.append(_failed(title, system, m["error"]))
            continue
        n = m["noop"]
        out.append((f"{title}, {LABEL[system]} ({n.requests} req, {n.wire} B)",
                    round(n.seconds, 2), "s", "-", "-", True))
    return out + _vs_anki("noop", title, results)


def rows(results: dict, limits: dict, n_push: int, n_pull: int) -> list[tuple]:
    return (_transfer("push", f"push {n_push} recs", results, limits["push"])
            + _noop(results)
            + _transfer("pull", f"first pull {n_pull} recs", results, limits["pull"]))


def ingest_rows(ing: dict) -> list[tuple]:
    title = "ingest PG, 50 clients x 25 recs"  # the pouch rows: same records, 25 per request
    if "error" in ing:
        return [(f"{title}: {ing['error']}"[:58], "skipped", "", "", "", False)]
    esep, pouch = ing["esep"], ing["pouch"]
    if "error" in esep:
        return [(f"{title}: Esep {esep['error']}"[:58], "-", "", "", "", False)]
    applied = esep.get("applied", esep["records"]) == esep["records"]
    out = [(f"ingest PG 50x25: Esep ({esep.get('applied')}/{esep['records']} applied)",
            round(esep["rate"]), "rec/s", f">= {INGEST_RATE_X}x pouch", "", applied),
           ("ingest: Esep server peak memory (process tree, PSS)", round(esep["server_pss_mb"]),
            "MB", f"<= {INGEST_MEM_X}x pouch", "", True),
           ("ingest: Esep server peak RSS (process tree, shared pages counted per process)",
            round(esep["server_rss_mb"]), "MB", "-", "-", True)]
    if "login_rss_mb" in esep:  # argon2 is memory-hard: apart, pouchdb-server has no login
        out.append(("ingest: Esep peak RSS during the one login before",
                    round(esep["login_rss_mb"]), "MB", "-", "-", True))
    if "error" in pouch:
        return out + [(f"ingest: {pouch['error']}"[:58], "-", "", "", "", False)]
    rate_x = esep["rate"] / pouch["rate"]
    mem_x = esep["server_pss_mb"] / pouch["server_pss_mb"]
    out[0] = out[0][:4] + (round(rate_x, 2), rate_x >= INGEST_RATE_X and applied)
    out[1] = out[1][:4] + (round(mem_x, 2), mem_x <= INGEST_MEM_X)
    return out + [
        (f"ingest PG 50x25: pouchdb _bulk_docs ({pouch['records']} docs)", round(pouch["rate"]),
         "rec/s", "-", "1.00", True),
        ("ingest: pouchdb-server peak memory (process tree, PSS)", round(pouch["server_pss_mb"]),
         "MB", "-", "1.00", True),
        ("ingest: pouchdb-server peak RSS (process tree)", round(pouch["server_rss_mb"]), "MB",
         "-", "-", True)]
