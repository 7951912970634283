"""VR-01 identical districts (reports.review.copies.identical_units): a district whose month
is, cell for cell, another district's month of the same region is flagged once, the earlier
entry kept; a month that differs in any cell (the total too) is not."""
from __future__ import annotations

from reports.review.copies import identical_units
from reports.review.series import build_series


def _report(rid: str, unit: str, created: str, **data) -> dict:
    figures = {"volunteers_total": 120, "gender": {"F": 70, "M": 50}, "events_total": 9,
               "volunteer_hours": 340, "volunteer_positions": 31, "age": {"A18_28": 120}}
    return {"id": rid, "form": "monthly_report", "org_unit": unit, "period": "2024-03",
            "created_at": created, "updated_at": created, "data": {**figures, **data}}


def _found(reports: list[dict]) -> list[tuple]:
    units = {u: {"id": u, "region": u.split("-")[0]} for u in {r["org_unit"] for r in reports}}
    return [(f["record_id"], f["params"]["other_record"], f["message_code"])
            for f in identical_units(build_series(reports), units)]


def test_a_copied_district_month_is_flagged_once_against_the_first_entry():
    reports = [_report("b", "AST-2", "2024-04-02"), _report("a", "AST-1", "2024-04-01"),
               _report("c", "AST-3", "2024-04-03")]
    assert _found(reports) == [("b", "a", "review_identical_units"),
                               ("c", "a", "review_identical_units")]


def test_a_different_cell_or_total_or_region_is_not_a_copy():
    assert _found([_report("a", "AST-1", "1"), _report("b", "AST-2", "2", events_total=8)]) == []
    assert _found([_report("a", "AST-1", "1"), _report("b", "AST-2", "2",
                                                       volunteers_total=121)]) == []
    assert _found([_report("a", "AST-1", "1"), _report("b", "ALA-2", "2")]) == []
    # without a total (zero is no cell) the rest of the cells still decide
    assert _found([_report("a", "AST-1", "1", volunteers_total=0),
                   _report("b", "AST-2", "2", volunteers_total=0)]) == [
        ("b", "a", "review_identical_units")]


def test_imported_history_keeps_its_order_of_entry():
    """Both months imported in one go (one created_at, the import's): the one submitted
    later (its original updated_at) is the copy, whatever the ids say."""
    first = dict(_report("z", "PAV-BAY", "2026-12-06T09:16:00Z"),
                 updated_at="2026-07-05T06:15:00Z")
    copy = dict(_report("a", "PAV-IRT", "2026-12-06T09:16:00Z"),
                updated_at="2026-07-09T04:15:00Z")
    assert _found([first, copy]) == [("a", "z", "review_identical_units")]
    assert _found([copy, first]) == [("a", "z", "review_identical_units")]
