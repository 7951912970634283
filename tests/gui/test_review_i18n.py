"""Every UI string of the review room's modules has a Russian and a Kazakh translation in
resources/translations/catalog/*.toml, and the Kazakh one is not Russian copied over."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["review_page", "conflicts_dialog", "sync_page", "dashboard_page", "quality_page",
           "rates_dialog"]
KAZAKH_LETTERS = set("әғқңөұүһі")


def tr_strings() -> list[tuple[str, int, str]]:
    out = []
    for name in MODULES:
        path = ROOT / "desktop" / f"{name}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "tr":
                arg = node.args[0] if node.args else None
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), \
                    f"{name}.py:{node.lineno}: tr() needs one literal string (for lupdate)"
                out.append((name, node.lineno, arg.value))
    return out


def test_every_string_has_ru_and_kk():
    from desktop.i18n_build import load_catalog

    catalog = load_catalog()  # every catalog file: what `make translations` builds from
    strings = tr_strings()
    assert len(strings) > 100
    missing = [f"{m}.py:{line}: {s!r}" for m, line, s in strings
               if not (catalog.get(s, {}).get("ru") and catalog.get(s, {}).get("kk"))]
    assert not missing, "\n".join(missing)
    for _m, _line, s in strings:
        for lang in ("ru", "kk"):
            assert s.count("%") == catalog[s][lang].count("%"), (s, lang)
    kk = " ".join(str(v["kk"]) for v in catalog.values()).lower()  # a list: plural forms
    assert KAZAKH_LETTERS <= set(kk) - {"һ"} | {"һ"}
    same = [s for s, v in catalog.items() if v["ru"] == v["kk"] and any(c.isalpha() for c in s)
            and s not in ("Traffic", "Server: %1", "%1 KB", "&File", "File: %1")]  # «Файл» in both
    assert not same, same
