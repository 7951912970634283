"""The words of what to do: the desktop names its own boxes and buttons («Период:», «Причина
исправления», «Пустая книга Excel…»), the command line its options («--period ГГГГ-ММ»,
«esep orgunits add») — one message with a hint for each surface (forms.messages)."""
from __future__ import annotations

import re

import openpyxl
import pytest
from test_import_dialog import answer, open_dialog

pytestmark = pytest.mark.timeout(120)
CLI_WORDS = re.compile(r"(?<![\w-])--[a-z]|\besep [a-z]")


def region_table(path, *, hidden: bool = True) -> str:
    """A region's October table as a clerk types it: a merged title naming no month, stray
    spaces, a district the data folder does not know, last year's sheet hidden."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Свод"
    ws["A1"] = "Сведения о волонтёрской деятельности, г. Шымкент"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["№", " Район ", "Количество волонтёров", "Женщины", "Мужчины"])
    ws.append([1, "Абайский район", 40, 25, 15])
    ws.append([2, "Аль-Фарабийский район ", 31, 20, 11])
    ws.append([3, "Каратауский район", 12, 7, 5])
    if hidden:
        old = wb.create_sheet("2022")
        old.append(["Район", "Количество волонтёров"])
        old.append(["Абайский район", 30])
        old.sheet_state = "hidden"
    wb.save(path)
    return str(path)


def shown(dialog) -> list[str]:
    return [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]


@pytest.mark.parametrize(("lang", "period", "unknown", "hidden"), [
    ("ru", "«Период:»", "синхронизируйтесь с сервером", "«Лист:»"),
    ("kk", "«Кезең:»", "сервермен синхрондаңыз", "«Парақ:»")])
def test_a_regions_table_says_what_to_do_in_the_app(qtbot, core_ctx, tmp_path, lang, period,
                                                    unknown, hidden):
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    dialog = open_dialog(qtbot, core_ctx, region_table(tmp_path / "свод.xlsx"),
                         "monthly_report")
    texts = shown(dialog)
    assert len(texts) >= 3, texts
    assert not [t for t in texts if CLI_WORDS.search(t)], texts
    assert any(period in t for t in texts), texts                  # the month: the box
    assert any("Каратау" in t and unknown in t for t in texts), texts
    assert any("2022" in t and hidden in t for t in texts), texts
    assert dialog.period.isVisible()                               # the box it names
    assert dialog.sheet_box.isVisible() and dialog.sheet_box.currentIndex() == 0  # all read
    assert dialog.sheet_box.count() == 3 and dialog.sheet_box.itemData(2) == "2022"
    dialog.period.setText("2023-10")                               # as a person types it
    dialog.period.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert not any(period in t for t in shown(dialog)), shown(dialog)


def test_the_cli_names_its_options_for_the_same_table(data_dir, tmp_path, capsys):
    """The same file through the command line: its options and commands, as before."""
    from pathlib import Path

    from cli.main import main
    from desktop.demo_data import DEMO_UNITS
    from store import open_store
    store = open_store(Path(data_dir) / "esep.sqlite3")
    store.upsert_org_units(DEMO_UNITS)
    store.close()
    path = region_table(tmp_path / "свод.xlsx")
    assert main(["--data-dir", str(data_dir), "import", "monthly_report", path]) == 1
    err = capsys.readouterr().err
    assert "--period ГГГГ-ММ" in err and "esep orgunits add" in err, err
    assert '--sheet "2022"' in err, err
    assert "«Период:»" not in err


@pytest.mark.parametrize(("lang", "window"), [("ru", "«Причина исправления»"),
                                              ("kk", "«Түзету себебі»")])
def test_a_correction_asks_its_reason_in_the_apps_words(qtbot, core_ctx, tmp_path, lang,
                                                        window):
    from desktop.i18n import switch_language
    from tests.wide_kit import FULL, october_table
    switch_language(core_ctx, lang)
    store = core_ctx.store
    rid = store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                             "period": "2023-10", "data": FULL}, user="abay")["id"]
    store.submit_record(rid, user="abay")
    table = october_table(tmp_path / "Шымкент_октябрь.xlsx",
                          (357, 210, 147, "да", "без двух школ"), other="Әл-Фараби ауданы")
    dialog = open_dialog(qtbot, core_ctx, table, "monthly_report")
    asked: list[str] = []
    answer(asked, "")                                              # no reason: cancelled
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and bool(asked), timeout=20000)
    assert window in asked[0] and not CLI_WORDS.search(asked[0]), asked[0]
    assert window in dialog.status.text() and not CLI_WORDS.search(dialog.status.text())


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_list_without_a_year_names_the_period_box(qtbot, core_ctx, tmp_path, lang):
    """An event list whose dates have no year: the desktop points at its «Period:» box."""
    from desktop.i18n import switch_language
    switch_language(core_ctx, lang)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Мероприятия Абайского района"])
    ws.append(["№", "Название мероприятия", "Дата проведения", "Количество участников"])
    ws.append([1, "Субботник в парке", "12.11", 25])
    ws.append([2, " Акция «Добро» ", "19.11", 30])
    wb.save(tmp_path / "мероприятия.xlsx")
    dialog = open_dialog(qtbot, core_ctx, tmp_path / "мероприятия.xlsx", "event")
    texts = shown(dialog) + [dialog.status.text()]
    box = {"ru": "«Период:»", "kk": "«Кезең:»", "en": "«Period:»"}[lang]
    assert any(box in t for t in texts), texts
    assert not [t for t in texts if CLI_WORDS.search(t)], texts


def test_every_hint_is_said_for_both_surfaces():
    """A message with a `{hint}` has it for the CLI and the desktop in ru, kk and en; the
    desktop's names no command-line option or command."""
    from forms.messages import hints, messages
    from reports.intake_text import MESSAGES
    said = {code: texts["hint"] for code, texts in MESSAGES.items() if "hint" in texts}
    said.update(hints())
    with_hint = {c for c, t in messages().items() if "{hint}" in t["ru"]}
    with_hint |= {c for c, t in MESSAGES.items() if "{hint}" in t["ru"]}
    assert with_hint == set(said) and len(said) >= 25, sorted(with_hint ^ set(said))
    for code, hint in said.items():
        assert set(hint) == {"cli", "desktop"}, code
        for where in ("cli", "desktop"):
            assert set(hint[where]) == {"ru", "kk", "en"}, (code, where)
        assert not [t for t in hint["desktop"].values() if CLI_WORDS.search(t)], code


def test_the_surface_is_the_callers_or_the_one_set():
    from forms.messages import message_text, set_surface
    from reports.headers import HeaderError
    err = HeaderError("x", "no_header", {"rows": 30, "wanted": ["position"], "found": "—"},
                      "focus_group")
    assert "(--map)" in err.text("ru") and "--" in message_text("sheet_hidden", "kk")
    assert "«Период:»" in message_text("wide_no_period", "ru", {"sheet": "Свод"},
                                       where="desktop")
    set_surface("desktop")
    assert "--" not in err.text("ru") and "Подпишите столбцы" in err.text("ru")
    assert "--" in message_text("sheet_hidden", "kk", where="cli")
    with pytest.raises(ValueError):
        set_surface("web")


@pytest.mark.parametrize(("lang", "where"), [("ru", "«Отклонено сервером»"),
                                             ("kk", "«Сервер қабылдамағандар»")])
def test_a_refusal_of_the_rejected_box_names_the_sync_page(core_ctx, lang, where):
    """Moving or dropping a record the server never refused: the Sync page's list, not
    `esep list` (the CLI keeps it)."""
    from desktop.refused_box import refusal_text
    from forms.messages import set_surface
    from store.orgunits import refile_refused
    from store.refused import drop_refused
    rid = core_ctx.store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY",
                                      "period": "2024-03", "data": {"volunteers_total": 5}},
                                     user="aigerim")["id"]
    for refuse in (lambda: refile_refused(core_ctx.store, rid, "SHY-ENBEKSHI",
                                          user="aigerim", me=core_ctx.user),
                   lambda: drop_refused(core_ctx.store, rid, user="aigerim")):
        with pytest.raises(Exception) as refused:
            refuse()
        said = refusal_text(refused.value, lang)
        assert where in said and not CLI_WORDS.search(said), said
        set_surface("cli")
        assert "`esep list`" in refusal_text(refused.value, lang)
        set_surface("desktop")


def test_a_demo_folder_refused_by_sync_names_the_settings(core_ctx):
    from desktop.server_errors import code_text
    said = code_text("demo_folder", "ru")
    assert "Настройки → «Папка данных» → «Изменить…»" in said and not CLI_WORDS.search(said)


def test_a_passphrase_not_given_at_start_says_no_option_in_the_app(tmp_path, monkeypatch):
    """A person closes the passphrase window of a computer without a keyring: the app says to
    type it at start; the CLI names --passphrase-stdin and ESEP_PASSPHRASE as before."""
    from forms.messages import set_surface
    from store import StoreError, error_text, keys, open_store
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)
    hooks = keys._hooks
    before = (hooks.prompt, hooks.keyring_available, hooks.keyring_load, hooks.keyring_save)
    keys.use_prompt(lambda _db, _new, _retry: None)
    keys.use_keyring(lambda: False, lambda _n: None, lambda _n, _v: None)   # no OS keyring
    try:
        with pytest.raises(StoreError) as refused:
            open_store(tmp_path / "esep.sqlite3")
    finally:
        keys.use_prompt(before[0])
        hooks.keyring_available, hooks.keyring_load, hooks.keyring_save = before[1:]
    set_surface("desktop")                                  # as desktop.app.run_gui does
    for lang in ("ru", "kk"):
        said = error_text(refused.value, lang)
        assert not CLI_WORDS.search(said) and "ESEP_PASSPHRASE" not in said, said
    set_surface("cli")
    assert "--passphrase-stdin" in error_text(refused.value, "kk")
