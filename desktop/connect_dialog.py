"""ConnectDialog: "Connect to a server" for an install that started offline.

Server address, user and password → login (LoginDialog) → the server's org-unit list arrives →
when this install works for a district made on this computer (store.orgunits local unit), the
user confirms which of the server's districts it is and its editable records are re-homed
there (store.orgunits.map_local_unit, as `esep orgunits map` does) → the caller syncs."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.login_dialog import LoginDialog
from desktop.review_models import unit_name


class ConnectDialog(LoginDialog):
    """After accept(): ``mapped`` = map_local_unit's answer ({moved, kept}) or None."""

    def __init__(self, ctx, parent=None) -> None:
        from store.orgunits import local_ids
        self.local_unit = (ctx.user or {}).get("district")
        if self.local_unit not in local_ids(ctx.store):
            self.local_unit = None
        self.mapped: dict | None = None
        super().__init__(ctx, ctx.settings_get("server_url", "") or "", ask_server=True,
                         parent=parent)
        self.map_box = QWidget(self)
        row = QHBoxLayout(self.map_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.map_text, self.target = QLabel(self.map_box), QComboBox(self.map_box)
        self.map_text.setWordWrap(True)
        self.map_button, self.skip_button = QPushButton(self.map_box), QPushButton(self.map_box)
        self.map_button.clicked.connect(self.confirm_mapping)
        self.skip_button.clicked.connect(self.accept)
        for w in (self.target, self.map_button, self.skip_button):
            row.addWidget(w)
        self.layout().insertWidget(self.layout().count() - 1, self.map_text)
        self.layout().insertWidget(self.layout().count() - 1, self.map_box)
        self.map_text.hide()
        self.map_box.hide()
        self.map_button.setText(self.tr("&Move my records there"))
        self.skip_button.setText(self.tr("&Not now"))

    def logged_in(self, result: dict) -> None:
        """No local unit: done. Otherwise ask which server district it is."""
        if self.local_unit is None:
            self.accept()
            return
        lang, user = self.ctx.lang, result.get("user") or {}
        districts = [u for u in result.get("units") or [] if u.get("kind", "district")
                     == "district" and (not user.get("region") or
                                        u.get("region") == user.get("region"))]
        self.target.clear()
        for unit in districts:
            self.target.addItem(unit_name(unit, lang), unit["id"])
        self.target.setCurrentIndex(max(self.target.findData(user.get("district")), 0))
        count = len(self.ctx.store.list_records(org_unit=self.local_unit))
        local = next((u for u in self.ctx.store.org_units() if u["id"] == self.local_unit), {})
        self.map_text.setText(
            self.tr("You worked offline for «%1» (records: %2). Which district of the server "
                    "is it? Its drafts and returned records move there; this cannot be "
                    "undone.").replace("%1", unit_name(local, lang) if local else self.local_unit)
            .replace("%2", str(count)))
        self.status.setText("")
        for w in (self.map_text, self.map_box):
            w.show()
        self.login_button.hide()
        self.adjustSize()  # room for the question: the fields above keep their height
        self.map_button.setFocus()

    def confirm_mapping(self) -> bool:
        from store.orgunits import map_local_unit
        target = self.target.currentData()
        if not target:
            return False
        self.mapped = map_local_unit(self.ctx.store, self.local_unit, target,
                                     user=self.ctx.username)
        self.ctx.signals.sig_records_changed.emit("")
        self.accept()
        return True
