"""The store's draft check is the forms engine's field checker: a draft is refused on save
exactly when the engine reports a type error (or a field the form does not have) for it;
bounds and rule findings never block a draft. Property-based over every field of two forms."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms import load_form, validate_record
from forms.fieldcheck import HARD_CODES, TYPE_CODES
from forms.reference import get_enum
from store import StoreError, open_store

FORMS = ("monthly_report", "focus_group")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(["2024-03-05", "2024-02-30", "12", "F", "YES",
                                           "STUDENT", "MED", "OFFLINE"]))


def value_for(fdef):
    codes = get_enum(fdef.choices).codes if fdef.choices else ["X"]
    code = st.one_of(st.sampled_from(codes), st.text(max_size=4))
    if fdef.type == "counts":
        return st.one_of(scalars, st.dictionaries(code, scalars, max_size=4))
    if fdef.type == "multi_choice":
        return st.one_of(scalars, st.lists(st.one_of(code, scalars), max_size=3, unique=True))
    if fdef.type == "roster":
        row = st.fixed_dictionaries({}, optional={c.id: value_for(c) for c in fdef.columns})
        return st.one_of(scalars, st.lists(st.one_of(row, scalars), max_size=3))
    if fdef.type == "choice":
        return st.one_of(scalars, code)
    return scalars


def record_strategy(form):
    known = st.fixed_dictionaries({}, optional={f.id: value_for(f) for f in form.fields})
    unknown = st.dictionaries(st.sampled_from(["volunteers_totl", "surprise", "x"]), scalars,
                              max_size=1)
    return st.tuples(known, unknown).map(lambda kv: {**kv[0], **kv[1]})


@pytest.mark.parametrize("form_id", FORMS)
def test_store_rejects_exactly_the_engines_type_errors(form_id, tmp_path):
    form = load_form(form_id)
    store = open_store(tmp_path / "esep.sqlite3")
    units = itertools.count()

    @settings(max_examples=120, deadline=None)
    @given(record_strategy(form))
    def check(data):
        engine = {f.fields[0] for f in validate_record(form, {"data": data})
                  if f.message_code in HARD_CODES}
        rec = {"form": form_id, "org_unit": f"U{next(units)}", "period": "2024-03",
               "data": data}
        try:
            store.save_record(rec, user="u")
            ours = set()
        except StoreError as exc:
            ours = {p["field"] for p in exc.problems} if exc.problems else {exc.field}
        assert ours == engine, (data, ours, engine)

    try:
        check()
    finally:
        store.close()


def test_codes_are_message_codes_with_params(tmp_path):
    from forms import message_text

    store = open_store(tmp_path / "esep.sqlite3")
    with pytest.raises(StoreError) as err:
        store.save_record({"form": "monthly_report", "org_unit": "SHY", "period": "2024-03",
                           "data": {"rfo_support_provided": "MAYBE"}}, user="u")
    store.close()
    (p,) = err.value.problems
    text = message_text(p["code"], "ru", p["params"])
    assert "rfo_support_provided" in text and "MAYBE" in text


@pytest.mark.parametrize("data, field", [
    ({"volunteers_totl": 5}, "volunteers_totl"),
    ({"dev_events": [{"no": 1, "dev_hourz": 3}]}, "dev_events[0].dev_hourz")])
def test_unknown_field_rejected_on_save_with_translated_code(tmp_path, data, field):
    """`field_not_in_form` is a message code with ru/kk/en text (resources/messages.toml),
    so the desktop and the CLI can show the rejection in the user's language."""
    from forms import message_text
    from forms.messages import messages
    from store import StoreError, open_store

    s = open_store(tmp_path / "esep.sqlite3")
    try:
        with pytest.raises(StoreError) as err:
            s.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                           "period": "2024-03", "data": data}, user="u")
        assert s.count_records() == 0
    finally:
        s.close()
    assert err.value.code == "field_not_in_form" and err.value.field == field
    (problem,) = err.value.problems
    assert set(messages()["field_not_in_form"]) >= {"ru", "kk", "en"}
    texts = {lang: message_text(problem["code"], lang, problem["params"])
             for lang in ("ru", "kk", "en")}
    assert len(set(texts.values())) == 3
    assert all(field in t and "field_not_in_form" not in t for t in texts.values()), texts


def test_every_reachable_type_code_has_three_languages():
    from forms.messages import messages

    missing = {c: sorted({"ru", "kk", "en"} - set(messages().get(c) or {}))
               for c in TYPE_CODES}
    assert not {c: m for c, m in missing.items() if m}
