"""Two years of a region with problems planted by hands that are not Esep's
(tests/fixtures/planted/), delivered as its districts deliver — JSON records, the region's
wide table, `esep template` workbooks typed by clerks — and reviewed as its coordinator does
with the real CLI: each planted problem is said at its district and month in ru, kk and en
naming its figure; no clean month carries a warning or an error; the district silent every
winter is listed as missing; the same month sent twice as JSON is refused, a month's
workbook imported again over its submitted report is refused without a reason, and with
one it is, like the region's correction, said by the review (VR-13)."""
from __future__ import annotations

import json

import pytest

from cli.main import main
from store import open_store
from tests.fixtures.planted.clerks import fill_template, wide_table
from tests.fixtures.planted.make_planted import (
    AGE_EXTRA,
    CORRECTED_TOTAL,
    PLANTED,
    RETYPED_HOURS,
    UNITS,
    USER,
    WINTER_SILENT,
    figure_texts,
    figures,
    json_file,
)

PERIOD = "2024-12..2026-11"
# what a planted problem also makes the review say at the same district and month
ALSO = {("PAV-AKS", "2026-07"): {"VR-02"}}   # 80 h per position is also a jump in hours


def run(who: str, monkeypatch, *argv) -> int:
    monkeypatch.setenv("LOGNAME", who)
    monkeypatch.setenv("USER", who)
    return main(list(argv))


def _drafts(data_dir) -> list[tuple[str, str, str]]:
    s = open_store(data_dir / "esep.sqlite3")
    try:
        return [(r["id"], r["org_unit"], r["period"])
                for r in s.list_records(form="monthly_report", status="draft")]
    finally:
        s.close()


def _deliver(data_dir, tmp_path, monkeypatch, capsys) -> None:
    for uid, ru, kk, *_ in UNITS:
        assert run("coordinator", monkeypatch, "orgunits", "add", uid, "--region", "PAV",
                   "--name-ru", ru, "--name-kk", kk) == 0
    v = figures()
    history = tmp_path / "history.json"
    history.write_text(json.dumps(json_file(v), ensure_ascii=False), encoding="utf-8")
    assert run("coordinator", monkeypatch, "import", "monthly_report", str(history)) == 0
    again = json_file({"PAV-EKI": {"2026-02": v["PAV-EKI"]["2026-02"]}}, seed=8)
    twice = tmp_path / "eki_february_again.json"
    twice.write_text(json.dumps(again, ensure_ascii=False), encoding="utf-8")
    assert run("d.omarov", monkeypatch, "import", "monthly_report", str(twice)) == 1
    table = tmp_path / "Свод_сентябрь_2026.xlsx"
    wide_table(table, {uid: months["2026-09"] for uid, months in v.items()})
    assert run("coordinator", monkeypatch, "import", "monthly_report", str(table)) == 0
    for period in ("2026-10", "2026-11"):
        for uid, *_ in UNITS:
            book = tmp_path / f"{uid}_{period}.xlsx"
            assert run(USER[uid], monkeypatch, "template", "monthly_report", "--org-unit", uid,
                       "--period", period, "-o", str(book)) == 0
            fill_template(book, v[uid][period],
                          age_extra=AGE_EXTRA if (uid, period) == ("PAV-BAY", "2026-11") else 0)
            assert run(USER[uid], monkeypatch, "import", "monthly_report", str(book)) == 0
    for rid, uid, _period in _drafts(data_dir):
        run(USER.get(uid, "coordinator"), monkeypatch, "submit", rid, "--justification",
            "сверено с районом")
    # the same month's workbook again, hours retyped; the region's own correction
    book = tmp_path / "PAV-MAY_2026-11.xlsx"
    fill_template(book, dict(v["PAV-MAY"]["2026-11"], volunteer_hours=RETYPED_HOURS))
    capsys.readouterr()
    assert run("b.tokhtarov", monkeypatch, "import", "monthly_report", str(book)) == 1
    err = capsys.readouterr().err              # a submitted month is not overwritten silently
    assert "отчёт PAV-MAY за 2026-11 уже подан, а книга меняет 1 показатель" in err, err
    assert run("b.tokhtarov", monkeypatch, "import", "monthly_report", str(book), "--reason",
               "отправили ещё раз с уточнёнными часами") == 0
    book = tmp_path / "PAV-BAY_2026-10.xlsx"
    d = v["PAV-BAY"]["2026-10"]
    more = CORRECTED_TOTAL - d["volunteers_total"]
    fill_template(book, dict(d, volunteers_total=CORRECTED_TOTAL,
                             gender=dict(d["gender"], F=d["gender"]["F"] + more),
                             age=dict(d["age"], A14_17=d["age"]["A14_17"] + more),
                             occupation=dict(d["occupation"],
                                             SCHOOL=d["occupation"]["SCHOOL"] + more)))
    assert run("coordinator", monkeypatch, "import", "monthly_report", str(book), "--reason",
               "Уточнено по данным акимата") == 0


@pytest.fixture
def region(data_dir, tmp_path, monkeypatch, capsys):
    _deliver(data_dir, tmp_path, monkeypatch, capsys)
    capsys.readouterr()
    return data_dir


def test_every_planted_problem_is_said_where_it_is_and_nothing_else(region, monkeypatch,
                                                                    capsys):
    assert run("coordinator", monkeypatch, "report", "quality", "--period", PERIOD,
               "--region", "PAV", "--json") == 0
    review = json.loads(capsys.readouterr().out)
    said: dict[tuple[str, str], set[str]] = {}
    for f in review:
        if f["severity"] in ("warning", "error") or f["rule"] in ("VR-14", "VR-19"):
            said.setdefault((f["org_unit"], f["period"]), set()).add(f["rule"])
    zhe_year = {("PAV-ZHE", f"2025-{m:02d}"): {"VR-19"} for m in range(2, 13)}
    want = {where: {rule} | ALSO.get(where, set()) for where, rule in PLANTED.items()}
    assert said == {**want, **zhe_year}       # each problem where it is; no false alarm
    figures_said = figure_texts(figures())
    for where, rule in PLANTED.items():
        figure = figures_said[where]
        texts = [f["message"] for f in review
                 if (f["org_unit"], f["period"]) == where and f["rule"] == rule]
        assert any(figure in t for t in texts), (where, texts)
    for lang, word in (("kk", "өзгертілді"), ("en", "changed after submission")):
        assert run("coordinator", monkeypatch, "--lang", lang, "report", "quality", "--period",
                   PERIOD, "--region", "PAV", "--rule", "VR-13") == 0
        out = capsys.readouterr().out
        assert out.count(word) == 2 and figures_said[("PAV-BAY", "2026-10")] in out, out


def test_the_winter_gaps_are_missing_and_the_drafts_counted(region, monkeypatch, capsys):
    assert run("coordinator", monkeypatch, "report", "completeness", "--period", PERIOD,
               "--region", "PAV") == 0
    comp = json.loads(capsys.readouterr().out)
    assert comp["missing"] == [{"org_unit": WINTER_SILENT, "period": p} for p in (
        "2024-12", "2025-01", "2025-02", "2025-12", "2026-01", "2026-02")]
    assert comp["total"]["expected"] == 7 * 24 and comp["total"]["draft"] == 2
