"""`make screenshots`: each main screen in each language, offscreen, into docs/screenshots/."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from desktop.demo_data import DEMO_USER, seed_demo

SIZE = (1280, 800)
DEMO_YEAR = 2024  # seed_demo: 2024 submitted, 2025-01..02 drafts
ROSTER_ROWS = [
    ("Айгерим Садыкова", "ОО «Жастар»", "Волонтёр", "STUDENT"),
    ("Ержан Беков", "МРЦ Абай", "Координатор", "SYSTEMIC"),
    ("Динара Оспанова", "Школа №12", "Учитель", "STATE"),
    ("Айгерим Садыкова", "ОО «Жастар»", "Волонтёр", "STUDENT"),
]


def _app_and_context(folder: Path, lang: str, role: str = "district"):
    from PySide6.QtWidgets import QApplication

    from desktop.context import AppContext
    from desktop.i18n import install_translators
    from desktop.tasks import TaskRunner
    from store import open_store
    app = QApplication.instance() or QApplication(sys.argv)
    store = open_store(folder / f"esep-{lang}-{role}.sqlite3")
    seed_demo(store, submitted=12)  # 2024 submitted: the dashboard has data
    install_translators(lang)
    user = dict(DEMO_USER, role=role)
    ctx = AppContext(store=store, user=user, lang=lang, tasks=TaskRunner(),
                     settings_get=store.get_setting, settings_set=store.set_setting)
    return app, ctx


def _save(widget, out: Path, name: str, size: tuple[int, int] = SIZE) -> Path:
    from PySide6.QtWidgets import QApplication
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    widget.hide()  # a hidden form keeps unsaved edits as autosave instead of asking
    return path


def _settle(ctx) -> None:
    from PySide6.QtWidgets import QApplication
    for _ in range(3):
        QApplication.processEvents()
        ctx.tasks.wait_all()
    QApplication.processEvents()


def _monthly_form(window) -> None:
    page = window.show_page("monthly_report")
    editor = page.show_editor(None)
    editor.period_edit.setText("2025-03")
    editor.inputs["volunteers_total"].set_value(640)
    editor.inputs["gender"].set_value({"F": 300, "M": 300})
    editor.inputs["events_total"].set_value(12)
    editor._header_changed()
    editor.validate()


def _roster(window) -> None:
    page = window.show_page("focus_group")
    editor = page.show_editor(None)
    roster = editor.inputs["participants"]
    text = "\n".join("\t".join(r) for r in ROSTER_ROWS)
    roster.model.paste_text(text)
    editor.focus_field("participants")
    editor.validate()


def _event_form(window) -> None:
    """A new event (form v2): the data source and «known to the RFO» fields (VR-29)."""
    editor = window.show_page("event").show_editor(None)
    editor.inputs["data_source"].set_value("RFO")
    editor.validate()
    editor.focus_field("known_to_rfo")


FG_ANSWERS = [
    {"question": "Q1", "participant_category": "STUDENT", "direction": "ECO",
     "answer_text": "Экологическое волонтёрство и помощь пожилым людям в сёлах района"},
    {"question": "Q4", "rfo_rating": "UNAWARE",
     "answer_text": "О региональном фронт-офисе большинство участников не слышали"},
    {"question": "Q2", "rfo_rating": "MINIMAL", "answer_text": "Помещения и транспорт"},
]


def _focus_answers(window) -> None:
    """Focus group v2: discussion answers (E10); the last row breaks «RFO rating on Q4 only»."""
    editor = window.show_page("focus_group").show_editor(None)
    editor.inputs["answers"].set_value(FG_ANSWERS)
    editor.validate()
    editor.focus_field("answers")


def _questionnaire_form(window) -> None:
    """A civil-servant questionnaire: «нет ответа» ticked together with an answer (VR-27)."""
    editor = window.show_page("cs_questionnaire").show_editor(None)
    editor.inputs["department"].set_value("NOT_STATED")
    editor.inputs["q3_difficulties"].set_value(["NO_ANSWER", "BUREAUCRACY"])
    editor.validate()
    editor.focus_field("q3_difficulties")


def shoot_language(out: Path, folder: Path, lang: str) -> list[Path]:
    from desktop.first_run import FirstRunDialog
    from desktop.main_window import MainWindow
    _app, ctx = _app_and_context(folder, lang)
    dialog = FirstRunDialog(ctx.store, ctx.tasks, lang)
    shots = [_save(dialog, out, f"first_run_{lang}", (560, 300))]
    dialog.stack.setCurrentIndex(2)  # the offline page: region and district
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("SHY"))
    shots.append(_save(dialog, out, f"first_run_offline_{lang}", (560, 300)))
    window = MainWindow(ctx)
    shots.append(_save(window, out, f"monthly_list_{lang}"))
    _monthly_form(window)
    shots.append(_save(window, out, f"monthly_form_{lang}"))
    _roster(window)
    shots.append(_save(window, out, f"roster_{lang}"))
    _focus_answers(window)
    shots.append(_save(window, out, f"focus_answers_{lang}"))
    _event_form(window)
    shots.append(_save(window, out, f"event_form_{lang}"))
    _questionnaire_form(window)
    shots.append(_save(window, out, f"questionnaire_{lang}"))
    for key in ("sync", "settings"):
        if key in window.page_keys():
            window.show_page(key)
            shots.append(_save(window, out, f"{key}_{lang}"))
    _app, rctx = _app_and_context(folder, lang, role="region")
    region_window = MainWindow(rctx)
    for key in ("review", "reports", "quality"):
        if key in region_window.page_keys():
            page = region_window.show_page(key)
            if key in ("review", "quality") and hasattr(page, "year"):  # the demo year, not
                page.year.setValue(DEMO_YEAR)  # the current one with nothing in it
            _settle(rctx)  # pages that check in a worker show their results
            shots.append(_save(region_window, out, f"{key}_{lang}"))
    shots.append(_correction(region_window, rctx, out, lang))
    from desktop.screenshots_registry import shoot
    return shots + shoot(out, folder, lang)


def _correction(window, ctx, out: Path, lang: str) -> Path:
    """A region coordinator correcting a submitted report (values unlocked)."""
    record = next(r for r in ctx.store.list_records(form="monthly_report")
                  if r["status"] == "submitted")
    editor = window.show_page("monthly_report").show_editor(record)
    editor.start_correction()
    editor.inputs["volunteer_hours"].set_value(record["data"]["volunteer_hours"] + 12)
    return _save(window, out, f"correction_{lang}")


def use_throwaway_key() -> None:
    """Throwaway demo stores: without a keyring their key comes from this (store/keys.py)."""
    os.environ.setdefault("ESEP_PASSPHRASE", "screenshots, not a secret")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    langs = argv[1:] or ["ru", "kk", "en"]
    use_throwaway_key()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            for path in shoot_language(out, Path(tmp), lang):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
