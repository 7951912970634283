"""Screenshots of issue 16 (called by desktop/screenshots.py; alone:
`python -m desktop.screenshots_registry docs/screenshots [ru kk en]` renders only these):
the monthly report filled from events (district), the survey and registry lists and the
dialog linking an event's organizer to a registry entry (region)."""
from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

EVENTS = [("2025-03-03", "MED", ["OFFLINE"], 40, 8), ("2025-03-12", "ECO", ["OFFLINE", "ONLINE"],
          12.5, 5), ("2025-03-20", "EDU", ["ONLINE"], 18, 6)]
ORGS = [("ОО «Жубанов жылуы»", "SHY", "050340001235", "Zhubanov Zhyluy"),
        ("ОФ «Шапағат»", "SHY", None, "Shapagat\nШапагат"), ("BY QAZAQ", "SHY", None, ""),
        ("Молодёжный ресурсный центр", "AST", None, "МРЦ Астана")]
SURVEYS = [("2024-03-15", "SHY", "F", "A18_28", ["MED", "EDU"], 12.5),
           ("2024-03-16", "SHY", "M", "A29_35", ["ECO"], 4),
           ("2024-04-02", "AST", "F", "A14_17", ["EDU", "SPORT"], 20)]


def _rec(form: str, unit: str, period: str, data: dict, version: int = 1) -> dict:
    return {"id": str(uuid.uuid4()), "form": form, "form_version": version, "org_unit": unit,
            "period": period, "status": "draft", "data": data, "justification": None}


def seed(store) -> None:
    store.upsert_org_units([{"id": "AST", "kind": "region", "region": "AST",
                             "name_ru": "г. Астана", "name_kk": "Астана қаласы",
                             "name_en": "Astana"}])
    for day, direction, formats, hours, positions in EVENTS:
        store.save_record(_rec("event", "SHY-ABAY", day[:7], {
            "title": f"Акция {day}", "date_start": day, "primary_direction": direction,
            "formats": formats, "is_volunteering": "YES", "organizer_type": "INIT_GROUP",
            "organizer_name": "Zhubanov Zhyluy", "volunteers_count": positions,
            "volunteer_hours": hours, "volunteer_positions": positions, "data_source": "RFO",
            "known_to_rfo": "YES"}, 2), user="aigerim")
    for name, region, bin_, aliases in ORGS:
        data = {"name_ru": name, "region": region, "aliases": aliases,
                "org_type": "REGISTERED" if bin_ else "INITIATIVE_GROUP", "bin": bin_}
        store.save_record(_rec("organization", region, "2025-01",
                               {k: v for k, v in data.items() if v}), user="central")
    for day, region, gender, age, dirs, hours in SURVEYS:
        store.save_record(_rec("volunteer_survey", region, day[:7], {
            "answered_on": day, "region": region, "gender": gender, "age_band": age,
            "directions_last_12m": dirs, "hours_per_month": hours}), user="central")


def shoot(out: Path, folder: Path, lang: str) -> list[Path]:
    from desktop.link_dialog import open_link_dialog
    from desktop.main_window import MainWindow
    from desktop.screenshots import _app_and_context, _save, _settle
    own = folder / "issue16"                  # stores of their own (the other shots' are seeded)
    own.mkdir(exist_ok=True)
    _app, ctx = _app_and_context(own, lang, role="region")
    seed(ctx.store)
    window = MainWindow(ctx)
    shots = []
    for key in ("volunteer_survey", "organization"):
        window.show_page(key)
        _settle(ctx)
        shots.append(_save(window, out, f"{key}_list_{lang}"))
    _app, dctx = _app_and_context(own, lang)  # a district: events, the monthly report
    seed(dctx.store)
    dwin = MainWindow(dctx)
    editor = dwin.show_page("monthly_report").show_editor(None)
    editor.period_edit.setText("2025-03")
    editor._header_changed()
    editor.fill_button.click()
    shots.append(_save(dwin, out, f"event_fill_{lang}"))
    event = next(r for r in ctx.store.list_records(form="event"))   # the region links
    editor = window.show_page("event").show_editor(event)
    dialog = open_link_dialog(editor)
    shots.append(_save(dialog, out, f"registry_link_{lang}", (560, 320)))
    dialog.reject()
    return shots


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in argv[1:] or ["ru", "kk", "en"]:
            for path in shoot(out, Path(tmp), lang):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
