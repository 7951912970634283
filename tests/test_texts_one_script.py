"""Every user-facing text we ship keeps one script inside a word: a Latin «i» typed for the
Kazakh «і» inside a Cyrillic word («ерiктiге») looks right and breaks search, sorting and
screen readers. Checked over the form definitions, enumerations, messages, report labels
and the Qt translations."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CYR = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІіҺһ"
MIXED = re.compile(rf"[{CYR}][A-Za-z]+[{CYR}]|[{CYR}]{{2}}[A-Za-z]+\b|\b[A-Za-z]+[{CYR}]{{2}}")
SOURCES = [*(ROOT / "resources").rglob("*.toml"), *(ROOT / "forms" / "definitions").rglob("*.toml"),
           *(ROOT / "resources" / "translations").glob("*.ts")]


def test_no_latin_letters_inside_cyrillic_words():
    assert len(SOURCES) > 20
    found = [f"{p.relative_to(ROOT)}:{n}: {m.group()!r}"
             for p in SOURCES
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             for m in MIXED.finditer(re.sub(r"\\[ntr]", " ", line))]  # «\n» is no letter
    assert not found, found[:20]
