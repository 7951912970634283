"""Definitions published by the centre (forms and enumerations), on top of the shipped ones.

A published definition is kept as its complete TOML text (a form's `extends` already resolved)
with its version and the engine it needs (`requires_engine`, default 1). The forms registry
(forms/loader.py) and the enumerations (forms/reference.py) read the *active* set:

- a client's set is process-wide (`set_default`): the store installs what it keeps when it
  opens and again after a sync fetched new definitions, so the next new record uses them;
- a server request's set is per context (`use`, a ContextVar): the server installs the set of
  its own database, so a test process holding a client and a server never mixes the two.

Caches key on the set itself (hashed by identity), so installing a new set is the whole
refresh. No I/O here.
"""
from __future__ import annotations

import contextlib
import re
import tomllib
from contextvars import ContextVar
from dataclasses import dataclass
from typing import cast

from forms.model import DefinitionError

# The version of this forms engine. A definition whose `requires_engine` is greater is kept but
# not used: the client goes on with the version it has and says why.
ENGINE_VERSION = 1
FORM, ENUM = "form", "enum"
KINDS = (FORM, ENUM)

@dataclass(frozen=True)
class Entry:
    kind: str  # FORM | ENUM
    name: str  # form id or enumeration name
    version: int
    text: str  # the complete definition (TOML)
    requires_engine: int = 1

    @property
    def usable(self) -> bool:
        return self.requires_engine <= ENGINE_VERSION

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "version": self.version,
                "requires_engine": self.requires_engine, "definition": self.text}

    @classmethod
    def from_dict(cls, d: dict) -> Entry:
        kind, name, version = d.get("kind"), d.get("name"), d.get("version")
        needs = d.get("requires_engine", 1)
        if kind not in KINDS or not isinstance(name, str) or not name \
                or not _positive(version) or not _positive(needs) \
                or not isinstance(d.get("definition"), str):
            raise ValueError(f"not a published definition: {str(d)[:120]!r}")
        return cls(kind, name, cast(int, version), d["definition"], cast(int, needs))

    @property
    def file_name(self) -> str:
        """The name errors and findings give this definition (it has no file)."""
        return f"{self.name}.v{self.version}.toml"


def _positive(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


class PublishedSet:
    """An immutable set of published definitions; compared and hashed by identity."""

    def __init__(self, entries=()):
        self.entries = tuple(sorted(entries, key=lambda e: (e.kind, e.name, e.version)))

    def forms(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == FORM]

    def enum(self, name: str) -> Entry | None:
        """The newest published version of enumeration `name`, or None."""
        found = [e for e in self.entries if e.kind == ENUM and e.name == name]
        return found[-1] if found else None

    def enum_names(self) -> set[str]:
        return {e.name for e in self.entries if e.kind == ENUM}

    def __bool__(self) -> bool:
        return bool(self.entries)


EMPTY = PublishedSet()
_default: PublishedSet = EMPTY
_active: ContextVar[PublishedSet | None] = ContextVar("esep_published", default=None)


def active() -> PublishedSet:
    """The set this context reads: a server request's own (even an empty one), else the
    process's."""
    pset = _active.get()
    return _default if pset is None else pset


def set_default(pset: PublishedSet) -> None:
    """Install the process-wide set (a client: what its store keeps). The same definitions
    again keep the installed set, and with it every cache built on it."""
    global _default
    if pset.entries != _default.entries:
        _default = pset


def use(pset: PublishedSet) -> None:
    """Install `pset` for this context only (a server request; the EMPTY set included)."""
    _active.set(pset)


@contextlib.contextmanager
def using(pset: PublishedSet):
    """`pset` active inside the block (checking a definition against a set not yet kept)."""
    token = _active.set(pset)
    try:
        yield pset
    finally:
        _active.reset(token)


def toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML error names."""
    found = re.search(r"line (\d+)", str(exc))
    return getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)


def requires_engine(text: str, path: str = "<text>") -> int:
    """The `requires_engine` of a definition (1 when absent); read before anything else, so a
    definition for a newer engine is recognised even when this engine cannot parse the rest."""
    try:
        value = tomllib.loads(text).get("requires_engine", 1)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"invalid TOML: {exc}", path=path, line=toml_line(exc)) from None
    if not _positive(value):
        from forms.loader import find_line
        raise DefinitionError(f"requires_engine must be a positive integer, got {value!r}",
                              path=path, line=find_line(text, "requires_engine"))
    return value


def held_back_text(held: dict, lang: str = "ru") -> str:
    """Why a published definition ({kind, name, version, requires_engine}) is not used, in
    `lang` (message `needs_newer_engine` of resources/messages.toml)."""
    from forms.messages import message_text

    name = str(held.get("name"))
    try:
        if held.get("kind") == FORM:
            from forms.registry import load_form
            name = load_form(name).title.get(lang) or name
        else:
            from forms.reference import get_enum
            name = get_enum(name).title.get(lang) or name
    except (KeyError, ValueError):
        pass  # a form or enumeration this client never had: its id
    return message_text("needs_newer_engine", lang, {
        "name": name, "version": held.get("version"), "needs": held.get("requires_engine"),
        "engine": ENGINE_VERSION})
