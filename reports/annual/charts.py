"""Charts of the annual report drawn as PNG images (matplotlib, Agg backend: no display)."""
from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MaxNLocator

from reports.annual.model import Chart
from reports.annual.text import num

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8})
COLORS = ["#1f5f8b", "#e07b39", "#5a9e4b", "#b8433f", "#7d5ba6", "#8c6d46", "#3fa7a3",
          "#c9a227"]


def _wrap(labels: list[str], width: int = 38) -> list[str]:
    """Each label on at most two lines of `width` characters («…» where cut)."""
    return ["\n".join(textwrap.wrap(textwrap.shorten(str(x), width * 2 - 4, placeholder="…"),
                                    width)) for x in labels]


# Fixed margins (left, bottom, right, top) per kind: tight_layout would draw everything twice.
MARGINS = {"barh": (0.5, 0.08, 0.97, 0.97), "pie": (0.0, 0.02, 0.5, 0.98),
           "bar": (0.09, 0.3, 0.98, 0.95)}


MAX_HEIGHT = 9.5    # inches at 7 wide: 16 x 21.7 cm in the document, within one A4 page


def _barh_height(chart: Chart) -> float:
    """Inches: a row per category, deeper when it holds several bars; never over a page."""
    per_row = 0.3 + 0.12 * (len(chart.series) - 1)
    return min(MAX_HEIGHT, max(2.5, per_row * len(chart.categories) + 0.6))


def render_png(chart: Chart, dpi: int = 120) -> bytes:
    """The chart as PNG bytes."""
    kind = chart.drawn_kind
    if kind == "barh":
        fig, ax = plt.subplots(figsize=(7.0, _barh_height(chart)))
    else:
        fig, ax = plt.subplots(figsize=(7.0, 3.6))
    try:
        _draw(ax, chart, kind)
        left, bottom, right, top = MARGINS[kind]
        if kind == "barh":
            bottom = min(0.3, 0.5 / fig.get_figheight())
        fig.subplots_adjust(left=left, bottom=bottom, right=right, top=top)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()
    finally:
        plt.close(fig)


def _counts(chart: Chart) -> bool:
    return all(float(v).is_integer() for vs in chart.series.values() for v in vs)


def _draw(ax, chart: Chart, kind: str) -> None:
    """Draw `chart` as `kind`; an axis of counts has whole-number ticks only."""
    cats = chart.categories
    if kind != "pie":
        axis = ax.xaxis if kind == "barh" else ax.yaxis
        axis.set_major_locator(MaxNLocator(nbins=6, integer=_counts(chart)))
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: num(v, chart.lang)))
    if kind == "pie":
        values = next(iter(chart.series.values()))
        if not any(values):  # nothing counted yet (a year under way): no wedges to draw
            ax.axis("off")
            return
        ax.pie(values, colors=COLORS, startangle=90, counterclock=False,
               autopct=lambda p: f"{num(round(p, 1), chart.lang)} %" if p >= 3 else "")
        ax.legend(_wrap(cats, 40), loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        ax.axis("equal")
        return
    if kind == "barh":
        height = 0.8 / len(chart.series)
        for i, (name, values) in enumerate(chart.series.items()):
            ax.barh([y + i * height for y in range(len(cats))], values, height, label=name,
                    color=COLORS[i % len(COLORS)])
        ax.set_yticks([y + height * (len(chart.series) - 1) / 2 for y in range(len(cats))],
                      _wrap(cats, 44), fontsize=7)
        ax.invert_yaxis()
        ax.grid(axis="x", alpha=0.3)
        if len(chart.series) > 1:
            ax.legend(frameon=False, loc="best")
        return
    width = 0.8 / max(1, len(chart.series))
    for i, (name, values) in enumerate(chart.series.items()):
        ax.bar([x + i * width for x in range(len(cats))], values, width, label=name,
               color=COLORS[i % len(COLORS)])
    ax.set_xticks([x + width * (len(chart.series) - 1) / 2 for x in range(len(cats))],
                  _wrap(cats, 18))
    ax.grid(axis="y", alpha=0.3)
    if len(chart.series) > 1:
        ax.legend(frameon=False)
