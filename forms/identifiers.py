"""Kazakhstan identification numbers: the БИН / ИИН control digit (12 digits, the last one a
check digit). The one implementation; the field checker applies it to a text field marked
`check = "bin"` (forms/fieldcheck.py) and the registry import reports it (reports/registry.py).

The algorithm: the first 11 digits weighted 1..11, summed, modulo 11; a remainder of 10 means
a second pass with the weights 3,4,5,6,7,8,9,10,11,1,2; a remainder of 10 again means the
number cannot be valid.
"""
from __future__ import annotations

import re

_WEIGHTS = (tuple(range(1, 12)), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))
_BIN = re.compile(r"\d{12}")
_SPACES = re.compile(r"[\s\u00a0-]+")


def clean_bin(value) -> str:
    """The number as typed, without spaces or dashes (a spreadsheet number made 12 digits)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).zfill(12)
    return _SPACES.sub("", str(value if value is not None else ""))


def control_digit(first11: str) -> int | None:
    """The check digit for 11 digits, or None when no digit can make them valid."""
    digits = [int(c) for c in first11]
    for weights in _WEIGHTS:
        rest = sum(d * w for d, w in zip(digits, weights)) % 11
        if rest != 10:
            return rest
    return None


def bin_problem(value) -> tuple[str, dict] | None:
    """None for a valid БИН/ИИН, else (message code, params): `bin_format` (not 12 digits) or
    `bin_checksum` (the last digit is not the control digit)."""
    text = clean_bin(value)
    if not _BIN.fullmatch(text):
        return "bin_format", {"value": str(value)}
    expected = control_digit(text[:11])
    if expected is None or expected != int(text[11]):
        return "bin_checksum", {"value": text,
                                "expected": "—" if expected is None else expected}
    return None


def is_valid_bin(value) -> bool:
    return bin_problem(value) is None
