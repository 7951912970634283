"""MainWindow: only wires the navigation list, the pages and the status bar together."""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from desktop.main_menu import MainMenu
from desktop.screen_fit import resize_within_screen
from desktop.status_bar import StatusBarWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


_LIST = "desktop.record_list_page"
# Qt.ItemDataRole.UserRole: the first use of any Qt-namespace enum builds ~110 enums (60-90 ms
# on a busy machine) before the first paint, which the window itself does not need.
USER_ROLE = 256
FIRST_PAGE_DELAY_MS = 30  # let the window paint once before the first page is built
REGIONAL = ("region", "central", "admin")
# key, source text (translated in MainWindow context), module, class, form id, roles or None
NAVIGATION = [
    ("monthly_report", QT_TRANSLATE_NOOP("MainWindow", "Monthly reports"),
     _LIST, "RecordListPage", "monthly_report", None),
    ("event", QT_TRANSLATE_NOOP("MainWindow", "Events"),
     _LIST, "RecordListPage", "event", None),
    ("seminar", QT_TRANSLATE_NOOP("MainWindow", "Seminars"),
     _LIST, "RecordListPage", "seminar", None),
    ("focus_group", QT_TRANSLATE_NOOP("MainWindow", "Focus groups"),
     _LIST, "RecordListPage", "focus_group", None),
    ("cs_questionnaire", QT_TRANSLATE_NOOP("MainWindow", "Questionnaires"),
     _LIST, "RecordListPage", "cs_questionnaire", None),
    ("leadership_meeting", QT_TRANSLATE_NOOP("MainWindow", "Leadership meetings"),
     _LIST, "RecordListPage", "leadership_meeting", None),
    ("hotline_appeal", QT_TRANSLATE_NOOP("MainWindow", "Hotline"),
     _LIST, "RecordListPage", "hotline_appeal", None),
    ("volunteer_survey", QT_TRANSLATE_NOOP("MainWindow", "Volunteer surveys"),
     _LIST, "RecordListPage", "volunteer_survey", REGIONAL),
    ("org_survey", QT_TRANSLATE_NOOP("MainWindow", "Organization surveys"),
     _LIST, "RecordListPage", "org_survey", REGIONAL),
    ("organization", QT_TRANSLATE_NOOP("MainWindow", "Organization registry"),
     _LIST, "RecordListPage", "organization", REGIONAL),
    ("review", QT_TRANSLATE_NOOP("MainWindow", "Review"),
     "desktop.review_page", "ReviewPage", None, REGIONAL),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"),
     "desktop.sync_page", "SyncPage", None, None),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"),
     "desktop.dashboard_page", "DashboardPage", None, None),
    ("quality", QT_TRANSLATE_NOOP("MainWindow", "Data quality"),
     "desktop.quality_page", "QualityPage", None, REGIONAL),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"),
     "desktop.settings_page", "SettingsPage", None, None),
]


NAV_GAP = 3  # px between the entries of the navigation list


def page_factory(module: str, cls: str, form_id: str | None) -> Callable | None:
    """A callable building the page, or None when its module (or form) is missing.

    Only checks that the module and the form definition exist: importing happens when the
    page is first shown, so the window appears fast."""
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except (ImportError, ValueError):
        return None
    if form_id:
        from forms.paths import definitions_dir
        if not any(definitions_dir().glob(f"{form_id}*.toml")):
            return None

    def build(ctx, parent):
        page_cls = getattr(importlib.import_module(module), cls)
        return page_cls(ctx, form_id, parent) if form_id else page_cls(ctx, parent)
    return build


class MainWindow(QMainWindow):
    """Pages are built the first time they are shown (fast start)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(210)
        self.nav.setWordWrap(True)  # a long name (kk) takes two lines rather than being cut
        self.nav.setSpacing(NAV_GAP)  # ... and reads as one entry, not as two pages
        self.stack = QStackedWidget(self)
        self.pages: dict[str, object] = {}
        self._entries: list[tuple[str, str, Callable]] = []
        for key, text, module, cls, form_id, roles in NAVIGATION:
            if roles and ctx.role not in roles:
                continue
            factory = page_factory(module, cls, form_id)
            if factory is not None:
                self._entries.append((key, text, factory))
                item = QListWidgetItem(self.nav)
                item.setData(USER_ROLE, key)
                self.stack.addWidget(QLabel(self.stack))  # placeholder until first shown
        split = QSplitter(parent=self)  # QSplitter(self) would build the Qt namespace
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([self.nav.maximumWidth(), 10_000])  # no blank strip beside the list
        self.setCentralWidget(split)
        self.status = StatusBarWidget(ctx, self)
        self.statusBar().addPermanentWidget(self.status, 1)
        self.nav.currentRowChanged.connect(self.show_row)
        ctx.signals.sig_language_changed.connect(lambda _l: self.retranslate())
        ctx.signals.sig_open_record.connect(self.open_record)
        self.main_menu = MainMenu(self)
        resize_within_screen(self, 1200, 760)
        self.retranslate()

    def showEvent(self, event) -> None:
        """The first page (forms parsing, first query) is built just after the first paint."""
        super().showEvent(event)
        if not self.pages:
            QTimer.singleShot(FIRST_PAGE_DELAY_MS, self._show_first_page)

    def store_ready(self) -> None:
        """Fast start: the store was opened after the first paint; fill in what needs it."""
        self.status.store_ready()
        if not self.pages:
            self._show_first_page()

    def _show_first_page(self) -> None:
        if not self.isVisible() or self.ctx.store is None:
            return
        from PySide6.QtCore import Qt  # after the first paint: the Qt namespace costs ~70 ms
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if self.nav.currentRow() < 0 and self.nav.count():
            self.nav.setCurrentRow(0)
        elif self.nav.currentRow() >= 0:  # chosen while the store was still opening
            self.show_row(self.nav.currentRow())
        if "sync" in self.page_keys():  # its background watch syncs when the server answers
            self._ensure_page(self.page_keys().index("sync"))

    def current_page(self):
        """The page on screen (None while its placeholder is shown)."""
        row = self.nav.currentRow()
        return self.pages.get(self._entries[row][0]) if 0 <= row < len(self._entries) else None

    def closeEvent(self, event) -> None:
        """Unsaved edits: Save / Discard / Cancel (Cancel keeps the window open). Then stop
        background watches and keep what is left as autosave."""
        for page in self.pages.values():
            editor = getattr(page, "editor", None)
            if editor is not None and not editor.confirm_leave():
                event.ignore()
                return
        for page in self.pages.values():
            stop = getattr(page, "stop_watch", None)
            if stop is not None:
                stop()
            editor = getattr(page, "editor", None)
            if editor is not None:
                editor.autosave_now()
        super().closeEvent(event)

    def page_keys(self) -> list[str]:
        return [key for key, _t, _f in self._entries]

    def _ensure_page(self, row: int) -> tuple[object, bool]:
        """The page of ``row``, built now if needed; True when it was just built."""
        key, _text, factory = self._entries[row]
        if key in self.pages:
            return self.pages[key], False
        placeholder = self.stack.widget(row)
        page = factory(self.ctx, self.stack)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[key] = page
        return page, True

    def show_row(self, row: int) -> None:
        if row < 0 or self.ctx.store is None:  # fast start: shown once the store is open
            return
        page, built = self._ensure_page(row)
        if not built:
            page.refresh()
        self.stack.setCurrentIndex(row)

    def show_page_row(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def show_page(self, key: str):
        self.show_page_row(key)
        return self.pages[key]

    def open_record(self, record_id: str) -> None:
        record = self.ctx.store.get_record(record_id)
        if record and record.get("form") in self.page_keys():
            self.show_page(record["form"]).open_record(record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Esep — volunteering in figures"))
        for row, (_key, text, _f) in enumerate(self._entries):
            self.nav.item(row).setText(_tr(text))
        for page in self.pages.values():
            page.retranslate()
        self.status.retranslate()
        self.main_menu.retranslate()
