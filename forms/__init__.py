"""Forms as data: definitions (forms/definitions/*.toml), reference enumerations, validation."""
__version__ = "0.1.0"

from forms.loader import (
    UnknownForm,
    all_forms,
    form_from_text,
    list_forms,
    load_form,
    reload_forms,
)
from forms.messages import field_label, message_text
from forms.model import (
    DefinitionError,
    FieldDef,
    Finding,
    FormDef,
    Rule,
    Section,
    blocking_findings,
    has_errors,
)
from forms.quality_text import clean_text
from forms.validate import check_record_fields, record_data, record_period, validate_record

__all__ = [
    "DefinitionError",
    "FieldDef",
    "Finding",
    "FormDef",
    "Rule",
    "Section",
    "UnknownForm",
    "__version__",
    "all_forms",
    "blocking_findings",
    "check_record_fields",
    "clean_text",
    "field_label",
    "form_from_text",
    "has_errors",
    "list_forms",
    "load_form",
    "message_text",
    "record_data",
    "record_period",
    "reload_forms",
    "validate_record",
]
