"""SettingsPage: language (live), server URL, user, data folder, sync mode, backup / restore,
log out."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup import BackupError, backup_to, restore_from
from desktop.file_dialogs import get_existing_directory, get_open_file_name, get_save_file_name
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, switch_language
from desktop.sync_mode import fill_sync_modes, set_sync_mode, show_sync_mode


def app_settings() -> QSettings:
    """Machine-level settings that cannot live inside the data folder (its own location)."""
    return QSettings("Esep", "Esep")


def role_name(role: str) -> str:
    """The role in the user's language (the code is never shown)."""
    names = {
        "district": QCoreApplication.translate("SettingsPage", "District staff"),
        "region": QCoreApplication.translate("SettingsPage", "Regional coordinator"),
        "central": QCoreApplication.translate("SettingsPage", "Central office"),
        "admin": QCoreApplication.translate("SettingsPage", "Administrator"),
    }
    return names.get(role, role)


class SettingsPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang_combo = QComboBox(self)
        for code in LANGUAGES:
            self.lang_combo.addItem(LANGUAGE_NAMES[code], code)
        self.lang_combo.activated.connect(lambda _i: self.set_language(
            self.lang_combo.currentData()))
        self.server_edit = QLineEdit(self)
        self.server_edit.editingFinished.connect(self._save_server)
        self.sync_mode = QComboBox(self)
        self.sync_mode.activated.connect(
            lambda _i: set_sync_mode(ctx, self.sync_mode.currentData()))
        ctx.signals.sig_sync_mode_changed.connect(
            lambda _m: show_sync_mode(self.sync_mode, ctx))
        self.user_label, self.folder_label = QLabel(self), QLabel(self)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self._choose_folder)
        self.backup_button, self.restore_button = QPushButton(self), QPushButton(self)
        self.backup_button.clicked.connect(self._ask_backup)
        self.restore_button.clicked.connect(self._ask_restore)
        self.logout_button = QPushButton(self)
        self.logout_button.clicked.connect(self.log_out)
        self.connect_button = QPushButton(self)
        self.connect_button.clicked.connect(self.connect_to_server)
        self.connect_dialog = None
        self.password_button = QPushButton(self)
        self.password_button.clicked.connect(self.change_password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.form_box = QGroupBox(self)
        form = QFormLayout(self.form_box)
        self.rows = [QLabel(self) for _ in range(5)]
        folder = QHBoxLayout()
        folder.addWidget(self.folder_label, 1)
        folder.addWidget(self.folder_button)
        for label, field in zip(self.rows, (self.lang_combo, self.server_edit, self.sync_mode,
                                            self.user_label, folder)):
            form.addRow(label, field)
        self.rows[0].setBuddy(self.lang_combo)
        self.rows[1].setBuddy(self.server_edit)
        buttons = QHBoxLayout()
        for b in (self.connect_button, self.backup_button, self.restore_button,
                  self.password_button,
                  self.logout_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.form_box)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("Settings"))
        for label, text in zip(self.rows, (self.tr("&Language"), self.tr("Server &URL"),
                                           self.tr("Sync"), self.tr("User"),
                                           self.tr("Data folder"))):
            label.setText(text)
        fill_sync_modes(self.sync_mode, self.ctx)
        self.folder_button.setText(self.tr("Change…"))
        self.backup_button.setText(self.tr("&Back up to a file…"))
        self.restore_button.setText(self.tr("&Restore from a file…"))
        self.logout_button.setText(self.tr("Log &out"))
        self.connect_button.setText(self.tr("&Connect to a server…"))
        self.password_button.setText(self.tr("Change &password…"))
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(ctx.lang), 0))
        self.server_edit.setText(ctx.settings_get("server_url", "") or "")
        show_sync_mode(self.sync_mode, ctx)
        user = ctx.user or {}
        where = user.get("district") or user.get("region") or ""
        from desktop.editor_parts import org_unit_choices
        where = dict(org_unit_choices(ctx, where)).get(where, where)
        role = role_name(user.get("role") or "")
        self.user_label.setText(f"{user.get('username', '')} · {role} · {where}")
        self.folder_label.setText(str(self.data_dir()))

    def data_dir(self) -> Path:
        path = getattr(self.ctx.store, "path", None)
        return Path(path).parent if path else Path(".")

    # -- actions ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        switch_language(self.ctx, lang)

    def _save_server(self) -> None:
        url = self.server_edit.text().strip()
        self.ctx.settings_set("server_url", url)
        self.ctx.connection.set_server(url)

    def connect_to_server(self):
        """Address → login → the local district mapped onto the server's → sync."""
        from desktop.connect_dialog import ConnectDialog
        self.connect_dialog = ConnectDialog(self.ctx, self)
        self.connect_dialog.accepted.connect(self._connected)
        self.connect_dialog.open()
        return self.connect_dialog

    def _connected(self) -> None:
        self.refresh()
        self.message.setText(self.tr("Connected to %1. Sync starts now.")
                             .replace("%1", self.ctx.settings_get("server_url", "") or ""))
        self.ctx.signals.sig_records_changed.emit("")
        self.ctx.signals.sig_sync_requested.emit()

    def set_data_folder(self, folder: str) -> None:
        app_settings().setValue("data_dir", folder)
        self.message.setText(self.tr("The new data folder is used from the next start: %1")
                             .replace("%1", folder))

    def _choose_folder(self) -> None:
        folder = get_existing_directory(self, self.tr("Data folder"),
                                                  str(self.data_dir()))
        if folder:
            self.set_data_folder(folder)

    def backup(self, path: str) -> Path:
        target = backup_to(self.ctx.store, path)
        self.message.setText(self.tr("Backup written to %1").replace("%1", str(target)))
        return target

    def restore(self, path: str) -> Path | None:
        try:
            safety = restore_from(self.ctx.store, path, self.data_dir() / "backups")
        except BackupError as exc:
            self.message.setText(self.tr("Not restored: %1").replace("%1", str(exc)))
            return None
        self._after_restore()
        self.message.setText(self.tr("Restored. The previous data was kept in %1")
                             .replace("%1", str(safety)))
        return safety

    def _after_restore(self) -> None:
        try:
            from store.db import migrate
            migrate(self.ctx.store.db)
        except Exception as exc:  # noqa: BLE001
            self.message.setText(str(exc))
        self.ctx.signals.sig_records_changed.emit("")

    def _ask_backup(self) -> None:
        path, _ = get_save_file_name(self, self.tr("Back up to a file"),
                                              str(self.data_dir() / "esep-backup.sqlite3"),
                                              "SQLite (*.sqlite3 *.db)")
        if path:
            self.backup(path)

    def _ask_restore(self) -> None:
        path, _ = get_open_file_name(self, self.tr("Restore from a file"),
                                              str(self.data_dir()), "SQLite (*.sqlite3 *.db)")
        if path:
            self.restore(path)

    def change_password(self) -> None:
        from desktop.password_dialog import PasswordDialog

        self.password_dialog = PasswordDialog(self.ctx, self)
        self.password_dialog.accepted.connect(lambda: self.message.setText(
            self.tr("Your password has been changed.")))
        self.password_dialog.open()

    def log_out(self) -> None:
        """Forget the token in the keyring and the saved profile; first run shows next time."""
        user = (self.ctx.user or {}).get("username", "")
        server = self.ctx.settings_get("server_url", "") or ""
        try:
            from sync.credentials import delete_token
            if server and user:
                delete_token(server, user)
        except Exception:  # noqa: BLE001, S110 - no keyring: nothing was stored
            pass
        self.ctx.user.pop("token", None)
        self.ctx.settings_set("profile", None)
        self.message.setText(self.tr("Logged out. The first-run screen opens at the next start."))
