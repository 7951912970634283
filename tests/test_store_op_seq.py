"""The outbox's op_seqs never repeat (the server's ledger answers a replayed op_seq with its
first ack): since migration m006 they come from the outbox's highest and kv `outbox.top`
(no AUTOINCREMENT, whose sqlite_sequence row was one more page per save), through acks that
empty the outbox, re-sends that reserve op_seqs after a new server epoch, and the upgrade
of a store whose AUTOINCREMENT sequence ran past its outbox."""
from __future__ import annotations

from pathlib import Path

from store import open_store
from store.api import Store
from store.db import connect
from store.migrations import migrations
from store.sync_epoch import resend_ops, start_over
from store.sync_state import apply_acks, pending_ops


def _save(store: Store, unit: str, total: int) -> str:
    rec = store.save_record({"form": "monthly_report", "org_unit": unit, "period": "2024-03",
                             "data": {"volunteers_total": total}}, user="tester")
    return rec["id"]


def _op_seqs(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT op_seq FROM outbox ORDER BY op_seq")]


def _ack_all(store: Store) -> None:
    ops = pending_ops(store)
    apply_acks(store, [{"id": op["id"], "op_seq": op["op_seq"], "status": "applied",
                        "version": 1} for op in ops], ops)


def test_op_seqs_go_on_after_the_outbox_empties(tmp_path):
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        _save(store, "SHY-ABAY", 1)
        rid = _save(store, "SHY-ARYS", 2)
        store.save_record({**store.get_record(rid), "data": {"volunteers_total": 3}},
                          user="tester")
        assert _op_seqs(store) == [1, 2, 3]
        _ack_all(store)
        assert _op_seqs(store) == []
        _save(store, "SHY-KENT", 4)
        assert _op_seqs(store) == [4]
        _ack_all(store)
    finally:
        store.close()
    store = open_store(tmp_path / "esep.sqlite3", user="tester")  # kept in the file
    try:
        _save(store, "SHY-OTYR", 5)
        assert _op_seqs(store) == [5]
        assert store.db.execute("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'"
                                ).fetchone()[0] == 0
    finally:
        store.close()


def test_op_seqs_reserved_for_re_sends_are_not_given_again(tmp_path):
    store = open_store(tmp_path / "esep.sqlite3", user="tester")
    try:
        for k, unit in enumerate(("SHY-ABAY", "SHY-ARYS", "SHY-KENT")):
            _save(store, unit, k)
        _ack_all(store)  # synced: each has its synced copy
        assert start_over(store, "epoch-2") == 3
        resent = [op["op_seq"] for op in resend_ops(store, 10)]
        assert resent == [4, 5, 6]
        _save(store, "SHY-OTYR", 9)
        assert _op_seqs(store) == [7]
    finally:
        store.close()


def test_a_store_with_an_autoincrement_outbox_upgrades(tmp_path):
    path = tmp_path / "esep.sqlite3"
    db = connect(path)
    migrations.apply(db, stop_before="m006_outbox_sequence_in_kv")
    old = Store(db, path=path, user="tester")
    ids = [_save(old, unit, k) for k, unit in enumerate(("SHY-ABAY", "SHY-ARYS", "SHY-KENT"))]
    old.db.execute("DELETE FROM outbox WHERE record_id = ?", [ids[2]])  # acked: the top gone
    old.db.execute("UPDATE sqlite_sequence SET seq = 40 WHERE name = 'outbox'")  # reserved
    old.db.conn.commit()
    before = old.db.execute("SELECT * FROM outbox ORDER BY op_seq").fetchall()
    old.close()
    store = open_store(path, user="tester")
    try:
        assert migrations.pending(store.db) == []
        assert store.db.execute("SELECT * FROM outbox ORDER BY op_seq").fetchall() == before
        assert [op["op_seq"] for op in pending_ops(store)] == [1, 2]
        _save(store, "SHY-OTYR", 7)
        assert _op_seqs(store) == [1, 2, 41]
    finally:
        store.close()


def test_the_outbox_has_no_autoincrement(tmp_path):
    store = open_store(Path(tmp_path) / "esep.sqlite3", user="tester")
    try:
        sql = store.db.execute("SELECT group_concat(sql) FROM sqlite_master "
                               "WHERE tbl_name IN ('outbox', 'audit')").fetchone()[0]
        _save(store, "SHY-ABAY", 1)
        names = [r[0] for r in store.db.execute("SELECT name FROM sqlite_sequence")]
    finally:
        store.close()
    assert "AUTOINCREMENT" not in sql.upper() and "outbox_top" in sql
    assert "outbox" not in names and "audit" not in names
