"""VR-04: implausibly low / high regional cells, per 1,000 residents against the peer regions
(INFO) and against the region's own previous 12 months (WARN), on canonical monthly reports."""
from __future__ import annotations

import re
import tomllib
import uuid

import pytest

from forms.messages import message_text
from forms.paths import resources_dir
from reports.quality_population import load_population, population, population_findings
from reports.quality_review import Thresholds, filter_findings, review
from reports.synthetic import split

AGES = ["U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"]
OCCS = ["SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED", "PENSIONER", "OTHER"]
REGIONS = ["AST", "ALA", "SHY", "ABA", "AKM", "AKT", "ALM", "ATY", "VKO", "ZHA", "KAR"]
RATE = 5.0                                     # volunteers per 1,000 residents
CODES = ("review_percapita_low", "review_percapita_high", "review_own_history_low")


def report(unit: str, period: str, total: int, *, scale: dict | None = None) -> dict:
    """A monthly report whose breakdowns add up; `scale` multiplies single cells."""
    occ = dict(zip(OCCS, split(total, [30, 28, 22, 8, 4, 8])))
    for cell, k in (scale or {}).items():
        occ[cell.split(".")[1]] = round(occ[cell.split(".")[1]] * k)
    total = sum(occ.values())
    female = round(total * 0.55)
    data = {"volunteers_total": total, "gender": {"F": female, "M": total - female},
            "age": dict(zip(AGES, split(total, [4, 22, 38, 16, 11, 6, 3]))),
            "occupation": occ, "registered_orgs_count": 10, "initiative_groups_count": 20,
            "rfo_support_provided": "NO", "rfo_support_types": []}
    return {"id": str(uuid.uuid4()), "form": "monthly_report", "form_version": 1,
            "org_unit": unit, "period": period, "status": "submitted", "data": data,
            "revision": 1, "deleted": False, "updated_at": f"{period}-28T10:00:00Z",
            "updated_by": "test", "created_at": f"{period}-28T10:00:00Z"}


def country(regions=REGIONS, period="2024-03", *, factor=None, scale=None, noise=0.08):
    """One report per region at about RATE per 1,000 (deterministic spread of ±noise)."""
    out = []
    for i, reg in enumerate(regions):
        k = 1 + noise * ((i * 7) % 5 - 2) / 2
        total = round(population()[reg] * RATE / 1000 * k * (factor or {}).get(reg, 1))
        out.append(report(reg, period, total, scale=(scale or {}).get(reg)))
    return out


def series(unit, totals, start=1):
    return [report(unit, f"2024-{m:02d}", n) for m, n in enumerate(totals, start)]


def vr04(records, units=None, pop=None):
    return population_findings(records, Thresholds(), units, pop=pop)


def test_population_table_covers_every_region():
    with (resources_dir() / "population.toml").open("rb") as fh:
        doc = tomllib.load(fh)
    with (resources_dir() / "enums" / "regions.toml").open("rb") as fh:
        codes = {item["code"] for item in tomllib.load(fh)["item"]}
    assert set(population()) == codes and len(codes) == 20
    assert doc["as_of"] == "2024-01-01" and "approximate" in doc["source"]
    assert 19_000_000 < sum(population().values()) < 21_000_000
    assert population()["ALA"] > population()["TUR"] > population()["AST"] > population()["ULY"]


def test_one_region_cell_at_a_tenth_is_flagged_low():
    records = country(scale={"SHY": {"occupation.STUDENT": 0.1}})
    found = vr04(records)
    assert [(f["region"], f["fields"], f["message_code"], f["severity"]) for f in found] == [
        ("SHY", ["occupation.STUDENT"], "review_percapita_low", "info")]
    p = found[0]["params"]
    shy = next(r for r in records if r["org_unit"] == "SHY")
    assert found[0]["record_id"] == shy["id"] and found[0]["period"] == "2024-03"
    assert p["value"] == shy["data"]["occupation"]["STUDENT"] and p["population"] == 1_222_000
    assert p["rate"] == pytest.approx(1000 * p["value"] / 1_222_000, abs=1e-3)
    assert p["rate"] * 3 <= p["median"]
    via_review = filter_findings(review(records, use_forms=False), rule="VR-04")
    assert [(f["region"], f["message_code"]) for f in via_review] == [
        ("SHY", "review_percapita_low")]
    assert "SHY" in via_review[0]["message"] and str(p["value"]) in via_review[0]["message"]


def test_one_region_at_ten_times_is_one_high_finding_on_its_total():
    found = vr04(country(factor={"ATY": 10}))       # every cell is high: reported once
    assert [(f["region"], f["params"]["cell"], f["message_code"]) for f in found] == [
        ("ATY", "volunteers_total", "review_percapita_high")]
    both = vr04(country(factor={"ATY": 10}, scale={"ATY": {"occupation.STUDENT": 0.003}}))
    assert {(f["params"]["cell"], f["message_code"]) for f in both} == {
        ("volunteers_total", "review_percapita_high"),
        ("occupation.STUDENT", "review_percapita_low")}


def test_uniform_country_gives_no_finding():
    assert vr04(country(noise=0)) == []
    assert vr04(country(noise=0.2)) == []
    assert filter_findings(review(country(), use_forms=False), rule="VR-04") == []


def test_fewer_than_five_regions_give_no_finding():
    low = {"SHY": {"occupation.STUDENT": 0.1}}
    assert vr04(country(REGIONS[:4], scale=low)) == []
    assert [f["region"] for f in vr04(country(REGIONS[:5], scale=low))] == ["SHY"]


def test_region_without_population_is_not_compared_and_does_not_crash(tmp_path):
    table = tmp_path / "population.toml"
    rows = [f"{code} = {n}" for code, n in population().items() if code != "SHY"]
    table.write_text('as_of = "2024-01-01"\n[population]\n' + "\n".join(rows), "utf-8")
    pop = load_population(table)
    assert "SHY" not in pop and len(pop) == 19
    records = country(factor={"SHY": 0.1, "KAR": 0.1})
    assert {f["region"] for f in vr04(records)} == {"SHY", "KAR"}
    assert {(f["region"], f["message_code"]) for f in vr04(records, pop=pop)} == {
        ("KAR", "review_percapita_low")}
    records.append(report("XXX", "2024-03", 3))         # a code that is no region at all
    assert {f["region"] for f in vr04(records)} == {"SHY", "KAR"}
    history = series("SHY", [6000, 6100, 6200, 600])
    nothing = load_population(tmp_path / "absent.toml")
    assert nothing == {} and vr04(records, pop=nothing) == []
    assert {f["message_code"] for f in vr04(history, pop=nothing)} == {"review_own_history_low"}


def test_region_figures_sum_districts_and_carry_their_latest_report():
    units = [{"id": "KAR", "region": "KAR"}] + [
        {"id": f"KAR-D{i}", "region": "KAR"} for i in range(4)]
    umap = {u["id"]: u for u in units}
    records = [r for r in country() if r["org_unit"] != "KAR"]
    quarter = round(population()["KAR"] * RATE / 1000 / 4)
    whole = records + [report(f"KAR-D{i}", "2024-03", quarter) for i in range(4)]
    assert vr04(whole, umap) == []                                  # the 4 districts summed
    records.append(report("KAR-D0", "2024-03", quarter))
    assert {f["region"] for f in vr04(records, umap)} == {"KAR"}    # 3 districts missing
    earlier = [report(f"KAR-D{i}", "2024-02", quarter) for i in (1, 2, 3)]
    assert vr04(records + earlier, umap) == []                      # their February counts
    found = filter_findings(review(records, units=units, use_forms=False), rule="VR-04")
    assert {(f["region"], f["org_unit"]) for f in found} == {("KAR", "KAR-D0")}


def test_own_history_drop_is_a_warning():
    records = series("ABA", [3000, 3050, 3100, 3120, 3150, 3200, 800])
    found = vr04(records)
    assert [(f["params"]["cell"], f["message_code"], f["severity"], f["period"])
            for f in found] == [("volunteers_total", "review_own_history_low", "warning",
                                 "2024-07")]
    total = found[0]
    assert total["params"] == {"region": "ABA", "cell": "volunteers_total", "value": 800,
                               "median": 3110.0, "months": 6}
    assert total["record_id"] == records[-1]["id"]
    one_cell = records[:-1] + [report("ABA", "2024-07", 3200,
                                      scale={"occupation.STUDENT": 0.2})]
    assert [(f["params"]["cell"], f["message_code"]) for f in vr04(one_cell)] == [
        ("occupation.STUDENT", "review_own_history_low")]


def test_stable_or_short_history_gives_no_warning():
    assert vr04(series("ABA", [3000, 3050, 3100, 3120, 3150, 3200, 2900])) == []
    assert vr04(series("ABA", [3000, 3050, 800])) == []              # two months: too short
    old = series("ABA", [3000] * 6, start=1) + [report("ABA", "2025-06", 800)]
    assert vr04(old) == []                                           # > 12 months ago


def test_messages_render_in_every_language():
    records = country(scale={"SHY": {"occupation.STUDENT": 0.1}}, factor={"ATY": 10})
    records += series("PAV", [3000, 3050, 3100, 800])
    found = vr04(records)
    assert {f["message_code"] for f in found} == set(CODES)
    for f in found:
        for lang in ("ru", "kk", "en"):
            text = message_text(f["message_code"], lang, f["params"])
            assert not re.search(r"\{\w+\}", text), text
            assert f["params"]["region"] in text and str(f["params"]["value"]) in text
        assert message_text(f["message_code"], "kk", f["params"]) != message_text(
            f["message_code"], "ru", f["params"])
