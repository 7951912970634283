"""Charts of the annual report drawn as PNG images (matplotlib, Agg backend: no display)."""
from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from reports.annual.model import Chart

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


def render_png(chart: Chart, dpi: int = 120) -> bytes:
    """The chart as PNG bytes."""
    n = len(chart.categories)
    if chart.kind == "barh":
        fig, ax = plt.subplots(figsize=(7.0, max(2.5, 0.3 * n + 0.6)))
    else:
        fig, ax = plt.subplots(figsize=(7.0, 3.6))
    try:
        _draw(ax, chart)
        left, bottom, right, top = MARGINS[chart.kind]
        if chart.kind == "barh":
            bottom = min(0.3, 0.5 / fig.get_figheight())
        fig.subplots_adjust(left=left, bottom=bottom, right=right, top=top)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()
    finally:
        plt.close(fig)


def _draw(ax, chart: Chart) -> None:
    cats = chart.categories
    if chart.kind == "pie":
        values = next(iter(chart.series.values()))
        if not any(values):  # nothing counted yet (a year under way): no wedges to draw
            ax.axis("off")
            return
        ax.pie(values, colors=COLORS, startangle=90, counterclock=False,
               autopct=lambda p: f"{p:.1f} %" if p >= 3 else "")
        ax.legend(_wrap(cats, 40), loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        ax.axis("equal")
        return
    if chart.kind == "barh":
        values = next(iter(chart.series.values()))
        ax.barh(range(len(cats)), values, color=COLORS[0])
        ax.set_yticks(range(len(cats)), _wrap(cats, 44), fontsize=7)
        ax.invert_yaxis()
        ax.grid(axis="x", alpha=0.3)
        return
    width = 0.8 / max(1, len(chart.series))
    for i, (name, values) in enumerate(chart.series.items()):
        ax.bar([x + i * width for x in range(len(cats))], values, width, label=name,
               color=COLORS[i % len(COLORS)])
    ax.set_xticks([x + width * (len(chart.series) - 1) / 2 for x in range(len(cats))],
                  _wrap(cats, 18), rotation=60 if len(cats) > 8 else 0, ha="right"
                  if len(cats) > 8 else "center")
    ax.grid(axis="y", alpha=0.3)
    if len(chart.series) > 1:
        ax.legend(frameon=False)
