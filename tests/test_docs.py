"""The contributor docs hold what the code cites: every `DOMAIN §x` / `DOMAIN decision n` in a
source file exists in docs/DOMAIN.md, every rule VR-01 … VR-35 has its line there, and the
docs name no file that is not in the repository."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = (ROOT / "docs" / "DOMAIN.md").read_text(encoding="utf-8")
SOURCES = [p for d in ("forms", "store", "sync", "server", "reports", "desktop", "cli",
                       "resources", "tests") for p in (ROOT / d).rglob("*")
           if p.suffix in (".py", ".toml")]
CITE = re.compile(r"DOMAIN(?:\.md)?[ ,]+(?:§(\d+(?:\.\d+)?)|decisions? (\d+))")


def _sections() -> set[str]:
    found = set(re.findall(r"^## (\d+)\.", DOMAIN, re.MULTILINE))
    found |= set(re.findall(r"\*\*(\d+\.\d+) E\d+", DOMAIN))
    found |= set(re.findall(r"^- (\d+\.\d+) ", DOMAIN, re.MULTILINE))
    return found


def test_every_domain_citation_resolves():
    sections = _sections()
    decisions = set(re.findall(r"^(\d+)\. \*\*", DOMAIN, re.MULTILINE))
    missing = []
    for path in SOURCES:
        for sec, dec in CITE.findall(path.read_text(encoding="utf-8")):
            if (sec and sec not in sections) or (dec and dec not in decisions):
                missing.append(f"{path.relative_to(ROOT)}: §{sec or ''} decision {dec or ''}")
    assert not missing, missing
    assert {"0", "1", "2", "3", "4", "1.3", "1.10", "2.12", "2.19"} <= sections
    assert decisions == {str(n) for n in range(1, 12)}


def test_every_rule_has_a_line_with_a_place():
    rows = dict(re.findall(r"^\| (VR-\d\d) \| [^|]+ \| ([^|]+) \|", DOMAIN, re.MULTILINE))
    assert sorted(rows) == [f"VR-{n:02d}" for n in range(1, 36)]
    for rule, where in rows.items():
        for path in re.findall(r"`([a-z_/]+\.(?:py|toml))`", where):
            assert (ROOT / path).exists(), f"{rule}: {path}"


def test_docs_name_no_missing_file_and_no_machine_path():
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        text = doc.read_text(encoding="utf-8")
        # a build machine's paths (as character classes, so this line does not match itself)
        assert not re.search(r"/wor[k]/|/tm[p]/|docs/briefs|HELPER_BRIEF|\bsession \d", text), doc
