"""The annual report's words in ru / kk / en (resources/annual.toml) and its labels."""
from __future__ import annotations

import functools
import tomllib

from forms.paths import resources_dir
from reports._ref import label

LANGS = ("ru", "kk", "en")


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    with open(resources_dir() / "annual.toml", "rb") as fh:
        return tomllib.load(fh)


def t(key: str, lang: str = "ru", **params) -> str:
    """The text of `key` in `lang` (Russian where a translation is missing), formatted."""
    entry = catalogue()[key]
    text = entry.get(lang) or entry["ru"]
    return text.format(**{k: num(v, lang) if isinstance(v, (int, float))
                          and not isinstance(v, bool) and k != "year" else v
                          for k, v in params.items()}) if params else text


def rule_name(rule: str, lang: str) -> str:
    """A data-quality rule as a reader sees it: «VR-06 · Неправдоподобные часы» (the id alone
    where the catalogue has no title for it)."""
    key = f"rule_{rule}"
    return f"{rule} · {t(key, lang)}" if key in catalogue() else rule


def region_name(code: str, lang: str) -> str:
    return label("regions", code, lang)


# The decimal mark of each language: «30,2 %» in Russian and Kazakh, «30.2 %» in English.
DECIMAL_MARK = {"ru": ",", "kk": ",", "en": "."}


def num(value, lang: str = "ru") -> str:
    """A cell as the report prints it in `lang`: thin-spaced thousands, up to two decimals
    after the language's decimal mark; text as is."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    return text.replace(",", "\u202f").replace(".", DECIMAL_MARK.get(lang, "."))
