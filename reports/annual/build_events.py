"""Section 3: events by direction (Diagram 6), content (Diagram 7) and format (Diagram 9);
typical events per region with those not counted as volunteering; outcomes and
beneficiaries; partnerships with government departments."""
from __future__ import annotations

from reports._ref import label
from reports.annual.context import Context
from reports.annual.events import event_records, event_tally
from reports.annual.model import Chart, Section, Table, pct


def _ranked(ctx, table_id, title, enum, counts, chart_id, dia, kind="barh") -> list:
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [[label(enum, c, ctx.lang), n, pct(n, total)] for c, n in ranked if n]
    table = Table(table_id, ctx.t(title),
                  [ctx.t("col_category"), ctx.t("col_events"), ctx.t("col_share")], rows)
    return [table, Chart(chart_id, ctx.t(dia), table_id, kind, [r[0] for r in rows],
                         {ctx.t("col_events"): [r[1] for r in rows]})]


def typical(ctx: Context, tally: dict) -> Table:
    rows = []
    for region, cell in tally["by_region"].items():
        top = sorted(cell["tags"].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        text = "; ".join(f"{label('content_tags', c, ctx.lang)} ({n})" for c, n in top)
        rows.append([ctx.rname(region), cell["events"], cell["marks"]["YES"],
                     cell["marks"]["DOUBTFUL"], cell["marks"]["NO"], text or "—"])
    cols = ["col_region", "col_events", "col_volunteering", "col_doubtful",
            "col_not_volunteering", "col_typical"]
    return Table("typical_events", ctx.t("tab_typical"), [ctx.t(c) for c in cols], rows,
                 ctx.t("note_typical"))


def outcomes(ctx: Context, tally: dict) -> Table:
    rows = [[ctx.rname(r), c["events"], c["volunteers_count"], c["volunteer_positions"],
             round(c["volunteer_hours"], 2), c["beneficiaries_count"], c["with_outcome"]]
            for r, c in tally["by_region"].items()]
    cols = ["col_region", "col_events", "col_volunteers", "col_positions", "col_hours",
            "col_beneficiaries", "col_with_outcome"]
    return Table("outcomes", ctx.t("tab_outcomes"), [ctx.t(c) for c in cols], rows)


def partnerships(ctx: Context, tally: dict) -> list:
    if not tally["partners"]:
        return [ctx.t("par_no_partners")]
    ranked = sorted(tally["partners"].items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [[label("departments", c, ctx.lang), n] for c, n in ranked]
    return [Table("partnerships", ctx.t("tab_partnerships"),
                  [ctx.t("col_department"), ctx.t("col_events")], rows)]


def events_section(ctx: Context) -> Section:
    sec = Section("events", ctx.t("sec_events"))
    fig = ctx.figures()
    if fig is None:
        sec.blocks.append(ctx.t("par_no_monthly", year=ctx.year))
    else:
        sec.blocks.append(ctx.t("par_events_monthly", events=fig["events_total"]))
        sec.blocks += _ranked(ctx, "events_by_direction", "tab_directions", "directions",
                              fig["events_by_direction"], "diagram6", "dia_6")
        sec.blocks += _ranked(ctx, "events_by_format", "tab_formats", "event_formats",
                              fig["events_by_format"], "diagram9", "dia_9", "pie")
    events = event_records(ctx.forms("event"), ctx.year, ctx.region, ctx.umap)
    if not events:
        sec.blocks.append(ctx.t("par_no_events"))
        return sec
    tally = event_tally(events, ctx.umap)
    sec.blocks.append(ctx.t("par_event_records", events=tally["events"]))
    sec.blocks += _ranked(ctx, "events_by_content", "tab_content", "content_tags",
                          tally["tags"], "diagram7", "dia_7")
    sec.blocks += [typical(ctx, tally), outcomes(ctx, tally)]
    sec.blocks += partnerships(ctx, tally)
    return sec
