"""The organization registry (issue 16): БИН check digit, list import with duplicates and a bad
БИН, merging, linking suggestions across Cyrillic / Latin / Kazakh, VR-17 and VR-18."""
from __future__ import annotations

import csv
import uuid

import openpyxl
import pytest

from forms import load_form, validate_record
from forms.identifiers import bin_problem, control_digit
from reports.registry import entries, merge, registry_counts, suggest
from reports.registry_import import import_registry


def _reference_digit(first11: str) -> int:
    """The published algorithm, written out once more for the test."""
    d = [int(c) for c in first11]
    s = sum(x * w for x, w in zip(d, range(1, 12))) % 11
    if s == 10:
        s = sum(x * w for x, w in zip(d, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
    return s


def _bin(first11: str) -> str:
    return first11 + str(_reference_digit(first11))


BIN_A, BIN_B, BIN_C = _bin("05034000123"), _bin("12084001777"), _bin("18114002045")


@pytest.mark.parametrize("first11,digit", [("99034000123", 0),     # 121 % 11 = 0
                                           ("00000000010", 1)])    # 10 -> 2nd pass: 1
def test_control_digit_worked_examples(first11, digit):
    assert control_digit(first11) == digit == _reference_digit(first11)
    assert bin_problem(first11 + str(digit)) is None
    assert bin_problem(first11 + str((digit + 1) % 10))[0] == "bin_checksum"


def test_bin_is_a_field_check_of_the_forms_engine():
    form = load_form("organization")
    rec = {"form": "organization", "org_unit": "SHY", "period": "2026-03",
           "data": {"name_ru": "ОФ «Добро»", "org_type": "REGISTERED", "region": "SHY",
                    "bin": BIN_A[:-1] + str((int(BIN_A[-1]) + 1) % 10)}}
    found = [f for f in validate_record(form, rec) if f.rule == "bin"]
    assert [f.message_code for f in found] == ["bin_checksum"]
    assert f"должна быть {BIN_A[-1]}" in found[0].text("ru") or BIN_A[-1] in found[0].text("ru")
    rec["data"]["bin"] = "12345"
    assert [f.message_code for f in validate_record(form, rec) if f.rule == "bin"] == [
        "bin_format"]
    rec["data"]["bin"] = BIN_A
    assert not [f for f in validate_record(form, rec) if f.severity == "error"]


def _entry(name_ru, region="SHY", **data) -> dict:
    return {"id": str(uuid.uuid4()), "form": "organization", "form_version": 1,
            "org_unit": region, "period": "2026-01", "status": "draft",
            "data": {"name_ru": name_ru, "region": region,
                     "org_type": "REGISTERED" if data.get("bin") else "INITIATIVE_GROUP",
                     **data}, "justification": None}


@pytest.fixture
def store(tmp_path):
    from desktop.demo_data import DEMO_UNITS
    from store import open_store
    with open_store(tmp_path / "reg.sqlite3") as s:
        s.upsert_org_units([*DEMO_UNITS, {"id": "AST", "kind": "region", "region": "AST",
                                           "name_ru": "г. Астана", "name_kk": "Астана",
                                           "name_en": "Astana"}])
        for rec in (_entry("ОО «Жубанов жылуы»", bin=BIN_A),
                    _entry("BY QAZAQ"), _entry("Молодёжный ресурсный центр", region="AST")):
            s.save_record(rec, user="r1")
        yield s


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Наименование", "БИН", "ОПФ", "Регион", "Другие названия"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_import_with_a_bad_bin_names_row_column_and_saves_nothing(store, tmp_path):
    bad = BIN_C[:-1] + str((int(BIN_C[-1]) + 3) % 10)
    path = _xlsx(tmp_path / "bad.xlsx", [["ОФ «Самғау»", BIN_B, "ОФ", "Шымкент", None],
                                          ["ОО «Қамқор»", bad, "ОО", "Шымкент", None]])
    res, _new, _updates = import_registry(store, path, user="r1")
    assert [(p["row"], p["column"], p["code"]) for p in res.errors] == [
        (3, "БИН", "bin_checksum")]
    msg = res.errors[0]["message"]
    assert msg.startswith(f"Строка 3, столбец «БИН», значение «{bad}»") and BIN_C[-1] in msg
    assert not res.committed and store.count_records(form="organization") == 3


def test_import_merges_duplicates_by_bin_and_by_name(store, tmp_path):
    path = tmp_path / "list.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:   # Kazakh letters
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Наименование", "БИН", "Регион"])
        w.writerow(["Zhubanov Zhyluy", BIN_A, "Шымкент"])          # same BIN, Latin
        w.writerow(["By Qazaq", "", "Шымкент"])                    # same name, other case
        w.writerow(["ОФ «Самғау»", BIN_B, "Шымкент"])              # new
        w.writerow(["Фонд Самгау", BIN_B, "Шымкент"])              # repeats the row above
        w.writerow(["By Qazaq", "", "Астана"])                     # other region: new
    res, new, updates = import_registry(store, path, user="r1")
    assert res.errors == [], res.problems
    codes = [(p["row"], p["code"]) for p in res.problems]
    assert codes == [(2, "registry_duplicate_bin"), (3, "registry_duplicate_name"),
                     (5, "registry_duplicate_bin")]
    assert "«Zhubanov Zhyluy» — та же организация, что «ОО «Жубанов жылуы»»" in \
        res.problems[0]["message"]
    assert res.committed and len(new) == 2 and len(updates) == 2
    pool = {e.name: e for e in entries(store.list_records(form="organization"))}
    assert len(pool) == 5
    assert pool["ОО «Жубанов жылуы»"].data["aliases"] == "Zhubanov Zhyluy"
    assert pool["ОФ «Самғау»"].data["aliases"] == "Фонд Самгау"
    assert pool["ОФ «Самғау»"].data["org_type"] == "REGISTERED"


def test_a_list_imported_again_leaves_its_entries_as_saved(store, tmp_path):
    """The same list twice: the second adds nothing, saves nothing, reports no merge; a row
    with a new spelling still updates its entry."""
    path = _xlsx(tmp_path / "list.xlsx", [[" ОФ «Самғау» ", BIN_B, "ОФ", "Шымкент", None],
                                           ["ОО «Жубанов жылуы»", BIN_A, None, "Шымкент", None]])
    res, new, updates = import_registry(store, path, user="r1")
    assert res.committed and len(new) == 1 and res.unchanged == [3]
    saved = {r["id"]: len(store.audit(r["id"])) for r in store.list_records(form="organization")}
    res, new, updates = import_registry(store, path, user="r1")
    assert res.committed and (new, updates, res.problems) == ([], {}, [])
    assert res.unchanged == [2, 3]
    assert {r["id"]: len(store.audit(r["id"]))
            for r in store.list_records(form="organization")} == saved
    latin = _xlsx(tmp_path / "latin.xlsx", [["Samgau", BIN_B, "ОФ", "Шымкент", None]])
    res, new, updates = import_registry(store, latin, user="r1")
    assert res.unchanged == [] and len(updates) == 1
    assert [p["code"] for p in res.problems] == ["registry_duplicate_bin"]


def test_merge_keeps_both_spellings(store):
    pool = entries(store.list_records(form="organization"))
    keep = next(e for e in pool if e.name == "ОО «Жубанов жылуы»")
    other = _entry("Жубанов Жылуы қоғамдық қоры", directions=["ECO"])
    store.save_record(other, user="r1")
    merged = merge(store, keep.id, other["id"], user="r1")
    assert merged["data"]["aliases"] == "Жубанов Жылуы қоғамдық қоры"
    assert merged["data"]["directions"] == ["ECO"] and merged["data"]["bin"] == BIN_A
    assert store.get_record(other["id"])["deleted"]
    left = [e.name for e in entries(store.list_records(form="organization"))]
    assert sorted(left) == ["BY QAZAQ", "Молодёжный ресурсный центр", "ОО «Жубанов жылуы»"]


def test_merge_refuses_two_organizations_with_different_bins(store):
    from reports.registry import RegistryError
    a, b = _entry("Альфа", bin=BIN_B), _entry("Альфа", bin=BIN_C)
    for r in (a, b):
        store.save_record(r, user="r1")
    with pytest.raises(RegistryError, match="different BINs"):
        merge(store, a["id"], b["id"], user="r1")


@pytest.mark.parametrize("written,expected", [
    ("Zhubanov Zhyluy", "ОО «Жубанов жылуы»"),           # Latin -> Cyrillic
    ("Жубанов жылуы қоры", "ОО «Жубанов жылуы»"),         # Kazakh legal form
    ("BY QАZАQ", "BY QAZAQ"),                             # Cyrillic А inside Latin words
    ("Молодежный ресурсный центр", "Молодёжный ресурсный центр"),
])
def test_suggestions_find_cyrillic_latin_pairs(store, written, expected):
    pool = entries(store.list_records(form="organization"))
    ranked = suggest(written, pool, region="SHY")
    assert ranked and ranked[0][0].name == expected, ranked
    assert ranked[0][1] >= 90


def test_suggestions_rank_and_leave_out_strangers(store):
    pool = entries(store.list_records(form="organization"))
    assert suggest("Красный полумесяц", pool) == []
    ranked = suggest("Жубанов жылу", pool)
    assert ranked[0][0].name == "ОО «Жубанов жылуы»" and ranked[0][1] < 100


def test_vr17_compares_reports_with_the_registry():
    from reports.quality_review import review
    regs = [_entry(f"Организация {i}", bin=_bin(f"0503400{i:04d}")) for i in range(5)]
    report = {"id": "rep", "form": "monthly_report", "form_version": 1, "org_unit": "SHY",
              "period": "2026-03", "status": "submitted", "deleted": False,
              "data": {"registered_orgs_count": 2, "initiative_groups_count": 4}}
    assert registry_counts(regs) == {"SHY": 5}
    found = [f for f in review([*regs, report], use_forms=False) if f["rule"] == "VR-17"]
    assert [f["message_code"] for f in found] == ["review_registry_gap"]
    assert found[0]["params"] == {"count": 2, "registry": 5}
    report["data"].update(registered_orgs_count=5, initiative_groups_count=10)
    assert not [f for f in review([*regs, report], use_forms=False) if f["rule"] == "VR-17"]


def test_vr18_registry_aliases_join_far_spellings():
    from reports.quality_orgs import distinct_organizations

    def ev(name):
        return {"id": str(uuid.uuid4()), "form": "event", "org_unit": "SHY", "period":
                "2026-03", "data": {"organizer_name": name}}
    events = [ev("Центр «Шапағат»"), ev("Shapagat Center"), ev("ЦШ")]
    alone = distinct_organizations(events)
    assert len(alone) == 3
    reg = _entry("Центр «Шапағат»", aliases="ЦШ\nShapagat Center")
    joined = distinct_organizations([*events, reg])
    assert len(joined) == 1 and joined[0]["records"] == 3


def test_vr18_flags_a_registry_entry_entered_twice():
    from reports.quality_review import review
    first = _entry("ОО «Жубанов жылуы»", bin=BIN_A)
    again = _entry("Zhubanov Zhyluy", bin=BIN_A) | {"period": "2026-02"}
    other = _entry("Zhubanov Zhyluy", region="AST") | {"period": "2026-02"}
    found = [f for f in review([first, again, other], use_forms=False)
             if f["message_code"] == "registry_entry_repeated"]
    assert [(f["record_id"], f["params"]["other_id"], f["params"]["how"]) for f in found] == [
        (again["id"], first["id"], "bin")]
    assert "esep registry merge" in found[0]["message"]
