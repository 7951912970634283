"""A data folder syncs with ONE server: a second server (its own database) is refused before
anything is pulled or pushed, the same server under another address is not; `esep sync
--server URL --user U` without a login remembers that server for the next plain `esep sync`."""
from __future__ import annotations

import io
import json

import pytest
from test_sync_support import (
    DISTRICTS,
    PASSWORD,
    fill,
    make_client,
    monthly,
    new_store,
    outbox_size,
    seeded_server,
    server,
    server_records,
)

from cli.main import main
from store import sync_state
from sync.engine import SERVER_ID_KEY, OtherServerError, sync_once

__all__ = ["server"]  # fixtures


@pytest.fixture
def other_server(tmp_path):
    srv = seeded_server(tmp_path / "other.sqlite3")  # its own database: another server
    yield srv
    srv.stop()


def test_another_server_is_refused_before_anything_moves(server, other_server, tmp_path):
    store = new_store(tmp_path, "a")
    fill(store, 3)
    first = sync_once(store, make_client(server.url))
    assert first.pushed == 3 and store.get_setting(SERVER_ID_KEY)
    for period, n in (("2023-05", 77), ("2023-06", 91)):  # new work for the next sync
        store.save_record(monthly(DISTRICTS[0], period, n), user="dist1")
    cursor = sync_state.get_cursor(store)
    other = make_client(other_server.url)
    with pytest.raises(OtherServerError, match="another server"):
        sync_once(store, other)
    assert server_records(other) == {}                     # nothing pushed there
    assert sync_state.get_cursor(store) == cursor and outbox_size(store) == 2
    # the same server under another address is the same server
    again = sync_once(store, make_client(server.url.replace("127.0.0.1", "localhost")))
    assert again.pushed == 2


def test_lost_acks_are_not_replayed_to_another_server(server, other_server, tmp_path):
    store = new_store(tmp_path, "b")
    fill(store, 1)
    sync_once(store, make_client(server.url))
    store.save_record(monthly(DISTRICTS[0], "2023-05", 77), user="dist1")
    ops = sync_state.pending_ops(store)
    sync_state.mark_inflight(store, [op["op_seq"] for op in ops])  # as after a cut push
    other = make_client(other_server.url)
    with pytest.raises(OtherServerError):
        sync_once(store, other)
    assert server_records(other) == {}


def test_sync_with_server_option_remembers_it(server, tmp_path, capsys, monkeypatch):
    data = tmp_path / "cli"

    def esep(*argv) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--data-dir", str(data), *argv])
        return code, capsys.readouterr().out

    code, _ = esep("sync", "--server", server.url, "--user", "dist1", "--password-stdin")
    assert code == 0
    code, out = esep("sync", "--password-stdin")  # no --server: the one of the first sync
    assert code == 0 and json.loads(out.strip().splitlines()[-1])["requests"] >= 1
