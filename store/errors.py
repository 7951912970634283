"""Store exceptions. Each carries a `code` (message code) and, where it applies, the record,
the field and a list of `problems` (one dict per bad record/field) for bulk operations."""
from __future__ import annotations

from collections import Counter


class StoreError(Exception):
    """A user-facing store error: which record, which field, why."""

    def __init__(self, message: str, *, code: str = "store_error", record_id: str | None = None,
                 field: str | None = None, problems: list[dict] | None = None,
                 params: dict | None = None):
        """`params`: the values the message `code` is said with (resources/messages.toml)."""
        super().__init__(message)
        self.code = code
        self.params = params
        self.record_id = record_id
        self.field = field
        self.problems = list(problems or [])


class NotFound(StoreError):
    """No (live) record with that id."""

    def __init__(self, record_id: str):
        super().__init__(f"record {record_id} not found", code="not_found", record_id=record_id)


class SubmitBlocked(StoreError):
    """Submission (or a correction) is blocked by validation findings.

    Errors always block; warnings block until a justification is given."""

    def __init__(self, findings, *, record_id: str | None = None):
        self.findings = list(findings)
        counts = Counter((f.rule, f.severity) for f in self.findings)  # once a rule: VR-02
        rules = ", ".join(f"{rule} ({severity})" + (f" ×{n}" if n > 1 else "")  # ×30 was
                          for (rule, severity), n in counts.items())   # said 30 times
        super().__init__(f"record {record_id}: submission blocked by {rules}",
                         code="submit_blocked", record_id=record_id)


def error_text(exc: Exception, lang: str = "ru") -> str:
    """The translated text for a store error's code (forms' messages.toml), with the
    technical detail after it; other exceptions fall back to their own text."""
    from forms.messages import has_message, message_text

    code = getattr(exc, "code", None)
    if not code or not has_message(code):
        return str(exc)
    params = {"field": getattr(exc, "field", None) or "",
              "record": getattr(exc, "record_id", None) or ""}
    return f"{message_text(code, lang, params)} ({exc})"
