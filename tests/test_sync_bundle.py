"""Sync bundles through a real server on 127.0.0.1 (SQLite, and PostgreSQL when configured):
a round trip carried by a second user, every changed byte refused, replay, wrong server,
another device's key, expiry, and a bundle followed by an online sync: 0 lost, 0 duplicated."""
from __future__ import annotations

import datetime as dt

import keyring
import pytest
import sqlalchemy as sa
from keyring.backends import fail
from server_fixtures import api_session, make_pg_database, run_server
from test_sync_support import (
    DISTRICTS,
    PASSWORD,
    MemoryKeyring,
    fill,
    make_client,
    monthly,
    new_store,
    outbox_size,
    seed_server,
    server_records,
)

from server.bundles import import_bundle
from server.db import open_db
from store import sync_state
from sync import keys
from sync.bundle import (
    BundleError,
    deliver,
    ensure_device_key,
    export_bundle,
    import_reply,
    needs_passphrase,
)
from sync.engine import sync_once


@pytest.fixture
def ring():
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def _start(request, tmp_path, name: str):
    if request.param == "sqlite":
        srv = run_server(f"sqlite:///{tmp_path / (name + '.sqlite3')}")
        seed_server(srv.db_url)
        return srv, None
    pg = make_pg_database(request.getfixturevalue("pg_url"))
    srv = run_server(pg.__enter__())
    seed_server(srv.db_url)
    return srv, pg


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def srv(request, tmp_path, ring):
    server, pg = _start(request, tmp_path, "server")
    yield server
    server.stop()
    if pg is not None:
        pg.__exit__(None, None, None)


def device(tmp_path, name: str, url: str, user: str = "dist1"):
    """A data folder whose user logged in once while connected (the device key is made)."""
    store = new_store(tmp_path, name, user)
    client = make_client(url, user)
    ensure_device_key(store, client, user, PASSWORD)
    client.close()
    return store


def export(store, tmp_path, name: str = "out.esep", **kw) -> bytes:
    path = tmp_path / name
    export_bundle(store, path, **kw)
    return path.read_bytes()


def carry(url: str, data: bytes, carrier: str = "reg1") -> bytes:
    client = make_client(url, carrier)
    try:
        return deliver(client, data)
    finally:
        client.close()


def flip(data: bytes, i: int) -> bytes:
    return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]


def ledger_rows(db_url: str) -> int:
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM ledger")).scalar_one()
    finally:
        engine.dispose()


def test_round_trip_through_a_carrier(srv, tmp_path):
    a = device(tmp_path, "a", srv.url)
    ids = fill(a, 3)
    other = device(tmp_path, "b", srv.url, "dist1b")  # a colleague syncs online meanwhile
    theirs = other.save_record(monthly(DISTRICTS[0], "2019-01", 4321), user="dist1b")
    assert sync_once(other, make_client(srv.url, "dist1b")).pushed == 1
    data = export(a, tmp_path)
    assert data.startswith(keys.MAGIC) and outbox_size(a) == 3
    reply = carry(srv.url, data)  # the region user carries it; dist1 owns the records
    seen = server_records(make_client(srv.url, "dist1"))
    assert {i: seen[i]["record"]["updated_by"] for i in ids} == {i: "dist1" for i in ids}
    counts = import_reply(a, reply)
    assert counts["applied"] == 3 and counts["pulled"] == 1
    assert outbox_size(a) == 0 and a.get_record(theirs["id"]) is not None
    assert all(a.get_record(i)["version"] == 1 for i in ids)
    after = sync_once(a, make_client(srv.url))  # online again: nothing left to exchange
    assert (after.pushed, after.pulled, after.conflicts) == (0, 0, 0)
    assert len(server_records(make_client(srv.url))) == 4


def test_every_changed_byte_is_refused_and_nothing_applied(srv, tmp_path):
    a = device(tmp_path, "a", srv.url)
    fill(a, 1)
    data = export(a, tmp_path)
    client = make_client(srv.url, "reg1")
    engine = open_db(srv.db_url)  # every position through the server's own import code,
    try:
        for i in range(len(data)):
            with pytest.raises(BundleError):
                import_bundle(engine, flip(data, i))
    finally:
        engine.dispose()
    for i in {*range(0, len(data), 23), len(keys.MAGIC), len(data) - 1}:  # and over HTTP
        with pytest.raises(BundleError):
            deliver(client, flip(data, i))
    assert ledger_rows(srv.db_url) == 0 and server_records(make_client(srv.url)) == {}
    reply = deliver(client, data)  # the untouched file is accepted
    cursor, waiting = sync_state.get_cursor(a), outbox_size(a)
    for i in range(len(reply)):
        with pytest.raises(BundleError):
            import_reply(a, flip(reply, i))
    assert (sync_state.get_cursor(a), outbox_size(a)) == (cursor, waiting) == (cursor, 1)
    assert import_reply(a, reply)["applied"] == 1 and outbox_size(a) == 0


def test_a_bundle_delivered_twice_creates_nothing_twice(srv, tmp_path):
    a = device(tmp_path, "a", srv.url)
    ids = fill(a, 2)
    data = export(a, tmp_path)
    first, second = carry(srv.url, data), carry(srv.url, data, "dist1b")
    assert [x["status"] for x in keys.read_unverified(second)["acks"]] == ["duplicate"] * 2
    seen = server_records(make_client(srv.url))
    assert sorted(seen) == sorted(ids) and {c["version"] for c in seen.values()} == {1}
    assert import_reply(a, first)["applied"] == 2
    assert import_reply(a, second) == import_reply(a, first)  # nothing left to ack
    assert outbox_size(a) == 0 and len(a.list_records()) == 2


def test_refusals_name_the_reason(srv, tmp_path, request):
    a = device(tmp_path, "a", srv.url)
    fill(a, 1)
    data = export(a, tmp_path)
    body = keys.read_unverified(data)
    forged = keys.pack(body, keys.new_private_key())  # another device's key, a's device id
    with pytest.raises(BundleError, match="signature") as exc:
        carry(srv.url, forged)
    assert exc.value.code == "bad_signature"
    expired = export(a, tmp_path, "old.esep", ttl=dt.timedelta(seconds=-1))
    with pytest.raises(BundleError, match="expired"):
        carry(srv.url, expired)
    b = device(tmp_path, "b", srv.url, "dist1b")  # a reply for another device
    with pytest.raises(BundleError, match="another device") as exc:
        import_reply(b, carry(srv.url, data))
    assert exc.value.code == "other_device"
    assert outbox_size(b) == 0 and b.list_records() == []


def test_another_server_is_refused(srv, tmp_path, request):
    a = device(tmp_path, "a", srv.url)
    fill(a, 1)
    data = export(a, tmp_path)
    other = run_server(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        seed_server(other.db_url)
        with pytest.raises(BundleError) as exc:  # the device is unknown there
            carry(other.url, data)
        assert exc.value.code == "unknown_device"
        s = api_session(other.url, "dist1", PASSWORD)  # even with the same key registered
        r = s.post(other.url + "/api/v1/bundles/keys", json={
            "device_id": a.device_id, "public_key": a.get_setting("bundle.device_key")})
        assert r.status_code == 200
        with pytest.raises(BundleError, match="another server"):
            carry(other.url, data)
        assert server_records(make_client(other.url)) == {}
        b = device(tmp_path, "b", other.url)  # and a reply of the other server is refused
        fill(b, 1)
        with pytest.raises(BundleError, match="another server") as exc:
            import_reply(a, carry(other.url, export(b, tmp_path, "b.esep")))
        assert exc.value.code == "other_server" and outbox_size(a) == 1
    finally:
        other.stop()


def test_bundle_then_online_sync_duplicates_nothing(srv, tmp_path):
    a = device(tmp_path, "a", srv.url)
    ids = fill(a, 3)
    data = export(a, tmp_path)
    reply = carry(srv.url, data)  # delivered; the reply has not come back yet
    edited = a.get_record(ids[0])
    edited["data"]["volunteers_total"] += 1
    edited["data"]["gender"]["M"] += 1
    a.save_record(edited, user="dist1")  # an edit made after the export
    new = a.save_record(monthly(DISTRICTS[0], "2018-02", 777), user="dist1")
    summary = sync_once(a, make_client(srv.url))
    assert (summary.conflicts, summary.rejected) == (0, 0)
    late = import_reply(a, reply)  # the reply arrives after the online sync
    assert late["applied"] == late["conflict"] == 0 and outbox_size(a) == 0
    seen = server_records(make_client(srv.url))
    assert sorted(seen) == sorted([*ids, new["id"]])  # 0 lost, 0 duplicated
    assert seen[ids[0]]["version"] == 2 == a.get_record(ids[0])["version"]
    assert seen[ids[0]]["record"]["data"]["volunteers_total"] == edited["data"][
        "volunteers_total"]
    again = export(a, tmp_path, "again.esep")  # online first, the old bundle late: duplicates
    assert keys.read_unverified(again)["ops"] == []
    acks = keys.read_unverified(carry(srv.url, data))["acks"]
    assert {x["status"] for x in acks} == {"duplicate"} and len(server_records(
        make_client(srv.url))) == 4


def test_without_keyring_the_key_is_sealed_under_the_password(srv, tmp_path):
    keyring.set_keyring(fail.Keyring())  # the `ring` fixture restores the previous one
    a = device(tmp_path, "a", srv.url)
    fill(a, 1)
    assert needs_passphrase(a)
    with pytest.raises(BundleError) as exc:
        export(a, tmp_path)
    assert exc.value.code == "passphrase_needed"
    with pytest.raises(BundleError) as exc:
        export(a, tmp_path, passphrase="wrong password")
    assert exc.value.code == "wrong_passphrase" and outbox_size(a) == 1
    data = export(a, tmp_path, passphrase=PASSWORD)
    assert import_reply(a, carry(srv.url, data))["applied"] == 1
    private = keys.unseal(a.get_setting("bundle.device_key_sealed"), PASSWORD)
    for path in (tmp_path / "a").rglob("*"):  # the private key never rests unencrypted
        assert keys.b64(private).encode() not in path.read_bytes() and private not in \
            path.read_bytes()
