"""Data-quality review: every finding of the DOMAIN §3 rules across the user's scope,
filterable by rule, severity and org unit; double-click opens the record."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dates_text import dates_in_words, when_text
from desktop.page_refresh import RefreshWhenShown
from desktop.record_diff import path_label
from desktop.review_models import (
    SEVERITY_COLOURS,
    SORT_ROLE,
    DictTableModel,
    scope_org_units,
    unit_name,
    with_own_store,
    worker_store_path,
)

SEVERITIES = ("error", "warning", "info")
RESIZE_ROWS = 50  # column widths from the first rows: a big review must not stall the GUI
COMBO_MAX_WIDTH = 240  # three filters in a row beside the navigation list at 1024 px


ROW_KEYS = ("message", "severity_text", "unit", "period_text", "form_title", "fields_text",
            "detail", "severity", "rule", "org_unit", "period", "record_id", "message_code")
SORTED_BY = {"period_text": "period"}  # a column shown in words, sorted by its ISO text


UNIQUE = ("record_id",)  # a record's id: not worth sharing (a message recurs: shared)


class Row:
    """One finding as the table shows it: its texts and the keys the filters and the record
    link read, no params or field lists (a few hundred bytes, not a finding's 2 KB: the old
    check's rows stay on screen while the next check runs). Read like a dict."""
    __slots__ = ROW_KEYS

    def __init__(self, values) -> None:
        for key, value in zip(ROW_KEYS, values, strict=True):
            setattr(self, key, value)

    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default=None):
        return getattr(self, key, default)

    def __repr__(self) -> str:
        return f"Row({self.rule} {self.record_id}: {self.message})"


@dataclass
class Shown:
    """A check ready for the table, made in the worker: the findings with their texts, the
    rule and org unit choices of the filters, the count of each severity."""
    findings: list[Row]
    rules: list[tuple[str, str]]
    units: list[tuple[str, str]]
    counts: dict[str, int]


def collect_findings(store, lang: str = "ru", *, org_units: set[str] | None = None,
                     reviewer=None, shown: dict | None = None, progress=None,
                     cancelled=None) -> list[dict] | Shown | None:
    """Every finding in scope: `reports.quality_review.review_store` (scope-level detectors
    VR-01/02/14/17/19/20/21/22/24 plus the forms engine's per-record rules with history);
    with `reviewer` (reports.review_incremental.IncrementalReview) only the groups changed
    since its last run are re-validated; with `shown` ({"units": id -> unit, "severity":
    code -> text}) each becomes a table `Row` with its texts (`Decorator`), given as `Shown`.
    None when cancelled. The memory freed is given back to the system afterwards."""
    from desktop.tasks import gc_paused
    if progress:
        progress(0, 0, "")
    try:
        with gc_paused():
            return _collect(store, lang, org_units, reviewer, shown, cancelled)
    finally:
        trim_heap()


def _collect(store, lang, org_units, reviewer, shown, cancelled) -> list[dict] | Shown | None:
    from reports.quality_review import review_store
    found = reviewer.run(store, lang=lang, cancelled=cancelled) if reviewer is not None \
        else review_store(store, lang=lang)
    if found is None:
        return None
    make = (lambda f: f) if shown is None else Decorator(lang, shown["units"], shown["severity"])
    out = []
    found.reverse()
    while found:  # each finding copied for the table, its original dropped at once
        f = found.pop()
        if org_units and f["org_unit"] not in org_units:
            continue
        out.append(make({**f, "fields": list(f.get("fields") or []),
                         "detail": f.get("rule_detail") or f["rule"]}))
    if shown is None:
        return out
    out.sort(key=lambda f: (SEVERITIES.index(f.severity), f.org_unit, f.period, f.rule))
    return Shown(out, [(r, r) for r in sorted({f.rule for f in out})],
                 sorted({(f.org_unit, f.unit) for f in out}, key=lambda p: p[1]),
                 dict.fromkeys(SEVERITIES, 0) | Counter(f.severity for f in out))


class Decorator:
    """A finding -> its table `Row` (form title, field labels, severity, org unit in the
    language): made in the worker, so that showing thousands of findings does not stall
    the GUI thread. Equal texts of the rows are one object."""

    def __init__(self, lang: str, units: dict, severity: dict) -> None:
        self.lang, self.units, self.severity = lang, units, severity
        self.forms = form_defs()
        self.shared: dict = {}

    def __call__(self, f: dict) -> Row:
        form, lang, share = self.forms.get(f["form"]), self.lang, self.shared.setdefault
        f["form_title"] = form.title.get(lang) or f["form"] if form else f["form"]
        f["fields_text"] = ", ".join(field_label(form, x, lang) for x in f["fields"])
        f["severity_text"] = self.severity.get(f["severity"], f["severity"])
        f["unit"] = unit_name(self.units.get(f["org_unit"], {"id": f["org_unit"]}), lang)
        f["period_text"] = when_text(f.get("period") or "", lang)  # «ноябрь 2024»
        f["message"] = self._in_words(f["message"] or "")   # «за сентябрь 2024»
        return Row(f[k] if k in UNIQUE else share(f[k], f[k]) for k in ROW_KEYS)

    def _in_words(self, text: str) -> str:
        """`text` with its months and days in words, each distinct text converted once."""
        said = self.shared.get(("said", text))
        if said is None:
            said = self.shared[("said", text)] = dates_in_words(text, self.lang)
        return said


def trim_heap() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim): after a review of
    100,000 records the allocator otherwise keeps their memory as the process's own."""
    import ctypes
    import ctypes.util
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


class FindingsFilter:
    """The findings shown: by rule, severity and org unit ('' = any). Applied to the list
    in Python once per change, not by a proxy's filterAcceptsRow (a call from Qt per row:
    a reset with 36,000 findings stalled the GUI thread for a quarter of a second)."""

    def __init__(self) -> None:
        self.filters = {"rule": "", "severity": "", "org_unit": ""}

    def set_filter(self, key: str, value: str) -> None:
        self.filters[key] = value or ""

    def accepts(self, row: Row) -> bool:
        return all(not want or row.get(key) == want for key, want in self.filters.items())

    def shown(self, findings: list[Row]) -> list[Row]:
        if not any(self.filters.values()):
            return findings
        return [f for f in findings if self.accepts(f)]


class QualityPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.reviewer, self._reviewed = None, None  # kept between checks of one store
        self.model = DictTableModel([], self, foreground=self._colour, sort_key=self._sort_key)
        self.findings: list[Row] = []  # all of the last check; the model shows the filtered
        self.filter = FindingsFilter()
        self.proxy = QSortFilterProxyModel(self)  # sorting on a header click only
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self.retranslate()
        ctx.signals.sig_records_changed.connect(self._on_changed)
        ctx.signals.sig_sync_finished.connect(self._on_changed)

    @staticmethod
    def _sort_key(row: dict, key: str):
        if key == "severity_text":
            return SEVERITIES.index(row["severity"])
        return str(row.get(SORTED_BY.get(key, key)) or "")

    @staticmethod
    def _colour(row: dict, key: str) -> str | None:
        return SEVERITY_COLOURS.get(row["severity"]) if key in ("severity_text", "detail") \
            else None

    def _build(self) -> None:
        self.rule, self.severity, self.org_unit = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.rule, self.severity, self.org_unit):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(110)
            combo.setMaximumWidth(COMBO_MAX_WIDTH)  # a region's long name is elided
        self.rule_label, self.severity_label, self.unit_label = QLabel(), QLabel(), QLabel()
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.bar = QProgressBar()
        self.bar.hide()
        top, second = QHBoxLayout(), QHBoxLayout()  # in one row (kk) ~1000 px: two rows
        for w in (self.rule_label, self.rule, self.severity_label, self.severity,
                  self.unit_label, self.org_unit):
            top.addWidget(w)
        top.addStretch(1)
        from desktop.export_actions import EXPORT_EXCEL, export_button
        self.export_button = export_button(self, EXPORT_EXCEL, self.export_excel)
        second.addWidget(self.summary, 1)
        for w in (self.reload_button, self.export_button):
            second.addWidget(w)
        self.rule.currentIndexChanged.connect(lambda _i: self._filter("rule", self.rule))
        self.severity.currentIndexChanged.connect(
            lambda _i: self._filter("severity", self.severity))
        self.org_unit.currentIndexChanged.connect(
            lambda _i: self._filter("org_unit", self.org_unit))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self._unsorted()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self.table.doubleClicked.connect(self.open_index)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.rule_label.setText(self.tr("Rule:"))
        self.severity_label.setText(self.tr("Severity:"))
        self.unit_label.setText(self.tr("Org unit:"))
        self.reload_button.setText(self.tr("Check again"))
        self.model.set_headers([  # the finding's text first: it says what is wrong and what to do
            ("message", self.tr("Finding")), ("severity_text", self.tr("Severity")),
            ("unit", self.tr("Org unit")), ("period_text", self.tr("Period")),
            ("form_title", self.tr("Form")), ("fields_text", self.tr("Fields")),
            ("detail", self.tr("Rule"))])
        self._fill_combo(self.severity, [(s, self.severity_text(s)) for s in SEVERITIES])
        self.refresh()

    def severity_text(self, code: str) -> str:
        return {"error": self.tr("error"), "warning": self.tr("warning"),
                "info": self.tr("info")}.get(code, code)

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(all)"), "")
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _filter(self, key: str, combo: QComboBox) -> None:
        self.filter.set_filter(key, combo.currentData() or "")
        self.model.set_rows(self.filter.shown(self.findings))
        self._show_summary()

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        """Re-check every record in a worker (own SQLite connection); never blocks the GUI."""
        if self.task is not None:
            self.task.cancel()
        self.units = {u["id"]: u for u in scope_org_units(self.ctx.store, self.ctx.user)}
        self.bar.setRange(0, 0)
        self.bar.show()
        from reports.review_incremental import IncrementalReview
        path = worker_store_path(self.ctx.store)
        if self._reviewed != path:
            self.reviewer, self._reviewed = IncrementalReview(), path
        job = with_own_store(collect_findings)
        self.task = self.ctx.tasks.start(
            job, path, self.ctx.lang,
            org_units=set(self.units) if self.ctx.role not in ("central", "admin") else None,
            reviewer=self.reviewer, shown={"units": dict(self.units), "severity": {
                s: self.severity_text(s) for s in SEVERITIES}},
            on_done=self._on_findings, on_error=self._on_error, on_progress=self._on_progress)

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _on_findings(self, shown: Shown | None) -> None:
        if shown is None or self.sender() is not None and self.task is not None and \
                self.sender() is not self.task.signals:
            return  # cancelled, or an older check finished after a newer one started
        self.task = None
        self.bar.hide()
        self._unsorted()  # `Decorator` and the sort in the worker gave texts, order
        self.findings = shown.findings
        self.model.set_rows(self.filter.shown(self.findings))
        self._fill_combo(self.rule, shown.rules)
        self._fill_combo(self.org_unit, shown.units)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 560))
        self.table.setColumnWidth(5, min(self.table.columnWidth(5), 260))
        self._show_summary(None if any(self.filter.filters.values()) else shown.counts)

    def _unsorted(self) -> None:
        """Rows in the review's order (severity, unit, period, rule) until a header is
        clicked: the proxy sorting thousands of findings through Python would stall the GUI."""
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _on_error(self, exc: BaseException) -> None:
        self.task = None
        self.bar.hide()
        self.summary.setText(self.tr("Could not check the records: %1").replace("%1", str(exc)))

    def _show_summary(self, counts: dict[str, int] | None = None) -> None:
        """The counts of the findings shown (`counts`: given by the worker)."""
        counts = counts or dict.fromkeys(SEVERITIES, 0) | Counter(
            r["severity"] for r in self.model.all_rows())
        self.summary.setText(self.tr("Findings: %1 (errors: %2, warnings: %3, info: %4)")
                             .replace("%1", str(sum(counts.values())))
                             .replace("%2", str(counts["error"]))
                             .replace("%3", str(counts["warning"]))
                             .replace("%4", str(counts["info"])))

    def export_excel(self, path: str | None = None, quiet: bool = False):
        """The findings as filtered on screen, to an .xlsx sheet."""
        from desktop.export_actions import export_model
        return export_model(self, self.proxy, self.tr("Data quality"), path, quiet)

    def open_index(self, index) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if row:
            self.ctx.signals.sig_open_record.emit(row["record_id"])


def form_defs() -> dict:
    try:
        from forms import list_forms
        return {f.id: f for f in list_forms()}
    except Exception:  # noqa: BLE001 - form ids are shown instead
        return {}


def field_label(form, field_id: str, lang: str) -> str:
    """'gender.F' -> 'Volunteers by gender › F' in the language (path_label of the form); a
    roster row's 'attendees[6].full_name' as forms.messages.field_label says it."""
    if "[" in field_id:
        from forms.messages import field_label as path_text
        return path_text(form, field_id, lang)
    return path_label(tuple(field_id.split(".", 1)), form, lang)
