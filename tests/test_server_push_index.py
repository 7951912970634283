"""The push batch's indexes of the fetched history (server.batch): the natural-key index and
the forms engine's history index stay current with the batch's own writes (SQLite and, when
configured, PostgreSQL; real HTTP)."""
from __future__ import annotations

from tests.server_fixtures import live_server_any, make_op, monthly_report, push_acks, world

__all__ = ["live_server_any", "world"]  # fixtures


def test_a_period_moved_in_a_batch_frees_its_natural_key_for_a_later_op(world):
    srv, sess = world
    held = monthly_report("SHY-ABAY", "2018-03")
    assert push_acks(srv, sess("d1"), "dev-keys", [make_op(1, held)])[0]["status"] == "applied"
    moved = dict(held, period="2018-04")
    takes_old = monthly_report("SHY-ABAY", "2018-03")
    takes_new = monthly_report("SHY-ABAY", "2018-04")
    acks = push_acks(srv, sess("d1"), "dev-keys", [
        make_op(2, moved, base_version=1), make_op(3, takes_old), make_op(4, takes_new)])
    assert [a["status"] for a in acks] == ["applied", "applied", "conflict"], acks
    assert acks[2]["conflict_kind"] == "natural_key" and acks[2]["server"]["id"] == held["id"]
    got = sess("d1").get(f"{srv.url}/api/v1/records/{takes_old['id']}", timeout=10).json()
    assert got["period"] == "2018-03"


def test_a_record_updated_in_a_batch_is_compared_with_its_new_figures(world):
    """VR-01: a later op repeating the figures a record got earlier in the same batch."""
    srv, sess = world
    first = monthly_report("SHY-ENB", "2017-01")  # a draft, then submitted with new figures
    figures = dict(monthly_report("SHY-ENB")["data"])
    updated = dict(first, status="submitted", data=figures)
    repeat = monthly_report("SHY-ENB", "2017-02", status="submitted")
    repeat["data"] = dict(figures)
    acks = push_acks(srv, sess("d2"), "dev-figures", [
        make_op(1, first), make_op(2, updated, base_version=1), make_op(3, repeat)])
    assert [a["status"] for a in acks[:2]] == ["applied", "applied"], acks
    assert acks[2]["status"] == "rejected" and acks[2]["errors"][0]["rule"] == "VR-01", acks
