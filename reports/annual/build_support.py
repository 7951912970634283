"""Section 4: support from the front offices by region and month, development events,
the hotline by channel and purpose (Diagrams 12-13)."""
from __future__ import annotations

from reports._ref import enum_codes, label
from reports.aggregate import breakdown, select, trend
from reports.annual.context import Context
from reports.annual.events import hotline_tally
from reports.annual.model import Block, Chart, Section, Table, pct
from reports.hotline import RESPONSE_DAYS

NO_REPORT = "—"     # a month without a report: one mark, explained in the table's note


def support_months(ctx: Context) -> list[Block]:
    months = [f"{ctx.year}-{m:02d}" for m in range(1, 13)]
    rows: list[list] = []
    every: list[str] = []
    never: list[str] = []
    for region in sorted({r for r in breakdown(ctx.monthly(), units=ctx.umap)}):
        by_month = trend(select(ctx.monthly(), None, region=region, units=ctx.umap))
        cells = [NO_REPORT if p not in by_month
                 else ctx.t("yes") if by_month[p]["rfo_support_provided"].get("YES")
                 else ctx.t("no") for p in months]
        supported = cells.count(ctx.t("yes"))
        rows.append([ctx.rname(region)] + cells + [supported])
        (every if supported == 12 else never if supported == 0 else []).append(
            ctx.rname(region))
    table = Table("support_months", ctx.t("tab_support_months"),
                  [ctx.t("col_region")] + [p[5:] for p in months] + [ctx.t("col_months")],
                  rows, ctx.t("note_no_report", mark=NO_REPORT)
                  if any(NO_REPORT in row for row in rows) else "")
    words = " ".join(ctx.t(key, regions=", ".join(names)) for key, names in
                     (("par_support_every", every), ("par_support_never", never)) if names)
    return [table, words] if words else [table]


def support_types(ctx: Context, fig: dict) -> Table:
    given = fig["rfo_support_types"]
    rows = [[label("support_types", c, ctx.lang), given[c]]
            for c in enum_codes("support_types") if given.get(c)]
    return Table("support_types", ctx.t("tab_support_types"),
                 [ctx.t("col_category"), ctx.t("col_reports")], rows)


def development(ctx: Context, fig: dict) -> list[Block]:
    total = fig["dev_events_count"]
    if not total:
        return [ctx.t("par_no_dev", year=ctx.year)]
    rows = [[label("dev_event_types", c, ctx.lang), v["dev_events_count"],
             v["dev_participants"], v["dev_hours"]]
            for c, v in sorted(fig["dev_events_by_dev_event_type"].items())]
    cols = ["col_category", "col_events", "col_participants", "col_hours"]
    table = Table("dev_events", ctx.t("tab_dev"), [ctx.t(c) for c in cols], rows)
    dec = trend(ctx.monthly()).get(f"{ctx.year}-12")
    in_dec = dec["dev_events_count"] if dec else 0
    words = ctx.t("par_dev", total=total, early=total - in_dec, dec=in_dec,
                  share=pct(in_dec, total),
                  people=fig["dev_participants"], hours=fig["dev_hours"])
    return [table, words]


def hotline(ctx: Context) -> list[Block]:
    h = hotline_tally(ctx.forms("hotline_appeal"), ctx.year, ctx.region, ctx.umap)
    if not h["appeals"]:
        return [ctx.t("par_no_hotline")]
    out: list[Block] = [ctx.t("par_hotline", appeals=h["appeals"], related=h["related"],
                              share=pct(h["related"], h["appeals"]))]
    for key, enum, dia in (("channels", "hotline_channels", "12"),
                           ("purposes", "hotline_purposes", "13")):
        rows = [[label(enum, c, ctx.lang), h[key][c], pct(h[key][c], h["appeals"])]
                for c in enum_codes(enum) if h[key].get(c)]
        table = Table(f"hotline_{key}", ctx.t(f"tab_hotline_{key}"),
                      [ctx.t("col_category"), ctx.t("col_appeals"), ctx.t("col_share")], rows)
        out += [table, Chart(f"diagram{dia}", ctx.t(f"dia_{dia}"), table.id, "pie",
                             [r[0] for r in rows], {ctx.t("col_appeals"): [r[1] for r in rows]})]
    return out + response(ctx, h)


def response(ctx: Context, h: dict) -> list[Block]:
    """Response times of the appeals closed with a date (hotline_appeal v2)."""
    r = h["response"]
    if not r["closed"]:
        return [ctx.t("par_response_time", closed=h["closed"], appeals=h["appeals"])]
    rows = [[ctx.t("fig_closed_dated"), r["closed"]], [ctx.t("fig_mean_days"), r["mean_days"]],
            [ctx.t("fig_median_days"), r["median_days"]], [ctx.t("fig_max_days"), r["max_days"]],
            [ctx.t("fig_within_days", days=RESPONSE_DAYS), pct(h["within"], r["closed"])]]
    return [Table("hotline_response", ctx.t("tab_hotline_response"),
                  [ctx.t("col_figure"), ctx.t("col_value")], rows,
                  ctx.t("note_response", closed=h["closed"] - r["closed"]))]


def support_section(ctx: Context) -> Section:
    sec = Section("support", ctx.t("sec_support"))
    fig = ctx.figures()
    if fig is None:
        sec.blocks.append(ctx.t("par_no_monthly", year=ctx.year))
    else:
        sec.blocks += support_months(ctx)
        sec.blocks.append(support_types(ctx, fig))
        sec.blocks += development(ctx, fig)
    sec.blocks += hotline(ctx)
    return sec
