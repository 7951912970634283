"""The forms engine's once-per-form and once-per-expression work: compiled rule expressions,
the quality rules planned per form, enumeration code sets."""
from __future__ import annotations

from forms import load_form
from forms.expr import Skip, compile_expr, evaluate
from forms.quality import QContext, _form_checks
from forms.quality_lists import vr32_repeated_event
from forms.reference import enum_code_set, get_enum


def test_a_compiled_expression_reads_each_environment_anew():
    e = compile_expr("a + b > 3 and present(c)")
    assert evaluate(e, {"a": 1, "b": 1, "c": "x"}) is False
    assert e.fn is not None  # compiled on first use, then kept
    assert evaluate(e, {"a": 5, "b": 0, "c": "x"}) is True
    try:
        evaluate(e, {"a": 5, "c": "x"})
    except Skip:
        pass
    else:
        raise AssertionError("a missing name must skip")


def test_a_rule_for_other_forms_is_not_planned_and_finds_nothing_when_called():
    event, monthly = load_form("event"), load_form("monthly_report")
    names = lambda form: {c.__name__ for c in _form_checks(form)}
    assert "vr32_repeated_event" in names(event)
    assert "vr32_repeated_event" not in names(monthly)
    assert "vr01_repeat" in names(monthly) and "vr01_repeat" not in names(event)
    q = QContext(monthly, {"form": "monthly_report", "period": "2024-01"},
                 {"title": "Субботник", "date_start": "2024-01-10"}, [], None)
    assert vr32_repeated_event(q) == []


def test_enumeration_code_sets():
    assert enum_code_set("no such enumeration") == frozenset()
    assert enum_code_set("directions") == frozenset(get_enum("directions").codes)
