"""Issue 13 point 12: counts read right for any number, roles in the user's language, one
product name per language."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


def test_findings_title_reads_right_for_one(qtbot, core_ctx):
    from desktop.findings_panel import FindingsPanel
    from forms import Finding
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings([Finding("required", "error", ["x"], "required", {"field": "x"})], "ru")
    assert panel.title.text() == "Замечания — ошибки: 1, предупреждения: 0, сведения: 0"
    from desktop.i18n import install_translators
    install_translators("en")
    panel.retranslate()
    assert panel.title.text() == "Findings — errors: 1, warnings: 0, notes: 0"
    assert "1 errors" not in panel.title.text()


@pytest.mark.parametrize(("lang", "role", "name"), [
    ("ru", "district", "Сотрудник района"), ("kk", "district", "Аудан қызметкері"),
    ("ru", "region", "Координатор региона"), ("en", "district", "District staff")])
def test_settings_show_the_role_in_the_users_language(qtbot, core_ctx, lang, role, name):
    from desktop.i18n import install_translators
    from desktop.settings_page import SettingsPage
    install_translators(lang)
    core_ctx.lang, core_ctx.user["role"] = lang, role
    page = SettingsPage(core_ctx)
    qtbot.addWidget(page)
    page.retranslate()
    assert f" · {name} · " in page.user_label.text()
    assert f"· {role} ·" not in page.user_label.text()


def test_one_product_name_per_language(qtbot, core_ctx):
    """The window title names the product as the monthly report form does."""
    from desktop.i18n import install_translators
    from desktop.main_window import MainWindow
    form = tomllib.loads((ROOT / "forms" / "definitions" / "monthly_report.toml")
                         .read_text(encoding="utf-8"))
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    for lang in ("ru", "kk", "en"):
        install_translators(lang)
        window.retranslate()
        assert window.windowTitle().lower() == ("Esep — " + form["title"][lang]).lower()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_hotline_has_one_name_per_language(qtbot, core_ctx, lang):
    """In Kazakh the list said «Сенім телефоны» and the form it opens «Жедел желіге
    өтініш» (the annual report: «Жедел желі…»): one service, two names."""
    from desktop.i18n import switch_language
    from desktop.main_window import MainWindow
    from forms import load_form
    switch_language(core_ctx, lang)
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    row = window.page_keys().index("hotline_appeal")
    name = window.nav.item(row).text()
    title = load_form("hotline_appeal").title[lang]
    assert name.split()[0][:5].lower() in title.lower(), (name, title)
