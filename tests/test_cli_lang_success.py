"""The CLI's success and summary lines in the chosen language (issue 19): validate, a JSON
import (dry run and real), export, list, submit and the conflict list. Under --lang ru / kk no
English sentence is left beside the ids, file names, rule codes and field ids; under --lang en
the same lines are English."""
from __future__ import annotations

import json
import re

import pytest
from test_cli_records import VALID  # a monthly report without findings

from cli.main import main

ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b", re.IGNORECASE)
# what may stay as it is in any language: ids, paths, rule codes, [field ids], `commands`
NEUTRAL = re.compile(r"[0-9a-f]{8}-[0-9a-f-]{27}|/\S+|VR-[\w-]+|\[[\w, .]+\]|`[^`]+`|"
                     r"monthly_report|SHY-X|'event'|\(id |\bv1\b")


def _record(n: int, period: str, **data) -> dict:
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "form": "monthly_report",
            "org_unit": "SHY-X", "period": period, "status": "draft",
            "data": dict(VALID, **data)}


def _write(path, records) -> str:
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _steps(tmp) -> list[list[str]]:
    good = _write(tmp / "good.json", [_record(1, "2024-01"), _record(2, "2024-02")])
    warn = _write(tmp / "warn.json", [_record(3, "2024-03", volunteer_hours=1520)])
    other = _write(tmp / "other.json", [_record(4, "2024-04"), dict(_record(5, "2024-05"),
                                                                     form="event")])
    return [["validate", "monthly_report", good],
            ["validate", "monthly_report", warn],
            ["import", "monthly_report", good, "--dry-run"],
            ["import", "monthly_report", good],
            ["import", "monthly_report", other],
            ["export", "monthly_report", "--format", "json", "-o", str(tmp / "out.json")],
            ["list"],
            ["submit", "00000000-0000-4000-8000-000000000001"],
            ["conflicts", "list"],
            ["show", "00000000-0000-4000-8000-000000000099"],
            ["conflicts", "show", "00000000-0000-4000-8000-000000000099"]]


def _outputs(lang: str, tmp, capsys) -> list[str]:
    assert main(["orgunits", "add", "SHY-X", "--region", "SHY", "--name-ru", "Тест"]) == 0
    capsys.readouterr()
    texts = []
    for argv in _steps(tmp):
        main(["--lang", lang, *argv])
        out = capsys.readouterr()
        texts.append((out.out + out.err).replace("esep: ", "").strip())
    return texts


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_success_lines_have_no_english_sentence(data_dir, tmp_path, capsys, lang):
    texts = _outputs(lang, tmp_path, capsys)
    for step, text in zip(_steps(tmp_path), texts):
        left = NEUTRAL.sub(" ", text)
        assert text and not ENGLISH_WORD.search(left), (lang, step, text)
        assert re.search("[а-яәіңғүұқөһ]", text, re.IGNORECASE), (lang, step, text)
    assert len(set(texts)) == len(texts)  # each step says its own thing


def test_the_same_lines_in_english(data_dir, tmp_path, capsys):
    texts = _outputs("en", tmp_path, capsys)
    joined = "\n".join(texts)
    for phrase in ("2 records, 0 with errors", "1 warning", "dry run: 2 records valid",
                   "imported 2 records (0 unchanged)", "of another form, nothing imported",
                   "exported 2 records to", "submitted (revision", "0 conflicts"):
        assert phrase in joined, (phrase, joined)
    assert not re.search("[а-яәіңғүұқөһ]", NEUTRAL.sub(" ", joined.replace("Тест", "")),
                         re.IGNORECASE), joined


def test_russian_plurals_follow_the_count(data_dir, tmp_path, capsys):
    texts = _outputs("ru", tmp_path, capsys)
    assert "2 записи, с ошибками: 0" in texts[0]
    assert "0 ошибок, 1 предупреждение" in texts[1]
    assert "импортировано: 2 записи (без изменений: 0)" in texts[3]
    assert "1 запись другой формы" in texts[4]
    assert "0 конфликтов" in texts[8]
