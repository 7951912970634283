"""MainMenu: the window's menu bar (File, Edit, View, Help) with standard shortcuts.

Shortcuts are QKeySequence.StandardKey values, so Ctrl+N, Ctrl+S, Ctrl+F and F1 follow the
platform and work in any keyboard layout (Qt matches the Latin key of a Cyrillic layout).
Menu titles carry no access key in ru / kk: Cyrillic access keys work only in the Russian
layout (F10 or Alt still opens the menu bar)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

Std = QKeySequence.StandardKey


class MainMenu:
    """Builds the menus on `window` (a MainWindow) and routes each action to the page shown."""

    def __init__(self, window) -> None:
        self.window = window
        bar = window.menuBar()
        self.file_menu, self.edit_menu = bar.addMenu(""), bar.addMenu("")
        self.view_menu, self.help_menu = bar.addMenu(""), bar.addMenu("")
        self.new_action = self._action(self.file_menu, Std.New, self.new_record)
        self.save_action = self._action(self.file_menu, Std.Save, self.save)
        self.file_menu.addSeparator()
        self.import_action = self._action(self.file_menu, None, self.import_file)
        self.export_action = self._action(self.file_menu, None, self.export_list)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, Std.Quit, window.close)
        self.find_action = self._action(self.edit_menu, Std.Find, self.find)
        self.page_actions = []
        for row in range(len(window.page_keys())):
            action = QAction(window)
            action.triggered.connect(lambda _c=False, r=row: window.nav.setCurrentRow(r))
            self.view_menu.addAction(action)
            self.page_actions.append(action)
        self.help_action = self._action(self.help_menu, Std.HelpContents, self.show_help)
        self.about_action = self._action(self.help_menu, None, self.show_about)
        self.help_box: QMessageBox | None = None
        window.nav.currentRowChanged.connect(lambda _r: self.update_actions())

    def _action(self, menu, key, slot) -> QAction:
        action = QAction(self.window)
        if key is not None:  # setShortcuts(StandardKey): QKeySequence(key) would build the
            action.setShortcuts(key)  # Qt namespace's enums (~70 ms) before the first paint
        action.triggered.connect(lambda _c=False: slot())
        menu.addAction(action)
        return action

    # -- routing to the page on screen ---------------------------------------------------
    def _list_page(self):
        page = self.window.current_page()
        return page if hasattr(page, "new_record") else None

    def new_record(self) -> None:
        page = self._list_page()
        if page is not None:
            page.new_record()
        self.update_actions()

    def save(self) -> None:
        page = self._list_page()
        editor = getattr(page, "editor", None)
        if editor is not None and editor.save_button.isEnabled():
            editor.save_draft()

    def import_file(self) -> None:
        """File → Import…: a list, workbook or JSON file into the list on screen."""
        from desktop.import_dialog import open_import
        open_import(self.window)

    def export_list(self) -> None:
        page = self._list_page()
        if page is not None:
            page.export_list()

    def find(self) -> None:
        page = self._list_page()
        if page is not None:
            page.focus_search()
        self.update_actions()

    def update_actions(self) -> None:
        page = self._list_page()
        self.new_action.setEnabled(page is not None)
        self.find_action.setEnabled(page is not None)
        self.export_action.setEnabled(page is not None)
        self.import_action.setEnabled(self.window.ctx.store is not None)
        self.save_action.setEnabled(getattr(page, "editor", None) is not None)

    # -- help ----------------------------------------------------------------------------
    def show_help(self) -> None:
        """F1: what the keys do (non-modal, so the user can keep it open while working)."""
        if self.help_box is None:
            self.help_box = QMessageBox(QMessageBox.Icon.Information, "", "",
                                        QMessageBox.StandardButton.Close, self.window)
            self.help_box.setModal(False)
        self.help_box.setWindowTitle(QCoreApplication.translate("MainMenu", "Help"))
        self.help_box.setText(QCoreApplication.translate("MainMenu", "Ctrl+N — a new record of the list on screen\nCtrl+S — save the draft\nCtrl+Enter — submit (you are asked to confirm)\nCtrl+F — search the list\nEnter — next field · F8 — next finding\nF1 — this help"))
        self.help_box.show()

    def show_about(self) -> None:
        QMessageBox.about(self.window, QCoreApplication.translate("MainMenu", "About Esep"), self.window.windowTitle())

    def retranslate(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainMenu", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainMenu", "&Edit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainMenu", "&View"))
        self.help_menu.setTitle(QCoreApplication.translate("MainMenu", "&Help"))
        self.new_action.setText(QCoreApplication.translate("MainMenu", "New record"))
        self.save_action.setText(QCoreApplication.translate("MainMenu", "Save draft"))
        self.quit_action.setText(QCoreApplication.translate("MainMenu", "Quit"))
        self.import_action.setText(QCoreApplication.translate("MainMenu", "Import…"))
        self.export_action.setText(QCoreApplication.translate("MainMenu", "Export the list…"))
        self.find_action.setText(QCoreApplication.translate("MainMenu", "Find in the list"))
        self.help_action.setText(QCoreApplication.translate("MainMenu", "Help"))
        self.about_action.setText(QCoreApplication.translate("MainMenu", "About Esep"))
        for action, row in zip(self.page_actions, range(self.window.nav.count()), strict=False):
            action.setText(self.window.nav.item(row).text())
        self.update_actions()
