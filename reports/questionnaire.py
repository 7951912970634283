"""Tally of the civil-servant questionnaire (DOMAIN.md §1.12, §2.15; H37, H41).

One record of form `cs_questionnaire` is one respondent. Per question, the number of
respondents per answer code, NO_ANSWER / NOT_STATED included (VR-27 makes these substantive:
the 2023 report counts 78 non-answers to Q3 and 42 respondents who did not state their
department). Multi-choice questions count mentions, so their counts may sum to more than the
respondents; `answered` is the number of respondents with at least one valid answer.

A draft saved with a blank answer counts under `blank`, a code the enumeration does not
know under `unknown`: the counts always reconcile with `respondents`. Deleted records are
left out. The region is the record's `region` field, else the region of its org unit.
"""
from __future__ import annotations

from collections.abc import Iterable

from reports.aggregate import dated_period, select, stated_region

FORM = "cs_questionnaire"
# question field id -> enumeration (the order of the report)
QUESTIONS = {
    "department": "cs_departments",
    "q1_interaction": "cs_interaction",
    "q2_known_orgs_status": "cs_known_orgs",
    "q3_difficulties": "cs_difficulties",
    "q4_effects": "cs_effects",
    "q5_problem_areas": "cs_problem_areas",
    "q6_proposals": "cs_proposals",
}
MULTI = ("q3_difficulties", "q5_problem_areas", "q6_proposals")


def _codes(enum: str) -> list[str]:
    from forms.reference import get_enum

    return get_enum(enum).codes


def select_responses(records: Iterable[dict], *, region: str | None = None,
                     period_spec: str | None = None, units: dict | None = None) -> list[dict]:
    """Live questionnaire records of the period and region."""
    return select(records, period_spec, region=region, units=units, form=FORM,
                  period_fn=dated_period, region_fn=stated_region)


def _answers(value, multi: bool) -> list | None:
    """The answer codes of one respondent; None when blank."""
    if multi:
        if not isinstance(value, list) or not value:
            return None
        return list(dict.fromkeys(v for v in value if isinstance(v, str)))
    if isinstance(value, str) and value.strip():
        return [value]
    return None


def _tally_question(rows: list[dict], field: str, enum: str) -> dict:
    codes = _codes(enum)
    counts = dict.fromkeys(codes, 0)
    blank = unknown = answered = 0
    for data in rows:
        answers = _answers(data.get(field), field in MULTI)
        if answers is None:
            blank += 1
            continue
        valid = [a for a in answers if a in counts]
        unknown += len(answers) - len(valid)
        answered += bool(valid)
        for a in valid:
            counts[a] += 1
    return {"counts": counts, "answered": answered, "blank": blank, "unknown": unknown,
            "mentions": sum(counts.values()), "multi": field in MULTI}


def tally(records: Iterable[dict], *, region: str | None = None,
          period_spec: str | None = None, units: dict | None = None) -> dict:
    """Counts per answer code for every question (NO_ANSWER included).

    Raises reports.aggregate.PeriodError for a bad `period_spec`.
    """
    chosen = select_responses(records, region=region, period_spec=period_spec, units=units)
    rows = [r.get("data") or {} for r in chosen]
    questions = {f: _tally_question(rows, f, enum) for f, enum in QUESTIONS.items()}
    by_region: dict[str, int] = {}
    for r in chosen:
        key = stated_region(r, units)
        by_region[key] = by_region.get(key, 0) + 1
    return {
        "form": FORM, "region": region, "period": period_spec, "respondents": len(rows),
        "questions": questions,
        "by_department": {k: v for k, v in questions["department"]["counts"].items() if v},
        "q4_mentions_fraud": sum(1 for d in rows if d.get("q4_mentions_fraud") is True),
        "by_region": dict(sorted(by_region.items())),
    }


def format_text(res: dict, lang: str = "ru") -> str:
    """Plain-text table: one line per answer, then `Σ`, per question."""
    from forms import load_form, message_text
    from forms.reference import get_enum

    form = load_form(FORM)
    lines = [f"{form.title.get(lang) or form.title['ru']}: {res['respondents']}"]
    for field, enum in QUESTIONS.items():
        q = res["questions"][field]
        label = form.field(field).label
        lines.append("")
        lines.append(label.get(lang) or label["ru"])
        labels = get_enum(enum)
        for code, n in q["counts"].items():
            lines.append(f"  {n:5}  {labels.label(code, lang)}")
        for key in ("blank", "unknown"):       # drafts left blank, codes no longer listed
            if q[key]:
                lines.append(f"  {q[key]:5}  {message_text('questionnaire_' + key, lang)}")
        lines.append(f"  {q['mentions']:5}  Σ")
    return "\n".join(lines)
