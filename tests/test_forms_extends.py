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
    return json.loads(json.dumps(d, ensure_ascii=False))


def write_snapshot() -> None:  # run once, before the v2 files became deltas
    SNAPSHOT.write_text(json.dumps({f"{i}.v{v}": comparable(load_form(i, v)) for i, v in FORMS},
                                   ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")


@pytest.mark.parametrize(("form_id", "version"), FORMS)
def test_versions_load_as_before(form_id, version):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[f"{form_id}.v{version}"]
    assert comparable(load_form(form_id, version)) == expected
