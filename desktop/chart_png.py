"""The annual report's charts drawn with QtCharts as PNG bytes, so the desktop build needs no
matplotlib (reports.annual takes any `renderer(chart) -> PNG bytes`).

Qt widgets live on the GUI thread; the report is written by a background job
(desktop.tasks). `make_renderer` returns a callable that draws on the GUI thread directly and,
called from a job, hands the chart to the GUI thread and waits for the picture.
"""
from __future__ import annotations

import threading

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter

from desktop.charts import PALETTE, _chart, _value_axis
from reports.annual.text import num

WIDTH, HEIGHT, ROW = 900, 460, 26
MAX_HEIGHT = 1220           # 16 x 21.7 cm in the document: within one A4 page
WAIT_SECONDS = 60


def _bars(chart, categories: list[str], series: dict[str, list[float]], horizontal: bool):
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    for i, (name, values) in enumerate(series.items()):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        for value in (reversed(values) if horizontal else values):
            bar_set.append(float(value or 0))
        bars.append(bar_set)
    chart.addSeries(bars)
    axis = QBarCategoryAxis()
    axis.append(list(reversed(categories)) if horizontal else categories)
    if not horizontal and max((len(c) for c in categories), default=0) > 8:
        axis.setLabelsAngle(-45)
    top = max((float(v or 0) for values in series.values() for v in values), default=0)
    cat_side, val_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
                          if horizontal else
                          (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
    values = _value_axis(top)
    chart.addAxis(axis, cat_side)
    chart.addAxis(values, val_side)
    bars.attachAxis(axis)
    bars.attachAxis(values)
    if len(series) < 2:
        chart.legend().hide()


def _pie(chart, categories: list[str], values: list[float], lang: str) -> None:
    pie = QPieSeries()
    total = sum(float(v or 0) for v in values) or 1
    for i, (label, value) in enumerate(zip(categories, values)):
        if value:
            share = num(round(100 * float(value) / total, 1), lang)
            piece = pie.append(f"{label} — {share} %", float(value))
            piece.setColor(QColor(PALETTE[i % len(PALETTE)]))
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)


def draw_png(spec) -> bytes:
    """One chart (reports.annual.model.Chart) as PNG bytes; call on the GUI thread."""
    chart = _chart("")
    if spec.drawn_kind == "pie":
        _pie(chart, spec.categories, next(iter(spec.series.values()), []), spec.lang)
    else:
        _bars(chart, spec.categories, spec.series, horizontal=spec.drawn_kind == "barh")
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    rows = (len(spec.categories) * (1 + (len(spec.series) - 1) / 2)
            if spec.drawn_kind == "barh" else 0)
    view.resize(WIDTH, min(MAX_HEIGHT, max(HEIGHT, int(ROW * rows) + 80)))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    view.grab().save(buffer, "PNG")
    buffer.close()
    view.deleteLater()
    return bytes(data.data())


class _GuiDrawer(QObject):
    """Lives on the GUI thread; draws what a background job asks for."""
    sig_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sig_requested.connect(self._draw, Qt.ConnectionType.QueuedConnection)

    def _draw(self, job) -> None:
        spec, box, done = job
        try:
            box.append(draw_png(spec))
        except Exception as exc:  # noqa: BLE001 - handed back to the job that asked
            box.append(exc)
        finally:
            done.set()


_APP: list = []  # the offscreen application of a process that had none


def offscreen_renderer():
    """`draw_png` for a process without a window (the desktop build's `esep report annual`,
    which carries no matplotlib): an offscreen QApplication is made on first use."""
    import os

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QApplication([]))
    return draw_png


def make_renderer(parent: QObject):
    """A renderer for reports.annual: draws on the GUI thread whichever thread calls it.
    Create it on the GUI thread (with the dialog as parent)."""
    drawer = _GuiDrawer(parent)

    def render(spec) -> bytes:
        if threading.current_thread() is threading.main_thread():  # the GUI thread
            return draw_png(spec)
        box: list = []
        done = threading.Event()
        drawer.sig_requested.emit((spec, box, done))
        if not done.wait(WAIT_SECONDS):
            raise TimeoutError("the window did not draw the chart (was it closed?)")
        if isinstance(box[0], Exception):
            raise box[0]
        return box[0]
    return render
