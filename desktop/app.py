"""Start the desktop application: translations, store, first run, main window."""
from __future__ import annotations

import os
import sys

SMOKE_PROFILE = {"username": "smoke", "role": "district", "region": "", "district": ""}


def make_context(store, lang: str | None):
    """AppContext over ``store``; settings live in the store's kv table."""
    from desktop.context import AppContext
    from desktop.i18n import normalize_lang
    from desktop.tasks import TaskRunner
    profile = store.get_setting("profile", None) or {}
    lang = normalize_lang(lang or store.get_setting("lang", None) or "ru")
    return AppContext(store=store, user=dict(profile.get("user") or {}), lang=lang,
                      tasks=TaskRunner(), settings_get=store.get_setting,
                      settings_set=store.set_setting)


def apply_profile(ctx, profile: dict, token: str | None = None) -> None:
    """Save what the first-run dialog learned (never the password or the token)."""
    ctx.user = dict(profile["user"])
    if token and not profile.get("token_stored"):
        ctx.user["token"] = token  # memory only: no keyring on this machine
    saved = {k: v for k, v in profile.items() if k != "token_stored"}
    ctx.settings_set("profile", saved)
    ctx.settings_set("lang", profile.get("lang") or ctx.lang)
    ctx.settings_set("server_url", profile.get("server_url") or "")
    ctx.lang = profile.get("lang") or ctx.lang


def _ensure_translations() -> None:
    from desktop.i18n import TRANSLATIONS
    if getattr(sys, "frozen", False) or any(TRANSLATIONS.glob("*.qm")):
        return
    try:
        from desktop.i18n_build import build
        build()
    except Exception:  # noqa: BLE001, S110 - the app still runs with English source strings
        pass


def _use_chosen_data_dir() -> None:
    if os.environ.get("ESEP_DATA_DIR"):
        return
    from desktop.settings_page import app_settings
    folder = app_settings().value("data_dir", "")
    if folder:
        os.environ["ESEP_DATA_DIR"] = str(folder)


def import_store_lean() -> None:
    """Import the store without letting sqlite-utils pull in pandas/numpy (about 0.5 s of
    start-up it only needs for DataFrame column types; reports import pandas when used)
    and without its plugin scan (0.2 s)."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    blocked = {name: sys.modules.get(name) for name in ("pandas", "numpy")}
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import` raise
    try:
        import sqlite_utils.db
        import sqlite_utils.plugins
    finally:
        for name in blocked:
            del sys.modules[name]
    # Esep uses no sqlite-utils plugins: skip the entry-point scan of every installed package.
    sqlite_utils.plugins._plugins_loaded = True


def start_gui(*, smoke: bool = False, lang: str | None = None):
    """Open the store, run the first-run dialog if needed, show the main window.
    Returns (ctx, window), or None when the first-run dialog was cancelled."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Esep")
    _ensure_translations()
    _use_chosen_data_dir()
    from desktop.i18n import install_translators
    import_store_lean()
    from store import open_store
    store = open_store()
    ctx = make_context(store, lang)
    install_translators(ctx.lang)
    if not ctx.user:
        if smoke:
            ctx.user = dict(SMOKE_PROFILE)
        elif not _first_run(ctx):
            store.close()
            return None
    from desktop.main_window import MainWindow
    window = MainWindow(ctx)
    window.show()
    return ctx, window


def shutdown_gui(ctx, window) -> None:
    """Stop background work, deliver what is pending, then close the store."""
    from PySide6.QtWidgets import QApplication
    window.close()
    ctx.tasks.cancel_all()
    ctx.tasks.wait_all(5000)
    QApplication.processEvents()  # last results arrive while the store is still open
    window.deleteLater()
    QApplication.processEvents()
    ctx.store.close()


def run_gui(*, smoke: bool = False, lang: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    started = start_gui(smoke=smoke, lang=lang)
    if started is None:
        return 0
    ctx, window = started
    app = QApplication.instance()
    if smoke:
        QTimer.singleShot(300, lambda: (window.grab(), app.quit()))
    code = app.exec()
    shutdown_gui(ctx, window)
    return code


def _first_run(ctx) -> bool:
    from desktop.first_run import FirstRunDialog
    from desktop.i18n import install_translators
    dialog = FirstRunDialog(ctx.store, ctx.tasks, ctx.lang)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted or not dialog.profile:
        return False
    apply_profile(ctx, dialog.profile, dialog.token)
    install_translators(ctx.lang)
    return True
