"""The app's file pickers in Qt's own dialog date their files in the interface language:
Qt's file model uses the system's locale (the environment's LANG), so a Kazakh interface
showed «6 Dec» (seen in a walk of the desktop)."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QTreeView

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize(("lang", "said"), [("kk", "2024 ж. 5 қар"), ("ru", "5 нояб. 2024")])
def test_the_date_column_is_in_the_interface_language(qtbot, core_ctx, tmp_path, lang, said):
    from desktop.file_dialogs import file_dialog
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    book = tmp_path / "қараша.xlsx"
    book.write_bytes(b"")
    moment = dt.datetime(2024, 11, 5, 10, 30).timestamp()   # the computer's clock
    os.utime(book, (moment, moment))
    dialog = file_dialog(None, "", str(tmp_path), "*.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()

    def row_of_book():
        root = view.rootIndex()
        return next((r for r in range(model.rowCount(root))
                     if model.index(r, 0, root).data() == book.name), None)

    qtbot.waitUntil(lambda: row_of_book() is not None, timeout=10000)
    date = model.index(row_of_book(), 3, view.rootIndex()).data()
    assert date.startswith(said) and "10:30" in date, date
    assert "Nov" not in date
    dialog.reject()
