"""Focus-group discussion answers (DOMAIN.md §1.10, E10): the `answers` roster of form
`focus_group` version 2, gathered per key question Q1..Q5.

Per question: the answers grouped by participant category (`ALL` = the row names no
category: all categories together), each with its focus group's date and city; the number
of answers per coded direction (`directions`) and topic (`fg_topics`) with `coded` /
`not_coded`; for Q4 the number per RFO rating (`fg_rfo_ratings`) with `not_coded` (blank)
and `unknown` (a code the enumeration does not know). Version 1 records have no answers and
count only under `focus_groups`. Deleted records are left out. Rows without a known question
count under `unassigned`, so `answers` = Σ questions' answers + `unassigned`. The region is
the record's `region` field, else the region of its org unit.
"""
from __future__ import annotations

from collections.abc import Iterable

from reports.aggregate import dated_period, select, stated_region

FORM = "focus_group"
ALL = "ALL"
Q4 = "Q4"
_TEXT = {
    "title": {"ru": "Фокус-группы: ответы на ключевые вопросы",
              "kk": "Фокус-топтар: негізгі сұрақтарға жауаптар",
              "en": "Focus groups: answers to the key questions"},
    "groups": {"ru": "фокус-групп", "kk": "фокус-топтар", "en": "focus groups"},
    "answers": {"ru": "ответов", "kk": "жауаптар", "en": "answers"},
    ALL: {"ru": "Все категории", "kk": "Барлық санаттар", "en": "All categories"},
    "directions": {"ru": "Направления", "kk": "Бағыттар", "en": "Directions"},
    "topics": {"ru": "Темы", "kk": "Тақырыптар", "en": "Topics"},
    "rfo": {"ru": "Оценка РФО", "kk": "Өңірлік фронт-офисті бағалау", "en": "RFO rating"},
    "not_coded": {"ru": "Без направления и темы", "kk": "Бағыты мен тақырыбы жоқ",
                  "en": "No direction or topic"},
    "rfo_not_coded": {"ru": "(без оценки)", "kk": "(бағасыз)", "en": "(not rated)"},
    "unknown": {"ru": "(неизвестный код)", "kk": "(белгісіз код)", "en": "(unknown code)"},
    "unassigned": {"ru": "(строки без вопроса)", "kk": "(сұрағы жоқ жолдар)",
                   "en": "(rows without a question)"},
}


def _t(key: str, lang: str) -> str:
    return _TEXT[key].get(lang) or _TEXT[key]["ru"]


def _enum(name: str):
    from forms.reference import get_enum

    return get_enum(name)


def select_groups(records: Iterable[dict], *, region: str | None = None,
                  period_spec: str | None = None, units: dict | None = None) -> list[dict]:
    """Live focus-group records (any form version) of the period and region."""
    return select(records, period_spec, region=region, units=units, form=FORM,
                  period_fn=dated_period, region_fn=stated_region)


def _code(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _entries(groups: list[dict]) -> tuple[list[dict], int]:
    """(one entry per answers row with a known question, rows without one)."""
    questions = _enum("fg_questions")
    out, unassigned = [], 0
    for rec in groups:
        data = rec.get("data") or {}
        rows = data.get("answers")
        for i, row in enumerate(rows if isinstance(rows, list) else []):
            question = _code(row.get("question")) if isinstance(row, dict) else None
            if question not in questions:
                unassigned += 1
                continue
            out.append({
                "record_id": rec.get("id"), "row": i + 1, "question": question,
                "date": data.get("date"), "city": data.get("city"),
                "category": _code(row.get("participant_category")) or ALL,
                "text": row.get("answer_text") if isinstance(row.get("answer_text"), str)
                else "",
                "direction": _code(row.get("direction")), "topic": _code(row.get("topic")),
                "rfo_rating": _code(row.get("rfo_rating")),
            })
    out.sort(key=lambda e: (str(e["date"] or ""), str(e["record_id"] or ""), e["row"]))
    return out, unassigned


def _count(entries: list[dict], key: str, enum: str) -> dict[str, int]:
    """Non-zero counts per code in the enumeration's order, unknown codes after them."""
    counts: dict[str, int] = {}
    for e in entries:
        if e[key]:
            counts[e[key]] = counts.get(e[key], 0) + 1
    order = {c: i for i, c in enumerate(_enum(enum).codes)}
    return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _by_category(entries: list[dict]) -> dict[str, list[dict]]:
    order = {c: i for i, c in enumerate([ALL, *_enum("fg_categories").codes])}
    out: dict[str, list[dict]] = {}
    for e in sorted(entries, key=lambda e: order.get(e["category"], len(order))):
        item = {k: e[k] for k in ("record_id", "row", "date", "city", "text", "direction",
                                  "topic", "rfo_rating")}
        out.setdefault(e["category"], []).append(item)
    return out


def _ratings(entries: list[dict]) -> dict:
    codes = _enum("fg_rfo_ratings").codes
    counts = dict.fromkeys(codes, 0)
    not_coded = unknown = 0
    for e in entries:
        if e["rfo_rating"] is None:
            not_coded += 1
        elif e["rfo_rating"] in counts:
            counts[e["rfo_rating"]] += 1
        else:
            unknown += 1
    return {"counts": counts, "not_coded": not_coded, "unknown": unknown}


def _question(entries: list[dict], code: str) -> dict:
    mine = [e for e in entries if e["question"] == code]
    coded = sum(1 for e in mine if e["direction"] or e["topic"])
    out = {"answers": len(mine), "by_category": _by_category(mine),
           "directions": _count(mine, "direction", "directions"),
           "topics": _count(mine, "topic", "fg_topics"),
           "coded": coded, "not_coded": len(mine) - coded}
    if code == Q4:
        out["rfo_ratings"] = _ratings(mine)
    return out


def focus_answers(records: Iterable[dict], *, region: str | None = None,
                  period_spec: str | None = None, units: dict | None = None) -> dict:
    """The answers of the focus groups of the period and region, per key question.

    Raises reports.aggregate.PeriodError for a bad `period_spec`.
    """
    groups = select_groups(records, region=region, period_spec=period_spec, units=units)
    entries, unassigned = _entries(groups)
    questions = {code: _question(entries, code) for code in _enum("fg_questions").codes}
    with_answers = sum(1 for r in groups if (r.get("data") or {}).get("answers"))
    return {"form": FORM, "region": region, "period": period_spec,
            "focus_groups": len(groups), "with_answers": with_answers,
            "answers": len(entries) + unassigned, "unassigned": unassigned,
            "questions": questions}


def _label(enum: str, code: str, lang: str) -> str:
    e = _enum(enum)
    return e.item(code).short_label(lang) if code in e else code


def _counts_lines(title: str, counts: dict, enum: str, lang: str) -> list[str]:
    if not counts:
        return []
    return [f"  {title}:"] + [f"  {n:5}  {_label(enum, c, lang)}" for c, n in counts.items()]


def _question_lines(code: str, q: dict, lang: str) -> list[str]:
    lines = ["", f"{code}. {_enum('fg_questions').label(code, lang)}  ({q['answers']})"]
    for cat, items in q["by_category"].items():
        lines.append("  " + (_t(ALL, lang) if cat == ALL else _label("fg_categories", cat,
                                                                     lang)))
        lines += [f"    {e['date'] or '—'} {e['city'] or '—'}: {e['text']}" for e in items]
    lines += _counts_lines(_t("directions", lang), q["directions"], "directions", lang)
    lines += _counts_lines(_t("topics", lang), q["topics"], "fg_topics", lang)
    if q["answers"]:
        lines.append(f"  {_t('not_coded', lang)}: {q['not_coded']}")
    if "rfo_ratings" in q:
        r = q["rfo_ratings"]
        lines += _counts_lines(_t("rfo", lang), r["counts"], "fg_rfo_ratings", lang)
        lines.append(f"  {r['not_coded']:5}  {_t('rfo_not_coded', lang)}")
        if r["unknown"]:
            lines.append(f"  {r['unknown']:5}  {_t('unknown', lang)}")
        lines.append(f"  {q['answers']:5}  Σ")
    return lines


def format_text(res: dict, lang: str = "ru") -> str:
    """Plain text: per question the answers by category, then the coded counts."""
    head = (f"{_t('title', lang)} — {_t('groups', lang)}: {res['focus_groups']}, "
            f"{_t('answers', lang)}: {res['answers']}")
    lines = [head]
    for code, q in res["questions"].items():
        lines += _question_lines(code, q, lang)
    if res["unassigned"]:
        lines += ["", f"  {res['unassigned']:5}  {_t('unassigned', lang)}"]
    return "\n".join(lines)
