"""Forms as data: definitions (forms/definitions/*.toml), reference enumerations, validation."""
__version__ = "0.1.0"

from forms.loader import UnknownForm, all_forms, form_from_text, list_forms, load_form, reload_forms
from forms.messages import message_text
from forms.model import (DefinitionError, FieldDef, Finding, FormDef, Rule, Section,
                         blocking_findings, has_errors)
from forms.validate import record_data, record_period, validate_record

__all__ = [
    "__version__", "load_form", "list_forms", "all_forms", "form_from_text", "reload_forms",
    "validate_record", "record_period", "record_data", "message_text", "has_errors",
    "blocking_findings", "Finding", "FormDef", "FieldDef", "Section", "Rule",
    "DefinitionError", "UnknownForm",
]
