"""Form versions by `extends`: a version file states only what changed from the one before
(forms/loader.py). The shipped v2 deltas load to exactly the forms the former full copies
defined (tests/fixtures/forms_v2_snapshot.json: fields, order, rules, labels)."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from forms import DefinitionError, form_from_text, load_form

SNAPSHOT = Path(__file__).parent / "fixtures" / "forms_v2_snapshot.json"
FORMS = [("event", 1), ("event", 2), ("focus_group", 1), ("focus_group", 2)]


def comparable(form) -> dict:
    """Everything a definition says, without where it was read from."""
    d = dataclasses.asdict(form)
    d.pop("source_path")
    d.pop("definition_text")
    assert d.pop("requires_engine") == 1  # every shipped form runs on the first engine
    return json.loads(json.dumps(d, ensure_ascii=False))


def write_snapshot() -> None:  # run once, before the v2 files became deltas
    SNAPSHOT.write_text(json.dumps({f"{i}.v{v}": comparable(load_form(i, v)) for i, v in FORMS},
                                   ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")


@pytest.mark.parametrize(("form_id", "version"), FORMS)
def test_versions_load_as_before(form_id, version):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[f"{form_id}.v{version}"]
    assert comparable(load_form(form_id, version)) == expected


def test_published_definition_stands_alone():
    for form_id in ("event", "focus_group"):
        v2 = load_form(form_id, 2)
        assert "extends" not in v2.definition_text
        assert comparable(form_from_text(v2.definition_text, "published.toml")) == comparable(v2)


BASE = '''
id = "tiny"
version = 1
title = { ru = "Т", kk = "Т", en = "T" }
[[sections]]
id = "main"
title = { ru = "Г", kk = "Г", en = "M" }
[[sections.fields]]
id = "a"
type = "integer"
label = { ru = "А", kk = "А", en = "A" }
[[sections.fields]]
id = "b"
type = "integer"
label = { ru = "Б", kk = "Б", en = "B" }
[[rules]]
id = "R1"
severity = "error"
expr = "a <= b"
fields = ["a", "b"]
message = "part_exceeds_total"
[[rules]]
id = "R2"
severity = "warning"
expr = "a >= 0"
fields = ["a"]
message = "part_exceeds_total"
'''
DELTA = '''
id = "tiny"
version = 2
extends = 1
remove_fields = ["b"]
remove_rules = ["R1"]
[fields.a]
required = true
[[add_fields]]
section = "main"
id = "c"
type = "decimal"
label = { ru = "В", kk = "В", en = "C" }
[[add_sections]]
id = "first"
title = { ru = "П", kk = "П", en = "F" }
[[add_sections.fields]]
id = "d"
type = "text"
label = { ru = "Д", kk = "Д", en = "D" }
[[rules]]
id = "R2"
severity = "error"
expr = "a >= 1"
fields = ["a"]
message = "part_exceeds_total"
'''


def test_every_kind_of_change(tmp_path):
    (tmp_path / "tiny.toml").write_text(BASE, encoding="utf-8")
    form = form_from_text(DELTA, tmp_path / "tiny.v2.toml")
    assert [s.id for s in form.sections] == ["first", "main"]
    assert [f.id for f in form.fields] == ["d", "a", "c"]
    assert form.field("a").required and form.version == 2
    assert [(r.id, r.severity, r.expr) for r in form.rules] == [("R2", "error", "a >= 1")]


@pytest.mark.parametrize(("old", "new", "message"), [
    ('remove_fields = ["b"]', 'remove_fields = ["zz"]', "no field 'zz'"),
    ("[fields.a]", "[fields.zz]", "no field 'zz'"),
    ('section = "main"', 'section = "nowhere"', "needs after ="),
    ("extends = 1", "extends = 7", "extends version 7"),
    ('remove_rules = ["R1"]', 'remove_rules = ["R9"]', "no rule 'R9'"),
])
def test_bad_changes_name_file_and_line(tmp_path, old, new, message):
    (tmp_path / "tiny.toml").write_text(BASE, encoding="utf-8")
    text = DELTA.replace(old, new)
    with pytest.raises(DefinitionError) as err:
        form_from_text(text, tmp_path / "tiny.v2.toml")
    needle = new.split('"')[1] if '"' in new else new.split(".")[-1].strip("]")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if needle in row or new in row)
    assert message in str(err.value) and err.value.line == line, (str(err.value), line)
