"""Section 2, the volunteers' half: composition beside the front offices' (Diagram 4),
directions ever and in the last 12 months (H19), online / auto experience (H21), skills
(Diagram 10), problems (Diagram 11), hours a month (Diagram 14) and a year (H29), awareness
(H25). Figures from reports.survey_stats."""
from __future__ import annotations

from reports._ref import enum_codes, label
from reports.annual.context import Context
from reports.annual.model import Block, Chart, Table, pct
from reports.survey_stats import (
    HOURS_BANDS,
    answered,
    awareness,
    hours_bands,
    number_summary,
    option_counts,
)

COMPOSITION = (("genders", "gender", "gender"), ("age_bands", "age", "age_band"),
               ("occupations", "occupation", "occupation"))


def chart_of(ctx: Context, chart_id: str, table: Table, kind: str, col: int = 1) -> Chart:
    """The chart `dia_<n>` of column `col` of `table` (chart_id "diagram<n>")."""
    return Chart(chart_id, ctx.t(f"dia_{chart_id[7:]}"), table.id, kind,
                 [r[0] for r in table.rows],
                 {table.columns[col]: [r[col] or 0 for r in table.rows]})


def composition(ctx: Context, vols: list[dict]) -> list[Block]:
    """Diagram 4: shares by gender, age and occupation, front offices' vs the survey's."""
    fig = ctx.figures()
    rows: list[list] = []
    for enum, key, field in COMPOSITION:
        rfo = fig[key] if fig else {}
        mine = option_counts(vols, field)
        for code in enum_codes(enum):
            if rfo.get(code) or mine[code]:
                rows.append([label(enum, code, ctx.lang),
                             pct(rfo.get(code, 0), sum(rfo.values())) if fig
                             else ctx.no_data(), pct(mine[code], sum(mine.values()))])
    cols = ["col_category", "col_rfo_pct", "col_survey_pct"]
    table = Table("survey_composition", ctx.t("tab_survey_composition"),
                  [ctx.t(c) for c in cols], rows)
    # no monthly reports (the table says «нет данных»): the chart has no front-office bars,
    # not bars of 0 %
    series = {table.columns[i]: [float(r[i]) if isinstance(r[i], (int, float)) else 0.0
                                 for r in rows] for i in ((1, 2) if fig else (2,))}
    return [table, Chart("diagram4", ctx.t("dia_4"), table.id, "bar", [r[0] for r in rows],
                         series)]


def directions(ctx: Context, vols: list[dict]) -> Table:
    ever, recent = option_counts(vols, "directions_ever"), option_counts(
        vols, "directions_last_12m")
    n_ever = len(answered(vols, "directions_ever"))
    n_recent = len(answered(vols, "directions_last_12m"))
    rows: list[list] = [[label("directions", c, ctx.lang), ever[c], pct(ever[c], n_ever), recent[c],
             pct(recent[c], n_recent)] for c in enum_codes("directions") if ever[c] or recent[c]]
    rows.sort(key=lambda r: -r[1])
    cols = ["col_category", "col_ever", "col_ever_pct", "col_12m", "col_12m_pct"]
    return Table("survey_directions", ctx.t("tab_survey_directions"), [ctx.t(c) for c in cols],
                 rows)


def experience(ctx: Context, vols: list[dict]) -> Table:
    """H21: who has volunteered online, with a vehicle (of those who answered)."""
    rows = []
    for field in ("online_experience", "auto_experience"):
        given = answered(vols, field)
        yes = sum(1 for r in given if r["data"].get(field) is True)
        rows.append([ctx.t(f"fig_{field}"), yes, len(given), pct(yes, len(given))])
    cols = ["col_category", "col_yes", "col_answered", "col_share"]
    return Table("survey_experience", ctx.t("tab_survey_experience"),
                 [ctx.t(c) for c in cols], rows)


def counted(ctx: Context, vols, field, enum, table_id, chart_id, kind, of_mentions=False
            ) -> list[Block]:
    """Options of a multiple-choice field: answers naming each, and their share of those who
    answered (or, `of_mentions`, of all the options named: the shares sum to 100)."""
    counts = option_counts(vols, field)
    if not counts:
        return [ctx.t("par_no_answers", question=ctx.t(f"tab_{table_id}"))]
    whole = sum(counts.values()) if of_mentions else len(answered(vols, field))
    rows: list[list] = [[label(enum, c, ctx.lang), counts[c], pct(counts[c], whole)]
            for c in enum_codes(enum) if counts[c]]
    rows.sort(key=lambda r: -r[1])
    share = "col_share_mentions" if of_mentions else "col_share_respondents"
    table = Table(table_id, ctx.t(f"tab_{table_id}"),
                  [ctx.t("col_category"), ctx.t("col_count"), ctx.t(share)], rows)
    return [table, chart_of(ctx, chart_id, table, kind)]


def band_label(ctx: Context, i: int) -> str:
    lo, hi = HOURS_BANDS[i]
    return ctx.t("hours_band", lo=lo, hi=hi) if hi is not None else ctx.t("hours_band_open",
                                                                           lo=lo)


def hours(ctx: Context, vols: list[dict]) -> list[Block]:
    """Diagram 14 (hours a month, in bands) and the year's hours (H29)."""
    bands = hours_bands(vols)
    total = sum(bands.values())
    rows = [[band_label(ctx, i), bands[i], pct(bands[i], total)]
            for i in range(len(HOURS_BANDS))]
    table = Table("survey_hours", ctx.t("tab_survey_hours"),
                  [ctx.t("col_band"), ctx.t("col_count"), ctx.t("col_share")], rows)
    out: list[Block] = [table, chart_of(ctx, "diagram14", table, "bar")] if total else [
        ctx.t("par_no_answers", question=ctx.t("tab_survey_hours"))]
    rows = []
    for field in ("hours_per_month", "hours_per_year", "positions_per_year"):
        s = number_summary(vols, field)
        rows.append([ctx.t(f"fig_{field}"), s["n"], s["sum"], s["mean"], s["min"], s["max"]])
    cols = ["col_figure", "col_answered", "col_total", "col_mean", "col_min", "col_max"]
    out.append(Table("survey_hours_totals", ctx.t("tab_survey_hours_totals"),
                     [ctx.t(c) for c in cols], rows))
    return out


def aware(ctx: Context, vols: list[dict]) -> Table:
    from forms import load_form

    form = load_form("volunteer_survey")
    rows = [[form.field(f).label.get(ctx.lang) or form.field(f).label["ru"], n, k, pct(k, n)]
            for f, n, k in awareness(vols)]
    cols = ["col_statement", "col_answered", "col_not_known", "col_share"]
    return Table("survey_awareness", ctx.t("tab_survey_awareness"), [ctx.t(c) for c in cols],
                 rows)


def volunteer_blocks(ctx: Context, vols: list[dict]) -> list[Block]:
    if not vols:
        return [ctx.t("par_no_volunteer_survey", year=ctx.year)]
    out: list[Block] = [ctx.t("par_volunteer_survey", volunteers=len(vols))]
    out += composition(ctx, vols)
    out += [directions(ctx, vols), experience(ctx, vols)]
    out += counted(ctx, vols, "skills_used", "volunteer_skills", "survey_skills", "diagram10",
                   "barh")
    out += counted(ctx, vols, "problem_categories", "problem_categories", "survey_problems",
                   "diagram11", "pie", of_mentions=True)
    out += hours(ctx, vols)
    out.append(aware(ctx, vols))
    return out
