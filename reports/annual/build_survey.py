"""Section 2: the volunteer and organization surveys. Organizations: status and years active
(H14, H16), size bands (Table 1), volunteers attracted and involved, hours (H17, H28), funding
(Diagram 5), directions (Diagram 8). The volunteers' half is in build_survey_vol. Figures from
reports.survey_stats; a survey without answers is said in words."""
from __future__ import annotations

from reports._ref import enum_codes, label
from reports.annual.build_survey_vol import chart_of, volunteer_blocks
from reports.annual.context import Context
from reports.annual.model import Block, Section, Table, pct
from reports.survey_stats import (
    funding_groups,
    number_summary,
    option_counts,
    org_kinds,
    size_bands,
    survey_records,
)


def org_status(ctx: Context, orgs: list[dict]) -> Table:
    kinds = org_kinds(orgs)
    rows = [[label("org_kinds", code, ctx.lang), k["count"], pct(k["count"], len(orgs)),
             k["mean"], k["min"], k["max"]] for code, k in kinds.items()]
    cols = ["col_status_org", "col_orgs", "col_share", "col_years_mean", "col_years_min",
            "col_years_max"]
    return Table("survey_orgs", ctx.t("tab_survey_orgs"), [ctx.t(c) for c in cols], rows)


def org_sizes(ctx: Context, orgs: list[dict]) -> Table:
    counts = size_bands(orgs)
    total = sum(counts.values())
    rows = [[label("org_size_bands", c, ctx.lang), counts[c], pct(counts[c], total)]
            for c in enum_codes("org_size_bands")]
    return Table("survey_size_bands", ctx.t("tab_survey_size_bands"),
                 [ctx.t("col_band"), ctx.t("col_orgs"), ctx.t("col_share")], rows,
                 ctx.t("note_size_bands"))


def org_totals(ctx: Context, orgs: list[dict]) -> Table:
    """H17 and H28: the numbers the organizations gave, summed, with how many gave them."""
    rows = []
    for field in ("volunteers_attracted_12m", "volunteers_involved",
                  "volunteer_hours_per_month"):
        s = number_summary(orgs, field)
        rows.append([ctx.t(f"fig_{field}"), s["sum"], s["n"]])
    involved, hours = rows[1][1], rows[2][1]
    rows.append([ctx.t("fig_hours_per_involved"), round(hours / involved, 1) if involved
                 else None, None])
    return Table("survey_org_totals", ctx.t("tab_survey_org_totals"),
                 [ctx.t("col_figure"), ctx.t("col_value"), ctx.t("col_answered")], rows,
                 ctx.t("note_attracted_involved"))


def org_funding(ctx: Context, orgs: list[dict]) -> list[Block]:
    counts = option_counts(orgs, "funding_sources")
    if not counts:
        return [ctx.t("par_no_answers", question=ctx.t("tab_survey_funding"))]
    total, answering = sum(counts.values()), len([r for r in orgs if
                                                  (r["data"].get("funding_sources"))])
    rows = [[label("funding_sources", c, ctx.lang), counts[c], pct(counts[c], total),
             pct(counts[c], answering)] for c in enum_codes("funding_sources") if counts[c]]
    cols = ["col_category", "col_mentions", "col_share_mentions", "col_share_orgs"]
    table = Table("survey_funding", ctx.t("tab_survey_funding"), [ctx.t(c) for c in cols],
                  rows)
    groups = funding_groups(counts)
    return [table, chart_of(ctx, "diagram5", table, "pie"),
            ctx.t("par_funding_groups", **{k: v if v is not None else "—"
                                           for k, v in groups.items()})]


def org_directions(ctx: Context, orgs: list[dict]) -> list[Block]:
    counts = option_counts(orgs, "directions")
    if not counts:
        return [ctx.t("par_no_answers", question=ctx.t("tab_survey_org_directions"))]
    answering = len([r for r in orgs if r["data"].get("directions")])
    rows: list[list] = [[label("directions", c, ctx.lang), counts[c], pct(counts[c], answering)]
            for c in enum_codes("directions") if counts[c]]
    rows.sort(key=lambda r: -r[1])
    table = Table("survey_org_directions", ctx.t("tab_survey_org_directions"),
                  [ctx.t("col_category"), ctx.t("col_orgs"), ctx.t("col_share_orgs")], rows)
    return [table, chart_of(ctx, "diagram8", table, "barh")]


def org_blocks(ctx: Context, orgs: list[dict]) -> list[Block]:
    if not orgs:
        return [ctx.t("par_no_org_survey", year=ctx.year)]
    out: list[Block] = [ctx.t("par_org_survey", orgs=len(orgs)), org_status(ctx, orgs)]
    sizes = org_sizes(ctx, orgs)
    out += [sizes, org_totals(ctx, orgs)]
    out += org_funding(ctx, orgs)
    out += org_directions(ctx, orgs)
    return out


def survey_section(ctx: Context) -> Section:
    sec = Section("survey", ctx.t("sec_survey"))
    orgs = survey_records(ctx.forms("org_survey"), "org_survey", ctx.year, ctx.region, ctx.umap)
    vols = survey_records(ctx.forms("volunteer_survey"), "volunteer_survey", ctx.year,
                          ctx.region, ctx.umap)
    if not orgs and not vols:
        sec.blocks.append(ctx.t("par_no_survey"))
        return sec
    sec.blocks += volunteer_blocks(ctx, vols)
    sec.blocks += org_blocks(ctx, orgs)
    return sec
