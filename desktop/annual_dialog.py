"""Reports → Annual report…: the annual report «Волонтёрство в цифрах» (reports.annual) for a
year, the whole country or one region, in ru / kk / en, written as .docx, .xlsx or .pdf.

The records are read here (the store belongs to the GUI thread); building and writing run
through desktop.tasks with progress and a cooperative Cancel."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.chart_png import make_renderer
from desktop.file_dialogs import get_save_file_name
from desktop.screen_fit import say_wrapped
from forms.reference import get_enum
from reports.annual import Cancelled, make_report

LANGS = (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English"))
COUNTRY_WIDE = ("central", "admin")


def annual_button(page) -> QPushButton:
    """The «Annual report…» button of the reports page: opens the dialog."""
    button = QPushButton(page)

    def retranslate() -> None:
        button.setText(QCoreApplication.translate("AnnualReportDialog", "Annual report…"))

    retranslate()
    page.ctx.signals.sig_language_changed.connect(lambda _l: retranslate())
    button.clicked.connect(lambda: AnnualReportDialog(page.ctx, page).open())
    return button


class AnnualReportDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle = None
        self.renderer = make_renderer(self)  # charts drawn with Qt: the build has no matplotlib
        self.year = QSpinBox(minimum=2015, maximum=2100, value=dt.date.today().year - 1)
        self.region = QComboBox()
        self.lang = QComboBox()
        for code, name in LANGS:
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, [c for c, _ in LANGS].index(ctx.lang)
                                      if ctx.lang in dict(LANGS) else 0))
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_path)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.write_button, self.cancel_button, self.close_button = (QPushButton() for _ in "abc")
        self.write_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._layout()
        self._fill_regions()
        self.retranslate()
        self._set_running(False)

    def _layout(self) -> None:
        self.form = QFormLayout()
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.year, self.region, self.lang, where)):
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.write_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, 260)

    def _fill_regions(self) -> None:
        """Central and admin choose the country or a region; others get their own region."""
        regions = get_enum("regions")
        own = (self.ctx.user or {}).get("region")
        if self.ctx.role in COUNTRY_WIDE or not own:
            self.region.addItem("", None)          # the whole country (text in retranslate)
            for code in regions.codes:
                self.region.addItem(regions.label(code, self.ctx.lang), code)
        else:
            self.region.addItem(regions.label(own, self.ctx.lang), own)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annual report «Volunteering in figures»"))
        for label, text in zip(self.labels, (self.tr("Year:"), self.tr("Region:"),
                                             self.tr("Language:"), self.tr("Save as:"))):
            label.setText(text)
        if self.region.itemData(0) is None:
            self.region.setItemText(0, self.tr("Whole country"))
        self.browse.setText(self.tr("Browse…"))
        self.write_button.setText(self.tr("Write"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.path.setPlaceholderText(self.tr("report.docx, .xlsx or .pdf"))

    def choose_path(self) -> None:
        name, _ = get_save_file_name(
            self, self.tr("Save the annual report"), self.path.text() or
            f"annual_{self.year.value()}.docx",
            self.tr("Word (*.docx);;Excel (*.xlsx);;PDF (*.pdf)"))
        if name:
            self.path.setText(name)

    def _set_running(self, running: bool) -> None:
        for w in (self.year, self.region, self.lang, self.path, self.browse, self.write_button):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        if path.suffix.lower() not in (".docx", ".xlsx", ".pdf"):
            say_wrapped(self.status, self.tr("Choose a file ending in .docx, .xlsx or .pdf."))
            return
        store = self.ctx.store
        from reports.completeness import due_day
        from reports.economics import RateTable

        job = {"records": store.list_records(), "units": store.org_units(),
               "year": self.year.value(), "region": self.region.currentData(),
               "lang": self.lang.currentData(), "rates": RateTable.load(store),
               "due_day": due_day(store), "path": path, "renderer": self.renderer}
        self.progress.setRange(0, 0)
        say_wrapped(self.status, self.tr("Writing the report…"))
        self._set_running(True)
        self.handle = self.ctx.tasks.start(make_report, on_done=self._done,
                                           on_error=self._failed, on_progress=self._progress,
                                           **job)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            say_wrapped(self.status, self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total or 0)
        self.progress.setValue(done)

    def _done(self, path) -> None:
        self.handle = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        say_wrapped(self.status, self.tr("Written: %1").replace("%1", str(path)))

    def _failed(self, exc) -> None:
        self.handle = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, Cancelled):
            say_wrapped(self.status, self.tr("Cancelled: no file was written."))
        else:
            say_wrapped(self.status, self.tr("The report was not written: %1").replace(
                "%1", str(exc)))

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        super().reject()
