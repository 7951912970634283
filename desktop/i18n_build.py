"""Translations pipeline (`make translations`).

1. ``pyside6-lupdate`` over desktop/*.py -> resources/translations/esep_{ru,kk,en}.ts
2. fill every message from the TOML catalogs resources/translations/catalog/*.toml
   (``"Source text" = { ru = "...", kk = "..." }``; English is the source text itself) and
   mark it finished; a message with no catalog entry stays unfinished (and is listed).
   A numerus message (``tr("%n …", "", n)``) takes a list, one text per plural form of the
   language in Qt's order: ``"%n report" = { ru = ["%n отчёт", "%n отчёта", "%n отчётов"],
   kk = ["%n есеп", "%n есеп"], en = ["%n report", "%n reports"] }`` (ru 3 forms: one, few,
   many; kk and en 2: one, other). English falls back to the source text in every form.
3. ``pyside6-lrelease`` -> .qm next to each .ts
"""
from __future__ import annotations

import contextlib
import os
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


Entry = str | list[str]


def load_catalog() -> dict[str, dict[str, Entry]]:
    """All catalog files merged: source text -> {lang: text, or plural forms as a list}."""
    merged: dict[str, dict[str, Entry]] = {}
    for path in sorted(CATALOGS.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for source, langs in data.items():
            if isinstance(langs, dict):
                merged.setdefault(source, {}).update(
                    {k: [str(f) for f in v] if isinstance(v, list) else str(v)
                     for k, v in langs.items()})
    return merged


def fill_ts(lang: str, catalog: dict[str, dict[str, Entry]]) -> list[str]:
    """Fill translations in esep_<lang>.ts; returns the sources left unfinished."""
    path = ts_path(lang)
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        entry = catalog.get(source, {}).get(lang)
        if message.get("numerus") == "yes":
            done = _fill_numerus(translation, entry, source, lang)
        else:
            text = source if lang == "en" else entry
            done = isinstance(text, str) and bool(text)
            if done:
                translation.text = text
        if done:
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def _fill_numerus(translation: ET.Element, entry: Entry | None, source: str,
                  lang: str) -> bool:
    """Put the plural forms into the <numerusform>s lupdate made (as many as the language
    has); False when the catalog gives no list of exactly that length."""
    slots = translation.findall("numerusform")
    if entry is None and lang == "en":
        entry = [source] * len(slots)
    if not isinstance(entry, list) or len(entry) != len(slots) or not all(entry):
        return False
    for slot, text in zip(slots, entry):
        slot.text = text
    return True


def unfinished(lang: str) -> list[str]:
    """Sources of messages in esep_<lang>.ts still marked unfinished (or empty)."""
    tree = ET.parse(ts_path(lang))
    out = []
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        texts = [tr.text] if tr is not None and message.get("numerus") != "yes" else \
            [f.text for f in (tr.findall("numerusform") if tr is not None else [])]
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not texts or not all((t or "").strip() for t in texts):
            out.append(message.findtext("source") or "")
    return out


def run_lrelease(force: bool = True) -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            # written aside and moved in: a running app or test never loads a half-written .qm
            tmp = qm.with_name(f"{qm.name}.{os.getpid()}.tmp")
            subprocess.run([*lrelease_cmd(), "-silent", str(ts), "-qm", str(tmp)], check=True)
            os.replace(tmp, qm)
            built.append(qm)
    return built


def build(force: bool = False, update: bool = True) -> dict[str, list[str]]:
    """The whole pipeline; returns {lang: unfinished sources}. One build at a time on this
    checkout (two test workers building at once rewrote each other's .ts files)."""
    missing: dict[str, list[str]] = {}
    with _one_build():
        if update and shutil.which(_tool("pyside6-lupdate")):
            run_lupdate()
            catalog = load_catalog()
            for lang in LANGS:
                missing[lang] = fill_ts(lang, catalog)
        run_lrelease(force=True if update else force)
    return missing


@contextlib.contextmanager
def _one_build():
    """An exclusive lock on a file beside the translations (no lock where fcntl is not)."""
    try:
        import fcntl
    except ImportError:  # Windows: builds are not run concurrently there
        yield
        return
    with open(TRANSLATIONS / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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
