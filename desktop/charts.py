"""Small QtCharts builders for the dashboard: pie, bar (vertical / horizontal) and trend lines.

Each builder returns a `QChartView` ready to put in a layout; `update_*` helpers are not
needed: the dashboard rebuilds its charts when the period or scope changes.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]
MIN_HEIGHT = 260


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(MIN_HEIGHT)
    return view


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top * 1.1, 1))
    axis.applyNiceNumbers()
    axis.setLabelFormat("%.0f")
    return axis


def _empty(chart: QChart, text: str) -> None:
    chart.legend().hide()
    chart.setTitle(f"{chart.title()} — {text}")


def pie_chart(title: str, items: Sequence[tuple[str, float]], empty_text: str) -> QChartView:
    """Pie with one slice per (label, value); labels carry the share in percent."""
    chart = _chart(title)
    total = sum(v for _, v in items)
    if total <= 0:
        _empty(chart, empty_text)
        return _view(chart)
    series = QPieSeries()
    for i, (label, value) in enumerate(items):
        if value <= 0:
            continue
        sl = series.append(f"{label} — {100 * value / total:.0f}%", value)
        sl.setColor(QColor(PALETTE[i % len(PALETTE)]))
    chart.addSeries(series)
    return _view(chart)


def _bar_series(items, name: str, horizontal: bool) -> QAbstractBarSeries:
    bar_set = QBarSet(name)
    bar_set.setColor(QColor(PALETTE[0]))
    bar_set.setLabelColor(QColor("#222222"))  # labels sit outside the bars, on white
    for _, value in items:
        bar_set.append(float(value))
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    return series


def bar_chart(title: str, items: Sequence[tuple[str, float]], empty_text: str,
              *, horizontal: bool = False, only_present: bool = False,
              series_name: str = "") -> QChartView:
    """One bar per (label, value); horizontal for long category names. `only_present`
    (long lists such as the 22 directions) keeps categories that occur, largest on top."""
    chart = _chart(title)
    if only_present:
        items = sorted([(k, v) for k, v in items if v], key=lambda kv: kv[1])
    elif horizontal:
        items = list(reversed(items))  # the first category at the top
    if not any(v for _, v in items):
        _empty(chart, empty_text)
        return _view(chart)
    series = _bar_series(items, series_name, horizontal)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([label for label, _ in items])
    categories.setTruncateLabels(False)
    if not horizontal and max(len(label) for label, _ in items) > 8:
        categories.setLabelsAngle(-30)
    values = _value_axis(max(float(v) for _, v in items))
    cat_side, val_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
                          if horizontal else
                          (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
    chart.addAxis(categories, cat_side)
    chart.addAxis(values, val_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    view = _view(chart)
    if horizontal:
        view.setMinimumHeight(max(MIN_HEIGHT, 22 * len(items) + 80))
    return view


def line_chart(title: str, months: Sequence[str], series: dict[str, Sequence[float]],
               empty_text: str) -> QChartView:
    """Trend over months: one line per named series, `months` (as the person reads them,
    «янв.», "Jan") as x categories."""
    chart = _chart(title)
    if not months or not any(any(v) for v in series.values()):
        _empty(chart, empty_text)
        return _view(chart)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(months))
    axis_y = _value_axis(max(max(v) for v in series.values() if v))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for i, (name, values) in enumerate(series.items()):
        line = QLineSeries()
        line.setName(name)
        line.setColor(QColor(PALETTE[i % len(PALETTE)]))
        line.setPointsVisible(True)
        for x, y in enumerate(values):
            line.append(x, float(y))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    return _view(chart)


def field_chart(kind: str, title: str, items: Sequence[tuple[str, float]],
                empty_text: str) -> QChartView:
    """The chart a form field declares (`chart` in forms/definitions, forms.model.CHARTS):
    pie, bar, barh (horizontal) or ranked (horizontal, only the categories that occur)."""
    if kind == "pie":
        return pie_chart(title, items, empty_text)
    return bar_chart(title, items, empty_text, horizontal=kind in ("barh", "ranked"),
                     only_present=kind == "ranked")
