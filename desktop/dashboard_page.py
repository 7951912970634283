"""Dashboard: headline numbers, charts, completeness / timeliness and economic contribution
for the user's scope and a chosen period (DOMAIN decision 2: stocks vs flows)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import charts
from desktop.page_refresh import RefreshWhenShown
from desktop.review_models import (
    DictTableModel,
    completeness_grid,
    due_day,
    months_of_year,
    scope_level,
    scope_org_units,
    unit_name,
)


def dashboard_figures(records: Sequence[dict], months: Sequence[str], *,
                      units: Sequence[dict] = (), rates=None,
                      statuses: Sequence[str] | None = None, scope: str = "national") -> dict:
    """Headline numbers of the monthly reports in `months` via `reports.aggregate`
    (stock = latest report per org unit, summed; flow = summed over months; which field is
    which: the form definition), a trend per month and the economic contribution of
    `reports.economics` (exact arithmetic): the hours × each region's rate of the year (`rates`:
    a RateTable) and, for a national or regional `scope` only, the "not less than" estimate
    (hours rounded up to a million; None elsewhere)."""
    from reports.aggregate import figures_form, headline, region_of, select, trend
    from reports.economics import RateTable, contribution, hours_by_region, scenarios
    form = figures_form()
    chosen = select(records, (min(months), max(months)), statuses=statuses)
    fig = headline(chosen, form)
    lines = [f.id for f in form.chart_fields if f.chart == "line"]
    fig["trend"] = {p: {k: f[k] for k in lines} for p, f in trend(chosen).items()}
    umap, table, year = {u["id"]: u for u in units}, rates or RateTable(), int(min(months)[:4])
    hours = form.measure_field("hours")
    by_region = hours_by_region(chosen, hours.id, lambda r: region_of(r["org_unit"], umap)) \
        if hours else {}
    fig["hours_by_region"] = by_region
    fig["contribution"] = contribution(by_region, year, table)["value"]
    minimum = scenarios(by_region, year, table, scope=scope).get("minimum")
    fig["contribution_min"] = minimum["value"] if minimum and by_region else None
    return fig


def timeliness_rows(units: Sequence[dict], grid: list[list[dict]], months: Sequence[str],
                    lang: str) -> list[dict]:
    """Per org unit: expected, received, on time and the share received."""
    rows = []
    for unit, cells in zip(units, grid):
        cells = [c for c in cells if c["period"] in months and c["status"] != "not_due"]
        received = [c for c in cells if c["status"] not in ("missing", "draft")]
        on_time = [c for c in received if not c["late"]]
        rows.append({"unit": unit_name(unit, lang), "expected": len(cells),
                     "received": len(received), "on_time": len(on_time),
                     "share": f"{100 * len(received) / len(cells):.0f}%" if cells else "—"})
    return rows


def total_row(rows: list[dict], name: str) -> dict:
    out = {k: sum(r[k] for r in rows) for k in ("expected", "received", "on_time")}
    share = f"{100 * out['received'] / out['expected']:.0f}%" if out["expected"] else "—"
    return {"unit": name, **out, "share": share}


HEAD_COLUMNS = 4
FIGURES_OF_ALL = ("reports", "contribution", "contribution_min")  # not fields of the form


def headline_keys() -> list[str]:
    """The headline numbers: the form's `headline` fields, then the page's own figures."""
    from reports.aggregate import figures_form
    return [f.id for f in figures_form().headline_fields] + list(FIGURES_OF_ALL)


def enum_items(name: str, counts: dict, lang: str) -> list[tuple[str, float]]:
    """(label, value) in the enumeration's order; unknown codes appended as they are."""
    try:
        from forms.reference import get_enum
        enum = get_enum(name)
    except Exception:  # noqa: BLE001 - reference data missing: show codes
        return [(c, float(counts[c])) for c in sorted(counts)]
    codes = list(enum.codes) + [c for c in counts if c not in enum.codes]
    return [(enum.label(c, lang) if c in enum.codes else c, float(counts.get(c, 0)))
            for c in codes]


def latest_year(store, units: Sequence[dict]) -> int:
    """The latest year with monthly reports in scope (submitted ones first, then drafts);
    this year when there are none."""
    ids = {u["id"] for u in units}
    periods = [(r["status"] != "draft", r["period"])
               for r in store.list_records(form="monthly_report")
               if r["org_unit"] in ids and r.get("period")]
    return int(max(periods)[1][:4]) if periods else dt.date.today().year


def fmt(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if float(value).is_integer() \
        else f"{value:,.1f}".replace(",", " ")


class DashboardPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: dict = {}
        self.timeliness = DictTableModel([], self)
        self._build()
        self.retranslate()
        ctx.signals.sig_records_changed.connect(self._on_changed)
        ctx.signals.sig_sync_finished.connect(self._on_changed)

    def _build(self) -> None:
        self.year = QSpinBox(minimum=2015, maximum=2100, value=latest_year(
            self.ctx.store, scope_org_units(self.ctx.store, self.ctx.user)))
        self.month_from, self.month_to = QComboBox(), QComboBox()
        for combo in (self.month_from, self.month_to):
            combo.addItems([""] * 12)  # named in retranslate: a month's name, not "01"
        self.month_to.setCurrentIndex(11)
        self.include_drafts = QCheckBox()
        self.rate = QSpinBox(minimum=1, maximum=1_000_000, singleStep=50,
                             value=int(self._rates().default))
        self.rates_button = QPushButton()
        self.rates_button.clicked.connect(self.open_rates)
        self.region = QComboBox()  # central / admin: one region or all of them
        self.region.setVisible(self.ctx.role in ("central", "admin"))
        self.labels = {k: QLabel() for k in ("year", "from", "to", "rate")}
        from desktop.annual_dialog import annual_button

        top, money = QHBoxLayout(), QHBoxLayout()  # two rows: the page fits 1024 px
        for w in (self.labels["year"], self.year, self.labels["from"], self.month_from,
                  self.labels["to"], self.month_to, self.region, self.include_drafts):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.labels["rate"], self.rate, self.rates_button):
            money.addWidget(w)
        money.addStretch(1)
        from desktop.export_actions import EXPORT_EXCEL, export_button
        self.export_button = export_button(self, EXPORT_EXCEL, self.export_excel)
        money.addWidget(self.export_button)
        money.addWidget(annual_button(self))
        top_rows = QVBoxLayout()
        top_rows.addLayout(top)
        top_rows.addLayout(money)
        for signal in (self.year.valueChanged, self.month_from.currentIndexChanged,
                       self.month_to.currentIndexChanged, self.include_drafts.toggled,
                       self.region.currentIndexChanged):
            signal.connect(lambda *_: self.refresh())
        self.rate.valueChanged.connect(self._on_rate)
        self._build_body(top_rows)

    def _build_body(self, top: QVBoxLayout) -> None:
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.headline_box = QGroupBox()
        self.headline_grid = QGridLayout(self.headline_box)
        keys = headline_keys()
        self.headline_labels = {k: (QLabel(), QLabel()) for k in keys}
        for i, key in enumerate(keys):
            name, value = self.headline_labels[key]
            name.setWordWrap(True)  # long names wrap instead of widening the page
            name.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            self.headline_grid.addWidget(name, (i // HEAD_COLUMNS) * 2, i % HEAD_COLUMNS)
            self.headline_grid.addWidget(value, (i // HEAD_COLUMNS) * 2 + 1, i % HEAD_COLUMNS)
        for col in range(HEAD_COLUMNS):
            self.headline_grid.setColumnStretch(col, 1)
        self.charts_box = QWidget()
        self.charts_grid = QGridLayout(self.charts_box)
        self.timeliness_box = QGroupBox()
        self.timeliness_view = QTableView()
        self.timeliness_view.setModel(self.timeliness)
        self.timeliness_view.setMinimumHeight(200)
        from desktop.export_actions import EXPORT_EXCEL, export_button
        self.grid_export_button = export_button(self, EXPORT_EXCEL, self.export_grid)
        grid_box = QVBoxLayout(self.timeliness_box)
        grid_box.addWidget(self.timeliness_view)
        grid_box.addWidget(self.grid_export_button, 0, Qt.AlignmentFlag.AlignRight)
        for w in (self.headline_box, self.charts_box, self.timeliness_box):
            self.body_layout.addWidget(w)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def retranslate(self) -> None:
        self.labels["year"].setText(self.tr("Year:"))
        self.labels["from"].setText(self.tr("From month:"))
        self.labels["to"].setText(self.tr("to:"))
        from desktop.dates_text import month_name
        for combo in (self.month_from, self.month_to):
            for i in range(12):
                combo.setItemText(i, month_name(i + 1, self.ctx.lang))
        self.labels["rate"].setText(self.tr("Hourly rate, ₸:"))
        self.include_drafts.setText(self.tr("Include drafts"))
        self.rates_button.setText(self.tr("Rates…"))
        self.rates_button.setToolTip(self.tr("Hourly rates by region and year"))
        self.headline_box.setTitle(self.tr("Headline numbers"))
        self.timeliness_box.setTitle(self.tr("Completeness and timeliness"))
        self._name_headlines()
        self.timeliness.set_headers([
            ("unit", self.tr("Org unit")), ("expected", self.tr("Expected")),
            ("received", self.tr("Received")), ("on_time", self.tr("On time")),
            ("share", self.tr("Received, %"))])
        self.refresh()

    def _name_headlines(self) -> None:
        """Field figures are named by the form definition (short_label in the language),
        the page's own figures by tr(); the tooltip says how a figure adds up."""
        from reports.aggregate import figures_form
        fields = {f.id: f for f in figures_form().headline_fields}
        names = {
            "reports": self.tr("Monthly reports"),
            "contribution": self.tr("Economic contribution, ₸"),
            "contribution_min": self.tr("Minimum estimate, ₸ (hours rounded up to a million)"),
        }
        tips = {"stock": self.tr("Stock: latest report of each org unit, summed"),
                "flow": self.tr("Flow: summed over the months of the period")}
        for key, (label, _value) in self.headline_labels.items():
            field = fields.get(key)
            label.setText(field.name(self.ctx.lang) if field else names[key])
            label.setToolTip(tips[field.aggregation if field else "flow"])
        self.headline_labels["contribution_min"][0].setToolTip(self.tr(
            "The national report's method: the recorded hours rounded up to the next million, "
            "times the rate. Shown for national and regional totals only."))

    def _rates(self):
        from reports.economics import RateTable
        return RateTable.load(self.ctx.store)

    def _on_rate(self, value: int) -> None:
        """The default rate of the editable rate table (regions without their own row)."""
        table = self._rates()
        table.default = value
        table.save(self.ctx.store)
        self.refresh()

    def open_rates(self):
        """The rate-table editor for the chosen year; the figures are recomputed on Save."""
        from desktop.rates_dialog import RatesDialog
        dialog = RatesDialog(self.ctx, self.year.value(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def export_excel(self, path: str | None = None, quiet: bool = False):
        """The months chosen as the summary workbook (the command line's `esep report`)."""
        from desktop.export_actions import export_summary
        months = self.months()
        units = scope_org_units(self.ctx.store, self.ctx.user)
        if self.region.currentData():
            units = [u for u in units if u.get("region") == self.region.currentData()]
        ids = {u["id"] for u in units}
        records = [r for r in self.ctx.store.list_records(form="monthly_report", order_by="period")
                   if r["org_unit"] in ids and (self.include_drafts.isChecked()
                                                or r["status"] != "draft")]
        return export_summary(self, self.ctx, records, units, f"{months[0]}..{months[-1]}",
                              self.region.currentData(), path, quiet)

    def export_grid(self, path: str | None = None, quiet: bool = False):
        """The completeness and timeliness grid as shown, to an .xlsx sheet."""
        from desktop.export_actions import export_model
        return export_model(self, self.timeliness, self.tr("Completeness and timeliness"),
                            path, quiet)

    def months(self) -> list[str]:
        lo, hi = sorted((self.month_from.currentIndex(), self.month_to.currentIndex()))
        return months_of_year(self.year.value())[lo:hi + 1]

    def _fill_regions(self, units: list[dict]) -> None:
        from forms.reference import get_enum
        try:
            label = get_enum("regions").label
        except Exception:  # noqa: BLE001 - reference data missing: region codes
            label = lambda code, _lang: code
        current = self.region.currentData()
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(self.tr("All regions"), "")
        for code in sorted({u["region"] for u in units if u.get("region")}):
            self.region.addItem(label(code, self.ctx.lang) or code, code)
        self.region.setCurrentIndex(max(0, self.region.findData(current)))
        self.region.blockSignals(False)

    def refresh(self) -> None:
        store, months = self.ctx.store, self.months()
        units = scope_org_units(store, self.ctx.user)
        self._fill_regions(units)
        if self.region.currentData():
            units = [u for u in units if u.get("region") == self.region.currentData()]
        unit_ids = {u["id"] for u in units}
        records = [r for r in store.list_records(form="monthly_report")
                   if r["org_unit"] in unit_ids]
        statuses = None if self.include_drafts.isChecked() else \
            ("submitted", "returned", "approved")
        self.figures = dashboard_figures(records, months, units=units, rates=self._rates(),
                                         statuses=statuses, scope=scope_level(
                                             self.ctx.user, self.region.currentData()))
        for key, (label, value) in self.headline_labels.items():
            shown = self.figures.get(key, 0)
            label.setVisible(shown is not None)   # e.g. the minimum estimate of a district
            value.setVisible(shown is not None)
            value.setText(fmt(shown or 0))
        expected, grid = completeness_grid(store, units, self.year.value(), due_day(store))
        rows = timeliness_rows(expected, grid, months, self.ctx.lang)
        self.timeliness.set_rows([total_row(rows, self.tr("Total")), *rows] if rows else [])
        self.timeliness_view.resizeColumnsToContents()
        self._draw_charts(months)

    def _draw_charts(self, months: list[str]) -> None:
        """One chart per `chart` field of the form: pies and bars two a row, ranked bars and
        the trend of the `line` fields across."""
        from reports.aggregate import figures_form
        while self.charts_grid.count():
            item = self.charts_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        f, lang, none = self.figures, self.ctx.lang, self.tr("no data")
        last = max(f["trend"], default=months[0])
        months = [m for m in months if m <= last]  # no trailing months without reports
        form = figures_form()
        compact, wide, lines = [], [], {}
        for field in form.chart_fields:
            if field.chart == "line":
                lines[field.name(lang)] = [f["trend"].get(m, {}).get(field.id, 0) for m in months]
                continue
            items = enum_items(form.count_enums.get(field.id, ""), f[field.id], lang)
            view = charts.field_chart(field.chart, field.name(lang), items, none)
            (wide if field.chart == "ranked" else compact).append(view)
        if lines:
            from desktop.dates_text import short_month
            wide.append(charts.line_chart(self.tr("Trend over months"),
                                          [short_month(m, lang) for m in months], lines, none))
        for i, view in enumerate(compact):
            self.charts_grid.addWidget(view, i // 2, i % 2)
        top = (len(compact) + 1) // 2
        for i, view in enumerate(wide):
            self.charts_grid.addWidget(view, top + i, 0, 1, 2)
