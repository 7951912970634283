"""File → Import refusing a list whose header it cannot find tells the clerk what to do in the
file and in the app, in her language — not the command line's «--map», «esep export» or
«esep template» (the CLI keeps its own wording)."""
from __future__ import annotations

import openpyxl
import pytest
from test_import_dialog import open_dialog

pytestmark = pytest.mark.timeout(120)
CLI_WORDS = ("--map", "esep export", "esep template", "--")


def typed_list(path, title: str, header: list, rows: list) -> str:
    """A list as a clerk types it: a merged title row, a blank row, stray spaces."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return str(path)


EVENTS = (["№", " Іс-шараның атауы ", "Өткізілген күні", "Қатысушылар саны"],
          [[1, " Сенбілік", "10.11.2024", 25], [2, "Қайырымдылық акциясы", "12.11.2024", 30]])


@pytest.mark.parametrize(("lang", "said"), [
    ("ru", "Подпишите столбцы списка так, как в форме"),
    ("kk", "Тізімнің бағандарын нысандағыдай атаңыз"),
    ("en", "Head the list's columns as the form names them")])
def test_a_list_without_a_name_column_says_what_to_do(qtbot, core_ctx, tmp_path, lang, said):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    path = typed_list(tmp_path / "іс-шаралар.xlsx", "Мұғалжар ауданы, қараша 2024", *EVENTS)
    dialog = open_dialog(qtbot, core_ctx, path, "focus_group")
    text = dialog.status.text()
    assert said in text and "іс-шаралар.xlsx" in text, text
    assert not any(w in text for w in CLI_WORDS), text
    assert not dialog.import_button.isEnabled()
    assert core_ctx.store.list_records(form="focus_group") == []


def test_an_event_list_without_its_header_names_the_apps_export(qtbot, core_ctx, tmp_path):
    path = typed_list(tmp_path / "список.xlsx", "Список за ноябрь",
                      ["Примечание", "Подпись"], [["—", "Иванова"]])
    dialog = open_dialog(qtbot, core_ctx, path, "event")
    text = dialog.status.text()
    assert "не найдена строка заголовков" in text and "«Экспорт…»" in text, text
    assert not any(w in text for w in CLI_WORDS), text


def test_a_monthly_table_without_its_header_names_the_blank_workbook(qtbot, core_ctx,
                                                                     tmp_path):
    path = typed_list(tmp_path / "свод.xlsx", "Свод за ноябрь", ["Примечание", "Подпись"],
                      [["—", "Иванова"]])
    dialog = open_dialog(qtbot, core_ctx, path, "monthly_report")
    text = dialog.status.text()
    assert "«Пустая книга Excel…»" in text, text
    assert not any(w in text for w in CLI_WORDS), text


def test_the_cli_keeps_its_own_words():
    """The command line still names its option: the app's wording is the app's only."""
    from forms.messages import set_surface
    from reports.headers import HeaderError
    err = HeaderError("x", "no_header", {"rows": 30, "wanted": ["position"], "found": "—"},
                      "focus_group")
    set_surface("cli")
    cli = err.text("ru")
    set_surface("desktop")
    assert "(--map)" in cli and "--map" not in err.text("ru")


def test_a_districts_monthly_table_in_kazakh_says_no_engine_ids(qtbot, core_ctx, tmp_path):
    """«25+5» is refused saying what to type, in Kazakh; the month is typed as text; the
    fields the table lacks are said by their labels, not as the engine's «required:»."""
    from desktop.i18n import switch_language
    switch_language(core_ctx, "kk")
    path = typed_list(tmp_path / "абай_2024.xlsx", " Абай ауданы — Сандардағы волонтерлік ",
                      ["Ай", "Аудан", "Волонтерлер саны", "Әйелдер", "Ерлер"],
                      [[" қараша 2024", "Абай ауданы", "25+5", 20, 10],
                       ["Желтоқсан 2024", "Абай ауданы", "31 адам", "20", 11]])
    dialog = open_dialog(qtbot, core_ctx, path, "monthly_report")
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    [refused] = [t for t in texts if "«25+5»" in t]
    assert refused.startswith("[қате]") and "жиынын (30) жазыңыз" in refused, refused
    required = [t for t in texts if "толтыру міндетті" in t]
    assert required, texts
    assert not any("required" in t or w in t for t in texts for w in CLI_WORDS), texts
    assert not dialog.import_button.isEnabled()
    assert core_ctx.store.list_records(form="monthly_report") == []
