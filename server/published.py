"""Forms and enumerations the centre publishes (`esep server admin publish-form`, PUT
/api/v1/forms/{id} and /api/v1/enums/{name}).

A definition is parsed by the same engine the clients run (forms/loader.py; a form may
`extends` an earlier version, shipped or published), refused with `file:line` errors when
invalid, and must carry a version greater than every version of that form or enumeration
known. It is stored complete (`extends` resolved) in `published_definitions`, and the
`forms_version` counter is bumped in the same transaction: pull pages carry that counter so
clients fetch the definitions (GET /api/v1/definitions) only after a change.

Every request of the server reads its database's set (`activate`, a per-request ContextVar of
forms/published.py): pushes are validated with the record's own version, published or shipped.
`requires_engine` is for clients: an older client keeps what it has; the server parses the
definition itself, so it validates records of it.
"""
from __future__ import annotations

import threading
import weakref
from pathlib import Path

import sqlalchemy as sa

from forms.model import DefinitionError
from forms.paths import definitions_dir
from forms.periods import utc_now
from forms.published import ENUM, FORM, Entry, PublishedSet, requires_engine, using
from server.db import counters, published_definitions

VERSION_COUNTER = "forms_version"
WRITERS = ("admin", "central")
_sets: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> (version, set)
_lock = threading.Lock()


class PublishError(ValueError):
    """A refused definition: `errors` are `file:line: why` (HTTP 422, CLI exit 2)."""

    def __init__(self, code: str, error: str):
        super().__init__(error)
        self.code, self.errors = code, [error]


# the counter's value (None without a row), a statement of its own or a column of another's
VERSION_VALUE = sa.select(counters.c.value).where(counters.c.name == VERSION_COUNTER)


def forms_version(conn) -> int:
    return int(conn.execute(VERSION_VALUE).scalar_one_or_none() or 0)


def current(engine: sa.Engine, conn=None, version: int | None = None) -> PublishedSet:
    """The published set of this database (read again only when its counter moved), on
    `conn` when the caller has one open on `engine`; `version`: the counter, when the caller
    read it (in the same transaction)."""
    if conn is None:
        with engine.connect() as own:
            return current(engine, own, version)
    if version is None:
        version = forms_version(conn)
    cached = _sets.get(engine)
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = conn.execute(sa.select(published_definitions)).all()
    pset = PublishedSet(Entry(r.kind, r.name, r.version, r.definition, r.requires_engine)
                        for r in rows)
    with _lock:
        _sets[engine] = (version, pset)
    return pset


def definitions(engine: sa.Engine) -> dict:
    """GET /definitions: the counter and every published definition."""
    with engine.connect() as conn:
        version = forms_version(conn)
        rows = conn.execute(sa.select(published_definitions).order_by(
            published_definitions.c.kind, published_definitions.c.name,
            published_definitions.c.version)).all()
    return {"version": version,
            "definitions": [Entry(r.kind, r.name, r.version, r.definition,
                                  r.requires_engine).to_dict() for r in rows]}


def publish_form(engine: sa.Engine, text: str, *, file_name: str, by: str,
                 form_id: str | None = None) -> dict:
    """Check and store one form definition; PublishError names the file and line."""
    from forms.loader import find_line, form_from_text
    from forms.registry import UnknownForm, load_form

    with using(current(engine)):
        try:
            needs = requires_engine(text, file_name)
            form = form_from_text(text, file_name, folder=definitions_dir())
        except DefinitionError as exc:
            raise PublishError("invalid_definition", str(exc)) from None
        where = f"{Path(file_name).name}:{find_line(text, 'version') or 1}"
        if form_id is not None and form.id != form_id:
            raise PublishError("invalid_definition",
                f"{Path(file_name).name}:{find_line(text, 'id') or 1}: the file defines form "
                f"{form.id!r}, not {form_id!r}")
        try:
            newest = load_form(form.id).version
        except UnknownForm:
            newest = 0
        if form.version <= newest:
            raise PublishError("version_not_newer",
                f"{where}: version {form.version} of form {form.id!r}: the version must be "
                f"greater than {newest}, the newest known")
    return _store(engine, Entry(FORM, form.id, form.version, form.definition_text, needs), by)


def publish_enum(engine: sa.Engine, text: str, *, file_name: str, by: str,
                 name: str | None = None) -> dict:
    """Check and store one enumeration (the shipped format, plus `version`)."""
    from forms.loader import find_line
    from forms.reference import UnknownEnumeration, enum_from_text, enum_version, get_enum

    with using(current(engine)):
        try:
            needs = requires_engine(text, file_name)
            enum = enum_from_text(text, file_name, name)
        except DefinitionError as exc:
            raise PublishError("invalid_definition", str(exc)) from None
        version, where = enum_version(enum), f"{Path(file_name).name}:"
        try:
            old = get_enum(enum.name)
        except UnknownEnumeration:
            old = None
        newest = enum_version(old) if old is not None else 0
        if version <= newest:
            raise PublishError("version_not_newer",
                f"{where}{find_line(text, 'version') or 1}: version {version} of enumeration "
                f"{enum.name!r}: the version must be greater than {newest}, the newest known")
        missing = [c for c in (old.codes if old is not None else []) if c not in enum]
        if missing:
            raise PublishError("invalid_definition",
                f"{where}{find_line(text, '[[item]]') or 1}: code(s) {', '.join(missing)} of "
                f"version {newest} are missing: records may hold them; keep every code")
    return _store(engine, Entry(ENUM, enum.name, version, text, needs), by)


def _store(engine: sa.Engine, entry: Entry, by: str) -> dict:
    """The row and the counter in one transaction (the counter first: it serialises writers)."""
    try:
        with engine.begin() as conn:
            version = conn.execute(counters.update().where(counters.c.name == VERSION_COUNTER)
                                   .values(value=counters.c.value + 1)
                                   .returning(counters.c.value)).scalar_one()
            conn.execute(published_definitions.insert().values(
                kind=entry.kind, name=entry.name, version=entry.version,
                requires_engine=entry.requires_engine, definition=entry.text,
                published_by=by, published_at=utc_now()))
    except sa.exc.IntegrityError:
        raise PublishError("version_not_newer",
            f"{entry.file_name}: {entry.kind} {entry.name!r} version {entry.version} was "
            "published a moment ago by someone else") from None
    return {"kind": entry.kind, "name": entry.name, "version": entry.version,
            "requires_engine": entry.requires_engine, "forms_version": int(version)}
