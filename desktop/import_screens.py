"""`make screenshots` (second part): the import preview of a messy attendance list in each
language, offscreen, into docs/screenshots/import_preview_{lang}.png.

The list is typed here as a clerk types it: a title with the date, the header, a header
repeated at the page break, a signature column, a totals line and a note of walk-ins; the
«Телефон» column is set to «not imported» with its drop-down, as a person would."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from desktop.screenshots import _app_and_context, _save

HEADER = ["№ п/п", "Ф.И.О.", "Организация", "Категория участника", "Телефон", "Подпись"]
PEOPLE = [
    ("Ким Алексей Викторович", "Студенческий совет МКТУ", "Студенческие организации",
     "8 700 123 45 67"),
    ("Жұмабаева\u00a0Айгүл Серікқызы", "ОФ «Мейірім»", "Системные волонтёрские организации",
     "+7 775 300 40 50"),
    ("Садыкова Динара", "МРЦ Абай", "МРЦ и госучреждения", "+7 701 000 11 22"),
    ("Оспанов  Ержан", "ОО «Жастар»", "студенческие организации", ""),
]


def write_list(path: Path) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["Список участников фокус-группы, г. Шымкент, 14 сентября 2023 г."])
    ws.append([])
    ws.append(HEADER)
    for n, row in enumerate(PEOPLE[:2], start=1):
        ws.append([n, *row, ""])
    ws.append(HEADER)                                    # the next printed page
    for n, row in enumerate(PEOPLE[2:], start=3):
        ws.append([n, *row, ""])
    ws.append(["", "Итого: 4"])
    ws.append(["+3 без регистрации"])
    wb.save(path)
    return path


def shoot(out: Path, folder: Path, lang: str) -> Path:
    from PySide6.QtWidgets import QApplication

    from desktop.import_dialog import ImportDialog
    _app, ctx = _app_and_context(folder, lang)
    dialog = ImportDialog(ctx, "focus_group", str(write_list(folder / "список.xlsx")))
    dialog.start()
    ctx.tasks.wait_all()
    QApplication.processEvents()
    combo = dialog.column_combo("Телефон")
    combo.setCurrentIndex(combo.findData(None))
    combo.activated.emit(combo.currentIndex())           # as a person's choice
    ctx.tasks.wait_all()
    QApplication.processEvents()
    dialog.tabs.setCurrentIndex(2)                       # the skipped lines and why
    path = _save(dialog, out, f"import_preview_{lang}", (1100, 720))
    ctx.store.close()
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from desktop.screenshots import use_throwaway_key
    use_throwaway_key()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in argv[1:] or ["ru", "kk", "en"]:
            print(shoot(out, Path(tmp), lang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
