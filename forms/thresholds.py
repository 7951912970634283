"""Data-quality rule thresholds: resources/quality.toml (never hard-coded in the rules)."""
from __future__ import annotations

import functools
import tomllib

from forms.paths import resources_dir


@functools.cache
def thresholds() -> dict:
    """The nested tables of quality.toml, e.g. thresholds()["vr02"]["mom_pct"]."""
    with (resources_dir() / "quality.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def flat_thresholds() -> dict:
    """Dotted keys for the rule language: threshold("vr21.state_share_max")."""
    out: dict = {}

    def walk(prefix: str, node: dict) -> None:
        for k, v in node.items():
            key = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(key, v)
            else:
                out[key] = v
    walk("", thresholds())
    return out


def th(rule: str, key: str, default=None):
    """One threshold: th("vr02", "mom_pct")."""
    return thresholds().get(rule, _NO_TABLE).get(key, default)


_NO_TABLE: dict = {}  # a rule without a table (never written: only read by `th`)
