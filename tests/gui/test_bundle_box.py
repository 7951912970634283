"""The Sync page's bundle actions with a real server on 127.0.0.1: after an online sync the
device key is registered; "Save for USB…" writes a signed bundle; a colleague delivers it;
"Load reply…" applies the reply; a changed byte is refused with its reason, nothing applied."""
from __future__ import annotations

import keyring
import pytest

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def ring():
    from test_sync_support import MemoryKeyring
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def server(tmp_path):
    from test_sync_support import seeded_server
    srv = seeded_server(tmp_path / "server.sqlite3")
    yield srv
    srv.stop()


def _page(qtbot, ctx, url: str):
    from test_sync_support import make_client

    from desktop.sync_page import SyncPage
    client = make_client(url, "dist1")
    ctx.user = {"username": "dist1", "role": "district", "region": "SHY",
                "district": "SHY-D01", "token": client.token}
    ctx.settings_set("sync.server", url)
    ctx.settings_set("sync.user", "dist1")
    ctx.settings_set("sync_mode", "manual")
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    return page


def test_save_for_usb_and_load_reply(qtbot, core_ctx, server, ring, tmp_path):
    from test_sync_support import DISTRICTS, make_client, monthly

    from desktop.bundle_jobs import key_missing
    from sync.bundle import deliver
    page = _page(qtbot, core_ctx, server.url)
    box = page.bundles
    assert box.save_button.text() == "Сохранить для флешки…"
    assert box.load_button.text() == "Загрузить ответ…"
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000):
        assert page.sync_now()
    qtbot.waitUntil(lambda: box.key_task is None and not key_missing(core_ctx.store),
                    timeout=30000)
    rec = core_ctx.store.save_record(monthly(DISTRICTS[0], "2024-04", 44), user="dist1")
    out = tmp_path / "usb.esep"
    with qtbot.waitSignal(box.sig_applied, timeout=30000):
        assert box.save_for_usb(str(out))
    assert "Сохранено изменений: 1" in page.bar_text.text()
    # the message names the file's whole path: at 1024 px the page has ~790 px beside the
    # navigation list; an unwrapped line widened the page past the window, its end cut
    page.resize(790, 650)
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 790
    label = page.bar_text
    assert label.width() <= 790 and label.height() >= label.heightForWidth(label.width())
    carrier = make_client(server.url, "reg1")
    reply = deliver(carrier, out.read_bytes())
    (tmp_path / "bad.reply").write_bytes(reply[:20] + bytes([reply[20] ^ 1]) + reply[21:])
    with qtbot.waitSignal(box.sig_applied, timeout=30000):
        assert box.load_reply(str(tmp_path / "bad.reply"))
    assert page.bar_text.text().startswith("Отклонено, ничего не применено: файл изменён")
    assert core_ctx.store.get_record(rec["id"])["version"] is None
    (tmp_path / "ok.reply").write_bytes(reply)
    with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=30000) as blocker:
        assert box.load_reply(str(tmp_path / "ok.reply"))
    assert blocker.args[0]["bundle"]["applied"] == 1
    assert "подтверждено изменений — 1" in page.bar_text.text()
    assert core_ctx.store.get_record(rec["id"])["version"] == 1


def test_buttons_speak_every_language(qtbot, core_ctx, server, ring):
    from desktop.i18n import install_translators
    page = _page(qtbot, core_ctx, server.url)
    seen = {}
    for lang in ("kk", "en"):
        install_translators(lang)
        page.retranslate()
        seen[lang] = (page.bundles.save_button.text(), page.bundles.load_button.text())
    assert seen == {"kk": ("Флешкаға сақтау…", "Жауапты жүктеу…"),
                    "en": ("Save for USB…", "Load reply…")}


def test_without_a_key_saving_says_what_to_do(qtbot, core_ctx, server, ring, tmp_path):
    page = _page(qtbot, core_ctx, server.url)
    core_ctx.user["token"] = None             # logged out: no way to make the key now
    with qtbot.waitSignal(page.bundles.sig_applied, timeout=30000):
        assert page.bundles.save_for_usb(str(tmp_path / "x.esep"))
    assert "нет ключа подписи" in page.bar_text.text()
    assert not (tmp_path / "x.esep").exists()


def test_without_a_keyring_the_first_save_makes_the_key_with_the_password(
        qtbot, core_ctx, server, tmp_path, monkeypatch):
    """A computer with no OS keyring (the data behind a passphrase): the key made after a
    sync needs the keyring, so it was never made, and every save said «sync online once»
    however often the clerk synced. The first save asks the password and seals the key."""
    from keyring.backends.fail import Keyring as NoKeyring
    from PySide6.QtWidgets import QInputDialog
    from test_sync_support import DISTRICTS, PASSWORD, monthly

    from desktop.bundle_jobs import key_missing
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        page = _page(qtbot, core_ctx, server.url)
        with qtbot.waitSignal(core_ctx.signals.sig_sync_finished, timeout=60000):
            assert page.sync_now()
        qtbot.waitUntil(lambda: page.bundles.key_task is None, timeout=30000)
        assert key_missing(core_ctx.store)                     # no keyring: not made
        core_ctx.store.save_record(monthly(DISTRICTS[0], "2024-04", 44), user="dist1")
        asked = []
        monkeypatch.setattr(QInputDialog, "getText",
                            lambda *a, **k: (asked.append(a[2]), (PASSWORD, True))[1])
        out = tmp_path / "флешка.esep"
        with qtbot.waitSignal(page.bundles.sig_applied, timeout=30000):
            assert page.bundles.save_for_usb(str(out))
        assert asked and out.exists(), page.bar_text.text()
        assert "Сохранено изменений: 1" in page.bar_text.text()
        assert not key_missing(core_ctx.store)
    finally:
        keyring.set_keyring(previous)


def test_the_last_message_follows_a_language_switch(qtbot, core_ctx, server, ring, tmp_path):
    """A Kazakh clerk saved for USB without a key, then switched to Russian: the Sync page
    went on saying «Қабылданбады, ештеңе қолданылмады: …» in the Russian interface."""
    from desktop.i18n import install_translators
    page = _page(qtbot, core_ctx, server.url)
    core_ctx.user["token"] = None
    install_translators("kk")
    page.retranslate()
    with qtbot.waitSignal(page.bundles.sig_applied, timeout=30000):
        assert page.bundles.save_for_usb(str(tmp_path / "x.esep"))
    assert page.bar_text.text().startswith("Қабылданбады")
    install_translators("ru")
    page.retranslate()
    assert page.bar_text.text().startswith("Отклонено, ничего не применено")
    assert "нет ключа подписи" in page.bar_text.text()
