"""forms.lifecycle.editor_actions (what the desktop editor enables) answers as the store
refuses: for each role and status, Save in place and Submit are refused by the store exactly
when the core's answer for the editor says so (one rule, two callers)."""
from __future__ import annotations

import pytest

from desktop.demo_data import DEMO_UNITS, monthly_data
from forms.lifecycle import editor_actions, may_correct
from store import StoreError, open_store

ROLES = ("district", "region", "trainer", "central")
STATUSES = ("draft", "returned", "submitted", "approved")
NOTE = "Данные сверены с журналом волонтёров."


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3")
    s.upsert_org_units(DEMO_UNITS)
    yield s
    s.close()


def stored(store, status: str) -> dict:
    """A district's monthly report brought to `status` the way people do it."""
    rec = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                             "period": "2025-03", "data": monthly_data(580, complete=True)},
                            user="aigerim", role="district")
    if status != "draft":
        store.submit_record(rec["id"], user="aigerim", role="district", justification=NOTE)
    if status in ("returned", "approved"):
        store.set_review(rec["id"], status, user="r1", role="region", comment="Проверьте часы")
    return store.get_record(rec["id"])


def refused(call) -> bool:
    try:
        call()
    except StoreError:
        return True
    return False


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_the_editor_is_told_what_the_store_allows(store, role, status):
    rec = stored(store, status)
    core = editor_actions(role, status, "monthly_report")
    changed = dict(rec, data=dict(rec["data"], volunteer_hours=901))
    assert refused(lambda: store.save_record(changed, user="u", role=role)) \
        == (core["save"] is not None)
    assert refused(lambda: store.submit_record(rec["id"], user="u", role=role,
                                               justification=NOTE)) \
        == (core["submit"] is not None)
    assert may_correct(role, status) == (core["correct"] is None)


def test_the_answers_in_short():
    """A returned report: any editor role may change and submit it (region included: it
    enters region-level reports; the core does not tell a district's report from the
    region's); central may not. A submitted one is only corrected, by region or central."""
    assert editor_actions("region", "returned", "monthly_report") == \
        {"save": None, "submit": None, "correct": "status_transition"}
    assert editor_actions("central", "returned", "monthly_report")["save"] == "forbidden"
    assert editor_actions("central", "returned", "organization")["save"] is None
    assert editor_actions("district", "submitted") == \
        {"save": "locked", "submit": "locked", "correct": "locked"}
    assert editor_actions("region", "submitted")["correct"] is None
    assert editor_actions("region", "approved")["correct"] == "locked"
    assert editor_actions("district", None)["save"] is None
