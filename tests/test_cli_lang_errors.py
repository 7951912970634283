"""CLI refusals in the chosen language (issue 19): a bad or reversed period, an unknown
region, a list without a usable header row. Under --lang ru / kk no English sentence is left;
under --lang en the same refusals are English."""
from __future__ import annotations

import json
import re

import pytest

from cli.main import main

COMMANDS = [
    ["report", "summary", "--period", "2023-13", "-o", "{tmp}/сводка.xlsx"],
    ["report", "quality", "--period", "2023-05..2023-01"],
    ["report", "figures", "--period", "20x"],
    ["report", "figures", "--period", "2023-01", "--region", "QQQ"],
    ["template", "monthly_report", "--org-unit", "SHY-X", "--period", "2024-00",
     "-o", "{tmp}/шаблон.xlsx"],
    ["import", "focus_group", "{tmp}/список.csv", "--org-unit", "SHY-X", "--period", "2024-13"],
    ["import", "focus_group", "{tmp}/список.csv", "--org-unit", "SHY-X", "--period", "2024-03"],
    ["import", "monthly_report", "{tmp}/1.json"],   # values out of bounds, by field label
    ["import", "focus_group", "{tmp}/2.csv", "--org-unit", "SHY-X", "--period", "2024-03"],
    ["import", "monthly_report", "{tmp}/3.json"],   # a bad header: id and period
    ["sync"],                                        # no server known yet
    ["sync", "--server", "http://127.0.0.1:9", "--user", "u"],  # no token, no password
]
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")
ALLOWED = ("--map", ".csv", ".json",  # an option and the files' extensions
           "`esep login --server URL --user U`", "`esep login`", "--password-stdin",
           "http://127.0.0.1:9")  # commands to type and the server's address


@pytest.fixture
def folder(data_dir, tmp_path, capsys):
    (tmp_path / "список.csv").write_text("a,b,c\n1,2,3\nx,y,z\n", encoding="utf-8")
    bad = {"id": "00000000-0000-4000-8000-000000000001", "form": "monthly_report",
           "form_version": 1, "org_unit": "SHY-X", "period": "2024-03", "status": "draft",
           "data": {"volunteers_total": "12,5x", "gender": {"F": -5}}}
    (tmp_path / "2.csv").write_text("№,ФИО,Организация\n1,Иванов Иван," + "ж" * 200_000 +
                                    "\n", encoding="utf-8")   # a cell beyond the CSV limit
    header = dict(bad, id="12345", period="2024-13", data={})
    (tmp_path / "3.json").write_text(json.dumps([header], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "1.json").write_text(json.dumps({"form": "monthly_report", "records": [bad]},
                                                ensure_ascii=False), encoding="utf-8")
    assert main(["orgunits", "add", "SHY-X", "--region", "SHY", "--name-ru", "Тест"]) == 0
    capsys.readouterr()
    return tmp_path


def _refusal(capsys, lang: str, argv: list[str], tmp) -> str:
    code = main(["--lang", lang] + [a.replace("{tmp}", str(tmp)) for a in argv])
    out = capsys.readouterr()
    assert code != 0, (argv, out.out)
    return out.err.removeprefix("esep: ").strip()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_refusals_have_no_english_sentence(folder, capsys, lang):
    texts = [_refusal(capsys, lang, argv, folder) for argv in COMMANDS]
    for argv, text in zip(COMMANDS, texts):
        left = text
        for word in ALLOWED:
            left = left.replace(word, "")
        assert text and not ENGLISH_WORD.search(left), (lang, argv, text)
        assert re.search("[а-яәіңғүұқөһ]", text, re.IGNORECASE), (lang, argv, text)
    assert len(set(texts)) == len(texts)  # each refusal says its own thing


def test_the_same_refusals_in_english(folder, capsys):
    texts = [_refusal(capsys, "en", argv, folder) for argv in COMMANDS]
    said = [t.replace("список.csv", "").split("found:")[0] for t in texts]
    assert all(not re.search("[а-яә]", t, re.IGNORECASE) for t in said), texts
    assert "no such month" in texts[0] and "ends before it starts" in texts[1]
