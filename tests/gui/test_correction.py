"""Corrections on the form screen (store.correct_record with a reason, region / central),
a district's returned report, and the findings shown per field with row paths and labels."""
from __future__ import annotations

import pytest

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)


def _editor(qtbot, ctx, record, form_id="monthly_report"):
    from desktop.form_editor import FormEditor
    from forms import load_form
    editor = FormEditor(ctx, load_form(form_id), record)
    qtbot.addWidget(editor)
    editor._autosave_timer.stop()
    return editor


def _as(ctx, role):
    ctx.user = dict(ctx.user, role=role, username=f"{role}_user")
    return ctx


def test_region_corrects_submitted_report_with_reason(qtbot, core_ctx):
    rec = seed_demo(core_ctx.store, months=1, submitted=1)[0]
    editor = _editor(qtbot, _as(core_ctx, "region"), core_ctx.store.get_record(rec["id"]))
    assert editor.correct_button.isVisibleTo(editor)
    assert not editor.inputs["volunteers_total"].isEnabled(), "submitted: read-only"
    assert editor.start_correction()
    assert editor.inputs["volunteers_total"].isEnabled()
    assert not editor.period_edit.isEnabled(), "the period is kept by a correction"
    editor.inputs["volunteer_hours"].edit.setText("1800")
    assert editor.save_correction("   ") is None, "a correction needs a reason"
    assert core_ctx.store.get_record(rec["id"])["revision"] == 1
    saved = editor.save_correction("Часы пересчитаны по журналу")
    assert saved is not None and saved["status"] == "submitted" and saved["revision"] == 2
    assert core_ctx.store.get_record(rec["id"])["data"]["volunteer_hours"] == 1800
    last = core_ctx.store.revisions(rec["id"])[-1]
    assert last["reason"] == "Часы пересчитаны по журналу" and last["editor"] == "region_user"
    assert not editor.inputs["volunteer_hours"].isEnabled() and not editor.correcting


def test_correction_with_errors_is_blocked_and_nothing_changes(qtbot, core_ctx):
    rec = seed_demo(core_ctx.store, months=1, submitted=1)[0]
    editor = _editor(qtbot, _as(core_ctx, "central"), core_ctx.store.get_record(rec["id"]))
    editor.start_correction()
    editor.inputs["volunteers_total"].edit.setText("5")  # gender no longer adds up
    assert editor.save_correction("опечатка") is None
    assert editor.correcting and any(f.severity == "error" for f in editor.findings)
    assert core_ctx.store.get_record(rec["id"])["data"]["volunteers_total"] == 580


def test_district_cannot_correct_but_edits_a_returned_report(qtbot, core_ctx):
    store = core_ctx.store
    rec = seed_demo(store, months=1, submitted=1)[0]
    editor = _editor(qtbot, _as(core_ctx, "district"), store.get_record(rec["id"]))
    assert not editor.correct_button.isVisibleTo(editor) and not editor.start_correction()
    store.set_review(rec["id"], "returned", user="region_user", comment="Проверьте часы")
    editor = _editor(qtbot, core_ctx, store.get_record(rec["id"]))
    assert not editor.correct_button.isVisibleTo(editor)
    assert editor.return_banner.text.text() == "Проверьте часы"      # the comment's banner
    assert "region_user" in editor.return_banner.head.text()
    assert editor.inputs["volunteer_hours"].isEnabled() and editor.save_button.isEnabled()
    editor.inputs["volunteer_hours"].edit.setText("1750")
    editor.validate()
    assert editor.submit() is not None
    assert store.get_record(rec["id"])["status"] == "submitted"
    assert store.get_record(rec["id"])["data"]["volunteer_hours"] == 1750


def test_roster_row_finding_marks_the_roster_with_label_in_english(qtbot, core_ctx):
    from forms import Finding
    core_ctx.lang = "en"
    editor = _editor(qtbot, core_ctx, None)
    path = "dev_events[1].dev_hours"
    editor.findings = [Finding("required", "error", [path], "required", {"field": path})]
    editor.reveal_findings()                       # what Submit shows
    roster = editor.inputs["dev_events"]
    assert "border" in roster.focus_widget().styleSheet()
    text = editor.panel.list.item(0).text()
    assert "“Development events, row 2: Duration (hours)”" in text, text
    assert editor.panel.list.item(0).data(256) == "dev_events"


def test_empty_date_does_not_also_report_the_period(qtbot, core_ctx):
    editor = _editor(qtbot, core_ctx, None, "focus_group")
    editor.validate()
    rules = [(f.rule, f.fields) for f in editor.findings]
    assert any("date" in fields for _rule, fields in rules), rules
    assert not any(rule == "period" for rule, _fields in rules), rules
    editor.inputs["date"].edit.setText("2025-03-04")
    editor.validate()
    assert not any("date" in f.fields for f in editor.findings)


def test_correction_button_and_hint_are_translated(qtbot, core_ctx):
    rec = seed_demo(core_ctx.store, months=1, submitted=1)[0]
    editor = _editor(qtbot, _as(core_ctx, "region"), core_ctx.store.get_record(rec["id"]))
    assert editor.correct_button.text() == "Исправить…"
    editor.start_correction()
    editor.validate()  # typing re-validates: the hint stays while correcting
    assert editor.correct_button.text() == "Сохранить исправление…"
    assert "причины" in editor.message.text()
