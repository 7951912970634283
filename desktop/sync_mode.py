"""The sync mode, one choice shown in two places (the Sync page and Settings): its stored
value, its labels, and the signal that keeps both drop-downs and the probe in step."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

AUTOMATIC, MANUAL = "automatic", "manual"
SYNC_MODES = ((AUTOMATIC, QT_TRANSLATE_NOOP("SyncPage", "automatically when the server answers")),
              (MANUAL, QT_TRANSLATE_NOOP("SyncPage", "only when I press Sync now")))


def sync_mode(ctx) -> str:
    return AUTOMATIC if ctx.settings_get("sync_mode", AUTOMATIC) == AUTOMATIC else MANUAL


def is_automatic(ctx) -> bool:
    return sync_mode(ctx) == AUTOMATIC


def set_sync_mode(ctx, mode: str) -> None:
    """Store the mode and tell every drop-down and the Sync page's probe."""
    if mode != sync_mode(ctx):
        ctx.settings_set("sync_mode", mode)
        ctx.signals.sig_sync_mode_changed.emit(mode)


def fill_sync_modes(combo, ctx) -> None:
    """The modes in the user's language, the stored one current; no change is signalled."""
    combo.blockSignals(True)
    combo.clear()
    for code, text in SYNC_MODES:
        combo.addItem(QCoreApplication.translate("SyncPage", text), code)
    show_sync_mode(combo, ctx)
    combo.blockSignals(False)


def show_sync_mode(combo, ctx) -> None:
    blocked = combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(sync_mode(ctx)), 0))
    combo.blockSignals(blocked)
