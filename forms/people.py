"""Is this roster row the person on that one? One decision for every layer (DOMAIN VR-20).

A match needs the name AND the organization to agree: names across scripts, spellings and
initials (`forms.names.same_person`), organizations across scripts and legal forms
(`forms.orgnames`). Alike names in different (or unknown) organizations are namesakes: worth
a look at most (`info`), never a finding that blocks — namesakes are common, and a one-letter
difference in another region and another organization is usually another person.
"""
from __future__ import annotations

import re
from typing import Literal

from forms.names import name_tokens, same_person
from forms.orgnames import org_key, same_org

Match = Literal["same", "namesake"]
_NOT_DIGIT = re.compile(r"\D")
_BETWEEN_PHONES = re.compile(r"[,;/\n]")
_LONGEST = 11                       # «8 701 234 56 78», «+7 701 234 56 78»


def phone_key(text) -> str:
    """A phone number as its last 10 digits («+7 (701) 234-56-78», «8 701 2345678» and
    «7012345678» agree); of two in a cell («+7 701 123 4567, 8 702 111 22 33», or one under
    the other) the first; "" when none is given."""
    numbers = [d for d in (_NOT_DIGIT.sub("", p) for p in _BETWEEN_PHONES.split(str(text or "")))
               if d]
    digits = numbers[0] if numbers else ""
    if len(digits) > _LONGEST:      # two numbers typed on two lines, read as one line
        digits = digits[:_LONGEST] if digits[0] in "78" else digits[:_LONGEST - 1]
    return digits[-10:]


def phone_text(field_id: str, value):
    """A phone cell as one line: numbers typed one under another (Alt+Enter) are kept apart
    by «, » («8 701 234 56 78, 8 702 000 00 00»), not run together by the line's spaces;
    any other field's value is returned as it is."""
    if "phone" not in field_id or not isinstance(value, str) or "\n" not in value.strip():
        return value
    return ", ".join(line.strip() for line in value.splitlines() if line.strip())


def person_key(name: str, organization: str = "") -> str:
    """Exact key for duplicates inside one list: same name (any script, any word order) and
    the same organization (any script, with or without its legal form)."""
    toks = " ".join(sorted(name_tokens(name or "")))
    return f"{toks}|{org_key(organization or '')}"


def person_match(name: str, org: str, other_name: str, other_org: str) -> Match | None:
    """'same' when names and organizations agree, 'namesake' when only the names do."""
    if not same_person(name or "", other_name or ""):
        return None
    a, b = org_key(org or ""), org_key(other_org or "")
    return "same" if a and b and same_org(a, b) else "namesake"
