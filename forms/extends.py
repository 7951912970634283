"""Form versions by `extends`: a version file states only what changed from the one before.

`resolve(doc, folder, fail)` turns such a delta (the parsed TOML of a file with
`extends = <version>`) into the complete definition document, the base being the file of the
same form id and that version published by the centre or in the same folder (itself possibly
a delta). The format is
described in forms/loader.py. Pure dict work: the result is checked like any definition.
"""
from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from forms.published import active

Fail = Callable[..., NoReturn]  # raises a DefinitionError naming the file and line

TOP_KEYS = {"id", "version", "extends", "title", "description", "unique_per_period",
            "date_field", "fields", "add_fields", "add_sections", "remove_fields", "rules",
            "remove_rules", "requires_engine"}
_REPLACED = ("title", "description", "unique_per_period", "date_field", "requires_engine")


def base_doc(folder: Path, form_id: object, version: int, fail: Fail) -> dict:
    """The complete document of `form_id` version `version`: a published one (forms/published.py)
    or the one found in `folder`."""
    for entry in active().forms():
        if entry.name == form_id and entry.version == version:
            return tomllib.loads(entry.text)
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
        if doc.get("id") == form_id and doc.get("version") == version:
            return resolve(doc, folder, fail) if "extends" in doc else doc
    fail(f"form {form_id}: extends version {version!r}, which is not in {folder.name}/",
         "extends")
    raise AssertionError  # fail() raises


def resolve(doc: dict, folder: Path, fail: Fail) -> dict:
    """The complete definition of a delta document `doc` (see forms/loader.py)."""
    fid, base_version = doc.get("id"), doc.get("extends")
    unknown = set(doc) - TOP_KEYS
    if unknown:
        fail(f"form {fid}: unknown key(s) {sorted(unknown)} in a file that extends another",
             min(unknown))
    if isinstance(base_version, bool) or not isinstance(base_version, int) or \
            base_version == doc.get("version"):
        fail(f"form {fid}: extends must be another version number, got {base_version!r}",
             "extends")
    out = copy.deepcopy(base_doc(folder, fid, base_version, fail))
    out["version"] = doc.get("version")
    for key in _REPLACED:
        if key in doc:
            out[key] = doc[key]
    for name in doc.get("remove_fields", []):
        _remove_field(out, name, fail)
    for fid_, changes in doc.get("fields", {}).items():
        _field(out, fid_, fail).update(changes)
    for new in doc.get("add_fields", []):
        _add_field(out, dict(new), fail)
    for new in doc.get("add_sections", []):
        _add_section(out, dict(new), fail)
    _rules(out, doc, fail)
    return out


def _fields(doc: dict):
    for section in doc.get("sections", []):
        for i, f in enumerate(section.get("fields", [])):
            yield section, i, f


def _field(doc: dict, fid: str, fail: Fail) -> dict:
    """The inherited field (or roster column) `fid`."""
    for _section, _i, f in _fields(doc):
        if f.get("id") == fid:
            return f
        for col in f.get("columns", []):
            if col.get("id") == fid:
                return col
    fail(f"fields.{fid}: the form it extends has no field {fid!r}", fid)
    raise AssertionError


def _remove_field(doc: dict, fid: str, fail: Fail) -> None:
    for section, i, f in _fields(doc):
        if f.get("id") == fid:
            del section["fields"][i]
            return
    fail(f"remove_fields: the form it extends has no field {fid!r}", fid)


def _add_field(doc: dict, new: dict, fail: Fail) -> None:
    """A new field after the field `after`, or at the end of the section `section`."""
    after, section_id = new.pop("after", None), new.pop("section", None)
    for section in doc.get("sections", []):
        ids = [f.get("id") for f in section.get("fields", [])]
        if after is not None and after in ids:
            section["fields"].insert(ids.index(after) + 1, new)
            return
        if after is None and section.get("id") == section_id:
            section["fields"].append(new)
            return
    fail(f"add_fields {new.get('id')!r}: needs after = \"<field id>\" or section = "
         f"\"<section id>\" of the form it extends", str(new.get("id")),
         key="after" if after is not None else "section")


def _add_section(doc: dict, new: dict, fail: Fail) -> None:
    """A new section after the section `after` (first when `after` is absent)."""
    after = new.pop("after", None)
    ids = [s.get("id") for s in doc.get("sections", [])]
    if after is not None and after not in ids:
        fail(f"add_sections {new.get('id')!r}: no section {after!r} to follow", str(after))
    doc["sections"].insert(ids.index(after) + 1 if after is not None else 0, new)


def _rules(doc: dict, delta: dict, fail: Fail) -> None:
    """`remove_rules` drops inherited rules; a [[rules]] entry replaces the inherited rule of
    its id in place or is appended."""
    rules = doc.setdefault("rules", [])
    for rid in delta.get("remove_rules", []):
        keep = [r for r in rules if r.get("id") != rid]
        if len(keep) == len(rules):
            fail(f"remove_rules: the form it extends has no rule {rid!r}", rid)
        rules[:] = keep
    for rule in delta.get("rules", []):
        ids = [r.get("id") for r in rules]
        if rule.get("id") in ids:
            rules[ids.index(rule.get("id"))] = rule
        else:
            rules.append(rule)
