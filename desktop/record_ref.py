"""A field that names another record (the seminar a questionnaire was filled in at): a clerk
picks the record by what she knows of it («12 ноября 2024 · Актобе»), the record's id is
kept as the value. Typing a record id by hand was the only way before."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.field_widgets import FieldInput, fill_combo
from desktop.screen_fit import narrow_combo

REFERENCES = {"seminar_id": "seminar"}  # field id -> the form of the records it names
SHOWN = 300  # the most recent records offered


def referenced_records(ctx, field) -> list[dict] | None:
    """The records `field` may name (most recent first); None when it names none."""
    form_id = REFERENCES.get(field.id)
    if form_id is None or field.type != "text":
        return None
    try:
        return ctx.store.list_records(form=form_id, order_by="period desc", limit=SHOWN)
    except Exception:  # noqa: BLE001 - no store to ask: the field stays free text
        return None


def record_text(record: dict, lang: str) -> str:
    """«12 ноября 2024 · Актобе»: the date and the place a person knows the record by."""
    from desktop.dates_text import date_text, when_text
    data = record.get("data") or {}
    parts = [date_text(str(data["date"]), lang) if data.get("date")
             else when_text(record.get("period") or "", lang),
             data.get("city") or data.get("venue")]
    return " · ".join(str(p) for p in parts if p) or str(record.get("id", ""))[:8]


class RecordChoiceInput(FieldInput):
    """A choice of `records`; the value is the chosen record's id (an id no longer among
    them stays chosen, shown as it is)."""

    def __init__(self, field, lang: str, records: list[dict], parent=None) -> None:
        super().__init__(field, lang, parent)
        self.records = records
        self.combo = QComboBox(self)
        narrow_combo(self.combo)
        self._fill()
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        self._layout.addWidget(self.combo, 1)

    def _fill(self) -> None:
        fill_combo(self, [(record_text(rec, self.lang), rec["id"]) for rec in self.records])

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value else 0
        if index < 0:
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def focus_widget(self) -> QWidget:
        return self.combo

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self._fill()
