"""Helpers of the user-lifecycle and operations tests: a database URL on SQLite and on
PostgreSQL, a server with chosen settings, and a login sent from a chosen loopback address."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import sqlalchemy as sa

from tests.server_fixtures import make_pg_database, run_server, seed_world

ROOT = Path(__file__).resolve().parent.parent
API = "/api/v1"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db_url(request, tmp_path):
    """An empty database URL: a SQLite file, and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ops.sqlite3'}"
        return
    with make_pg_database(request.getfixturevalue("pg_url")) as url:
        yield url


@pytest.fixture
def seeded(db_url):
    """A server on the seeded world (tests.server_fixtures.USERS) with default settings."""
    srv = run_server(db_url)
    seed_world(db_url)
    yield srv
    srv.stop()


def call(url: str, method: str, path: str, body=None, token: str | None = None,
         source: str = "127.0.0.1", raw: bytes | None = None,
         content_type: str = "application/json") -> tuple[int, dict | list | str]:
    """One HTTP request from the loopback address `source` (127.x.y.z all reach the server)."""
    from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION

    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30,
                                      source_address=(source, 0))
    headers = {SCHEMA_HEADER: str(SCHEMA_VERSION), "Content-Type": content_type}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    try:
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        text = resp.read().decode("utf-8")
    finally:
        conn.close()
    try:
        return resp.status, json.loads(text)
    except ValueError:
        return resp.status, text


def login(url: str, username: str, password: str, source: str = "127.0.0.1",
          device_id: str | None = None) -> tuple[int, dict]:
    body = {"username": username, "password": password}
    if device_id:
        body["device_id"] = device_id
    status, answer = call(url, "POST", API + "/auth/login", body, source=source)
    assert isinstance(answer, dict)
    return status, answer


def token_of(url: str, username: str, password: str, **kw) -> str:
    status, answer = login(url, username, password, **kw)
    assert status == 200, answer
    return answer["token"]


def esep(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin,
                          check=False, capture_output=True, text=True, timeout=120, env=env)


def scalar(db_url: str, sql: str, **params):
    from server.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql), params).scalar()
    finally:
        engine.dispose()
