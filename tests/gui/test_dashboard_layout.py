"""The dashboard opens on the latest year with reports and fits 1280×800 in every language."""
from __future__ import annotations

import pytest

from desktop.demo_data import seed_demo

pytestmark = pytest.mark.timeout(120)


def test_dashboard_defaults_to_latest_year_with_reports(qtbot, core_ctx):
    from desktop.dashboard_page import DashboardPage, latest_year
    seed_demo(core_ctx.store, months=14, submitted=12)  # 2024 submitted, 2025 drafts
    core_ctx.user = dict(core_ctx.user, role="region")
    page = DashboardPage(core_ctx)
    qtbot.addWidget(page)
    assert page.year.value() == 2024
    assert page.headline_labels["volunteers_total"][1].text() == str(580 + 4 * 11)
    assert page.figures["reports"] == 12
    assert latest_year(core_ctx.store, []) >= 2026  # nothing in scope: this year


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_dashboard_has_no_horizontal_overflow(qtbot, core_ctx, lang):
    from desktop.dashboard_page import DashboardPage
    from desktop.i18n import install_translators
    install_translators(lang)
    core_ctx.lang = lang
    seed_demo(core_ctx.store, months=12, submitted=12)
    page = DashboardPage(core_ctx)
    qtbot.addWidget(page)
    page.resize(1060, 780)  # 1280×800 minus the navigation list and the status bar
    page.show()
    qtbot.waitExposed(page)
    body = page.headline_box.parentWidget()
    viewport = body.parentWidget()
    assert body.minimumSizeHint().width() <= viewport.width(), \
        (body.minimumSizeHint().width(), viewport.width())
    for name, _value in page.headline_labels.values():
        assert name.wordWrap() and name.width() <= page.headline_box.width()
