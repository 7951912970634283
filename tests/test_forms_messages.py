"""Every finding code has ru/kk/en text with the same {placeholders}; message_text fills them."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from forms import load_form, message_text
from forms.loader import all_forms
from forms.messages import field_label, messages

FORMS_DIR = Path(__file__).resolve().parent.parent / "forms"


def _codes_in_source() -> set[str]:
    """message_code literals of Finding(...) calls in forms/*.py."""
    codes = set()
    for path in FORMS_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Finding", "_err"):
                idx = 3 if node.func.id == "Finding" else 1
                if len(node.args) > idx and isinstance(node.args[idx], ast.Constant):
                    codes.add(node.args[idx].value)
            # text_problems() returns ("code", {params}) pairs
            if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(
                    node.elts[0], ast.Constant) and isinstance(node.elts[1], ast.Dict):
                codes.add(node.elts[0].value)
    return codes


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_source_scan_finds_codes():
    codes = _codes_in_source()
    assert {"required", "repeat_of_period", "roster_numbering", "text_initials"} <= codes
    assert len(codes) > 30


def test_every_code_used_has_texts():
    used = _codes_in_source() | {r.message for f in all_forms() for r in f.rules}
    missing = sorted(c for c in used if c not in messages())
    assert not missing


@pytest.mark.parametrize("code", sorted(messages()))
def test_three_languages_same_placeholders(code):
    texts = messages()[code]
    assert set(texts) == {"ru", "kk", "en"}
    assert all(t.strip() for t in texts.values())
    assert _placeholders(texts["kk"]) == _placeholders(texts["ru"]) == _placeholders(texts["en"])


def test_message_text_fills_params_and_falls_back():
    p = {"field": "gender", "sum": 600, "total": 604}
    assert message_text("sum_mismatch", "ru", p) == (
        "Сумма «gender» (600) не равна итогу (604): исправьте разбивку или итог, чтобы они "
        "совпадали")
    assert "600" in message_text("sum_mismatch", "en", p)
    assert message_text("sum_mismatch", "xx", p) == message_text("sum_mismatch", "ru", p)
    assert "{sum}" in message_text("sum_mismatch", "ru", {})
    assert message_text("no_such_code") == "no_such_code"
    text = message_text("key_departments_absent", "en", {"departments": ["EDUC", "HEALTH"],
                                                         "count": 2})
    assert text.startswith("Key departments absent (2): ") and "EDUC" not in text
    assert message_text("key_departments_absent", "en", {"departments": ["NOPE"]}).endswith(
        "NOPE")


def test_field_labels_for_paths():
    mr = load_form("monthly_report")
    assert field_label(mr, "gender.F", "en") == "Volunteers by gender: Female"
    assert field_label(mr, "dev_events[0].dev_hours", "en") == \
        "Development events, row 1: Duration (hours)"
    assert field_label(mr, "dev_events[2].dev_hours", "kk").startswith(
        "Волонтерлікті дамыту іс-шаралары, 3-жол")
    assert field_label(mr, "nonsense[", "ru") == "nonsense["
    text = message_text("required", "en", {"field": "rfo_support_provided"}, form=mr)
    assert text == "Field “Front-office support provided” is required"
    text = message_text("sum_mismatch", "ru", {"field": "gender", "sum": 1, "total": 2}, form=mr)
    assert text.startswith("Сумма «Пол волонтёров» (1) не равна итогу (2): исправьте")


def test_texts_of_real_findings_have_no_leftover_placeholders():
    from test_forms_samples import event_data, monthly_data, record, seminar_data

    from forms import validate_record
    cases = [
        ("monthly_report", monthly_data(
            gender={"F": 1, "M": 2}, volunteer_hours=1e6, rfo_support_types=[],
            rfo_support_text="всесторонняя помощь", typical_event_tags=[],
            age={"A14_17": 604}, occupation={"SCHOOL": 604}, coverage_note="Саги  А «x",
            dev_events=[{"no": 2, "dev_event_type": None, "dev_events_count": 1,
                         "dev_participants": 5000, "dev_hours": 100.0}])),
        ("event", event_data(title="Концерт, субботник", organizer_type="STATE_BODY",
                             description="закупка подарков", initiated_by_higher_authority=True,
                             volunteers_count=500, date_end="2024-03-01", volunteer_positions=1)),
        ("seminar", seminar_data(date="2023-09-17", departments_present=["DVD"])),
        ("hotline_appeal", {"received_at": "2023-05-04", "applicant_country": "KZ",
                            "closed": True, "result_status": "IN_PROGRESS"}),
    ]
    seen = set()
    for form_id, data in cases:
        form = load_form(form_id)
        hist = [record(form_id, monthly_data(), period="2023-03", rid="h")]
        rec = record(form_id, data, period="2024-03" if form_id == "monthly_report" else None)
        for f in validate_record(form, rec, history=hist):
            seen.add(f.message_code)
            for lang in ("ru", "kk", "en"):
                text = f.text(lang, form)
                assert "{" not in text and "_" not in text.split("«")[0], (lang, text)
    assert len(seen) >= 20


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_ratio_in_a_message_shows_two_decimals(lang):
    text = message_text("org_ratio_unusual", lang, {"ratio": 1 / 3, "min": 1, "max": 10})
    assert "(0.33)" in text and "0.333" not in text
    big = message_text("org_ratio_unusual", lang, {"ratio": 12345678.9, "min": 1, "max": 10})
    assert "(12345678.9)" in big


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_parsed_templates_fill_as_the_formatter_does(lang):
    """A template parsed once (`_fill`) gives the text `string.Formatter` gives, for every
    code, with params present, missing, plural counts of each form and a count not a number."""
    from forms.messages import _fill, _Keep, _PluralFormatter

    cases = [{}, {"n": "1"}, {"n": "3"}, {"n": "11"}, {"n": "25"}, {"n": "x"}]
    extra = ("{{literal}} {n:plural:один|два|много} {missing}", "{n!r} {0} {a.b} {n:>5}",
             "unbalanced {")
    for template in [t[lang] for t in messages().values()] + list(extra):
        names = _placeholders(template) if "unbalanced" not in template else set()
        for case in cases:
            values = _Keep({**{k: f"<{k}>" for k in names if k != "n"}, **case})
            try:
                want = _PluralFormatter(lang).vformat(template, (), values)
            except (ValueError, IndexError, KeyError, AttributeError) as exc:
                want = type(exc)
            try:
                got = _fill(template, lang, values)
            except (ValueError, IndexError, KeyError, AttributeError) as exc:
                got = type(exc)
            assert got == want, (template, case)
    picked = [_fill("{n:plural:один|два|много}", lang, _Keep(case)) for case in cases[1:]]
    assert picked == {"ru": ["один", "два", "много", "много", "много"],
                      "kk": ["один", "один", "один", "один", "много"],
                      "en": ["один", "два", "два", "два", "много"]}[lang]


def test_review_ratios_and_counts_take_their_russian_forms():
    """«в 10 раз», «в 3 раза», «в 23.3 раза», «на 143 позиции»: a planted year's review said
    «в 10 раза» and «на 143 позиций»."""
    def jump(times):
        return message_text("review_jump_up", "ru", {"field": "volunteers_total",
                                                     "value": 2160, "base": 217, "times": times})
    assert "— в 10 раз больше" in jump(10.0)
    assert "— в 3 раза больше" in jump(3)
    assert "— в 21 раз больше" in jump(21)
    assert "— в 23.3 раза больше" in jump(23.3)
    assert "10 times the neighbouring" in message_text("review_jump_up", "en", {
        "field": "volunteers_total", "value": 2160, "base": 217, "times": 10.0})
    hours = {"hours": 11440.0, "positions": 143, "per": 80.0, "min": 0.5, "max": 24}
    assert message_text("review_hours_per_position", "ru", hours).startswith(
        "11440 ч на 143 позиции — 80 ч на позицию")
    assert message_text("review_hours_per_position", "en", dict(hours, positions=1)).startswith(
        "11440 h for 1 position,")
    assert "на 5 волонтёров" in message_text("review_hours_per_volunteer", "ru", {
        "hours": 1100.0, "volunteers": 5, "per": 220.0, "max": 200})
