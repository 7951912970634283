"""Dashboard: headline numbers, charts, completeness / timeliness and economic contribution
for the user's scope and a chosen period (DOMAIN decision 2: stocks vs flows)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

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
    scope_org_units,
    unit_name,
)
from forms.rates import DEFAULT_HOURLY_RATE as DEFAULT_RATE  # DOMAIN decision 7


def dashboard_figures(records: Sequence[dict], months: Sequence[str], *,
                      rate: Callable[[str, str], float] | float = DEFAULT_RATE,
                      statuses: Sequence[str] | None = None) -> dict:
    """Headline numbers of the monthly reports in `months` via `reports.aggregate`
    (stock = latest report per org unit, summed; flow = summed over months), plus a trend
    per month and the economic contribution: hours × `rate(org_unit, period)` ₸."""
    from reports.aggregate import headline, select, trend
    chosen = select(records, (min(months), max(months)), statuses=statuses)
    fig = headline(chosen)
    fig["trend"] = {p: {"volunteers": f["volunteers_total"], "events": f["events_total"],
                        "hours": f["volunteer_hours"]} for p, f in trend(chosen).items()}
    fig["hours_by_unit"] = {}
    for r in chosen:
        hours = float((r.get("data") or {}).get("volunteer_hours") or 0)
        fig["hours_by_unit"][r["org_unit"]] = fig["hours_by_unit"].get(r["org_unit"], 0) + hours
    price = rate if callable(rate) else (lambda _u, _p, _r=rate: _r)
    fig["contribution"] = sum(float((r.get("data") or {}).get("volunteer_hours") or 0)
                              * price(r["org_unit"], r["period"]) for r in chosen)
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


HEADLINES = ("volunteers_total", "registered_orgs_count", "initiative_groups_count",
             "events_total", "volunteer_hours", "volunteer_positions", "dev_events_count",
             "dev_participants", "dev_hours", "reports", "contribution", "contribution_min")
HEAD_COLUMNS = 4
STOCKS = ("volunteers_total", "registered_orgs_count", "initiative_groups_count")


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
            combo.addItems([f"{m:02d}" for m in range(1, 13)])
        self.month_to.setCurrentIndex(11)
        self.include_drafts = QCheckBox()
        self.rate = QSpinBox(minimum=1, maximum=1_000_000, singleStep=50,
                             value=int(self._rates().default))
        self.rates_button = QPushButton()
        self.rates_button.clicked.connect(self.open_rates)
        self.region = QComboBox()  # central / admin: one region or all of them
        self.region.setVisible(self.ctx.role in ("central", "admin"))
        self.labels = {k: QLabel() for k in ("year", "from", "to", "rate")}
        top = QHBoxLayout()
        for w in (self.labels["year"], self.year, self.labels["from"], self.month_from,
                  self.labels["to"], self.month_to, self.region, self.include_drafts,
                  self.labels["rate"], self.rate, self.rates_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(__import__("desktop.annual_dialog", fromlist=["_"]).annual_button(self))
        for signal in (self.year.valueChanged, self.month_from.currentIndexChanged,
                       self.month_to.currentIndexChanged, self.include_drafts.toggled,
                       self.region.currentIndexChanged):
            signal.connect(lambda *_: self.refresh())
        self.rate.valueChanged.connect(self._on_rate)
        self._build_body(top)

    def _build_body(self, top: QHBoxLayout) -> None:
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.headline_box = QGroupBox()
        self.headline_grid = QGridLayout(self.headline_box)
        self.headline_labels = {k: (QLabel(), QLabel()) for k in HEADLINES}
        for i, key in enumerate(HEADLINES):
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
        QVBoxLayout(self.timeliness_box).addWidget(self.timeliness_view)
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
        self.labels["rate"].setText(self.tr("Hourly rate, ₸:"))
        self.include_drafts.setText(self.tr("Include drafts"))
        self.rates_button.setText(self.tr("Rates…"))
        self.rates_button.setToolTip(self.tr("Hourly rates by region and year"))
        self.headline_box.setTitle(self.tr("Headline numbers"))
        self.timeliness_box.setTitle(self.tr("Completeness and timeliness"))
        names = {
            "volunteers_total": self.tr("Volunteers"),
            "registered_orgs_count": self.tr("Registered organizations"),
            "initiative_groups_count": self.tr("Initiative groups"),
            "events_total": self.tr("Events"), "volunteer_hours": self.tr("Volunteer hours"),
            "volunteer_positions": self.tr("Volunteer positions"),
            "dev_events_count": self.tr("Development events"),
            "dev_participants": self.tr("Development-event participants"),
            "dev_hours": self.tr("Development-event hours"), "reports": self.tr("Monthly reports"),
            "contribution": self.tr("Economic contribution, ₸"),
            "contribution_min": self.tr("Minimum estimate, ₸ (hours rounded up to a million)"),
        }
        for key, (label, _value) in self.headline_labels.items():
            label.setText(names[key])
            label.setToolTip(self.tr("Stock: latest report of each org unit, summed")
                             if key in STOCKS else
                             self.tr("Flow: summed over the months of the period"))
        self.timeliness.set_headers([
            ("unit", self.tr("Org unit")), ("expected", self.tr("Expected")),
            ("received", self.tr("Received")), ("on_time", self.tr("On time")),
            ("share", self.tr("Received, %"))])
        self.refresh()

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

    def _price(self, units: list[dict]):
        from reports.aggregate import region_of
        table, umap = self._rates(), {u["id"]: u for u in units}
        return lambda unit, period: table.rate(region_of(unit, umap), int(period[:4]))

    def _minimum(self, units: list[dict]) -> float:
        """The seed's "not less than" method: recorded hours rounded up to the next million,
        priced with each region's rate (reports.economics.scenarios)."""
        from reports.aggregate import region_of
        from reports.economics import scenarios
        umap, by_region = {u["id"]: u for u in units}, {}
        for unit, hours in self.figures["hours_by_unit"].items():
            region = region_of(unit, umap)
            by_region[region] = by_region.get(region, 0) + hours
        if not by_region:
            return 0
        return scenarios(by_region, self.year.value(), self._rates())["minimum"]["value"]

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
        self.figures = dashboard_figures(records, months, rate=self._price(units),
                                         statuses=statuses)
        self.figures["contribution_min"] = self._minimum(units)
        for key, (_label, value) in self.headline_labels.items():
            value.setText(fmt(self.figures.get(key, 0)))
        expected, grid = completeness_grid(store, units, self.year.value(), due_day(store))
        rows = timeliness_rows(expected, grid, months, self.ctx.lang)
        self.timeliness.set_rows([total_row(rows, self.tr("Total")), *rows] if rows else [])
        self.timeliness_view.resizeColumnsToContents()
        self._draw_charts(months)

    def _draw_charts(self, months: list[str]) -> None:
        while self.charts_grid.count():
            item = self.charts_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        f, lang, none = self.figures, self.ctx.lang, self.tr("no data")
        last = max(f["trend"], default=months[0])
        months = [m for m in months if m <= last]  # no trailing months without reports
        trend = [f["trend"].get(m, {}) for m in months]
        views = [
            charts.pie_chart(self.tr("Gender"), enum_items("genders", f["gender"], lang), none),
            charts.bar_chart(self.tr("Age"), enum_items("age_bands", f["age"], lang), none,
                             horizontal=True),
            charts.bar_chart(self.tr("Occupation"),
                             enum_items("occupations", f["occupation"], lang), none,
                             horizontal=True),
            charts.pie_chart(self.tr("Event formats"),
                             enum_items("event_formats", f["events_by_format"], lang), none),
            charts.bar_chart(self.tr("Events by direction"),
                             enum_items("directions", f["events_by_direction"], lang), none,
                             horizontal=True, only_present=True),
            charts.bar_chart(self.tr("Support from the front office (months)"),
                             enum_items("support_types", f["support_types"], lang), none,
                             horizontal=True, only_present=True),
            charts.line_chart(self.tr("Trend over months"), months, {
                self.tr("Volunteers"): [t.get("volunteers", 0) for t in trend],
                self.tr("Events"): [t.get("events", 0) for t in trend]}, none),
        ]
        for i, view in enumerate(views):
            span = 2 if i >= 4 else 1
            row, col = (i // 2, i % 2) if i < 4 else (i - 2, 0)
            self.charts_grid.addWidget(view, row, col, 1, span)
