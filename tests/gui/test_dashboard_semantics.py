"""The real dashboard shows a headline field that only a copy of the definitions declares
(tests/test_form_semantics.py adds it): its name from the definition, its stock figure."""
from __future__ import annotations

import uuid

import pytest

from desktop.demo_data import DEMO_UNITS, monthly_data
from forms import reload_forms
from tests.test_form_semantics import add_mentors

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def site(tmp_path, monkeypatch):
    add_mentors(tmp_path)
    monkeypatch.setenv("ESEP_APP_ROOT", str(tmp_path))
    reload_forms()
    yield tmp_path
    monkeypatch.delenv("ESEP_APP_ROOT")
    reload_forms()


@pytest.mark.parametrize(("lang", "name"), [("ru", "Наставники"), ("en", "Mentors")])
def test_dashboard_shows_the_new_headline_field(qtbot, site, core_ctx, lang, name):
    from desktop.dashboard_page import DashboardPage
    store = core_ctx.store
    store.upsert_org_units(DEMO_UNITS)
    for unit, period, mentors in (("SHY-ABAY", "2024-01", 5), ("SHY-ABAY", "2024-02", 7),
                                  ("SHY-ALFARABI", "2024-01", 3)):
        store.save_record({"id": str(uuid.uuid4()), "form": "monthly_report", "org_unit": unit,
                           "period": period, "status": "draft",
                           "data": dict(monthly_data(100), mentors_total=mentors)},
                          user="aigerim")
    core_ctx.user = dict(core_ctx.user, role="region")
    core_ctx.lang = lang
    page = DashboardPage(core_ctx)
    qtbot.addWidget(page)
    page.include_drafts.setChecked(True)
    label, value = page.headline_labels["mentors_total"]
    assert label.text() == name
    assert value.text() == "10"                     # 7 (latest of SHY-ABAY) + 3
    assert page.figures["events_total"] == 3 * 9    # a flow: every report
