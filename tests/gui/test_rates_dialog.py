"""The hourly-rate editor: a per-region table for one year opened from the dashboard; Save
writes the store's rate table and the dashboard's economic contribution follows; invalid
rates are refused with a message and nothing is saved. Real SQLite store, real widgets."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reports.economics import KV_KEY, RateError, RateTable, update_rates
from tests.gui.test_review_pages import (
    add_report,
    make_ctx,
    store,  # noqa: F401 - the same store fixture
)

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def page(qtbot, store):
    from desktop.dashboard_page import DashboardPage
    add_report(store, "PAV-D01", "2024-03", hours=500)
    add_report(store, "KAR-D01", "2024-03", hours=100)
    page = DashboardPage(make_ctx(store, role="central", lang="ru"))
    qtbot.addWidget(page)
    page.year.setValue(2024)
    return page


def open_dialog(page):
    from desktop.rates_dialog import RatesDialog
    page.rates_button.click()
    dialog = page.findChild(RatesDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def row_of(model, code: str) -> int:
    return [c for c, _label in model.regions].index(code)


def edit(dialog, code: str, text: str) -> bool:
    model = dialog.model
    return model.setData(model.index(row_of(model, code), 1), text, Qt.ItemDataRole.EditRole)


def press(dialog, which) -> None:
    dialog.buttons.button(which).click()


def test_edit_a_region_rate_save_and_the_dashboard_follows(qtbot, qtmodeltester, page,
                                                          store):
    assert page.figures["contribution"] == 600 * 1728
    dialog = open_dialog(page)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 20                                   # every region
    pav = row_of(model, "PAV")
    assert model.index(pav, 0).data() == "Павлодарская область"     # label in the language
    assert model.index(pav, 1).data() == "" and model.index(pav, 2).data() == "1 728"
    assert model.flags(model.index(pav, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(pav, 0)) & Qt.ItemFlag.ItemIsEditable
    assert edit(dialog, "PAV", "2 000")
    assert model.index(pav, 1).data() == "2 000" and model.index(pav, 2).data() == "2 000"
    assert store.get_setting(KV_KEY) is None                        # not before Save
    qtmodeltester.check(model)
    press(dialog, QDialogButtonBox.StandardButton.Save)
    table = RateTable.load(store)
    assert table.rate("PAV", 2024) == 2000 and table.rate("KAR", 2024) == 1728
    assert table.rate("PAV", 2023) == 1728                          # only the chosen year
    assert page.figures["contribution"] == 500 * 2000 + 100 * 1728
    assert page.headline_labels["contribution"][1].text() == "1 172 800"


def test_decimal_rate_clearing_and_another_year(qtbot, page, store):
    update_rates(store, {("KAR", 2024): 1500})
    page.refresh()
    assert page.figures["contribution"] == 500 * 1728 + 100 * 1500
    dialog = open_dialog(page)
    kar = row_of(dialog.model, "KAR")
    assert dialog.model.index(kar, 1).data(Qt.ItemDataRole.EditRole) == "1500"
    assert edit(dialog, "KAR", "")                                  # back to the default
    assert edit(dialog, "PAV", "1900,5")                            # decimal comma
    dialog.year.setValue(2025)
    assert dialog.model.index(row_of(dialog.model, "PAV"), 1).data() == ""
    assert edit(dialog, "PAV", "2100")
    press(dialog, QDialogButtonBox.StandardButton.Save)
    table = RateTable.load(store)
    assert ("KAR", 2024) not in table.rates
    assert table.rate("PAV", 2024) == 1900.5 and table.rate("PAV", 2025) == 2100
    assert page.figures["contribution"] == 500 * 1900.5 + 100 * 1728


@pytest.mark.parametrize("bad", ["0", "-5", "abc", "1e999", "12 x"])
def test_invalid_rate_is_refused_with_a_message_and_nothing_saved(qtbot, page, store, bad):
    dialog = open_dialog(page)
    assert not edit(dialog, "PAV", bad)
    assert not dialog.error.isHidden()
    assert "Павлодарская область" in dialog.error.text() and bad in dialog.error.text()
    assert dialog.model.edits == {}
    assert dialog.model.index(row_of(dialog.model, "PAV"), 1).data() == ""
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert store.get_setting(KV_KEY) is None
    assert page.figures["contribution"] == 600 * 1728


def test_cancel_discards_the_edits(qtbot, page, store):
    dialog = open_dialog(page)
    assert edit(dialog, "PAV", "5000")
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert store.get_setting(KV_KEY) is None
    assert page.figures["contribution"] == 600 * 1728
    assert RateTable.load(store).rate("PAV", 2024) == 1728


def test_update_rates_checks_every_rate_before_saving(store):
    update_rates(store, {("PAV", 2024): 1800})
    with pytest.raises(RateError, match="KAR 2024"):
        update_rates(store, {("PAV", 2024): 1900, ("KAR", 2024): -1})
    assert RateTable.load(store).rates == {("PAV", 2024): 1800}


def test_dialog_strings_are_translated(qtbot, page):
    from desktop.i18n import install_translators
    install_translators("ru")                                      # removed by conftest
    page.retranslate()
    dialog = open_dialog(page)
    assert dialog.windowTitle() == "Стоимость часа по регионам"
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Своя ставка, ₸/ч"
    assert page.rates_button.text() == "Ставки…"


def centre_table(store, rows, version=4, updated_at="2026-11-20T08:30:00Z") -> None:
    """Store a table as the sync engine does after GET /api/v1/rates (sync.rates)."""
    from sync.rates import save_table
    save_table(store, {"version": version, "default": 1728, "rates": rows,
                       "updated_at": updated_at})


def test_synced_table_is_read_only_and_says_who_sets_it(qtbot, page, store):
    centre_table(store, [{"region": "PAV", "year": 2024, "rate": 2500}])
    page.refresh()
    assert page.figures["contribution"] == 500 * 2500 + 100 * 1728
    dialog = open_dialog(page)
    model = dialog.model
    pav = row_of(model, "PAV")
    assert model.index(pav, 1).data() == "2 500" and model.index(pav, 2).data() == "2 500"
    assert not model.flags(model.index(pav, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not edit(dialog, "PAV", "100") and model.edits == {}
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert "set by the centre" in dialog.intro.text() and "2026-11-20" in dialog.intro.text()
    dialog.year.setValue(2023)                                      # other years viewable
    assert model.index(pav, 1).data() == "" and model.index(pav, 2).data() == "1 728"
    press(dialog, QDialogButtonBox.StandardButton.Close)
    assert not dialog.isVisible()
    assert RateTable.load(store).rates == {("PAV", 2024): 2500}    # nothing written


def test_synced_notice_is_translated(qtbot, page, store):
    from desktop.i18n import install_translators
    centre_table(store, [], updated_at=None)
    install_translators("kk")                                      # removed by conftest
    page.retranslate()
    dialog = open_dialog(page)
    text = dialog.intro.text()
    assert "орталық белгілейді" in text and "1 728" in text and "%" not in text
    install_translators("ru")
    dialog.retranslate()
    assert "Ставки устанавливает центр" in dialog.intro.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Закрыть"


def test_without_a_server_the_dialog_stays_editable(qtbot, page, store):
    dialog = open_dialog(page)
    assert not dialog.synced and not dialog.model.read_only
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is not None
    assert "set by the centre" not in dialog.intro.text()
