"""The forms registry: every version of every form, by id and version.

The shipped definitions (forms/definitions/*.toml, parsed by forms/loader.py) with the
definitions the centre published over them (forms/published.py: the active set). Cached per
folder and per published set, so installing a new set refreshes every reader at once.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

from forms.model import DefinitionError, FormDef
from forms.paths import definitions_key
from forms.published import PublishedSet, active

log = logging.getLogger(__name__)


class UnknownForm(KeyError):
    def __init__(self, form_id, version=None):
        self.form_id, self.version = form_id, version
        v = f" version {version}" if version is not None else ""
        super().__init__(f"unknown form {form_id!r}{v}")

    def __str__(self) -> str:
        return self.args[0]


def load_file(path: str | Path) -> FormDef:
    from forms.loader import form_from_text

    p = Path(path)
    return form_from_text(p.read_text(encoding="utf-8"), p)


def _registry(folder: str) -> dict[tuple[str, int], FormDef]:
    """The shipped definitions of `folder` with the active published ones over them."""
    return _merged(folder, active())


@functools.lru_cache(maxsize=16)
def _merged(folder: str, pset: PublishedSet) -> dict[tuple[str, int], FormDef]:
    from forms import loader

    base = _builtin(folder)
    if not pset:
        return base
    reg = dict(base)
    for entry in pset.forms():
        try:
            form = loader.form_from_text(entry.text, entry.file_name)
        except DefinitionError as exc:  # checked when fetched: a stale engine at worst
            log.warning("published definition skipped: %s", exc)
            continue
        reg[(form.id, form.version)] = form
    return reg


@functools.cache
def _builtin(folder: str) -> dict[tuple[str, int], FormDef]:
    reg: dict[tuple[str, int], FormDef] = {}
    for path in sorted(Path(folder).glob("*.toml")):
        form = load_file(path)
        key = (form.id, form.version)
        if key in reg:
            raise DefinitionError(f"form {form.id!r} version {form.version} is also defined "
                                  f"in {Path(reg[key].source_path).name}", path=path, line=1)
        reg[key] = form
    return reg


def reload_forms() -> None:
    """Forget cached definitions, enumerations, messages and thresholds (after the files or
    ESEP_APP_ROOT changed)."""
    from forms.messages import messages
    from forms.reference import clear_cache
    from forms.thresholds import flat_thresholds, thresholds
    clear_cache()
    _builtin.cache_clear()
    _merged.cache_clear()
    messages.cache_clear()
    thresholds.cache_clear()
    flat_thresholds.cache_clear()


def all_forms(folder: str | Path | None = None) -> list[FormDef]:
    """Every version of every form, ordered by id then version."""
    reg = _registry(str(folder) if folder else definitions_key())
    return [reg[k] for k in sorted(reg)]


def load_form(form_id: str, version: int | None = None, *, folder=None) -> FormDef:
    """The definition of `form_id` (latest version when `version` is None)."""
    if version is not None:  # the common case (every record names its version): one lookup
        wanted = _int_or_none(version)
        reg = _registry(str(folder) if folder else definitions_key())
        found = reg.get((form_id, wanted)) if wanted is not None else None
        if found is not None:
            return found
    versions = [f for f in all_forms(folder) if f.id == form_id]
    if version is not None:
        versions = [f for f in versions if f.version == int(version)]
    if not versions:
        raise UnknownForm(form_id, version)
    return versions[-1]


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def list_forms(*, folder=None) -> list[FormDef]:
    """The latest version of each form."""
    latest: dict[str, FormDef] = {}
    for f in all_forms(folder):
        latest[f.id] = f
    return list(latest.values())
