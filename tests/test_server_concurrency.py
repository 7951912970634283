"""Concurrent pushes keep change_seq gap-free and a concurrent puller never skips a change;
a replayed batch answers `duplicate` with the change_seqs the first answer gave.

Runs on SQLite always and on PostgreSQL when ESEP_TEST_PG_URL is set (CI)."""
from __future__ import annotations

import threading
import uuid

import pytest

from sync.protocol import expand_acks
from tests.server_fixtures import (
    api_session,
    make_op,
    make_pg_database,
    monthly_report,
    pull_all,
    push,
    run_server,
    seed_world,
)

CLIENTS = ["d1", "d2", "d3", "r1", "r2", "d1", "d2", "r1"]
BATCHES, PER_BATCH = 4, 8


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def server(request, tmp_path):
    if request.param == "sqlite":
        srv = run_server(f"sqlite:///{tmp_path / 'conc.sqlite3'}")
        seed_world(srv.db_url)
        yield srv
        srv.stop()
        return
    pg_url = request.getfixturevalue("pg_url")
    with make_pg_database(pg_url) as url:
        srv = run_server(url)
        seed_world(srv.db_url)
        yield srv
        srv.stop()


UNIT = {"d1": "SHY-ABAY", "d2": "SHY-ENB", "d3": "AST-ESIL", "r1": "SHY", "r2": "AST"}


def _client(srv, idx: int, user: str, acks: list, errors: list, sent: list) -> None:
    try:
        s = api_session(srv.url, user)
        device = f"dev-{idx}-{uuid.uuid4().hex[:6]}"
        for b in range(BATCHES):
            ops = []
            for k in range(PER_BATCH):
                n = b * PER_BATCH + k
                rec = monthly_report(UNIT[user], f"{1800 + idx * 10 + n // 12}-{n % 12 + 1:02d}")
                ops.append(make_op(n + 1, rec))
            r = push(s, srv.url, device, ops)
            r.raise_for_status()
            answer = expand_acks(r.json()["acks"], ops)
            acks.extend(answer)
            sent.append((user, device, ops, answer))
    except Exception as exc:  # noqa: BLE001 - reported by the main thread
        errors.append(repr(exc))


def _replay_all(srv, sent: list) -> None:
    """Every batch sent again by its device: nothing is applied twice, and each op's
    change_seq is the one its first answer gave (the ledger keeps it, server.seqs)."""
    sessions = {user: api_session(srv.url, user) for user in {u for u, _, _, _ in sent}}
    for user, device, ops, first in sent:
        r = push(sessions[user], srv.url, device, ops)
        r.raise_for_status()
        again = expand_acks(r.json()["acks"], ops)
        assert [a["status"] for a in again] == ["duplicate"] * len(ops), again[:2]
        assert [(a["id"], a["change_seq"]) for a in again] == \
            [(a["id"], a["change_seq"]) for a in first]


def _puller(srv, seen: dict, stop: threading.Event, errors: list) -> None:
    try:
        s = api_session(srv.url, "c1")
        cursor = 0
        while True:
            done = stop.is_set()
            changes, cursor, _ = pull_all(s, srv.url, cursor=cursor, max_bytes=2048)
            for c in changes:
                seen[c["id"]] = c["change_seq"]
            if done:
                return
    except Exception as exc:  # noqa: BLE001
        errors.append(repr(exc))


def test_concurrent_pushes_gap_free_and_pull_complete(server):
    acks, errors, seen, stop, sent = [], [], {}, threading.Event(), []
    puller = threading.Thread(target=_puller, args=(server, seen, stop, errors))
    puller.start()
    threads = [threading.Thread(target=_client, args=(server, i, u, acks, errors, sent))
               for i, u in enumerate(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    stop.set()
    puller.join(timeout=120)
    assert not errors, errors
    total = len(CLIENTS) * BATCHES * PER_BATCH
    assert len(acks) == total and {a["status"] for a in acks} == {"applied"}, [
        a for a in acks if a["status"] != "applied"][:3]
    seqs = sorted(a["change_seq"] for a in acks)
    assert seqs == list(range(1, total + 1))  # global and gap-free
    assert {a["id"]: a["change_seq"] for a in acks} == seen  # incremental pulls missed nothing
    _replay_all(server, sent)
    changes, cursor, _ = pull_all(api_session(server.url, "c1"), server.url)
    assert cursor == total and len(changes) == total  # the replays wrote nothing


def test_racing_creates_of_one_natural_key_give_one_record(server):
    """Devices creating the same district-month at the same instant: one applied, the rest
    conflict (natural_key) — also when the unique index, not the pre-check, catches it."""
    results, errors = [], []
    barrier = threading.Barrier(6)

    def device(i: int) -> None:
        try:
            s = api_session(server.url, "d1" if i % 2 else "r1")
            barrier.wait(timeout=30)
            ops = [make_op(1, monthly_report("SHY-ABAY", "2030-01"))]
            r = push(s, server.url, f"race-{i}", ops)
            r.raise_for_status()
            results.append(expand_acks(r.json()["acks"], ops)[0])
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(repr(exc))

    threads = [threading.Thread(target=device, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    statuses = sorted(a["status"] for a in results)
    assert statuses == ["applied"] + ["conflict"] * 5, results
    winner = next(a for a in results if a["status"] == "applied")
    for ack in results:
        if ack["status"] == "conflict":
            assert ack["conflict_kind"] == "natural_key"
            assert ack["server"]["id"] == winner["id"]  # the server copy to resolve against
    changes, _, _ = pull_all(api_session(server.url, "d1"), server.url)
    (held,) = [c for c in changes if c["id"] == winner["id"]]  # the contest is on both sides
    losers = {a["id"] for a in results if a["status"] == "conflict"}
    assert {c["id"] for c in held["contested_by"]} == losers


def test_a_retried_batch_racing_the_first_attempt_applies_once(server):
    """A client that timed out re-sends the batch while the first attempt is still running."""
    s1, s2 = api_session(server.url, "d1"), api_session(server.url, "d1")
    ops = [make_op(i + 1, monthly_report("SHY-ABAY", f"2031-{i + 1:02d}")) for i in range(12)]
    results, barrier = [], threading.Barrier(2)

    def send(s) -> None:
        barrier.wait(timeout=30)
        results.append(push(s, server.url, "retry-dev", ops))

    threads = [threading.Thread(target=send, args=(s,)) for s in (s1, s2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert [r.status_code for r in results] == [200, 200]
    statuses = sorted({a["status"] for a in r.json()["acks"]}.pop() for r in results)
    assert statuses == ["applied", "duplicate"]
    changes, _, _ = pull_all(s1, server.url)
    assert len({c["id"] for c in changes}) == 12


def test_a_batch_writing_a_record_twice_leaves_no_gap(server):
    """Create and update one record in one batch: one change_seq for it (both acks name it),
    and the next batch's seqs follow without a gap."""
    s = api_session(server.url, "d1")
    first = make_op(1, monthly_report("SHY-ABAY", "2032-01", status="draft"))
    again = make_op(2, dict(first["data"], status="submitted"), base_version=1)
    r = push(s, server.url, "twice-dev", [first, again])
    r.raise_for_status()
    acks = r.json()["acks"]
    assert [a["status"] for a in acks] == ["applied", "applied"], acks
    assert acks[0]["change_seq"] == acks[1]["change_seq"]
    r = push(s, server.url, "twice-dev", [make_op(3, monthly_report("SHY-ABAY", "2032-02"))])
    assert r.json()["acks"][0]["change_seq"] == acks[0]["change_seq"] + 1
    changes, cursor, _ = pull_all(s, server.url)
    assert sorted(c["change_seq"] for c in changes) == list(range(1, cursor + 1))
