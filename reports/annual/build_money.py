"""Section 5: hours, positions and the economic contribution by the report's own method
(reports.economics: hours × the region's hourly rate; scenarios H31-H32)."""
from __future__ import annotations

from reports.aggregate import breakdown
from reports.annual.context import Context
from reports.annual.model import Section, Table
from reports.economics import RateTable, contribution, scenarios
from reports.survey_stats import number_summary, survey_records


def likely_hours(ctx: Context) -> float | None:
    """The «most likely» hours of a year: the organizations' volunteer hours a month (survey)
    × 12, rounded to the million as the report does (H32: ≈ 2 M a month -> 25 M a year)."""
    orgs = survey_records(ctx.forms("org_survey"), "org_survey", ctx.year, ctx.region,
                          ctx.umap)
    s = number_summary(orgs, "volunteer_hours_per_month")
    return round(s["sum"] * 12, -6) if s["n"] else None


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
    likely = likely_hours(ctx)
    scen = scenarios(hours, ctx.year, rates, likely_hours=likely)
    rows = [[ctx.t(f"scenario_{k}"), v["hours"], v["value"]] for k, v in scen.items()]
    sec.blocks.append(Table("economics_scenarios", ctx.t("tab_economics_scenarios"),
                            [ctx.t("col_scenario"), ctx.t("col_hours"), ctx.t("col_value")],
                            rows))
    sec.blocks.append(ctx.t("par_method", default=rates.default))
    sec.blocks.append(ctx.t("par_no_likely") if likely is None else ctx.t("par_likely"))
    return sec
