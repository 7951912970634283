"""Issue 13 point 7: at 1024×700 the monthly form does not scroll sideways (the age grid is
not cut) and the record list needs no sideways scrolling for its summary column, in ru, kk
and en; at 1600×1000 the last-month hints stand right beside their inputs."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit

from desktop.demo_data import monthly_data
from desktop.i18n import install_translators

pytestmark = pytest.mark.timeout(120)
MAX_HINT_GAP = 40  # px between an input's right edge and its hint


def window_at(qtbot, ctx, lang: str, size: tuple[int, int]):
    from desktop.main_window import MainWindow
    install_translators(lang)
    ctx.lang = lang
    for period in ("2024-04", "2025-01", "2025-02", "2025-03"):  # April's hints say both
        month = int(period[-1])
        ctx.store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                               "period": period,
                               "data": _figures(month)},
                              user="aigerim", role="district")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "monthly_report" in window.pages, timeout=5000)
    assert (window.width(), window.height()) == size
    return window, window.pages["monthly_report"]


def _figures(month: int) -> dict:
    """A district's month as the demo's: every age band filled, four-digit figures (the
    longest hints a breakdown's categories get)."""
    data = monthly_data(100 + month, complete=True)
    data["age"] = dict(zip(("U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"),
                           (1610 + month, 8840, 15280, 6430, 4420, 2410, 1210), strict=True))
    return data


def settle(qtbot) -> None:
    qtbot.wait(50)


@pytest.mark.parametrize("size", [(1024, 700), (1200, 760)])
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_at_1024x700_neither_the_form_nor_the_list_scrolls_sideways(qtbot, core_ctx, lang,
                                                                     size):
    """Also at 1200 × 760, where the breakdowns' grids have room for their categories' own
    last-month hints only when those wrap."""
    _window, page = window_at(qtbot, core_ctx, lang, size)
    settle(qtbot)
    bar = page.table.horizontalScrollBar()
    assert page.model.rowCount() == 4
    assert bar.maximum() == 0 and not bar.isVisible(), "the record list scrolls sideways"
    summary = page.table.columnWidth(3)
    assert summary >= 150, f"the summary column is squeezed to {summary} px"
    editor = page.show_editor(None)
    editor.period_edit.selectAll()
    qtbot.keyClicks(editor.period_edit, "2025-04")      # typed: the hints follow
    settle(qtbot)
    assert editor.inputs["age"].hints["A51_60"].isVisible()
    scroll = editor.scroll
    assert scroll.horizontalScrollBar().maximum() == 0, (
        f"{lang}: the form needs {scroll.widget().minimumSizeHint().width()} px, "
        f"{scroll.viewport().width()} px shown")
    assert not scroll.horizontalScrollBar().isVisible()
    ages = editor.inputs["age"]                         # the grid that was cut
    right = max(e.mapTo(scroll.viewport(), QPoint(e.width(), 0)).x()
                for e in ages.edits.values())
    assert right <= scroll.viewport().width(), "the age grid is cut on the right"
    assert min(e.width() for e in ages.edits.values()) >= 60   # inputs not squeezed
    assert editor.inputs["volunteers_total"].width() >= 100


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_at_full_size_last_month_hints_stand_beside_their_inputs(qtbot, core_ctx, lang):
    window, page = window_at(qtbot, core_ctx, lang, (1600, 1000))
    editor = page.show_editor(None)
    editor.period_edit.selectAll()
    qtbot.keyClicks(editor.period_edit, "2025-04")               # typed: the hints follow
    settle(qtbot)
    hints = editor.history._labels
    assert len(hints) >= 5
    for field_id, hint in hints.items():
        widget = editor.inputs[field_id]
        edits = [w for w in widget.findChildren(QLineEdit) if w.isVisible()] or \
            [widget.focus_widget()]
        right = max(w.mapTo(window, QPoint(w.width(), 0)).x() for w in edits)
        left = hint.mapTo(window, QPoint(0, 0)).x()
        assert 0 <= left - right <= MAX_HINT_GAP, (lang, field_id, right, left)
    assert "103" in hints["volunteers_total"].text()          # March's figure, beside April


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_at_1024x700_the_list_filters_and_actions_show_their_texts_whole(qtbot, core_ctx, lang):
    """Seen under Xvfb: in Kazakh, «Барлық бөлімшелер» and «ЖЖЖЖ-АА» were cut when the
    filters and the buttons shared one row; the nav list left a blank strip beside it."""
    window, page = window_at(qtbot, core_ctx, lang, (1024, 700))
    settle(qtbot)
    for combo in (page.org_filter, page.status_filter):
        assert combo.width() >= combo.sizeHint().width(), (lang, combo.currentText(),
                                                           combo.width())
    period = page.period
    assert period.width() >= period.fontMetrics().horizontalAdvance(
        period.placeholderText()) + 12, (lang, period.placeholderText(), period.width())
    for button in (page.new_button, page.open_button, page.export_button):
        assert button.width() >= button.sizeHint().width(), (lang, button.text())
        right = button.mapTo(window, QPoint(button.width(), 0)).x()
        assert right <= window.width(), (lang, button.text(), right)
    nav_right = window.nav.mapTo(window, QPoint(window.nav.width(), 0)).x()
    page_left = page.mapTo(window, QPoint(0, 0)).x()
    assert page_left - nav_right <= 12, f"a {page_left - nav_right} px strip beside the list"
