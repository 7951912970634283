"""Section 1: headline figures with two previous years, volunteers by region (Diagram 1),
gender by year, age (Diagram 2), occupation (Diagram 3), organizations."""
from __future__ import annotations

from reports._ref import enum_codes, label
from reports.aggregate import breakdown
from reports.annual.context import Context
from reports.annual.model import Chart, Section, Table, pct

HEADLINE_KEYS = ("volunteers_total", "registered_orgs_count", "initiative_groups_count",
                 "events_total", "volunteer_hours", "volunteer_positions", "dev_events_count",
                 "dev_participants", "dev_hours")


def headline_table(ctx: Context) -> Table:
    figs = [ctx.figures(y) for y in ctx.years()]
    rows = [[ctx.t(f"fig_{k}")] + [fig[k] if fig else ctx.no_data() for fig in figs]
            for k in HEADLINE_KEYS]
    return Table("headline", ctx.t("tab_headline"), [ctx.t("col_figure")] +
                 [str(y) for y in ctx.years()], rows, ctx.t("note_stock_flow"))


def by_region(ctx: Context) -> list:
    per_year = {y: breakdown(ctx.monthly(y), by="region", units=ctx.umap) for y in ctx.years()}
    regions = sorted({r for b in per_year.values() for r in b})
    rows = [[ctx.rname(r)] + [per_year[y][r]["volunteers_total"] if r in per_year[y]
                              else ctx.no_data() for y in ctx.years()] for r in regions]
    table = Table("volunteers_by_region", ctx.t("tab_by_region"),
                  [ctx.t("col_region")] + [str(y) for y in ctx.years()], rows)
    series = {str(y): [row[i + 1] if isinstance(row[i + 1], int) else 0 for row in rows]
              for i, y in enumerate(ctx.years()) if per_year[y]}
    return [table, Chart("diagram1", ctx.t("dia_1"), table.id, "bar",
                         [row[0] for row in rows], series)]


def gender(ctx: Context) -> Table:
    rows: list[list] = []
    for y in ctx.years():
        fig = ctx.figures(y)
        if not fig or not fig["gender"]:
            rows.append([str(y), ctx.no_data(), ctx.no_data(), ctx.no_data(), ctx.no_data()])
            continue
        f, m = fig["gender"].get("F", 0), fig["gender"].get("M", 0)
        rows.append([str(y), f, m, pct(f, f + m), pct(m, f + m)])
    cols = ["col_year", "col_female", "col_male", "col_female_pct", "col_male_pct"]
    return Table("gender", ctx.t("tab_gender"), [ctx.t(c) for c in cols], rows)


def _counts_table(ctx, table_id, title_key, enum, counts, chart_id, dia_key, kind="bar"):
    total = sum(counts.values())
    rows = [[label(enum, c, ctx.lang), counts.get(c, 0), pct(counts.get(c, 0), total)]
            for c in enum_codes(enum) if c in counts or enum in ("age_bands", "occupations")]
    table = Table(table_id, ctx.t(title_key),
                  [ctx.t("col_category"), ctx.t("col_count"), ctx.t("col_share")], rows)
    chart = Chart(chart_id, ctx.t(dia_key), table_id, kind, [r[0] for r in rows],
                  {ctx.t("col_count"): [r[1] for r in rows]})
    return [table, chart]


def occupation_regions(ctx: Context, fig_by_region: dict) -> list[Table]:
    codes = enum_codes("occupations")
    counts, shares = [], []
    for r, fig in fig_by_region.items():
        occ, total = fig["occupation"], sum(fig["occupation"].values())
        counts.append([ctx.rname(r)] + [occ.get(c, 0) for c in codes] + [total])
        shares.append([ctx.rname(r)] + [pct(occ.get(c, 0), total) for c in codes])
    names = [label("occupations", c, ctx.lang) for c in codes]
    extremes = []
    for i, c in enumerate(codes):
        ranked = sorted(counts, key=lambda row: row[i + 1])
        if ranked:
            extremes.append([names[i], ranked[-1][0], ranked[-1][i + 1], ranked[0][0],
                             ranked[0][i + 1]])
    cols = ["col_occupation", "col_max_region", "col_max", "col_min_region", "col_min"]
    out = [Table("occupation_regions", ctx.t("tab_occupation_regions"),
                 [ctx.t("col_region")] + names + [ctx.t("col_total")], counts),
           Table("occupation_shares", ctx.t("tab_occupation_shares"),
                 [ctx.t("col_region")] + names, shares)]
    if len(counts) > 1:     # one region is its own maximum and minimum: nothing to compare
        out.append(Table("occupation_extremes", ctx.t("tab_occupation_extremes"),
                         [ctx.t(c) for c in cols], extremes))
    return out


def organizations(ctx: Context, fig_by_region: dict) -> list:
    """The front offices' registered organizations and initiative groups by region, with the
    registry's registered organizations beside them when the registry is kept (H15: the
    ministry's count above the network's)."""
    from reports.registry import registry_counts

    registry = registry_counts(ctx.forms("organization"))
    rows = [[ctx.rname(r), f["registered_orgs_count"]]
            + ([registry.get(r, 0)] if registry else [])
            + [f["initiative_groups_count"],
               round(f["initiative_groups_count"] / f["registered_orgs_count"], 2)
               if f["registered_orgs_count"] else None] for r, f in fig_by_region.items()]
    cols = ["col_region", "col_registered"] + (["col_registry"] if registry else []) + \
        ["col_groups", "col_ratio"]
    table = Table("organizations", ctx.t("tab_organizations"), [ctx.t(c) for c in cols], rows)
    if not registry:
        return [table, ctx.t("par_registry_gap")]
    reported = sum(f["registered_orgs_count"] for f in fig_by_region.values())
    kept = sum(registry.get(r, 0) for r in fig_by_region)
    return [table, ctx.t("par_registry_compare", registry=kept, reported=reported,
                         gap=kept - reported)]


def people_section(ctx: Context) -> Section:
    sec = Section("people", ctx.t("sec_people"))
    fig = ctx.figures()
    sec.blocks.append(headline_table(ctx))
    if fig is None:
        sec.blocks.append(ctx.t("par_no_monthly", year=ctx.year))
        return sec
    sec.blocks += by_region(ctx)
    sec.blocks.append(gender(ctx))
    sec.blocks += _counts_table(ctx, "age", "tab_age", "age_bands", fig["age"], "diagram2",
                                "dia_2")
    sec.blocks += _counts_table(ctx, "occupation", "tab_occupation", "occupations",
                                fig["occupation"], "diagram3", "dia_3", "pie")
    fig_by_region = breakdown(ctx.monthly(), by="region", units=ctx.umap)
    sec.blocks += occupation_regions(ctx, fig_by_region)
    sec.blocks += organizations(ctx, fig_by_region)
    return sec
