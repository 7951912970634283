"""Issue 13 point 12 (plurals): a count is shown with the plural form of the language
(«1 отчёт», «2 отчёта», «5 отчётов»; kk and en likewise), built from the catalog's lists
into Qt's <numerusform>s by desktop.i18n_build."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.i18n import install_translators
from desktop.i18n_build import fill_ts, load_catalog, unfinished

SOURCE = "%n report(s) returned for changes — open"
EXPECTED = {
    "ru": {1: "1 отчёт возвращён", 2: "2 отчёта возвращены", 5: "5 отчётов возвращено",
           21: "21 отчёт возвращён", 12: "12 отчётов возвращено"},
    "kk": {1: "1 есеп пысықтауға", 2: "2 есеп пысықтауға", 5: "5 есеп пысықтауға"},
    "en": {1: "1 report returned", 2: "2 reports returned", 5: "5 reports returned"},
}


def notice(n: int) -> str:
    return QCoreApplication.translate("RecordListPage", SOURCE, "", n)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_returned_notice_takes_the_plural_form_of_the_language(qapp, lang):
    install_translators(lang)
    for n, start in EXPECTED[lang].items():
        assert notice(n).startswith(start), (lang, n, notice(n))


def test_the_list_page_shows_the_plural_notice(qtbot, core_ctx):
    from test_menu_and_lists import make_window
    from test_returned_notice import submitted_report
    ids = [submitted_report(core_ctx, p) for p in ("2025-02", "2025-01")]
    window = make_window(qtbot, core_ctx)
    page = window.pages["monthly_report"]
    for rid in ids:
        core_ctx.store.set_review(rid, "returned", user="r1", role="region", comment="Проверьте")
    core_ctx.signals.sig_sync_finished.emit({"pulled": 2})
    assert page.returned_button.text() == "2 отчёта возвращены на доработку — открыть"


def test_a_numerus_entry_of_the_wrong_length_stays_unfinished(tmp_path, monkeypatch):
    """The builder fills <numerusform>s only from a list as long as the language needs."""
    import desktop.i18n_build as build
    ts = tmp_path / "esep_ru.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ru_RU"><context>'
        '<name>P</name><message numerus="yes"><source>%n file(s)</source>'
        '<translation type="unfinished"><numerusform/><numerusform/><numerusform/>'
        '</translation></message></context></TS>', encoding="utf-8")
    monkeypatch.setattr(build, "ts_path", lambda lang: tmp_path / f"esep_{lang}.ts")
    assert fill_ts("ru", {"%n file(s)": {"ru": ["%n файл", "%n файла"]}}) == ["%n file(s)"]
    assert unfinished("ru") == ["%n file(s)"]
    forms = ["%n файл", "%n файла", "%n файлов"]
    assert fill_ts("ru", {"%n file(s)": {"ru": forms}}) == []
    assert unfinished("ru") == []
    root = ET.parse(ts).getroot()
    assert [f.text for f in root.iter("numerusform")] == forms


def test_the_catalog_keeps_plural_lists():
    entry = load_catalog()[SOURCE]
    assert len(entry["ru"]) == 3 and len(entry["kk"]) == 2 and len(entry["en"]) == 2
