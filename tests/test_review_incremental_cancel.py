"""The desktop's incremental review (reports.review_incremental) after a cancelled run: the
groups that run would have re-validated are re-validated by the next one, whose findings are
those of a full review."""
from __future__ import annotations

import random

from reports.quality_review import group_of, review_store
from reports.review_incremental import IncrementalReview
from reports.synthetic_visits import synthetic_events
from store import open_store

UNITS = [{"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "Шымкент"}] + [
    {"id": f"SHY-D{i}", "kind": "district", "region": "SHY", "name_ru": f"Район {i}"}
    for i in range(1, 4)]


def keys(findings: list[dict]) -> set:
    return {(f["record_id"], f.get("rule_detail") or f["rule"], f["message_code"])
            for f in findings}


def edit(store, org_unit: str) -> tuple[str, str]:
    rec = store.list_records(form="event", org_unit=org_unit, limit=1)[0]
    data = {**rec["data"], "beneficiaries_count": rec["data"]["beneficiaries_count"] + 7}
    store.save_record({**rec, "data": data}, user="tester", reason="test: a correction")
    return group_of(rec)


def test_a_cancelled_run_leaves_its_groups_to_the_next(tmp_path):
    store = open_store(tmp_path / "region.sqlite3", user="tester")
    try:
        store.upsert_org_units(UNITS)
        for rec in synthetic_events(random.Random(3), UNITS[1:], 2023, 200):
            store.save_record({**rec, "status": "draft"}, user="tester")
        reviewer = IncrementalReview()
        assert keys(reviewer.run(store)) == keys(review_store(store))
        first = edit(store, "SHY-D1")
        assert reviewer.run(store, cancelled=lambda: True) is None
        second = edit(store, "SHY-D2")
        found = reviewer.run(store)
        assert reviewer.checked == {first, second}
        assert keys(found) == keys(review_store(store))
        assert reviewer.run(store) is not None and reviewer.checked == set()
    finally:
        store.close()
