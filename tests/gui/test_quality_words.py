"""The data-quality table's findings say their months and days in words, not only its Period
column: «совпадает с отчётом за сентябрь 2024», not «за 2024-09»."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(120)


def shown_messages(qtbot, ctx) -> list[str]:
    from desktop.quality_page import QualityPage
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None and page.model.rowCount() > 0, timeout=20000)
    heads = [page.proxy.headerData(c, Qt.Orientation.Horizontal)
             for c in range(page.proxy.columnCount())]
    col = heads.index(page.tr("Finding"))           # the finding's text: the first column
    return [page.proxy.index(r, col).data() for r in range(page.proxy.rowCount())]


@pytest.mark.parametrize(("lang", "said"), [("ru", "за сентябрь 2024"),
                                             ("kk", "2024 ж. қыркүйек")])
def test_a_copied_month_is_named_in_words(qtbot, core_ctx, lang, said):
    from desktop.i18n import switch_language
    from tests.wide_kit import FULL
    switch_language(core_ctx, lang)
    for period in ("2024-09", "2024-10"):         # October typed as September's copy
        core_ctx.store.save_record({"form": "monthly_report", "form_version": 1,
                                    "org_unit": "SHY-ABAY", "period": period,
                                    "data": dict(FULL)}, user="aigerim")
    texts = shown_messages(qtbot, core_ctx)
    copied = [t for t in texts if said in t]
    assert copied, texts
    assert not any("2024-09" in t or "2024-10" in t for t in texts), texts


def test_dates_in_words_leaves_ids_and_figures_alone(qapp):
    from desktop.dates_text import dates_in_words
    said = dates_in_words("за 4 мес. (2023-11, 2024-09 – 2024-11) внесены (2026-12-06); "
                          "запись 8c1d6b8e-2024-11ab, 1 234", "ru")
    assert said == ("за 4 мес. (ноябрь 2023, сентябрь 2024 – ноябрь 2024) внесены "
                    "(6 декабря 2026); запись 8c1d6b8e-2024-11ab, 1 234")


def test_the_english_summary_counts_without_wrong_plurals(qtbot, core_ctx):
    """«1 warnings» was the English summary of a single warning."""
    from desktop.i18n import switch_language
    from tests.wide_kit import FULL
    switch_language(core_ctx, "en")
    for period in ("2024-09", "2024-10"):
        core_ctx.store.save_record({"form": "monthly_report", "form_version": 1,
                                    "org_unit": "SHY-ABAY", "period": period,
                                    "data": dict(FULL)}, user="aigerim")
    from desktop.quality_page import QualityPage
    page = QualityPage(core_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None and page.model.rowCount() > 0, timeout=20000)
    text = page.summary.text()
    assert text.startswith("Findings: ") and "warnings: 1" in text, text
    assert "1 warnings" not in text and "1 errors" not in text, text
