"""Section 6: the expert visits: focus groups (participants by category, the five questions,
RFO ratings by region), seminars (attendance by region and department), meetings with the
regional leadership, the civil-servant questionnaire."""
from __future__ import annotations

from collections import Counter

from reports._ref import enum_codes, label
from reports.aggregate import dated_period, select, stated_region
from reports.annual.context import Context
from reports.annual.model import Section, Table
from reports.focus_answers import focus_answers
from reports.people_once import people, region_months
from reports.questionnaire import QUESTIONS, tally


def _visits(ctx: Context, form: str) -> list[dict]:
    return select(ctx.forms(form), str(ctx.year), region=ctx.region, units=ctx.umap,
                  form=form, period_fn=dated_period, region_fn=stated_region)


def focus_groups(ctx: Context) -> list:
    groups = _visits(ctx, "focus_group")
    if not groups:
        return [ctx.t("par_no_focus")]
    cats = participant_categories(groups, ctx.umap)
    unregistered = sum((g.get("data") or {}).get("unregistered_attendees") or 0
                       for g in groups)
    rows = [[label("fg_categories", c, ctx.lang), cats[c]]
            for c in enum_codes("fg_categories") if cats.get(c)]
    out = [ctx.t("par_focus", groups=len(groups), people=sum(cats.values()),
                 unregistered=unregistered),
           Table("fg_categories", ctx.t("tab_fg_categories"),
                 [ctx.t("col_category"), ctx.t("col_participants")], rows,
                 ctx.t("note_people_once"))]
    answers = focus_answers(ctx.forms("focus_group"), region=ctx.region,
                            period_spec=str(ctx.year), units=ctx.umap)
    rows = [[f"{q}. {label('fg_questions', q, ctx.lang)}", v["answers"], v["coded"]]
            for q, v in answers["questions"].items()]
    out.append(Table("fg_questions", ctx.t("tab_fg_questions"),
                     [ctx.t("col_question"), ctx.t("col_answers"), ctx.t("col_coded")], rows))
    out.append(ratings(ctx, groups))
    return out


def participant_categories(groups: list[dict], units) -> Counter:
    """Category -> registered participants, each person once per region and month (VR-18,
    `reports.people_once`) under the category of the first list that names them."""
    cats: Counter = Counter()
    for rows in region_months(groups, units).values():
        for person in people(rows):
            cats[person[0].row.get("participant_category") or "—"] += 1
    return cats


def ratings(ctx: Context, groups: list[dict]) -> Table:
    codes = enum_codes("fg_rfo_ratings")
    rows = []
    for region in sorted({stated_region(g, ctx.umap) for g in groups}):
        q4 = focus_answers(groups, region=region, units=ctx.umap)["questions"]["Q4"]
        counts = q4["rfo_ratings"]["counts"]
        rows.append([ctx.rname(region)] + [counts[c] for c in codes])
    return Table("fg_ratings", ctx.t("tab_fg_ratings"),
                 [ctx.t("col_region")] + [label("fg_rfo_ratings", c, ctx.lang) for c in codes],
                 rows)


def seminars(ctx: Context) -> list:
    chosen = _visits(ctx, "seminar")
    if not chosen:
        return [ctx.t("par_no_seminars")]
    by_region: dict[str, list] = {}
    depts: Counter = Counter()
    for s in chosen:
        data = s.get("data") or {}
        cell = by_region.setdefault(stated_region(s, ctx.umap), [0, 0])
        cell[0] += 1
        cell[1] += data.get("participants_count") or 0
        depts.update(data.get("departments_present") or [])
    rows = [[ctx.rname(r), n, people] for r, (n, people) in sorted(by_region.items())]
    ranked = sorted(depts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Table("seminars", ctx.t("tab_seminars"),
                  [ctx.t("col_region"), ctx.t("col_seminars"), ctx.t("col_participants")],
                  rows),
            Table("seminar_departments", ctx.t("tab_seminar_departments"),
                  [ctx.t("col_department"), ctx.t("col_seminars")],
                  [[label("departments", c, ctx.lang), n] for c, n in ranked])]


def meetings(ctx: Context) -> list:
    chosen = _visits(ctx, "leadership_meeting")
    if not chosen:
        return [ctx.t("par_no_meetings")]
    rows = sorted([ctx.rname(stated_region(m, ctx.umap)),
                   label("meeting_statuses", (m.get("data") or {}).get("status") or "",
                         ctx.lang)] for m in chosen)
    return [Table("meetings", ctx.t("tab_meetings"),
                  [ctx.t("col_region"), ctx.t("col_status")], rows)]


def questionnaire(ctx: Context) -> list:
    res = tally(ctx.forms("cs_questionnaire"), region=ctx.region, period_spec=str(ctx.year),
                units=ctx.umap)
    if not res["respondents"]:
        return [ctx.t("par_no_questionnaire")]
    rows = []
    for field, enum in QUESTIONS.items():
        q = res["questions"][field]
        rows += [[ctx.t(f"q_{field}"), label(enum, c, ctx.lang), n]
                 for c, n in q["counts"].items() if n]
    return [ctx.t("par_questionnaire", respondents=res["respondents"]),
            Table("cs_answers", ctx.t("tab_cs_answers"),
                  [ctx.t("col_question"), ctx.t("col_answer"), ctx.t("col_respondents")],
                  rows, ctx.t("note_multi"))]


def visits_section(ctx: Context) -> Section:
    sec = Section("visits", ctx.t("sec_visits"))
    sec.blocks += focus_groups(ctx) + seminars(ctx) + meetings(ctx) + questionnaire(ctx)
    return sec
