"""A restore never loses what a client still holds (issue 14, point 1), on SQLite and
PostgreSQL: backup, push 3 (the central client pulls them), restore, push 3 others -> after
every client syncs, the server holds all of them, every client holds all it may see, nothing
is duplicated. Real server, real stores, the real backup / restore of server/backup.py."""
from __future__ import annotations

import json
import sqlite3

import keyring
import pytest
import sqlalchemy as sa
from server_fixtures import create_user, make_pg_database, run_server
from test_sync_bundle import carry, device, export
from test_sync_support import (
    DISTRICTS,
    PASSWORD,
    MemoryKeyring,
    make_client,
    monthly,
    new_store,
    periods,
    seed_server,
)

from server.backup import backup, restore
from server.db import counters, make_engine, records
from store import sync_epoch, sync_state
from sync.bundle import import_reply
from sync.engine import sync_once


@pytest.fixture
def ring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.sqlite3'}"
        return
    with make_pg_database(request.getfixturevalue("pg_url")) as url:
        yield url


def _server_rows(url: str) -> dict[str, sa.Row]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = list(conn.execute(sa.select(records)))
            seqs = [r.change_seq for r in rows]
            assert len(seqs) == len(set(seqs)), "two records share a change_seq"
            top = conn.execute(sa.select(counters.c.value)
                               .where(counters.c.name == "change_seq")).scalar_one()
            assert max(seqs) <= top
    finally:
        engine.dispose()
    return {r.id: r for r in rows}


def _save(store, user: str, unit: str, months: range) -> list[str]:
    """One monthly report per month index (distinct figures: VR-01 refuses a repeat)."""
    months_all = periods(max(months) + 1)
    return [store.save_record(monthly(unit, months_all[i], 100 + 37 * i), user=user)["id"]
            for i in months]


def _local(store) -> dict[str, dict]:
    return {r["id"]: r for r in store.list_records()}


class World:
    """Three devices: district D01 (dist1), district D02 (dist2) and the centre (cen1)."""

    def __init__(self, url: str, tmp_path):
        self.url, self.tmp = url, tmp_path
        self.srv = run_server(url)
        seed_server(url)
        create_user(url, "dist2", PASSWORD, "district", district=DISTRICTS[1])
        create_user(url, "cen1", PASSWORD, "central")
        self.stores = {u: new_store(tmp_path, u, user=u) for u in ("dist1", "dist2", "cen1")}

    def sync(self, user: str):
        return sync_once(self.stores[user], make_client(self.srv.url, user))

    def restart(self, fn) -> None:
        self.srv.stop()
        fn()
        self.srv = run_server(self.url)


def test_restore_then_every_client_syncs_back_to_all_records(db_url, tmp_path):
    w = World(db_url, tmp_path)
    try:
        early = _save(w.stores["dist1"], "dist1", DISTRICTS[0], range(2))
        w.sync("dist1"), w.sync("cen1"), w.sync("dist2")
        dump = tmp_path / "backup.bin"
        backup(db_url, dump, passphrase="a long passphrase")
        lost = _save(w.stores["dist1"], "dist1", DISTRICTS[0], range(2, 5))
        assert w.sync("dist1").pushed == 3
        assert w.sync("cen1").pulled == 3  # the centre holds them: its cursor is past them
        w.restart(lambda: restore(db_url, dump, passphrase="a long passphrase"))
        assert set(_server_rows(db_url)) == set(early)  # the backup lacks the 3
        later = _save(w.stores["dist2"], "dist2", DISTRICTS[1], range(3))
        for _round in range(2):  # the first round re-sends, the second one spreads it
            for user in ("dist2", "cen1", "dist1"):
                w.sync(user)
        rows = _server_rows(db_url)
        assert set(rows) == set(early + lost + later) and len(rows) == 8
        for user, ids in (("dist1", early + lost), ("dist2", later),
                          ("cen1", early + lost + later)):
            store = w.stores[user]
            assert set(_local(store)) == set(ids), user
            assert not sync_state.conflicts(store) and not sync_state.parked(store), user
            assert sync_state.outbox_count(store) == 0, user
            for rid, rec in _local(store).items():
                assert rec["version"] == rows[rid].version, (user, rid)
                assert rec["data"] == json.loads(rows[rid].data), (user, rid)
        noop = w.sync("cen1")  # and all is quiet again: one small request
        assert noop.requests == 1 and noop.bytes_up + noop.bytes_down <= 1024, noop
    finally:
        w.srv.stop()


def test_a_rollback_behind_our_back_is_detected_by_the_cursor(tmp_path):
    """The database file put back by hand (no `admin restore`, the epoch unchanged): a
    client's cursor beyond the server's counter makes the server renew the epoch, and the
    records the server lost come back from the device allowed to write them. A re-sent copy
    passes the same checks as any write."""
    path = tmp_path / "central.sqlite3"
    w = World(f"sqlite:///{path}", tmp_path)
    try:
        _save(w.stores["dist1"], "dist1", DISTRICTS[0], range(1))
        w.sync("dist1"), w.sync("cen1")
        copy = tmp_path / "copy.sqlite3"
        with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        lost = _save(w.stores["dist1"], "dist1", DISTRICTS[0], range(1, 3))
        w.sync("dist1"), w.sync("cen1")

        def put_back() -> None:  # by hand: the SQLite backup API, copy -> the server's file
            with sqlite3.connect(copy) as src, sqlite3.connect(path) as dst:
                src.backup(dst)
        w.restart(put_back)
        assert not set(lost) & set(_server_rows(w.url))
        w.sync("cen1")  # sees the rollback; its re-sends are refused (the centre may not
        assert not set(lost) & set(_server_rows(w.url))  # create records) and dropped
        w.sync("dist1")  # its cursor is beyond the counter too: it re-sends its own
        assert set(lost) <= set(_server_rows(w.url))
        w.sync("cen1")
        for store in w.stores.values():
            assert not sync_state.conflicts(store) and not sync_state.parked(store)
        assert set(_local(w.stores["cen1"])) == set(_server_rows(w.url))
    finally:
        w.srv.stop()


def test_a_device_that_syncs_by_bundles_restores_too(tmp_path, ring):
    """Sync bundles (no line): the reply after a restore names the new epoch; the next
    bundle carries the records the server lost."""
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    srv = run_server(url)
    try:
        seed_server(url)
        a = device(tmp_path, "a", srv.url)
        early = _save(a, "dist1", DISTRICTS[0], range(1))
        import_reply(a, carry(srv.url, export(a, tmp_path, "1.esep")))
        backup(url, tmp_path / "b.sqlite3")
        lost = _save(a, "dist1", DISTRICTS[0], range(1, 3))
        assert import_reply(a, carry(srv.url, export(a, tmp_path, "2.esep")))["applied"] == 2
        srv.stop()
        restore(url, tmp_path / "b.sqlite3")
        srv = run_server(url)
        import_reply(a, carry(srv.url, export(a, tmp_path, "3.esep")))  # learns the epoch
        # its pages began at the old cursor: nothing settled yet, all 3 copies are queued
        assert sync_epoch.resend_count(a) == 3
        kept = _server_rows(url)[early[0]].change_seq
        counts = import_reply(a, carry(srv.url, export(a, tmp_path, "4.esep")))  # re-sends
        rows = _server_rows(url)
        assert set(rows) == set(early + lost) and rows[early[0]].change_seq == kept
        assert {r.version for r in rows.values()} == {1} and counts["pulled"] == 0
        assert sync_epoch.resend_count(a) == 0 and not sync_state.parked(a)
    finally:
        srv.stop()


def test_the_same_version_rewritten_after_a_restore_is_a_conflict(tmp_path):
    """Backup; dist1 edits a record (v2); restore (v1 again); another device of the district
    edits it differently (a new v2). dist1 holds a v2 that is not the server's v2: a version
    conflict for a person, neither copy overwritten in silence."""
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    w = World(url, tmp_path)
    try:
        other = new_store(tmp_path, "dist1b", user="dist1b")
        (rid,) = _save(w.stores["dist1"], "dist1", DISTRICTS[0], range(1))
        w.sync("dist1"), sync_once(other, make_client(w.srv.url, "dist1b"))
        backup(url, tmp_path / "b.sqlite3")
        _edit(w.stores["dist1"], rid, "dist1", "mine, lost by the restore")
        w.sync("dist1")
        w.restart(lambda: restore(url, tmp_path / "b.sqlite3"))
        _edit(other, rid, "dist1b", "theirs, after the restore")
        assert sync_once(other, make_client(w.srv.url, "dist1b")).pushed == 1
        assert w.sync("dist1").conflicts == 1
        (c,) = sync_state.conflicts(w.stores["dist1"])
        assert c["mine"]["data"]["typical_events_text"] == "mine, lost by the restore"
        assert c["theirs"]["data"]["typical_events_text"] == "theirs, after the restore"
        server = json.loads(_server_rows(url)[rid].data)
        assert server["typical_events_text"] == "theirs, after the restore"
    finally:
        w.srv.stop()


def _edit(store, rid: str, user: str, text: str) -> None:
    rec = store.get_record(rid)
    store.save_record(dict(rec, data=dict(rec["data"], typical_events_text=text)), user=user)
