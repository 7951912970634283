"""Start the desktop application (minimal shell until the GUI issue lands)."""
from __future__ import annotations

import sys


def run_gui(*, smoke: bool = False, lang: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Esep")
    window.setCentralWidget(QLabel("Esep — Волонтёрство в цифрах"))
    window.resize(900, 600)
    window.show()
    if smoke:
        QTimer.singleShot(200, app.quit)
    return app.exec()
