"""Start the desktop application: translations, store, first run, main window."""
from __future__ import annotations

import os
import sys

from store.settings import START_KEYS as START_SETTINGS  # what the window needs first

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
    from PySide6.QtCore import QSettings  # desktop.settings_page.app_settings, not imported
    folder = QSettings("Esep", "Esep").value("data_dir", "")
    if folder:
        os.environ["ESEP_DATA_DIR"] = str(folder)


def peek_settings(keys=START_SETTINGS, lang: str | None = None) -> dict | None:
    """The saved start-up settings, read before the store is opened (store.settings), or None
    when there is no saved user profile yet (first run)."""
    from store.location import db_path
    from store.settings import read_settings, read_start_settings
    saved = read_start_settings(db_path())   # no key needed: the window paints first
    if saved is None or "profile" not in saved:   # a store of an earlier Esep
        _use_passphrase_dialog(lang)              # its key first
        saved = read_settings(db_path(), keys) or {}
    profile = saved.get("profile")
    return saved if isinstance(profile, dict) and profile.get("user") else None


def attach_store(ctx, store) -> None:
    ctx.store = store
    ctx.settings_get, ctx.settings_set = store.get_setting, store.set_setting


def _fast_start(lang: str | None):
    """Known user: show the real main window first, open the store in the next turn."""
    saved = peek_settings(lang=lang)
    if saved is None:
        return None
    from desktop.context import AppContext
    from desktop.i18n import install_translators, normalize_lang
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskRunner
    ctx = AppContext(store=None, user=dict(saved["profile"]["user"]), tasks=TaskRunner(),
                     lang=normalize_lang(lang or saved.get("lang") or "ru"),
                     settings_get=lambda key, default=None: saved.get(key, default))
    install_translators(ctx.lang)
    window = MainWindow(ctx)
    window.show()

    def open_now() -> None:
        if ctx.store is not None or getattr(ctx, "start_error", None):
            return
        try:
            from store import open_store
            _use_passphrase_dialog(ctx.lang)   # after the first paint: its import costs
            attach_store(ctx, open_store())
        except Exception as exc:  # noqa: BLE001 - re-raised by run_gui, as before fast start
            ctx.start_error = exc
            from PySide6.QtWidgets import QApplication
            QApplication.exit(1)
            return
        window.store_ready()
    after_first_paint(window, open_now)
    return ctx, window


def after_first_paint(window, callback, fallback_ms: int = 500) -> None:
    """Run ``callback`` in the event-loop turn after ``window`` first paints (or after
    ``fallback_ms`` if it never does, e.g. started minimised)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Watch(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, window, callback)
            return False
    watch = _Watch(window)
    window.installEventFilter(watch)
    QTimer.singleShot(fallback_ms, window, callback)


def start_gui(*, smoke: bool = False, lang: str | None = None):
    """Open the store, run the first-run dialog if needed, show the main window.
    Returns (ctx, window), or None when the first-run dialog was cancelled.
    With a saved profile the main window is shown before the store is opened (fast start)."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Esep")
    _ensure_translations()
    _use_chosen_data_dir()
    fast = _fast_start(lang)
    if fast is not None:
        return fast
    from desktop.i18n import install_translators
    from store import open_store
    _use_passphrase_dialog(lang)
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


def _use_passphrase_dialog(lang: str | None) -> None:
    """Where the local database's key needs a passphrase, ask it in a dialog (store/keys.py)."""
    from store import keys

    def ask(path, new: bool, retry: bool) -> str | None:
        from desktop.passphrase_dialog import ask as ask_dialog
        return ask_dialog(path, new, retry, lang)
    keys.use_prompt(ask)


def shutdown_gui(ctx, window) -> None:
    """Stop background work, deliver what is pending, then close the store."""
    from PySide6.QtWidgets import QApplication
    window.close()
    ctx.tasks.cancel_all()
    ctx.tasks.wait_all(5000)
    QApplication.processEvents()  # last results arrive while the store is still open
    window.deleteLater()
    QApplication.processEvents()
    if ctx.store is not None:
        ctx.store.close()


def _smoke_folder() -> None:
    """The packaging check opens a throwaway store (never the user's, never a dialog)."""
    import tempfile
    if not os.environ.get("ESEP_DATA_DIR"):
        os.environ["ESEP_DATA_DIR"] = tempfile.mkdtemp(prefix="esep-smoke-")
    os.environ.setdefault("ESEP_PASSPHRASE", "smoke test, not a secret")


def run_gui(*, smoke: bool = False, lang: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from forms.messages import set_surface
    from store import StoreError
    set_surface("desktop")   # the store's refusals before a context exists say the app's words
    if smoke:
        _smoke_folder()
    try:
        started = start_gui(smoke=smoke, lang=lang)
    except StoreError as exc:  # e.g. a database written by a newer Esep
        return refuse_start(exc, lang)
    if started is None:
        return 0
    ctx, window = started
    app = QApplication.instance()
    if smoke:
        _smoke_quit_when_ready(ctx, window)
    code = app.exec()
    shutdown_gui(ctx, window)
    error = getattr(ctx, "start_error", None)
    if isinstance(error, StoreError):
        return refuse_start(error, ctx.lang)
    if error is not None:
        raise error
    return code


def refuse_start(exc, lang: str | None) -> int:
    """The store cannot be opened (unreadable, or written by a newer Esep): say so, in the
    user's language, in a message box and on stderr; the exit code is 1."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import normalize_lang
    from store import error_text
    saved_lang = None if lang else (_peek_lang() or None)
    text = error_text(exc, normalize_lang(lang or saved_lang or "ru"))
    print(f"esep: {text}", file=sys.stderr)
    QMessageBox.critical(None, "Esep", text)
    return 1


def _peek_lang() -> str | None:
    try:
        from store import keys
        from store.location import db_path
        from store.settings import read_settings
        keys.use_prompt(None)  # refused already: the passphrase is not asked again for this
        return (read_settings(db_path(), ("lang",)) or {}).get("lang")
    except Exception:  # noqa: BLE001 - the language is a nicety when the store is refused
        return None


def _smoke_quit_when_ready(ctx, window, delay_ms: int = 300) -> None:
    """Once the store is open (fast start opens it after the first paint), open and render
    every page of the navigation: a page whose module or data the build lacks fails here."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def finish() -> None:
        if ctx.store is None and not getattr(ctx, "start_error", None):
            QTimer.singleShot(100, finish)
            return
        failed = [key for key in window.page_keys() if not _smoke_page(window, key)]
        print(f"smoke: {len(window.page_keys()) - len(failed)} pages opened"
              + (f"; failed: {', '.join(failed)}" if failed else ""))
        QApplication.instance().exit(1 if failed else 0)
    QTimer.singleShot(delay_ms, finish)


def _smoke_page(window, key: str) -> bool:
    """Show one page and render it; False when it could not be built."""
    window.show_page_row(key)
    if key not in window.pages:  # its module failed to import or build (traceback printed)
        return False
    window.grab()
    return True


def _first_run(ctx) -> bool:
    from desktop.first_run import FirstRunDialog
    from desktop.i18n import install_translators
    dialog = FirstRunDialog(ctx.store, ctx.tasks, ctx.lang)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted or not dialog.profile:
        return False
    apply_profile(ctx, dialog.profile, dialog.token)
    install_translators(ctx.lang)
    return True
