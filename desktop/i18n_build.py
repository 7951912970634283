"""Translations pipeline (`make translations`).

1. ``pyside6-lupdate`` over desktop/*.py -> resources/translations/esep_{ru,kk,en}.ts
2. fill every message from the TOML catalogs resources/translations/catalog/*.toml
   (``"Source text" = { ru = "...", kk = "..." }``; English is the source text itself) and
   mark it finished; a message with no catalog entry stays unfinished (and is listed)
3. ``pyside6-lrelease`` -> .qm next to each .ts
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGS = TRANSLATIONS / "catalog"
LANGS = ("ru", "kk", "en")
QT_LANG = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_US"}


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def lrelease_cmd() -> list[str]:
    return [_tool("pyside6-lrelease")]


def sources() -> list[Path]:
    return sorted((ROOT / "desktop").glob("*.py"))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"esep_{lang}.ts"


def run_lupdate() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete",
                        "-target-language", QT_LANG[lang],
                        *[str(p) for p in sources()], "-ts", str(ts_path(lang))],
                       check=True, cwd=ROOT)


def load_catalog() -> dict[str, dict[str, str]]:
    """All catalog files merged: source text -> {lang: text}."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(CATALOGS.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for source, langs in data.items():
            if isinstance(langs, dict):
                merged.setdefault(source, {}).update({k: str(v) for k, v in langs.items()})
    return merged


def fill_ts(lang: str, catalog: dict[str, dict[str, str]]) -> list[str]:
    """Fill translations in esep_<lang>.ts; returns the sources left unfinished."""
    path = ts_path(lang)
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        text = source if lang == "en" else catalog.get(source, {}).get(lang)
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def unfinished(lang: str) -> list[str]:
    """Sources of messages in esep_<lang>.ts still marked unfinished (or empty)."""
    tree = ET.parse(ts_path(lang))
    out = []
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (tr.text or "").strip():
            out.append(message.findtext("source") or "")
    return out


def run_lrelease(force: bool = True) -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*lrelease_cmd(), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built


def build(force: bool = False, update: bool = True) -> dict[str, list[str]]:
    """The whole pipeline; returns {lang: unfinished sources}."""
    missing: dict[str, list[str]] = {}
    if update and shutil.which(_tool("pyside6-lupdate")):
        run_lupdate()
        catalog = load_catalog()
        for lang in LANGS:
            missing[lang] = fill_ts(lang, catalog)
    run_lrelease(force=True if update else force)
    return missing


def main(argv: list[str]) -> int:
    missing = build(force="--force" in argv, update="--no-update" not in argv)
    code = 0
    for lang, sources_left in missing.items():
        for source in sources_left:
            print(f"esep_{lang}.ts: unfinished: {source!r}", file=sys.stderr)
            code = 1 if lang in ("ru", "kk") and "--check" in argv else code
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
