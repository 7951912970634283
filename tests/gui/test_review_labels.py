"""What the data-quality table names as a finding's fields is the form's own words: a roster
row's cell ("attendees[6].full_name") and a visit's date field (VR-22 names the field the
record is dated by: a leadership meeting has no `date`, it has planned and actual dates)."""
from __future__ import annotations

from desktop.quality_page import field_label
from forms import load_form
from reports.quality_review import Thresholds
from reports.quality_visits import visit_findings


def test_a_roster_cell_is_named_in_the_language():
    seminar = load_form("seminar", None)
    ru = field_label(seminar, "attendees[6].full_name", "ru")
    kk = field_label(seminar, "attendees[6].full_name", "kk")
    assert "строка 7" in ru and "7-жол" in kk
    assert "attendees" not in ru + kk and "full_name" not in ru + kk


def test_a_weekend_meeting_names_its_actual_date():
    rec = {"id": "m1", "form": "leadership_meeting", "org_unit": "ALM-D01", "period": "2024-03",
           "status": "submitted", "data": {"planned_date": "2024-03-01",
                                           "actual_date": "2024-03-02"}}  # a Saturday
    found = [f for f in visit_findings([rec], Thresholds()) if f["rule"] == "VR-22"]
    assert [f["fields"] for f in found] == [["actual_date"]]
    label = field_label(load_form("leadership_meeting", None), "actual_date", "ru")
    assert label and label != "actual_date"
