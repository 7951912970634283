"""Status machine, submission with validation, corrections as revisions (VR-13), review,
and the atomic bulk import."""
from __future__ import annotations

import pytest

from store import StoreError, SubmitBlocked, open_store

VALID = {
    "volunteers_total": 604, "gender": {"F": 330, "M": 274},
    "age": {"A14_17": 100, "A18_28": 300, "A29_35": 204},
    "occupation": {"STUDENT": 300, "EMPLOYED": 304},
    "registered_orgs_count": 4, "initiative_groups_count": 12, "events_total": 10,
    "events_by_direction": {"MED": 6, "ECO": 4}, "events_by_format": {"OFFLINE": 10},
    "volunteer_hours": 400, "volunteer_positions": 40, "rfo_support_provided": "NOT_NEEDED",
}


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="tester")
    yield s
    s.close()


def draft(store, period="2024-03", **changes):
    rec = {"form": "monthly_report", "org_unit": "SHY-ABAY", "period": period,
           "data": dict(VALID, **changes)}
    return store.save_record(rec, user="district")


def outbox_count(store):
    return store.db.execute("SELECT count(*) FROM outbox").fetchone()[0]


def test_submit_valid_record(store):
    rec = draft(store)
    sub, findings = store.submit_record(rec["id"], user="district")
    assert sub["status"] == "submitted" and sub["revision"] == 1
    assert not [f for f in findings if f.severity in ("error", "warning")]
    assert store.audit(rec["id"])[-1]["field"] == "_status"
    assert store.audit(rec["id"])[-1]["new"] == "submitted"
    revs = store.revisions(rec["id"])
    assert [(r["revision"], r["status"], r["data"]) for r in revs] == [(1, "submitted", VALID)]
    assert outbox_count(store) == 2


def test_errors_block_submission(store):
    rec = draft(store, gender={"F": 1, "M": 1})
    with pytest.raises(SubmitBlocked) as err:
        store.submit_record(rec["id"], user="district", justification="I insist")
    assert "VR-03-gender" in {f.rule for f in err.value.findings}
    assert store.get_record(rec["id"]) == rec and outbox_count(store) == 1
    assert store.revisions(rec["id"]) == []


def test_warnings_need_a_justification(store):
    rec = draft(store, volunteer_hours=1520)  # 38 h per position: VR-06 warning
    with pytest.raises(SubmitBlocked) as err:
        store.submit_record(rec["id"], user="district")
    assert {f.severity for f in err.value.findings} == {"warning"}
    assert "VR-06" in {f.rule for f in err.value.findings}
    sub, findings = store.submit_record(rec["id"], user="district",
                                        justification="long shifts at the flood")
    assert sub["status"] == "submitted" and sub["justification"] == "long shifts at the flood"
    assert "VR-06" in {f.rule for f in findings}


def test_history_is_used_vr01_repeat_of_last_year(store):
    last_year = draft(store, period="2023-03")
    store.submit_record(last_year["id"], user="district")
    rec = draft(store)  # exactly the same figures as 12 months earlier
    with pytest.raises(SubmitBlocked) as err:
        store.submit_record(rec["id"], user="district", justification="really the same")
    assert any(f.rule.startswith("VR-01") for f in err.value.findings)


def test_submitted_record_changes_only_by_correction(store):
    rec = draft(store)
    store.submit_record(rec["id"], user="district")
    changed = dict(store.get_record(rec["id"]))
    changed["data"] = dict(VALID, volunteers_total=605, gender={"F": 331, "M": 274},
                           occupation={"STUDENT": 301, "EMPLOYED": 304},
                           age={"A14_17": 101, "A18_28": 300, "A29_35": 204})
    with pytest.raises(StoreError) as err:
        store.save_record(changed, user="region")
    assert err.value.code == "reason_required"
    assert store.get_record(rec["id"])["data"] == VALID
    with pytest.raises(StoreError) as err:
        store.save_record(dict(changed, period="2024-04"), user="region", reason="move")
    assert err.value.field == "period"
    cor = store.save_record(changed, user="region", reason="late report from a school")
    assert cor["revision"] == 2 and cor["status"] == "submitted"
    assert cor["data"]["volunteers_total"] == 605
    revs = store.revisions(rec["id"])
    assert [r["revision"] for r in revs] == [1, 2]
    assert revs[0]["data"] == VALID and revs[0]["editor"] == "district"   # original kept
    assert revs[1]["reason"] == "late report from a school" and revs[1]["editor"] == "region"
    diff = {a["field"]: (a["old"], a["new"]) for a in store.audit(rec["id"])
            if a["reason"] == "late report from a school"}
    assert diff["volunteers_total"] == (604, 605) and "events_total" not in diff


def test_correct_record_validates_and_needs_reason(store):
    rec = draft(store)
    with pytest.raises(StoreError):
        store.correct_record(rec["id"], {"events_total": 9}, user="r", reason="x")  # draft
    store.submit_record(rec["id"], user="district")
    with pytest.raises(StoreError) as err:
        store.correct_record(rec["id"], {"events_total": 9}, user="r", reason="  ")
    assert err.value.field == "reason"
    with pytest.raises(SubmitBlocked):  # sum by direction no longer matches the total
        store.correct_record(rec["id"], {"events_total": 9}, user="r", reason="fix")
    with pytest.raises(StoreError) as err:
        store.correct_record(rec["id"], {"events_total": "nine"}, user="r", reason="fix")
    assert err.value.field == "events_total"
    assert store.get_record(rec["id"])["revision"] == 1
    cor = store.correct_record(rec["id"], {"volunteer_positions": 50}, user="r", reason="fix")
    assert cor["revision"] == 2 and store.revisions(rec["id"])[0]["data"] == VALID


def test_review_approve_return_resubmit(store):
    rec = draft(store)
    with pytest.raises(StoreError):
        store.set_review(rec["id"], "approved", user="region", comment=None)  # still draft
    store.submit_record(rec["id"], user="district")
    with pytest.raises(StoreError) as err:
        store.set_review(rec["id"], "returned", user="region", comment="")
    assert err.value.field == "review_comment"
    ret = store.set_review(rec["id"], "return", user="region", comment="check positions")
    assert ret["status"] == "returned" and ret["review_comment"] == "check positions"
    # a returned record is edited in place again, then resubmitted as a new revision
    edited = store.save_record(dict(ret, data=dict(VALID, volunteer_positions=50)),
                               user="district")
    assert edited["status"] == "returned" and edited["revision"] == 1
    sub, _ = store.submit_record(rec["id"], user="district")
    assert sub["revision"] == 2
    assert [r["data"]["volunteer_positions"] for r in store.revisions(rec["id"])] == [40, 50]
    app = store.set_review(rec["id"], "approved", user="region", comment=None)
    assert app["status"] == "approved"
    with pytest.raises(StoreError):
        store.submit_record(rec["id"], user="district")
    with pytest.raises(StoreError):
        store.set_review(rec["id"], "approved", user="region", comment=None)
    with pytest.raises(StoreError):
        store.set_review(rec["id"], "draft", user="region", comment="x")
    with pytest.raises(StoreError):
        store.delete_record(rec["id"], user="district", reason="oops")
    statuses = [a["new"] for a in store.audit(rec["id"]) if a["field"] == "_status"]
    assert statuses == ["draft", "submitted", "returned", "submitted", "approved"]


def test_import_is_all_or_nothing(store):
    good = {"id": "00000000-0000-4000-8000-00000000000a", "form": "monthly_report",
            "org_unit": "SHY-ABAY", "period": "2024-01", "data": VALID}
    bad = {"id": "00000000-0000-4000-8000-00000000000b", "form": "monthly_report",
           "org_unit": "SHY-ABAY", "period": "2024-02", "data": dict(VALID, age={"A99": 1})}
    no_period = {"form": "monthly_report", "org_unit": "X", "data": {}}
    with pytest.raises(StoreError) as err:
        store.import_records([good, bad, no_period], user="imp")
    probs = err.value.problems
    assert (probs[0]["index"], probs[0]["id"], probs[0]["field"]) == (2, bad["id"], "age.A99")
    assert "record #2 (id 00000000-0000-4000-8000-00000000000b)" in str(err.value)
    assert (probs[1]["index"], probs[1]["field"]) == (3, "period")
    assert store.count_records(include_deleted=True) == 0 and outbox_count(store) == 0


def test_import_keeps_records_as_they_are(store):
    rec = {"id": "00000000-0000-4000-8000-00000000000c", "form": "monthly_report",
           "form_version": 1, "org_unit": "SHY-ABAY", "period": "2024-01",
           "status": "approved", "data": VALID, "justification": None,
           "review_comment": "ok", "revision": 3, "version": 12, "deleted": False,
           "updated_at": "2024-02-01T09:00:00Z", "updated_by": "region"}
    assert store.import_records([rec], user="imp") == 1
    assert store.get_record(rec["id"]) == rec
    assert store.import_records([rec], user="imp") == 0          # identical: nothing
    assert outbox_count(store) == 1
    with pytest.raises(StoreError) as err:                       # approved: no overwrite
        store.import_records([dict(rec, data=dict(VALID, events_total=11))], user="imp")
    assert err.value.code == "locked"
    assert store.get_record(rec["id"]) == rec


def test_import_duplicate_period_names_the_record(store):
    draft(store, period="2024-01")
    other = {"id": "00000000-0000-4000-8000-00000000000d", "form": "monthly_report",
             "org_unit": "SHY-ABAY", "period": "2024-01", "data": VALID}
    with pytest.raises(StoreError) as err:
        store.import_records([other], user="imp")
    assert err.value.code == "duplicate_period" and "record #1" in str(err.value)
    assert store.count_records() == 1


EVENT = {"title": "Уборка берега реки Бадам", "date_start": "2024-03-16",
         "primary_direction": "ECO", "formats": ["OFFLINE"], "is_volunteering": "YES",
         "organizer_type": "REG_ORG", "organizer_name": "ОФ «Жасыл әлем»",
         "volunteers_count": 25, "volunteer_positions": 25, "volunteer_hours": 100.0}


def test_history_of_dated_forms_includes_the_same_month(store):
    """event/seminar/...: many records a month, so VR-32 (repeated event) must see the
    other events of the same month; the record itself is never part of its history."""
    def event(**changes):
        return store.save_record({"form": "event", "form_version": 1, "org_unit": "SHY-ABAY",
                                  "data": dict(EVENT, **changes)}, user="district")
    first, second = event(), event()
    other_month = event(date_start="2024-02-10")
    store.save_record({"form": "event", "form_version": 1, "org_unit": "OTHER", "data": EVENT},
                      user="x")
    assert first["period"] == second["period"] == "2024-03"
    hist = store.history_for(second)
    assert sorted(r["id"] for r in hist) == sorted([first["id"], other_month["id"]])
    with pytest.raises(SubmitBlocked) as err:
        store.submit_record(second["id"], user="district")
    vr32 = [f for f in err.value.findings if f.rule == "VR-32"]
    assert vr32 and vr32[0].params["record"] == first["id"]
    sub, findings = store.submit_record(second["id"], user="district",
                                        justification="two shifts of the same clean-up")
    assert sub["status"] == "submitted" and "VR-32" in {f.rule for f in findings}


def test_history_of_monthly_report_keeps_other_periods_only(store):
    rec = draft(store, period="2024-03")
    draft(store, period="2024-02")
    assert [r["period"] for r in store.history_for(rec)] == ["2024-02"]
    unsaved = {"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-03",
               "data": VALID}  # e.g. a new report open in the editor: not compared with rec
    assert [r["period"] for r in store.history_for(unsaved)] == ["2024-02"]


def test_a_blocked_submission_names_each_rule_once():
    """Thirty VR-02 warnings said «VR-02 (warning), VR-02 (warning), …» thirty times."""
    from types import SimpleNamespace
    findings = [SimpleNamespace(rule="VR-02", severity="warning")] * 30 + [
        SimpleNamespace(rule="VR-03-gender", severity="error")]
    text = str(SubmitBlocked(findings, record_id="r1"))
    assert text == "record r1: submission blocked by VR-02 (warning) ×30, VR-03-gender (error)"
