"""Roster import from .xlsx / .csv: headers in ru/kk/en anywhere in the first rows, mapping,
dry-run preview, text hygiene, duplicates (VR-20), broken files, atomic commit."""
from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from forms.names import same_person
from forms.people import person_key, person_match
from reports.io import ImportFailed, import_file
from reports.text import clean_text
from store import open_store

FG_ROWS = [
    ["№", "Ф.И.О.", "Организация", "Должность", "Категория", "Район"],
    [1, "Чагай  Николай", "«Lider.kz Жамбылской области»", "руководитель",
     "Студенческие организации", "Тараз"],
    [2, "Саги\u00a0А.", "New Wave", "активный волонтёр", "STATE", "Астана"],
    [3, "Ахметова Айгерим", "ОО «Жарқын", "председатель", "Системные волонтёрские организации",
     ""],
]


def write_xlsx(path, rows, *, preamble=(), sheet="Лист1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in [*preamble, *rows]:
        ws.append(list(row))
    wb.save(path)
    return path


def write_csv(path, rows, encoding="utf-8", delimiter=";"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="trainer")
    yield s
    s.close()


def preview(store, path, **kw):
    return import_file(store, "focus_group", path, user="trainer", dry_run=True,
                       org_unit="ZHA", period="2023-09", **kw)


def test_xlsx_header_not_first_row_and_preview(store, tmp_path):
    path = write_xlsx(tmp_path / "fg.xlsx", FG_ROWS,
                      preamble=[["Список участников фокус-группы"], [], ["г. Тараз, 18.09.2023"]])
    res = preview(store, path)
    assert res.header_row == 4
    rows = res.records[0]["data"]["participants"]
    assert [r["no"] for r in rows] == [1, 2, 3]
    assert rows[0]["full_name"] == "Чагай Николай"                    # double space collapsed
    assert rows[1]["full_name"] == "Саги А."                         # NBSP collapsed
    assert rows[0]["participant_category"] == "STUDENT"               # label -> code
    assert rows[2]["participant_category"] == "SYSTEMIC"
    assert "consent" not in rows[0]                    # not in the file: completed in the grid
    assert len(res.diff) == 3 and not res.errors
    quotes = [p for p in res.problems if p["code"] == "text_unbalanced_quotes"]
    assert quotes and quotes[0]["row"] == 7 and quotes[0]["column"] == "Организация"
    assert store.count_records(form="focus_group") == 0                # dry run writes nothing


def test_kazakh_and_english_headers_csv_encodings(store, tmp_path):
    kk = [["Реттік нөмір", "Аты-жөні", "Ұйым", "Санаты"], ["1", "Жубанов Ерлан", "Жылу", "STUDENT"]]
    en = [["No.", "Full name", "Organization", "Category"], ["1", "Zhubanov Erlan", "Zhylu",
                                                              "Student organisations"]]
    ru = [["№ п/п", "ФИО", "Организация", "Категория участника"],
          ["1", "Ёлкин Пётр", "Фонд", "STATE"]]
    for name, rows, enc in (("kk.csv", kk, "utf-8"), ("en.csv", en, "utf-8"),
                            ("ru.csv", ru, "cp1251")):
        res = preview(store, write_csv(tmp_path / name, rows, encoding=enc))
        row = res.records[0]["data"]["participants"][0]
        assert row["full_name"] == rows[1][1] and row["participant_category"], name
        assert not res.errors, (name, res.problems)


def test_problems_name_row_column_reason(store, tmp_path):
    rows = [FG_ROWS[0], [1, "Иванов Иван", "Фонд", "", "неизвестно", ""],
            [2, "", "Фонд", "", "STATE", ""], [4, "Аudi Петров", "Фонд", "", "", ""],
            [5, "Иванов Иван", "Фонд", "", "STATE", ""]]
    res = preview(store, write_xlsx(tmp_path / "bad.xlsx", rows))
    by_code = {p["code"]: p for p in res.problems}
    assert by_code["unknown_choice"]["row"] == 2 and by_code["unknown_choice"]["column"] == \
        "Категория"
    assert "неизвестно" in by_code["unknown_choice"]["message"]
    assert any(p["code"] == "required" and p["row"] == 3 and p["field"] == "full_name"
               for p in res.problems)
    assert any(p["code"] == "required" and p["row"] == 4 and p["field"] == "participant_category"
               for p in res.problems)
    assert by_code["text_mixed_script"]["severity"] == "warning"
    assert by_code["numbering_gap"]["severity"] == "warning"
    dup = by_code["duplicate_in_list"]
    assert dup["row"] == 5 and "строке 2" in dup["message"] and dup["severity"] == "warning"
    assert not res.errors                          # issue 11: a readable list is a draft
    done = import_file(store, "focus_group", tmp_path / "bad.xlsx", user="t", org_unit="ZHA",
                       period="2023-09")
    rec = store.get_record(done.records[0]["id"])
    assert rec["status"] == "draft"
    assert [r["full_name"] for r in rec["data"]["participants"]] == [
        "Иванов Иван", "Аudi Петров", "Иванов Иван"]       # row 3 (no name) was skipped


def test_unsure_column_is_used_and_said(store, tmp_path):
    rows = [["№", "Ф.И.О.", "Организацыя", "Категория"], [1, "Иванов Иван", "Фонд", "STATE"]]
    path = write_xlsx(tmp_path / "unsure.xlsx", rows)
    res = preview(store, path)
    assert not res.errors
    assert [p["column"] for p in res.warnings if p["code"] == "column_unsure"] == ["Организацыя"]
    assert res.records[0]["data"]["participants"][0]["organization"] == "Фонд"
    res = preview(store, path, mapping={"Организацыя": "organization"})
    assert not res.errors
    assert res.records[0]["data"]["participants"][0]["organization"] == "Фонд"
    res = preview(store, path, mapping={"C": None})
    assert not res.errors and "organization" not in res.records[0]["data"]["participants"][0]
    with pytest.raises(ImportFailed, match="«salary»: такого поля нет"):
        preview(store, path, mapping={"C": "salary"})


@pytest.mark.parametrize("kind", ["corrupt", "encrypted", "empty", "wrong_columns", "formulas",
                                  "header_only"])
def test_broken_files_clear_error(store, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    if kind == "corrupt":
        write_xlsx(path, FG_ROWS)
        path.write_bytes(path.read_bytes()[:300])
    elif kind == "encrypted":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    elif kind == "empty":
        write_xlsx(path, [])
    elif kind == "wrong_columns":
        write_xlsx(path, [["Дата", "Сумма", "Комментарий"], ["2023-01-01", 5, "x"]])
    elif kind == "formulas":
        write_xlsx(path, [["=CONCAT(\"Ф.И.О\",\"\")", "=\"Организация\""], ["=A5", "=B5"]])
    else:
        write_xlsx(path, [FG_ROWS[0]])
    codes = {"corrupt": "file_corrupt", "encrypted": "file_encrypted", "empty": "file_empty",
             "wrong_columns": "no_header", "formulas": "formulas_without_values",
             "header_only": "no_rows"}
    with pytest.raises(ImportFailed) as exc:
        preview(store, path)
    assert exc.value.code == codes[kind], str(exc.value)
    assert path.name in str(exc.value)
    if kind == "wrong_columns":
        assert "Сумма" in str(exc.value) and "Ф.И.О." in str(exc.value)
    assert store.count_records() == 0


def test_zip_that_is_not_a_workbook(store, tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ImportFailed) as exc:
        preview(store, path)
    assert exc.value.code == "file_corrupt"


def test_very_large_csv_is_stopped_early(store, tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ФИО", "Организация", "Категория"])
        w.writerows([f"Person{i} Name{i}", "Org", "STATE"] for i in range(200_001))
    with pytest.raises(ImportFailed) as exc:
        preview(store, path)
    assert exc.value.code == "too_many_rows" and "100,000" in str(exc.value)
    res = preview(store, path, row_limit=250_000)        # bounded streaming when allowed
    assert len(res.records[0]["data"]["participants"]) == 200_001


def test_text_hygiene_and_person_matching_units():
    assert clean_text("  ОО  «Life\u00a0time M» ")[0] == "ОО «Life time M»"
    assert clean_text("Алма-/ты")[0] == "Алматы"
    assert [i.code for i in clean_text("Аudi club")[1]] == ["text_mixed_script"]
    assert same_person("Чагай Николай", "Chagai Nikolay")
    assert same_person("Саги А.", "Саги Асель")
    assert same_person("Жубанов Ерлан", "Zhubanov Yerlan")
    assert not same_person("Иванов Петр", "Петров Иван")
    assert not same_person("Саги А.", "Саги Болат")


def test_person_match_needs_name_and_organization():
    # across scripts and Kazakh letters, organizations with and without their legal form
    assert person_match("Жубанов Ерлан", "ОО «Жубанов жылуы»",
                        "Zhubanov Yerlan", "Zhubanov Zhyluy") == "same"
    assert person_match("Әбдіғали Ұлжан", "Жас Отан", "Abdigali Ulzhan", "«Жас Отан»") == "same"
    # a surname one letter apart, another organization: namesakes at most
    assert person_match("Касымова Динара", "Болашақ", "Касимова Динара", "Жастар үйі") == \
        "namesake"
    assert person_match("Касымова Динара", "", "Касымова Динара", "Болашақ") == "namesake"
    assert person_match("Иванов Петр", "Болашақ", "Петров Иван", "Болашақ") is None
    assert person_key("Ерлан Жубанов", "ОО Жубанов жылуы") == \
        person_key("Zhubanov Erlan", "Zhubanov Zhyluy")


def test_commit_is_one_record_and_cross_list_people_warn(store, tmp_path):
    path = write_xlsx(tmp_path / "fg.xlsx", FG_ROWS)
    res = import_file(store, "focus_group", path, user="trainer", org_unit="ZHA",
                      period="2023-09")
    assert res.committed
    stored = store.get_record(res.records[0]["id"])
    assert stored["org_unit"] == "ZHA" and len(stored["data"]["participants"]) == 3
    assert [a["field"] for a in store.audit(stored["id"])].count("participants") == 1
    # a second list in another region, in Latin script with initials
    latin = [["No", "Full name", "Organization", "Category"],
             [1, "Chagai Nikolay", "Lider.kz", "STATE"], [2, "Sagi Asel", "New Wave", "STATE"],
             [3, "Brand New Person", "X", "STATE"]]
    res2 = import_file(store, "focus_group", write_csv(tmp_path / "aty.csv", latin,
                                                       delimiter=","),
                       user="trainer", dry_run=True, org_unit="ATY", period="2023-09")
    # Row 3: name (initials vs full) and organization agree -> the same person, a warning.
    # Row 2: the name agrees across scripts, the organization does not -> a namesake, info.
    hits = {p["row"]: p for p in res2.problems if p["field"] == "full_name"
            and p["code"] in ("person_in_other_list", "namesake_in_other_list")}
    assert {r: (p["code"], p["severity"]) for r, p in hits.items()} == {
        3: ("person_in_other_list", "warning"), 2: ("namesake_in_other_list", "info")}
    assert "New Wave" not in hits[3]["message"]
    # the other list's region by its name, not its code
    assert "Жамбылская" in hits[3]["message"] and "ZHA" not in hits[3]["message"]


def test_append_to_existing_list_warns_of_duplicates(store, tmp_path):
    res = import_file(store, "focus_group", write_xlsx(tmp_path / "a.xlsx", FG_ROWS),
                      user="trainer", org_unit="ZHA", period="2023-09")
    rid = res.records[0]["id"]
    more = [FG_ROWS[0], [1, "Новый Участник", "Фонд", "", "STATE", ""]]
    res = import_file(store, "focus_group", write_xlsx(tmp_path / "b.xlsx", more),
                      user="trainer", record_id=rid)
    rows = store.get_record(rid)["data"]["participants"]
    assert [r["no"] for r in rows] == [1, 2, 3, 4] and rows[3]["full_name"] == "Новый Участник"
    again = [FG_ROWS[0], [1, "Chagai Nikolai", "Lider kz Жамбылской области", "", "STATE", ""]]
    res = import_file(store, "focus_group", write_xlsx(tmp_path / "c.xlsx", again),
                      user="trainer", record_id=rid, dry_run=True, lang="en")
    dup = [p for p in res.problems if p["code"] == "duplicate_in_list"]
    assert dup and "already stored" in dup[0]["message"] and dup[0]["severity"] == "warning"
    assert len(store.get_record(rid)["data"]["participants"]) == 4


def test_seminar_department_from_organization(store, tmp_path):
    rows = [["№", "ФИО", "Организация", "Должность"],
            [1, "Иванов Иван", "Департамент полиции", "инспектор"]]
    res = import_file(store, "seminar", write_xlsx(tmp_path / "s.xlsx", rows), user="t",
                      dry_run=True, org_unit="KAR", period="2023-10")
    row = res.records[0]["data"]["attendees"][0]
    assert row["department"] == "DVD" and row["position"] == "инспектор", res.problems


def test_large_xlsx_stops_with_clear_error(store, tmp_path):
    rows = [["ФИО", "Организация", "Категория"]] + [[f"Человек{i} Имя", "Орг", "STATE"]
                                                     for i in range(2_500)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    with pytest.raises(ImportFailed) as exc:
        preview(store, path, row_limit=1_000)
    assert exc.value.code == "too_many_rows" and "1,000" in str(exc.value)
    assert len(preview(store, path, row_limit=3_000).records[0]["data"]["participants"]) == 2_500


def test_damaged_workbooks_never_crash(store, tmp_path):
    """Truncated and bit-flipped workbooks: a clear ImportFailed (or a clean parse), never
    another exception, never a record written."""
    import random

    rows = [FG_ROWS[0]] + [[i, f"Имя{i} Фамилия", "Орг", "", "STATE", ""] for i in range(500)]
    data = write_xlsx(tmp_path / "ok.xlsx", rows).read_bytes()
    rng = random.Random(5)
    blobs = [data[:cut] for cut in range(40, len(data), len(data) // 12)]
    for _ in range(12):
        b = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        blobs.append(bytes(b))
    failed = 0
    for i, blob in enumerate(blobs):
        path = tmp_path / f"d{i}.xlsx"
        path.write_bytes(blob)
        try:
            preview(store, path)
        except ImportFailed as exc:
            failed += 1
            assert exc.code in ("file_corrupt", "file_empty", "no_header", "no_rows"), exc.code
    assert failed >= len(blobs) // 2
    assert store.count_records() == 0


def _fg(rid: str, unit: str, people: list[tuple[str, str]]) -> dict:
    rows = [{"no": i, "full_name": n, "organization": o, "participant_category": "STUDENT_ORG"}
            for i, (n, o) in enumerate(people, start=1)]
    return {"id": rid, "form": "focus_group", "form_version": 1, "org_unit": unit,
            "period": "2023-09", "status": "submitted",
            "data": {"participants": rows, "date": "2023-09-14"}}


def test_review_across_regions_needs_name_and_organization():
    from reports.quality_review import review

    units = [{"id": "ZHA", "kind": "region", "region": "ZHA"},
             {"id": "ATY", "kind": "region", "region": "ATY"}]
    lists = [_fg("a", "ZHA", [("Жубанов Ерлан", "ОО «Жубанов жылуы»"),
                              ("Касымова Динара", "Болашақ")]),
             _fg("b", "ATY", [("Zhubanov Yerlan", "Zhubanov Zhyluy"),
                              ("Касимова Динара", "Жастар үйі")])]
    found = [f for f in review(lists, units=units, use_forms=False, lang="en")
             if f["rule"] == "VR-20"]
    by = {(f["record_id"], f["message_code"]): f for f in found}
    assert by[("a", "review_person_two_regions")]["severity"] == "warning"
    namesake = by[("a", "review_namesake_two_regions")]
    assert namesake["severity"] == "info" and "Касымова Динара" in namesake["message"]
    assert all(f["severity"] in ("warning", "info") for f in found)
