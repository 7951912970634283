"""Property tests (hypothesis) for the validator and the definition parser."""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_forms_definitions import GOOD
from test_forms_samples import record

from forms import (
    DefinitionError,
    form_from_text,
    has_errors,
    list_forms,
    load_form,
    validate_record,
)
from forms.reference import get_enum

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def partition(draw, total, codes):
    """Non-negative integers over `codes` that sum to `total`."""
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(codes) - 1,
                                max_size=len(codes) - 1)))
    bounds = [0, *cuts, total]
    return {c: bounds[i + 1] - bounds[i] for i, c in enumerate(codes)}


@st.composite
def consistent_monthly(draw):
    total = draw(st.integers(0, 50_000))
    events = draw(st.integers(0, 500))
    directions = draw(st.lists(st.sampled_from(get_enum("directions").codes), min_size=1,
                               max_size=5, unique=True))
    formats = draw(partition(events, get_enum("event_formats").codes))
    formats["ONLINE"] += draw(st.integers(0, 20))  # multi-count: sum may exceed the total
    support = draw(st.sampled_from(["YES", "NO", "NOT_NEEDED"]))
    types = draw(st.lists(st.sampled_from(get_enum("support_types").codes), min_size=1,
                          max_size=3, unique=True)) if support == "YES" else []
    rows = draw(st.lists(st.fixed_dictionaries({
        "dev_event_type": st.sampled_from(get_enum("dev_event_types").codes),
        "dev_events_count": st.integers(1, 20),
        "dev_participants": st.integers(0, total),
        "dev_hours": st.floats(0, 500, allow_nan=False)}), max_size=4))
    for i, row in enumerate(rows):
        row["no"] = i + 1
    return {
        "volunteers_total": total,
        "gender": draw(partition(total, get_enum("genders").codes)),
        "age": draw(partition(total, get_enum("age_bands").codes)),
        "occupation": draw(partition(total, get_enum("occupations").codes)),
        "registered_orgs_count": draw(st.integers(0, 1000)),
        "initiative_groups_count": draw(st.integers(0, 5000)),
        "events_total": events,
        "events_by_direction": draw(partition(events, directions)),
        "events_by_format": formats,
        "non_volunteer_events_flagged": draw(st.integers(0, events)),
        "volunteer_hours": draw(st.floats(0, 1e7, allow_nan=False)),
        "volunteer_positions": draw(st.integers(0, 100_000)),
        "rfo_support_provided": support, "rfo_support_types": types,
        "rfo_support_text": draw(st.text(max_size=40)),
        "dev_events": rows,
    }


@SETTINGS
@given(consistent_monthly())
def test_consistent_report_has_no_errors(data):
    found = validate_record(load_form("monthly_report"), record(data=data))
    assert not has_errors(found) or _only_vague_text(found, data), [f.to_dict() for f in found]


def _only_vague_text(found, data):
    errs = [f for f in found if f.severity == "error"]
    return all(f.message_code == "support_text_vague" for f in errs)


@SETTINGS
@given(consistent_monthly(), st.sampled_from(["gender", "age", "occupation"]), st.data())
def test_perturbing_one_breakdown_cell_yields_vr03(data, key, draw):
    code = draw.draw(st.sampled_from(sorted(data[key])))
    delta = draw.draw(st.integers(-1000, 1000).filter(lambda d: d != 0))
    assume(data[key][code] + delta >= 0)
    data[key] = dict(data[key], **{code: data[key][code] + delta})
    found = validate_record(load_form("monthly_report"), record(data=data))
    hits = [f for f in found if f.rule == f"VR-03-{key}"]
    assert len(hits) == 1 and hits[0].severity == "error"
    assert hits[0].fields == [key, "volunteers_total"]


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from([10**400, -(2**63), 1e308, "2024-03", "2024-02-30", "YES", "F"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)


@st.composite
def jsonish_record(draw, form):
    """Data whose keys are mostly the form's own fields, values anything JSON-ish."""
    keys = [f.id for f in form.fields] + ["period", "x"]
    data = draw(st.dictionaries(st.sampled_from(keys), JSONISH, max_size=12))
    for f in form.fields:
        if f.type == "roster" and draw(st.booleans()):
            cols = [c.id for c in f.columns]
            data[f.id] = draw(st.lists(st.dictionaries(st.sampled_from(cols), JSONISH,
                                                       max_size=6), max_size=4))
    rec = draw(st.sampled_from(["record", "bare", "junk"]))
    if rec == "bare":
        return data
    if rec == "junk":
        return draw(JSONISH)
    return record(form.id, data, period=draw(JSONISH | st.just("2024-03")))


@SETTINGS
@given(st.sampled_from([f.id for f in list_forms()]), st.data())
def test_validator_never_raises(form_id, draw):
    form = load_form(form_id)
    rec = draw.draw(jsonish_record(form))
    history = draw.draw(st.lists(jsonish_record(form), max_size=3) | JSONISH)
    context = draw.draw(JSONISH | st.fixed_dictionaries(
        {"other_rosters": st.lists(st.fixed_dictionaries(
            {"record_id": JSONISH, "names": st.lists(JSONISH, max_size=3),
             "rows": st.lists(st.dictionaries(st.just("full_name"), JSONISH), max_size=3)}),
            max_size=2),
         "visit_dates": st.lists(JSONISH, max_size=3) | JSONISH,
         "officials": st.lists(JSONISH | st.fixed_dictionaries(
             {"name": JSONISH, "region": JSONISH}), max_size=3),
         "registry": JSONISH | st.fixed_dictionaries({"registered_orgs_count": JSONISH})}))
    found = validate_record(form, rec, history=history, context=context)
    assert all(f.severity in ("error", "warning", "info") for f in found)
    json.dumps([f.to_dict() for f in found], allow_nan=False)  # params are strict JSON
    assert not [f.to_dict() for f in found if f.message_code == "rule_failed"]
    for f in found:
        f.text("kk", form)


VALUES = st.sampled_from(['5', '"x"', '[1]', '{}', 'true', '-1', '"__import__(\'os\')"',
                          '"integer"', '"genders"', '"sum(gender) == total"', '{ ru = "a" }',
                          '"roster"', '[["a"]]', '"counts"', '0.5', '"VR-1"', '"gender"'])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_definition_errors_always_name_a_line(draw):
    lines = GOOD.splitlines()
    idx = draw.draw(st.sampled_from([i for i, ln in enumerate(lines) if " = " in ln]))
    key = lines[idx].split(" = ")[0]
    if draw.draw(st.booleans()):
        lines[idx] = f"{key} = {draw.draw(VALUES)}"
    else:
        extra_key = draw.draw(st.sampled_from(["min", "max", "unit", "columns", "when",
                                               "params", "max_length", "required", "help"]))
        lines.insert(idx + 1, f"{extra_key} = {draw.draw(VALUES)}")
    text = "\n".join(lines) + "\n"
    try:
        form_from_text(text, "tiny.toml")
    except DefinitionError as exc:
        assert re.match(r"^tiny\.toml:\d+: ", str(exc)), str(exc)
        assert 1 <= exc.line <= len(lines) + 1
