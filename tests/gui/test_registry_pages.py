"""Screens of issue 16: survey and registry list pages for the region and central, and the
«Find in the registry…» dialog that links a written organization name to an entry."""
from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.timeout(120)
NEW_PAGES = ["volunteer_survey", "org_survey", "organization"]


def _entry(name, region="SHY", **data):
    return {"id": str(uuid.uuid4()), "form": "organization", "form_version": 1,
            "org_unit": region, "period": "2026-01", "status": "draft",
            "data": {"name_ru": name, "region": region, "org_type": "INITIATIVE_GROUP",
                     **data}, "justification": None}


@pytest.mark.parametrize("role,shown", [("central", True), ("region", True),
                                        ("district", False)])
def test_pages_for_region_and_central(qtbot, core_ctx, role, shown):
    from desktop.main_window import MainWindow
    core_ctx.user = dict(core_ctx.user, role=role)
    window = MainWindow(core_ctx)
    qtbot.addWidget(window)
    keys = window.page_keys()
    assert all((k in keys) == shown for k in NEW_PAGES), keys
    if shown:
        texts = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert {"Анкеты волонтёров", "Анкеты организаций", "Реестр организаций"} <= set(texts)
        core_ctx.store.save_record(_entry("ОО «Жубанов жылуы»"), user="r1")
        page = window.show_page("organization")
        page.refresh()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def _event_editor(qtbot, ctx, organizer):
    from desktop.form_editor import FormEditor
    from forms import load_form
    rec = {"id": str(uuid.uuid4()), "form": "event", "form_version": 2,
           "org_unit": "SHY-ABAY", "period": "2026-03", "status": "draft",
           "data": {"title": "Акция", "organizer_name": organizer}, "justification": None}
    editor = FormEditor(ctx, load_form("event"), rec)
    qtbot.addWidget(editor)
    return editor


def test_link_dialog_ranks_and_links_on_confirm(qtbot, core_ctx):
    from desktop.link_dialog import LinkDialog, open_link_dialog
    for rec in (_entry("ОО «Жубанов жылуы»"), _entry("Жас Отан", region="AST"),
                _entry("Zhubanov Foundation", region="AST")):
        core_ctx.store.save_record(rec, user="r1")
    editor = _event_editor(qtbot, core_ctx, "Zhubanov Zhyluy")
    assert editor.link_button.text() == "Найти в реестре…"
    dialog = open_link_dialog(editor)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LinkDialog) and dialog.list.count() >= 1
    assert dialog.list.item(0).text().startswith("ОО «Жубанов жылуы»  (SHY)")
    assert all("Жас Отан" not in dialog.list.item(i).text()
               for i in range(dialog.list.count()))
    dialog.reject()
    assert editor.current_record()["data"]["organizer_name"] == "Zhubanov Zhyluy"
    dialog = open_link_dialog(editor)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert editor.current_record()["data"]["organizer_name"] == "ОО «Жубанов жылуы»"
    assert editor.dirty and "Жубанов" in editor.message.text()


def test_link_dialog_says_when_nothing_matches(qtbot, core_ctx):
    from desktop.link_dialog import open_link_dialog
    editor = _event_editor(qtbot, core_ctx, "Красный полумесяц")
    dialog = open_link_dialog(editor)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and "нет записи" in dialog.heading.text()
    dialog.reject()


@pytest.mark.parametrize("lang,text", [("kk", "Тізілімнен табу…"),
                                       ("en", "Find in the registry…")])
def test_link_button_in_every_language(qtbot, core_ctx, lang, text):
    from desktop.i18n import install_translators
    install_translators(lang)
    core_ctx.lang = lang
    editor = _event_editor(qtbot, core_ctx, "x")
    editor.retranslate()
    assert editor.link_button.text() == text


def test_a_roster_row_links_its_organization(qtbot, core_ctx):
    """A roster organization links to a registry entry like an organizer does (issue 16)."""
    from desktop.form_editor import FormEditor
    from desktop.link_dialog import open_roster_link
    from forms import load_form
    core_ctx.store.save_record(_entry("ОО «Жубанов жылуы»"), user="r1")
    rows = [{"no": 1, "full_name": "Саги Асель", "organization": "New Wave"},
            {"no": 2, "full_name": "Чагай Николай", "organization": "Zhubanov Zhyluy"}]
    rec = {"id": str(uuid.uuid4()), "form": "focus_group", "form_version": 1,
           "org_unit": "SHY-ABAY", "period": "2026-03", "status": "draft",
           "data": {"participants": rows}, "justification": None}
    editor = FormEditor(core_ctx, load_form("focus_group", 1), rec)
    qtbot.addWidget(editor)
    assert [b.text() for b in editor.roster_links] == ["Найти в реестре…"]
    roster = editor.inputs["participants"]
    roster.table.setCurrentIndex(roster.model.index(1, 1))
    dialog = open_roster_link(editor, roster)
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text().startswith("ОО «Жубанов жылуы»")
    dialog.accept()
    got = editor.current_record()["data"]["participants"]
    assert [r["organization"] for r in got] == ["New Wave", "ОО «Жубанов жылуы»"]
    assert editor.dirty and "Жубанов" in editor.message.text()
