"""Labels of the report workbooks in ru / kk / en, kept as data in
resources/report_labels.toml (sheet names <= 31 characters)."""
from __future__ import annotations

import functools
import tomllib

from forms.paths import resources_dir


@functools.cache
def labels() -> dict[str, dict[str, str]]:
    with open(resources_dir() / "report_labels.toml", "rb") as fh:
        return tomllib.load(fh)


def t(key: str, lang: str = "ru") -> str:
    entry = labels().get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["ru"]
