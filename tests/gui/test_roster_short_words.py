"""Short words pasted or typed into a list grid («Студенты», «МРЦ», «Организации»): read as
the list import reads them (forms.choice_words), the note in the cell's tooltip and colour
as a finding's; an ambiguous word stays as typed, its candidates named."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.roster_editor import RosterEditor
from desktop.roster_model import FINDING_COLOURS, UNKNOWN_COLOUR

pytestmark = pytest.mark.timeout(120)


def _editor(qtbot, lang="ru"):
    from forms import load_form
    editor = RosterEditor(load_form("focus_group").field("participants"), lang)
    qtbot.addWidget(editor)
    return editor


# What Excel puts on the clipboard of a list typed by hand: its own title row, a «№»
# column, stray spaces, a Kazakh and a Russian short word, an abbreviation.
CLIPBOARD = ("№\tФИО\tОрганизация\tКатегория\r\n"
             "1\tАбдрахманова Айгерім\tКарГТУ\tСтуденты \r\n"
             "2\tКим Виктор Сергеевич\tМРЦ Абайского района\t  МРЦ\r\n"
             "3\tНурланов Асхат\tТОО «Арман»\tОрганизации\r\n"
             "4\tОспанова Гүлназ\tКолледж сервиса\tСтуденческие организации\r\n")


def _cell(model, row, fid, role):
    col = [c.id for c in model.columns].index(fid)
    return model.index(row, col).data(role)


def _colour(model, row, fid):
    brush = _cell(model, row, fid, Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else None


def test_pasted_short_words_are_read_with_a_note_in_the_tooltip(qtbot):
    editor = _editor(qtbot)
    model = editor.model
    model.paste_text(CLIPBOARD)
    got = [(r["full_name"].split()[0], r.get("participant_category")) for r in editor.value()]
    assert got == [("Абдрахманова", "STUDENT"), ("Ким", "STATE"),
                   ("Нурланов", "Организации"), ("Оспанова", "STUDENT")]
    tip = _cell(model, 0, "participant_category", Qt.ItemDataRole.ToolTipRole)
    assert "«Студенты» прочитано как «Студенческие организации»" in tip
    assert _colour(model, 0, "participant_category") == FINDING_COLOURS["warning"]
    assert "«МРЦ» (молодёжный ресурсный центр) прочитано как «МРЦ и госучреждения»" in \
        _cell(model, 1, "participant_category", Qt.ItemDataRole.ToolTipRole)
    tip = _cell(model, 2, "participant_category", Qt.ItemDataRole.ToolTipRole)
    assert "«Организации» подходит к нескольким значениям: Системные волонтёрские " \
           "организации; Благотворительные организации" in tip
    assert _colour(model, 2, "participant_category") == UNKNOWN_COLOUR
    assert _colour(model, 3, "participant_category") is None        # its label: no note
    assert "прочитано" not in (_cell(model, 3, "participant_category",
                                     Qt.ItemDataRole.ToolTipRole) or "")


def test_a_typed_short_word_is_noted_and_a_label_clears_it(qtbot):
    editor = _editor(qtbot, "kk")
    model = editor.model
    model.paste_text(CLIPBOARD)
    col = [c.id for c in model.columns].index("participant_category")
    assert model.setData(model.index(2, col), "Благотворительные")
    assert editor.value()[2]["participant_category"] == "SYSTEMIC.CHARITY"
    tip = _cell(model, 2, "participant_category", Qt.ItemDataRole.ToolTipRole)
    assert "«Благотворительные» «Қайырымдылық ұйымдары» деп оқылды" in tip, tip
    model.setData(model.index(0, col), "STUDENT")                     # chosen in the drop-down
    assert _colour(model, 0, "participant_category") is None
    assert "оқылды" not in _cell(model, 0, "participant_category", Qt.ItemDataRole.ToolTipRole)
    model.remove_rows([0])                         # the notes move up with their rows
    assert "«МРЦ»" in _cell(model, 0, "participant_category", Qt.ItemDataRole.ToolTipRole)
    assert "«Благотворительные»" in _cell(model, 1, "participant_category",
                                          Qt.ItemDataRole.ToolTipRole)
    assert _colour(model, 2, "participant_category") is None
