"""The centre's hourly-rate table reaches the clients (DOMAIN decision 7), end to end: the
central user PUTs a rate on the real server, a district runs `esep sync` (the CLI's engine),
`esep report rates` and RateTable.load see it; an unchanged table costs no request; a server
without /rates does not fail the sync; a bad table from a server stores nothing."""
from __future__ import annotations

import io
import json

import pytest
from fastapi.responses import JSONResponse
from server_fixtures import api_session, create_user, run_server
from test_sync_support import (
    DISTRICTS,
    PASSWORD,
    REGION,
    make_client,
    monthly,
    new_store,
    server,
)

from cli.main import main
from reports.economics import KV_KEY, RateTable
from store import open_store
from sync import rates as sync_rates
from sync.engine import sync_once
from sync.transport import SyncError

__all__ = ["server"]  # fixtures


def esep(capsys, monkeypatch, data_dir, *argv, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    monkeypatch.setenv("ESEP_DATA_DIR", str(data_dir))  # restored after the test
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hub(server):
    """The sync tests' server (district dist1 of SHY) plus a central user `boss`."""
    create_user(server.db_url, "boss", PASSWORD, "central")
    return server


def central_puts(server, rows: list[dict]) -> dict:
    s = api_session(server.url, "boss", PASSWORD)
    r = s.put(server.url + "/api/v1/rates", json={"rates": rows}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def test_esep_sync_brings_the_centres_rates(hub, tmp_path, capsys, monkeypatch):
    data = tmp_path / "district"
    code, _, err = esep(capsys, monkeypatch, data, "sync", "--server", hub.url, "--user",
                        "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err  # version 0 on the server: nothing to fetch, nothing stored
    code, out, _ = esep(capsys, monkeypatch, data, "report", "rates")
    assert code == 0 and "по умолчанию 1728" in out and REGION not in out
    central_puts(hub, [{"region": REGION, "year": 2024, "rate": 2100},
                          {"region": "PAV", "year": 2023, "rate": 1650.5}])
    code, out, err = esep(capsys, monkeypatch, data, "sync", "--server", hub.url, "--user",
                          "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["requests"] == 2, summary  # the pull + ONE GET /rates
    code, out, _ = esep(capsys, monkeypatch, data, "report", "rates")
    assert f"{REGION:6} 2024 2100 ₸/ч server" in out and "PAV    2023 1650.5 ₸/ч" in out
    code, _, err = esep(capsys, monkeypatch, data, "report", "rates", "--set", REGION, "2024",
                        "9999")
    assert code != 0 and "приходят с центрального сервера" in err  # not edited locally
    store = open_store(data / "esep.sqlite3")
    try:
        table = RateTable.load(store)
        assert table.rate(REGION, 2024) == 2100 and table.rate(REGION, 2023) == 1728
        assert store.get_setting(sync_rates.VERSION_KEY) == 1
        assert store.get_setting(sync_rates.UPDATED_KEY).startswith("20")
    finally:
        store.close()


def test_unchanged_table_costs_no_request_and_a_change_one(hub, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(hub.url)
    central_puts(hub, [{"region": REGION, "year": 2024, "rate": 2100}])
    first = sync_once(store, client)
    assert first.requests >= 2 and RateTable.load(store).rate(REGION, 2024) == 2100
    again = sync_once(store, client)
    assert again.requests == 1 and again.bytes_down + again.bytes_up < 1024, again
    answer = central_puts(hub, [{"region": REGION, "year": 2024, "rate": None},
                                   {"region": REGION, "year": 2025, "rate": 2200}])
    changed = sync_once(store, client)
    assert changed.requests == 2, changed
    table = RateTable.load(store)
    assert table.rates == {(REGION, 2025): 2200}  # the cleared row is gone here too
    assert store.get_setting(sync_rates.VERSION_KEY) == answer["version"] == 2
    assert sync_once(store, client).requests == 1


def test_local_table_is_kept_while_the_centre_has_none(hub, tmp_path):
    store, client = new_store(tmp_path, "a"), make_client(hub.url)
    RateTable.from_rows([{"region": REGION, "year": 2024, "rate_kzt": 1999}]).save(store)
    assert sync_once(store, client).requests == 3  # me + org units (first sync) + the pull
    assert sync_once(store, client).requests == 1
    assert RateTable.load(store).rate(REGION, 2024) == 1999
    assert store.get_setting(sync_rates.VERSION_KEY) is None  # still editable locally


def _serve_without_rates(db_url: str):
    """The real app with /api/v1/rates removed: a server from before the endpoint (or a
    gateway that does not route it) that still sends `rates_version` in pull pages."""
    def wrap(app):
        async def without_rates(scope, receive, send):
            if scope["type"] == "http" and scope["path"] == "/api/v1/rates":
                return await JSONResponse({"detail": "Not Found"}, 404)(scope, receive, send)
            return await app(scope, receive, send)
        return without_rates

    live = run_server(db_url, wrap=wrap)
    return live.url, live.stop


def test_a_server_without_the_endpoint_does_not_fail_the_sync(hub, tmp_path):
    central_puts(hub, [{"region": REGION, "year": 2024, "rate": 2100}])
    url, stop = _serve_without_rates(hub.db_url)
    try:
        store, client = new_store(tmp_path, "a"), make_client(url)
        RateTable.from_rows([{"region": REGION, "year": 2024, "rate_kzt": 1999}]).save(store)
        store.save_record(monthly(DISTRICTS[0], "2024-03"), user="dist1")
        # me, org units, pull + push in one exchange, GET /rates (404)
        summary = sync_once(store, client)
        assert summary.pushed == 1 and summary.requests == 4, summary
        assert RateTable.load(store).rate(REGION, 2024) == 1999
        assert store.get_setting(sync_rates.VERSION_KEY) is None
        row = store.db.execute("SELECT outcome FROM sync_log ORDER BY id DESC").fetchone()
        assert row[0] == "ok"
    finally:
        stop()


@pytest.mark.parametrize("answer,words", [
    ({"version": 3, "default": 1728, "rates": [{"region": "PAV", "year": 2024, "rate": 2000},
                                                {"region": "SHY", "year": 2024, "rate": -1}]},
     ["row 2", "SHY 2024", "positive"]),
    ({"version": 3, "default": 0, "rates": []}, ["default"]),
    ({"version": 3, "default": 1728, "rates": [{"region": "PAV", "year": 2024}]},
     ["row 1", "'rate'"]),
])
def test_a_bad_table_from_a_server_stores_nothing(tmp_path, answer, words):
    store = new_store(tmp_path, "a")
    RateTable.from_rows([{"region": "PAV", "year": 2024, "rate_kzt": 1999}]).save(store)
    before = store.get_setting(KV_KEY)
    with pytest.raises(SyncError) as err:
        sync_rates.save_table(store, answer)
    for word in words:
        assert word in str(err.value), (word, str(err.value))
    assert store.get_setting(KV_KEY) == before
    assert store.get_setting(sync_rates.VERSION_KEY) is None
