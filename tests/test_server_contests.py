"""Natural-key contests (docs/CONTRACTS.md §7): the challenger is kept, the existing record
is pulled again with `contested_by` by every device that can see it, and an upsert with
`resolves` settles it. SQLite and (with ESEP_TEST_PG_URL) PostgreSQL."""
from __future__ import annotations

import uuid

import sqlalchemy as sa

from server.config import normalize_db_url
from tests.server_fixtures import (
    live_server_any,  # noqa: F401 - fixture
    make_op,
    monthly_report,
    pull_all,
    push_acks,
    world,  # noqa: F401 - fixture
)


def _last(srv, s, rid, cursor=0):
    changes, cursor, _ = pull_all(s, srv.url, cursor=cursor)
    mine = [c for c in changes if c["id"] == rid]
    return (mine[-1] if mine else None), cursor


def test_contest_is_pulled_by_the_holder_and_resolved_by_the_loser(world):
    srv, sess = world
    r1, r2 = monthly_report("SHY-ABAY", "2024-03"), monthly_report("SHY-ABAY", "2024-03")
    a = push_acks(srv, sess("d1"), "dev-A", [make_op(1, r1)])[0]
    change, cur_a = _last(srv, sess("d1"), r1["id"])
    assert "contested_by" not in change  # never contested: no extra bytes
    b = push_acks(srv, sess("d1"), "dev-B", [make_op(1, r2)])[0]
    assert b["status"] == "conflict" and b["conflict_kind"] == "natural_key"
    again = push_acks(srv, sess("d1"), "dev-B", [make_op(2, r2)])[0]  # idempotent per pair
    assert again["status"] == "conflict"
    change, cur_a = _last(srv, sess("d1"), r1["id"], cur_a)  # device A pulls R1 again
    assert change["version"] == a["version"] == 1  # a new change_seq, no version bump
    assert change["change_seq"] > a["change_seq"]
    assert [c["id"] for c in change["contested_by"]] == [r2["id"]]
    assert change["contested_by"][0]["data"] == r2["data"]
    change, _ = _last(srv, sess("r1"), r1["id"])  # the region sees it too
    assert [c["id"] for c in change["contested_by"]] == [r2["id"]]
    assert _last(srv, sess("d2"), r1["id"])[0] is None  # another district does not
    # B resolves: keeps the server's record, names its own challenger
    keep = dict(b["server"], data=dict(b["server"]["data"]))
    op = dict(make_op(3, keep, base_version=b["server"]["version"]), resolves=[r2["id"]])
    done = push_acks(srv, sess("d1"), "dev-B", [op])[0]
    assert done["status"] == "applied", done
    change, _ = _last(srv, sess("d1"), r1["id"], cur_a)
    assert change["change_seq"] == done["change_seq"] and change["contested_by"] == []
    live = [c for c in pull_all(sess("c1"), srv.url)[0] if c["record"]["period"] == "2024-03"
            and c["record"]["org_unit"] == "SHY-ABAY" and not c["deleted"]]
    assert {c["id"] for c in live} == {r1["id"]}
    engine = sa.create_engine(normalize_db_url(srv.db_url))
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT record_id, challenger_id, resolved_at "
                                    "FROM contests").all()
    engine.dispose()
    assert len(rows) == 1 and rows[0][:2] == (r1["id"], r2["id"]) and rows[0][2]


def test_resolves_naming_another_records_contest_is_rejected(world):
    srv, sess = world
    r1, r2 = monthly_report("SHY-ABAY", "2023-03"), monthly_report("SHY-ABAY", "2023-03")
    other = monthly_report("SHY-ABAY", "2023-04")
    acks = push_acks(srv, sess("d1"), "dev-A", [make_op(1, r1), make_op(2, other)])
    assert push_acks(srv, sess("d1"), "dev-B", [make_op(1, r2)])[0]["status"] == "conflict"
    bad = dict(make_op(3, other, base_version=acks[1]["version"]), resolves=[r2["id"]])
    ack = push_acks(srv, sess("d1"), "dev-A", [bad])[0]
    assert ack["status"] == "rejected" and ack["errors"][0]["code"] == "unknown_contest"
    assert r2["id"] in ack["errors"][0]["message"] and other["id"] in ack["errors"][0]["message"]
    got = sess("d1").get(f"{srv.url}/api/v1/records/{other['id']}", timeout=5).json()
    assert got["version"] == acks[1]["version"]  # the write was undone with the op
    change, _ = _last(srv, sess("d1"), r1["id"])
    assert [c["id"] for c in change["contested_by"]] == [r2["id"]]  # still open


def test_challenger_copy_obeys_scope_and_personal_fields(world):
    """Only monthly_report has a natural key; its challenger copy is shown exactly like a
    record: region r2 (another region) never sees it; the copy's data is what was sent."""
    srv, sess = world
    r1, r2 = monthly_report("SHY-ENB", "2023-05"), monthly_report("SHY-ENB", "2023-05")
    assert push_acks(srv, sess("d2"), "dev-A", [make_op(1, r1)])[0]["status"] == "applied"
    # the region pushes the same district-month from its own device
    assert push_acks(srv, sess("r1"), "dev-R", [make_op(1, r2)])[0]["status"] == "conflict"
    change, _ = _last(srv, sess("d2"), r1["id"])
    (copy,) = change["contested_by"]
    assert copy["id"] == r2["id"] and copy["updated_by"] == "r1" and copy["version"] is None
    assert _last(srv, sess("r2"), r1["id"])[0] is None
    assert _last(srv, sess("d1"), r1["id"])[0] is None


def test_personal_fields_stripped_from_challenger_copies(tmp_path):
    """The stripping rule on a real database: a focus group's challenger copy (personal
    roster columns) as central, its recorder, another trainer and the region see it."""
    import json
    from types import SimpleNamespace

    from server.auth import User
    from server.contests import contested_by
    from server.db import contests, open_db

    data = {"date": "2024-03-05", "participants": [{"no": 1, "full_name": "Иванов Иван",
                                                    "phone": "+77010000000"}]}
    rec = {"id": str(uuid.uuid4()), "form": "focus_group", "form_version": 1, "data": data}
    engine = open_db(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        with engine.begin() as conn:
            conn.execute(contests.insert().values(
                record_id="h", challenger_id=rec["id"], challenger=json.dumps(rec),
                created_by="t1", device_id="dev", created_at="2024-03-05T10:00:00Z"))
        holder = SimpleNamespace(id="h", org_unit="SHY-ABAY", region="SHY", form="focus_group")
        with engine.connect() as conn:
            def seen(user):
                return contested_by(conn, user, [holder])["h"]
            assert seen(User("c1", "central", None, None))[0]["data"] == data
            assert seen(User("t1", "trainer", None, None))[0]["data"] == data
            assert seen(User("t2", "trainer", None, None)) == []  # not the trainer's record
            (copy,) = seen(User("r1", "region", "SHY", None))
            assert copy["data"]["participants"] == [{"no": 1}]
    finally:
        engine.dispose()
