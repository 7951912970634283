"""Translations: every .ts entry finished for kk and ru; .qm loads; qtbase loaded too."""
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
            assert (langs.get(lang) or "").strip(), f"catalog: {source!r} has no {lang} text"


@pytest.mark.parametrize("lang,expected", [("ru", "Настройки"), ("kk", "Баптаулар"),
                                           ("en", "Settings")])
def test_qm_translates(qapp, built, lang, expected):
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import install_translators, installed_count, remove_translators
    install_translators(lang)
    assert QCoreApplication.translate("SettingsPage", "Settings") == expected
    if lang != "en":
        assert installed_count() == 2, "qtbase translations are loaded too"
    remove_translators()
