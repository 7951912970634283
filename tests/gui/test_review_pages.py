"""Review page (completeness grid, approve / return, corrections with diffs), dashboard and
data-quality page, on real SQLite stores with real Qt widgets offscreen."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.review_models import STATUS_SYMBOLS, USER_ROLE

pytestmark = pytest.mark.timeout(120)

UNITS = [
    {"id": "PAV", "kind": "region", "region": "PAV", "name_ru": "Павлодарская область",
     "name_kk": "Павлодар облысы", "name_en": "Pavlodar Region"},
    {"id": "PAV-D01", "kind": "district", "region": "PAV", "name_ru": "Аксу",
     "name_kk": "Ақсу", "name_en": "Aksu"},
    {"id": "PAV-D02", "kind": "district", "region": "PAV", "name_ru": "Экибастуз",
     "name_kk": "Екібастұз", "name_en": "Ekibastuz"},
    {"id": "KAR-D01", "kind": "district", "region": "KAR", "name_ru": "Темиртау",
     "name_kk": "Теміртау", "name_en": "Temirtau"},
]


def report_data(total: int = 100, hours: float = 500, events: int = 10) -> dict:
    f = total * 6 // 10
    return {
        "volunteers_total": total, "gender": {"F": f, "M": total - f},
        "age": {"U14": 0, "A14_17": total // 5, "A18_28": total // 2,
                "A29_35": total - total // 5 - total // 2 - 10, "A36_50": 5, "A51_60": 3,
                "O60": 2},
        "occupation": {"SCHOOL": total // 5, "STUDENT": total // 2,
                       "EMPLOYED": total - total // 5 - total // 2, "UNEMPLOYED": 0,
                       "PENSIONER": 0, "OTHER": 0},
        "registered_orgs_count": 5, "initiative_groups_count": 15, "events_total": events,
        "events_by_direction": {"MED": events // 2, "ECO": events - events // 2},
        "events_by_format": {"OFFLINE": events},
        "volunteer_hours": hours, "volunteer_positions": total * 2,
        "rfo_support_provided": "YES", "rfo_support_types": ["INFO"],
    }


def add_report(store, unit: str, period: str, status: str = "submitted", **kw) -> dict:
    rec = store.save_record({"id": str(uuid.uuid4()), "form": "monthly_report",
                             "form_version": 1, "org_unit": unit, "period": period,
                             "status": "draft", "data": report_data(**kw)}, user="district1")
    if status == "draft":
        return rec
    rec, _findings = store.submit_record(rec["id"], user="district1", justification="ok")
    if status in ("approved", "returned"):
        rec = store.set_review(rec["id"], status, user="region1", comment="see column 3")
    return rec


def month_shift(months: int) -> str:
    today = dt.date.today()
    n = today.year * 12 + today.month - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


@pytest.fixture
def store(tmp_path):
    from store import open_store
    s = open_store(tmp_path / "esep.sqlite3")
    s.upsert_org_units(UNITS)
    yield s
    s.close()


def make_ctx(store, role="region", lang="en", district=None):
    settings: dict = {}
    user = {"username": f"{role}1", "role": role, "region": "PAV", "district": district}
    return AppContext(store=store, user=user, lang=lang,
                      settings_get=lambda k, d=None: settings.get(k, d),
                      settings_set=settings.__setitem__)


@pytest.fixture
def ctx(store):
    c = make_ctx(store)
    yield c
    c.tasks.cancel_all()
    c.tasks.wait_all(10000)


# ---------------------------------------------------------------- review page

def test_completeness_grid_shows_each_status_with_colour(qtbot, qtmodeltester, store, ctx):
    from desktop.review_page import ReviewPage
    now, old = month_shift(0), month_shift(-4)
    add_report(store, "PAV-D01", now)                       # submitted, on time
    add_report(store, "PAV-D01", old)                       # submitted after the due date
    add_report(store, "PAV-D02", now, status="approved")
    add_report(store, "PAV-D02", old, status="returned")
    add_report(store, "PAV", now, status="draft")
    add_report(store, "KAR-D01", now)                       # another region: not in scope
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(int(now[:4]))
    model = page.grid_model
    qtmodeltester.check(model)
    units = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert units == ["Pavlodar Region", "Aksu", "Ekibastuz"]

    def cell(row, period):
        idx = model.index(row, int(period[5:]) - 1)
        status = idx.data(USER_ROLE)["status"]
        assert idx.data() == STATUS_SYMBOLS[status]
        tip = idx.data(Qt.ItemDataRole.ToolTipRole)
        return status, tip.rsplit(" · ", 1)[1] if status != "not_due" else "", \
            idx.data(Qt.ItemDataRole.BackgroundRole)
    if old[:4] == now[:4]:
        assert cell(1, old)[:2] == ("late", "late")
        assert cell(2, old)[0] == "returned"
        first = f"{now[:4]}-01"
        if first not in (old, now):
            assert cell(1, first)[:2] == ("missing", "missing")
    assert cell(1, now)[:2] == ("submitted", "submitted")
    assert cell(2, now)[0] == "approved"
    assert cell(0, now)[0] == "draft"
    assert cell(1, now)[2].color().name() != cell(2, now)[2].color().name()
    if now[5:] != "12":
        assert cell(1, month_shift(1))[:2] == ("not_due", "")


def test_approve_and_return_need_the_right_input(qtbot, store, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.review_page import ReviewPage
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[1]))
    now = month_shift(0)
    first = add_report(store, "PAV-D01", now)
    second = add_report(store, "PAV-D02", now)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    changed = []
    ctx.signals.sig_records_changed.connect(changed.append)
    page.select_cell("PAV-D01", now)
    assert page.approve_button.isEnabled() and page.return_button.isEnabled()
    page.show()
    page.return_button.setFocus()
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)   # no comment yet
    assert warned and store.get_record(first["id"])["status"] == "submitted"
    assert page.focusWidget() is page.comment  # the keyboard goes on where to type it
    page.comment.setPlainText("Age groups do not match the school lists")
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    rec = store.get_record(first["id"])
    assert rec["status"] == "returned"
    assert rec["review_comment"] == "Age groups do not match the school lists"
    assert changed == ["monthly_report"]
    assert [u["id"] for u in page.units] == ["PAV-D01", "PAV-D02"]   # no region-level report
    assert page.grid_model.index(0, int(now[5:]) - 1).data(USER_ROLE)["status"] == "returned"
    assert not page.approve_button.isEnabled()                           # returned now
    page.select_cell("PAV-D02", now)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert store.get_record(second["id"])["status"] == "approved"


def test_district_cannot_review_but_sees_the_correction_diff(qtbot, qtmodeltester, store):
    from desktop.review_page import CorrectionDialog, ReviewPage
    now = month_shift(0)
    rec = add_report(store, "PAV-D01", now)
    region = make_ctx(store)
    page = ReviewPage(region)
    qtbot.addWidget(page)
    page.select_cell("PAV-D01", now)
    dialog = CorrectionDialog(rec, page._form(rec), "en", page)
    qtbot.addWidget(dialog)
    dialog.field.setCurrentIndex(dialog.paths.index(("volunteer_hours",)))
    dialog.value.setText("650")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()                          # the reason is still missing
    dialog.reason.setText("hours of the 8 March event were left out")
    assert ok.isEnabled()
    assert page.apply_correction(*dialog.result_change())
    assert store.get_record(rec["id"])["data"]["volunteer_hours"] == 650

    district = make_ctx(store, role="district", district="PAV-D01")
    mine = ReviewPage(district)
    qtbot.addWidget(mine)
    assert mine.grid_model.rowCount() == 1
    mine.select_cell("PAV-D01", now)
    assert not mine.approve_button.isEnabled() and not mine.correct_button.isEnabled()
    qtmodeltester.check(mine.diff_model)
    rows = [mine.diff_model.row_dict(i) for i in range(mine.diff_model.rowCount())]
    assert any(r["old"] == "500" and r["new"] == "650" and
               r["reason"] == "hours of the 8 March event were left out" and
               r["editor"] == "region1" for r in rows), rows


# ---------------------------------------------------------------- dashboard

def test_a_district_dashboard_shows_no_rounded_minimum_estimate(qtbot, store):
    """450 hours of one district are 777,600 ₸ at 1,728 ₸/h, never «1 728 000 000 ₸»: the
    rounding up to a million is the national report's method for national and regional
    totals only."""
    from desktop.dashboard_page import DashboardPage
    add_report(store, "PAV-D01", "2023-05", hours=450)
    s = store
    page = DashboardPage(make_ctx(s, role="district", district="PAV-D01"))
    qtbot.addWidget(page)
    page.year.setValue(2023)
    page.refresh()
    assert page.headline_labels["contribution"][1].text() == "777 600"
    label, value = page.headline_labels["contribution_min"]
    assert page.figures["contribution_min"] is None
    assert label.isHidden() and value.isHidden()
    region = DashboardPage(make_ctx(s, role="region"))
    qtbot.addWidget(region)
    region.year.setValue(2023)
    region.refresh()
    assert region.figures["contribution_min"] == 1_728_000_000
    assert not region.headline_labels["contribution_min"][1].isHidden()


def test_dashboard_reproduces_the_seed_headline_with_stock_and_flow(qtbot, qtmodeltester,
                                                                    tmp_path):
    from desktop.dashboard_page import DashboardPage
    from reports.synthetic import synthetic_year
    from store import open_store
    records, units = synthetic_year(2023)
    s = open_store(tmp_path / "year.sqlite3")
    s.upsert_org_units([{k: u[k] for k in ("id", "kind", "region", "name_ru")} for u in units])
    s.import_records(records, user="demo")
    ctx = make_ctx(s, role="central")
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2023)
    shown = {k: v.text() for k, (_l, v) in page.headline_labels.items()}
    assert shown["volunteers_total"] == "217 391"           # stock: latest per org unit
    assert shown["volunteer_hours"] == "1 161 613"          # flow: summed over months
    assert shown["volunteer_positions"] == "64 799"
    assert shown["registered_orgs_count"] == "609"
    assert shown["initiative_groups_count"] == "1 882"
    assert (shown["dev_events_count"], shown["dev_participants"], shown["dev_hours"]) == \
        ("127", "5 180", "463")
    assert shown["contribution"] == "2 007 267 264"         # 1,161,613 h × 1,728 ₸
    assert shown["contribution_min"] == "3 456 000 000"     # the seed: 2 M h × 1,728 ₸
    assert page.region.isVisible() or not page.isVisible()
    page.region.setCurrentIndex(page.region.findData("SHY"))  # a city: one org unit
    assert page.timeliness.rowCount() == 2 and page.timeliness.row_dict(0)["expected"] == 12
    assert page.figures["volunteers_total"] < 217_391
    # a regional total: the report's "not less than" method applies, and says so
    assert page.figures["contribution_min"] >= page.figures["contribution"]
    assert "million" in page.headline_labels["contribution_min"][0].text()
    assert "regional totals only" in page.headline_labels["contribution_min"][0].toolTip()
    page.region.setCurrentIndex(0)
    assert page.charts_grid.count() == 7
    qtmodeltester.check(page.timeliness)
    # expected: every district, and a region only when it reports at region level
    assert page.timeliness.rowCount() == 1 + len([u for u in units if u["reports"]]) < len(units)
    row = page.timeliness.row_dict(0)                       # the total row first
    assert row["expected"] >= row["received"] >= row["on_time"] and row["expected"] > 0
    page.rate.setValue(2000)                                # the rate table's default
    assert page.headline_labels["contribution"][1].text() == "2 323 226 000"
    page.month_to.setCurrentIndex(5)                        # Jan..Jun: smaller flows
    assert page.figures["volunteer_hours"] < 1_161_613
    s.close()


def test_dashboard_leaves_drafts_out_unless_asked(qtbot, store):
    from desktop.dashboard_page import DashboardPage
    now = month_shift(0)
    add_report(store, "PAV-D01", now, total=100, hours=40)
    add_report(store, "PAV-D02", now, status="draft", total=50, hours=10)
    page = DashboardPage(make_ctx(store))
    qtbot.addWidget(page)
    page.year.setValue(int(now[:4]))
    assert page.figures["volunteers_total"] == 100 and page.figures["volunteer_hours"] == 40
    page.include_drafts.setChecked(True)
    assert page.figures["volunteers_total"] == 150 and page.figures["volunteer_hours"] == 50


# ---------------------------------------------------------------- quality

def test_quality_page_lists_filters_and_opens_findings(qtbot, qtmodeltester, store, ctx):
    from desktop.quality_page import QualityPage
    now = month_shift(0)
    good = add_report(store, "PAV-D01", now, status="draft")
    bad = report_data()
    bad["gender"] = {"F": 10, "M": 10}                      # VR-03: 20 ≠ 100
    bad["rfo_support_types"] = []                           # VR-07: support given, no type
    wrong = store.save_record({"form": "monthly_report", "form_version": 1,
                               "org_unit": "PAV-D02", "period": now, "data": bad},
                              user="district1")
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    qtmodeltester.check(page.model)
    rows = [page.model.row_dict(i) for i in range(page.model.rowCount())]
    rules = {r["rule"] for r in rows if r["record_id"] == wrong["id"]}
    assert {"VR-03", "VR-07"} <= rules, rows
    assert all(r["record_id"] != good["id"] or r["severity"] != "error" for r in rows)
    assert all(r["message"] for r in rows)
    page.rule.setCurrentIndex(page.rule.findData("VR-07"))
    assert page.proxy.rowCount() >= 1
    assert all(page.proxy.index(i, 0).data(USER_ROLE)["rule"] == "VR-07"
               for i in range(page.proxy.rowCount()))
    page.severity.setCurrentIndex(page.severity.findData("info"))
    assert page.proxy.rowCount() == 0 and "0" in page.summary.text()
    page.severity.setCurrentIndex(0)
    page.org_unit.setCurrentIndex(page.org_unit.findData("PAV-D02"))
    opened = []
    ctx.signals.sig_open_record.connect(opened.append)
    page.open_index(page.proxy.index(0, 0))
    assert opened == [wrong["id"]]


def test_hidden_dashboard_refreshes_when_shown_again(qtbot, store):
    from desktop.dashboard_page import DashboardPage
    now = month_shift(0)
    ctx = make_ctx(store)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(int(now[:4]))
    assert page.figures["reports"] == 0
    add_report(store, "PAV-D01", now, total=70)
    ctx.signals.sig_records_changed.emit("monthly_report")
    assert page.figures["reports"] == 0                     # hidden: nothing recomputed yet
    page.show()
    qtbot.waitExposed(page)
    assert page.figures["reports"] == 1 and page.figures["volunteers_total"] == 70
    add_report(store, "PAV-D02", now, total=40)
    ctx.signals.sig_records_changed.emit("monthly_report")   # visible: at once
    assert page.figures["volunteers_total"] == 110


def test_a_refused_review_is_said_in_the_users_language(qtbot, store, monkeypatch):
    """The report was approved meanwhile (another window, a sync): approving it again is
    refused; the box said the store's English «record …: cannot …» to a Kazakh coordinator."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import install_translators
    from desktop.review_page import ReviewPage
    install_translators("kk")
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    ctx = make_ctx(store, lang="kk")
    now = month_shift(0)
    rec = add_report(store, "PAV-D01", now)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.select_cell("PAV-D01", now)
    store.set_review(rec["id"], "approved", user="region2", comment=None)
    assert not page.review("approved")
    [text] = said
    assert not text.startswith("record ")
    assert any("\u0400" <= ch <= "\u04ff" for ch in text.split(" (")[0]), text


def test_the_correction_dialog_fits_a_1024_px_screen(qtbot, store):
    """Its field drop-down took the width of its longest Kazakh label («Волонтерлік
    бағыттар бойынша іс-шаралар саны › Нашақорлықтың және …», ~1400 px): the dialog
    outgrew the screen and OK and Cancel were off its right edge."""
    from desktop.i18n import install_translators
    from desktop.review_page import CorrectionDialog
    from forms import load_form
    install_translators("kk")
    rec = store.save_record({"id": str(uuid.uuid4()), "form": "monthly_report",
                             "form_version": 1, "org_unit": "PAV-D01",
                             "period": month_shift(0), "status": "draft",
                             "data": dict(report_data(), events_by_direction={
                                 "MED": 4, "ADDICT": 6})}, user="district1")
    dialog = CorrectionDialog(rec, load_form("monthly_report"), "kk")
    qtbot.addWidget(dialog)
    wide = dialog.field.fontMetrics().horizontalAdvance
    longest = max((dialog.field.itemText(i) for i in range(dialog.field.count())), key=wide)
    assert "Нашақорлық" in longest and wide(longest) > 1024      # the labels are that long
    assert dialog.sizeHint().width() <= 1024 - 2 * 24
    assert dialog.minimumSizeHint().width() <= 1024 - 2 * 24
    index = dialog.field.findText(longest)
    assert dialog.field.itemData(index, Qt.ItemDataRole.ToolTipRole) == longest


def test_an_approval_its_warnings_block_says_why_and_what_to_do(qtbot, store, monkeypatch):
    """The neighbouring months arrived after the report was submitted: approving it meets
    warnings nobody explained. The box said «Отчёт не подан: …» (it was an approval) and
    «VR-02 (warning)» once per figure, thirty times, in English."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import install_translators
    from desktop.review_page import ReviewPage
    install_translators("ru")
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))

    def submitted(period: str, total: int, why: str | None) -> dict:
        rec = store.save_record({"id": str(uuid.uuid4()), "form": "monthly_report",
                                 "form_version": 1, "org_unit": "PAV-D01", "period": period,
                                 "status": "draft", "data": report_data(total=total)},
                                user="district1")
        return store.submit_record(rec["id"], user="district1", justification=why)[0]
    rec = submitted(month_shift(-2), 100, None)
    submitted(month_shift(-3), 5000, "ремонт школы")
    submitted(month_shift(-1), 5000, "ремонт школы")
    ctx = make_ctx(store, lang="ru")
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.select_cell("PAV-D01", month_shift(-2))
    assert not page.review("approved")
    [text] = said
    assert text.startswith("Отчёт пока нельзя принять:") and "не подан" not in text
    assert "VR-02 (warning)" not in text and "Верните его району" in text
    assert len(text.splitlines()) <= 6, text
    assert store.get_record(rec["id"])["status"] == "submitted"
