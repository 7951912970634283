"""Loading translations (our .qm plus Qt's own qtbase) and switching language live."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from forms.paths import resources_dir

TRANSLATIONS = resources_dir() / "translations"  # repo, or the PyInstaller bundle
LANGUAGES = ("ru", "kk", "en")
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
# Qt ships no qtbase_kk: Kazakh users get Qt's own dialogs in Russian rather than English.
QTBASE_FALLBACK = {"ru": ("ru",), "kk": ("kk", "ru"), "en": ()}
_installed: list[QTranslator] = []


def normalize_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "ru"


def install_translators(lang: str) -> str:
    """Replace the installed translators with those for ``lang``; return the language used."""
    app = QCoreApplication.instance()
    lang = normalize_lang(lang)
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"esep_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in QTBASE_FALLBACK.get(lang, ()):
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{candidate}", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
            break
    QLocale.setDefault(QLocale({"ru": QLocale.Language.Russian, "kk": QLocale.Language.Kazakh,
                                "en": QLocale.Language.English}[lang]))
    return lang


def remove_translators() -> None:
    """Back to the English source texts (used by tests to leave no state behind)."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()


def installed_count() -> int:
    return len(_installed)


def switch_language(ctx, lang: str) -> str:
    """Apply ``lang`` live: translators, ctx.lang, the saved setting, then tell every page."""
    lang = install_translators(lang)
    ctx.lang = lang
    ctx.settings_set("lang", lang)
    ctx.signals.sig_language_changed.emit(lang)
    return lang
