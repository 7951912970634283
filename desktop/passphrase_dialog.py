"""The passphrase of the local database, asked at start where the computer has no keyring
(store/keys.py calls `ask` through its prompt hook; the desktop registers it in app.py).

Shown before the store and its saved language can be read, so the dialog has its own language
choice (remembered in the Qt settings, like the data folder: not secret)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, install_translators, normalize_lang
from store.keys import MIN_PASSPHRASE

LANG_SETTING = "start_lang"


def _settings():
    from PySide6.QtCore import QSettings
    return QSettings("Esep", "Esep")


class PassphraseDialog(QDialog):
    """``new``: choose a passphrase (typed twice); else type it. ``retry``: the last one did
    not open the database. After accept(): ``passphrase``."""

    def __init__(self, path: Path, *, new: bool, retry: bool = False, lang: str | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.path, self.new, self.retry, self.passphrase = Path(path), new, retry, ""
        self.lang_combo = QComboBox()
        for code in LANGUAGES:
            self.lang_combo.addItem(LANGUAGE_NAMES[code], code)
        self.intro, self.error = QLabel(), QLabel()
        self.intro.setWordWrap(True)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.edit, self.again = QLineEdit(), QLineEdit()
        for edit in (self.edit, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.edit_label, self.again_label = QLabel(), QLabel()
        form.addRow(self.edit_label, self.edit)
        if new:
            form.addRow(self.again_label, self.again)
        layout = QVBoxLayout(self)
        for widget in (self.lang_combo, self.intro):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.lang_combo.currentIndexChanged.connect(lambda _i: self.set_language(
            self.lang_combo.currentData()))
        start = normalize_lang(lang or str(_settings().value(LANG_SETTING, "") or "ru"))
        self.lang_combo.setCurrentIndex(LANGUAGES.index(start))
        self.set_language(start)

    def set_language(self, lang: str) -> None:
        install_translators(lang)
        _settings().setValue(LANG_SETTING, lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Esep: passphrase"))
        if self.new:
            text = self.tr("This computer has no keyring, so the personal data in Esep is "
                           "encrypted with a passphrase. Choose one of at least %1 characters "
                           "and keep it: without it the data cannot be opened.")
        else:
            text = self.tr("The personal data in Esep is encrypted. Type the passphrase to "
                           "open %2.")
        self.intro.setText(text.replace("%1", str(MIN_PASSPHRASE))
                           .replace("%2", str(self.path)))
        self.edit_label.setText(self.tr("Passphrase:"))
        self.again_label.setText(self.tr("Once more:"))
        if self.retry and not self.error.text():
            self.error.setText(self.tr("This passphrase does not open the data. Try again; "
                                       "nothing was changed."))

    def problem(self) -> str:
        """Why the typed passphrase is refused, or '' when it is accepted."""
        text = self.edit.text()
        if not text:
            return self.tr("Type the passphrase.")
        if self.new and len(text) < MIN_PASSPHRASE:
            return self.tr("The passphrase is too short: %1 characters, at least %2 are "
                           "needed.").replace("%1", str(len(text))).replace(
                               "%2", str(MIN_PASSPHRASE))
        if self.new and text != self.again.text():
            return self.tr("The two passphrases differ; type the same one twice.")
        return ""

    def try_accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            self.passphrase = self.edit.text()
            self.accept()


def ask(path: Path, new: bool, retry: bool, lang: str | None = None) -> str | None:
    """The prompt of store/keys.py: the passphrase typed, or None when cancelled."""
    dialog = PassphraseDialog(path, new=new, retry=retry, lang=lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase
