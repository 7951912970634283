"""Loading translations (our .qm plus Qt's own qtbase) and switching language live."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from forms.paths import resources_dir

TRANSLATIONS = resources_dir() / "translations"  # repo, or the PyInstaller bundle
LANGUAGES = ("ru", "kk", "en")
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
# Qt ships no qtbase_kk: for Kazakh, qtbase_ru is loaded and our qt_kk.qm (standard buttons,
# edit menus, the file dialog) over it, so a Qt text we have not translated stays Russian.
QTBASE_FALLBACK = {"ru": ("ru",), "kk": ("kk", "ru"), "en": ()}
QT_OWN = {"kk": "qt_kk.qm", "ru": "qt_ru.qm"}  # what qtbase leaves English (or has not)
_installed: list[QTranslator] = []


def normalize_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "ru"


def install_translators(lang: str) -> str:
    """Replace the installed translators with those for ``lang``; return the language used."""
    app = QCoreApplication.instance()
    lang = normalize_lang(lang)
    remove_translators()
    _install(app, str(TRANSLATIONS / f"esep_{lang}.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in QTBASE_FALLBACK.get(lang, ()):
        if _install(app, f"qtbase_{candidate}", qt_dir):
            break
    if lang in QT_OWN:  # installed last: searched first
        _install(app, str(TRANSLATIONS / QT_OWN[lang]))
    from desktop.dates_text import locale_of
    QLocale.setDefault(locale_of(lang))
    return lang


def _install(app, name: str, folder: str = "") -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


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
