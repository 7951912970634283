"""Helpers and fixtures shared by the sync tests (no tests here).

A real server (tests/server_fixtures.py), real SQLite stores in tmp_path, a fault proxy.
"""
from __future__ import annotations

import random
import uuid

import pytest
from faultproxy import FaultProxy
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from server_fixtures import create_user, import_orgunits, run_server

from store import open_store
from sync.transport import SyncClient, make_retry

REGION = "SHY"
DISTRICTS = [f"SHY-D{i:02d}" for i in range(1, 21)]
PASSWORD = "correct horse battery"


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in for tests (keyring's own API; kept in memory only)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def seed_server(db_url: str) -> None:
    import_orgunits(db_url, [{"id": d, "region": REGION, "name_ru": f"Район {d}"}
                             for d in DISTRICTS])
    create_user(db_url, "dist1", PASSWORD, "district", district=DISTRICTS[0])
    create_user(db_url, "dist1b", PASSWORD, "district", district=DISTRICTS[0])
    create_user(db_url, "reg1", PASSWORD, "region", region=REGION)


def seeded_server(path):
    """A running server on a new SQLite file at `path`, seeded by seed_server; stop() it."""
    srv = run_server(f"sqlite:///{path}")
    seed_server(srv.db_url)
    return srv


@pytest.fixture
def server(tmp_path):
    srv = seeded_server(tmp_path / "server.sqlite3")
    yield srv
    srv.stop()


@pytest.fixture
def proxy(server):
    p = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1])).start()
    yield p
    p.stop()


def make_client(url: str, user: str = "dist1", *, fast: bool = True) -> SyncClient:
    retry = make_retry(total=3, backoff=0.01, jitter=0.01) if fast else None
    client = SyncClient(url, retry=retry, timeout=(3.0, 10.0))
    client.login(user, PASSWORD)
    return client


def new_store(tmp_path, name: str, user: str = "dist1"):
    return open_store(tmp_path / name / "esep.sqlite3", user=user)


def monthly(org_unit: str, period: str, n: int = 10, rid: str | None = None) -> dict:
    """A valid monthly report (no error findings) whose numbers depend on n."""
    f = n // 2
    return {
        "id": rid or str(uuid.uuid4()), "form": "monthly_report", "form_version": 1,
        "org_unit": org_unit, "period": period, "status": "draft",
        "data": {"volunteers_total": n, "gender": {"F": f, "M": n - f}, "age": {"A18_28": n},
                 "occupation": {"STUDENT": n}, "registered_orgs_count": 2,
                 "initiative_groups_count": 5, "events_total": 3,
                 "events_by_direction": {"MED": 3}, "events_by_format": {"OFFLINE": 3},
                 "volunteer_hours": float(n * 2), "volunteer_positions": 4,
                 "rfo_support_provided": "NO",
                 "typical_events_text": f"Акция «Чистый двор» №{n}: уборка, субботник"},
    }


def periods(count: int) -> list[str]:
    out = []
    for i in range(count):
        out.append(f"{2020 + i // 12}-{i % 12 + 1:02d}")
    return out


def fill(store, count: int, *, user: str = "dist1", seed: int = 1,
         org_units=None) -> list[str]:
    """Save `count` records (distinct district-months); returns their ids."""
    rng = random.Random(seed)
    units = org_units or [DISTRICTS[0]]
    keys = [(u, p) for p in periods(count // len(units) + 1) for u in units][:count]
    ids = []
    sizes = rng.sample(range(4, 5000), len(keys))  # distinct: VR-01 refuses a repeated month
    for (unit, period), n in zip(keys, sizes):
        rec = store.save_record(monthly(unit, period, n), user=user)
        ids.append(rec["id"])
    return ids


def server_records(client: SyncClient) -> dict[str, dict]:
    """Everything the user sees on the server, by id (through the pull endpoint)."""
    out, cursor = {}, 0
    while True:
        page = client.pull(cursor)
        for ch in page["changes"]:
            out[ch["id"]] = ch
        if not page["has_more"]:
            return out
        cursor = page["next_cursor"]


def outbox_size(store) -> int:
    return store.db.execute("SELECT count(*) FROM outbox").fetchone()[0]
