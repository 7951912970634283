"""The file pickers (QFileDialog's static getters, same arguments and answers) with Qt's own
dialog's date column in the interface language: Qt's file model dates its files in the
system's locale (QLocale.system(), the environment's LANG: «6 Dec» in a Kazakh interface),
not in QLocale's default that desktop.i18n sets to the language chosen. A native dialog of
the system (Windows, macOS) is left as it is: it dates in the system's language anyway."""
from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, Qt
from PySide6.QtWidgets import QFileDialog

DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class _DatedInLanguage(QIdentityProxyModel):
    """The file model as it is, its date column said as the app's lists say a moment."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.column() == DATE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if hasattr(source, "fileInfo"):
                from desktop.dates_text import local_moment_text
                return local_moment_text(source.fileInfo(self.mapToSource(index)).lastModified())
        return super().data(index, role)


def file_dialog(parent, caption: str, folder: str, filters: str, *,
                save: bool = False, mode=QFileDialog.FileMode.ExistingFile) -> QFileDialog:
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setFileMode(mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.setProxyModel(_DatedInLanguage(dialog))  # no effect on a native dialog
    return dialog


def _run(dialog: QFileDialog) -> tuple[str, str]:
    chosen = dialog.selectedFiles() if dialog.exec() else []
    return (chosen[0] if chosen else ""), dialog.selectedNameFilter()


def get_open_file_name(parent, caption: str = "", folder: str = "",
                       filters: str = "") -> tuple[str, str]:
    return _run(file_dialog(parent, caption, folder, filters))


def get_save_file_name(parent, caption: str = "", folder: str = "",
                       filters: str = "") -> tuple[str, str]:
    return _run(file_dialog(parent, caption, folder, filters, save=True,
                            mode=QFileDialog.FileMode.AnyFile))


def get_existing_directory(parent, caption: str = "", folder: str = "") -> str:
    return _run(file_dialog(parent, caption, folder, "", mode=QFileDialog.FileMode.Directory))[0]
