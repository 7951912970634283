"""Live central server for tests (importable by the sync room's tests too).

run_server(db_url) -> LiveServer(url, db_url, stop())   uvicorn in a thread on 127.0.0.1:<random>
create_user(db_url, username, password, role, region=None, district=None)
import_orgunits(db_url, rows)          rows: [{id, region, name_ru, name_kk?, name_en?}]
make_pg_database(pg_url)               context manager: a fresh database URL, dropped after
fixtures: live_server (SQLite file in tmp_path), live_server_pg (fresh PG database)
"""
from __future__ import annotations

import contextlib
import itertools
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
import requests
import sqlalchemy as sa
import uvicorn

from server import admin
from server.app import create_app
from server.config import Settings, normalize_db_url
from server.db import open_db


@dataclass
class LiveServer:
    url: str
    db_url: str
    _stop: Callable[[], None] = field(repr=False)

    def stop(self) -> None:
        self._stop()


def run_server(db_url: str, settings: Settings | None = None, wrap=None) -> LiveServer:
    """Start uvicorn on 127.0.0.1 with a random port; returns once /healthz answers. `wrap`:
    a function of the app giving the ASGI app to serve instead (the real app behind a filter:
    an older server, a gateway that drops a route)."""
    app = create_app(db_url, settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(wrap(app) if wrap else app, log_level="warning", lifespan="off",
                            timeout_keep_alive=30)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, thread)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.engine.dispose()

    return LiveServer(url, db_url, stop)


def _wait_healthy(url: str, thread: threading.Thread, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("the test server thread died while starting")
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"test server at {url} did not answer /healthz in {timeout} s")


def _with_engine(db_url: str, fn, *args):
    engine = open_db(db_url)
    try:
        return fn(engine, *args)
    finally:
        engine.dispose()


def create_user(db_url: str, username: str, password: str, role: str,
                region: str | None = None, district: str | None = None) -> dict:
    return _with_engine(db_url, admin.create_user, username, password, role, region, district)


def import_orgunits(db_url: str, rows: list[dict]) -> int:
    return _with_engine(db_url, admin.import_orgunits, rows)


@contextlib.contextmanager
def make_pg_database(pg_url: str):
    """A fresh database `esep_<random>` on the server of `pg_url`; dropped afterwards."""
    name = f"esep_{uuid.uuid4().hex[:12]}"
    base = sa.engine.make_url(normalize_db_url(pg_url))
    root = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with root.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with root.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        root.dispose()


@pytest.fixture
def live_server(tmp_path):
    srv = run_server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    yield srv
    srv.stop()


@pytest.fixture
def live_server_pg(pg_url):
    with make_pg_database(pg_url) as url:
        srv = run_server(url)
        yield srv
        srv.stop()


# --- a small world of org units and users, and request helpers ----------------------------

PASSWORD = "correct-horse-battery"
DISTRICTS = [
    {"id": "SHY-ABAY", "region": "SHY", "name_ru": "Абайский район", "name_kk": "Абай ауданы",
     "name_en": "Abay district"},
    {"id": "SHY-ENB", "region": "SHY", "name_ru": "Енбекшинский район",
     "name_kk": "Еңбекші ауданы", "name_en": "Enbekshi district"},
    {"id": "AST-ESIL", "region": "AST", "name_ru": "район Есиль", "name_kk": "Есіл ауданы",
     "name_en": "Esil district"},
]
# username -> (role, region, district)
USERS = {
    "d1": ("district", None, "SHY-ABAY"), "d2": ("district", None, "SHY-ENB"),
    "d3": ("district", None, "AST-ESIL"), "r1": ("region", "SHY", None),
    "r2": ("region", "AST", None), "t1": ("trainer", None, None),
    "t2": ("trainer", None, None), "c1": ("central", None, None), "a1": ("admin", None, None),
}


def seed_world(db_url: str, users: dict | None = None) -> None:
    """Districts of DISTRICTS and the users of USERS (all with PASSWORD)."""
    import_orgunits(db_url, DISTRICTS)
    for name, (role, region, district) in (users or USERS).items():
        create_user(db_url, name, PASSWORD, role, region, district)


def api_session(url: str, username: str | None = None, password: str = PASSWORD):
    """A requests.Session with the schema header and, if a user is given, its bearer token."""
    from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION

    s = requests.Session()
    s.headers[SCHEMA_HEADER] = str(SCHEMA_VERSION)
    if username:
        r = s.post(url + "/api/v1/auth/login", json={"username": username, "password": password},
                   timeout=30)
        r.raise_for_status()
        s.headers["Authorization"] = "Bearer " + r.json()["token"]
    return s


_FIGURES = itertools.count(random.randint(0, 10**6))


def monthly_report(org_unit: str, period: str = "2024-03", status: str = "draft",
                   rid: str | None = None, **data) -> dict:
    """A canonical monthly_report record that passes validation (override fields by keyword)."""
    # Plausible figures that differ between any two records made here (a shared counter; two
    # records coincide only 18,480 calls apart): identical months would (rightly) trip VR-01
    # "repeat of period"; stock fields move < 30 % and robust fields stay near their median
    # (VR-02).
    c = next(_FIGURES)
    n, events, positions = 100 + c % 21, 90 + c % 11, 1000 + c % 80
    women = n // 2 + c % 2
    values = {
        "volunteers_total": n, "gender": {"F": women, "M": n - women}, "age": {"A18_28": n},
        "occupation": {"STUDENT": n}, "registered_orgs_count": 2,
        "initiative_groups_count": 4, "events_total": events,
        "events_by_direction": {"MED": events}, "events_by_format": {"OFFLINE": events},
        "volunteer_hours": positions * 3 + (c * 7) % 20,
        "volunteer_positions": positions, "rfo_support_provided": "NOT_NEEDED",
    }
    values.update(data)
    return {"id": rid or str(uuid.uuid4()), "form": "monthly_report", "form_version": 1,
            "org_unit": org_unit, "period": period, "status": status, "data": values,
            "justification": None, "review_comment": None, "revision": 1, "version": None,
            "deleted": False, "updated_at": "2024-03-05T10:00:00Z", "updated_by": "test"}


def make_op(op_seq: int, record: dict, base_version: int | None = None, op: str = "upsert",
            reason: str | None = None) -> dict:
    return {"op_seq": op_seq, "form": record["form"], "id": record["id"], "op": op,
            "base_version": base_version, "data": record, "reason": reason}


def push(session, url: str, device_id: str, ops: list[dict], gzip_body: bool = True):
    """POST a push batch (gzip body by default); returns the Response."""
    from sync.protocol import SCHEMA_VERSION, dumps, gzip_json

    body = {"device_id": device_id, "schema_version": SCHEMA_VERSION, "ops": ops}
    headers = {"Content-Type": "application/json"}
    if gzip_body:
        headers["Content-Encoding"] = "gzip"
        return session.post(url + "/api/v1/sync/push", data=gzip_json(body), headers=headers,
                            timeout=60)
    return session.post(url + "/api/v1/sync/push", data=dumps(body), headers=headers,
                        timeout=60)


def pull_all(session, url: str, cursor: int = 0, max_bytes: int | None = None):
    """Follow has_more to the end; returns (changes, final cursor, requests made)."""
    changes, n = [], 0
    while True:
        params = {"cursor": cursor}
        if max_bytes:
            params["max_bytes"] = max_bytes
        r = session.get(url + "/api/v1/sync/pull", params=params, timeout=60)
        r.raise_for_status()
        page, n = r.json(), n + 1
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes, cursor, n


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def live_server_any(request, tmp_path):
    """The same test on SQLite and (when ESEP_TEST_PG_URL is set) PostgreSQL."""
    if request.param == "sqlite":
        srv = run_server(f"sqlite:///{tmp_path / 'any.sqlite3'}")
        yield srv
        srv.stop()
        return
    with make_pg_database(request.getfixturevalue("pg_url")) as url:
        srv = run_server(url)
        yield srv
        srv.stop()


@pytest.fixture
def world(live_server_any):
    """A seeded server (SQLite, and PostgreSQL when configured) and a session per user name."""
    seed_world(live_server_any.db_url)
    sessions: dict = {}

    def sess(name):
        if name not in sessions:
            sessions[name] = api_session(live_server_any.url, name)
        return sessions[name]
    return live_server_any, sess


def push_acks(srv, session, device: str, ops: list[dict]) -> list[dict]:
    """Push a batch, expect 200, return the acks with their record ids filled in."""
    from sync.protocol import expand_acks

    r = push(session, srv.url, device, ops)
    assert r.status_code == 200, r.text
    return expand_acks(r.json()["acks"], ops)
