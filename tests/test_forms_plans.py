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


# --- the review's quick paths (issue 18): each agrees with the full path it stands in for

def test_outcome_is_missing_exactly_where_evaluate_skips():
    from forms.expr import MISSING, outcome
    cases = [("date_end >= date_start", {"date_start": "2024-01-02"}),
             ("a == 1 and b > 2", {"a": 1}), ("a == 1 or b > 2", {"a": 2}),
             ("not (a > 1)", {}), ("present(a > 1)", {}), ("len(xs) > 0", {"xs": 3}),
             ("a > 1", {"a": 2}), ("a > 1", {"a": 0}), ("a / b > 1", {"a": 1, "b": 0})]
    for text, env in cases:
        try:
            want = evaluate(compile_expr(text), env)
        except Skip:
            want = MISSING
        got = outcome(compile_expr(text), env)
        assert (got is MISSING) if want is MISSING else (got == want), text


def test_check_fields_quick_path_agrees_with_the_full_check():
    from forms.fieldcheck import _all_fine, _field_plan, check_fields, check_value
    form = load_form("event")
    good = {"title": "Субботник", "date_start": "2024-01-10", "primary_direction": "ECO",
            "formats": ["OFFLINE"], "is_volunteering": "YES", "organizer_type": "MRC",
            "data_source": "REPUBLICAN_PROJECT", "known_to_rfo": "YES",
            "volunteers_count": 5, "volunteer_hours": 10.0, "partner_agencies": ["AKIMAT"]}
    bad = [{"title": "  "}, {"formats": ["OFFLINE", "OFFLINE"]}, {"formats": []},
           {"volunteers_count": True}, {"volunteer_hours": float("nan")},
           {"primary_direction": "NOPE"}, {"date_start": "2024-13-01"},
           {"volunteers_count": None}, {"no_such_field": 1}, {"volunteers_count": 10**16}]
    assert _all_fine(form, good) and check_fields(form, good) == []
    for change in bad:
        data = {**good, **change}
        full = [f for fid, fd, required, _ in _field_plan(form)
                for f in (check_value(fd, data.get(fid), fid)
                          if data.get(fid) is not None or required else [])]
        assert not _all_fine(form, data), change
        assert [f.message_code for f in check_fields(form, data)][:len(full)] == \
            [f.message_code for f in full], change
        assert check_fields(form, data), change


def test_validate_record_skips_the_families_the_caller_drops():
    from forms.validate import rule_family, validate_record
    form = load_form("monthly_report")
    rec = {"form": "monthly_report", "period": "2024-01", "org_unit": "ALM-D01",
           "data": {"volunteers_total": 10, "gender": {"F": 1, "M": 1}}}
    every = validate_record(form, rec)
    owned = ("VR-03", "VR-14")
    assert any(rule_family(f.rule) in owned for f in every)
    kept = validate_record(form, rec, skip=owned)
    assert [f.to_dict() for f in kept] == \
        [f.to_dict() for f in every if rule_family(f.rule) not in owned]


def test_event_keyword_screen_agrees_with_hit_and_follows_a_new_thresholds_table():
    from forms import quality_text
    from forms.registry import reload_forms
    from forms.thresholds import th
    texts = ["акция 2666", "концерт для жителей", "благотворительный концерт в школе",
             "благотворительный концерт и флешмоб", "", "экскурсия", "субботник в парке"]
    for rule, exceptions in (("vr09", True), ("vr10", False), ("vr11", False)):
        screen = quality_text._screen(rule, exceptions)
        for text in texts:
            assert screen(text) == quality_text._hit(
                text, th(rule, "keywords", []),
                th(rule, "exceptions", []) if exceptions else ()), (rule, text)
    form = load_form("event")
    data = {"title": "Концерт для жителей", "is_volunteering": "YES"}
    q = QContext(form, {"form": "event", "data": data}, data, [], None)
    first = quality_text.vr09_keywords(q)
    assert [f.rule for f in first] == ["VR-09"]
    before = quality_text._screen("vr09", True)
    reload_forms()
    assert quality_text._screen("vr09", True) is not before  # made again for the new table
    assert quality_text.vr09_keywords(q) == first
