"""Translations: every .ts entry finished for kk and ru; .qm loads; qtbase loaded too, and
Qt's own texts in Kazakh from resources/translations/qt_kk.ts."""
from __future__ import annotations

import pytest

from desktop import i18n_build

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def built():
    return i18n_build.build()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_unfinished_entries(built, lang):
    left = i18n_build.unfinished(lang)
    assert not left, f"esep_{lang}.ts: {len(left)} unfinished, e.g. {left[:10]}"


def test_catalog_has_no_empty_texts():
    for source, langs in i18n_build.load_catalog().items():
        for lang in ("ru", "kk"):
            texts = langs.get(lang) or ""  # a list: the plural forms of a %n text
            for text in texts if isinstance(texts, list) else [texts]:
                assert text.strip(), f"catalog: {source!r} has no {lang} text"


@pytest.mark.parametrize("lang,expected", [("ru", "Настройки"), ("kk", "Баптаулар"),
                                           ("en", "Settings")])
def test_qm_translates(qapp, built, lang, expected):
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import install_translators, installed_count, remove_translators
    install_translators(lang)
    assert QCoreApplication.translate("SettingsPage", "Settings") == expected
    if lang != "en":  # + qtbase_ru and our qt_<lang>.qm over it (Qt's texts it lacks)
        assert installed_count() == {"ru": 3, "kk": 3}[lang]
    remove_translators()


@pytest.mark.parametrize("lang,cancel,yes,name", [
    ("kk", "Бас тарту", "&Иә", "Файл &аты:"), ("ru", "Отмена", "&Да", "&Имя файла:"),
    ("en", "Cancel", "&Yes", "File &name:")])
def test_qt_own_texts_follow_the_language(qapp, built, lang, cancel, yes, name):
    """Qt's standard buttons and file dialog speak the interface language; for Kazakh our
    qt_kk.qm covers them (Qt ships none), for the rest qtbase_ru stays underneath."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from desktop.i18n import install_translators, remove_translators
    install_translators(lang)
    try:
        tr = QCoreApplication.translate
        assert tr("QPlatformTheme", "Cancel") == cancel
        assert tr("QFileDialog", "File &name:") == name
        box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert box.button(QMessageBox.StandardButton.Yes).text() == yes
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
        if lang == "kk":  # a Qt text qt_kk.ts does not have falls back to qtbase_ru
            assert tr("QColorDialog", "&Red:") not in ("", "&Red:")
    finally:
        remove_translators()


@pytest.mark.parametrize("lang,folder", [("kk", "Бума"), ("ru", "Папка"), ("en", "Folder")])
def test_file_dialog_names_a_folder_in_the_language(qapp, built, tmp_path, lang, folder):
    """File → Import's file dialog: its «Type» column said "Folder" in every language
    (qtbase_ru has no text for it); qt_kk.qm and qt_ru.qm say it."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    from desktop.i18n import install_translators, remove_translators
    (tmp_path / "отчёты").mkdir()
    install_translators(lang)
    try:
        assert QFileIconProvider().type(QFileInfo(str(tmp_path / "отчёты"))) == folder
    finally:
        remove_translators()
