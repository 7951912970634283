"""FirstRunDialog: language, then 'work offline' (region + district) or 'connect' (server)."""
from __future__ import annotations

import getpass
import re
import uuid

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, install_translators

PAGE_LANG, PAGE_MODE, PAGE_OFFLINE, PAGE_CONNECT = range(4)


def login_to_server(url: str, username: str, password: str, *, progress, cancelled) -> dict:
    """Worker: log in, learn the user's role and org units, keep the token in the keyring."""
    from sync.transport import SyncClient
    client = SyncClient(url)
    try:
        progress(1, 3, "login")
        answer = client.login(username, password)
        if answer.get("must_change_password"):
            from desktop.password_dialog import PasswordChangeNeeded
            raise PasswordChangeNeeded(client.base_url)
        progress(2, 3, "me")
        user = answer.get("user") or client.me()
        units = client.orgunits()
    finally:
        client.close()
    stored = True
    try:
        from sync.credentials import save_token
        save_token(client.base_url, username, answer["token"])
    except Exception:  # noqa: BLE001 - no keyring: the token lives in memory for this run
        stored = False
    return {"url": client.base_url, "user": user, "units": units, "token": answer["token"],
            "token_stored": stored}


def retype_password(edit) -> None:
    """After a refused login the keyboard is back in the password, its text selected: the
    login button was disabled while connecting and Qt had moved the focus to «Back»."""
    edit.setFocus()
    edit.selectAll()


def local_district_id(region: str, name: str) -> str:
    slug = re.sub(r"[^A-Z0-9]+", "", name.upper())[:6]
    return f"{region}-L{slug}{uuid.uuid4().hex[:4].upper()}" if slug else \
        f"{region}-L{uuid.uuid4().hex[:6].upper()}"


class FirstRunDialog(QDialog):
    """After accept(): ``profile`` = {mode, user, lang, server_url}; ``token`` in memory."""

    def __init__(self, store, tasks, lang: str = "ru", parent=None) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.lang = store, tasks, lang
        self.profile: dict | None = None
        self.token: str | None = None
        self.stack = QStackedWidget(self)
        for build in (self._page_lang, self._page_mode, self._page_offline, self._page_connect):
            self.stack.addWidget(build())
        box = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        box.addWidget(self.heading)
        box.addWidget(self.stack, 1)
        self.resize(560, 380)
        self.stack.currentChanged.connect(self._focus_page)
        self.retranslate()

    # -- pages ------------------------------------------------------------------------------
    def _page_lang(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.lang_group = QButtonGroup(page)
        self.lang_buttons = {}
        for code in LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[code], page)
            button.setChecked(code == self.lang)
            button.toggled.connect(lambda on, c=code: on and self.set_language(c))
            self.lang_group.addButton(button)
            self.lang_buttons[code] = button
            box.addWidget(button)
        box.addStretch(1)
        self.lang_next = QPushButton(page)
        self.lang_next.setDefault(True)
        self.lang_next.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_MODE))
        box.addWidget(self.lang_next)
        return page

    def _page_mode(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.mode_text = QLabel(page)
        self.mode_text.setWordWrap(True)
        self.offline_button, self.connect_button = QPushButton(page), QPushButton(page)
        self.offline_button.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_OFFLINE))
        self.connect_button.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_CONNECT))
        for w in (self.mode_text, self.offline_button, self.connect_button):
            box.addWidget(w)
        box.addStretch(1)
        return page

    def _page_offline(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.region_combo, self.district_combo = QComboBox(page), QComboBox(page)
        self.district_combo.setEditable(True)
        self.region_combo.currentIndexChanged.connect(lambda _i: self._fill_districts())
        self.offline_user = QLineEdit(page)
        self.offline_user.setText(_os_user())
        self.offline_labels = [QLabel(page) for _ in range(3)]
        for label, w in zip(self.offline_labels, (self.region_combo, self.district_combo,
                                                  self.offline_user)):
            label.setBuddy(w)
            form.addRow(label, w)
        self.offline_error = QLabel(page)
        self.offline_error.setStyleSheet("color: #c62828;")
        self.offline_finish = QPushButton(page)
        self.offline_finish.clicked.connect(self.finish_offline)
        self.offline_user.returnPressed.connect(self.finish_offline)  # Enter on the last field
        form.addRow(self.offline_error)
        form.addRow(_buttons(page, self._back_button(page), self.offline_finish))
        return page

    def _page_connect(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.url_edit, self.user_edit = QLineEdit(page), QLineEdit(page)
        self.password_edit = QLineEdit(page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.url_edit.setPlaceholderText("https://esep.example.kz")
        from desktop.sync_jobs import known_login
        server, user = known_login(self.store)  # `esep login` in this folder: as it was
        self.url_edit.setText(server)
        self.user_edit.setText(user)
        self.connect_labels = [QLabel(page) for _ in range(3)]
        for label, w in zip(self.connect_labels, (self.url_edit, self.user_edit,
                                                  self.password_edit)):
            label.setBuddy(w)
            form.addRow(label, w)
        self.connect_status = QLabel(page)
        self.connect_status.setWordWrap(True)
        self.login_button = QPushButton(page)
        self.login_button.clicked.connect(self.start_login)
        self.password_edit.returnPressed.connect(self.start_login)
        form.addRow(self.connect_status)
        form.addRow(_buttons(page, self._back_button(page), self.login_button))
        return page

    def _focus_page(self, index: int) -> None:
        """Keyboard users land on the page's first control (no focus lost between pages)."""
        known = self.url_edit.text() and self.user_edit.text()  # an earlier login's
        first = {PAGE_LANG: self.lang_next, PAGE_MODE: self.offline_button,
                 PAGE_OFFLINE: self.region_combo,
                 PAGE_CONNECT: self.password_edit if known else self.url_edit}[index]
        first.setFocus()

    def _back_button(self, page) -> QPushButton:
        button = QPushButton(page)
        button.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_MODE))
        self._backs = getattr(self, "_backs", []) + [button]
        return button

    # -- language -----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.lang = install_translators(lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Esep — first start"))
        self.heading.setText(self.tr("Welcome to Esep"))
        self.lang_next.setText(self.tr("&Next"))
        self.mode_text.setText(self.tr("Work on this computer only, or connect to the central "
                                       "server to sync your reports?"))
        self.offline_button.setText(self.tr("Work &offline"))
        self.connect_button.setText(self.tr("&Connect to a server"))
        for label, text in zip(self.offline_labels,
                               (self.tr("&Region"), self.tr("&District"), self.tr("Your &name"))):
            label.setText(text)
        for label, text in zip(self.connect_labels, (self.tr("Server &URL"), self.tr("&User"),
                                                     self.tr("&Password"))):
            label.setText(text)
        self.offline_finish.setText(self.tr("&Start"))
        self.login_button.setText(self.tr("&Log in"))
        for b in self._backs:
            b.setText(self.tr("&Back"))
        self._fill_regions()

    def _fill_regions(self) -> None:
        from forms.reference import get_enum
        current = self.region_combo.currentData()
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        for item in get_enum("regions").items:
            self.region_combo.addItem(item.label(self.lang), item.code)
        self.region_combo.setCurrentIndex(max(self.region_combo.findData(current), 0))
        self.region_combo.blockSignals(False)
        self._fill_districts()

    def _fill_districts(self) -> None:
        region = self.region_combo.currentData()
        self.district_combo.clear()
        for unit in self.store.org_units(kind="district", region=region) if region else []:
            name = unit.get(f"name_{self.lang}") or unit["name_ru"]
            self.district_combo.addItem(name, unit["id"])
        self.district_combo.setCurrentIndex(-1)
        self.district_combo.setEditText("")
        self.district_combo.lineEdit().setPlaceholderText(
            self.tr("Pick a district or type its name") if self.district_combo.count()
            else self.tr("Type the district's name"))

    # -- finishing --------------------------------------------------------------------------
    def finish_offline(self) -> bool:
        region = self.region_combo.currentData()
        text = self.district_combo.currentText().strip()
        index = self.district_combo.findText(text)
        if not region or not text:
            self.offline_error.setText(self.tr("Choose the region and type or pick a district."))
            return False
        if index >= 0:
            district = self.district_combo.itemData(index)
        else:  # typed: a local org unit until the server knows it
            from store.orgunits import add_local_units
            district = local_district_id(region, text)
            add_local_units(self.store, [{"id": district, "kind": "district", "region": region,
                                          "name_ru": text, "name_kk": text, "name_en": text}])
        user = {"username": self.offline_user.text().strip() or _os_user(), "role": "district",
                "region": region, "district": district}
        self.profile = {"mode": "offline", "user": user, "lang": self.lang, "server_url": ""}
        self.accept()
        return True

    def start_login(self) -> None:
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        if not (url and user and password):
            self.connect_status.setText(self.tr("Enter the server URL, user and password."))
            return
        self.login_button.setEnabled(False)
        self.connect_status.setText(self.tr("Connecting…"))
        self.tasks.start(login_to_server, url, user, password, on_done=self._login_done,
                         on_error=self._login_failed)

    def _login_done(self, result: dict) -> None:
        self.password_edit.clear()
        if result.get("units"):
            self.store.upsert_org_units(result["units"])
        self.token = result["token"]
        user = {k: result["user"].get(k) for k in ("username", "role", "region", "district")}
        self.profile = {"mode": "server", "user": user, "lang": self.lang,
                        "server_url": result["url"], "token_stored": result["token_stored"]}
        self.accept()

    def _login_failed(self, exc: BaseException) -> None:
        from desktop.password_dialog import PasswordChangeNeeded
        self.login_button.setEnabled(True)
        if isinstance(exc, PasswordChangeNeeded):
            return self._change_reset_password(str(exc))
        from desktop.server_errors import error_message
        self.connect_status.setText(error_message(exc, self.lang))
        retype_password(self.password_edit)


    def _change_reset_password(self, server: str) -> None:
        """A reset password: the user chooses a new one, then the login runs again with it."""
        from desktop.password_dialog import PasswordDialog
        self.connect_status.setText(self.tr("Your password was reset: choose a new one."))
        spec = {"server": server, "user": self.user_edit.text().strip(), "insecure": False}
        self.password_dialog = PasswordDialog(None, self, spec=spec, tasks=self.tasks)
        self.password_dialog.current.setText(self.password_edit.text())

        def again() -> None:
            self.password_edit.setText(self.password_dialog.new.text())
            self.start_login()
        self.password_dialog.accepted.connect(again)
        self.password_dialog.open()


def _buttons(parent, *buttons) -> QWidget:
    host = QWidget(parent)
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    return host


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return "user"
