"""The `esep import` preview speaks the user's language with correct plurals (ru / kk / en):
its lines come from resources/messages.toml through forms.messages."""
from __future__ import annotations

import pytest

from forms.messages import message_text, plural_index
from main import main


@pytest.mark.parametrize(("lang", "counts"), [
    ("ru", {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 111: 2, 101: 0}),
    ("en", {0: 1, 1: 0, 2: 1, 21: 1}),
    ("kk", {1: 0, 2: 0, 5: 0}),
])
def test_plural_forms(lang, counts):
    assert {n: plural_index(lang, n) for n in counts} == counts


def test_change_counts_in_three_languages():
    said = {lang: [message_text("import_changes", lang, {"target": "T", "n": n})
                   for n in (1, 3, 5)] for lang in ("ru", "kk", "en")}
    assert said["ru"] == ["T: 1 изменение", "T: 3 изменения", "T: 5 изменений"]
    assert said["kk"] == ["T: 1 өзгеріс", "T: 3 өзгеріс", "T: 5 өзгеріс"]
    assert said["en"] == ["T: 1 change", "T: 3 changes", "T: 5 changes"]


LIST = "№;Ф.И.О.;Организация;Категория\n1;Иванов Иван;Фонд;STATE\n2;Петров Пётр;Фонд;STATE\n"


@pytest.mark.parametrize(("lang", "header", "changes", "dry"), [
    ("ru", "строка заголовка 1; столбцы:", "2 изменения", "пробный запуск: 2 изменения"),
    ("kk", "тақырып жолы: 1; бағандар:", "2 өзгеріс", "сынақ: "),
    ("en", "header row 1; columns:", "2 changes", "dry run: 2 changes"),
])
def test_cli_preview_lines_in_language(data_dir, tmp_path, capsys, lang, header, changes, dry):
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    assert main(["import", "focus_group", str(path), "--org-unit", "ALA", "--period",
                 "2023-09", "--dry-run", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert header in out and changes in out and dry in out
    if lang != "en":
        assert "change(s)" not in out and "header row" not in out
