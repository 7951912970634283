"""The history a push batch validates with (server/batch.py): the core's index of each form
and org unit is built once per batch and kept current with the batch's own writes, so an op
sees the records written, changed or deleted by the ops before it in the same batch, exactly
as if each op came in its own batch (real HTTP, SQLite and PostgreSQL)."""
from __future__ import annotations

from server_fixtures import live_server_any, make_op, monthly_report, push_acks, world

__all__ = ["live_server_any", "world"]  # fixtures


def _copy(rec: dict, period: str, status: str = "submitted", unit: str | None = None) -> dict:
    """A new record of `period` with the same figures as `rec`."""
    other = monthly_report(unit or rec["org_unit"], period, status=status)
    return dict(other, data=dict(rec["data"]))


def _vr01(ack: dict) -> list[tuple[str, str, str]]:
    return [(e["severity"], e["message_code"], e["params"].get("period"))
            for e in ack.get("errors", []) if e.get("rule") == "VR-01"]


def test_a_repeat_of_an_earlier_op_in_the_batch_is_refused(world):
    """A year-ago repeat (VR-01 error) of an op earlier in the batch is refused; the same
    figures in another org unit are not a repeat; and a later batch still sees the record."""
    srv, sess = world
    first = monthly_report("SHY-ENB", "2014-03", status="submitted")
    repeat = _copy(first, "2015-03")
    elsewhere = _copy(first, "2015-03", unit="SHY-ABAY")
    acks = push_acks(srv, sess("r1"), "dev-repeat", [
        make_op(1, first), make_op(2, repeat), make_op(3, elsewhere)])
    assert [a["status"] for a in acks] == ["applied", "rejected", "applied"]
    assert _vr01(acks[1]) == [("error", "repeat_of_period", "2014-03")]
    again = dict(_copy(first, "2015-03"), justification="the same figures, really")
    (ack,) = push_acks(srv, sess("r1"), "dev-repeat", [make_op(4, again)])
    assert ack["status"] == "rejected"  # an error: a justification does not help
    assert _vr01(ack) == [("error", "repeat_of_period", "2014-03")]


def test_an_op_sees_an_earlier_ops_update_not_the_old_figures(world):
    """A record changed by an earlier op of the batch is compared with its new figures only."""
    srv, sess = world
    draft = monthly_report("SHY-ENB", "2016-03")
    changed = dict(draft, data=monthly_report("SHY-ENB", "2016-03")["data"])
    old_figures = _copy(draft, "2017-03")  # a year later, the draft's first figures
    new_figures = _copy(changed, "2017-04")  # thirteen months later, its second ones
    acks = push_acks(srv, sess("d2"), "dev-update", [
        make_op(1, draft), make_op(2, changed, 1), make_op(3, old_figures),
        make_op(4, new_figures)])
    assert [a["status"] for a in acks] == ["applied", "applied", "applied", "rejected"]
    assert _vr01(acks[3]) == [("warning", "repeat_of_period", "2016-03")]


def test_a_record_deleted_earlier_in_the_batch_is_no_history(world):
    srv, sess = world
    draft = monthly_report("SHY-ENB", "2012-03")
    repeat = _copy(draft, "2013-03")
    acks = push_acks(srv, sess("d2"), "dev-delete", [
        make_op(1, draft), make_op(2, draft, 1, op="delete"), make_op(3, repeat)])
    assert [a["status"] for a in acks] == ["applied", "applied", "applied"]


def test_a_batch_spanning_years_sees_every_earlier_op(world):
    """Ops far apart in one batch (the fetched history spans them all); each month compares
    with the ones before it, whichever op wrote them."""
    srv, sess = world
    recs = [monthly_report("SHY-ABAY", f"{2008 + i // 12}-{i % 12 + 1:02d}", status="submitted")
            for i in range(30)]
    repeat = _copy(recs[10], "2010-07")  # 2008-11's figures, 20 months later
    acks = push_acks(srv, sess("d1"), "dev-span",
                     [make_op(i + 1, r) for i, r in enumerate(recs)] + [make_op(31, repeat)])
    assert [a["status"] for a in acks] == ["applied"] * 30 + ["rejected"]
    assert _vr01(acks[30]) == [("warning", "repeat_of_period", "2008-11")]
