"""Wire compaction of ops and acks: what is left out can always be rebuilt."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sync.protocol import compact_ack, compact_op, expand_acks, expand_op, gzip_json

ids = st.uuids().map(str)


@given(rid=ids, form=st.sampled_from(["monthly_report", "event"]),
       base=st.one_of(st.none(), st.integers(1, 9)), reason=st.one_of(st.none(), st.text()))
def test_compact_op_round_trips(rid, form, base, reason):
    op = {"op_seq": 3, "form": form, "id": rid, "op": "upsert", "base_version": base,
          "data": {"id": rid, "form": form, "data": {"x": 1}}, "reason": reason}
    wire = compact_op(op)
    assert "id" not in wire and "form" not in wire
    assert expand_op(wire) == {k: v for k, v in op.items() if v is not None}


def test_an_op_whose_record_disagrees_keeps_its_own_id():
    op = {"op_seq": 1, "form": "event", "id": "a", "op": "delete", "data": {"id": "b"}}
    assert compact_op(op)["id"] == "a" and expand_op(compact_op(op))["id"] == "a"


def test_compact_acks_are_smaller_and_expand_back():
    ops = [{"op_seq": i, "id": f"{i:08d}-uuid-uuid-uuid-{i:012d}"} for i in range(1, 201)]
    full = [{"op_seq": o["op_seq"], "id": o["id"], "status": "applied", "version": 1,
             "change_seq": 1000 + o["op_seq"], "errors": [], "server": None} for o in ops]
    wire = [compact_ack(a) for a in full]
    assert len(gzip_json(wire)) * 2 < len(gzip_json(full))
    assert [a["id"] for a in expand_acks(wire, ops)] == [o["id"] for o in ops]
    rejected = {"op_seq": 1, "id": "x", "status": "rejected", "errors": [{"code": "c"}]}
    assert compact_ack(rejected) == rejected
