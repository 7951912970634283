"""build_annual(): the report's data from the records, section by section (progress and
cancel between sections)."""
from __future__ import annotations

from reports.aggregate import dated_period, select, stated_region
from reports.annual.build_events import events_section
from reports.annual.build_money import economics_section
from reports.annual.build_people import people_section
from reports.annual.build_quality import quality_section
from reports.annual.build_support import support_section
from reports.annual.build_survey import survey_section
from reports.annual.build_visits import visits_section
from reports.annual.context import Context
from reports.annual.model import AnnualReport, Cancelled


def _scoped(ctx: Context) -> list[dict]:
    """Every live record of the year in the region (any form), for the quality review."""
    out = []
    for form, records in ctx.by_form.items():
        out += select(records, str(ctx.year), region=ctx.region, units=ctx.umap, form=form,
                      period_fn=dated_period, region_fn=stated_region)
    return out


def build_annual(records, units, year: int, *, region: str | None = None, lang: str = "ru",
                 rates=None, due_day: int = 10, progress=None, cancelled=None
                 ) -> AnnualReport:
    """The annual report of `year` (and `region`, else the whole country) as data.
    progress(done, total) is called between sections; cancelled() -> True stops with
    Cancelled."""
    ctx = Context.of(records, units, int(year), region=region, lang=lang, rates=rates,
                     due_day=due_day)
    scope = ctx.rname(region) if region else ctx.t("country")
    report = AnnualReport(int(year), region, lang, ctx.t("title", year=year),
                          ctx.t("subtitle", scope=scope, year=year))
    steps = [people_section, survey_section, events_section, support_section,
             economics_section, visits_section, lambda c: quality_section(c, _scoped(c))]
    for i, step in enumerate(steps):
        if cancelled and cancelled():
            raise Cancelled()
        report.sections.append(step(ctx))
        for chart in report.sections[-1].charts():
            chart.lang = ctx.lang
        if progress:
            progress(i + 1, len(steps))
    return report
