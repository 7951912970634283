"""Section 5: hours, positions and the economic contribution by the report's own method
(reports.economics: hours × the region's hourly rate; scenarios H31-H32)."""
from __future__ import annotations

from reports.aggregate import breakdown
from reports.annual.context import SURVEY_FORMS, Context
from reports.annual.model import Section, Table
from reports.economics import RateTable, contribution, scenarios


def economics_section(ctx: Context) -> Section:
    sec = Section("economics", ctx.t("sec_economics"))
    fig = ctx.figures()
    if fig is None:
        sec.blocks.append(ctx.t("par_no_monthly", year=ctx.year))
        return sec
    rates = ctx.rates or RateTable()
    hours = {r: f["volunteer_hours"] for r, f in
             breakdown(ctx.monthly(), by="region", units=ctx.umap).items()}
    ratio = round(fig["volunteer_positions"] / fig["volunteers_total"], 3) \
        if fig["volunteers_total"] else "—"
    sec.blocks.append(ctx.t("par_hours", hours=fig["volunteer_hours"],
                            positions=fig["volunteer_positions"], ratio=ratio))
    value = contribution(hours, ctx.year, rates)
    rows = [[ctx.rname(r), v["hours"], v["rate"], v["value"]]
            for r, v in value["by_region"].items()]
    rows.append([ctx.t("col_total"), value["hours"], None, value["value"]])
    cols = ["col_region", "col_hours", "col_rate", "col_value"]
    sec.blocks.append(Table("economics_regions", ctx.t("tab_economics_regions"),
                            [ctx.t(c) for c in cols], rows))
    scen = scenarios(hours, ctx.year, rates)
    rows = [[ctx.t(f"scenario_{k}"), v["hours"], v["value"]] for k, v in scen.items()]
    sec.blocks.append(Table("economics_scenarios", ctx.t("tab_economics_scenarios"),
                            [ctx.t("col_scenario"), ctx.t("col_hours"), ctx.t("col_value")],
                            rows))
    sec.blocks.append(ctx.t("par_method", default=rates.default))
    if not any(ctx.forms(f) for f in SURVEY_FORMS):
        sec.blocks.append(ctx.t("par_no_likely"))
    return sec
