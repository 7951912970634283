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


def phone_key(text) -> str:
    """A phone number as its last 10 digits («+7 (701) 234-56-78», «8 701 2345678» and
    «7012345678» agree); "" when none is given."""
    return _NOT_DIGIT.sub("", str(text or ""))[-10:]


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
