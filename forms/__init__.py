"""Forms as data: definitions (forms/definitions/*.toml), reference enumerations, validation.

The public names below are loaded on first use (PEP 562), so `import forms.paths` (the desktop
needs the data folder before its first window paints) does not parse the form machinery."""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "forms.lifecycle": ("LifecycleError", "Status", "Verdict", "blocking", "transition",
                        "verdict"),
    "forms.history": ("history_of", "history_window"),
    "forms.loader": ("form_from_text",),
    "forms.registry": ("UnknownForm", "all_forms", "list_forms", "load_form", "reload_forms"),
    "forms.published": ("ENGINE_VERSION",),
    "forms.messages": ("field_label", "message_text"),
    "forms.model": ("DefinitionError", "FieldDef", "Finding", "FormDef", "Rule", "Section",
                    "has_errors"),
    "forms.quality_text": ("clean_text",),
    "forms.validate": ("check_record_fields", "record_data", "record_period",
                       "validate_record"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = ["__version__", *sorted(_WHERE)]  # noqa: PLE0604 - resolved by __getattr__


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'forms' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
