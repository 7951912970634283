"""Reports → Annual report…: the button on the reports page opens the dialog; Write builds the
report from the store in a background task (progress, then the file); Cancel stops it and
no file is written; a region user gets only their region. Real store, real widgets."""
from __future__ import annotations

import pytest
from docx import Document

from reports.synthetic_visits import synthetic_national
from tests.gui.test_review_pages import make_ctx

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def demo_store(tmp_path):
    from store import open_store
    records, units = synthetic_national(2023, events=1_500)
    s = open_store(tmp_path / "esep.sqlite3")
    s.upsert_org_units([{k: u[k] for k in ("id", "kind", "region", "name_ru")} for u in units])
    s.import_records(records, user="demo")
    yield s
    s.close()


@pytest.fixture
def dialog(qtbot, demo_store):
    from desktop.annual_dialog import AnnualReportDialog
    from desktop.dashboard_page import DashboardPage
    from desktop.i18n import install_translators
    install_translators("ru")
    ctx = make_ctx(demo_store, role="central", lang="ru")
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    buttons = [b for b in page.findChildren(type(page.rates_button))
               if b.text() == "Годовой отчёт…"]
    assert len(buttons) == 1
    buttons[0].click()
    dlg = page.findChild(AnnualReportDialog)
    assert dlg is not None and dlg.isVisible()
    yield dlg
    ctx.tasks.cancel_all()
    ctx.tasks.wait_all(30000)


def test_write_from_the_dialog(qtbot, dialog, tmp_path):
    out = tmp_path / "annual.docx"
    dialog.year.setValue(2023)
    dialog.lang.setCurrentIndex(1)                 # kk
    dialog.path.setText(str(out))
    assert dialog.region.currentText() == "Вся страна"
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.write_button.click()
    assert not dialog.write_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=120_000)
    assert dialog.status.text() == f"Готово: {out}"
    assert max(seen) >= 7 and dialog.write_button.isEnabled()
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "Еріктілік сандармен — 2023"
    assert doc.tables[0].rows[1].cells[3].text == "217\u202f391"


def test_cancel_writes_nothing(qtbot, dialog, tmp_path):
    out = tmp_path / "annual.xlsx"
    dialog.year.setValue(2023)
    dialog.path.setText(str(out))
    dialog.write_button.click()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=120_000)
    assert dialog.status.text() == "Отменено: файл не записан."
    assert not out.exists()


def test_bad_suffix_and_region_user(qtbot, demo_store):
    from desktop.annual_dialog import AnnualReportDialog
    dlg = AnnualReportDialog(make_ctx(demo_store, role="region", lang="en"))
    qtbot.addWidget(dlg)
    assert [dlg.region.itemData(i) for i in range(dlg.region.count())] == ["PAV"]
    dlg.path.setText("report.txt")
    dlg.write_button.click()
    assert dlg.handle is None and ".docx, .xlsx or .pdf" in dlg.status.text()


def test_a_said_status_grows_the_dialog_but_never_narrows_it(qtbot, demo_store):
    """Kazakh at 1024x700: «Choose a file ending in .docx…» made the dialog shrink to its
    size hint, the path's placeholder cut and the text wrapped into two-word lines."""
    from desktop.annual_dialog import AnnualReportDialog
    dlg = AnnualReportDialog(make_ctx(demo_store, role="region", lang="kk"))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    width = dlg.width()
    dlg.path.setText("есеп.txt")
    dlg.write_button.click()
    assert dlg.width() >= width
    status = dlg.status
    assert status.height() >= status.heightForWidth(status.width())
    path = dlg.path
    assert path.width() >= path.fontMetrics().horizontalAdvance(path.placeholderText())
    long = "қате " * 60
    from desktop.screen_fit import say_wrapped
    say_wrapped(status, long)
    qtbot.wait(10)
    assert dlg.width() >= width and status.height() >= status.heightForWidth(status.width())
