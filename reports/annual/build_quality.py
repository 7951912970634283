"""Section 7: data quality and coverage: completeness and timeliness by region, findings by
kind, events by source and a capture-recapture estimate of the events' coverage."""
from __future__ import annotations

from collections import Counter

from reports._ref import label
from reports.annual.capture import chapman, sources
from reports.annual.context import Context
from reports.annual.model import Block, Section, Table
from reports.annual.text import rule_name
from reports.completeness import completeness
from reports.coverage import KNOWN_VALUES, UNSPECIFIED, coverage
from reports.quality_review import review

# Events and hotline appeals (thousands a year) get the review's cross-record checks but not
# the forms' per-record rules again: those ran when each was entered and submitted, and
# their history rules compare each record with every other one of its unit (quadratic).
HISTORY_FREE = ("event", "hotline_appeal")


def completeness_table(ctx: Context) -> Table:
    res = completeness(ctx.forms("monthly_report"), ctx.units, str(ctx.year),
                       day=ctx.due_day, region=ctx.region)
    rows = [[ctx.rname(r), c["expected"], c["received"], c["on_time"], c["received_pct"],
             c["on_time_pct"]] for r, c in res["by_region"].items()]
    cols = ["col_region", "col_expected", "col_received", "col_on_time", "col_received_pct",
            "col_on_time_pct"]
    return Table("completeness", ctx.t("tab_completeness"), [ctx.t(c) for c in cols], rows,
                 ctx.t("note_due_day", day=ctx.due_day))


def findings_table(ctx: Context, scoped: list[dict]) -> Table:
    slow = [r for r in scoped if r["form"] in HISTORY_FREE]
    found = review([r for r in scoped if r["form"] not in HISTORY_FREE], units=ctx.units,
                   lang=ctx.lang)
    found += review(slow, units=ctx.units, use_forms=False, lang=ctx.lang)
    counts = Counter((f["rule"], f["severity"]) for f in found)
    rows = [[rule_name(rule, ctx.lang), ctx.t(f"sev_{sev}"), n]
            for (rule, sev), n in sorted(counts.items())]
    return Table("findings", ctx.t("tab_findings"),
                 [ctx.t("col_rule"), ctx.t("col_severity"), ctx.t("col_count")], rows,
                 ctx.t("note_findings"))


def coverage_blocks(ctx: Context) -> list[Block]:
    cov = coverage(ctx.forms("event"), region=ctx.region, period_spec=str(ctx.year),
                   units=ctx.umap)
    if not cov["total"]["events"]:
        return [ctx.t("par_no_events")]
    rows = []
    for source, cell in cov["by_source"].items():
        name = (ctx.t("source_unspecified") if source == UNSPECIFIED
                else label("data_sources", source, ctx.lang))
        rows.append([name] + [(cell["by_known"].get(k) or {}).get("events", 0)
                              for k in KNOWN_VALUES] + [cell["total"]["events"]])
    cols = [ctx.t("col_source")] + [label("known_to_rfo", k, ctx.lang) for k in KNOWN_VALUES]
    out: list[Block] = [Table("coverage", ctx.t("tab_coverage"), cols + [ctx.t("col_total")], rows)]
    est = chapman(*sources(cov))
    if est is None:
        return out + [ctx.t("par_no_capture")]
    keys = ("n1", "n2", "m", "lincoln_petersen", "estimate", "low", "high", "coverage",
            "coverage_low", "coverage_high")
    out.append(Table("capture", ctx.t("tab_capture"), [ctx.t("col_figure"), ctx.t("col_value")],
                     [[ctx.t(f"cr_{k}"), est[k]] for k in keys]))
    out.append(ctx.t("par_capture", **est))
    return out


def quality_section(ctx: Context, scoped: list[dict]) -> Section:
    sec = Section("quality", ctx.t("sec_quality"))
    if ctx.forms("monthly_report"):
        sec.blocks.append(completeness_table(ctx))
    sec.blocks.append(findings_table(ctx, scoped))
    sec.blocks += coverage_blocks(ctx)
    return sec
