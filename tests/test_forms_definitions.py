"""Form definitions: every shipped form loads, is complete, and bad definitions name a line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import forms
from forms import DefinitionError, UnknownForm, form_from_text, list_forms, load_form
from forms.loader import all_forms
from forms.paths import definitions_dir

FORM_IDS = {"monthly_report", "event", "seminar", "focus_group", "leadership_meeting",
            "hotline_appeal", "cs_questionnaire", "volunteer_survey", "org_survey",
            "organization"}
LANGS = ("ru", "kk", "en")


def test_version_kept():
    assert forms.__version__ == "0.1.0"


def test_all_forms_load_latest_versions():
    assert {f.id for f in list_forms()} == FORM_IDS
    for f in list_forms():
        assert f.version >= 1
        source = Path(f.source_path).read_text(encoding="utf-8")
        if "\nextends = " not in source:
            assert f.definition_text == source
        else:  # a version written as changes publishes its complete definition
            again = form_from_text(f.definition_text, "published.toml")
            assert (again.sections, again.rules) == (f.sections, f.rules)
    assert load_form("monthly_report").unique_per_period is True
    assert load_form("monthly_report").date_field is None
    assert load_form("event").date_field == "date_start"


def test_unknown_form_and_version():
    with pytest.raises(UnknownForm):
        load_form("no_such_form")
    with pytest.raises(UnknownForm):
        load_form("monthly_report", version=99)
    assert load_form("monthly_report", version=1).version == 1


def test_contract_field_ids_present():
    mr = load_form("monthly_report")
    for fid in ("volunteers_total", "gender", "age", "occupation", "registered_orgs_count",
                "initiative_groups_count", "events_total", "events_by_direction",
                "events_by_format", "volunteer_hours", "volunteer_positions",
                "rfo_support_provided", "rfo_support_types", "dev_events", "coverage_note",
                "typical_events_text", "typical_event_tags", "non_volunteer_events_flagged",
                "rfo_support_text", "rfo_support_unmet_need"):
        assert mr.has_field(fid), fid
    assert [c.id for c in mr.field("dev_events").columns] == [
        "no", "dev_event_type", "dev_events_count", "dev_participants", "dev_hours",
        "dev_organizer", "occasion"]
    assert mr.field("gender").type == "counts" and mr.field("gender").choices == "genders"
    assert mr.field("rfo_support_provided").required
    fg = load_form("focus_group").field("participants")
    assert [c.id for c in fg.columns][:7] == ["no", "full_name", "organization", "role",
                                              "participant_category", "district", "consent"]
    assert fg.column("participant_category").required
    att = load_form("seminar").field("attendees")
    assert {"no", "full_name", "department", "position", "consent"} <= {c.id for c in att.columns}
    assert att.column("department").required
    assert load_form("focus_group").has_field("unregistered_attendees")
    assert load_form("focus_group").has_field("declared_total")


def _all_fields(form):
    for f in form.fields:
        yield f
        yield from f.columns


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f"{f.id}-v{f.version}")
def test_labels_units_personal(form):
    for lang in LANGS:
        assert form.title[lang].strip()
        for s in form.sections:
            assert s.title[lang].strip()
    for f in _all_fields(form):
        for lang in LANGS:
            assert f.label[lang].strip(), (f.id, lang)
        if f.help:
            assert all(f.help[lang].strip() for lang in LANGS), f.id
        if "hours" in f.id and f.type in ("integer", "decimal"):
            assert f.unit, f.id
        if f.id.endswith("_name") and f.id.startswith(("official", "replacement", "applicant")) \
                or f.id in ("full_name", "phone", "applicant_phone"):
            assert f.personal, f.id
    # aggregate reports, the anonymous questionnaires and surveys and the organization
    # registry hold no personal data
    assert form.personal_fields() or form.id in ("monthly_report", "event", "cs_questionnaire",
                                                 "volunteer_survey", "org_survey",
                                                 "organization")


def test_monthly_hours_label_says_reporting_month():
    f = load_form("monthly_report").field("volunteer_hours")
    assert "за отчётный месяц" in f.label["ru"]
    assert f.unit == "hours/month"


GOOD = '''id = "tiny"
version = 1
title = { ru = "Т", kk = "Т", en = "T" }

[[sections]]
id = "s"
title = { ru = "С", kk = "С", en = "S" }

[[sections.fields]]
id = "total"
type = "integer"
label = { ru = "Итого", kk = "Барлығы", en = "Total" }

[[sections.fields]]
id = "gender"
type = "counts"
choices = "genders"
label = { ru = "Пол", kk = "Жынысы", en = "Gender" }

[[rules]]
id = "R1"
severity = "error"
expr = "sum(gender) == total"
fields = ["gender", "total"]
message = "sum_mismatch"
'''


def _line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


def test_good_definition_parses():
    form = form_from_text(GOOD, "tiny.toml")
    assert [f.id for f in form.fields] == ["total", "gender"]
    assert form.rules[0].expr == "sum(gender) == total"


@pytest.mark.parametrize("old,new,needle,words", [
    ('type = "integer"', 'type = "integr"', 'type = "integr"', "unknown type"),
    ('choices = "genders"', 'choices = "sexes"', 'choices = "sexes"', "unknown enumeration"),
    ('id = "gender"', 'id = "total"', 'id = "total"\ntype = "counts"', "duplicate field id"),
    ('expr = "sum(gender) == total"', 'expr = "sum(gender) == totl"', 'expr = "sum', "unknown field"),
    ('expr = "sum(gender) == total"', 'expr = "sum(gender) === total"', 'expr = "sum', "syntax"),
    ('expr = "sum(gender) == total"', 'expr = "__import__(\'os\')"', "expr = ", "unknown function"),
    ('expr = "sum(gender) == total"', 'expr = "gender.__class__"', "expr = ", "not a roster"),
    ('message = "sum_mismatch"', 'message = "no_such_code"', "message = ", "message code"),
    ('severity = "error"', 'severity = "fatal"', "severity = ", "severity"),
    ('fields = ["gender", "total"]', 'fields = ["gender", "nope"]', 'fields = ["gender", "n',
     "unknown field"),
    ('type = "counts"', 'type = "counts"\nmin = "x"', 'min = "x"', "must be a number"),
])
def test_definition_errors_name_file_and_line(old, new, needle, words):
    text = GOOD.replace(old, new)
    with pytest.raises(DefinitionError) as exc:
        form_from_text(text, "/x/tiny.toml")
    msg = str(exc.value)
    assert msg.startswith("tiny.toml:"), msg
    assert words in msg, msg
    assert exc.value.line == _line_of(text, needle), msg


def test_invalid_toml_names_line():
    text = GOOD.replace('id = "s"', 'id = "s')
    with pytest.raises(DefinitionError) as exc:
        form_from_text(text, "broken.toml")
    assert exc.value.line == _line_of(text, 'id = "s')
    assert re.match(r"broken\.toml:\d+: invalid TOML", str(exc.value))


def test_hours_field_without_unit_rejected():
    text = GOOD.replace('id = "total"', 'id = "volunteer_hours"').replace(
        "== total", "== volunteer_hours").replace('"total"]', '"volunteer_hours"]')
    with pytest.raises(DefinitionError, match="unit"):
        form_from_text(text, "tiny.toml")


def test_missing_kazakh_label_rejected():
    text = GOOD.replace('label = { ru = "Пол", kk = "Жынысы", en = "Gender" }',
                        'label = { ru = "Пол", en = "Gender" }')
    with pytest.raises(DefinitionError, match="ru, kk and en") as exc:
        form_from_text(text, "tiny.toml")
    assert exc.value.line == _line_of(text, 'label = { ru = "Пол", en')


def test_duplicate_version_in_folder(tmp_path):
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(DefinitionError, match="also defined in a.toml"):
        all_forms(tmp_path)


def test_several_versions_coexist(tmp_path):
    (tmp_path / "tiny.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "tiny.v2.toml").write_text(GOOD.replace("version = 1", "version = 2"),
                                           encoding="utf-8")
    assert load_form("tiny", folder=tmp_path).version == 2
    assert load_form("tiny", 1, folder=tmp_path).version == 1
    assert [f.version for f in list_forms(folder=tmp_path)] == [2]


def test_shipped_files_are_in_definitions_dir():
    names = {p.stem.split(".")[0] for p in definitions_dir().glob("*.toml")}
    assert names == FORM_IDS


ROSTER = GOOD + '''
[[sections.fields]]
id = "people"
type = "roster"
label = { ru = "Люди", kk = "Адамдар", en = "People" }

[[sections.fields.columns]]
id = "name"
type = "text"
label = { ru = "Имя", kk = "Аты", en = "Name" }

[[sections.fields.columns]]
id = "age"
type = "integer"
label = { ru = "Возраст", kk = "Жасы", en = "Age" }

[[rules]]
id = "R2"
each = "people"
severity = "warning"
when = "present(name)"
expr = "key(name, age) not in zip(earlier.name, earlier.age) and age <= total"
fields = ["name", "age"]
message = "sum_mismatch"
'''


def test_per_row_rule_points_at_each_row():
    from forms import validate_record

    form = form_from_text(ROSTER, "tiny.toml")
    people = [{"name": "А", "age": 30}, {"name": "Б"}, {"name": "А", "age": 30},
              {"name": "В", "age": 99}, {"name": "Б"}, "not a row"]
    found = [f for f in validate_record(form, {"total": 50, "people": people})
             if f.rule == "R2"]
    assert [(f.params["row"], f.fields) for f in found] == [
        (3, ["people[2].name", "people[2].age"]), (4, ["people[3].name", "people[3].age"]),
        (5, ["people[4].name", "people[4].age"])]
    # row 2 has no age, so `age <= total` skips it; row 5 repeats row 2 (Б, no age), which
    # the first half of the `and` decides before the age is needed


@pytest.mark.parametrize("old,new,words", [
    ('each = "people"', 'each = "total"', "is not a roster"),
    ('fields = ["name", "age"]', 'fields = ["name", "nope"]', "has no column 'nope'"),
    ('fields = ["name", "age"]', 'fields = []', "needs fields"),
    ('earlier.age)', 'earlier.agee)', "has no column 'agee'"),
    ('age <= total', 'agee <= total', "unknown field 'agee'"),
])
def test_per_row_rule_errors(old, new, words):
    with pytest.raises(DefinitionError, match=words):
        form_from_text(ROSTER.replace(old, new), "tiny.toml")
