"""The Sync page of an install with no server: «Sync now» did nothing and said nothing; it
says why and names the two ways that work (connect in Settings, a USB stick)."""
from __future__ import annotations

import pytest
from test_menu_and_lists import make_window

pytestmark = pytest.mark.timeout(120)


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", ("Сервер не настроен, синхронизировать не с чем: нажмите «Подключиться к серверу…» "
            "в разделе «Настройки» или перенесите изменения на флешке кнопкой «Сохранить для "
            "флешки…».")),
    ("kk", ("Сервер бапталмаған, синхрондайтын ешнәрсе жоқ: «Баптаулар» бөлімінде «Серверге "
            "қосылу…» түймесін басыңыз немесе өзгерістерді «Флешкаға сақтау…» түймесімен "
            "флешкамен жеткізіңіз.")),
    ("en", ("No server is set up, so there is nothing to sync with: press «Connect to a "
            "server…» in Settings, or take the changes on a USB stick with «Save for USB…»."))])
def test_sync_now_without_a_server_says_why(qtbot, core_ctx, lang, said):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    window = make_window(qtbot, core_ctx)
    page = window.show_page("sync")
    assert page.bar_text.text() == ""
    page.sync_button.click()
    assert page.bar_text.text() == said
    assert page.task is None and page.sync_button.isEnabled()
