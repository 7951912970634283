"""server.seqs on PostgreSQL: the one-statement stamp (counter, records, ledger) and its
pipelined COMMIT; a stamp that would miss a row fails before anything commits."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from server.db import counters, ledger, make_engine, records
from server.seqs import stamp_change_seqs
from tests.server_fixtures import make_op, make_pg_database, monthly_report, seed_world

pytestmark = pytest.mark.pg


@pytest.fixture
def engine(pg_url):
    with make_pg_database(pg_url) as url:
        seed_world(url)
        eng = make_engine(url)
        yield eng
        eng.dispose()


def _insert(conn, rid: str, period: str) -> None:
    rec = make_op(1, monthly_report("SHY-ABAY", period))["data"]
    conn.execute(records.insert().values(
        id=rid, form=rec["form"], form_version=1, org_unit="SHY-ABAY", region="SHY",
        period=period, status="draft", data="{}", revision=1, version=1, deleted=False,
        updated_at="2024-01-01T00:00:00Z", updated_by="d1", created_by="d1"))
    conn.execute(ledger.insert().values(device_id="dev", op_seq=int(period[-2:]),
                                        username="d1", ack="{}", at="2024-01-01T00:00:00Z"))


def _counter(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(counters.c.value)
                            .where(counters.c.name == "change_seq")).scalar_one()


def test_stamp_and_commit_in_one_round_trip(engine):
    with engine.begin() as conn:
        _insert(conn, "a", "2024-01")
        _insert(conn, "b", "2024-02")
        top = _counter(engine)
        seqs = stamp_change_seqs(conn, ["b", "a", "b"], "dev", [(2, "b"), (1, "a")],
                                 commit=True)
    assert seqs == {"b": top + 1, "a": top + 2}  # b named twice: one seq, no gap
    with engine.connect() as conn:
        got = dict(conn.execute(sa.select(records.c.id, records.c.change_seq)).all())
        led = dict(conn.execute(sa.select(ledger.c.op_seq, ledger.c.change_seq)).all())
    assert got == {"b": top + 1, "a": top + 2} and led == {2: top + 1, 1: top + 2}
    assert _counter(engine) == top + 2


@pytest.mark.parametrize("commit", [True, False])
def test_a_stamp_missing_a_row_commits_nothing(engine, commit):
    top = _counter(engine)
    for rids, ops in ((["a", "no-such-record"], [(1, "a")]),
                      (["a"], [(1, "a"), (7, "a")])):  # no ledger row 7
        with (pytest.raises(Exception, match="change_seq stamp incomplete"),
              engine.begin() as conn):
            _insert(conn, "a", "2024-01")
            stamp_change_seqs(conn, rids, "dev", ops, commit=commit)
    assert _counter(engine) == top
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one() == 0


def _row(rid: str, period: str, version: int = 1) -> dict:
    rec = make_op(1, monthly_report("SHY-ABAY", period))["data"]
    return {"id": rid, "created_by": "d1", "form": rec["form"], "form_version": 1,
            "org_unit": "SHY-ABAY", "region": "SHY", "period": period, "status": "draft",
            "data": "{}", "justification": None, "review_comment": None, "revision": 1,
            "version": version, "deleted": False, "updated_at": "2024-01-01T00:00:00Z",
            "updated_by": "d1", "change_seq": None, "natural_key": None}


def test_commit_batch_writes_records_with_their_seqs(engine):
    """The batch's record rows are written with their change_seq (under the counter's lock):
    an insert, the same record updated in the batch, a record written before (a flush, NULL)
    and an older record given a new seq (a contest) all end with the seq of their place."""
    from server.batch import _INSERT, _UPDATE, _by_id
    from server.epoch import EPOCH_QUERY
    from server.seqs import commit_batch, lock_counter

    with engine.begin() as conn:
        _insert(conn, "old", "2024-01")
        stamp_change_seqs(conn, ["old"], commit=True)
    top = _counter(engine)
    with engine.begin() as conn:
        lock_counter(conn)
        conn.execute(_INSERT, _row("flushed", "2024-03"))
        epoch, seqs = commit_batch(
            conn, [(_INSERT, [_row("new", "2024-02")]),
                   (_UPDATE, [_by_id(_row("new", "2024-02", version=2))])],
            EPOCH_QUERY, ["new", "flushed", "new", "old"], "dev", [(1, "new")])
    assert seqs == {"new": top + 1, "flushed": top + 2, "old": top + 3} and epoch
    with engine.connect() as conn:
        got = dict(conn.execute(sa.select(records.c.id, records.c.change_seq)).all())
        versions = dict(conn.execute(sa.select(records.c.id, records.c.version)).all())
        led = dict(conn.execute(sa.select(ledger.c.op_seq, ledger.c.change_seq)
                                .where(ledger.c.device_id == "dev")).all())
    assert got == seqs and versions["new"] == 2 and led[1] == top + 1
    assert _counter(engine) == top + 3


def test_commit_batch_missing_a_record_commits_nothing(engine):
    """Every record written in the round trip (the ledger-only stamp): an update that finds
    no row fails the stamp before the COMMIT."""
    from server.batch import _INSERT, _UPDATE, _by_id
    from server.epoch import EPOCH_QUERY
    from server.seqs import commit_batch

    top = _counter(engine)
    with (pytest.raises(Exception, match="change_seq stamp incomplete"),
          engine.begin() as conn):
        commit_batch(conn, [(_INSERT, [_row("new", "2024-02")]),
                            (_UPDATE, [_by_id(_row("gone", "2024-03", version=2))])],
                     EPOCH_QUERY, ["new", "gone"], "dev", [])
    assert _counter(engine) == top
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one() == 0
